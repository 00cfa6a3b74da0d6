/*
 * coverage: how well a rota covers each band of demand, day by day -
 * the figures behind report.html's coverage tables, kept apart from the
 * HTML so they can be checked on their own.
 *
 * A track's coverage cells (problem.h) are read off in time order and
 * joined into windows: consecutive cells with the same head-count
 * required, not crossing the edge of a demand item.  A window is filed
 * under a row - one service, unit, role, wall-clock window of the day
 * and head-count, named by the bands whose items cover it - and under
 * the day it starts on.  For each row and day: the fewest people on duty
 * at any time in the window, the most, the person-hours short, and when
 * it is short (the times a reader needs to fill it, which the fewest on
 * duty alone cannot say: one person short for an hour of ten shows as
 * the same 0 as nobody all day).
 * Rows run by service, then from the finest unit (neighbourhoods) to the
 * widest (the borough), unit, role and time of day.
 *
 * Local time is the scenario's zone, which core/ cannot read (io/tz
 * does), so the caller passes the conversion.
 *
 * Memory: struct coverage owns its rows and their labels and days;
 * coverage_compute fills them and coverage_release frees them.  The
 * problem, demand and roster are borrowed and not kept.
 */
#ifndef ROTA7_COVERAGE_H
#define ROTA7_COVERAGE_H

#include <stddef.h>
#include <stdint.h>

#include "civil.h"
#include "diag.h"

struct demand;
struct problem;
struct roster;

/* The civil day of instant t and the seconds after its local midnight,
 * in the zone `zone` (tz_local of io/tz.h has this form). */
typedef void coverage_local_fn(const void *zone, instant_t t, int32_t *day,
			       int *secs);

/* A stretch of a window that is short, in wall-clock minutes after the
 * window day's midnight (to_min past 1440 runs into the next day). */
struct coverage_span {
	int from_min, to_min;
	int people;           /* the most people short at any time in it */
};

/* Stretches kept per row and day; a shortfall in more pieces has its
 * last stretch widened over the rest (spans_merged), since a cell's hover
 * text has room for a few times, not a list. */
#define COVERAGE_SPANS 3

/* One row's window on one day. */
struct coverage_day {
	int staffed;          /* fewest on duty; -1: no such window that day */
	int most;             /* most on duty */
	double short_hours;   /* person-hours short of required */
	int n_spans;          /* short stretches, in time order */
	int spans_merged;     /* 1: span[n_spans - 1] has gaps that are met */
	struct coverage_span span[COVERAGE_SPANS];
};

/* One unit and role, one window of the day with one head-count required
 * throughout, named by the bands that make it up. */
struct coverage_row {
	int service, scope, unit, role;
	int from_min, to_min;     /* wall clock, minutes after midnight */
	int required;
	char *label;              /* band labels joined by " + ", or the
	                             service's name when they have none */
	struct coverage_day *day; /* [days] */
};

struct coverage {
	size_t n, cap;
	struct coverage_row *rows;  /* [n], in the order above */
	int days;                   /* the horizon's */
};

void coverage_init(struct coverage *cv);
void coverage_release(struct coverage *cv);

/*
 * Fills cv from rota r of problem pb and the demand dm pb was built
 * from; local(zone, ...) gives local time.  0, or -1 with err set (out
 * of memory, cv left empty).
 */
int coverage_compute(struct coverage *cv, const struct problem *pb,
		     const struct demand *dm, const struct roster *r,
		     coverage_local_fn *local, const void *zone,
		     struct rota_error *err);

#endif
