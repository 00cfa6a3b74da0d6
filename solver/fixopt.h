/*
 * fixopt: a matheuristic on GLPK for problems whose empty rota breaks a
 * hard rule (the benchmarks' minimum total minutes and minimum runs), so
 * that the local search in local_search.h, which starts from the empty
 * rota and keeps every rule at every step, cannot start.
 *
 *   0. a first legal rota person by person, each a small GLPK problem of
 *      that person's hard rules (no answer for one person: exit 3);
 *   1. GLPK's branch and cut on the whole integer program (the same
 *      model export-lp writes), for part of the time: small instances
 *      end here, proven optimal;
 *   2. otherwise fix-and-optimise from the best rota found: free the
 *      assignments of a window (a few people over the whole horizon, or
 *      everyone over a few days), fix every other assignment at its
 *      value, let GLPK solve that sub-MIP with a short limit and keep
 *      what is better.  Windows grow while GLPK proves their sub-MIPs
 *      quickly and shrink when it does not.  In turn with the sub-MIPs,
 *      block moves (moves.h) from the best rota, about half the time.
 *
 * The bound reported is the best bound of step 1's search tree (at least
 * the LP relaxation's).  Deterministic for a seed unless a time limit
 * cuts a GLPK solve short.
 *
 * Memory: as solve_run's: best is set up here and released by the
 * caller, also on failure; the model and its scratch are freed before
 * fixopt_run returns.
 */
#ifndef ROTA7_FIXOPT_H
#define ROTA7_FIXOPT_H

#include "diag.h"
#include "problem.h"
#include "roster.h"
#include "solve.h"

/* Same contract as solve_run (solve.h): best initialised here, released
 * by the caller; 0, or -1 with err (ROTA_EINFEASIBLE when GLPK proves
 * that the hard rules admit no rota, or finds none in time). */
int fixopt_run(const struct problem *pb, const struct solve_opts *o,
	       struct roster *best, struct solve_result *res,
	       struct rota_error *err);

#endif
