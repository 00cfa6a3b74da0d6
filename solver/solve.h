/*
 * solve: the engine of `rota7 solve` and `rota7 nrp`, from a prepared
 * problem to the best legal rota found, with a lower bound on the
 * objective so the gap can be reported honestly.
 *
 * Its phases are one table in solve.c, run in order, each chosen from
 * the input and the options before it starts (never from the clock):
 *   start       the caller's (restart.h), the empty rota where every
 *               person's own rules allow it, else person by person
 *               (start.h: the benchmarks' minimum minutes and runs);
 *   seniors     senior cover and ratios met, by greedy repair and then
 *               GLPK on the seniors' own problem (seniors.h);
 *   exact       small problems on GLPK whole (prove.h);
 *   column generation  on problems of Stockport's size, and wherever
 *               the start was built person by person (colphase.h);
 *   local search        otherwise (local_search.h), --work rounds;
 *   refill      in a re-roster, the cells the start emptied, by up to
 *               three remade months at once (refill.h);
 *   whole model, fix-and-optimise  where the start was built person by
 *               person: GLPK's branch and cut, then its sub-MIPs with
 *               block moves until the time limit (fixphase.h).
 * The bound is the best of the Lagrangian bound of bound.h, improved on
 * a second thread while the phases run, and the bounds the phases
 * prove.  The final rota is checked against every hard rule once,
 * before it is returned.
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
/* Where the start is built person by person (start.h) the default is
 * this share less: on Instance8 and 9 the search's last gain came at
 * about round 1,200 of 2,000, and its rounds took all of a loaded
 * minute, while GLPK's phases after it gain faster (60 s each, the same
 * load: 2,667 and 836 at 500 rounds against 3,242 and 1,284 at 2,000). */
#define SOLVE_BY_PERSON_SHARE 4
#define SOLVE_BY_PERSON_WORK_TEXT "500"

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
