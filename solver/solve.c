#include "solve.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "model.h"
#include "bound.h"
#include "colphase.h"
#include "local_search.h"
#include "seed.h"
#include "timer.h"
#include "measure.h"

struct ticker {
	double t0;
	double gap;              /* stop when this close */
	struct bound *bound;
	_Atomic double upper;    /* the search's best, for the bound's steps */
};

static int report(void *ctx, const struct search *s)
{
	struct ticker *t = ctx;
	double obj = s->objective, lb = atomic_load(&t->bound->published);
	double gap = (obj - lb) / fmax(fabs(obj), 1);

	atomic_store(&t->upper, obj);
	if (isinf(lb))
		diag_progress("%5.0fs  search  best %.1f  uncovered %.1f h",
			      timer_now() - t->t0, obj,
			      measure_uncovered_hours(s->pb, &s->r));
	else
		diag_progress("%5.0fs  search  best %.1f  bound %.1f  gap %.2f%%  "
			      "uncovered %.1f h", timer_now() - t->t0, obj, lb,
			      100 * gap, measure_uncovered_hours(s->pb, &s->r));
	return !isinf(lb) && gap <= t->gap;
}

struct bound_job {
	struct bound *b;
	_Atomic double stop_at;
	_Atomic double *upper;
};

static void *bound_thread(void *arg)
{
	struct bound_job *j = arg;

	bound_run(j->b, &j->stop_at, j->upper);
	return NULL;
}

static int fail_infeasible(const char *why, struct rota_error *err)
{
	rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard rules: %s",
		       why);
	return -1;
}

/* Meets every senior rule or says why not: greedy and repair first,
 * then GLPK on the seniors' own problem. */
static int meet_seniors(struct search *s, double t0, double limit, char *why,
			size_t why_len)
{
	const struct problem *pb = s->pb;
	struct roster seed;
	struct violation v;
	enum seed_result sr;

	search_seniors(s, t0 + limit * 0.3);
	if (search_senior_short(s) <= 0)
		return 0;
	diag_progress("%5.0fs  seniors  greedy repair left %.1f h of senior cover "
		      "unmet; asking GLPK", timer_now() - t0,
		      search_senior_short(s));
	if (roster_init(&seed, pb)) {
		snprintf(why, why_len, "out of memory");
		return -1;
	}
	sr = seed_seniors(pb, fmax(1.0, t0 + limit * 0.8 - timer_now()), &seed);
	if (sr == SEED_FOUND)
		search_load(s, &seed);
	diag_progress("%5.0fs  seniors  GLPK: %s", timer_now() - t0,
		      sr == SEED_FOUND ? "found" : sr == SEED_IMPOSSIBLE ?
		      "proved impossible" : "no answer in time");
	roster_release(&seed);
	if (sr == SEED_FOUND && search_senior_short(s) <= 0)
		return 0;
	constraints_check(pb, &s->r, &v);
	if (sr == SEED_IMPOSSIBLE)
		snprintf(why, why_len, "%s (GLPK proved that no rota meets the "
			 "senior rules)", v.text);
	else
		snprintf(why, why_len, "%s (no rota meeting the senior rules was "
			 "found within the time limit; a longer --time-limit may "
			 "find one)", v.text);
	return -1;
}

int solve_run(const struct problem *pb, const struct solve_opts *o,
	      struct roster *best, struct solve_result *res,
	      struct rota_error *err)
{
	struct search s;
	struct ticker t;
	struct violation v;
	struct bound bd;
	struct bound_job job;
	pthread_t th;
	struct colphase_opts co;
	double cg_bound = -HUGE_VAL;
	int threaded, colgen = colphase_wanted(&co), oom = 0;
	char why[1024];
	int rc;

	memset(res, 0, sizeof(*res));
	t.t0 = timer_now();
	t.gap = o->gap;
	t.bound = &bd;
	atomic_store(&t.upper, HUGE_VAL);
	if (roster_init(best, pb) || bound_init(&bd, pb)) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		return -1;
	}
	rc = search_init(&s, pb, o->seed, why, sizeof(why));
	if (rc) {
		bound_release(&bd);
		if (rc == -1)
			return fail_infeasible(why, err);
		rota_error_add(err, ROTA_EINTERNAL, "%s", why);
		return -1;
	}
	/* The bound runs on the second core while the search runs. */
	job.b = &bd;
	job.upper = &t.upper;
	atomic_store(&job.stop_at, t.t0 + o->time_limit);
	threaded = pthread_create(&th, NULL, bound_thread, &job) == 0;
	/* Column generation (colphase.h) in place of the plain search; it
	 * leaves its rota in s, and meet_seniors only says why not. */
	if (colgen)
		oom = colphase_run(&co, &s, t.t0, t.t0 + o->time_limit, &cg_bound,
				   report, &t) != 0;
	if (oom || ((!colgen || search_senior_short(&s) > 0) &&
		    meet_seniors(&s, t.t0, o->time_limit, why, sizeof(why)))) {
		atomic_store(&job.stop_at, 0);
		if (threaded)
			pthread_join(th, NULL);
		bound_release(&bd);
		search_release(&s);
		if (!oom)
			return fail_infeasible(why, err);
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		return -1;
	}
	if (!colgen)
		search_run(&s, t.t0 + o->time_limit, report, &t);
	atomic_store(&t.upper, s.objective);
	/* A search that settles early leaves the bound as long again, within
	 * the time limit, so the gap reported is worth reading. */
	atomic_store(&job.stop_at, timer_stop_requested() ? 0 :
		     fmin(t.t0 + o->time_limit, timer_now() +
			  fmax(2.0, timer_now() - t.t0)));
	if (timer_stop_requested())
		diag_progress("%5.0fs  interrupted: keeping the best rota so far",
			      timer_now() - t.t0);
	if (threaded)
		pthread_join(th, NULL);
	else
		bound_run(&bd, &job.stop_at, &t.upper);
	res->bound = fmax(bd.best, cg_bound);
	diag_progress("%5.0fs  bound %.1f after %ld rounds", timer_now() - t.t0,
		      bd.best, bd.iterations);
	bound_release(&bd);
	roster_copy(best, &s.r);
	if (search_senior_short(&s) > 0 && constraints_check(pb, best, &v)) {
		search_release(&s);
		return fail_infeasible(v.text, err);
	}
	search_release(&s);
	if (constraints_check(pb, best, &v)) {
		rota_error_add(err, ROTA_EINTERNAL, "the rota found breaks a rule "
			       "(a bug): %s", v.text);
		return -1;
	}
	res->objective = constraints_cost(pb, best);
	if (res->bound > res->objective + 1e-6 * fmax(fabs(res->objective), 1))
		diag_warn("bound %.3f above the rota's objective %.3f (a bug)",
			  res->bound, res->objective);
	if (res->bound > res->objective)
		res->bound = res->objective;
	res->gap = isinf(res->bound) ? HUGE_VAL
		   : (res->objective - res->bound) / fmax(fabs(res->objective), 1);
	res->optimal = res->gap <= 1e-9;
	res->seconds = timer_now() - t.t0;
	res->uncovered_hours = measure_uncovered_hours(pb, best);
	return 0;
}
