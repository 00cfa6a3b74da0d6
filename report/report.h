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
 */
#ifndef ROTA7_REPORT_H
#define ROTA7_REPORT_H

#include "diag.h"
#include "plan.h"
#include "scenario.h"

struct demand;
struct nrp;
struct problem;
struct roster;
struct solve_result;

/*
 * What a rota showed, for one neighbourhood and role: hours over the
 * whole horizon.  Demand and shortfall of a group or borough unit are
 * shared among its neighbourhoods by weighted population, as the plan
 * shares demand, so the rows add up to the rota's totals.  Hours worked
 * are paid hours, as rota.json gives them.
 */
struct report_gap_cell {
	double demand_hours;       /* person-hours of demand */
	double uncovered_hours;    /* person-hours short */
	double uncovered_fte;      /* FTE that would cover them, with uplift */
	double worked_hours;       /* worked here in this role */
	double outside_home_hours; /* worked elsewhere by staff whose home
	                              and own role these are */
	double from_outside_hours; /* worked here in this role by staff whose
	                              home is elsewhere */
	double substitution_hours; /* worked here in this role by staff of
	                              another role (also_covers) */
};

struct report_gap {
	size_t n_neighbourhoods, n_roles, n_services;
	struct report_gap_cell *cells;   /* [n * n_roles + r] */
	struct report_gap_cell *by_nbhd; /* [n]: all roles */
	struct report_gap_cell *by_role; /* [r]: all neighbourhoods */
	struct report_gap_cell total;
	double *demand_by_service;       /* [s]: person-hours */
	double *uncovered_by_service;    /* [s]: person-hours */
};

/* A solved rota, for the reports that show one; everything borrowed. */
struct report_solved {
	const struct demand *demand;
	const struct problem *pb;
	const struct roster *r;
	const struct solve_result *res;
	const struct report_gap *gap;
};

void report_gap_init(struct report_gap *g);
void report_gap_release(struct report_gap *g);

/* Fills g from a rota; 0, or -1 with err set (out of memory).  g owns
 * its arrays until report_gap_release. */
int report_gap_compute(const struct problem *pb, const struct roster *r,
		       struct report_gap *g, struct rota_error *err);

static inline const struct report_gap_cell *
report_gap_cell(const struct report_gap *g, size_t n, size_t r)
{
	return &g->cells[n * g->n_roles + r];
}

/* Writes DIR/rota.json and DIR/rota.csv (../shared/spec/outputs.md). */
int report_write_rota(const char *dir, const struct problem *pb,
		      const struct roster *r, const struct solve_result *res,
		      struct rota_error *err);

/* Writes DIR/fte-gap.json and DIR/fte-gap.csv; creates DIR. */
int report_write_plan(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err);

/* The same with the rota's columns (uncovered hours, the FTE to cover
 * them, cross-cover and substitution) when g is not NULL. */
int report_write_gap(const char *dir, const struct scenario *sc,
		     const struct plan *p, const struct report_gap *g,
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

/* Writes dir/solution.txt (outputs.md) for a Curtois & Qu instance: one
 * line per employee in instance order, ID then the shift id worked on each
 * day, tab-separated, empty for a day off.  Written whole or not at all
 * (exit 4). */
int report_nrp_solution(const char *dir, const struct nrp *in,
			const int *shift_of, struct rota_error *err);

#endif
