/*
 * fixphase: the engine's phases on GLPK's whole model (solve.h), for
 * problems whose rules make single-day changes illegal almost
 * everywhere (the benchmarks' minimum total minutes and minimum runs):
 *
 *   whole:   GLPK's branch and cut on the whole integer program (the
 *            model export-lp writes) for a share of the time left:
 *            small instances end here, proven optimal;
 *   improve: until the deadline, slice by slice, block moves (moves.h)
 *            from the incumbent, about half of each slice, and
 *            fix-and-optimise sub-MIPs: free the assignments of a window
 *            (a few people over the whole horizon, or half the staff
 *            over a few days), fix every other assignment at its value,
 *            let GLPK solve that sub-MIP with a short limit and keep what
 *            is better.  Windows grow while GLPK proves their sub-MIPs
 *            quickly and shrink when it does not.
 *
 * Both are cut by the clock (GLPK's time limits), so a run they take
 * part in repeats for a seed only when no limit cuts a solve short.
 * The bound is the best bound of whole's search tree.
 *
 * Memory: fixphase_new builds the model and its scratch, fixphase_free
 * frees them; the problem is borrowed and rosters are the caller's.
 */
#ifndef ROTA7_FIXPHASE_H
#define ROTA7_FIXPHASE_H

#include <stdint.h>

#include "diag.h"
#include "problem.h"
#include "roster.h"

struct fixphase;

/* The whole model of pb, no incumbent yet; t0 for progress lines,
 * deadline in timer_now() seconds.  NULL with err when out of memory. */
struct fixphase *fixphase_new(const struct problem *pb, uint64_t seed,
			      double t0, double deadline,
			      struct rota_error *err);
void fixphase_free(struct fixphase *f);

/* Makes r (keeping every hard rule) the incumbent if it is better.
 * 0, or -1 out of memory. */
int fixphase_offer(struct fixphase *f, const struct roster *r);
/* Branch and cut for share of the time left.  0, or -1. */
int fixphase_whole(struct fixphase *f, double share);
/* Block moves and sub-MIPs until the deadline, a stop, or the bound
 * met.  0, or -1. */
int fixphase_improve(struct fixphase *f);

/* The incumbent into r (set up for pb) and its objective: 0, 1 when
 * there is none, -1 on an inconsistent model (a bug). */
int fixphase_rota(struct fixphase *f, struct roster *r, double *objective);
/* The best bound proven so far (-MODEL_INF: none). */
double fixphase_bound(const struct fixphase *f);

#endif
