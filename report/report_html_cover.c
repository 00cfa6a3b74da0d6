/*
 * report.html's coverage: per service, a table of its units, roles and
 * bands with, each day, the fewest people on duty against the number
 * required.  The figures are core/coverage's; this file only writes them.
 */
#include "html_internal.h"

#include "coverage.h"

static void cov_cell(const struct page *pg, const struct coverage_row *w, int d)
{
	const struct coverage_day *cd = &w->day[d];
	char a[8], b[8];
	FILE *f = pg->f;

	if (cd->staffed < 0) {
		fprintf(f, "<td class=\"d %s\"></td>", html_day_class(pg->sc, d));
		return;
	}
	html_wall(w->from_min, a);
	html_wall(w->to_min, b);
	fprintf(f, "<td class=\"d %s\" title=\"", cd->short_hours > 0 ? "short"
		: html_day_class(pg->sc, d));
	html_day_title(f, pg->sc, d);
	fprintf(f, " %s&ndash;%s: %d required, ", a, b, w->required);
	if (cd->most != cd->staffed)
		fprintf(f, "%d to %d on duty", cd->staffed, cd->most);
	else
		fprintf(f, "%d on duty", cd->staffed);
	if (cd->short_hours > 0) {
		fputs(", ", f);
		html_num(f, cd->short_hours, 2);
		fputs(" person-hours short", f);
	}
	fprintf(f, "\">%d</td>", cd->staffed);
}

static void cov_unit(const struct page *pg, const struct coverage_row *w)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;

	if (w->scope == SCOPE_NEIGHBOURHOOD) {
		html_esc(f, sc->neighbourhoods[w->unit].name);
		return;
	}
	if (w->scope != SCOPE_BOROUGH) {
		html_esc(f, scenario_scope_name(sc, w->scope));
		fputc(' ', f);
	}
	html_esc(f, scenario_unit_id(sc, w->scope, (size_t)w->unit));
}

static void cov_row_html(const struct page *pg, const struct coverage_row *w)
{
	FILE *f = pg->f;
	double total = 0;
	char a[8], b[8];
	int d;

	html_wall(w->from_min, a);
	html_wall(w->to_min, b);
	fputs("<tr><th scope=\"row\">", f);
	cov_unit(pg, w);
	fputs("</th><td><abbr title=\"", f);
	html_esc(f, pg->sc->roles[w->role].name);
	fputs("\">", f);
	html_esc(f, pg->sc->roles[w->role].id);
	fputs("</abbr></td><td>", f);
	html_esc(f, w->label);
	fprintf(f, "</td><td>%s&ndash;%s</td><td class=\"n\">%d</td>", a, b,
		w->required);
	for (d = 0; d < pg->sc->horizon.days; d++) {
		cov_cell(pg, w, d);
		total += w->day[d].short_hours;
	}
	html_td_num(f, total, 1);
	fputs("</tr>\n", f);
}

static void cov_foot(const struct page *pg, const struct coverage *cv, size_t a,
		     size_t b)
{
	FILE *f = pg->f;
	double total = 0;
	size_t i;
	int d;

	fputs("<tfoot><tr><th scope=\"row\" colspan=\"5\">Uncovered "
	      "person-hours</th>", f);
	for (d = 0; d < cv->days; d++) {
		double h = 0;

		for (i = a; i < b; i++)
			h += cv->rows[i].day[d].short_hours;
		total += h;
		fputs("<td class=\"d n\">", f);
		html_num(f, h, 1);
		fputs("</td>", f);
	}
	fputs("<td class=\"n total\">", f);
	html_num(f, total, 1);
	fputs("</td></tr></tfoot>\n", f);
}

static void cov_service(const struct page *pg, const struct coverage *cv,
			size_t a, size_t b)
{
	const struct service *sv = &pg->sc->services[cv->rows[a].service];
	FILE *f = pg->f;
	size_t i;

	fputs("<div class=\"wide\">\n<table class=\"grid cov\" "
	      "data-service=\"", f);
	html_esc(f, sv->id);
	fputs("\">\n<caption>", f);
	html_esc(f, sv->name);
	fputs(": fewest on duty per band and day</caption>\n<thead><tr>"
	      "<th scope=\"col\">Unit</th><th scope=\"col\">Role</th>"
	      "<th scope=\"col\">Band</th><th scope=\"col\">Time</th>"
	      "<th scope=\"col\">Required</th>", f);
	html_day_headers(f, pg->sc);
	fputs("<th scope=\"col\">Short person-hours</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (i = a; i < b; i++)
		cov_row_html(pg, &cv->rows[i]);
	fputs("</tbody>\n", f);
	cov_foot(pg, cv, a, b);
	fputs("</table>\n</div>\n", f);
}

void html_coverage(const struct page *pg)
{
	const struct coverage *cv = pg->cov;
	size_t a, b;

	fputs("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"note\">"
	      "Per unit, role and band: the number required, and each day the "
	      "fewest people on duty at any time in the band. Red where fewer "
	      "than required at some time; hover for the range on duty and the "
	      "person-hours short. Where bands of the same scope overlap, "
	      "their head-counts add up and the row names them all.</p>\n",
	      pg->f);
	for (a = 0; a < cv->n; a = b) {
		for (b = a; b < cv->n && cv->rows[b].service == cv->rows[a].service;
		     b++)
			;
		cov_service(pg, cv, a, b);
	}
	fputs("</section>\n", pg->f);
}
