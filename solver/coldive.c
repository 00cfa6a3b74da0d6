#include "colstate.h"

#include <math.h>
#include <stdlib.h>

#include "constraints.h"
#include "diag.h"
#include "timer.h"

#define NONE ((size_t)-1)
/* Diving thresholds: the factor down and the last. */
#define DIVE_FACTOR 0.9
#define DIVE_LAST 0.5

/* p's heaviest column in the pool, its weight in *w. */
static size_t heaviest(const struct cg *g, size_t p, double *w)
{
	size_t q, best = NONE;

	*w = -1;
	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
		size_t j = g->by_person[q];

		if (cg_compatible(g, j) && g->cp.x[j] > *w) {
			*w = g->cp.x[j];
			best = j;
		}
	}
	return best;
}

static void fix(struct cg *g, size_t p, size_t j, struct roster *out)
{
	const struct cg_pool *cp = &g->cp;
	const size_t *pick = cg_pool_pick(cp, j);
	size_t t;
	int d;

	for (d = 0; d < g->pb->days; d++)
		roster_set(out, (int)p, d, pick[d]);
	for (t = cp->term_first[j]; t < cp->term_first[j + 1]; t++)
		g->bcur[cp->term_row[t]] -= cp->term_val[t];
	g->fixed[p] = 1;
}

/* A day of a person the dive may fix: the var (or ROSTER_NONE) its
 * compatible months weigh most on, and that weight. */
struct slot {
	size_t p;
	int d;
	size_t v;
	double w;
};

static int by_weight_down(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->d < y->d ? -1 : x->d > y->d;
}

/* Each free day of p: its heaviest choice over p's compatible months
 * (cols: scratch for their indices), appended to sl[*n]. */
static void heaviest_days(const struct cg *g, size_t p, size_t *cols,
			  struct slot *sl, size_t *n)
{
	size_t days = (size_t)g->pb->days, q, m = 0, i, k;
	size_t v[64];
	double w[64];
	int d;

	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++)
		if (cg_compatible(g, g->by_person[q]))
			cols[m++] = g->by_person[q];
	for (d = 0; d < (int)days; d++) {
		size_t nv = 0, best = 0;

		if (g->forced[p * days + (size_t)d] != CG_FREE)
			continue;
		for (i = 0; i < m; i++) {
			size_t x = cg_pool_pick(&g->cp, cols[i])[d];

			for (k = 0; k < nv && v[k] != x; k++)
				;
			if (k == nv) {
				if (nv == 64)
					continue;
				v[nv] = x;
				w[nv++] = 0;
			}
			w[k] += g->cp.x[cols[i]];
		}
		for (k = 1; k < nv; k++)
			if (w[k] > w[best] || (w[k] == w[best] && v[k] < v[best]))
				best = k;
		sl[*n] = (struct slot){p, d, nv ? v[best] : ROSTER_NONE,
				       nv ? w[best] : 0};
		if (sl[*n].v == ROSTER_NONE)
			sl[*n].w *= g->o->dive_off;
		(*n)++;
	}
}

/* Fixes p's day d to v if some compatible month keeps it; whether. */
static int force(struct cg *g, const struct slot *s)
{
	size_t days = (size_t)g->pb->days, q;
	size_t *f = g->forced + s->p * days + (size_t)s->d;

	*f = s->v;
	for (q = g->person_first[s->p]; q < g->person_first[s->p + 1]; q++)
		if (cg_compatible(g, g->by_person[q]))
			return 1;
	*f = CG_FREE;
	return 0;
}

/* People with every day fixed are fixed to their month. */
static size_t fix_done(struct cg *g, struct roster *out)
{
	size_t days = (size_t)g->pb->days, p, d, left = 0;
	double w;

	for (p = 0; p < g->pb->sc->n_staff; p++) {
		if (g->fixed[p])
			continue;
		for (d = 0; d < days && g->forced[p * days + d] != CG_FREE; d++)
			;
		if (d < days)
			left++;
		else
			fix(g, p, heaviest(g, p, &w), out);
	}
	return left;
}

/*
 * One fixing step: the days whose heaviest choice weighs at least the
 * highest threshold some day reaches (0.75, x0.9, down to 0.5), and at
 * least dive_share of the days still free, the heaviest first.  Days,
 * not whole months: the first-order master's solution is spread over
 * many months of nearly equal value (few weigh over 0.5), while most
 * days are clear.  A day is fixed only while some month in the pool
 * keeps every fixed day of its person, so a legal month always
 * remains.  Returns the days fixed.
 */
static size_t dive_step(struct cg *g, struct slot *sl, size_t *cols,
			double share)
{
	size_t n = 0, p, i, least, done = 0;
	double theta;

	for (p = 0; p < g->pb->sc->n_staff; p++)
		if (!g->fixed[p])
			heaviest_days(g, p, cols, sl, &n);
	if (!n)
		return 0;
	qsort(sl, n, sizeof(*sl), by_weight_down);
	for (theta = g->o->dive_first; theta > DIVE_LAST && sl[0].w < theta;
	     theta *= DIVE_FACTOR)
		;
	least = (size_t)ceil(share * (double)n);
	if (least < 1)
		least = 1;
	for (i = 0; i < n && (done < least || sl[i].w >= theta); i++)
		done += (size_t)force(g, &sl[i]);
	return done;
}

/* ---- ratio cells broken by the rounding ---- */

/* The role's people on duty in a ratio row's cell, one shift at a time
 * (the latest person first), are taken off where their month stays
 * legal, else their whole month goes, until the row holds. */
static void repair_ratio(struct cg *g, size_t r, struct roster *out)
{
	const struct problem *pb = g->pb;
	const struct cg_pool *cp = &g->cp;
	size_t c = cp->row_cell[r], per = cp->row_per[r], i;

	while (out->on_duty[c] > cp->row_at_most[r] *
				 (per == NONE ? 0 : out->on_duty[per]) + 1e-9) {
		size_t victim = NONE;

		for (i = pb->cell_var_first[c + 1]; i > pb->cell_var_first[c]; i--) {
			size_t v = pb->cell_vars[i - 1];
			const struct var *x = &pb->vars[v];

			if (roster_get(out, x->p, x->d) != v)
				continue;
			roster_set(out, x->p, x->d, ROSTER_NONE);
			if (!constraints_check_person(pb, out, x->p, NULL)) {
				victim = v;
				break;
			}
			roster_set(out, x->p, x->d, v);
			if (victim == NONE)
				victim = v;
		}
		if (victim == NONE)
			return;   /* nobody on duty here: cannot be broken */
		if (roster_get(out, pb->vars[victim].p, pb->vars[victim].d) ==
		    victim) {
			int d;

			for (d = 0; d < pb->days; d++)
				roster_set(out, pb->vars[victim].p, d, ROSTER_NONE);
		}
	}
}

static void repair_ratios(struct cg *g, struct roster *out)
{
	size_t r;

	for (r = 0; r < g->cp.n_rows; r++)
		if (g->cp.kind[r] == CG_RATIO)
			repair_ratio(g, r, out);
}

/* The masters run iters on, pricing then at their own duals. */
static int settle(struct cg *g, long iters)
{
	if (cg_solve_all(g, iters))
		return -1;
	cg_smooth(g, 0);
	return 0;
}

/* After a fixing step: dive_prices rounds of pricing, each but the
 * first after the masters settle again.  0 or -1. */
static int reprice(struct cg *g)
{
	int k;

	for (k = 0; k < g->o->dive_prices && !cg_stopped(g); k++)
		if ((k && settle(g, g->o->reprice_iters > 0 ? g->o->reprice_iters
						    : g->o->dive_iters)) ||
		    cg_price_all(g) < 0 || cg_drop_idle(g))
			return -1;
	return 0;
}

/* Fixing steps before the dive's pace is read: the first may fix one
 * person whole, and its rate alone would pace an idle run (Stockport
 * seed 0: 28 s foreseen after step 1 against 32 s of room, 18 s taken;
 * after step 3, 7 s). */
#define PACE_AFTER 3

/* The days of people not yet fixed that no step has fixed. */
static size_t free_days(const struct cg *g)
{
	size_t days = (size_t)g->pb->days, p, d, n = 0;

	for (p = 0; p < g->pb->sc->n_staff; p++)
		if (!g->fixed[p])
			for (d = 0; d < days; d++)
				n += g->forced[p * days + d] == CG_FREE;
	return n;
}

/* People fixed, as a share of those free when the dive began, before
 * their rate is read: a benchmark dive fixes its people whole late
 * (Instance19: the first of 40 at step 18), and a rate read off the
 * first few foresaw ten times the rest (four of them: 3.7 times, the
 * dive paced at 282 s of a 420 s share that it ended by 319 s). */
#define PACE_PEOPLE 0.25

/* What the dive has done so far, for its pace. */
struct dive_pace {
	double began;     /* timer_now() at its start */
	size_t people0;   /* people free then */
	double first;     /* timer_now() after the first step */
	size_t free1;     /* free days after it */
	double work;      /* free days summed over the steps since */
	int steps;
};

/* The rest of the dive by people: a step costs about in proportion to
 * the people still free, and they fall about evenly step by step
 * (Stockport, least share 0.02: 188, 122, 76, 35 and 0 people left at
 * steps 1, 50, 100, 150, 195; 0.24, 0.12, 0.06 and 0.02 s a step), so
 * the rest takes about half a mean step's time for each step still
 * needed; the real rest ran at 0.35 to 1.35 of that. */
static double rest_by_people(const struct dive_pace *dp, size_t left)
{
	double took = timer_now() - dp->began;

	return (double)left / ((double)(dp->people0 - left) / dp->steps) *
	       took / dp->steps / 2;
}

/* The rest by free days, until the people's rate can be read: each
 * step after the first (which fixes every day over the threshold at
 * once) fixes a fraction of the free days, so they fall geometrically,
 * and at the mean fraction r the rest costs the free days over r times
 * the time a free day has taken a step.  That runs short, since pricing
 * a person costs about the same however few of their days are free:
 * 0.77 to 0.78 of the real rest on Stockport (steps 3 and 13), 0.35 to
 * 0.75 on Instance15's dives, hence PACE_DAYS_SCALE; 1.5 paced
 * Stockport's idle 60 s run too hard (0.026 of the free days a step
 * from 16 s, 1,606,268, against 1,588,420 paced by the people alone). */
#define PACE_DAYS_SCALE 1.25

static double rest_by_days(const struct dive_pace *dp, size_t free_now)
{
	double r;

	if (free_now >= dp->free1 || dp->work <= 0)
		return 0;
	r = 1 - pow((double)free_now / (double)dp->free1,
		    1.0 / (dp->steps - 1));
	return PACE_DAYS_SCALE * (timer_now() - dp->first) / dp->work *
	       (double)free_now / r;
}

/* How far the forecast may overrun the room before the dive is paced:
 * the forecasts above run from 0.35 to 1.35 of the real rest, and a
 * dive paced on less was paced by their error alone (Stockport's idle
 * 60 s run paced to 0.0201 of the free days a step, not 0.02, its rota
 * then moving with the clock from 1,588,420 to 1,605,250 over six
 * runs).  A dive that does overrun by less is cut at its deadline with
 * few people left, fixed at their heaviest months. */
#define PACE_SLACK 1.35

/*
 * The share of the free days the next step fixes: dive_share, or more
 * where the dive at its pace would not end by the deadline.  Paced, the
 * share grows by how much the rest overruns; the rota then depends on
 * the clock, and says so (st->stopped).  (A share that never fell back
 * once raised did worse, measured with a tenth of the people and the
 * free days' forecast at 1.5: Stockport seed 1 at 10, 20 and 60 s
 * limits 1,764,959, 1,706,243 and 1,621,716 against 1,795,555,
 * 1,678,572 and 1,594,071.)
 */
static double pace(struct cg *g, const struct dive_pace *dp, size_t left,
		   size_t free_now)
{
	double share = g->o->dive_share, room = g->o->deadline - timer_now();
	double rest;

	if (isinf(g->o->deadline) || dp->steps < PACE_AFTER || !left)
		return share;
	if ((double)(dp->people0 - left) >= PACE_PEOPLE * (double)dp->people0)
		rest = rest_by_people(dp, left);
	else
		rest = rest_by_days(dp, free_now);
	if (rest <= PACE_SLACK * room)
		return share;
	g->st->stopped = 1;
	share *= room > 0 ? rest / room : HUGE_VAL;
	return share < 1 ? share : 1;
}

int cg_dive(struct cg *g, struct roster *out)
{
	size_t n = g->pb->sc->n_staff * (size_t)g->pb->days, left, forced;
	struct slot *sl = malloc((n + 1) * sizeof(*sl));
	size_t *cols = NULL;
	struct dive_pace dp = {timer_now(), 0, 0, 0, 0, 0};
	int rc = -1, paced = 0;

	if (!sl)
		return -1;
	dp.people0 = left = fix_done(g, out);
	while (left && !cg_stopped(g)) {
		size_t free_now = free_days(g);
		double share;

		if (dp.steps == 1)
			dp.free1 = free_now;
		share = pace(g, &dp, left, free_now);
		if (++dp.steps > 1)
			dp.work += (double)free_now;
		if (share > g->o->dive_share && !paced++ && g->o->verbose)
			diag_progress("%5.1fs  colgen  dive paced to end by %.1fs: "
				      "%.3f of the free days a step, not %.3f",
				      timer_now() - g->o->t0,
				      g->o->deadline - g->o->t0, share,
				      g->o->dive_share);

		if (settle(g, g->o->dive_iters))
			goto out;
		free(cols);
		if (!(cols = malloc((g->cp.n_cols + 1) * sizeof(size_t))))
			goto out;
		forced = dive_step(g, sl, cols, share);
		left = fix_done(g, out);
		if (dp.steps == 1)
			dp.first = timer_now();
		g->st->dives++;
		if (g->o->verbose)
			diag_progress("%5.1fs  colgen  dive %d  master %.1f  days fixed "
				      "%zu  people left %zu", timer_now() - g->o->t0,
				      g->st->dives, g->st->primal, forced, left);
		if (left && reprice(g))
			goto out;
	}
	rc = left ? 1 : 0;
out:
	free(sl);
	free(cols);
	return rc;
}

void cg_finish(struct cg *g, struct roster *out)
{
	size_t p;
	double w;

	for (p = 0; p < g->pb->sc->n_staff; p++)
		if (!g->fixed[p])
			fix(g, p, heaviest(g, p, &w), out);
	repair_ratios(g, out);
}
