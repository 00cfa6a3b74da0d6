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
#include "local_search.h"
#include "seniors.h"
#include "timer.h"
#include "measure.h"

struct ticker {
	double t0;
	double gap;              /* stop when this close */
	struct bound *bound;
	_Atomic double upper;    /* the search's best, for the bound's steps */
};

static int progress(void *ctx, const struct search *s)
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

/* The rule broken, as why's last entry says it, with its place. */
static int fail_infeasible(struct rota_error *why, struct rota_error *err)
{
	struct rota_place at = ROTA_PLACE_NONE;

	if (rota_error_last(why))
		at = rota_error_place(rota_error_last(why));
	rota_error_at(err, ROTA_EINFEASIBLE, &at,
		      "no rota keeps the hard rules: %s", rota_error_last_text(why));
	rota_error_release(why);
	return -1;
}

/* Meets every senior rule or says why not: greedy and repair first,
 * then GLPK on the seniors' own problem. */
static int meet_seniors(struct search *s, double t0, double limit,
			struct rota_error *err)
{
	const struct problem *pb = s->pb;
	struct roster start;
	struct rota_error found;
	struct rota_place at = ROTA_PLACE_NONE;
	enum seniors_result sr;

	search_seniors(s, t0 + limit * 0.3);
	if (search_senior_short(s) <= 0)
		return 0;
	diag_progress("%5.0fs  seniors  greedy repair left %.1f h of senior cover "
		      "unmet; asking GLPK", timer_now() - t0,
		      search_senior_short(s));
	if (roster_setup(&start, pb, err))
		return -1;
	sr = seniors_find(pb, fmax(1.0, t0 + limit * 0.8 - timer_now()), &start);
	if (sr == SENIORS_FOUND)
		search_load(s, &start);
	diag_progress("%5.0fs  seniors  GLPK: %s", timer_now() - t0,
		      sr == SENIORS_FOUND ? "found" : sr == SENIORS_IMPOSSIBLE ?
		      "proved impossible" : "no answer in time");
	roster_release(&start);
	if (sr == SENIORS_FOUND && search_senior_short(s) <= 0)
		return 0;
	rota_error_init(&found);
	if (constraints_check(pb, &s->r, &found))
		at = rota_error_place(rota_error_last(&found));
	if (sr == SENIORS_IMPOSSIBLE)
		rota_error_at(err, ROTA_EINFEASIBLE, &at, "%s (GLPK proved that "
			      "no rota meets the senior rules)",
			      rota_error_last_text(&found));
	else
		rota_error_at(err, ROTA_EINFEASIBLE, &at, "%s (no rota meeting "
			      "the senior rules was found within the time limit; "
			      "a longer --time-limit may find one)",
			      rota_error_last_text(&found));
	rota_error_release(&found);
	return -1;
}

int solve_run(const struct problem *pb, const struct solve_opts *o,
	      struct roster *best, struct solve_result *res,
	      struct rota_error *err)
{
	struct search s;
	struct ticker t;
	struct rota_error why;
	struct bound bd;
	struct bound_job job;
	pthread_t th;
	int threaded;
	int rc;

	memset(res, 0, sizeof(*res));
	t.t0 = timer_now();
	t.gap = o->gap;
	t.bound = &bd;
	atomic_store(&t.upper, HUGE_VAL);
	rota_error_init(&why);
	if (roster_setup(best, pb, err) || bound_setup(&bd, pb, err))
		return -1;
	rc = search_setup(&s, pb, o->seed, &why);
	if (rc) {
		bound_release(&bd);
		if (why.status == ROTA_EINFEASIBLE)
			return fail_infeasible(&why, err);
		rota_error_add(err, ROTA_EINTERNAL, "%s", rota_error_last_text(&why));
		rota_error_release(&why);
		return -1;
	}
	/* The bound runs on the second core while the search runs. */
	job.b = &bd;
	job.upper = &t.upper;
	atomic_store(&job.stop_at, t.t0 + o->time_limit);
	threaded = pthread_create(&th, NULL, bound_thread, &job) == 0;
	if (meet_seniors(&s, t.t0, o->time_limit, &why)) {
		atomic_store(&job.stop_at, 0);
		if (threaded)
			pthread_join(th, NULL);
		bound_release(&bd);
		search_release(&s);
		return fail_infeasible(&why, err);
	}
	search_run(&s, t.t0 + o->time_limit, progress, &t);
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
	res->bound = bd.best;
	diag_progress("%5.0fs  bound %.1f after %ld rounds", timer_now() - t.t0,
		      bd.best, bd.iterations);
	bound_release(&bd);
	roster_copy(best, &s.r);
	if (search_senior_short(&s) > 0 && constraints_check(pb, best, &why)) {
		search_release(&s);
		return fail_infeasible(&why, err);
	}
	search_release(&s);
	if (constraints_check(pb, best, &why)) {
		rota_error_add(err, ROTA_EINTERNAL, "the rota found breaks a rule "
			       "(a bug): %s", rota_error_last_text(&why));
		rota_error_release(&why);
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
