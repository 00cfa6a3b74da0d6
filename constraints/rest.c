/*
 * rest: at least min_rest_hours between the end of one shift and the
 * start of the next, on real instants (so a night over the March change
 * ends an hour "earlier" on the wall clock than it looks).
 *
 * Reformulated for strength: instead of one row per conflicting pair,
 * one row per (day, shift) and later day, holding that shift and every
 * shift of the later day that comes too soon after it.  At most one
 * shift a day makes this a clique inequality, valid and tighter than the
 * pairs it replaces.
 */
#include "build.h"

/* Whether shift s2 on day d2 starts too soon after s1 on d1 for p. */
static int clash(const struct problem *pb, int p, int d1, int s1, int d2,
		 int s2)
{
	const struct scenario *sc = pb->sc;
	instant_t end = sc->shifts[s1].end_at[d1];
	instant_t start = sc->shifts[s2].start_at[d2];

	return (double)(start - end) <
	       sc->staff[p].rules.min_rest_hours * 3600.0;
}

/* A shift lasts at most a day and rest at most 48 h: three days on. */
#define REST_SPAN 3

static int has_var(const struct problem *pb, int p, int d, int s)
{
	size_t first, end, i;

	problem_day_vars(pb, p, d, &first, &end);
	for (i = first; i < end; i++)
		if (pb->vars[i].s == s)
			return 1;
	return 0;
}

static int rest_row(struct build *b, int p, int d1, int s1, int d2)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	size_t first, end, i;

	build_begin(b);
	problem_day_vars(pb, p, d2, &first, &end);
	for (i = first; i < end; i++)
		if (clash(pb, p, d1, s1, d2, pb->vars[i].s) &&
		    build_term(b, b->x[i], 1))
			return -1;
	if (!b->n)
		return 0;
	problem_day_vars(pb, p, d1, &first, &end);
	for (i = first; i < end; i++)
		if (pb->vars[i].s == s1 && build_term(b, b->x[i], 1))
			return -1;
	return build_row(b, -MODEL_INF, 1, "rest[%s,%s,%s,+%d]",
			 pb->sc->staff[p].id, build_date(pb, d1, date),
			 pb->sc->shifts[s1].id, d2 - d1);
}

static int rest_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	int p, d1, d2, s1;

	for (p = 0; p < (int)pb->sc->n_staff; p++)
		for (d1 = 0; d1 < pb->days; d1++)
			for (s1 = 0; s1 < (int)pb->sc->n_shifts; s1++) {
				if (!has_var(pb, p, d1, s1))
					continue;
				for (d2 = d1 + 1; d2 <= d1 + REST_SPAN &&
						  d2 < pb->days; d2++)
					if (rest_row(b, p, d1, s1, d2))
						return -1;
			}
	return 0;
}

static int rest_check(const struct problem *pb, const struct roster *r, int p,
		      struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	char d1s[CIVIL_DATE_LEN], d2s[CIVIL_DATE_LEN];
	int d, prev = -1;

	for (d = 0; d < pb->days; d++) {
		int s = roster_shift(r, p, d), ps;
		double gap;

		if (s < 0)
			continue;
		if (prev >= 0) {
			ps = roster_shift(r, p, prev);
			gap = (double)(sc->shifts[s].start_at[d] -
				       sc->shifts[ps].end_at[prev]) / 3600.0;
			if (gap < sc->staff[p].rules.min_rest_hours) {
				return build_broken(err, prev, d, "rest: '%s' has "
						    "%.1f hours between '%s' on %s "
						    "and '%s' on %s, needs %g",
						    sc->staff[p].id, gap,
						    sc->shifts[ps].id,
						    build_date(pb, prev, d1s),
						    sc->shifts[s].id,
						    build_date(pb, d, d2s),
						    sc->staff[p].rules.min_rest_hours);
			}
		}
		prev = d;
	}
	return 0;
}

const struct family rest_family = {
	.name = "rest", .rows = rest_rows, .check = rest_check,
};
