/*
 * report: files for people - the rota (rota.json, rota.csv), the FTE gap
 * (fte-gap.json, fte-gap.csv) and one page with both (report.html).
 *
 * Every file goes through outfile, so it appears whole or not at all.
 * Figures are rounded to 3 decimals in files; totals are summed before
 * rounding, so a spreadsheet sum may differ in the last place.  CSV files
 * have a header row, RFC 4180 quoting, CRLF records and UTF-8 text (no
 * byte order mark: it would become part of the first column's name for
 * most programs that read CSV).
 *
 * Memory: every writer borrows what it is given (struct report_solved
 * only points at the caller's data) and keeps nothing once it returns;
 * each returns 0, or -1 with err filled and no file of its own left half
 * written.
 */
#ifndef ROTA7_REPORT_H
#define ROTA7_REPORT_H

#include "diag.h"
#include "fte_gap.h"
#include "plan.h"
#include "scenario.h"

struct demand;
struct nrp;
struct problem;
struct roster;
struct solve_result;

/* A solved rota, for the reports that show one; everything borrowed. */
struct report_solved {
	const struct demand *demand;
	const struct problem *pb;
	const struct roster *r;
	const struct solve_result *res;
	const struct fte_gap *gap;
};

/* Writes DIR/rota.json, DIR/rota.csv and DIR/uncovered.csv
 * (../shared/spec/outputs.md). */
int report_write_rota(const char *dir, const struct problem *pb,
		      const struct roster *r, const struct solve_result *res,
		      struct rota_error *err);

/* Writes DIR/fte-gap.json and DIR/fte-gap.csv; creates DIR. */
int report_write_plan(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err);

/* The same with the rota's columns (uncovered hours, the FTE to cover
 * them, cross-cover and substitution) when g is not NULL. */
int report_write_gap(const char *dir, const struct scenario *sc,
		     const struct plan *p, const struct fte_gap *g,
		     struct rota_error *err);

/*
 * Writes DIR/report.html: one page with no outside references, to read
 * from a USB stick or print.  With s NULL (plan) it holds the summary and
 * the FTE gap; with a solved rota also the rota grid, coverage by unit,
 * day and band, and the hours of each person.  Creates DIR.
 */
int report_write_html(const char *dir, const struct scenario *sc,
		      const struct plan *p, const struct report_solved *s,
		      struct rota_error *err);

/* The same page for rota7 recruit: s is the last round's rota, and a
 * section shows the posts and the curve of rc (recruitment.h). */
struct recruitment;
int report_write_html_recruit(const char *dir, const struct scenario *sc,
			      const struct plan *p,
			      const struct report_solved *s,
			      const struct recruitment *rc,
			      struct rota_error *err);

/*
 * plan --until (plan_time.h, an addition to the spec): DIR/plan-by-quarter.csv
 * and DIR/plan-by-quarter.json, one row per quarter, neighbourhood and
 * role, then per quarter and role (role_total) and per quarter (total);
 * and report.html with a section charting the quarters.
 */
struct plan_time;
int report_write_plan_time(const char *dir, const struct scenario *sc,
			   const struct plan_time *pt,
			   struct rota_error *err);
int report_write_html_plan_time(const char *dir, const struct scenario *sc,
				const struct plan *p,
				const struct plan_time *pt,
				struct rota_error *err);

/* Writes dir/solution.txt (outputs.md) for a Curtois & Qu instance: one
 * line per employee in instance order, ID then the shift id worked on each
 * day, tab-separated, empty for a day off.  Written whole or not at all
 * (exit 4). */
int report_nrp_solution(const char *dir, const struct nrp *in,
			const int *shift_of, struct rota_error *err);

#endif
