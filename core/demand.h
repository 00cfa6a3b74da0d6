/*
 * demand: the offer tables expanded over the horizon.
 *
 * A pure function of the scenario: for every band, every day whose
 * pattern day it covers (bank holidays read as bank_holiday_pattern),
 * every unit of the band's scope and every requirement, one item saying
 * how many people of a role must be on duty in that unit between two real
 * instants.  A band outside its dates (from_date/until, within its
 * service's from/until) asks for no one.  Requirements are turned into head-counts per unit here:
 *   count    - as given, in every unit;
 *   total    - shared by weighted population, largest remainder, then
 *              raised to min;
 *   per_100k - value x population / 100000, rounded half up, then raised
 *              to min.
 *
 * Memory: struct demand owns its items; demand_release frees them.
 */
#ifndef ROTA7_DEMAND_H
#define ROTA7_DEMAND_H

#include <stddef.h>

#include "diag.h"
#include "scenario.h"

struct demand_item {
	int service, band, req;  /* where it comes from */
	int day;                 /* horizon day the band starts on */
	int scope;               /* SCOPE_* or kind index */
	int unit;                /* unit of that scope */
	int role;
	instant_t from, to;      /* real instants */
	int required;            /* head-count, > 0 (>= 0 when priced) */
	double under_cost;       /* per person short, over the whole item; */
	double over_cost;        /* per person over; < 0: from the weights */
};

struct demand {
	size_t n;
	struct demand_item *items;
};

void demand_init(struct demand *d);
void demand_release(struct demand *d);

/* Expands sc's offer tables; items with no one required are left out.
 * Returns 0, or -1 with err set (out of memory). */
int demand_expand(const struct scenario *sc, struct demand *d,
		  struct rota_error *err);
/* The same with every band as if always in force (its from/until
 * ignored): the week pattern plan --until scales quarter by quarter. */
int demand_expand_pattern(const struct scenario *sc, struct demand *d,
			  struct rota_error *err);

/*
 * Whether band b applies on horizon day `day`: its days name the day's
 * pattern day and its real length that day is positive.  A band whose
 * local start falls in a spring-forward gap (01:30-02:00 on 25 March
 * 2018 in London: 01:30 GMT to 02:00 BST, -0.5 hours) does not occur
 * that day, as ../shared/spec/scenario.md's additions say.
 */
int demand_band_applies(const struct scenario *sc, const struct band *b,
			int day);
/* The same without the band's dates (from_date/until and its service's
 * from/until, an addition to the spec): its days and real length only. */
int demand_band_pattern(const struct scenario *sc, const struct band *b,
			int day);

/*
 * Whether shift s occurs on horizon day `day`: its real length that day
 * is longer than its break, so its paid hours are positive.  Without a
 * break that is the spec's rule (a shift of zero or negative real length
 * does not occur); with one, a shift the gap leaves all break (01:00 to
 * 02:30 with an hour's break: half an hour) would be paid nothing or
 * less, and does not occur either.  No variable, hour or figure comes
 * from a shift on a day it does not occur.
 */
int demand_shift_occurs(const struct scenario *sc, int s, int day);

/*
 * Head-count per unit of `scope` for one requirement; out has
 * scenario_units(sc, scope) entries.  Returns 0, or -1 out of memory.
 */
int demand_per_unit(const struct scenario *sc, int scope,
		     const struct requirement *rq, int *out);

/*
 * Hamilton's largest-remainder method: shares `total` among n parts in
 * proportion to weights.  Ties in the remainder go to the larger weight,
 * then to the earlier part, so the result never depends on sort order.
 * All-zero weights share equally.  Returns 0, or -1 out of memory.
 */
int demand_largest_remainder(int total, const double *weights, size_t n,
			     int *out);

/* Rounds half up (2.5 -> 3) on non-negative figures. */
int demand_round_half_up(double x);

/* Hours of the item: head-count x real duration. */
double demand_item_hours(const struct demand_item *it);

/*
 * Shares item hours out to home neighbourhoods: a neighbourhood item
 * stays put; a group or borough item is split by weighted population
 * (equally if the unit's population is zero).  Adds to hours[n] for each
 * neighbourhood n.
 */
void demand_share_hours(const struct scenario *sc,
			const struct demand_item *it, double *hours);

#endif
