/*
 * report.html's summary, for the people who read the page: a lead and
 * HR.  First what the rota achieved (cover, hours short and where, the
 * FTE that would cover them) and the posts to fill, then demand by
 * service and the FTE gap by role, and a note on which FTE figure
 * answers which question.  The solver's own figures (objective, bound)
 * are in report_html_solver.c, lower down.
 */
#include "html_internal.h"

#include <math.h>

#include "coverage.h"
#include "fte_gap.h"
#include "plan.h"

/* Rows of "where the hours are short": the worst few, enough to act
 * on; the coverage section has every row. */
#define WORST_ROWS 8

static double row_short(const struct coverage_row *w, int days, int *n_days)
{
	double h = 0;
	int d;

	*n_days = 0;
	for (d = 0; d < days; d++) {
		h += w->day[d].short_hours;
		*n_days += w->day[d].short_hours > 0;
	}
	return h;
}

/* Indices of the WORST_ROWS rows with most hours short, worst first;
 * ties keep the coverage table's order.  Returns how many. */
static int worst_rows(const struct coverage *cv, size_t out[WORST_ROWS])
{
	double h[WORST_ROWS];
	int n = 0, k, nd;
	size_t i;

	for (i = 0; i < cv->n; i++) {
		double v = row_short(&cv->rows[i], cv->days, &nd);

		if (v <= 0 || (n == WORST_ROWS && v <= h[n - 1]))
			continue;
		k = n < WORST_ROWS ? n++ : n - 1;
		for (; k > 0 && h[k - 1] < v; k--) {
			h[k] = h[k - 1];
			out[k] = out[k - 1];
		}
		h[k] = v;
		out[k] = i;
	}
	return n;
}

static void unit_name(const struct page *pg, const struct coverage_row *w)
{
	const struct scenario *sc = pg->sc;

	if (w->scope == SCOPE_NEIGHBOURHOOD) {
		html_esc(pg->f, sc->neighbourhoods[w->unit].name);
		return;
	}
	if (w->scope != SCOPE_BOROUGH) {
		html_esc(pg->f, scenario_scope_name(sc, w->scope));
		fputc(' ', pg->f);
	}
	html_esc(pg->f, scenario_unit_id(sc, w->scope, (size_t)w->unit));
}

static void worst_row(const struct page *pg, const struct coverage_row *w)
{
	FILE *f = pg->f;
	char a[8], b[8];
	int nd;
	double h = row_short(w, pg->cov->days, &nd);

	html_wall(w->from_min, a);
	html_wall(w->to_min, b);
	fputs("<tr><td>", f);
	html_esc(f, pg->sc->services[w->service].name);
	fputs("</td><th scope=\"row\">", f);
	unit_name(pg, w);
	fputs("</th><td>", f);
	html_esc(f, pg->sc->roles[w->role].name);
	fputs("</td><td>", f);
	html_esc(f, w->label);
	fprintf(f, "</td><td>%s&ndash;%s</td><td class=\"n\">%d</td>", a, b, nd);
	html_td_num(f, h, 1);
	fputs("</tr>\n", f);
}

static void where_short(const struct page *pg)
{
	size_t idx[WORST_ROWS];
	int n = worst_rows(pg->cov, idx), i;
	FILE *f = pg->f;

	if (!n) {
		fputs("<p id=\"short-where\">Every band is covered on every day."
		      "</p>\n", f);
		return;
	}
	fputs("<table id=\"short-where\">\n<caption>Where the hours are short "
	      "(the bands with most person-hours short; the coverage section "
	      "has every band and day)</caption>\n<thead><tr>"
	      "<th scope=\"col\">Service</th><th scope=\"col\">Unit</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\">Band</th>"
	      "<th scope=\"col\">Time</th><th scope=\"col\">Days short</th>"
	      "<th scope=\"col\">Person-hours short</th></tr></thead>\n<tbody>\n",
	      f);
	for (i = 0; i < n; i++)
		worst_row(pg, &pg->cov->rows[idx[i]]);
	fputs("</tbody>\n</table>\n", f);
}

static void key_rota(const struct page *pg)
{
	const struct fte_gap_cell *t = &pg->s->gap->total;
	FILE *f = pg->f;

	html_row_num(f, "cover", "Cover achieved (%)", t->demand_hours > 0
		     ? 100 * (t->demand_hours - t->uncovered_hours) /
		     t->demand_hours : 100, 1);
	html_row_num(f, "demand", "Demand person-hours", t->demand_hours, 1);
	html_row_num(f, "uncovered", "Person-hours short", t->uncovered_hours, 1);
	html_row_num(f, "uncovered-fte", "FTE the rota shows short",
		     t->uncovered_fte, 2);
}

static void key_plan(const struct page *pg)
{
	const struct plan_cell *t = &pg->p->total;
	FILE *f = pg->f;

	html_row_num(f, "gap-fte", "FTE gap: posts to fill", t->gap_fte, 2);
	html_row_num(f, "required-fte", "Required FTE", t->required_fte, 2);
	html_row_num(f, "in-post-fte", "In post FTE", t->in_post_fte, 2);
	html_row_num(f, "uplift", "Uplift (%)", pg->sc->planning.uplift_pct, 1);
	html_row_num(f, "hours-per-fte", "Hours per FTE week",
		     pg->sc->planning.hours_per_fte_week, 2);
}

static void headline(const struct page *pg)
{
	const struct plan_cell *p = &pg->p->total;
	FILE *f = pg->f;

	fputs("<p class=\"lead\" id=\"headline\">", f);
	if (pg->s) {
		const struct fte_gap_cell *t = &pg->s->gap->total;

		if (t->uncovered_hours < 0.05) {
			fputs("This rota covers every band on every day. ", f);
		} else {
			fputs("This rota covers ", f);
			html_num(f, 100 * (t->demand_hours - t->uncovered_hours) /
				 t->demand_hours, 1);
			fputs("% of the person-hours asked for; ", f);
			html_num(f, t->uncovered_hours, 1);
			fputs(" are short, which ", f);
			html_num(f, t->uncovered_fte, 2);
			fputs(" FTE would cover. ", f);
		}
	}
	fputs("The establishment needs ", f);
	html_num(f, p->required_fte, 2);
	fputs(" FTE against ", f);
	html_num(f, p->in_post_fte, 2);
	fputs(" in post: ", f);
	if (p->gap_fte > 0.005) {
		html_num(f, p->gap_fte, 2);
		fputs(" FTE of posts to fill.</p>\n", f);
	} else {
		html_num(f, -p->gap_fte, 2);
		fputs(" FTE more than it needs.</p>\n", f);
	}
}

static void key_table(const struct page *pg)
{
	FILE *f = pg->f;

	fputs("<table id=\"summary-table\">\n<caption>Key figures</caption>\n"
	      "<tbody>\n", f);
	if (pg->s)
		key_rota(pg);
	key_plan(pg);
	fputs("</tbody>\n</table>\n", f);
}

static double service_week_hours(const struct plan *p, size_t s)
{
	double h = 0;
	size_t r;

	for (r = 0; r < p->n_roles; r++)
		h += p->service_role_hours[s * p->n_roles + r];
	return h;
}

static void by_service(const struct page *pg)
{
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;
	size_t s;

	fputs("<table id=\"by-service\">\n<caption>Demand by service</caption>\n"
	      "<thead><tr><th scope=\"col\">Service</th>"
	      "<th scope=\"col\">Demand hours per week</th>", f);
	if (g)
		fputs("<th scope=\"col\">Demand person-hours</th>"
		      "<th scope=\"col\">Uncovered person-hours</th>"
		      "<th scope=\"col\">Uncovered (%)</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (s = 0; s < pg->sc->n_services; s++) {
		fputs("<tr data-service=\"", f);
		html_esc(f, pg->sc->services[s].id);
		fputs("\"><th scope=\"row\">", f);
		html_esc(f, pg->sc->services[s].name);
		fputs("</th>", f);
		html_td_num(f, service_week_hours(pg->p, s), 1);
		if (g) {
			double dh = g->demand_by_service[s];

			html_td_num(f, dh, 1);
			html_td_num(f, g->uncovered_by_service[s], 1);
			html_td_num(f, dh > 0 ? 100 * g->uncovered_by_service[s] / dh : 0,
			       1);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void role_row(const struct page *pg, const char *id, const char *name,
		     const struct plan_cell *c, const struct fte_gap_cell *g)
{
	FILE *f = pg->f;

	fputs("<tr data-role=\"", f);
	html_esc(f, id);
	fputs("\"><th scope=\"row\">", f);
	html_esc(f, name);
	fputs("</th>", f);
	html_td_num(f, c->demand_hours_week, 1);
	html_td_num(f, c->required_fte, 2);
	html_td_num(f, c->in_post_fte, 2);
	html_td_num(f, c->gap_fte, 2);
	if (g) {
		html_td_num(f, g->uncovered_hours, 1);
		html_td_num(f, g->uncovered_fte, 2);
	}
	fputs("</tr>\n", f);
}

static void by_role(const struct page *pg)
{
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;
	size_t r;

	fputs("<table id=\"gap-by-role\">\n<caption>Posts to fill by role"
	      "</caption>\n<thead><tr><th scope=\"col\">Role</th>"
	      "<th scope=\"col\">Demand hours per week</th>"
	      "<th scope=\"col\">Required FTE</th><th scope=\"col\">In post FTE"
	      "</th><th scope=\"col\">FTE gap</th>", f);
	if (g)
		fputs("<th scope=\"col\">Uncovered person-hours</th>"
		      "<th scope=\"col\">FTE the rota shows short</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < pg->sc->n_roles; r++)
		role_row(pg, pg->sc->roles[r].id, pg->sc->roles[r].name,
			 &pg->p->by_role[r], g ? &g->by_role[r] : NULL);
	fputs("</tbody>\n<tfoot>\n", f);
	role_row(pg, "", "All roles", &pg->p->total, g ? &g->total : NULL);
	fputs("</tfoot>\n</table>\n", f);
}

/* Two FTE figures that answer different questions and are easily taken
 * for one another. */
static void fte_note(const struct page *pg)
{
	FILE *f = pg->f;

	fputs("<dl class=\"note\" id=\"fte-figures\">\n<dt>FTE gap (posts to "
	      "fill)</dt><dd>How many posts the establishment lacks: required "
	      "FTE, from the services' 7-day offer tables (average weekly "
	      "demand hours &times; (1 + uplift) &divide; hours per FTE week; "
	      "group and borough demand shared among neighbourhoods by "
	      "weighted population), less the FTE in post. It does not depend "
	      "on any rota: <code>rota7 plan</code> gives the same figure. A "
	      "positive gap is FTE to recruit, a negative one FTE to spare."
	      "</dd>\n", f);
	if (pg->s)
		fputs("<dt>FTE the rota shows short</dt><dd>How much more staff "
		      "time this rota would have needed to cover every band: its "
		      "person-hours short over these dates, counted as FTE the "
		      "same way (uplift included). It answers for this period "
		      "only, with its leave, requests and working-time rules and "
		      "the places staff may work, so it can exceed the FTE gap "
		      "(leave and rules leave hours short even in a full "
		      "establishment) or fall below it (staff working beyond "
		      "their home neighbourhood or role cover a gap on paper)."
		      "</dd>\n", f);
	fputs("</dl>\n", f);
}

void html_summary(const struct page *pg)
{
	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n", pg->f);
	headline(pg);
	key_table(pg);
	if (pg->s)
		where_short(pg);
	by_service(pg);
	by_role(pg);
	html_idle(pg);
	fte_note(pg);
	fputs("</section>\n", pg->f);
}
