/*
 * weekends: max_weekends in any weekend_window (4) consecutive weekends
 * of the horizon (all of them if fewer, or if the window is 0, as the
 * benchmarks have it), a weekend counting when a shift starts on its
 * Saturday or Sunday; and weekend_fairness, per weekend a person works
 * above the fair share of their role (the role's weekends shared by FTE).
 *
 * With history (history.h) and a window of weekend_window weekends, the
 * windows that begin before the horizon count the weekends the history
 * shows worked (and a horizon that starts on a Sunday counts the
 * Saturday before it), unless those alone are over the limit: that is
 * the past's.  Fairness counts the horizon's weekends only.
 */
#include "build.h"

#include <stdlib.h>

#include "history.h"

/* Whether p worked civil day date before the horizon, by the history. */
static int past_day(const struct problem *pb, int p, int d)
{
	const struct scenario *sc = pb->sc;
	int32_t date = scenario_date(sc, d);

	return d < 0 && history_known(sc, &sc->staff[p], date) &&
	       history_at(&sc->staff[p], date);
}

/* Whether weekend i (negative: before the horizon) counts as worked in
 * the history alone: a shift on a day of it before the horizon. */
static int past_weekend(const struct problem *pb, int p, int i)
{
	int sat = measure_saturday(pb, i);

	return past_day(pb, p, sat) || past_day(pb, p, sat + 1);
}

/* The first window that max_weekends judges: back into the history by
 * as many weekends as it covers, when the window is weekend_window. */
static int first_window(const struct problem *pb, int p, int win)
{
	const struct scenario *sc = pb->sc;
	const struct staff *st = &sc->staff[p];
	int i = 0;

	if (st->rules.weekend_window <= 0 || win != st->rules.weekend_window)
		return 0;
	while (i - 1 > -win &&
	       history_known(sc, st, scenario_date(sc, measure_saturday(pb,
							       i - 1))))
		i--;
	return i;
}

/* Weekends of window i..i+win-1 that the history alone makes worked. */
static int past_count(const struct problem *pb, int p, int i, int win)
{
	int j, n = 0;

	for (j = i; j < i + win && j <= 0; j++)
		n += past_weekend(pb, p, j);
	return n;
}

/* K[p,i] = 1 exactly when p works weekend i. */
static int weekend_col(struct build *b, int p, int i)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	int sat = measure_saturday(pb, i), k, d;
	const char *id = pb->sc->staff[p].id;

	k = model_col(b->m, 0, 1, 1, 0, "weekend[%s,%s]", id,
		      build_date(pb, sat < 0 ? 0 : sat, date));
	if (k < 0)
		return -1;
	for (d = sat; d <= sat + 1; d++) {
		build_begin(b);
		if (build_day(b, p, d, NULL, 1) || build_term(b, k, -1) ||
		    build_row(b, -MODEL_INF, 0, "weekend_on[%s,%s,%d]", id, date,
			      d - sat))
			return -1;
	}
	build_begin(b);
	if (build_day(b, p, sat, NULL, -1) || build_day(b, p, sat + 1, NULL, -1) ||
	    build_term(b, k, 1) ||
	    build_row(b, -MODEL_INF, 0, "weekend_only[%s,%s]", id, date))
		return -1;
	if (!b->n || b->n == 1)
		model_set_bounds(b->m, k, 0, 0);
	return k;
}

static int person_rows(struct build *b, int p, int *k, int nw)
{
	const struct problem *pb = b->pb;
	int max = pb->sc->staff[p].rules.max_weekends, i, j, win;
	char date[CIVIL_DATE_LEN];

	for (i = 0; i < nw; i++)
		if ((k[i] = weekend_col(b, p, i)) < 0)
			return -1;
	win = measure_weekend_window(pb, p, nw);
	for (i = first_window(pb, p, win); i + win <= nw; i++) {
		int c = past_count(pb, p, i, win);

		if (c > max)
			continue;   /* the past's: nothing now can change it */
		build_begin(b);
		for (j = i < 0 ? 0 : i; j < i + win; j++)
			if (!(j == 0 && past_weekend(pb, p, 0)) &&
			    build_term(b, k[j], 1))
				return -1;
		if (build_row(b, -MODEL_INF, max - c, "max_weekends[%s,%s]",
			      pb->sc->staff[p].id,
			      build_date(pb, measure_saturday(pb, i) < 0 ? 0 :
					 measure_saturday(pb, i), date)))
			return -1;
	}
	return 0;
}

struct kcols {
	int *k;      /* [n_staff * nw]: weekend columns */
	int nw;
};

static int weekend_terms(struct build *b, int p, double scale, void *ctx)
{
	struct kcols *kc = ctx;
	int i;

	for (i = 0; i < kc->nw; i++)
		if (build_term(b, kc->k[(size_t)p * (size_t)kc->nw + (size_t)i],
			       scale))
			return -1;
	return 0;
}

static int weekends_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	size_t p, n = pb->sc->n_staff;
	struct kcols kc = {NULL, measure_n_weekends(pb)};
	int ret = -1;

	kc.k = malloc((n * (size_t)kc.nw + 1) * sizeof(int));
	if (!kc.k)
		goto out;
	for (p = 0; p < n; p++)
		if (person_rows(b, (int)p, kc.k + p * (size_t)kc.nw, kc.nw))
			goto out;
	/* Fairness costs are >= 0: the bound may leave them out. */
	ret = b->relaxation == BUILD_RELAXED || b->feasibility ? 0 :
	      build_fairness(b, "weekend_fair", pb->sc->weights.weekend_fairness,
			     weekend_terms, &kc);
out:
	free(kc.k);
	return ret;
}

static int weekends_check(const struct problem *pb, const struct roster *r,
			  int p, struct rota_error *err)
{
	int max = pb->sc->staff[p].rules.max_weekends;
	int nw = measure_n_weekends(pb), win = measure_weekend_window(pb, p, nw), i, j;
	char date[CIVIL_DATE_LEN];

	for (i = first_window(pb, p, win); i + win <= nw; i++) {
		int n = 0, c = past_count(pb, p, i, win);

		for (j = i; j < i + win; j++)
			n += j < 0 ? past_weekend(pb, p, j) :
			     measure_works_weekend(r, p, measure_saturday(pb, j)) ||
			     (j == 0 && past_weekend(pb, p, 0));
		if (n > max && c <= max) {
			int sat = measure_saturday(pb, i);
			int sun = measure_saturday(pb, i + win - 1) + 1;

			return build_broken(err, sat < 0 ? 0 : sat,
					    sun < pb->days ? sun : pb->days - 1,
					    "weekends: '%s' works %d of the %d "
					    "weekends from %s%s, limit %d",
					    pb->sc->staff[p].id, n, win,
					    build_date(pb, sat < 0 && i >= 0 ? 0 :
						       sat, date),
					    c ? " (counting weekends before the "
						"horizon)" : "", max);
		}
	}
	return 0;
}

static double weekend_count(const struct problem *pb, const struct roster *r,
			    int p)
{
	return measure_weekends(pb, r, p);
}

static double weekends_cost(const struct problem *pb, const struct roster *r,
			    int p)
{
	if (p < 0)
		return 0;
	return fairness_excess(pb, r, p, weekend_count) *
	       pb->sc->weights.weekend_fairness;
}

const struct family weekends_family = {
	.name = "weekends", .rows = weekends_rows, .check = weekends_check,
	.cost = weekends_cost, .fair = 1,
};
