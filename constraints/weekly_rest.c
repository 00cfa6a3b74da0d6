/*
 * weekly rest: inside every window of per_days days of the horizon, an
 * unbroken rest of at least `hours` (default 24 in 7).  Checked exactly
 * on real instants, the window's edges counting as the rest's edges.
 *
 * In the integer program the rule is written through its usual form:
 * a block of k = ceil(hours/24) days with no shift start, whose
 * neighbouring shifts leave `hours` between them, inside each window.
 * That is stricter than the rule (a 24-hour rest without a whole day
 * off, such as an early followed next day by an evening, is not
 * counted), so the bound's relaxation leaves it out and the heuristics
 * use the exact check.
 */
#include "build.h"

#include <math.h>
#include <stdlib.h>

static int block_days(const struct rules *ru)
{
	int k = (int)ceil(ru->weekly_rest_hours / 24.0 - 1e-9);

	return k < 1 ? 1 : k;
}

/* Candidate: days a..a+k-1 off with enough rest around them. */
static int candidate(struct build *b, int p, int a, int k)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	const struct rules *ru = &sc->staff[p].rules;
	char date[CIVIL_DATE_LEN];
	size_t f1, e1, f2, e2, i, j;
	int r, d;

	r = model_col(b->m, 0, 1, 1, 0, "wrest[%s,%s]", sc->staff[p].id,
		      build_date(pb, a, date));
	if (r < 0)
		return -1;
	for (d = a; d < a + k; d++) {
		build_begin(b);
		if (build_term(b, r, 1) || build_day(b, p, d, NULL, 1) ||
		    build_row(b, -MODEL_INF, 1, "wrest_off[%s,%s,+%d]",
			      sc->staff[p].id, build_date(pb, a, date), d - a))
			return -1;
	}
	if (a - 1 < 0 || a + k >= pb->days)
		return r;
	problem_day_vars(pb, p, a - 1, &f1, &e1);
	problem_day_vars(pb, p, a + k, &f2, &e2);
	for (i = f1; i < e1; i++) {
		const struct var *v1 = &pb->vars[i];

		build_begin(b);
		for (j = f2; j < e2; j++) {
			const struct var *v2 = &pb->vars[j];
			double gap = (double)(sc->shifts[v2->s].start_at[a + k] -
					      sc->shifts[v1->s].end_at[a - 1]);

			if (gap < ru->weekly_rest_hours * 3600 &&
			    build_term(b, b->x[j], 1))
				return -1;
		}
		if (b->n && (build_term(b, b->x[i], 1) || build_term(b, r, 1) ||
			     build_row(b, -MODEL_INF, 2, "wrest_gap[%s,%s,%zu]",
				       sc->staff[p].id, date, i - f1)))
			return -1;
	}
	return r;
}

static int person_rows(struct build *b, int p)
{
	const struct problem *pb = b->pb;
	const struct rules *ru = &pb->sc->staff[p].rules;
	char date[CIVIL_DATE_LEN];
	int k = block_days(ru), P = ru->weekly_rest_per_days, a, w;
	int *cand;

	if (pb->days < P || ru->weekly_rest_hours <= 0)
		return 0;
	cand = malloc((size_t)pb->days * sizeof(int));
	if (!cand)
		return -1;
	for (a = 0; a + k <= pb->days; a++)
		if ((cand[a] = candidate(b, p, a, k)) < 0)
			goto fail;
	for (w = 0; w + P <= pb->days; w++) {
		build_begin(b);
		for (a = w; a + k <= w + P; a++)
			if (build_term(b, cand[a], 1))
				goto fail;
		if (build_row(b, 1, MODEL_INF, "weekly_rest[%s,%s]",
			      pb->sc->staff[p].id, build_date(pb, w, date)))
			goto fail;
	}
	free(cand);
	return 0;
fail:
	free(cand);
	return -1;
}

static int weekly_rest_rows(struct build *b)
{
	size_t p;

	if (b->relaxation)
		return 0;
	for (p = 0; p < b->pb->sc->n_staff; p++)
		if (person_rows(b, (int)p))
			return -1;
	return 0;
}

/* Longest unbroken rest of p inside [ws, we), in seconds. */
static instant_t longest_rest(const struct problem *pb,
			      const struct roster *r, int p, int w, int P)
{
	const struct scenario *sc = pb->sc;
	instant_t ws = sc->horizon.day_start[w];
	instant_t we = sc->horizon.day_start[w + P];
	instant_t free_from = ws, best = 0;
	int d;

	for (d = w - 1; d < w + P; d++) {
		int s = roster_shift(r, p, d);
		instant_t st, en;

		if (s < 0)
			continue;
		st = sc->shifts[s].start_at[d];
		en = sc->shifts[s].end_at[d];
		if (en <= ws)
			continue;
		if ((st < we ? st : we) - free_from > best)
			best = (st < we ? st : we) - free_from;
		if (en > free_from)
			free_from = en;
	}
	if (we > free_from && we - free_from > best)
		best = we - free_from;
	return best;
}

static int weekly_rest_check(const struct problem *pb, const struct roster *r,
			     int p, struct rota_error *err)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	char d1[CIVIL_DATE_LEN], d2[CIVIL_DATE_LEN];
	int w, P = ru->weekly_rest_per_days;

	for (w = 0; w + P <= pb->days; w++) {
		instant_t best = longest_rest(pb, r, p, w, P);

		if ((double)best < ru->weekly_rest_hours * 3600) {
			return build_broken(err, w, w + P - 1, "weekly rest: '%s' "
					    "has no unbroken rest of %g hours "
					    "from %s to %s (longest %.1f)",
					    pb->sc->staff[p].id,
					    ru->weekly_rest_hours,
					    build_date(pb, w, d1),
					    build_date(pb, w + P - 1, d2),
					    (double)best / 3600.0);
		}
	}
	return 0;
}

const struct family weekly_rest_family = {
	.name = "weekly-rest", .rows = weekly_rest_rows,
	.check = weekly_rest_check,
};
