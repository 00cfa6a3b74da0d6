/*
 * fte_gap: the rota's side of the FTE gap - what one rota left uncovered
 * and how it was staffed, per neighbourhood and role, over the whole
 * horizon.  The establishment's side (required FTE against FTE in post,
 * from the offer tables alone) is plan.h; fte-gap.json, report.html and
 * the solve summary show the two side by side.
 *
 * Demand and shortfall of a group or borough unit are shared among its
 * neighbourhoods by weighted population, as the plan shares demand, so
 * the rows add up to the rota's totals.  Hours worked are paid hours, as
 * rota.json gives them.  Every total is the sum of its rows.
 *
 * Memory: struct fte_gap owns its arrays; fte_gap_compute fills them and
 * fte_gap_release frees them.  The problem and roster are borrowed.
 */
#ifndef ROTA7_FTE_GAP_H
#define ROTA7_FTE_GAP_H

#include <stddef.h>

#include "diag.h"
#include "pay.h"

struct problem;
struct roster;

/* One neighbourhood and role, or a total of them. */
struct fte_gap_cell {
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

struct fte_gap {
	size_t n_neighbourhoods, n_roles, n_services;
	struct fte_gap_cell *cells;      /* [n * n_roles + r] */
	struct fte_gap_cell *by_nbhd;    /* [n]: all roles */
	struct fte_gap_cell *by_role;    /* [r]: all neighbourhoods */
	struct fte_gap_cell total;
	double *demand_by_service;       /* [s]: person-hours */
	double *uncovered_by_service;    /* [s]: person-hours */
	struct pay_rota cost;            /* what the rota costs a year
	                                    (pay.h); zero without pay */
};

void fte_gap_init(struct fte_gap *g);
void fte_gap_release(struct fte_gap *g);

/*
 * Fills g from rota r of problem pb; 0, or -1 with err set (out of
 * memory, g left empty).  Uncovered FTE follow the plan's rule for
 * demand: hours a week over the horizon, with the uplift, in full-time
 * weeks.
 */
int fte_gap_compute(const struct problem *pb, const struct roster *r,
		    struct fte_gap *g, struct rota_error *err);

/* Neighbourhood n, role r. */
static inline const struct fte_gap_cell *
fte_gap_cell(const struct fte_gap *g, size_t n, size_t r)
{
	return &g->cells[n * g->n_roles + r];
}

#endif
