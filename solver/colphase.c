#include "colphase.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "colgen.h"
#include "colpool.h"
#include "constraints.h"
#include "diag.h"
#include "measure.h"
#include "rng.h"
#include "timer.h"

/* The polish steers (local_search.h) for one fifth of its rounds, not
 * the plain search's three: from the dived rota steering first makes it
 * dearer (Stockport seed 0: 2.04 M dived, 2.21 M after 1,196 steered
 * rounds), so a polish cut early hands back less, and the finished one is
 * no worse (work 2000, seeds 0/1/2: 1,700,388 / 1,692,953 / 1,700,165
 * against 1,702,998 / 1,712,800 / 1,699,963; no steering at all 1,723,703
 * on seed 0). */
#define STEER_DEFAULT 1

/* Reads one "key=value" of ROTA7_COLGEN into o. */
static void setting(struct colphase_opts *o, const char *p)
{
	if (!strncmp(p, "rounds=", 7))
		o->rounds = atoi(p + 7);
	else if (!strncmp(p, "iters=", 6))
		o->iters = atol(p + 6);
	else if (!strncmp(p, "dive=", 5))
		o->dive_iters = atol(p + 5);
	else if (!strncmp(p, "polish=", 7))
		o->polish = atol(p + 7);
	else if (!strncmp(p, "probe=", 6))
		o->probe = atol(p + 6);
	else if (!strncmp(p, "smooth=", 7))
		o->smooth = atof(p + 7);
	else if (!strncmp(p, "tol=", 4))
		o->tol = atof(p + 4);
	else if (!strncmp(p, "share=", 6))
		o->dive_share = atof(p + 6);
	else if (!strncmp(p, "reiters=", 8))
		o->reprice_iters = atol(p + 8);
	else if (!strncmp(p, "first=", 6))
		o->dive_first = atof(p + 6);
	else if (!strncmp(p, "prices=", 7))
		o->dive_prices = atoi(p + 7);
	else if (!strncmp(p, "off=", 4))
		o->dive_off = atof(p + 4);
	else if (!strncmp(p, "lambda=", 7))
		o->lambda = atol(p + 7);
	else if (!strncmp(p, "skip=", 5))
		o->skip = atoi(p + 5);
	else if (!strncmp(p, "warm=", 5))
		o->warm = atol(p + 5);
	else if (!strncmp(p, "spread=", 7))
		o->spread = atoi(p + 7);
	else if (!strncmp(p, "exact=", 6))
		o->exact_hours = atoi(p + 6);
	else if (!strncmp(p, "merge=", 6))
		o->no_merge = !atoi(p + 6);
	else if (!strncmp(p, "twins=", 6))
		o->twins = atoi(p + 6);
	else if (!strncmp(p, "fromdive=", 9))
		o->twins_from_dive = atoi(p + 9);
	else if (!strncmp(p, "steer=", 6))
		o->steer = atoi(p + 6);
	else if (!strncmp(p, "dives=", 6))
		/* more would repeat a threshold, and its very rota */
		o->dives = atoi(p + 6) < 1 ? 1 : atoi(p + 6) < COLPHASE_MAX_DIVES
			   ? atoi(p + 6) : COLPHASE_MAX_DIVES;
	else if (!strncmp(p, "mip=", 4))
		o->mip_nodes = atol(p + 4);
}

int colphase_wanted(const struct problem *pb, long work, int by_person,
		    struct colphase_opts *o)
{
	const char *env = getenv("ROTA7_COLGEN"), *p;
	struct colgen_opts d;

	colgen_opts_default(&d);
	memset(o, 0, sizeof(*o));
	o->rounds = (int)(work / (by_person ? COLPHASE_BY_PERSON_WORK_PER_ROUND
					    : COLPHASE_WORK_PER_ROUND));
	if (o->rounds < 1)
		o->rounds = 1;
	o->iters = d.iters;
	o->dive_iters = d.dive_iters;
	o->polish = work;
	o->smooth = d.smooth;
	o->tol = d.tol;
	o->dive_share = d.dive_share;
	o->dive_first = d.dive_first;
	o->dive_prices = d.dive_prices;
	o->dive_off = d.dive_off;
	o->steer = STEER_DEFAULT;
	o->twins = 1;
	o->dives = by_person ? COLPHASE_MAX_DIVES : 1;
	o->exact_hours = by_person;
	if (!by_person) {
		o->dive_share = COLPHASE_FINE_SHARE;
		o->reprice_iters = COLPHASE_FINE_REPRICE_ITERS;
	}
	if (!env && by_person)
		return pb->sc->n_staff <= COLPHASE_MAX_STAFF;
	if (!env)
		return pb->sc->n_staff >= COLPHASE_STAFF &&
		       pb->sc->n_staff <= COLPHASE_MAX_STAFF &&
		       work >= COLPHASE_MIN_WORK;
	if (!strcmp(env, "off"))
		return 0;
	for (p = env; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL)
		setting(o, p);
	return 1;
}

/* The dived rota's figures, before the polish. */
static void say_rota(const struct problem *pb, const struct roster *r,
		     double t0, const char *what)
{
	struct rota_error v;
	int bad;

	rota_error_init(&v);
	bad = constraints_check(pb, r, &v);
	diag_progress("%5.1fs  colgen  %s rota %.1f  uncovered %.1f h  %s%s",
		      timer_now() - t0, what, constraints_cost(pb, r),
		      measure_uncovered_hours(pb, r), bad ? "breaks: " : "legal",
		      bad ? rota_error_last_text(&v) : "");
	rota_error_release(&v);
}

/* bound.h's subgradient for `steps`, its prices left in bd.  Its steps
 * aim at `upper`, a legal rota's objective, as the bound thread's do:
 * without it they aim 5% above each value and fall away (Stockport, 256
 * steps: -2,804,904; toward the start's objective, 666 steps:
 * 1,511,682). */
static int subgradient(const struct problem *pb, struct bound *bd,
		       long steps, double upper, double t0)
{
	if (bound_setup(bd, pb, NULL))
		return -1;
	bd->upper = upper;
	bound_steps(bd, steps);
	diag_progress("%5.1fs  colgen  subgradient bound %.1f after %ld rounds",
		      timer_now() - t0, bd->best, bd->iterations);
	return 0;
}

static void fill_opts(const struct colphase_opts *co, double t0,
		      double deadline, struct colgen_opts *o)
{
	colgen_opts_default(o);
	o->rounds = co->rounds;
	o->iters = co->iters;
	o->dive_iters = co->dive_iters;
	/* Where the time limit is going to cut the phase, each part keeps
	 * a share of the time: the rounds end by COLPHASE_ROUNDS_SHARE of
	 * it, so a cut run still dives, and the dive by
	 * COLPHASE_DIVE_SHARE, so it is still repaired and polished.  An
	 * uncut run never meets these deadlines. */
	o->rounds_deadline = t0 + COLPHASE_ROUNDS_SHARE * (deadline - t0);
	o->deadline = t0 + COLPHASE_DIVE_SHARE * (deadline - t0);
	o->t0 = t0;
	o->verbose = 1;
	o->probe = co->probe;
	o->spread = co->spread;
	o->exact_hours = co->exact_hours;
	o->smooth = co->smooth;
	o->tol = co->tol;
	o->dive_share = co->dive_share;
	o->reprice_iters = co->reprice_iters;
	o->dive_first = co->dive_first;
	o->dive_prices = co->dive_prices;
	o->dive_off = co->dive_off;
	o->mip_nodes = co->mip_nodes;
}

/* Whether a keeps every rule and costs less than b, or b breaks one. */
static int better(const struct problem *pb, const struct roster *a,
		  const struct roster *b)
{
	if (constraints_check(pb, a, NULL))
		return 0;
	return constraints_check(pb, b, NULL) ||
	       constraints_cost(pb, a) < constraints_cost(pb, b);
}

/* The rota in s when it keeps every rule and costs no more than
 * `fallback` (when that keeps them); fallback's otherwise.  Called with
 * the dived rota repaired and with the phase's start, so a polish cut
 * while it is still steered (its rota dearer than where it began) gives
 * the best legal rota seen. */
static void keep_better(struct search *s, const struct roster *fallback)
{
	if (better(s->pb, fallback, &s->r))
		search_load(s, fallback);
}

/* The dives tried in turn where several are asked for (dives > 1): the
 * rounds before each (a factor on the phase's), the first threshold
 * and the weight of a day off.  Four dives from a master run four
 * times as long first: Instance13's master at 25 rounds stood at 2,354
 * (best known 1,348) and dived to 1,613; at 100 it had reached 1,351
 * and dived to 1,351.  But a master run that long dives worse on 7 and
 * 8 (Instance8: its master at the LP's 1,296.6 by round 49, its eight
 * dives' polished rotas 1,494-1,998, against 1,303 at 25 rounds), so
 * four dives still start at 25.  The thresholds and weights: on
 * Curtois & Qu 5-10 (seed 1, 2026-12-07) each of those kept gave the
 * best rota of its rounds on some instance (at 100 rounds 0.75 with
 * days off at full weight Instance5's 1,149, 0.6 Instance7's 1,152; at
 * 25, 0.99 with days off at 0.8 Instance6's 1,952, Instance7's 1,062,
 * Instance8's 1,303). */
static const struct {
	int rounds_factor;
	double first, off;
} dive_plan[COLPHASE_MAX_DIVES] = {
	{4, 0.75, 1.0}, {4, 0.99, 0.8}, {4, 0.75, 0.8}, {4, 0.6, 0.8},
	{1, 0.99, 0.8}, {1, 0.75, 0.8}, {1, 0.99, 1.0}, {1, 0.75, 1.0},
};

/* A second polish of the same rota with its own seed, on the other
 * core (the bound's thread is done by then on Stockport, its rounds and
 * dive having taken longer).  Each does its own work, and the two are
 * merged into the cheaper legal one (the first on a tie), so which ends
 * first changes nothing. */
#define TWIN_SEED 0x7477696e706f6cULL   /* "twinpol": any constant */

struct twin {
	struct search t;
	const struct colphase_opts *co;
	double deadline;
};

/* a's people of part k given b's months where that keeps every rule and
 * costs less; whether it did. */
static int take_part(const struct problem *pb, const size_t *part, size_t k,
		     struct roster *a, const struct roster *b,
		     struct roster *trial)
{
	size_t p;
	int d;

	roster_copy(trial, a);
	for (p = 0; p < pb->sc->n_staff; p++)
		if (part[p] == k)
			for (d = 0; d < pb->days; d++)
				roster_set(trial, (int)p, d, roster_get(b, (int)p, d));
	if (constraints_check(pb, trial, NULL) ||
	    constraints_cost(pb, trial) >= constraints_cost(pb, a) - 1e-9)
		return 0;
	roster_copy(a, trial);
	return 1;
}

int colphase_merge(const struct problem *pb, struct roster *a,
		   const struct roster *b)
{
	struct cg_pool cp;
	struct roster trial;
	size_t k;
	int rc = -1;

	if (cg_pool_init(&cp, pb))
		return -1;
	if (roster_setup(&trial, pb, NULL))
		goto out;
	for (k = 0; k < cp.n_parts; k++)
		take_part(pb, cp.part_of_person, k, a, b, &trial);
	roster_release(&trial);
	rc = 0;
out:
	cg_pool_release(&cp);
	return rc;
}

static void *twin_thread(void *arg)
{
	struct twin *tw = arg;

	search_run(&tw->t, tw->deadline, tw->co->polish, NULL, NULL);
	return NULL;
}

/* s given the better of its rota and the twin's t (the first on a tie),
 * merged part by part with the other.  0, or -1 out of memory. */
static int keep_twin(const struct colphase_opts *co, struct search *s,
		     const struct roster *t)
{
	struct roster m;
	int twin_first = better(s->pb, t, &s->r), rc;

	if (roster_setup(&m, s->pb, NULL))
		return -1;
	roster_copy(&m, twin_first ? t : &s->r);
	rc = co->no_merge ? 0 : colphase_merge(s->pb, &m, twin_first ? &s->r : t);
	diag_progress("colgen  polished %.1f and %.1f, merged by part %.1f",
		      constraints_cost(s->pb, &s->r), constraints_cost(s->pb, t),
		      constraints_cost(s->pb, &m));
	search_load(s, &m);
	roster_release(&m);
	return rc;
}

/* s's rota polished, twice at once: s's own search and a twin's.  0, or
 * -1 out of memory. */
static int polish(const struct colphase_opts *co, struct search *s,
		  double deadline,
		  int (*progress)(void *ctx, const struct search *s), void *ctx)
{
	struct twin tw;
	struct rota_error err;
	pthread_t th;
	uint64_t seed, own = s->rng;
	int started, rc;

	/* s's own sequence untouched: its polish is what it was alone */
	seed = rng_next(&own) ^ TWIN_SEED;
	rota_error_init(&err);
	if (search_setup(&tw.t, s->pb, seed, &err)) {
		rota_error_release(&err);
		return -1;
	}
	tw.co = co;
	tw.deadline = deadline;
	search_load(&tw.t, &s->r);
	tw.t.steer_fifths = s->steer_fifths = co->steer;
	started = pthread_create(&th, NULL, twin_thread, &tw) == 0;
	search_run(s, deadline, co->polish, progress, ctx);
	if (started)
		pthread_join(th, NULL);
	else
		twin_thread(&tw);
	s->steer_fifths = STEER_DEFAULT;
	rc = keep_twin(co, s, &tw.t.r);
	s->cut |= tw.t.cut;
	search_release(&tw.t);
	return rc;
}

/* co->twins twin polishes of s's rota, each merged part by part into
 * the best so far; s ends with it.  0, or -1 out of memory. */
static int polishes(const struct colphase_opts *co, struct search *s,
		    double deadline,
		    int (*progress)(void *ctx, const struct search *s),
		    void *ctx)
{
	struct roster start, best;
	int k, rc = -1;

	if (roster_setup(&start, s->pb, NULL))
		return -1;
	if (roster_setup(&best, s->pb, NULL))
		goto out_start;
	roster_copy(&start, &s->r);
	for (k = 0; k < (co->twins > 1 ? co->twins : 1); k++) {
		if (k && co->twins_from_dive)
			search_load(s, &start);
		if (polish(co, s, deadline, progress, ctx))
			goto out;
		if (k && keep_twin(co, s, &best))
			goto out;
		roster_copy(&best, &s->r);
	}
	rc = 0;
out:
	roster_release(&best);
out_start:
	roster_release(&start);
	return rc;
}

/* One dive from cg's rounds, senior repair and polish: s ends with the
 * polished rota (or the repaired dive where that is better).  As
 * colgen_dive. */
static int attempt(const struct colphase_opts *co, const struct colgen_opts *o,
		   struct colgen *cg, struct search *s, double t0,
		   double deadline, struct roster *dived,
		   const struct colgen_stats *st,
		   int (*progress)(void *ctx, const struct search *s), void *ctx)
{
	const struct problem *pb = s->pb;
	int rc = colgen_dive(cg, o, dived);

	if (rc < 0)
		return rc;
	diag_progress("%5.1fs  colgen  %d rounds, %d dives, %ld pdhg iterations, "
		      "%ld dp calls, %zu columns, bound %.1f, first %.2f%s "
		      "(pdhg %.1f s, pricing %.1f s)",
		      timer_now() - t0, st->rounds, st->dives, st->iterations,
		      st->dp_calls, st->columns, st->bound, o->dive_first,
		      rc ? " (stopped)" : "", st->pdhg_seconds, st->price_seconds);
	say_rota(pb, dived, t0, "dived");
	search_load(s, dived);
	search_seniors(s, deadline);
	say_rota(pb, &s->r, t0, "repaired");
	roster_copy(dived, &s->r);
	if (polishes(co, s, deadline, progress, ctx))
		return -1;
	say_rota(pb, &s->r, t0, "polished");
	keep_better(s, dived);
	return rc;
}

int colphase_run(const struct colphase_opts *co, struct search *s, double t0,
		 double deadline, double *bound,
		 int (*progress)(void *ctx, const struct search *s), void *ctx)
{
	const struct problem *pb = s->pb;
	struct colgen_opts o;
	struct colgen_stats st;
	struct colgen *cg = NULL;
	struct roster dived, before, best;
	struct bound bd;
	int rc = -1, have_bd = 0, have_before = 0, have_dived = 0, k, cut = 0;
	int have_best = 0;

	fill_opts(co, t0, deadline, &o);
	if (roster_setup(&dived, pb, NULL))
		return -1;
	have_dived = 1;
	if (roster_setup(&before, pb, NULL))
		goto out;
	have_before = 1;
	if (roster_setup(&best, pb, NULL))
		goto out;
	have_best = 1;
	*bound = -HUGE_VAL;
	if (co->warm > 0) {
		search_run(s, deadline, co->warm, progress, ctx);
		o.start = &s->r;
		say_rota(pb, &s->r, t0, "start");
	}
	roster_copy(&before, &s->r);
	if (co->lambda > 0) {
		if (subgradient(pb, &bd, co->lambda,
				constraints_cost(pb, &s->r), t0))
			goto out;
		have_bd = 1;
		o.start_y = bd.lambda;
	}
	if (co->skip) {
		/* A control for measuring: the polish alone, from the empty
		 * rota, with the same senior repair. */
		search_run(s, deadline, co->polish, progress, ctx);
		say_rota(pb, &s->r, t0, "control");
		rc = s->cut;
		goto out;
	}
	if (!(cg = colgen_new(pb, &o, &st)))
		goto out;
	rc = 0;
	/* Every dive starts from the one run of the rounds (colgen.h); a
	 * further dive once the dive's share of the limit is gone would be
	 * paced to fix everything at once, so the time limit cuts the
	 * dives there. */
	for (k = 0; k < co->dives && !rc &&
		    (k == 0 || timer_now() < o.deadline); k++) {
		if (co->dives > 1) {
			o.rounds = co->rounds * dive_plan[k].rounds_factor;
			o.dive_first = dive_plan[k].first;
			o.dive_off = dive_plan[k].off;
		}
		rc = attempt(co, &o, cg, s, t0, deadline, &dived, &st, progress,
			     ctx);
		if (rc < 0)
			goto out;
		if (st.bound > *bound)
			*bound = st.bound;
		if (k == 0 || better(pb, &s->r, &best)) {
			roster_copy(&best, &s->r);
			cut = st.stopped || s->cut;
		}
	}
	if (k < co->dives && !rc)
		cut = 1;      /* dives left undone by the time limit */
	if (have_bd && bd.best > *bound)
		*bound = bd.best;
	search_load(s, &best);
	keep_better(s, &before);
	rc = cut || rc;
out:
	colgen_free(cg);
	if (have_bd)
		bound_release(&bd);
	if (have_before)
		roster_release(&before);
	if (have_dived)
		roster_release(&dived);
	if (have_best)
		roster_release(&best);
	return rc;
}
