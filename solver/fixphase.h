/*
 * fixphase: the engine's phases on GLPK's whole model (solve.h), for
 * problems whose rules make single-day changes illegal almost
 * everywhere (the benchmarks' minimum total minutes and minimum runs):
 *
 *   whole:   GLPK's branch and cut on the whole integer program (the
 *            model export-lp writes) for a number of GLPK's
 *            subproblems: small instances end here, proven optimal;
 *   improve: slice by slice, a slice for each unit of the work given,
 *            block moves (moves.h) from the incumbent, a number for
 *            each assignment of the model, and a few fix-and-optimise
 *            sub-MIPs: free the assignments of a window (a few people
 *            over the whole horizon, or half the staff over a few days),
 *            fix every other assignment at its value, let GLPK solve
 *            that sub-MIP for a number of subproblems and keep what is
 *            better.  Windows grow while GLPK proves their sub-MIPs in
 *            a quarter of that and shrink when it does not.
 *
 * Both count their work (fixphase.c says how much), so a run repeats
 * for its seed on any machine at any load; the deadline is a cap, and
 * fixphase_cut says whether it cut anything.  The bound is the best
 * bound of whole's search tree.
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
 * deadline in timer_now() seconds (a cap), work the --work budget
 * (improve's slices).  NULL with err when out of memory. */
struct fixphase *fixphase_new(const struct problem *pb, uint64_t seed,
			      double t0, double deadline, long work,
			      struct rota_error *err);
void fixphase_free(struct fixphase *f);

/* Makes r (keeping every hard rule) the incumbent if it is better.
 * 0, or -1 out of memory. */
int fixphase_offer(struct fixphase *f, const struct roster *r);
/* Branch and cut for its subproblems, share of the time left as a cap.
 * 0, or -1. */
int fixphase_whole(struct fixphase *f, double share);
/* Block moves and sub-MIPs for the work's slices, until the bound is
 * met, or until the deadline or a stop cuts them.  0, or -1. */
int fixphase_improve(struct fixphase *f);
/* Whether the deadline or a stop cut a solve or the slices short. */
int fixphase_cut(const struct fixphase *f);

/* The incumbent into r (set up for pb) and its objective: 0, 1 when
 * there is none, -1 on an inconsistent model (a bug). */
int fixphase_rota(struct fixphase *f, struct roster *r, double *objective);
/* The best bound proven so far (-MODEL_INF: none). */
double fixphase_bound(const struct fixphase *f);

#endif
