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
 *
 * With history (history.h), the windows that begin in the days before
 * the horizon that it covers are judged too, with the shifts it shows
 * (a night of the day before counts in the first window), except a
 * window that no rota could meet even with every horizon day off: that
 * is the past's, which nothing now can change.
 */
#include "build.h"

#include <math.h>
#include <stdlib.h>

#include "history.h"

/* The end of p's last shift before the horizon (history), or 0. */
static instant_t past_end(const struct staff *st)
{
	instant_t e = 0;
	size_t i;

	for (i = 0; i < st->n_past; i++)
		if (st->past[i].end > e)
			e = st->past[i].end;
	return e;
}

static int block_days(const struct rules *ru)
{
	int k = (int)ceil(ru->weekly_rest_hours / 24.0 - 1e-9);

	return k < 1 ? 1 : k;
}

/* Shift of p on horizon day d (negative: the history's), its times in
 * *st and *en; 0 when off or not known. */
static int shift_on(const struct problem *pb, const struct roster *r, int p,
		    int d, int empty, instant_t *st, instant_t *en)
{
	const struct scenario *sc = pb->sc;
	const struct past_shift *x;
	int s;

	if (d >= 0) {
		s = empty ? -1 : roster_shift(r, p, d);
		if (s < 0)
			return 0;
		*st = sc->shifts[s].start_at[d];
		*en = sc->shifts[s].end_at[d];
		return 1;
	}
	x = history_at(&sc->staff[p], scenario_date(sc, d));
	if (!x || !history_known(sc, &sc->staff[p], scenario_date(sc, d)))
		return 0;
	*st = x->start;
	*en = x->end;
	return 1;
}

/* Longest unbroken rest of p inside [ws, we), in seconds: window w of P
 * days (w < 0: it begins before the horizon); empty: as if p worked no
 * day of the horizon. */
static instant_t longest_rest(const struct problem *pb,
			      const struct roster *r, int p, int w, int P,
			      int empty)
{
	const struct scenario *sc = pb->sc;
	instant_t ws = history_day_start(sc, w);
	instant_t we = history_day_start(sc, w + P);
	instant_t free_from = ws, best = 0;
	int d;

	for (d = w - 1; d < w + P; d++) {
		instant_t st, en;

		if (!shift_on(pb, r, p, d, empty, &st, &en))
			continue;
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

/* The first window judged: the earliest day before the horizon that
 * the history of p covers, so that a window from it still reaches the
 * horizon; 0 without history. */
static int first_window(const struct problem *pb, int p, int P)
{
	const struct scenario *sc = pb->sc;
	int w = 0;

	while (w - 1 > -P && w - 1 >= -HISTORY_DAYS &&
	       history_known(sc, &sc->staff[p], scenario_date(sc, w - 1)))
		w--;
	return w;
}

/* With candidate r (a block from day 0), no shift on day k starting
 * less than `hours` after the last shift before the horizon. */
static int past_gap_rows(struct build *b, int p, int k, int r)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	instant_t end = past_end(&sc->staff[p]);
	size_t f, e, j;

	problem_day_vars(pb, p, k, &f, &e);
	for (j = f; j < e; j++) {
		const struct var *v = &pb->vars[j];
		double gap = (double)(sc->shifts[v->s].start_at[k] - end);

		if (gap >= sc->staff[p].rules.weekly_rest_hours * 3600)
			continue;
		build_begin(b);
		if (build_term(b, b->x[j], 1) || build_term(b, r, 1) ||
		    build_row(b, -MODEL_INF, 1, "wrest_past[%s,%zu]",
			      sc->staff[p].id, j - f))
			return -1;
	}
	return 0;
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
	if (a == 0 && k < pb->days && past_end(&sc->staff[p]))
		/* The rest before a block on day 0 begins at the end of the
		 * last shift before the horizon. */
		if (past_gap_rows(b, p, k, r))
			return -1;
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

/*
 * Whether window w (< 0) of P days, which begins before the horizon,
 * needs a row: not when the days before the horizon already hold the
 * rest (with every horizon day off), nor when even that would not (the
 * check leaves it to the past), nor when no block of k days fits in its
 * part of the horizon.
 */
static int straddle_judged(const struct problem *pb, int p, int w, int P,
			   int k)
{
	double need = pb->sc->staff[p].rules.weekly_rest_hours * 3600;

	if ((double)longest_rest(pb, NULL, p, w, P, 1) < need || w + P < k)
		return 0;
	/* The window's days before the horizon: -w of them. */
	return (double)longest_rest(pb, NULL, p, w, -w, 1) < need;
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
	for (w = first_window(pb, p, P); w + P <= pb->days; w++) {
		if (w < 0 && !straddle_judged(pb, p, w, P, k))
			continue;
		build_begin(b);
		for (a = w < 0 ? 0 : w; a + k <= w + P; a++)
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

static int weekly_rest_check(const struct problem *pb, const struct roster *r,
			     int p, struct rota_error *err)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	char d1[CIVIL_DATE_LEN], d2[CIVIL_DATE_LEN];
	int w, P = ru->weekly_rest_per_days;

	for (w = first_window(pb, p, P); w + P <= pb->days; w++) {
		instant_t best = longest_rest(pb, r, p, w, P, 0);
		double need = ru->weekly_rest_hours * 3600;

		if ((double)best < need &&
		    (w >= 0 || (double)longest_rest(pb, r, p, w, P, 1) >= need)) {
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
