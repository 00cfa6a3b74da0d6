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
 *
 * This file has the page frame, the summary and the helpers every section
 * uses; each other section is a report_html_*.c of its own (the list is
 * in html_internal.h).
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "coverage.h"
#include "html_internal.h"
#include "result.h"
#include "outfile.h"
#include "tz.h"

/* ---- text ---- */

void html_esc(FILE *f, const char *s)
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
void html_num(FILE *f, double v, int dec)
{
	if (fabs(v) < 0.5 * pow(10, -dec))
		v = 0;
	fprintf(f, "%.*f", dec, v);
}

void html_td_num(FILE *f, double v, int dec)
{
	fputs("<td class=\"n\">", f);
	html_num(f, v, dec);
	fputs("</td>", f);
}

void html_wall(int minutes, char out[8])
{
	snprintf(out, 8, "%02d:%02d", minutes / 60 % 24, minutes % 60);
}

static const char *const day_abbr[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa",
					 "Su"};
static const char *const day_name[7] = {"Mon", "Tue", "Wed", "Thu", "Fri",
					 "Sat", "Sun"};

/* "we" for a weekend, "bh" for a bank holiday, "" otherwise: the shading
 * of a day's column. */
const char *html_day_class(const struct scenario *sc, int d)
{
	if (scenario_is_bank_holiday(sc, d))
		return "bh";
	return civil_weekday(scenario_date(sc, d)) >= 5 ? "we" : "";
}

/* "Thu 2018-03-01" (and ", bank holiday"). */
void html_day_title(FILE *f, const struct scenario *sc, int d)
{
	char date[CIVIL_DATE_LEN];
	int32_t day = scenario_date(sc, d);

	civil_format_date(day, date);
	fprintf(f, "%s %s%s", day_name[civil_weekday(day)], date,
		scenario_is_bank_holiday(sc, d) ? ", bank holiday" : "");
}

void html_day_headers(FILE *f, const struct scenario *sc)
{
	int d, y, m, dd;

	for (d = 0; d < sc->horizon.days; d++) {
		int32_t day = scenario_date(sc, d);

		civil_to_ymd(day, &y, &m, &dd);
		fprintf(f, "<th scope=\"col\" class=\"d %s\" title=\"",
			html_day_class(sc, d));
		html_day_title(f, sc, d);
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
	html_esc(f, pg->sc->name[0] ? pg->sc->name : "rota7");
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
	html_esc(pg->f, sc->name[0] ? sc->name : "rota7");
	fprintf(pg->f, "</h1>\n<p>%s, %s to %s (%d days), times in ",
		pg->s ? "Rota" : "Establishment", from, to, sc->horizon.days);
	html_esc(pg->f, sc->timezone);
	fputs("</p>\n</header>\n", pg->f);
}

/* ---- summary ---- */

static void row_text(FILE *f, const char *head, const char *text)
{
	fprintf(f, "<tr><th scope=\"row\">%s</th><td>", head);
	html_esc(f, text);
	fputs("</td></tr>\n", f);
}

static void row_num(FILE *f, const char *id, const char *head, double v,
		    int dec)
{
	fprintf(f, "<tr id=\"%s\"><th scope=\"row\">%s</th>", id, head);
	html_td_num(f, v, dec);
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
	html_idle(pg);
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

/* ---- the page ---- */

static void page_body(const struct page *pg)
{
	page_head(pg);
	page_title(pg);
	summary(pg);
	html_fte_gap(pg);
	if (pg->s) {
		html_rota_grid(pg);
		html_coverage(pg);
		html_people(pg);
	}
	fputs("<footer><p class=\"note\">Written by rota7 " ROTA7_VERSION
	      ".</p></footer>\n</body>\n</html>\n", pg->f);
}

/* io/tz's local time in the form core/coverage asks for. */
static void local_time(const void *zone, instant_t t, int32_t *day, int *secs)
{
	tz_local(zone, t, day, secs);
}

int report_write_html(const char *dir, const struct scenario *sc,
		      const struct plan *p, const struct report_solved *s,
		      struct rota_error *err)
{
	struct page pg = {NULL, sc, p, s, NULL, NULL, NULL};
	struct coverage cov;
	struct outfile o;
	struct tz *tz;
	int ret = -1;

	coverage_init(&cov);
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
		goto out;
	pg.tz = tz;
	html_shift_codes(&pg);
	/* All that can fail is done before the file is opened: once it is,
	 * writing the page cannot. */
	if (s) {
		if (coverage_compute(&cov, s->pb, s->demand, s->r, local_time, tz,
				     err))
			goto out;
		pg.cov = &cov;
	}
	if (outfile_open(&o, dir, "report.html", err))
		goto out;
	pg.f = o.f;
	page_body(&pg);
	ret = outfile_commit(&o, err);
out:
	coverage_release(&cov);
	free(pg.codes);
	if (tz)
		tz_close(tz);
	return ret;
}
