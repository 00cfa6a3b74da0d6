/*
 * prove: the whole integer program on GLPK, for problems small enough
 * that branch and cut ends: it proves the search's rota optimal, or finds
 * the better rota the search missed.
 *
 * The program is built without the formulations stricter than their rule
 * (weekly rest) and with every cost exact, so its optimum is a lower
 * bound on every legal rota, and a solution of it that keeps every hard
 * rule by the families' exact checks is an optimal rota.  A solution
 * that breaks a person's own rule has that person's month cut off by a
 * no-good row, and GLPK solves again (combinatorial Benders).  GLPK is
 * stopped by a count of subproblems, not by the clock, so the answer is
 * the same on any machine (the time left only caps it).
 */
#ifndef ROTA7_PROVE_H
#define ROTA7_PROVE_H

#include "problem.h"
#include "roster.h"

/* Problems up to this many vars (person x day x shift x deployment) are
 * given to GLPK whole: the tiny cases and Instance1 (1,100 vars) end in
 * well under a second. */
#define PROVE_MAX_VARS 3000

/*
 * With r a legal rota of objective *objective: replaces r by GLPK's
 * optimum when that is legal and cheaper (then *objective is its
 * objective), and raises *bound to the program's optimum when GLPK
 * proves it within `seconds`.  0, or -1 when out of memory.
 *
 * Memory: r is the caller's; everything else is freed before return.
 */
int prove_small(const struct problem *pb, struct roster *r, double seconds,
		double *objective, double *bound);

#endif
