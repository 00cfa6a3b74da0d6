/*
 * solve: from a prepared problem to the best legal rota found, with a
 * lower bound on the objective so the gap can be reported honestly.
 *
 * The rota comes from local search (local_search.h), which first meets
 * the senior rules, asking GLPK for a rota of the seniors alone
 * (seniors.h) when its greedy repair cannot; on problems of Stockport's
 * size column generation (colphase.h) makes the rota the search then
 * polishes.  The bound is the
 * Lagrangian bound of bound.h, improved on a second thread while the
 * search runs and for a while after it settles, within the time limit.
 * The final rota is checked against every hard rule before it is
 * returned.
 *
 * Memory: the roster given is set up by solve_run (roster_setup) and
 * released by the caller (roster_release), also on failure; the problem
 * and options are borrowed.  res is filled in place.
 */
#ifndef ROTA7_SOLVE_H
#define ROTA7_SOLVE_H

#include <stdint.h>

#include "diag.h"
#include "problem.h"
#include "roster.h"
#include "result.h"

/*
 * Work the search does unless told otherwise, in rounds of its loop
 * (local_search.h): Stockport's take 35-43 s on this project's
 * 2-core machine, inside the default 60 s time limit.
 */
#define SOLVE_DEFAULT_WORK 2000
#define SOLVE_DEFAULT_WORK_TEXT "2000"

struct solve_opts {
	double time_limit;      /* seconds, > 0: a cap only */
	double gap;             /* stop when this close to the bound */
	uint64_t seed;
	long work;              /* rounds; <= 0: SOLVE_DEFAULT_WORK */
	const struct roster *start;  /* a legal rota to start from (pins,
	                                frozen days, a --previous rota;
	                                restart.h), or NULL: the empty one.
	                                Borrowed; only solve_run reads it */
	int keep_start;         /* the start is this engine's own rota for
	                           this very input, seed and work (a
	                           --previous rota whose made_from says so):
	                           returned as it is, unsearched, with the
	                           bound's figures; the search runs only if
	                           it breaks a rule */
};

/* Every field to its default: no gap, seed 0, SOLVE_DEFAULT_WORK, no
 * start (nor keep_start), and time_limit the caller's (it has no
 * default here). */
void solve_opts_init(struct solve_opts *o, double time_limit);

/*
 * This engine as rota.json's made_from names it: "rota7 VERSION", and
 * ROTA7_COLGEN's value when it is set (the one setting outside the
 * command line that changes the rota).  Written to out (n bytes).
 */
void solve_engine(char *out, size_t n);

/* The --work budget o stands for: o->work, or SOLVE_DEFAULT_WORK. */
long solve_work(const struct solve_opts *o);

/* 0, or -1 with err set: ROTA_EINFEASIBLE naming the rule, person or
 * unit and dates when the hard rules admit no rota (in the text, and as
 * the entry's rule, who and days), ROTA_EINTERNAL otherwise. */
int solve_run(const struct problem *pb, const struct solve_opts *o,
	      struct roster *best, struct solve_result *res,
	      struct rota_error *err);

#endif
