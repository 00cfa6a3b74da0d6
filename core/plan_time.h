/*
 * plan_time: the establishment quarter by quarter (rota7 plan --until,
 * an addition to the spec).
 *
 * Quarters are the NHS's financial quarters: Q1 April-June, Q2
 * July-September, Q3 October-December, Q4 January-March of the
 * financial year that starts in April ("2017/18 Q2" is July-September
 * 2017).  The plan runs from the quarter holding the horizon's first day
 * to the one holding `until`.
 *
 * Per quarter, neighbourhood and role:
 *   demand_hours_week - the offer tables' weekly hours as the horizon
 *       shows them (its days, clock changes and bank holidays), each
 *       band counted as if always in force, times the share of the
 *       quarter's days inside the band's dates (from_date/until within
 *       its service's from/until), times (1 + growth/100)^t;
 *   required_fte - that x (1 + uplift_pct/100) / hours_per_fte_week, as
 *       plan's;
 *   in_post_fte - each person's fte x the share of the quarter's days
 *       inside their start/end x (1 - attrition/100)^t', t' counted from
 *       their start when that is later than the horizon's;
 *   gap_fte = required - in post;
 *   advertise_fte - the part of the gap above the largest gap of the
 *       earlier quarters (posts not yet asked for), to be advertised by
 *       advertise_by = the quarter's first day - recruitment_lead_weeks.
 * t is in years (days / 365.25) from the horizon's first day to the
 * quarter's first day, 0 for the first quarter: rates stand as at each
 * quarter's start.
 *
 * Memory: struct plan_time owns its arrays; plan_time_release frees them.
 */
#ifndef ROTA7_PLAN_TIME_H
#define ROTA7_PLAN_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "scenario.h"

/* The most quarters --until may ask for: fifty years. */
#define PLAN_TIME_MAX_QUARTERS 200

struct plan_quarter {
	int32_t first, last;        /* civil days, inclusive */
	int year;                   /* financial year's first calendar year */
	int q;                      /* 1..4 */
	int32_t advertise_by;       /* first - lead weeks */
	double years;               /* t: from the horizon's start */
};

struct plan_time_cell {
	double demand_hours_week;
	double required_fte;
	double in_post_fte;
	double gap_fte;
	double advertise_fte;
	int starters, leavers;      /* start or end inside the quarter */
};

struct plan_time {
	size_t n_quarters, n_neighbourhoods, n_roles;
	struct plan_quarter *quarters;
	struct plan_time_cell *cells;   /* [(q * n_nbhd + n) * n_roles + r] */
	struct plan_time_cell *by_role; /* [q * n_roles + r]: borough */
	struct plan_time_cell *total;   /* [q]: all roles, the borough */
};

void plan_time_init(struct plan_time *pt);
void plan_time_release(struct plan_time *pt);

/*
 * Parses --until: "YYYY-MM" (the month's last day) or "YYYY-MM-DD".
 * Returns 0, or -1 with err set (ROTA_EINPUT) when it is neither.
 */
int plan_time_parse_until(const char *s, int32_t *until,
			  struct rota_error *err);

/* Fills pt from sc up to civil day `until`.  Returns 0, or -1 with err
 * set: ROTA_EINPUT when until is before the horizon's first day or
 * asks for more than PLAN_TIME_MAX_QUARTERS, else out of memory. */
int plan_time_compute(const struct scenario *sc, int32_t until,
		      struct plan_time *pt, struct rota_error *err);

/* "2017/18 Q2" into out (at least 16 bytes). */
void plan_quarter_label(const struct plan_quarter *q, char *out,
			size_t size);

static inline struct plan_time_cell *plan_time_cell(
	const struct plan_time *pt, size_t q, size_t n, size_t r)
{
	return &pt->cells[(q * pt->n_neighbourhoods + n) * pt->n_roles + r];
}

#endif
