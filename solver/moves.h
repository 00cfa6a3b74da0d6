/*
 * moves: late-acceptance local search over a legal rota, by blocks.
 *
 * Where the rules make single-day changes illegal almost everywhere
 * (minimum runs of days on and off, minimum total hours: the
 * benchmarks), moves must change several days at once: swap what two
 * people work over a run of days, or set one person's run of days to
 * one shift or to off.  A move is kept only if every hard rule of the
 * people it touches still holds (checked exactly, constraints_check_
 * person), and accepted by late acceptance (Burke & Bykov): no worse
 * than the rota of L moves ago, which lets the search cross plateaus.
 *
 * Rules over many people at once (skill mix) are not checked per move,
 * so a problem that has any is left as it is.
 *
 * The price of a move is exact: the coverage cells it touches and the
 * per-person costs of the people moved.  Fairness, which depends on
 * everyone, is left to the final count (it is zero in the benchmarks).
 *
 * Memory: moves_run borrows the problem, changes r in place and frees
 * its scratch before it returns.
 */
#ifndef ROTA7_MOVES_H
#define ROTA7_MOVES_H

#include <stdint.h>

#include "problem.h"
#include "roster.h"

/* Improves r (legal on entry, legal on return) for `tries` moves tried
 * (counted work: the same r and seed give the same rota), or until the
 * deadline (timer_now() seconds, a cap) or a stop request if sooner; r
 * ends as the best rota seen.  0, or -1 out of memory (r unchanged). */
int moves_run(const struct problem *pb, struct roster *r, uint64_t seed,
	      long tries, double deadline);

#endif
