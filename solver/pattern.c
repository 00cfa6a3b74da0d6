#include "pattern.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct dp {
	const struct problem *pb;
	int p, days, n_shifts;
	int max_on, min_on, min_off, cap;  /* run limits; cap: run lengths kept */
	int max_wk, n_wk, track_wk;        /* weekend limit, in the state
	                                      (n_wk values) when tracked */
	size_t n_states;
	size_t *var;          /* [days * n_shifts]: p's option-0 var or NONE */
	double *cost, *next;  /* [n_states] */
	int *back;            /* [days * n_states]: previous state, -1 none */
};

#define NONE ((size_t)-1)

static size_t state(const struct dp *g, int last, int len, int fs, int wk)
{
	return (((size_t)(last + 1) * (size_t)g->cap + (size_t)(len - 1)) * 2 +
		(size_t)fs) * (size_t)g->n_wk + (size_t)wk;
}

static void unstate(const struct dp *g, size_t s, int *last, int *len,
		    int *fs, int *wk)
{
	*wk = (int)(s % (size_t)g->n_wk);
	s /= (size_t)g->n_wk;
	*fs = (int)(s % 2);
	s /= 2;
	*len = (int)(s % (size_t)g->cap) + 1;
	*last = (int)(s / (size_t)g->cap) - 1;
}

static int weekday(const struct problem *pb, int d)
{
	return civil_weekday(scenario_date(pb->sc, d));
}

/* Whether shift s on day d may follow `last` on day d - 1. */
static int may_follow(const struct dp *g, int d, int last, int s)
{
	const struct scenario *sc = g->pb->sc;
	const struct rules *ru = &sc->staff[g->p].rules;

	if (sc->shifts[last].forbid_next && sc->shifts[last].forbid_next[s])
		return 0;
	return (double)(sc->shifts[s].start_at[d] - sc->shifts[last].end_at[d - 1]) >=
	       ru->min_rest_hours * 3600.0;
}

static void relax(struct dp *g, int d, size_t from, size_t to, double c)
{
	if (c < g->next[to]) {
		g->next[to] = c;
		g->back[(size_t)d * g->n_states + to] = (int)from;
	}
}

/* Extends state `from` (day d - 1; d == 0: the start) by day d. */
static void step(struct dp *g, int d, size_t from, double c0, double lambda,
		 const double *price)
{
	int last = -1, len = 1, fs = 1, wk = 0, s, wd = weekday(g->pb, d);

	if (d > 0)
		unstate(g, from, &last, &len, &fs, &wk);
	/* Off. */
	if (d == 0)
		relax(g, d, from, state(g, -1, 1, 1, 0), c0);
	else if (last < 0)
		relax(g, d, from, state(g, -1, len < g->cap ? len + 1 : len, fs, wk),
		      c0);
	else if (len >= g->min_on || fs)
		relax(g, d, from, state(g, -1, 1, 0, wk), c0);
	/* A shift. */
	for (s = 0; s < g->n_shifts; s++) {
		size_t v = g->var[(size_t)d * (size_t)g->n_shifts + (size_t)s];
		int nwk = wk, nlen = 1, nfs = d == 0;
		double c;

		if (v == NONE)
			continue;
		if (d > 0 && last >= 0) {
			if (len >= g->max_on || !may_follow(g, d, last, s))
				continue;
			nlen = len + 1;
			nfs = fs;
		} else if (d > 0 && len < g->min_off && !fs) {
			continue;
		}
		if (g->track_wk && (wd == 5 || (wd == 6 && (d == 0 || last < 0))))
			if (++nwk > g->max_wk)
				continue;
		c = c0 + price[v] - lambda * g->pb->vars[v].paid_hours;
		relax(g, d, from, state(g, s, nlen, nfs, nwk), c);
	}
}

/* Best rota for a price per paid hour; its hours in *hours, its vars by
 * day in pick.  0, or 1 when no rota meets the sequence rules. */
static int solve(struct dp *g, double lambda, const double *price,
		 double *hours, size_t *pick)
{
	size_t s, best = NONE;
	int d;

	for (d = 0; d < g->days; d++) {
		for (s = 0; s < g->n_states; s++)
			g->next[s] = HUGE_VAL;
		if (d == 0)
			step(g, 0, 0, 0, lambda, price);
		else
			for (s = 0; s < g->n_states; s++)
				if (!isinf(g->cost[s]))
					step(g, d, s, g->cost[s], lambda, price);
		memcpy(g->cost, g->next, g->n_states * sizeof(double));
	}
	for (s = 0; s < g->n_states; s++)
		if (!isinf(g->cost[s]) && (best == NONE || g->cost[s] < g->cost[best]))
			best = s;
	if (best == NONE)
		return 1;
	*hours = 0;
	for (d = g->days - 1; d >= 0; d--) {
		int last, len, fs, wk;

		unstate(g, best, &last, &len, &fs, &wk);
		pick[d] = last < 0 ? ROSTER_NONE
			  : g->var[(size_t)d * (size_t)g->n_shifts + (size_t)last];
		if (pick[d] != ROSTER_NONE)
			*hours += g->pb->vars[pick[d]].paid_hours;
		best = (size_t)g->back[(size_t)d * g->n_states + best];
	}
	return 0;
}

static int setup(struct dp *g, const struct problem *pb, int p)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	size_t first, end, v;
	int d, nw = 0;

	memset(g, 0, sizeof(*g));
	g->pb = pb;
	g->p = p;
	g->days = pb->days;
	g->n_shifts = (int)pb->sc->n_shifts;
	g->max_on = ru->max_days_in_a_row > 0 ? ru->max_days_in_a_row : pb->days;
	g->min_on = ru->min_days_in_a_row;
	g->min_off = ru->min_days_off_in_a_row;
	g->cap = g->max_on;
	if (g->min_off > g->cap)
		g->cap = g->min_off;
	for (d = 0; d < pb->days; d++)
		nw += weekday(pb, d) == 5 || (d == 0 && weekday(pb, d) == 6);
	g->max_wk = ru->max_weekends;
	g->track_wk = (ru->weekend_window <= 0 || ru->weekend_window >= nw) &&
		      ru->max_weekends < nw;
	g->n_wk = g->track_wk ? ru->max_weekends + 1 : 1;
	g->n_states = (size_t)(g->n_shifts + 1) * (size_t)g->cap * 2 *
		      (size_t)g->n_wk;
	g->var = malloc((size_t)pb->days * (size_t)g->n_shifts * sizeof(size_t) + 1);
	g->cost = malloc(g->n_states * sizeof(double));
	g->next = malloc(g->n_states * sizeof(double));
	g->back = malloc((size_t)pb->days * g->n_states * sizeof(int));
	if (!g->var || !g->cost || !g->next || !g->back)
		return -1;
	for (v = 0; v < (size_t)pb->days * (size_t)g->n_shifts; v++)
		g->var[v] = NONE;
	for (d = 0; d < pb->days; d++) {
		problem_day_vars(pb, p, d, &first, &end);
		for (v = first; v < end; v++)
			if (pb->vars[v].k == 0 && !pb->people[p].off[d])
				g->var[(size_t)d * (size_t)g->n_shifts +
				       (size_t)pb->vars[v].s] = v;
	}
	return 0;
}

static void release(struct dp *g)
{
	free(g->var);
	free(g->cost);
	free(g->next);
	free(g->back);
}

/* The price per paid hour that brings the hours into [lo, hi], by
 * bisection; the rota found for it is left in pick. */
static int search_lambda(struct dp *g, const double *price, double lo,
			 double hi, size_t *pick)
{
	double a = 0, b, h, step = 1;
	int i, dir;

	if (solve(g, 0, price, &h, pick))
		return 1;
	if (h >= lo - 1e-9 && h <= hi + 1e-9)
		return 0;
	dir = h < lo ? 1 : -1;
	for (i = 0; i < 40; i++, step *= 2) {
		b = dir * step;
		if (solve(g, b, price, &h, pick))
			return 1;
		if (dir > 0 ? h >= lo - 1e-9 : h <= hi + 1e-9)
			break;
		a = b;
	}
	for (i = 0; i < 40; i++) {
		double m = (a + b) / 2;

		if (solve(g, m, price, &h, pick))
			return 1;
		if (h >= lo - 1e-9 && h <= hi + 1e-9)
			return 0;
		if (dir > 0 ? h < lo : h > hi)
			a = m;
		else
			b = m;
	}
	return solve(g, b, price, &h, pick) ||
	       !(h >= lo - 1e-9 && h <= hi + 1e-9);
}

/* Shifts of each type over the limit in pick: the total excess. */
static int over_limits(const struct problem *pb, int p, const size_t *pick,
		       int *count)
{
	const int *lim = pb->sc->staff[p].rules.max_shifts;
	int d, s, over = 0;

	memset(count, 0, pb->sc->n_shifts * sizeof(int));
	for (d = 0; d < pb->days; d++)
		if (pick[d] != ROSTER_NONE)
			count[pb->vars[pick[d]].s]++;
	for (s = 0; lim && s < (int)pb->sc->n_shifts; s++)
		if (lim[s] >= 0 && count[s] > lim[s])
			over += count[s] - lim[s];
	return over;
}

/*
 * The limits on shifts of a type are not in the state either: a price
 * per shift of each type over its limit (subgradient steps, doubling)
 * steers the rota under them, with the hours price searched again each
 * round.
 */
static int with_limits(struct dp *g, const double *price, double lo,
		       double hi, size_t *pick, unsigned seed)
{
	const struct problem *pb = g->pb;
	const int *lim = pb->sc->staff[g->p].rules.max_shifts;
	size_t n = pb->n_vars, v;
	double *mu = calloc(pb->sc->n_shifts + 1, sizeof(double));
	double *pr = malloc((n + 1) * sizeof(double));
	int *count = malloc((pb->sc->n_shifts + 1) * sizeof(int));
	int round, s, rc = -1;

	if (!mu || !pr || !count)
		goto out;
	for (round = 0; round < 30; round++) {
		/* Distinct tie-breaks below any whole-number cost difference,
		 * so that as the hours price moves, days change a few at a
		 * time instead of all at once. */
		for (v = 0; v < n; v++)
			pr[v] = pb->vars[v].p == g->p
					? (price ? price[v] : 0) + mu[pb->vars[v].s] +
						  (double)(((v + seed * 7919u) *
							    2654435761u) % 1000) /
							  2000.0
					: 0;
		rc = search_lambda(g, pr, lo, hi, pick);
		if (rc || !over_limits(pb, g->p, pick, count))
			goto out;
		for (s = 0; s < (int)pb->sc->n_shifts; s++)
			if (lim[s] >= 0 && count[s] > lim[s])
				mu[s] = mu[s] > 0 ? 2 * mu[s] : 1;
	}
	rc = 1;
out:
	free(mu);
	free(pr);
	free(count);
	return rc;
}

int pattern_person(const struct problem *pb, int p, const double *price,
		   struct roster *r)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	struct dp g;
	size_t *pick = malloc(((size_t)pb->days + 1) * sizeof(size_t));
	double lo = ru->min_total_hours > 0 ? ru->min_total_hours : 0;
	double hi = ru->max_total_hours >= 0 ? ru->max_total_hours : HUGE_VAL;
	int rc = -1, d;
	unsigned seed;

	memset(&g, 0, sizeof(g));
	if (!pick || setup(&g, pb, p))
		goto out;
	/* Another set of tie-breaks may cross the gap in hours that one
	 * jumps over. */
	for (seed = 0, rc = 1; rc == 1 && seed < 8; seed++)
		rc = with_limits(&g, price, lo, hi, pick, seed);
	/* Prices far apart make the hours jump past the window as the
	 * hours price moves; without them the days change one by one. */
	for (seed = 0; rc == 1 && seed < 4; seed++)
		rc = with_limits(&g, NULL, lo, hi, pick, seed);
	if (!rc)
		for (d = 0; d < pb->days; d++)
			roster_set(r, p, d, pick[d]);
out:
	release(&g);
	free(pick);
	return rc;
}
