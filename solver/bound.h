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
 * wrong.  The prices are improved by projected subgradient steps.
 *
 * The whole GLPK LP of the model is the same kind of bound, but takes
 * minutes on a borough; this one gives a useful figure in seconds.
 *
 * Memory: struct bound owns its arrays; bound_release frees them.
 */
#ifndef ROTA7_BOUND_H
#define ROTA7_BOUND_H

#include <stddef.h>

#include "problem.h"

struct bound {
	const struct problem *pb;
	double *lambda;        /* [n_cells] */
	double *price;         /* [n_cells]: uncovered_hour x hours */
	double *grad;          /* [n_cells] */
	double *rc;            /* [n_vars]: reduced costs */
	int unit;              /* minutes per DP step */
	int *units;            /* [n_vars]: paid time in steps */
	double *f, *g;         /* DP rows */
	int *choice;           /* [days * (cap + 1)] */
	int cap_max;
	double best;           /* best bound so far */
	_Atomic double published;  /* best, for other threads to read */
	long iterations;
};

int bound_init(struct bound *b, const struct problem *pb);
void bound_release(struct bound *b);

/*
 * Improves b->best until the monotonic time *stop_at (timer_now()
 * clock; another thread may move it) or until the steps become too small
 * to matter.  Always evaluates at least once.  `upper` points at the
 * best objective known (a legal rota's), which steers the step length;
 * it may change while this runs.
 */
void bound_run(struct bound *b, _Atomic double *stop_at,
	       _Atomic double *upper);

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
