/*
 * recruit: where one more person helps a rota most, for rota7 recruit.
 *
 * A solved rota leaves person-hours short in some coverage cells.  A
 * post is proposed as a copy of someone in post (same role, home,
 * may_work_in, shifts and rules; see recruitment.h), and valued by what
 * it could add to that rota: each day the one shift of its own role,
 * anywhere it may work, that meets the most short cell-hours, the best
 * days taken until its contract hours (fte x hours_per_fte_week x days
 * / 7, plus the tolerance) are used.  The most valuable post is added,
 * the cells it meets no longer count as short, and so on: a greedy
 * simulation that ranks posts and sizes the batch.  It ignores the rules
 * between days (rest, runs, weekends) and the rest of the staff moving,
 * so what it promises is only a ranking: the caller re-solves with the
 * posts to know what they do, and rota7 reports only that.
 *
 * A post's fte is the smallest of the contract sizes its role's staff
 * use that gives nearly (95%) what the largest would, or what the batch
 * still needs: a small remainder gets a part-time post.
 *
 * Memory: nothing is kept; the caller owns every array passed.
 */
#ifndef ROTA7_RECRUIT_H
#define ROTA7_RECRUIT_H

#include <stddef.h>

#include "diag.h"
#include "problem.h"
#include "roster.h"

/* One post: a copy of staff `like` at this fte and band. */
struct recruit_pick {
	int like;
	double fte;
	int band;
	int senior;           /* 1: for a senior rule (recruit_senior) */
	double value;         /* simulated hours met (0 for a senior one) */
};

/*
 * Up to max_posts posts that meet `hours` more person-hours of r's
 * shortfall in the simulation, copying only staff 0 .. n_like-1 (the
 * scenario as given).  Fills out[0 .. *n_out) (out has room for
 * max_posts) and *simulated with the hours they promise.  *n_out 0:
 * no post would meet anything.  0, or -1 with err "out of memory".
 */
int recruit_propose(const struct problem *pb, const struct roster *r,
		    size_t n_like, double hours, size_t max_posts,
		    struct recruit_pick *out, size_t *n_out,
		    double *simulated, struct rota_error *err);

/*
 * The post for a senior rule no rota met (solve's ROTA_EINFEASIBLE names
 * the unit `who` and the day): of the rule's role, at a band the rule
 * counts, homed where it counts in that unit.  A copy of a senior there
 * if there is one, else of someone of the role there (or anywhere) at
 * the rule's min_band.  0, or -1 when no senior rule of that unit
 * applies that day or its role has nobody to copy.
 */
int recruit_senior(const struct scenario *sc, size_t n_like, const char *who,
		   int day, struct recruit_pick *out);

/* Person p's paid hours in r, and the hours of demand they meet: in
 * each demand cell worked, the cell's hours, shared with the others on
 * duty where it is over covered. */
void recruit_post_hours(const struct problem *pb, const struct roster *r,
			int p, double *worked, double *covered);

#endif
