/*
 * recruitment: the posts rota7 recruit proposes and what each solved
 * rota said of them, as plain data for the reports and the command line.
 *
 * A post is a copy of one person in post (its "like"): the same role,
 * home, may_work_in, shifts and rules, so it can be worked exactly as
 * that role's staff are; it differs in id, name, fte and, where a senior
 * rule needed it, band, and has no leave, days off or requests.  Posts
 * are added in batches; each batch is confirmed by solving the scenario
 * with every post so far, and a round records that solve.  Round 0 is
 * the scenario as given.  Every figure here comes from a solved rota.
 *
 * Memory: struct recruitment owns its posts (and their ids and names)
 * and rounds; recruitment_release frees them.  Indexes (like, role,
 * home) refer to the scenario as given, whose staff keep their indexes
 * in the recruited one (posts are appended after them).
 */
#ifndef ROTA7_RECRUITMENT_H
#define ROTA7_RECRUITMENT_H

#include <stddef.h>

#include "diag.h"
#include "result.h"

struct recruit_post {
	char *id;               /* "vac-qn-bramhall-1" */
	char *name;             /* "Vacancy: qn, bramhall, 1" */
	int like;               /* staff index copied */
	int role, band, home;   /* home: neighbourhood index */
	double fte;
	int batch;              /* 1-based: the round that added it */
	int senior;             /* 1: added for a senior rule no rota met */
	double worked_hours;    /* paid hours in the last rota */
	double covered_hours;   /* of them, hours in demand cells not over
	                           covered: hours of demand it meets */
	double annual_cost;     /* a year's pay with on-costs (pay.h
	                           pay_person_annual, on the last rota);
	                           -1: the scenario gives no pay for it */
};

struct recruit_round {
	size_t posts;           /* posts in the scenario solved */
	double fte;             /* their fte */
	int solved;             /* 0: no rota kept the hard rules (a senior
	                           rule); the figures below are then 0 */
	double uncovered_hours; /* person-hours the rota left short */
	double objective;
	enum solve_stop stopped_by;
	int draft;              /* 1: solved at --draft-work, to rank the
	                           next batch only; the rota reported is a
	                           full solve's */
};

struct recruitment {
	double demand_hours;    /* person-hours of demand over the horizon */
	double cover_pct;       /* the target, --cover */
	size_t n_posts, cap_posts;
	struct recruit_post *posts;
	size_t n_rounds, cap_rounds;
	struct recruit_round *rounds;
	const char *stop;       /* why no more posts were added (static) */
};

void recruitment_init(struct recruitment *rc);
void recruitment_release(struct recruitment *rc);

/* Appends a post whose id and name are taken over (freed on failure
 * too); 0, or -1 with err "out of memory". */
int recruitment_add_post(struct recruitment *rc, struct recruit_post *p,
			 struct rota_error *err);
int recruitment_add_round(struct recruitment *rc,
			  const struct recruit_round *r,
			  struct rota_error *err);

/* The person-hours short allowed by the target. */
double recruitment_allowed_short(const struct recruitment *rc);

/* The posts' annual_cost summed, or -1 when none is priced. */
double recruitment_cost(const struct recruitment *rc);

/* The last round, or NULL before any. */
const struct recruit_round *recruitment_last(const struct recruitment *rc);

#endif
