/*
 * bound: a lower bound on the objective of every legal rota, by
 * Lagrangian relaxation of coverage.
 *
 * Pricing each coverage cell at lambda (0 <= lambda <= the cell's
 * uncovered price) splits the problem into one small problem per person:
 * choose at most one shift a day, within the person's hours cap, to
 * minimise deployment, request and contract costs less the prices of the
 * cells covered.  Each is solved exactly by dynamic programming over
 * days and paid hours.  Rules the person problem leaves out (rest, runs,
 * nights, weekends, skill mix, fairness) only make the bound weaker, never
 * wrong.  The prices are improved by projected, deflected subgradient
 * steps (each direction keeps part of the last one).
 *
 * The LP relaxation of the whole model (rota7 export-lp) is weaker and
 * far slower: on Stockport its optimum is 1,467,949 (HiGHS's interior
 * point, 879 s; its dual simplex and GLPK's primal simplex had not
 * finished after 50 minutes), while this bound reaches 1,511,896 in
 * 677 steps (under 30 CPU seconds), because each person's problem is
 * solved in whole shifts.  Rising further needs integrality the LP lacks (whole
 * months, or cuts on the cover rows), not better steps.  Nor does it
 * need the skill-mix rows: relaxed here too, each with its own price
 * (measured 2026-12-02 on Stockport), they raised the converged bound
 * by 190 (0.01%) although its schedules broke 420 ratio and 507 senior
 * rows, since other schedules as cheap keep them; started with the
 * cover prices, they slowed the steps (1,509,421 after 800).
 *
 * Memory: struct bound owns its arrays, which bound_setup allocates and
 * bound_release frees.  The problem is borrowed.
 */
#ifndef ROTA7_BOUND_H
#define ROTA7_BOUND_H

#include <stddef.h>

#include "diag.h"
#include "problem.h"

struct bound {
	const struct problem *pb;
	double *lambda;        /* [n_cells] */
	double *price;         /* [n_cells]: uncovered_hour x hours */
	double *grad;          /* [n_cells] */
	double *dir;           /* [n_cells]: the last step's direction */
	double *rc;            /* [n_vars]: reduced costs */
	int unit;              /* minutes per DP step */
	int *units;            /* [n_vars]: paid time in steps */
	double *f, *g;         /* DP rows */
	int *choice;           /* [days * (cap + 1)] */
	int cap_max;
	double best;           /* best bound so far */
	_Atomic double published;  /* best, for other threads to read */
	long iterations;
	double upper;          /* objective of some legal rota, the steps'
	                          target (HUGE_VAL: none known) */
	double theta;          /* step scale, halved when steps stall */
	int idle;              /* steps since best last rose */
	int done;              /* the bound can rise no further */
};

/* The first prices (every cell at its uncovered price).  0, or -1 with
 * err "out of memory" (b then holds nothing). */
int bound_setup(struct bound *b, const struct problem *pb,
		struct rota_error *err);
void bound_release(struct bound *b);

/*
 * Takes n more subgradient steps (fewer when the bound can rise no
 * further: then 1).  The steps read nothing but b, so after the same
 * number of steps b->best is the same on any machine and at any load,
 * which is what lets the search read it from another thread and still
 * make the same rota.
 */
int bound_steps(struct bound *b, long n);

/*
 * The person problem alone at the caller's prices, for column
 * generation: the least cost of p's schedules (the relaxation above:
 * one shift a day, the hours cap, contract shortfall priced exactly)
 * when each var's own cost (deployment, requests) is reduced by
 * dual[v].  A lower bound on the least such cost of p's legal months.
 * Uses b's scratch rows, so one thread per struct bound.
 */
double bound_person_at(struct bound *b, int p, const double *dual);

#endif
