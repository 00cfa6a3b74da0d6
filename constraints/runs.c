/*
 * runs: max_days_in_a_row (days with a shift start), min_days_in_a_row
 * and min_days_off_in_a_row (runs touching the horizon's ends exempt,
 * but at the start only where no history says how the run began: with
 * history (history.h) a run from day 0 counts the days in a row before
 * it, and one that begins on day 0 after a known change is judged like
 * any other; a short run wholly before the horizon is the past's).
 */
#include "build.h"

/*
 * A run starting on d (worked d, off d-1) must go on to d+m-1:
 * D[d] - D[d-1] - D[d+j] <= 0 for j < m.  With `off` set, the same for
 * runs of days off: (1-D[d]) - (1-D[d-1]) - (1-D[d+j]) <= 0, that is
 * -D[d] + D[d-1] + D[d+j] <= 1.
 */
static int min_rows(struct build *b, int p, int m, int off)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	double s = off ? -1 : 1;
	int d, j;

	for (d = 1; d < pb->days; d++)
		for (j = 1; j < m && d + j < pb->days; j++) {
			build_begin(b);
			if (build_day(b, p, d, NULL, s) ||
			    build_day(b, p, d - 1, NULL, -s) ||
			    build_day(b, p, d + j, NULL, -s))
				return -1;
			if (build_row(b, -MODEL_INF, off ? 1 : 0, "%s[%s,%s,+%d]",
				      off ? "min_off" : "min_days",
				      pb->sc->staff[p].id, build_date(pb, d, date), j))
				return -1;
		}
	return 0;
}

/*
 * What history asks of the run from day 0, of days (off 0) or days off
 * (off 1): how many days it must last, counting from day 0, if it ends
 * inside the horizon; 0 when nothing (no history, or the run's start is
 * not known).
 */
static int start_need(const struct staff *st, int off)
{
	const struct rules *ru = &st->rules;

	if (!st->has_past)
		return 0;
	if (!off)
		return st->history_open ? 0 :
		       ru->min_days_in_a_row - st->history_days;
	if (st->history_off)
		return ru->min_days_off_in_a_row - st->history_off;
	/* Off on day 0 after a shift on day -1 starts a run of days off;
	 * off as far back as the history goes, its start is not known. */
	return st->history_days ? ru->min_days_off_in_a_row : 0;
}

/* The run from day 0 lasts start_need days: D[0] - D[j] <= 0 (or for
 * days off, D[j] - D[0] <= 0) for 0 < j < need. */
static int start_rows(struct build *b, int p, int off)
{
	const struct problem *pb = b->pb;
	int need = start_need(&pb->sc->staff[p], off), j;

	for (j = 1; j < need && j < pb->days; j++) {
		build_begin(b);
		if (build_day(b, p, 0, NULL, off ? -1 : 1) ||
		    build_day(b, p, j, NULL, off ? 1 : -1))
			return -1;
		if (build_row(b, -MODEL_INF, 0, "%s_start[%s,+%d]",
			      off ? "min_off" : "min_days", pb->sc->staff[p].id,
			      j))
			return -1;
	}
	return 0;
}

static int runs_rows(struct build *b)
{
	size_t p;

	for (p = 0; p < b->pb->sc->n_staff; p++) {
		const struct staff *st = &b->pb->sc->staff[p];
		const struct rules *ru = &st->rules;

		if (build_max_in_a_row(b, (int)p, ru->max_days_in_a_row,
				       st->history_days, NULL, "max_days") ||
		    min_rows(b, (int)p, ru->min_days_in_a_row, 0) ||
		    min_rows(b, (int)p, ru->min_days_off_in_a_row, 1) ||
		    start_rows(b, (int)p, 0) || start_rows(b, (int)p, 1))
			return -1;
	}
	return 0;
}

/* A run of len days from horizon day from (negative: it began before
 * the horizon, in the history). */
static int run_fail(const struct problem *pb, int p, int from, int len,
		    const char *what, int limit, struct rota_error *err)
{
	char d1[CIVIL_DATE_LEN], d2[CIVIL_DATE_LEN];

	return build_broken(err, from < 0 ? 0 : from, from + len - 1, "%s: "
			    "'%s' has %d from %s to %s%s, limit %d", what,
			    pb->sc->staff[p].id, len, build_date(pb, from, d1),
			    build_date(pb, from + len - 1, d2),
			    from < 0 ? " (counting the days before the horizon)"
				     : "", limit);
}

static int runs_check(const struct problem *pb, const struct roster *r, int p,
		      struct rota_error *err)
{
	const struct staff *st = &pb->sc->staff[p];
	const struct rules *ru = &st->rules;
	int d = 0;

	while (d < pb->days) {
		int on = roster_get(r, p, d) != ROSTER_NONE, e = d, b = d;
		int inner;

		while (e < pb->days && (roster_get(r, p, e) != ROSTER_NONE) == on)
			e++;
		inner = d > 0 && e < pb->days;
		if (d == 0 && st->has_past && e < pb->days) {
			/* How the run began is known (start_need). */
			b = -(on ? st->history_days : st->history_off);
			inner = on ? !st->history_open
				   : st->history_off || st->history_days;
		} else if (d == 0 && on) {
			b = -st->history_days;
		}
		d = b;
		if (on && e - d > ru->max_days_in_a_row)
			return run_fail(pb, p, d, e - d, "days in a row",
					ru->max_days_in_a_row, err);
		if (on && inner && e - d < ru->min_days_in_a_row)
			return run_fail(pb, p, d, e - d, "short run of days",
					ru->min_days_in_a_row, err);
		if (!on && inner && e - d < ru->min_days_off_in_a_row)
			return run_fail(pb, p, d, e - d, "short run of days off",
					ru->min_days_off_in_a_row, err);
		d = e;
	}
	return 0;
}

const struct family runs_family = {
	.name = "runs", .rows = runs_rows, .check = runs_check,
};
