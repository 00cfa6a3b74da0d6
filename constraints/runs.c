/*
 * runs: max_days_in_a_row (days with a shift start), min_days_in_a_row
 * and min_days_off_in_a_row (runs touching the horizon's ends exempt).
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

static int runs_rows(struct build *b)
{
	size_t p;

	for (p = 0; p < b->pb->sc->n_staff; p++) {
		const struct rules *ru = &b->pb->sc->staff[p].rules;

		if (build_max_in_a_row(b, (int)p, ru->max_days_in_a_row, NULL,
				       "max_days") ||
		    min_rows(b, (int)p, ru->min_days_in_a_row, 0) ||
		    min_rows(b, (int)p, ru->min_days_off_in_a_row, 1))
			return -1;
	}
	return 0;
}

static int run_fail(const struct problem *pb, int p, int from, int len,
		    const char *what, int limit, struct rota_error *err)
{
	char d1[CIVIL_DATE_LEN], d2[CIVIL_DATE_LEN];

	return build_broken(err, from, from + len - 1, "%s: '%s' has %d from "
			    "%s to %s, limit %d", what, pb->sc->staff[p].id,
			    len, build_date(pb, from, d1),
			    build_date(pb, from + len - 1, d2), limit);
}

static int runs_check(const struct problem *pb, const struct roster *r, int p,
		      struct rota_error *err)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	int d = 0;

	while (d < pb->days) {
		int on = roster_get(r, p, d) != ROSTER_NONE, e = d;
		int inner;

		while (e < pb->days && (roster_get(r, p, e) != ROSTER_NONE) == on)
			e++;
		inner = d > 0 && e < pb->days;
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
