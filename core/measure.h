/*
 * measure: what a rota amounts to for one person or for the whole rota,
 * counted one way for every layer.
 *
 * The rule families (constraints/) price and limit these figures, the
 * search and the bound steer by them, and the reports print them; all
 * of them call here, so a night or a weekend is counted the same way
 * in rota.json, in report.html and in the rule that limits it.
 *
 * Memory: every function reads the problem and the roster, both
 * borrowed, and allocates nothing.
 */
#ifndef ROTA7_MEASURE_H
#define ROTA7_MEASURE_H

#include <stddef.h>

#include "problem.h"
#include "roster.h"

/*
 * Weekends.  Weekend i is the Saturday measure_saturday(pb, i) and the
 * day after; the first may be -1 when the horizon starts on a Sunday.
 * A person works a weekend when a shift starts on either day.
 */
int measure_saturday(const struct problem *pb, int i);
/* Weekends that touch the horizon. */
int measure_n_weekends(const struct problem *pb);
/* Weekends in a row p's max_weekends counts over: weekend_window, or
 * all nw weekends when the window is 0 or longer than the horizon. */
int measure_weekend_window(const struct problem *pb, int p, int nw);
/* 1 when p works on the weekend whose Saturday is day sat. */
int measure_works_weekend(const struct roster *r, int p, int sat);
/* Weekends p works over the horizon. */
int measure_weekends(const struct problem *pb, const struct roster *r, int p);

/* Days on which p starts a night shift. */
int measure_nights(const struct problem *pb, const struct roster *r, int p);

/* The most paid hours p may work over the horizon: the least of the
 * average weekly cap, the contract's upper bound and max_total_hours. */
double measure_hours_cap(const struct problem *pb, int p);

/* Evening, night and weekend hours of var v: all its paid hours for a
 * night shift or one starting on a Saturday, Sunday or bank holiday (by
 * bank_holiday_pattern), otherwise the wall-clock hours after 20:00. */
double measure_unsocial_hours(const struct problem *pb, size_t v);

/* Whether working var v meets request rq's shift (any shift when none
 * is named) and, for a REQUEST_CHANGE "on", its neighbourhood. */
int measure_request_matches(const struct problem *pb, const struct request *rq,
			    size_t v);
/* Whether the rota grants request rq of person p: "on" is granted when
 * p works a var matching it, "off" when not. */
int measure_request_granted(const struct roster *r, int p,
			    const struct request *rq);
/* Requests of p's own (REQUEST_STAFF) the rota grants, and all of them:
 * the costs of --previous are not the person's requests. */
int measure_requests_granted(const struct problem *pb, const struct roster *r,
			     int p);
int measure_requests_total(const struct problem *pb, int p);

/* Person-hours of demand the rota leaves uncovered. */
double measure_uncovered_hours(const struct problem *pb,
			       const struct roster *r);

#endif
