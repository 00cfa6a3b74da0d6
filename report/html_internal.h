/*
 * html_internal: what the sections of report.html share.  Internal to
 * report/: nothing outside it includes this header; the public API is
 * report_write_html in report.h.
 *
 *   report_html.c         the page frame and footer, the helpers below
 *   report_html_summary.c what leads and HR read first: cover, hours
 *                         short and where, posts to fill
 *   report_html_gap.c     the FTE gap chart and table
 *   report_html_grid.c    the shift codes and the rota grid
 *   report_html_cover.c   coverage by unit, day and band
 *   report_html_people.c  hours, weekends, nights and requests per person
 *   report_html_solver.c  objective, bound, gap, stop and work
 *   report_html_recruit.c rota7 recruit's posts and curve
 *   report_html_changes.c changes against --previous, at the top
 *   report_html_idle.c    the staff in post who can never work
 *   report_html_plan_time.c plan --until's quarters and their chart
 *
 * Every section writes to pg->f and cannot fail: what could run out of
 * memory (the codes, the coverage figures) is made before the file is
 * opened.  Every string from the scenario goes through html_esc.
 *
 * Memory: struct page borrows everything it points to except codes,
 * which report_write_html owns.
 */
#ifndef ROTA7_HTML_INTERNAL_H
#define ROTA7_HTML_INTERNAL_H

#include <stdio.h>

#include "report.h"

struct coverage;
struct tz;

#define CODE_LEN 24

/* The page being written. */
struct page {
	FILE *f;
	const struct scenario *sc;
	const struct plan *p;
	const struct report_solved *s;   /* NULL: plan, no rota parts */
	const struct tz *tz;
	char (*codes)[CODE_LEN];         /* [n_shifts]: letters in the grid */
	const struct coverage *cov;      /* NULL with s NULL */
	const struct recruitment *rc;    /* rota7 recruit's; NULL: none */
	const struct plan_time *pt;      /* plan --until's; NULL: none */
};

/* ---- report_html.c: text and days ---- */

/* s with & < > " ' escaped: safe in text and in quoted attributes. */
void html_esc(FILE *f, const char *s);

/* A figure with `dec` decimals, never "-0.0"; html_td_num in a
 * right-aligned cell. */
void html_num(FILE *f, double v, int dec);
void html_td_num(FILE *f, double v, int dec);

/* "07:30" from minutes after midnight (a wall-clock time). */
void html_wall(int minutes, char out[8]);

/* "we" for a weekend, "bh" for a bank holiday, "" otherwise: the shading
 * of horizon day d's column. */
const char *html_day_class(const struct scenario *sc, int d);

/* "Thu 2018-03-01" (and ", bank holiday"). */
void html_day_title(FILE *f, const struct scenario *sc, int d);

/* One header cell per day of the horizon. */
void html_day_headers(FILE *f, const struct scenario *sc);

/* <tr id="id"><th>head</th><td>v</td></tr>, v with `dec` decimals. */
void html_row_num(FILE *f, const char *id, const char *head, double v,
		  int dec);

/* ---- the sections ---- */

void html_summary(const struct page *pg);      /* report_html_summary.c */
void html_fte_gap(const struct page *pg);      /* report_html_gap.c */

/* Fills pg->codes: a short distinct code per shift, from its id. */
void html_shift_codes(const struct page *pg);  /* report_html_grid.c */
void html_rota_grid(const struct page *pg);    /* report_html_grid.c */
void html_coverage(const struct page *pg);     /* report_html_cover.c */
void html_people(const struct page *pg);       /* report_html_people.c */
void html_solver(const struct page *pg);       /* report_html_solver.c */
/* With pg->rc: the posts and the curve (report_html_recruit.c). */
void html_recruit(const struct page *pg);
void html_changes(const struct page *pg);      /* report_html_changes.c */
void html_idle(const struct page *pg);         /* report_html_idle.c */
/* With pg->pt: the quarters (report_html_plan_time.c). */
void html_plan_time(const struct page *pg);

#endif
