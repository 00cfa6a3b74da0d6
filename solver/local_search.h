/*
 * local_search (functions search_*): local search for a good legal rota,
 * fast.  The file is not called search.h so that <search.h> stays libc's.
 *
 * Starts from the empty rota (legal for every rule but `senior`) and
 * improves it by moves that keep every hard rule: change what one person
 * works on one day (nothing, or a shift and deployment), move a person's
 * shift from one day to another, and ruin-and-recreate, which clears one
 * neighbourhood's people over a few days and refills greedily, kept when
 * the rota is no worse; and by whole months: one person's remade as the
 * best answer to everyone else (month.h), and a chain of two, where
 * someone with hours to spare takes over a shift and its owner's month
 * is remade around the day released.  Coverage is priced incrementally
 * from the cell counts; each person's own costs and rules are recomputed
 * exactly for the person moved.  Unmet `senior` cover is priced far above any other
 * cost, so it is met whenever the search can meet it.
 *
 * Deterministic for a given seed unless the time limit cuts it short.
 *
 * Memory: struct search owns its arrays and a roster, which
 * search_setup allocates and search_release frees.  The problem is
 * borrowed; search_load copies from the roster it is given.
 */
#ifndef ROTA7_LOCAL_SEARCH_H
#define ROTA7_LOCAL_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "problem.h"
#include "roster.h"

struct need {            /* senior cover wanted in one cell */
	size_t cell;
	int rule;
	int count;
	int have;
};

struct pair {            /* ratio: on_duty[role] <= at_most x on_duty[per] */
	size_t role_cell, per_cell;
	double at_most;
};

struct search {
	const struct problem *pb;
	struct roster r;
	uint64_t rng;
	double objective;        /* local objective (no fairness) */
	size_t n_needs, cap_needs;
	struct need *needs;
	size_t *cell_need_first, *cell_needs;
	size_t n_pairs, cap_pairs;
	struct pair *pairs;
	size_t *cell_pair_first, *cell_pairs;
	double *person_cost;     /* [n_staff]: local person costs */
	double deadline;         /* monotonic seconds */
	long moves;
	long rounds;             /* work done by search_run */
	int cut;                 /* the deadline or a stop ended a phase */
	int senior_first;        /* pricing only unmet senior cover */
	double hour_price;       /* mu: a price on every paid hour, steering
	                            early search toward shifts that waste
	                            less of people's contract hours */
	double paid;             /* paid hours of the whole rota */
	double steered;          /* objective + hour_price x paid */
	double senior_delta;     /* its part of the last apply() */
	int steer_fifths;        /* fifths of search_run's rounds steered
	                            (search_setup: STEER_FIFTHS, 3); 0: the
	                            objective itself from the start, so the
	                            rota only improves (a polish) */
};

/* The empty rota of pb, priced.  0, or -1 with err: ROTA_EINFEASIBLE
 * naming the senior rule that can never be met (a window no shift
 * reaches), or ROTA_EINTERNAL "out of memory".  s then holds nothing. */
int search_setup(struct search *s, const struct problem *pb, uint64_t seed,
		 struct rota_error *err);
void search_release(struct search *s);

/*
 * Work is counted in rounds of the improvement loop: a ruin-and-recreate,
 * one month remade, 16 transfers and 4 day moves.  Phases switch on the
 * rounds done, never on the clock, so the same seed and budget give the
 * same rota on any machine; the deadline only cuts a run short.
 */
#define SEARCH_CHECK_ROUNDS 50   /* rounds between two calls of `check` */

/*
 * Improves s->r for `work` rounds (stopping early only when `check`,
 * called every SEARCH_CHECK_ROUNDS rounds and at the end, returns non-
 * zero), or until the deadline passes or a stop is requested.  Where no
 * move has helped for a while the rota is shaken (everyone's month
 * remade at a random price on paid hours) and improved again; s->r
 * ends as the best rota met.  `check` may be NULL.
 */
void search_run(struct search *s, double deadline, long work,
		int (*check)(void *ctx, const struct search *s), void *ctx);

/* Meets as much senior cover as greedy moves and a bounded repair can:
 * the first phase of the search, run before search_run. */
void search_seniors(struct search *s, double deadline);
/* Replaces the current rota with r's assignments. */
void search_load(struct search *s, const struct roster *r);

/* For moves made outside this module (refill.h): sets what p works on
 * d to v (or ROSTER_NONE), counts and costs kept up to date, and returns
 * the change in the steered objective; `known` is p's own cost after it
 * when the caller knows it, else NAN.  Legality is the caller's. */
double search_set(struct search *s, int p, int d, size_t v, double known);
/* Whether the ratio rules around var v's cells hold (1 for ROSTER_NONE). */
int search_ratio_ok(const struct search *s, size_t v);
/* Clears p's days and sets price[v], for each var v of p, to what v
 * alone changes from that empty month (the steered objective), the
 * prices reroster's month program takes; breaks[v] (when breaks is not
 * NULL, both [n_vars] and the caller's) to whether v alone breaks a
 * ratio rule around its cells. */
void search_price_month(struct search *s, int p, double *price,
			unsigned char *breaks);

/* Unmet senior cover in the current rota, in person-hours. */
double search_senior_short(const struct search *s);

#endif
