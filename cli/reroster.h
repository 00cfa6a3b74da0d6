/*
 * reroster: solve's side of re-rostering (--previous, --freeze-until) and
 * of pins (staff[].fixed), kept out of cmd_solve.c behind three calls.
 *
 *   reroster_build  in place of problem_build: reads DIR/rota.json as the
 *                   reference (io/previous.h), hangs it on the scenario
 *                   with its frozen days (reference.h), builds the
 *                   problem and the legal rota the solve starts from
 *                   (solver/restart.h), building again without each
 *                   frozen assignment that breaks a hard rule;
 *   reroster_same   whether the start is the reference itself and the
 *                   reference is this engine's own rota for this very
 *                   scenario, seed and work (rota.json's made_from):
 *                   then the solve keeps it (solve_opts.keep_start);
 *   reroster_after  once solved: every pin and frozen day kept, and the
 *                   changes against the reference listed;
 *   reroster_print  the stdout line "12 shifts changed for 5 people; 3
 *                   shifts left to fill".
 *
 * Memory: struct reroster holds the start rota (released by
 * reroster_release) and borrows its strings from argv.
 */
#ifndef ROTA7_REROSTER_H
#define ROTA7_REROSTER_H

#include "demand.h"
#include "diag.h"
#include "problem.h"
#include "roster.h"
#include "scenario.h"
#include "solve.h"

struct reroster {
	const char *previous;      /* --previous DIR, or NULL */
	const char *freeze_until;  /* --freeze-until DATE, or NULL */
	const char *today;         /* --today DATE, or NULL */
	struct roster start;
	int have_start;            /* start holds the rota to start from */
};

/* 0, or -1 with err set (ROTA_EINPUT: bad option or reference;
 * ROTA_EINFEASIBLE: pins break a hard rule). */
int reroster_build(struct reroster *rr, struct scenario *sc,
		   const struct demand *d, struct problem *pb,
		   struct rota_error *err);
/* 1 when the solve with options o may keep rr's start unsearched (see
 * README, "Re-rostering": the same run again), else 0. */
int reroster_same(const struct reroster *rr, const struct problem *pb,
		  const struct solve_opts *o);
int reroster_after(const struct problem *pb, const struct roster *r,
		   struct rota_error *err);
void reroster_print(const struct scenario *sc);
void reroster_release(struct reroster *rr);

#endif
