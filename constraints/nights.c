/*
 * nights: max_nights_in_a_row (days on which a night shift starts) and
 * max_shifts (most shifts of a type over the horizon).
 */
#include "build.h"

#include <stdlib.h>
#include <string.h>

static int is_night(const struct problem *pb, int s)
{
	return pb->sc->shifts[s].night;
}

static int max_shift_rows(struct build *b, int p)
{
	const struct problem *pb = b->pb;
	const int *lim = pb->sc->staff[p].rules.max_shifts;
	size_t first, end, i;
	int s, d;

	for (s = 0; s < (int)pb->sc->n_shifts; s++) {
		if (lim[s] < 0)
			continue;
		build_begin(b);
		for (d = 0; d < pb->days; d++) {
			problem_day_vars(pb, p, d, &first, &end);
			for (i = first; i < end; i++)
				if (pb->vars[i].s == s && build_term(b, b->x[i], 1))
					return -1;
		}
		if ((int)b->n > lim[s] &&
		    build_row(b, -MODEL_INF, lim[s], "max_shifts[%s,%s]",
			      pb->sc->staff[p].id, pb->sc->shifts[s].id))
			return -1;
	}
	return 0;
}

static int nights_rows(struct build *b)
{
	size_t p;

	for (p = 0; p < b->pb->sc->n_staff; p++)
		if (build_max_in_a_row(b, (int)p,
				       b->pb->sc->staff[p].rules.max_nights_in_a_row,
				       b->pb->sc->staff[p].history_nights,
				       is_night, "nights") ||
		    max_shift_rows(b, (int)p))
			return -1;
	return 0;
}

static int nights_check(const struct problem *pb, const struct roster *r, int p,
			struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	const struct rules *ru = &sc->staff[p].rules;
	char d1[CIVIL_DATE_LEN];
	/* The nights in a row up to the horizon count (history.h). */
	int d, run = sc->staff[p].history_nights, s;
	int small[64];
	int *used = sc->n_shifts <= 64 ? small
				       : calloc(sc->n_shifts + 1, sizeof(int));

	if (!used) {
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	if (used == small)
		memset(small, 0, sizeof(small));
	for (d = 0; d < pb->days; d++) {
		s = roster_shift(r, p, d);
		run = s >= 0 && sc->shifts[s].night ? run + 1 : 0;
		if (s >= 0)
			used[s]++;
		if (run > ru->max_nights_in_a_row) {
			build_broken(err, d - run + 1 < 0 ? 0 : d - run + 1, d,
				     "nights in a row: '%s' "
				     "has %d ending %s, limit %d", sc->staff[p].id,
				     run, build_date(pb, d, d1),
				     ru->max_nights_in_a_row);
			if (used != small)
				free(used);
			return -1;
		}
	}
	for (s = 0; s < (int)sc->n_shifts; s++)
		if (ru->max_shifts[s] >= 0 && used[s] > ru->max_shifts[s]) {
			build_broken(err, -1, -1, "max shifts: '%s' works '%s' "
				     "%d times, limit %d", sc->staff[p].id,
				     sc->shifts[s].id, used[s], ru->max_shifts[s]);
			if (used != small)
				free(used);
			return -1;
		}
	if (used != small)
		free(used);
	return 0;
}

const struct family nights_family = {
	.name = "nights", .rows = nights_rows, .check = nights_check,
};
