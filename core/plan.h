/*
 * plan: the establishment, from the offer tables alone (no rota).
 *
 * Required FTE for a role in a neighbourhood = average weekly hours of
 * demand over the horizon x (1 + uplift_pct/100) / hours_per_fte_week,
 * where group and borough demand is shared among neighbourhoods by
 * weighted population.  In post = the sum of fte of staff of that role
 * whose home is there, each times the share of the horizon's days inside
 * their start/end (an addition to the spec; 1 without them).  Gap =
 * required - in post (positive: recruit).
 *
 * Memory: struct plan owns its arrays; plan_release frees them.
 */
#ifndef ROTA7_PLAN_H
#define ROTA7_PLAN_H

#include <stddef.h>

#include "demand.h"
#include "pay.h"
#include "scenario.h"

struct plan_cell {
	double demand_hours_week;  /* average weekly hours of demand */
	double required_fte;
	double in_post_fte;
	double gap_fte;
	int staff;                 /* head-count in post */
	/* Of those in post, the ones who can never work where demand is
	 * (idle.h): still in post, since they are on the establishment, but
	 * shown, so the gap is not read as smaller than it is.  Zero until
	 * plan_count_idle; known says whether it ran. */
	double idle_fte;
	int idle_staff;
};

struct plan {
	size_t n_neighbourhoods, n_roles, n_services;
	struct plan_cell *cells;   /* [n * n_roles + r] */
	struct plan_cell *by_role; /* [r]: borough totals */
	struct plan_cell *by_nbhd; /* [n]: all roles */
	struct plan_cell total;
	double *service_role_hours;/* [s * n_roles + r]: weekly hours */
	int idle_known;            /* plan_count_idle has filled idle_* */
	struct pay_offer cost;     /* what the offer and the staff cost a
	                              year (pay.h); zero without pay */
};

void plan_init(struct plan *p);
void plan_release(struct plan *p);

/* Returns 0, or -1 with err set (out of memory). */
int plan_compute(const struct scenario *sc, const struct demand *d,
		 struct plan *p, struct rota_error *err);

/* Adds the idle staff of pb (idle.h) to the cells' idle_fte and
 * idle_staff and sets idle_known; 0, or -1 with err set. */
struct problem;
int plan_count_idle(struct plan *p, const struct problem *pb,
		    struct rota_error *err);

static inline struct plan_cell *plan_cell(const struct plan *p, size_t n,
					  size_t r)
{
	return &p->cells[n * p->n_roles + r];
}

#endif
