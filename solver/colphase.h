/*
 * colphase: column generation (colgen.h) as a phase of `rota7 solve`:
 * rounds, dive, then the local search's polish of the dived rota.
 *
 * Reached through the environment for now: ROTA7_COLGEN set (to a list
 * like "rounds=30,iters=300,dive=300,warm=0") replaces the usual
 * search-and-bound with this phase.  warm=N first runs N rounds of the
 * usual search and starts the pool from its rota; lambda=N takes N steps
 * of bound.h's subgradient first.  An experiment for the engine issue:
 * colgen itself still stops at a share of the time limit.
 *
 * Memory: nothing kept; the search is the caller's.
 */
#ifndef ROTA7_COLPHASE_H
#define ROTA7_COLPHASE_H

#include "local_search.h"
#include "problem.h"

struct colphase_opts {
	int rounds;
	long iters, dive_iters;
	long warm;               /* rounds of plain search first */
	long probe;              /* see colgen_opts */
	double smooth;           /* see colgen_opts */
	double tol;              /* see colgen_opts */
	double dive_share;       /* see colgen_opts */
	double dive_first;       /* see colgen_opts */
	int skip;                /* a control: no colgen, only the polish */
	long lambda;             /* steps of bound.h's subgradient first,
	                            its prices the duals to start from */
};

/* Whether ROTA7_COLGEN asks for the phase; o filled from it. */
int colphase_wanted(struct colphase_opts *o);

/*
 * Runs the phase on s (initialised, seniors met or not) until deadline,
 * polishing with `work` rounds of the search: s ends holding the
 * polished rota, *bound the best bound seen.
 * 0, or -1 out of memory.
 */
int colphase_run(const struct colphase_opts *co, struct search *s, double t0,
		 double deadline, long work, double *bound,
		 int (*progress)(void *ctx, const struct search *s), void *ctx);

#endif
