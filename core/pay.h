/*
 * pay: what the offer, a rota and proposed posts cost a year, where the
 * scenario gives pay (scenario.h struct pay; an addition to the spec,
 * README "Pay and cost").  Reporting only: nothing here enters the
 * objective, so a scenario solves the same with or without pay.
 *
 * Rates.  A person's basic hourly rate is the most specific rate that
 * matches them: role and band, then band alone, then role alone, then a
 * rate naming neither.  A year is 365 days: an annual salary is hourly x
 * hours_per_fte_week x 365/7, and a figure over the horizon is scaled to
 * a year by 365/days.
 *
 * Enhancements.  Each instant worked is paid at time plus the largest
 * pct of the unsocial ranges in force then for the person's band (none:
 * plain time).  Ranges are local wall-clock times on local dates,
 * turned into real instants by the loader, so an hour is an hour of real
 * time: a night over the October clock change pays one more hour, and
 * each hour falls in the range of the local date and time it is worked
 * in.  A shift's break is taken pro rata over its length (where in the
 * shift it falls is not known).
 *
 * Memory: struct pay_offer owns by_band; pay_offer_release frees it.
 * Everything else is plain values.
 */
#ifndef ROTA7_PAY_H
#define ROTA7_PAY_H

#include <stddef.h>

#include "diag.h"
#include "scenario.h"

struct demand;
struct problem;
struct roster;

/* Basic pay per hour of a role and band, or -1 when no rate matches. */
double pay_hourly(const struct scenario *sc, int role, int band);

/* Real hours in [a, b), each weighted by 1 + pct/100 of the unsocial
 * range in force for `band` (the largest where ranges overlap). */
double pay_enhanced_hours(const struct scenario *sc, int band, instant_t a,
			  instant_t b);

/* Per year: horizon figures times 365/days. */
double pay_per_year(const struct scenario *sc);

/* The offer (demand) and the establishment in post, from the scenario. */
struct pay_offer {
	double annual;          /* demand hours priced, with the planning
	                           uplift (leave is paid with enhancements,
	                           AfC section 13.9) and on-costs */
	double unpriced_hours;  /* demand hours of roles with no priced
	                           staff, left out of annual */
	size_t n_bands;
	double *by_band;        /* [sum of services' n_bands], services in
	                           order: each band's share of annual */
	double staff_annual;    /* basic pay of the staff's fte, on-costs */
};

void pay_offer_init(struct pay_offer *o);
void pay_offer_release(struct pay_offer *o);

/*
 * The offer's demand hours of role r are priced at the mix of the role's
 * staff: each priced person's rate and band weighted by fte, so a role
 * half band 5 and half band 6 costs the mean of the two.  0, or -1 with
 * err "out of memory".
 */
int pay_offer_compute(const struct scenario *sc, const struct demand *d,
		      struct pay_offer *o, struct rota_error *err);

/* A rota's cost: each assignment's paid hours at the person's rate. */
struct pay_rota {
	double annual;          /* basic plus enhancements, with on-costs */
	double enhancements;    /* of which the unsocial-hours part */
	double unpriced_hours;  /* paid hours of staff with no rate */
};

void pay_rota_compute(const struct problem *pb, const struct roster *r,
		      struct pay_rota *out);

/*
 * What person p costs a year: basic pay of their fte, plus the
 * enhancements of what they work in rota r scaled to a year, with
 * on-costs; -1 when no rate matches them.  For recruit's posts.
 */
double pay_person_annual(const struct problem *pb, const struct roster *r,
			 int p);

#endif
