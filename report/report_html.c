/*
 * report.html: one page for people who read the rota rather than run it.
 *
 * The page must work opened from a USB stick on a ward computer, so it has
 * no script and refers to nothing outside itself: styles are inline, the
 * chart is inline SVG, and a Content-Security-Policy forbids any load, so
 * a reference slipped in by mistake fails loudly in the browser's console
 * instead of reaching the network.  Every string from the scenario is
 * HTML-escaped.  Tables are real tables with header cells, so a screen
 * reader can name each cell and a copy into a spreadsheet keeps columns;
 * cell text is plain numbers and codes, never "2/3" that a spreadsheet
 * would read as a date.
 */
#include "report.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "problem.h"
#include "roster.h"
#include "result.h"
#include "outfile.h"
#include "tz.h"
#include "measure.h"

/* Shift colours, light enough for black text and distinct in print. */
#define N_COLOURS 12
#define CODE_LEN 24

struct page {
	FILE *f;
	const struct scenario *sc;
	const struct plan *p;
	const struct report_solved *s;   /* NULL: plan, no rota parts */
	const struct tz *tz;
	char (*codes)[CODE_LEN];         /* [n_shifts]: letters in the grid */
};

/* ---- text ---- */

static void esc(FILE *f, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
}

/* A figure with `dec` decimals, never "-0.0". */
static void num(FILE *f, double v, int dec)
{
	if (fabs(v) < 0.5 * pow(10, -dec))
		v = 0;
	fprintf(f, "%.*f", dec, v);
}

static void td_num(FILE *f, double v, int dec)
{
	fputs("<td class=\"n\">", f);
	num(f, v, dec);
	fputs("</td>", f);
}

static void hhmm(const struct tz *tz, instant_t t, char out[8])
{
	int32_t day;
	int secs;

	tz_local(tz, t, &day, &secs);
	snprintf(out, 8, "%02d:%02d", secs / 3600 % 24, secs / 60 % 60);
}

static void wall(int minutes, char out[8])
{
	snprintf(out, 8, "%02d:%02d", minutes / 60 % 24, minutes % 60);
}

static const char *const day_abbr[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa",
					 "Su"};
static const char *const day_name[7] = {"Mon", "Tue", "Wed", "Thu", "Fri",
					 "Sat", "Sun"};

/* "we" for a weekend, "bh" for a bank holiday, "" otherwise: the shading
 * of a day's column. */
static const char *day_class(const struct scenario *sc, int d)
{
	if (scenario_is_bank_holiday(sc, d))
		return "bh";
	return civil_weekday(scenario_date(sc, d)) >= 5 ? "we" : "";
}

/* "Thu 2018-03-01" (and ", bank holiday"). */
static void day_title(FILE *f, const struct scenario *sc, int d)
{
	char date[CIVIL_DATE_LEN];
	int32_t day = scenario_date(sc, d);

	civil_format_date(day, date);
	fprintf(f, "%s %s%s", day_name[civil_weekday(day)], date,
		scenario_is_bank_holiday(sc, d) ? ", bank holiday" : "");
}

static void day_headers(FILE *f, const struct scenario *sc)
{
	int d, y, m, dd;

	for (d = 0; d < sc->horizon.days; d++) {
		int32_t day = scenario_date(sc, d);

		civil_to_ymd(day, &y, &m, &dd);
		fprintf(f, "<th scope=\"col\" class=\"d %s\" title=\"",
			day_class(sc, d));
		day_title(f, sc, d);
		fprintf(f, "\">%s<br>%d</th>", day_abbr[civil_weekday(day)], dd);
	}
}

/* ---- page frame ---- */

static const char css[] =
	"*{box-sizing:border-box}"
	"body{font:13px/1.35 system-ui,-apple-system,'Segoe UI',Roboto,Arial,"
	"sans-serif;color:#111;background:#fff;margin:16px}"
	"h1{font-size:20px;margin:0 0 4px}"
	"h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #888}"
	"p.note{max-width:60em;color:#333}"
	"table{border-collapse:collapse;margin:6px 0 14px}"
	"th,td{border:1px solid #bbb;padding:2px 5px;text-align:left;"
	"vertical-align:top}"
	"thead th,tfoot th,tfoot td{background:#eee}"
	".n{text-align:right;font-variant-numeric:tabular-nums}"
	"caption{text-align:left;font-weight:bold;padding:4px 0}"
	".wide{overflow-x:auto}"
	"th.d{text-align:center;font-weight:normal;padding:1px 2px;"
	"font-size:11px}"
	"td.d{text-align:center;padding:1px 2px;min-width:2.2em;"
	"white-space:nowrap}"
	".cov td:nth-child(3),.cov td:nth-child(4){white-space:nowrap}"
	".we{background:#e2e2e2}.bh{background:#d2d2f0}"
	/* Borders, not shadows or gradients: Chromium takes minutes to
	 * print thousands of cells drawn with those. */
	"td.we,td.bh{border-bottom:3px solid #666}"
	".s0{background:#cfe3ff}.s1{background:#ffe0b2}.s2{background:#d4f0cc}"
	".s3{background:#f7cfe4}.s4{background:#c9c2f2}.s5{background:#fff3a8}"
	".s6{background:#c6efec}.s7{background:#ffd0c9}.s8{background:#e0e8c0}"
	".s9{background:#e9d6c4}.s10{background:#d9f7ff}.s11{background:#f0d0ff}"
	"td.lv{background:#d6d6d6;color:#333;font-size:11px;font-style:italic}"
	"td.off{color:#777}"
	"tr.grp th{background:#f4f4f4;font-weight:bold}"
	".grid th[scope=row]{white-space:nowrap;font-weight:normal}"
	"td.short{background:#f3b0b0;color:#7a0000;font-weight:bold}"
	".under{color:#9b0000;font-weight:bold}"
	"svg text{font-size:12px;fill:#111}"
	"svg .grp{font-weight:bold}"
	"dl.legend{display:flex;flex-wrap:wrap;gap:4px 14px}"
	"@media print{@page{size:A4 landscape;margin:10mm}"
	"body{margin:0;font-size:9pt}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"section{break-before:page}section#summary{break-before:auto}"
	"td.d,th.d{min-width:0;font-size:7pt;padding:0 1px}"
	"thead{display:table-header-group}tr{break-inside:avoid}"
	".wide{overflow:visible}}";

static void page_head(const struct page *pg)
{
	FILE *f = pg->f;

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\""
	      "default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<meta name=\"generator\" content=\"rota7 "
	      ROTA7_VERSION "\">\n<title>", f);
	esc(f, pg->sc->name[0] ? pg->sc->name : "rota7");
	fputs(pg->s ? " - rota and FTE gap" : " - FTE gap", f);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
}

static void page_title(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	char from[CIVIL_DATE_LEN], to[CIVIL_DATE_LEN];

	civil_format_date(sc->horizon.start, from);
	civil_format_date(scenario_date(sc, sc->horizon.days - 1), to);
	fputs("<header>\n<h1>", pg->f);
	esc(pg->f, sc->name[0] ? sc->name : "rota7");
	fprintf(pg->f, "</h1>\n<p>%s, %s to %s (%d days), times in ",
		pg->s ? "Rota" : "Establishment", from, to, sc->horizon.days);
	esc(pg->f, sc->timezone);
	fputs("</p>\n</header>\n", pg->f);
}

/* ---- summary ---- */

static void row_text(FILE *f, const char *head, const char *text)
{
	fprintf(f, "<tr><th scope=\"row\">%s</th><td>", head);
	esc(f, text);
	fputs("</td></tr>\n", f);
}

static void row_num(FILE *f, const char *id, const char *head, double v,
		    int dec)
{
	fprintf(f, "<tr id=\"%s\"><th scope=\"row\">%s</th>", id, head);
	td_num(f, v, dec);
	fputs("</tr>\n", f);
}

static void summary_rota(const struct page *pg)
{
	const struct solve_result *res = pg->s->res;
	FILE *f = pg->f;

	fprintf(f, "<tr id=\"status\"><th scope=\"row\">Status</th><td>%s</td>"
		"</tr>\n", res->optimal ? "optimal" : "feasible");
	row_num(f, "objective", "Objective", res->objective, 1);
	if (isinf(res->bound))
		fputs("<tr id=\"bound\"><th scope=\"row\">Bound</th><td>none "
		      "found within the time limit</td></tr>\n", f);
	else
		row_num(f, "bound", "Bound", res->bound, 1);
	if (isinf(res->gap) || isinf(res->bound))
		fputs("<tr id=\"gap\"><th scope=\"row\">Gap to bound (%)</th>"
		      "<td>unknown</td></tr>\n", f);
	else
		row_num(f, "gap", "Gap to bound (%)", 100 * res->gap, 2);
	row_num(f, "uncovered", "Uncovered person-hours",
		pg->s->gap->total.uncovered_hours, 1);
	row_num(f, "uncovered-fte", "FTE to cover them",
		pg->s->gap->total.uncovered_fte, 2);
	row_num(f, "seconds", "Solve time (s)", res->seconds, 1);
}

static void summary_plan(const struct page *pg)
{
	const struct plan_cell *t = &pg->p->total;
	FILE *f = pg->f;

	row_num(f, "uplift", "Uplift (%)", pg->sc->planning.uplift_pct, 1);
	row_num(f, "hours-per-fte", "Hours per FTE week",
		pg->sc->planning.hours_per_fte_week, 2);
	row_num(f, "required-fte", "Required FTE", t->required_fte, 2);
	row_num(f, "in-post-fte", "In post FTE", t->in_post_fte, 2);
	row_num(f, "gap-fte", "FTE gap", t->gap_fte, 2);
}

static void summary_table(const struct page *pg)
{
	FILE *f = pg->f;

	fputs("<table id=\"summary-table\">\n<caption>Figures</caption>\n"
	      "<tbody>\n", f);
	row_text(f, "Scenario", pg->sc->name);
	if (pg->s)
		summary_rota(pg);
	summary_plan(pg);
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
		esc(f, pg->sc->services[s].id);
		fputs("\"><th scope=\"row\">", f);
		esc(f, pg->sc->services[s].name);
		fputs("</th>", f);
		td_num(f, service_week_hours(pg->p, s), 1);
		if (g) {
			double dh = g->demand_by_service[s];

			td_num(f, dh, 1);
			td_num(f, g->uncovered_by_service[s], 1);
			td_num(f, dh > 0 ? 100 * g->uncovered_by_service[s] / dh : 0,
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
	esc(f, id);
	fputs("\"><th scope=\"row\">", f);
	esc(f, name);
	fputs("</th>", f);
	td_num(f, c->demand_hours_week, 1);
	td_num(f, c->required_fte, 2);
	td_num(f, c->in_post_fte, 2);
	td_num(f, c->gap_fte, 2);
	if (g) {
		td_num(f, g->uncovered_hours, 1);
		td_num(f, g->uncovered_fte, 2);
	}
	fputs("</tr>\n", f);
}

static void by_role(const struct page *pg)
{
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;
	size_t r;

	fputs("<table id=\"gap-by-role\">\n<caption>FTE gap by role</caption>\n"
	      "<thead><tr><th scope=\"col\">Role</th>"
	      "<th scope=\"col\">Demand hours per week</th>"
	      "<th scope=\"col\">Required FTE</th><th scope=\"col\">In post FTE"
	      "</th><th scope=\"col\">FTE gap</th>", f);
	if (g)
		fputs("<th scope=\"col\">Uncovered person-hours</th>"
		      "<th scope=\"col\">FTE to cover them</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (r = 0; r < pg->sc->n_roles; r++)
		role_row(pg, pg->sc->roles[r].id, pg->sc->roles[r].name,
			 &pg->p->by_role[r], g ? &g->by_role[r] : NULL);
	fputs("</tbody>\n<tfoot>\n", f);
	role_row(pg, "", "All roles", &pg->p->total, g ? &g->total : NULL);
	fputs("</tfoot>\n</table>\n", f);
}

static void summary(const struct page *pg)
{
	fputs("<section id=\"summary\">\n<h2>Summary</h2>\n", pg->f);
	summary_table(pg);
	by_service(pg);
	by_role(pg);
	fputs("<p class=\"note\">Required FTE = average weekly demand hours "
	      "&times; (1 + uplift) &divide; hours per FTE week; group and "
	      "borough demand is shared among neighbourhoods by weighted "
	      "population. A positive gap is FTE to recruit.", pg->f);
	if (pg->s)
		fputs(" Uncovered person-hours are hours the rota leaves short "
		      "of demand; the FTE to cover them is counted the same "
		      "way as required FTE.", pg->f);
	fputs("</p>\n</section>\n", pg->f);
}

/* ---- the FTE gap: chart and table ---- */

/* Whether a neighbourhood and role has anything to show. */
static int gap_row_shown(const struct page *pg, size_t n, size_t r)
{
	const struct plan_cell *c = plan_cell(pg->p, n, r);
	const struct fte_gap_cell *g;

	if (c->required_fte > 0.0005 || c->staff > 0)
		return 1;
	if (!pg->s)
		return 0;
	g = fte_gap_cell(pg->s->gap, n, r);
	return g->worked_hours > 0 || g->outside_home_hours > 0 ||
	       g->uncovered_hours > 0;
}

#define CHART_W 960
#define CHART_LABEL 210
#define CHART_BAR 500
#define CHART_ROW 24
#define CHART_GROUP 22
#define CHART_TOP 34

static double chart_max(const struct page *pg)
{
	double m = 0;
	size_t n, r;

	for (n = 0; n < pg->p->n_neighbourhoods; n++)
		for (r = 0; r < pg->p->n_roles; r++) {
			const struct plan_cell *c = plan_cell(pg->p, n, r);

			m = fmax(m, fmax(c->required_fte, c->in_post_fte));
		}
	return m > 0 ? m : 1;
}

static int chart_height(const struct page *pg)
{
	int h = CHART_TOP;
	size_t n, r;

	for (n = 0; n < pg->p->n_neighbourhoods; n++) {
		h += CHART_GROUP;
		for (r = 0; r < pg->p->n_roles; r++)
			h += gap_row_shown(pg, n, r) ? CHART_ROW : 0;
	}
	return h + 6;
}

static void chart_legend(FILE *f)
{
	fprintf(f, "<rect x=\"%d\" y=\"6\" width=\"22\" height=\"9\" "
		"fill=\"#fff\" stroke=\"#111\"/><text x=\"%d\" y=\"15\">required"
		"</text><rect x=\"%d\" y=\"6\" width=\"22\" height=\"9\" "
		"fill=\"#4f86c6\" stroke=\"#1d4f87\"/><text x=\"%d\" y=\"15\">in "
		"post</text>\n", CHART_LABEL, CHART_LABEL + 28, CHART_LABEL + 110,
		CHART_LABEL + 138);
}

static void chart_bar(const struct page *pg, int y, const char *kind,
		      double v, double scale, size_t n, size_t r)
{
	FILE *f = pg->f;

	fprintf(f, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" "
		"height=\"9\" %s><title>", kind, CHART_LABEL, y, v * scale,
		strcmp(kind, "required") ? "fill=\"#4f86c6\" stroke=\"#1d4f87\""
		: "fill=\"#fff\" stroke=\"#111\"");
	esc(f, pg->sc->neighbourhoods[n].name);
	fputs(", ", f);
	esc(f, pg->sc->roles[r].name);
	fprintf(f, ": %s ", kind);
	num(f, v, 2);
	fputs(" FTE</title></rect>\n", f);
}

static void chart_row(const struct page *pg, int y, double scale, size_t n,
		      size_t r)
{
	const struct plan_cell *c = plan_cell(pg->p, n, r);
	double w = fmax(c->required_fte, c->in_post_fte) * scale;
	FILE *f = pg->f;

	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CHART_LABEL - 8,
		y + 15);
	esc(f, pg->sc->roles[r].name);
	fputs("</text>\n", f);
	chart_bar(pg, y + 2, "required", c->required_fte, scale, n, r);
	chart_bar(pg, y + 12, "in-post", c->in_post_fte, scale, n, r);
	fprintf(f, "<text class=\"val\" x=\"%.1f\" y=\"%d\" data-nbhd=\"",
		CHART_LABEL + w + 6, y + 15);
	esc(f, pg->sc->neighbourhoods[n].id);
	fputs("\" data-role=\"", f);
	esc(f, pg->sc->roles[r].id);
	fputs("\">", f);
	num(f, c->required_fte, 2);
	fputs(" required, ", f);
	num(f, c->in_post_fte, 2);
	fputs(" in post, gap ", f);
	num(f, c->gap_fte, 2);
	fputs("</text>\n", f);
}

static void chart(const struct page *pg)
{
	double scale = CHART_BAR / chart_max(pg);
	int y = CHART_TOP, h = chart_height(pg);
	FILE *f = pg->f;
	size_t n, r;

	fprintf(f, "<figure id=\"gap-chart\">\n<svg xmlns=\"http://www.w3.org/"
		"2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"gap-chart-title\">\n"
		"<title id=\"gap-chart-title\">Required FTE against FTE in post, "
		"per neighbourhood and role</title>\n", CHART_W, h, CHART_W, h);
	chart_legend(f);
	for (n = 0; n < pg->p->n_neighbourhoods; n++) {
		fprintf(f, "<text class=\"grp\" x=\"4\" y=\"%d\">", y + 16);
		esc(f, pg->sc->neighbourhoods[n].name);
		fputs("</text>\n", f);
		y += CHART_GROUP;
		for (r = 0; r < pg->p->n_roles; r++) {
			if (!gap_row_shown(pg, n, r))
				continue;
			chart_row(pg, y, scale, n, r);
			y += CHART_ROW;
		}
	}
	fputs("</svg>\n<figcaption>Required FTE (outlined) against FTE in post "
	      "(filled), per neighbourhood and role; the table below has the "
	      "same figures.</figcaption>\n</figure>\n", f);
}

static void gap_head(const struct page *pg)
{
	fputs("<thead><tr><th scope=\"col\">Neighbourhood</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\">Demand hours per "
	      "week</th><th scope=\"col\">Required FTE</th><th scope=\"col\">In "
	      "post FTE</th><th scope=\"col\">Staff</th><th scope=\"col\">FTE "
	      "gap</th>", pg->f);
	if (pg->s)
		fputs("<th scope=\"col\">Uncovered person-hours</th>"
		      "<th scope=\"col\">FTE to cover them</th>"
		      "<th scope=\"col\">Hours worked outside home</th>"
		      "<th scope=\"col\">Hours covered from outside</th>"
		      "<th scope=\"col\">Hours covered by substitution</th>", pg->f);
	fputs("</tr></thead>\n", pg->f);
}

static void gap_cells(const struct page *pg, const struct plan_cell *c,
		      const struct fte_gap_cell *g)
{
	FILE *f = pg->f;

	td_num(f, c->demand_hours_week, 1);
	td_num(f, c->required_fte, 2);
	td_num(f, c->in_post_fte, 2);
	fprintf(f, "<td class=\"n\">%d</td>", c->staff);
	td_num(f, c->gap_fte, 2);
	if (!g)
		return;
	td_num(f, g->uncovered_hours, 1);
	td_num(f, g->uncovered_fte, 2);
	td_num(f, g->outside_home_hours, 1);
	td_num(f, g->from_outside_hours, 1);
	td_num(f, g->substitution_hours, 1);
}

static void gap_table(const struct page *pg)
{
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;
	size_t n, r;

	fputs("<table id=\"fte-gap\">\n<caption>FTE gap per neighbourhood and "
	      "role</caption>\n", f);
	gap_head(pg);
	fputs("<tbody>\n", f);
	for (n = 0; n < pg->p->n_neighbourhoods; n++)
		for (r = 0; r < pg->p->n_roles; r++) {
			if (!gap_row_shown(pg, n, r))
				continue;
			fputs("<tr data-nbhd=\"", f);
			esc(f, pg->sc->neighbourhoods[n].id);
			fputs("\" data-role=\"", f);
			esc(f, pg->sc->roles[r].id);
			fputs("\"><th scope=\"row\">", f);
			esc(f, pg->sc->neighbourhoods[n].name);
			fputs("</th><td>", f);
			esc(f, pg->sc->roles[r].name);
			fputs("</td>", f);
			gap_cells(pg, plan_cell(pg->p, n, r),
				  g ? fte_gap_cell(g, n, r) : NULL);
			fputs("</tr>\n", f);
		}
	fputs("</tbody>\n<tfoot>\n<tr><th scope=\"row\" colspan=\"2\">Total"
	      "</th>", f);
	gap_cells(pg, &pg->p->total, g ? &g->total : NULL);
	fputs("</tr>\n</tfoot>\n</table>\n", f);
}

static void fte_gap(const struct page *pg)
{
	fputs("<section id=\"gap\">\n<h2>FTE gap</h2>\n", pg->f);
	chart(pg);
	gap_table(pg);
	fputs("</section>\n", pg->f);
}

/* ---- the rota grid ---- */

static int code_taken(const struct page *pg, size_t upto, const char *c)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (!strcmp(pg->codes[i], c))
			return 1;
	return 0;
}

/* Candidate k for a shift's code, from its id's ASCII letters and digits:
 * the initials of its words, then its first 1, 2 or 3 characters. */
static void code_candidate(const char *id, int k, char out[CODE_LEN])
{
	size_t o = 0;
	int word = 1, len = k == 0 ? 3 : k;
	const char *s;

	for (s = id; *s && o < (size_t)len; s++) {
		int alnum = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			    (*s >= '0' && *s <= '9');

		if (alnum && (k > 0 || word))
			out[o++] = (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s);
		word = !alnum;
	}
	out[o] = '\0';
}

static void shift_codes(const struct page *pg)
{
	size_t s;
	int k;

	for (s = 0; s < pg->sc->n_shifts; s++) {
		for (k = 0; k < 4; k++) {
			code_candidate(pg->sc->shifts[s].id, k, pg->codes[s]);
			if (pg->codes[s][0] && !code_taken(pg, s, pg->codes[s]))
				break;
		}
		if (k == 4)   /* nothing short is free: number it */
			snprintf(pg->codes[s], CODE_LEN, "%zu", s + 1);
	}
}

static void shift_legend(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	char a[8], b[8];
	size_t s;

	fputs("<table id=\"shifts\">\n<caption>Shift types</caption>\n<thead>"
	      "<tr><th scope=\"col\">Code</th><th scope=\"col\">Shift</th>"
	      "<th scope=\"col\">Service</th><th scope=\"col\">Times</th>"
	      "<th scope=\"col\">Break (min)</th><th scope=\"col\">Night</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (s = 0; s < sc->n_shifts; s++) {
		const struct shift *sh = &sc->shifts[s];

		wall(sh->start_min, a);
		wall(sh->end_min, b);
		fprintf(f, "<tr><td class=\"s%zu\">%s</td><td>", s % N_COLOURS,
			pg->codes[s]);
		esc(f, sh->id);
		fputs("</td><td>", f);
		esc(f, sc->services[sh->service].name);
		fprintf(f, "</td><td>%s&ndash;%s</td><td class=\"n\">%d</td>"
			"<td>%s</td></tr>\n", a, b, sh->break_minutes,
			sh->night ? "yes" : "no");
	}
	fputs("</tbody>\n</table>\n", f);
}

static const char *leave_kind(const struct staff *st, int d)
{
	size_t i;

	for (i = 0; i < st->n_leave; i++)
		if (d >= st->leave[i].from_day && d <= st->leave[i].to_day)
			return st->leave[i].kind && st->leave[i].kind[0]
			       ? st->leave[i].kind : "leave";
	return NULL;
}

static void off_cell(const struct page *pg, size_t p, int d)
{
	const struct staff *st = &pg->sc->staff[p];
	const char *kind = leave_kind(st, d);
	FILE *f = pg->f;

	if (kind) {
		fputs("<td class=\"d lv\" title=\"", f);
		day_title(f, pg->sc, d);
		fputs(": ", f);
		esc(f, kind);
		fputs(" leave\">lv</td>", f);
	} else if (pg->s->pb->people[p].off[d]) {
		fprintf(f, "<td class=\"d off %s\" title=\"", day_class(pg->sc, d));
		day_title(f, pg->sc, d);
		fputs(": weekly day off\">&middot;</td>", f);
	} else {
		fprintf(f, "<td class=\"d %s\"></td>", day_class(pg->sc, d));
	}
}

static void shift_cell(const struct page *pg, size_t p, int d, size_t v)
{
	const struct scenario *sc = pg->sc;
	const struct var *x = &pg->s->pb->vars[v];
	const struct shift *sh = &sc->shifts[x->s];
	const struct option *o = &pg->s->pb->people[p].opts[x->k];
	int away = o->nbhd != sc->staff[p].home;
	int sub = o->role != sc->staff[p].role;
	char a[8], b[8];
	FILE *f = pg->f;

	hhmm(pg->tz, sh->start_at[d], a);
	hhmm(pg->tz, sh->end_at[d], b);
	fprintf(f, "<td class=\"d s%d %s\" title=\"", x->s % N_COLOURS,
		day_class(sc, d));
	day_title(f, sc, d);
	fputs(": ", f);
	esc(f, sh->id);
	fprintf(f, " %s&ndash;%s, ", a, b);
	num(f, x->paid_hours, 2);
	fputs(" paid hours, ", f);
	esc(f, sc->neighbourhoods[o->nbhd].name);
	fputs(", ", f);
	esc(f, sc->roles[o->role].name);
	fprintf(f, "%s%s\">%s%s%s</td>", away ? ", outside home" : "",
		sub ? ", in another role" : "", pg->codes[x->s],
		away ? "*" : "", sub ? "+" : "");
}

static void person_row(const struct page *pg, size_t p)
{
	const struct staff *st = &pg->sc->staff[p];
	FILE *f = pg->f;
	int d;

	fputs("<tr data-staff=\"", f);
	esc(f, st->id);
	fputs("\"><th scope=\"row\" title=\"", f);
	esc(f, st->id);
	if (st->band)
		fprintf(f, ", band %d", st->band);
	fprintf(f, ", %.2f FTE\">", st->fte);
	esc(f, st->name);
	fputs("</th>", f);
	for (d = 0; d < pg->sc->horizon.days; d++) {
		size_t v = roster_get(pg->s->r, (int)p, d);

		if (v == ROSTER_NONE)
			off_cell(pg, p, d);
		else
			shift_cell(pg, p, d, v);
	}
	fputs("</tr>\n", f);
}

/* People of one home and role, under a heading row; none, no group. */
static void grid_group(const struct page *pg, int n, int r)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	size_t p, count = 0;

	for (p = 0; p < sc->n_staff; p++)
		count += sc->staff[p].home == n && sc->staff[p].role == r;
	if (!count)
		return;
	fprintf(f, "<tbody>\n<tr class=\"grp\"><th scope=\"rowgroup\" "
		"colspan=\"%d\">", sc->horizon.days + 1);
	esc(f, sc->neighbourhoods[n].name);
	fputs(" &middot; ", f);
	esc(f, sc->roles[r].name);
	fprintf(f, " (%zu)</th></tr>\n", count);
	for (p = 0; p < sc->n_staff; p++)
		if (sc->staff[p].home == n && sc->staff[p].role == r)
			person_row(pg, p);
	fputs("</tbody>\n", f);
}

static void rota_grid(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	size_t n, r;

	fputs("<section id=\"rota\">\n<h2>Rota</h2>\n<p class=\"note\">One row "
	      "per person, grouped by home neighbourhood and role; each cell "
	      "gives the shift's code (hover for its times). <b>*</b> worked "
	      "outside the home neighbourhood, <b>+</b> in another role "
	      "(substitution), <b>lv</b> leave, <b>&middot;</b> weekly day "
	      "off. Weekends are shaded grey, bank holidays blue, and marked "
	      "by a bar under the cell.</p>\n", f);
	shift_legend(pg);
	fputs("<div class=\"wide\">\n<table id=\"rota-grid\" class=\"grid\">\n"
	      "<caption>Rota</caption>\n<thead><tr><th scope=\"col\">Person"
	      "</th>", f);
	day_headers(f, sc);
	fputs("</tr></thead>\n", f);
	for (n = 0; n < sc->n_neighbourhoods; n++)
		for (r = 0; r < sc->n_roles; r++)
			grid_group(pg, (int)n, (int)r);
	fputs("</table>\n</div>\n</section>\n", f);
}

/* ---- coverage by unit, day and band ---- */

/* One band window of one day: the fewest and most on duty in it and the
 * person-hours short. */
struct cov_day {
	int staffed;          /* -1: no such window that day */
	int most;
	double short_hours;
};

/* A row: one unit and role, one window of the day with one head-count
 * required throughout, named by the bands that make it up. */
struct cov_row {
	int service, scope, unit, role;
	int from_min, to_min, required;
	char *label;
	struct cov_day *day;  /* [days] */
};

struct cov {
	size_t n, cap;
	struct cov_row *rows;
	int days;
};

/* A demand item by coverage track, for walking a track's items in time. */
struct item_ref {
	size_t track;
	instant_t from, to;
	size_t item;
};

/* A window being read off the cells: consecutive cells with the same
 * head-count required, not crossing the edge of a demand band. */
struct window {
	instant_t from, to;
	int required, staffed, most;
	double short_hours;
};

static void cov_release(struct cov *cv)
{
	size_t i;

	for (i = 0; i < cv->n; i++) {
		free(cv->rows[i].label);
		free(cv->rows[i].day);
	}
	free(cv->rows);
	memset(cv, 0, sizeof(*cv));
}

static int cmp_ref(const void *a, const void *b)
{
	const struct item_ref *x = a, *y = b;

	if (x->track != y->track)
		return x->track < y->track ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

static int cmp_instant(const void *a, const void *b)
{
	instant_t x = *(const instant_t *)a, y = *(const instant_t *)b;

	return (x > y) - (x < y);
}

/* Labels of the bands whose items cover instant t, joined by " + ". */
static char *window_label(const struct page *pg, const struct item_ref *refs,
			  size_t n, instant_t t)
{
	const struct demand *dm = pg->s->demand;
	char *label = NULL;
	size_t lo = 0, hi = n, i;

	while (lo < hi) {   /* items are at most a day long (and DST) */
		size_t mid = lo + (hi - lo) / 2;

		if (refs[mid].from < t - 2 * 86400)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < n && refs[i].from <= t; i++) {
		const struct demand_item *it = &dm->items[refs[i].item];
		const char *l = pg->sc->services[it->service].bands[it->band].label;
		char *joined;

		if (refs[i].to <= t || !l[0])
			continue;
		joined = label ? rota_strdupf("%s + %s", label, l)
			       : rota_strdupf("%s", l);
		free(label);
		if (!joined)
			return NULL;
		label = joined;
	}
	return label ? label
		     : rota_strdupf("%s", pg->sc->services[
			dm->items[refs[0].item].service].name);
}

static struct cov_row *cov_find(struct cov *cv, size_t first,
				const struct cov_row *key)
{
	size_t i;

	for (i = first; i < cv->n; i++) {
		struct cov_row *w = &cv->rows[i];

		if (w->from_min == key->from_min && w->to_min == key->to_min &&
		    w->required == key->required && !strcmp(w->label, key->label))
			return w;
	}
	return NULL;
}

static struct cov_row *cov_push(struct cov *cv, const struct cov_row *key)
{
	struct cov_row *w;
	int d;

	if (cv->n == cv->cap) {
		size_t cap = cv->cap ? 2 * cv->cap : 64;
		struct cov_row *rows = realloc(cv->rows, cap * sizeof(*rows));

		if (!rows)
			return NULL;
		cv->rows = rows;
		cv->cap = cap;
	}
	w = &cv->rows[cv->n];
	*w = *key;
	w->day = malloc((size_t)cv->days * sizeof(*w->day));
	if (!w->day)
		return NULL;
	for (d = 0; d < cv->days; d++) {
		w->day[d].staffed = -1;
		w->day[d].most = 0;
		w->day[d].short_hours = 0;
	}
	cv->n++;
	return w;
}

/* Files a finished window under its row (made on first sight). */
static int cov_emit(const struct page *pg, struct cov *cv, size_t first,
		    const struct item_ref *refs, size_t n,
		    const struct window *w)
{
	const struct demand_item *it = &pg->s->demand->items[refs[0].item];
	struct cov_row key, *row;
	struct cov_day *cd;
	int32_t day;
	int secs, d;

	tz_local(pg->tz, w->from, &day, &secs);
	d = (int)(day - pg->sc->horizon.start);
	if (d < 0 || d >= cv->days)
		return 0;
	key.service = it->service;
	key.scope = it->scope;
	key.unit = it->unit;
	key.role = it->role;
	key.from_min = secs / 60;
	tz_local(pg->tz, w->to, &day, &secs);
	key.to_min = secs / 60;
	key.required = w->required;
	key.day = NULL;
	key.label = window_label(pg, refs, n, w->from);
	if (!key.label)
		return -1;
	row = cov_find(cv, first, &key);
	if (row)
		free(key.label);
	else if (!(row = cov_push(cv, &key))) {
		free(key.label);
		return -1;
	}
	cd = &row->day[d];
	cd->staffed = cd->staffed < 0 ? w->staffed : (cd->staffed < w->staffed
		      ? cd->staffed : w->staffed);
	cd->most = cd->most > w->most ? cd->most : w->most;
	cd->short_hours += w->short_hours;
	return 0;
}

/* Sorted, unique start and end instants of a track's demand items. */
static instant_t *track_edges(const struct item_ref *refs, size_t n,
			      size_t *ne)
{
	instant_t *e = malloc(2 * n * sizeof(*e));
	size_t i, k = 0;

	if (!e)
		return NULL;
	for (i = 0; i < n; i++) {
		e[2 * i] = refs[i].from;
		e[2 * i + 1] = refs[i].to;
	}
	qsort(e, 2 * n, sizeof(*e), cmp_instant);
	for (i = 0; i < 2 * n; i++)
		if (!k || e[k - 1] != e[i])
			e[k++] = e[i];
	*ne = k;
	return e;
}

static void window_add(struct window *w, const struct cell *c, int on)
{
	w->to = c->to;
	w->staffed = on < w->staffed ? on : w->staffed;
	w->most = on > w->most ? on : w->most;
	if (on < c->required)
		w->short_hours += (c->required - on) * c->hours;
}

static int cov_track(const struct page *pg, struct cov *cv,
		     const struct item_ref *refs, size_t n)
{
	const struct problem *pb = pg->s->pb;
	size_t t = refs[0].track, first = cv->n, ne, e = 0, c;
	instant_t *edges = track_edges(refs, n, &ne);
	struct window w = {0, 0, 0, 0, 0, 0};
	int open = 0, ret = -1;

	if (!edges)
		return -1;
	for (c = pb->track_first[t]; c < pb->track_first[t + 1]; c++) {
		const struct cell *ce = &pb->cells[c];

		while (e < ne && edges[e] < ce->from)
			e++;
		if (open && (ce->required <= 0 || ce->from != w.to ||
			     ce->required != w.required ||
			     (e < ne && edges[e] == ce->from))) {
			if (cov_emit(pg, cv, first, refs, n, &w))
				goto out;
			open = 0;
		}
		if (ce->required <= 0)
			continue;
		if (!open) {
			w.from = ce->from;
			w.required = ce->required;
			w.staffed = INT_MAX;
			w.most = 0;
			w.short_hours = 0;
			open = 1;
		}
		window_add(&w, ce, pg->s->r->on_duty[c]);
	}
	if (open && cov_emit(pg, cv, first, refs, n, &w))
		goto out;
	ret = 0;
out:
	free(edges);
	return ret;
}

/* Neighbourhoods first, then group kinds in order, the borough last:
 * from the finest unit to the widest. */
static int scope_rank(int scope)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return -1;
	return scope == SCOPE_BOROUGH ? INT_MAX : scope;
}

static int cmp_row(const void *a, const void *b)
{
	const struct cov_row *x = a, *y = b;
	int k[2][6] = {{x->service, scope_rank(x->scope), x->unit, x->role,
			x->from_min, x->to_min},
		       {y->service, scope_rank(y->scope), y->unit, y->role,
			y->from_min, y->to_min}};
	int i;

	for (i = 0; i < 6; i++)
		if (k[0][i] != k[1][i])
			return k[0][i] < k[1][i] ? -1 : 1;
	return (x->required > y->required) - (x->required < y->required);
}

static int cov_build(const struct page *pg, struct cov *cv)
{
	const struct demand *dm = pg->s->demand;
	struct item_ref *refs = malloc((dm->n + 1) * sizeof(*refs));
	size_t i, a;
	int ret = -1;

	cv->days = pg->sc->horizon.days;
	if (!refs)
		return -1;
	for (i = 0; i < dm->n; i++) {
		const struct demand_item *it = &dm->items[i];

		refs[i].track = problem_track(pg->s->pb, it->service, it->scope,
					      it->unit, it->role);
		refs[i].from = it->from;
		refs[i].to = it->to;
		refs[i].item = i;
	}
	qsort(refs, dm->n, sizeof(*refs), cmp_ref);
	for (a = 0; a < dm->n; a = i) {
		for (i = a; i < dm->n && refs[i].track == refs[a].track; i++)
			;
		if (cov_track(pg, cv, refs + a, i - a))
			goto out;
	}
	if (cv->n)
		qsort(cv->rows, cv->n, sizeof(*cv->rows), cmp_row);
	ret = 0;
out:
	free(refs);
	return ret;
}

static void cov_cell(const struct page *pg, const struct cov_row *w, int d)
{
	const struct cov_day *cd = &w->day[d];
	char a[8], b[8];
	FILE *f = pg->f;

	if (cd->staffed < 0) {
		fprintf(f, "<td class=\"d %s\"></td>", day_class(pg->sc, d));
		return;
	}
	wall(w->from_min, a);
	wall(w->to_min, b);
	fprintf(f, "<td class=\"d %s\" title=\"", cd->short_hours > 0 ? "short"
		: day_class(pg->sc, d));
	day_title(f, pg->sc, d);
	fprintf(f, " %s&ndash;%s: %d required, ", a, b, w->required);
	if (cd->most != cd->staffed)
		fprintf(f, "%d to %d on duty", cd->staffed, cd->most);
	else
		fprintf(f, "%d on duty", cd->staffed);
	if (cd->short_hours > 0) {
		fputs(", ", f);
		num(f, cd->short_hours, 2);
		fputs(" person-hours short", f);
	}
	fprintf(f, "\">%d</td>", cd->staffed);
}

static void cov_unit(const struct page *pg, const struct cov_row *w)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;

	if (w->scope == SCOPE_NEIGHBOURHOOD) {
		esc(f, sc->neighbourhoods[w->unit].name);
		return;
	}
	if (w->scope != SCOPE_BOROUGH) {
		esc(f, scenario_scope_name(sc, w->scope));
		fputc(' ', f);
	}
	esc(f, scenario_unit_id(sc, w->scope, (size_t)w->unit));
}

static void cov_row_html(const struct page *pg, const struct cov_row *w)
{
	FILE *f = pg->f;
	double total = 0;
	char a[8], b[8];
	int d;

	wall(w->from_min, a);
	wall(w->to_min, b);
	fputs("<tr><th scope=\"row\">", f);
	cov_unit(pg, w);
	fputs("</th><td><abbr title=\"", f);
	esc(f, pg->sc->roles[w->role].name);
	fputs("\">", f);
	esc(f, pg->sc->roles[w->role].id);
	fputs("</abbr></td><td>", f);
	esc(f, w->label);
	fprintf(f, "</td><td>%s&ndash;%s</td><td class=\"n\">%d</td>", a, b,
		w->required);
	for (d = 0; d < pg->sc->horizon.days; d++) {
		cov_cell(pg, w, d);
		total += w->day[d].short_hours;
	}
	td_num(f, total, 1);
	fputs("</tr>\n", f);
}

static void cov_foot(const struct page *pg, const struct cov *cv, size_t a,
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
		num(f, h, 1);
		fputs("</td>", f);
	}
	fputs("<td class=\"n total\">", f);
	num(f, total, 1);
	fputs("</td></tr></tfoot>\n", f);
}

static void cov_service(const struct page *pg, const struct cov *cv,
			size_t a, size_t b)
{
	const struct service *sv = &pg->sc->services[cv->rows[a].service];
	FILE *f = pg->f;
	size_t i;

	fputs("<div class=\"wide\">\n<table class=\"grid cov\" "
	      "data-service=\"", f);
	esc(f, sv->id);
	fputs("\">\n<caption>", f);
	esc(f, sv->name);
	fputs(": fewest on duty per band and day</caption>\n<thead><tr>"
	      "<th scope=\"col\">Unit</th><th scope=\"col\">Role</th>"
	      "<th scope=\"col\">Band</th><th scope=\"col\">Time</th>"
	      "<th scope=\"col\">Required</th>", f);
	day_headers(f, pg->sc);
	fputs("<th scope=\"col\">Short person-hours</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (i = a; i < b; i++)
		cov_row_html(pg, &cv->rows[i]);
	fputs("</tbody>\n", f);
	cov_foot(pg, cv, a, b);
	fputs("</table>\n</div>\n", f);
}

static int coverage(const struct page *pg)
{
	struct cov cv;
	size_t a, b;

	memset(&cv, 0, sizeof(cv));
	if (cov_build(pg, &cv)) {
		cov_release(&cv);
		return -1;
	}
	fputs("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"note\">"
	      "Per unit, role and band: the number required, and each day the "
	      "fewest people on duty at any time in the band. Red where fewer "
	      "than required at some time; hover for the range on duty and the "
	      "person-hours short. Where bands of the same scope overlap, "
	      "their head-counts add up and the row names them all.</p>\n",
	      pg->f);
	for (a = 0; a < cv.n; a = b) {
		for (b = a; b < cv.n && cv.rows[b].service == cv.rows[a].service;
		     b++)
			;
		cov_service(pg, &cv, a, b);
	}
	fputs("</section>\n", pg->f);
	cov_release(&cv);
	return 0;
}

/* ---- people ---- */

static void people_row(const struct page *pg, size_t p)
{
	const struct staff *st = &pg->sc->staff[p];
	const struct problem *pb = pg->s->pb;
	double paid = roster_paid_hours(pg->s->r, (int)p);
	double target = pb->people[p].target_hours;
	FILE *f = pg->f;

	fputs("<tr data-staff=\"", f);
	esc(f, st->id);
	fputs("\"><td>", f);
	esc(f, st->id);
	fputs("</td><th scope=\"row\">", f);
	esc(f, st->name);
	fputs("</th><td>", f);
	esc(f, pg->sc->neighbourhoods[st->home].name);
	fputs("</td><td>", f);
	esc(f, pg->sc->roles[st->role].id);
	fputs("</td>", f);
	td_num(f, st->fte, 2);
	td_num(f, paid, 2);
	td_num(f, target, 2);
	fprintf(f, "<td class=\"n%s\">", paid < target - 0.005 ? " under" : "");
	num(f, paid - target, 2);
	fprintf(f, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
		"<td class=\"n\">%d</td><td class=\"n\">%zu</td></tr>\n",
		measure_weekends(pb, pg->s->r, (int)p), measure_nights(pb, pg->s->r, (int)p),
		measure_requests_granted(pb, pg->s->r, (int)p), st->n_requests);
}

static void people(const struct page *pg)
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

/* ---- the page ---- */

static int page_body(const struct page *pg)
{
	page_head(pg);
	page_title(pg);
	summary(pg);
	fte_gap(pg);
	if (pg->s) {
		rota_grid(pg);
		if (coverage(pg))
			return -1;
		people(pg);
	}
	fputs("<footer><p class=\"note\">Written by rota7 " ROTA7_VERSION
	      ".</p></footer>\n</body>\n</html>\n", pg->f);
	return 0;
}

int report_write_html(const char *dir, const struct scenario *sc,
		      const struct plan *p, const struct report_solved *s,
		      struct rota_error *err)
{
	struct page pg = {NULL, sc, p, s, NULL, NULL};
	struct outfile o;
	struct tz *tz;

	if (outfile_mkdir(dir, err))
		return -1;
	tz = tz_open(sc->timezone);
	pg.codes = calloc(sc->n_shifts + 1, sizeof(*pg.codes));
	if (!tz)
		rota_error_add(err, ROTA_EINTERNAL, "timezone '%s' vanished",
			       sc->timezone);
	else if (!pg.codes)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (!tz || !pg.codes)
		goto fail;
	pg.tz = tz;
	shift_codes(&pg);
	if (outfile_open(&o, dir, "report.html", err))
		goto fail;
	pg.f = o.f;
	if (page_body(&pg)) {
		outfile_abort(&o);
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto fail;
	}
	free(pg.codes);
	tz_close(tz);
	return outfile_commit(&o, err);
fail:
	free(pg.codes);
	if (tz)
		tz_close(tz);
	return -1;
}
