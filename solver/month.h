/*
 * month: one person's rota over the horizon (a "month", whatever the
 * horizon's length) by dynamic programming.
 *
 * GLPK's branch and bound can take minutes to find any rota at all for
 * one person whose rules are tight (Instance18: 49 or 50 shifts in 76
 * free days, at most 4 in a row, at least 2 on and 2 off), though the
 * rules are all about sequences.  A shortest path over days whose state
 * is the last shift, the length of the current run (on or off), whether
 * that run touches the horizon's start, the weekends worked (a count
 * when the limit is over the whole horizon, the window's weekends as a
 * bit mask when over a window) and, for people who work nights, the
 * nights in a row, meets the sequence rules exactly: days off and
 * allowed shifts, forbidden successions and minimum rest between
 * consecutive days, maximum and minimum days in a row, minimum days off
 * in a row, nights in a row and the weekend limit.  Total hours are met
 * by a price per paid hour found by bisection (Lagrangian), and the
 * limits on shifts of a type by prices raised while they are broken, so
 * both may be missed; weekly rest is not in the state.  The caller
 * therefore checks the result with the families' exact checks and has
 * another way when it fails.
 *
 * Costs per day's choice come from the caller, as a price per var; of a
 * day's and shift's deployment options, the cheapest is the one priced.
 */
#ifndef ROTA7_MONTH_H
#define ROTA7_MONTH_H

#include "problem.h"
#include "roster.h"

/* What month_person and month_pick return. */
enum month_result {
	MONTH_FOUND = 0,        /* a month was set: still to be checked */
	MONTH_NONE = 1,         /* the program found none in the window */
	MONTH_ENOMEM = -1       /* out of memory */
};

/*
 * Sets person p's days in r to a month of least total price[v] (over
 * the vars of p) meeting the rules above and p's hours window (at most
 * measure_hours_cap).
 *
 * Memory: price is borrowed; r is the caller's and only p's days
 * change, and only with MONTH_FOUND.
 */
enum month_result month_person(const struct problem *pb, int p,
			       const double *price, struct roster *r);
/* The same, leaving the month as a var (or ROSTER_NONE) per day in
 * pick[days], the caller's array. */
enum month_result month_pick(const struct problem *pb, int p,
			     const double *price, size_t *pick);

/*
 * The program alone, for column generation and its bound: p's cheapest
 * month at price[v] plus hour_price per paid hour, keeping the sequence
 * rules above exactly but no hours window and no limits on shifts of a
 * type.  Every legal month of p is among those it chooses from, so its
 * least price is a lower bound on the least price of a legal month (a
 * Lagrangian relaxation when hour_price prices the window).  No
 * tie-breaks: the same prices give the same month.
 *
 * Memory: month_dp_new allocates (NULL out of memory), choosing each
 * day's and shift's cheapest option at `price`; price must not change
 * until month_dp_free.  With `exact` the program keeps p's hours in its
 * state where it can (below); month_dp_solve then also keeps the cap.
 */
struct month_dp;
struct month_dp *month_dp_new(const struct problem *pb, int p,
				  const double *price, int exact);
/* The month in pick[days] and its price (sum price + hour_price x paid
 * hours) in *value.  0, 1 when no month keeps the sequence rules, -1
 * out of memory. */
int month_dp_solve(struct month_dp *g, double hour_price, size_t *pick,
		     double *value);
void month_dp_free(struct month_dp *g);

/*
 * Where p's shifts are whole minutes and the states with p's paid hours
 * in them (levels of the shifts' greatest common divisor up to the
 * hours cap) stay few (Curtois & Qu 1-19: 10 to 217 levels),
 * the program keeps the hours exactly: month_dp_exact says whether.
 * Then month_dp_solve_window gives the cheapest month keeping the
 * sequence rules and least <= paid hours <= the cap, priced
 * sum price + under x max(0, target - paid hours): with exact hours a
 * pricing needs one program instead of a search on an hour price, and
 * its value bounds every such month's, not only those a price per hour
 * can reach.  0, 1 when no month does, -1 out of memory.
 */
int month_dp_exact(const struct month_dp *g);
int month_dp_solve_window(struct month_dp *g, double least, double target,
			  double under, size_t *pick, double *value);

#endif
