/*
 * report.html's people: paid hours against the contract, weekends,
 * nights and requests, one row per person; the counts are core/measure's,
 * the same as rota.json's.
 */
#include "html_internal.h"

#include "measure.h"
#include "problem.h"
#include "roster.h"

static void people_row(const struct page *pg, size_t p)
{
	const struct staff *st = &pg->sc->staff[p];
	const struct problem *pb = pg->s->pb;
	double paid = roster_paid_hours(pg->s->r, (int)p);
	double target = pb->people[p].target_hours;
	FILE *f = pg->f;

	fputs("<tr data-staff=\"", f);
	html_esc(f, st->id);
	fputs("\"><td>", f);
	html_esc(f, st->id);
	fputs("</td><th scope=\"row\">", f);
	html_esc(f, st->name);
	fputs("</th><td>", f);
	html_esc(f, pg->sc->neighbourhoods[st->home].name);
	fputs("</td><td>", f);
	html_esc(f, pg->sc->roles[st->role].id);
	fputs("</td>", f);
	html_td_num(f, st->fte, 2);
	html_td_num(f, paid, 2);
	html_td_num(f, target, 2);
	fprintf(f, "<td class=\"n%s\">", paid < target - 0.005 ? " under" : "");
	html_num(f, paid - target, 2);
	fprintf(f, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
		"<td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
		measure_weekends(pb, pg->s->r, (int)p), measure_nights(pb, pg->s->r, (int)p),
		measure_requests_granted(pb, pg->s->r, (int)p), measure_requests_total(pb, (int)p));
}

void html_people(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	size_t n, r, p;

	fputs("<section id=\"people\">\n<h2>People</h2>\n<p class=\"note\">Paid "
	      "hours over the horizon against the contract target (fte "
	      "&times; hours per FTE week, less leave); a negative difference, "
	      "in red, is hours short of contract.</p>\n<table id=\"people-table\">"
	      "\n<caption>Hours, weekends, nights and requests per person"
	      "</caption>\n<thead><tr><th scope=\"col\">Staff</th>"
	      "<th scope=\"col\">Name</th><th scope=\"col\">Home</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\">FTE</th>"
	      "<th scope=\"col\">Paid hours</th><th scope=\"col\">Contract "
	      "hours</th><th scope=\"col\">Difference</th>"
	      "<th scope=\"col\">Weekends</th><th scope=\"col\">Nights</th>"
	      "<th scope=\"col\">Requests granted</th>"
	      "<th scope=\"col\">Requests made</th></tr></thead>\n<tbody>\n", f);
	for (n = 0; n < sc->n_neighbourhoods; n++)
		for (r = 0; r < sc->n_roles; r++)
			for (p = 0; p < sc->n_staff; p++)
				if (sc->staff[p].home == (int)n &&
				    sc->staff[p].role == (int)r)
					people_row(pg, p);
	fputs("</tbody>\n</table>\n</section>\n", f);
}
