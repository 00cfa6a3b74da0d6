/*
 * report.html's coverage: per service, a table of its units, roles and
 * bands with, each day, the person-hours short and when.  Hours, not the
 * fewest on duty: a head-count cannot tell one person short for an hour
 * from nobody all day.  The figures are core/coverage's; this file only
 * writes them.
 */
#include "html_internal.h"

#include <math.h>

#include "coverage.h"

/* Person-hours as a cell shows them: whole hours bare, else one decimal
 * (a narrow column, and a half hour short is still short). */
static void short_figure(FILE *f, double h)
{
	html_num(f, h, fabs(h - floor(h + 0.5)) < 0.05 ? 0 : 1);
}

static void span_text(FILE *f, const struct coverage_day *cd, int i)
{
	const struct coverage_span *sp = &cd->span[i];
	char a[8], b[8];

	html_wall(sp->from_min, a);
	html_wall(sp->to_min, b);
	fprintf(f, "%s&ndash;%s", a, b);
	if (cd->spans_merged && i == cd->n_spans - 1)
		fputs(" in part", f);
}

/* The hover text: the window, what was on duty, and when it is short. */
static void cell_title(const struct page *pg, const struct coverage_row *w,
		       int d)
{
	const struct coverage_day *cd = &w->day[d];
	char a[8], b[8];
	FILE *f = pg->f;
	int i;

	html_wall(w->from_min, a);
	html_wall(w->to_min, b);
	html_day_title(f, pg->sc, d);
	fprintf(f, " %s&ndash;%s: %d required, ", a, b, w->required);
	if (cd->most != cd->staffed)
		fprintf(f, "%d to %d on duty", cd->staffed, cd->most);
	else
		fprintf(f, "%d on duty", cd->staffed);
	if (cd->short_hours <= 0) {
		fputs(", covered", f);
		return;
	}
	fputs("; ", f);
	html_num(f, cd->short_hours, 2);
	fputs(" person-hours short: ", f);
	for (i = 0; i < cd->n_spans; i++) {
		fputs(i ? ", " : "", f);
		span_text(f, cd, i);
		fprintf(f, " (%d %s)", cd->span[i].people,
			cd->span[i].people == 1 ? "person" : "people");
	}
}

/* A cell: the person-hours short; red, with when (the hover text, and
 * under the figure in print, where nothing hovers). */
static void cov_cell(const struct page *pg, const struct coverage_row *w, int d)
{
	const struct coverage_day *cd = &w->day[d];
	FILE *f = pg->f;
	int i;

	if (cd->staffed < 0) {
		fprintf(f, "<td class=\"d na %s\"></td>", html_day_class(pg->sc, d));
		return;
	}
	fprintf(f, "<td class=\"d %s\" title=\"", cd->short_hours > 0 ? "short"
		: html_day_class(pg->sc, d));
	cell_title(pg, w, d);
	fputs("\">", f);
	if (cd->short_hours <= 0) {
		fputs("<span class=\"met\">0</span></td>", f);
		return;
	}
	short_figure(f, cd->short_hours);
	fputs("<span class=\"when\">", f);
	for (i = 0; i < cd->n_spans; i++) {
		fputs(i ? " " : "", f);
		span_text(f, cd, i);
	}
	fputs("</span></td>", f);
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
	fputs("<tr data-scope=\"", f);
	html_esc(f, scenario_scope_name(pg->sc, w->scope));
	fputs("\" data-unit=\"", f);
	html_esc(f, scenario_unit_id(pg->sc, w->scope, (size_t)w->unit));
	fputs("\" data-role=\"", f);
	html_esc(f, pg->sc->roles[w->role].id);
	fprintf(f, "\" data-from=\"%s\" data-to=\"%s\"><th scope=\"row\">", a, b);
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
	fputs(": person-hours short per band and day</caption>\n<thead><tr>"
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
	      "person-hours short of it (people short &times; hours), red where "
	      "any; 0 where the band is met throughout, blank where it does not "
	      "run that day. Hover over a cell for when it is short and by how "
	      "many; in print the times are under the figure. Where bands of "
	      "the same scope overlap, their head-counts add up and the row "
	      "names them all.</p>\n", pg->f);
	for (a = 0; a < cv->n; a = b) {
		for (b = a; b < cv->n && cv->rows[b].service == cv->rows[a].service;
		     b++)
			;
		cov_service(pg, cv, a, b);
	}
	fputs("</section>\n", pg->f);
}
