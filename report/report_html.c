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
 * The page opens with what a lead and HR need (report_html_summary.c)
 * and keeps the solver's figures for a section near the end.  This file
 * has the page frame, the footer and the helpers every section uses;
 * each section is a report_html_*.c of its own (the list is in
 * html_internal.h).
 */
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

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
	"p.note,dl.note{max-width:60em;color:#333}dl.note dt{font-weight:bold}"
	"table{border-collapse:collapse;margin:6px 0 14px}"
	"th,td{border:1px solid #bbb;padding:2px 5px;text-align:left;"
	"vertical-align:top}"
	"thead th,tfoot th,tfoot td{background:#eee}"
	".n{text-align:right;font-variant-numeric:tabular-nums}"
	"caption{text-align:left;font-weight:bold;padding:4px 0}"
	/* A wide table scrolls in a box no taller than the window, so its
	 * scroll bar is in view and not 190 rows down, with the names and
	 * the day headers held in place (sticky) while it scrolls. */
	".wide{overflow:auto;max-height:85vh;border:1px solid #bbb;"
	"margin:6px 0 14px}"
	".wide table{margin:0}"
	".grid thead th{position:sticky;top:0;z-index:2}"
	".grid th[scope=row]{position:sticky;left:0;z-index:1;"
	"background:#fff}"
	".grid thead th:first-child{left:0;z-index:3}"
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
	/* Leave dark, a day off light: told apart at a glance, on a
	 * weekend's grey too, and in black-and-white print. */
	".lv{background:#4a4a4a;color:#fff;font-size:11px}"
	".off{color:#555}"
	".legend dt{min-width:2.4em;text-align:center;border:1px solid #bbb;"
	"padding:0 3px}.legend dd{margin:0}"
	"tr.grp th{background:#f4f4f4;font-weight:bold}"
	".grid th[scope=row]{white-space:nowrap;font-weight:normal}"
	"td.short{background:#f3b0b0;color:#7a0000;font-weight:bold}"
	/* A shortfall's times are in its hover text on screen; on paper
	 * nothing hovers, so they print under the figure. */
	".when{display:none}.met{color:#888}"
	".under{color:#9b0000;font-weight:bold}"
	"svg text{font-size:12px;fill:#111}"
	"svg .grp{font-weight:bold}"
	"dl.legend{display:flex;flex-wrap:wrap;gap:4px 14px}"
	"@media print{@page{size:A4 landscape;margin:10mm}"
	"body{margin:0;font-size:9pt}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"section{break-before:page}section#summary{break-before:auto}"
	"td.d,th.d{min-width:0;font-size:7pt;padding:0 1px}"
	".when{display:block;font-size:5pt;font-weight:normal;"
	"white-space:normal;line-height:1.1}"
	"thead{display:table-header-group}tr{break-inside:avoid}"
	".wide{overflow:visible;max-height:none;border:0}"
	".grid th{position:static}}";

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

/* ---- rows the figure tables share ---- */

void html_row_num(FILE *f, const char *id, const char *head, double v,
		  int dec)
{
	fprintf(f, "<tr id=\"%s\"><th scope=\"row\">%s</th>", id, head);
	html_td_num(f, v, dec);
	fputs("</tr>\n", f);
}

/* ---- footer ---- */

/* When, from what and with which seed the page was made, so a printed
 * copy can be matched to its run.  The time is the clock's, in UTC: it
 * is written, never decided on. */
static void page_footer(const struct page *pg)
{
	FILE *f = pg->f;
	time_t now = time(NULL);
	struct tm tm;
	char iso[32] = "", shown[32] = "";

	if (now != (time_t)-1 && gmtime_r(&now, &tm)) {
		strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);
		strftime(shown, sizeof(shown), "%Y-%m-%d %H:%M UTC", &tm);
	}
	fputs("<footer id=\"footer\"><p class=\"note\">Written by rota7 "
	      ROTA7_VERSION, f);
	if (iso[0])
		fprintf(f, " on <time id=\"generated\" datetime=\"%s\">%s</time>",
			iso, shown);
	if (pg->sc->source) {
		fputs(" from <code id=\"scenario-file\">", f);
		html_esc(f, pg->sc->source);
		fputs("</code>", f);
	}
	if (pg->s)
		fprintf(f, ", seed <span id=\"footer-seed\">%llu</span>",
			pg->s->res->seed);
	fputs(".</p></footer>\n", f);
}

/* ---- the page ---- */

/* What leads and HR need first; the solver's figures last. */
static void page_body(const struct page *pg)
{
	page_head(pg);
	page_title(pg);
	html_changes(pg);
	html_summary(pg);
	html_fte_gap(pg);
	html_plan_time(pg);
	if (pg->rc)
		html_recruit(pg);
	if (pg->s) {
		html_rota_grid(pg);
		html_coverage(pg);
		html_people(pg);
		html_solver(pg);
	}
	page_footer(pg);
	fputs("</body>\n</html>\n", pg->f);
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
	return report_write_html_recruit(dir, sc, p, s, NULL, err);
}

static int write_page(const char *dir, const struct scenario *sc,
		      const struct plan *p, const struct report_solved *s,
		      const struct recruitment *rc,
		      const struct plan_time *pt, struct rota_error *err)
{
	struct page pg = {NULL, sc, p, s, NULL, NULL, NULL, rc, pt};
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

int report_write_html_recruit(const char *dir, const struct scenario *sc,
			      const struct plan *p,
			      const struct report_solved *s,
			      const struct recruitment *rc,
			      struct rota_error *err)
{
	return write_page(dir, sc, p, s, rc, NULL, err);
}

int report_write_html_plan_time(const char *dir, const struct scenario *sc,
				const struct plan *p,
				const struct plan_time *pt,
				struct rota_error *err)
{
	return write_page(dir, sc, p, NULL, NULL, pt, err);
}
