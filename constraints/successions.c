/*
 * successions: shifts that may not be worked the day after another
 * (shift.forbid_next; the benchmarks' "shifts which cannot follow this
 * shift").  Scenarios say the same with min_rest_hours on real instants
 * (rest.c); this family is for rules given as pairs.
 *
 * One row per (person, day, shift a): x[d,a] + sum of x[d+1,b] over the
 * b that may not follow a <= 1.  Since a person works at most one shift
 * a day, this aggregate is exact and stronger than one row per pair.
 */
#include "build.h"

static int any_forbidden(const struct scenario *sc, size_t a)
{
	size_t b;

	if (!sc->shifts[a].forbid_next)
		return 0;
	for (b = 0; b < sc->n_shifts; b++)
		if (sc->shifts[a].forbid_next[b])
			return 1;
	return 0;
}

/* Adds the columns of person p on day d whose shift passes: equal to a
 * (follows < 0), or forbidden after a (follows = a). */
static int add_day(struct build *b, int p, int d, int a, int follows)
{
	const struct problem *pb = b->pb;
	size_t first, end, v;

	problem_day_vars(pb, p, d, &first, &end);
	for (v = first; v < end; v++) {
		int s = pb->vars[v].s;
		int hit = follows < 0 ? s == a
			  : pb->sc->shifts[follows].forbid_next[s];

		if (hit && build_term(b, b->x[v], 1))
			return -1;
	}
	return 0;
}

static int person_rows(struct build *b, int p)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	char date[CIVIL_DATE_LEN];
	size_t a;
	int d, n0;

	for (a = 0; a < sc->n_shifts; a++) {
		if (!any_forbidden(sc, a))
			continue;
		for (d = 0; d + 1 < pb->days; d++) {
			build_begin(b);
			if (add_day(b, p, d, (int)a, -1))
				return -1;
			n0 = (int)b->n;
			if (!n0)
				continue;
			if (add_day(b, p, d + 1, -1, (int)a))
				return -1;
			if ((int)b->n > n0 &&
			    build_row(b, -MODEL_INF, 1, "succ[%s,%s,%s]",
				      sc->staff[p].id, build_date(pb, d, date),
				      sc->shifts[a].id))
				return -1;
		}
	}
	return 0;
}

static int successions_rows(struct build *b)
{
	size_t p;

	for (p = 0; p < b->pb->sc->n_staff; p++)
		if (person_rows(b, (int)p))
			return -1;
	return 0;
}

static int successions_check(const struct problem *pb, const struct roster *r,
			     int p, struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	char d1[CIVIL_DATE_LEN], d2[CIVIL_DATE_LEN];
	int d;

	for (d = 0; d + 1 < pb->days; d++) {
		int a = roster_shift(r, p, d), s = roster_shift(r, p, d + 1);

		if (a < 0 || s < 0 || !sc->shifts[a].forbid_next ||
		    !sc->shifts[a].forbid_next[s])
			continue;
		return build_broken(err, d, d + 1, "succession: '%s' works '%s' "
				    "on %s after '%s' on %s, which it may not "
				    "follow", sc->staff[p].id, sc->shifts[s].id,
				    build_date(pb, d + 1, d2), sc->shifts[a].id,
				    build_date(pb, d, d1));
	}
	return 0;
}

const struct family successions_family = {
	.name = "successions", .rows = successions_rows,
	.check = successions_check,
};
