/*
 * weekends: max_weekends in any weekend_window (4) consecutive weekends
 * of the horizon (all of them if fewer, or if the window is 0, as the
 * benchmarks have it), a weekend counting when a shift starts on its
 * Saturday or Sunday; and weekend_fairness, per weekend a person works
 * above the fair share of their role (the role's weekends shared by FTE).
 */
#include "constraints.h"

#include <stdlib.h>

/* Horizon day of the Saturday of weekend i (may be -1 when the horizon
 * starts on a Sunday). */
static int saturday(const struct problem *pb, int i)
{
	int wd0 = civil_weekday(pb->sc->horizon.start);

	return (5 - wd0 + 7) % 7 - (wd0 == 6 ? 7 : 0) + 7 * i;
}

static int n_weekends(const struct problem *pb)
{
	int n = 0;

	while (saturday(pb, n) < pb->days)
		n++;
	return n;
}

/* Weekends the limit counts over for person p. */
static int window(const struct problem *pb, int p, int nw)
{
	int w = pb->sc->staff[p].rules.weekend_window;

	return w <= 0 || w > nw ? nw : w;
}

static int worked(const struct roster *r, int p, int sat)
{
	return roster_shift(r, p, sat) >= 0 || roster_shift(r, p, sat + 1) >= 0;
}

int weekends_window(const struct problem *pb, int p, int *n)
{
	*n = n_weekends(pb);
	return window(pb, p, *n);
}

int weekends_worked(const struct problem *pb, const struct roster *r, int p)
{
	int i, n = 0;

	for (i = 0; i < n_weekends(pb); i++)
		n += worked(r, p, saturday(pb, i));
	return n;
}

/* K[p,i] = 1 exactly when p works weekend i. */
static int weekend_col(struct build *b, int p, int i)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	int sat = saturday(pb, i), k, d;
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
	win = window(pb, p, nw);
	for (i = 0; i + win <= nw; i++) {
		build_begin(b);
		for (j = i; j < i + win; j++)
			if (build_term(b, k[j], 1))
				return -1;
		if (build_row(b, -MODEL_INF, max, "max_weekends[%s,%s]",
			      pb->sc->staff[p].id,
			      build_date(pb, saturday(pb, i) < 0 ? 0 :
					 saturday(pb, i), date)))
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

int weekends_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	size_t p, n = pb->sc->n_staff;
	struct kcols kc = {NULL, n_weekends(pb)};
	int ret = -1;

	kc.k = malloc((n * (size_t)kc.nw + 1) * sizeof(int));
	if (!kc.k)
		goto out;
	for (p = 0; p < n; p++)
		if (person_rows(b, (int)p, kc.k + p * (size_t)kc.nw, kc.nw))
			goto out;
	/* Fairness costs are >= 0: the bound may leave them out. */
	ret = b->relaxation || b->feasibility ? 0 :
	      build_fairness(b, "weekend_fair", pb->sc->weights.weekend_fairness,
			     weekend_terms, &kc);
out:
	free(kc.k);
	return ret;
}

int weekends_check(const struct problem *pb, const struct roster *r, int p,
		   struct violation *v)
{
	int max = pb->sc->staff[p].rules.max_weekends;
	int nw = n_weekends(pb), win = window(pb, p, nw), i, j;
	char date[CIVIL_DATE_LEN];

	for (i = 0; i + win <= nw; i++) {
		int n = 0;

		for (j = i; j < i + win; j++)
			n += worked(r, p, saturday(pb, j));
		if (n > max) {
			int sat = saturday(pb, i);

			violation_set(v, "weekends: '%s' works %d of the %d weekends "
				      "from %s, limit %d", pb->sc->staff[p].id, n,
				      win, build_date(pb, sat < 0 ? 0 : sat, date),
				      max);
			return -1;
		}
	}
	return 0;
}

static double weekend_count(const struct problem *pb, const struct roster *r,
			    int p)
{
	return weekends_worked(pb, r, p);
}

double weekends_cost(const struct problem *pb, const struct roster *r, int p)
{
	if (p < 0)
		return 0;
	return fairness_excess(pb, r, p, weekend_count) *
	       pb->sc->weights.weekend_fairness;
}
