#include "solve.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "model.h"
#include "nolegal.h"
#include "bound.h"
#include "colphase.h"
#include "dayproof.h"
#include "local_search.h"
#include "prove.h"
#include "refill.h"
#include "seniors.h"
#include "start.h"
#include "fixphase.h"
#include "timer.h"
#include "measure.h"

/*
 * The bound runs on the second core in blocks of BOUND_BLOCK steps, and
 * its best after each block is kept.  The search and the bound each do a
 * fixed amount of work and neither reads the other, so each ends the same
 * on any machine.  Only --gap couples them: then at its k-th check the
 * search reads the best after k blocks, waiting for them if the bound is
 * behind, so when it stops does not depend on how fast either ran.
 */
#define BOUND_BLOCK 10
/* Bound steps per round of search: on Stockport both then take about
 * as long (measured on this project's 2-core machine). */
#define BOUND_STEPS_PER_ROUND 0.4

struct bound_job {
	struct bound *b;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	double *block_best;      /* [max_blocks]: best after each block */
	long blocks, max_blocks; /* done; the budget */
	int done;                /* finished, for whatever reason */
	int cut;                 /* ended by the clock or a stop */
	int quit;                /* asked to end (the search has) */
	double deadline;
};

static void *bound_thread(void *arg)
{
	struct bound_job *j = arg;
	int converged = 0, quit = 0;

	while (!converged && !quit && j->blocks < j->max_blocks) {
		if (timer_stop_requested() || timer_now() >= j->deadline) {
			pthread_mutex_lock(&j->mu);
			j->cut = 1;
			pthread_mutex_unlock(&j->mu);
			break;
		}
		converged = bound_steps(j->b, BOUND_BLOCK);
		pthread_mutex_lock(&j->mu);
		j->block_best[j->blocks++] = j->b->best;
		quit = j->quit;
		pthread_cond_broadcast(&j->cv);
		pthread_mutex_unlock(&j->mu);
	}
	pthread_mutex_lock(&j->mu);
	j->done = 1;
	pthread_cond_broadcast(&j->cv);
	pthread_mutex_unlock(&j->mu);
	return NULL;
}

/* The bound after `blocks` blocks (or its last, if it ended sooner). */
static double bound_after(struct bound_job *j, long blocks)
{
	double lb;

	pthread_mutex_lock(&j->mu);
	while (j->blocks < blocks && !j->done)
		pthread_cond_wait(&j->cv, &j->mu);
	if (blocks > j->blocks)
		blocks = j->blocks;
	lb = blocks > 0 ? j->block_best[blocks - 1] : -HUGE_VAL;
	pthread_mutex_unlock(&j->mu);
	return lb;
}

struct ticker {
	double t0, last;
	double gap;              /* stop when this close */
	struct bound_job *job;
	int stopped;             /* enum solve_stop once a check stopped */
	int have_stop;
};

static double rel_gap(double obj, double lb)
{
	return (obj - lb) / fmax(fabs(obj), 1);
}

/* The search's check every SEARCH_CHECK_ROUNDS rounds: progress on
 * stderr every two seconds, and with --gap the gap to the bound after as
 * many blocks. */
static int check(void *ctx, const struct search *s)
{
	struct ticker *t = ctx;
	long k = s->rounds / SEARCH_CHECK_ROUNDS;
	double obj = s->objective;
	double lb = t->gap > 0 ? bound_after(t->job, k)
			       : atomic_load(&t->job->b->published);
	double gap = rel_gap(obj, lb);

	if (timer_now() - t->last >= 2.0) {
		t->last = timer_now();
		if (isinf(lb))
			diag_progress("%5.0fs  search  best %.1f  uncovered %.1f h",
				      t->last - t->t0, obj,
				      measure_uncovered_hours(s->pb, &s->r));
		else
			diag_progress("%5.0fs  search  best %.1f  bound %.1f  "
				      "gap %.2f%%  uncovered %.1f h",
				      t->last - t->t0, obj, lb, 100 * gap,
				      measure_uncovered_hours(s->pb, &s->r));
	}
	if (t->gap <= 0 || isinf(lb) || search_senior_short(s) > 0 ||
	    gap > t->gap)
		return 0;
	/* The search's own objective leaves fairness out: the rota's whole
	 * objective decides. */
	gap = rel_gap(constraints_cost(s->pb, &s->r), lb);
	if (gap <= 1e-9) {
		t->stopped = SOLVE_STOP_OPTIMAL;
		t->have_stop = 1;
	} else if (gap <= t->gap) {
		t->stopped = SOLVE_STOP_GAP;
		t->have_stop = 1;
	}
	return t->have_stop;
}

/* Meets every senior rule or says why not: greedy and repair first,
 * then GLPK on the seniors' own problem.  -1 with err: ROTA_EINFEASIBLE
 * only when GLPK proved it, else ROTA_ELIMIT or ROTA_EINTERRUPTED. */
static int meet_seniors(struct search *s, double t0, double limit,
			struct rota_error *err)
{
	const struct problem *pb = s->pb;
	struct roster start;
	struct rota_error found;
	enum seniors_result sr = SENIORS_UNKNOWN;
	double left;

	/* The greedy repair is bounded by its own work (30 rounds): only
	 * the whole time limit cuts it, so on a loaded machine it still
	 * ends where it would on an idle one rather than handing GLPK a
	 * half-done start (Essex at --time-limit 10, load 28 on 2 cores:
	 * cut at 30% of the limit it left 18 h of senior cover unmet). */
	search_seniors(s, t0 + limit);
	if (search_senior_short(s) <= 0)
		return 0;
	/* Past the time limit GLPK is not started: 0 s would be none. */
	left = t0 + limit * 0.8 - timer_now();
	if (timer_now() < t0 + limit && !timer_stop_requested()) {
		diag_progress("%5.0fs  seniors  greedy repair left %.1f h of "
			      "senior cover unmet; asking GLPK", timer_now() - t0,
			      search_senior_short(s));
		if (roster_setup(&start, pb, err))
			return -1;
		sr = seniors_mend(s, fmax(1.0, left), &start);
		if (sr == SENIORS_FOUND)
			search_load(s, &start);
		diag_progress("%5.0fs  seniors  GLPK: %s", timer_now() - t0,
			      sr == SENIORS_FOUND ? "found" :
			      sr == SENIORS_IMPOSSIBLE ? "proved impossible" :
			      "no answer in time");
		roster_release(&start);
	}
	if (sr == SENIORS_FOUND && search_senior_short(s) <= 0)
		return 0;
	rota_error_init(&found);
	constraints_check(pb, &s->r, &found);
	if (sr != SENIORS_IMPOSSIBLE)
		return nolegal_unproven(&found, limit, err);
	nolegal_seniors_proved(pb, &found, err);
	rota_error_release(&found);
	return -1;
}

/* Blocks of bound steps for a work budget. */
static long bound_budget(long work)
{
	return (long)(BOUND_STEPS_PER_ROUND * (double)work) / BOUND_BLOCK + 1;
}

static int start_bound(struct bound_job *j, struct bound *b,
		       const struct roster *empty, long work, double deadline,
		       pthread_t *th)
{
	memset(j, 0, sizeof(*j));
	j->b = b;
	/* Its steps aim at the empty rota's objective, known at once. */
	b->upper = constraints_cost(b->pb, empty);
	j->deadline = deadline;
	j->max_blocks = bound_budget(work);
	j->block_best = malloc((size_t)j->max_blocks * sizeof(double));
	if (!j->block_best)
		return -1;
	pthread_mutex_init(&j->mu, NULL);
	pthread_cond_init(&j->cv, NULL);
	if (pthread_create(th, NULL, bound_thread, j)) {
		/* No second thread: the bound runs after the search. */
		return 1;
	}
	return 0;
}

/* Ends the bound (at once with quit, else when its budget is spent)
 * and frees the job. */
static void end_bound(struct bound_job *j, pthread_t th, int threaded,
		      int quit)
{
	if (threaded) {
		pthread_mutex_lock(&j->mu);
		j->quit = quit;
		pthread_mutex_unlock(&j->mu);
		pthread_join(th, NULL);
	} else if (!quit) {
		bound_thread(j);
	}
	pthread_mutex_destroy(&j->mu);
	pthread_cond_destroy(&j->cv);
	free(j->block_best);
}

static const char *stop_name(int why)
{
	switch (why) {
	case SOLVE_STOP_OPTIMAL:
		return "proven optimal";
	case SOLVE_STOP_GAP:
		return "within --gap";
	case SOLVE_STOP_TIME:
		return "cut by --time-limit";
	case SOLVE_STOP_INTERRUPT:
		return "interrupted";
	}
	return "work done";
}

/*
 * The engine: one state the phases of the table below share.  best and
 * res->objective are the best rota so far (legal once the seniors'
 * phase is done); s holds the rota the search works on.
 */
struct engine {
	const struct problem *pb;
	const struct solve_opts *o;
	struct roster *best;
	struct solve_result *res;
	struct rota_error *err;
	struct search s;
	struct ticker t;
	struct bound bd;
	struct bound_job job;
	pthread_t th;
	int threaded;            /* the bound runs on a second thread */
	int bound_on;            /* job started, not yet ended */
	long work;
	double deadline;
	double bound;            /* best bound of the phases, bound.h's aside */
	int by_person;           /* the empty rota breaks someone's own rules */
	int proven;              /* best is proven optimal */
	int cut;                 /* a phase was cut by the clock or a stop */
	int colgen;
	int keep;                /* the start is kept as it is (keep_start) */
	struct colphase_opts co;
	struct fixphase *fx;     /* GLPK's whole model, once a phase needs it */
};

/* best := s's rota where that is legal and cheaper. */
static void keep_search(struct engine *e)
{
	double c = constraints_cost(e->pb, &e->s.r);

	if (c < e->res->objective && !constraints_check(e->pb, &e->s.r, NULL)) {
		roster_copy(e->best, &e->s.r);
		e->res->objective = c;
	}
}

/* s := best where best is cheaper, so the next phase starts from it. */
static void load_best(struct engine *e)
{
	if (e->res->objective < constraints_cost(e->pb, &e->s.r))
		search_load(&e->s, e->best);
}

static int oom(struct engine *e)
{
	return rota_error_add(e->err, ROTA_EINTERNAL, "out of memory");
}

static int want_always(const struct engine *e)
{
	(void)e;
	return 1;
}

/* The start: the caller's (restart.h), or person by person where the
 * empty rota breaks someone's own rules (start.h), else the empty one. */
static int run_start(struct engine *e)
{
	const struct problem *pb = e->pb;
	struct roster r;
	enum start_result st;
	int who = 0;

	if (e->o->start) {
		search_load(&e->s, e->o->start);
		/* The engine's own rota for this input, seed and work, read
		 * back: a search from it would only find what the run that
		 * made it missed (README, "Re-rostering"), so it is kept,
		 * and only the bound runs. */
		e->keep = e->o->keep_start &&
			  !constraints_check(pb, e->o->start, NULL);
		if (e->keep) {
			roster_copy(e->best, e->o->start);
			e->res->objective = constraints_cost(pb, e->best);
			e->res->reproduced = 1;
			diag_progress("%5.0fs  the previous rota is this engine's "
				      "own for this scenario, seed and --work: "
				      "kept as it is, unsearched",
				      timer_now() - e->t.t0);
		}
		return 0;
	}
	if (!e->by_person)
		return 0;
	if (roster_setup(&r, pb, e->err))
		return -1;
	st = start_by_person(pb, e->deadline, &r, &who);
	if (st == START_DONE)
		search_load(&e->s, &r);
	roster_release(&r);
	if (st == START_ENOMEM)
		return oom(e);
	if (st == START_IMPOSSIBLE)
		return rota_error_add(e->err, ROTA_EINFEASIBLE, "no rota keeps "
				      "the hard rules of '%s' (days off, total "
				      "hours, runs in a row, weekends, shift "
				      "limits): GLPK proved that they admit "
				      "none over the horizon",
				      pb->sc->staff[who].id);
	if (st == START_NOT_FOUND)
		/* Not a proof: exit 5, or 130 when stopped. */
		return rota_error_add(e->err, timer_stop_requested() ?
				      ROTA_EINTERRUPTED : ROTA_ELIMIT, "no rota "
				      "keeping the hard rules of '%s' was found "
				      "%s; that is no proof that none exists; "
				      "nothing written", pb->sc->staff[who].id,
				      timer_stop_requested() ? "before the "
				      "interrupt" : "within the time limit (a "
				      "longer --time-limit may find one)");
	diag_progress("%5.0fs  start  person by person, objective %.1f",
		      timer_now() - e->t.t0, constraints_cost(pb, &e->s.r));
	return 0;
}

/* Senior cover and ratios; then the rota is legal and becomes best. */
static int run_seniors(struct engine *e)
{
	if (e->keep)
		return 0;
	if (meet_seniors(&e->s, e->t.t0, e->o->time_limit, e->err))
		return -1;
	roster_copy(e->best, &e->s.r);
	e->res->objective = constraints_cost(e->pb, e->best);
	return 0;
}

/* Small problems go to GLPK whole before the search (prove.h): often
 * that is a proof and the search is not needed; otherwise it is a rota
 * and a bound for the search to beat.  Where the start was built person
 * by person the whole model's phase does that instead: prove_small's
 * count of subproblems let Instance8 (2,502 columns) run 68 s of a 60 s
 * limit in one GLPK call. */
static int want_exact(const struct engine *e)
{
	return !e->by_person && e->pb->n_vars <= PROVE_MAX_VARS;
}

static int run_exact(struct engine *e)
{
	double left = e->deadline - timer_now(), lb = -HUGE_VAL;
	double obj = e->res->objective;
	struct roster r;
	int rc;

	if (left <= 0 || timer_stop_requested())
		return 0;
	if (!e->keep)
		rc = prove_small(e->pb, e->best, left, &e->res->objective, &lb);
	else {
		/* A kept rota stays as it is, whatever GLPK returns: only
		 * the bound is wanted (a rota proven optimal was so before,
		 * and is again). */
		if (roster_setup(&r, e->pb, e->err))
			return -1;
		roster_copy(&r, e->best);
		rc = prove_small(e->pb, &r, left, &obj, &lb);
		roster_release(&r);
	}
	if (rc)
		return oom(e);
	if (lb > e->bound)
		e->bound = lb;
	e->proven = rel_gap(e->res->objective, e->bound) <= 1e-9;
	load_best(e);
	return 0;
}

/* GLPK's whole model, built once. */
static int need_fx(struct engine *e)
{
	if (!e->fx)
		e->fx = fixphase_new(e->pb, e->o->seed, e->t.t0, e->deadline,
				     e->work, e->err);
	return e->fx ? fixphase_offer(e->fx, e->best) : -1;
}

/* The incumbent of the whole model where it beats best; s from best;
 * whether the clock cut GLPK's phases. */
static int take_fx(struct engine *e)
{
	struct roster r;
	double obj;
	int rc;

	e->cut |= fixphase_cut(e->fx);
	if (roster_setup(&r, e->pb, e->err))
		return -1;
	rc = fixphase_rota(e->fx, &r, &obj);
	if (rc < 0) {
		roster_release(&r);
		return rota_error_add(e->err, ROTA_EINTERNAL, "two shifts on "
				      "one day (a bug)");
	}
	obj = constraints_cost(e->pb, &r);
	if (rc == 0 && obj < e->res->objective &&
	    !constraints_check(e->pb, &r, NULL)) {
		roster_copy(e->best, &r);
		e->res->objective = obj;
	}
	roster_release(&r);
	load_best(e);
	if (fixphase_bound(e->fx) > e->bound)
		e->bound = fixphase_bound(e->fx);
	if (rel_gap(e->res->objective, e->bound) <= 1e-9)
		e->proven = 1;
	return 0;
}

/* Where single-day moves can rarely keep the rules (the start had to be
 * built person by person) and the exact phase proved nothing. */
static int want_whole(const struct engine *e)
{
	return !e->keep && e->by_person;
}

/* GLPK's whole model is not even built once the limit has come: on
 * Instance21 (145,600 columns) building it took 7 s past a 60 s limit. */
static int past_limit(struct engine *e)
{
	if (timer_now() < e->deadline && !timer_stop_requested())
		return 0;
	e->cut = 1;
	return 1;
}

static int run_whole(struct engine *e)
{
	if (past_limit(e))
		return 0;
	if (need_fx(e) || fixphase_whole(e->fx, 0.25))
		return e->err->count ? -1 : oom(e);
	return take_fx(e);
}

/* Column generation (colphase.h) in place of the plain search on
 * problems of Stockport's size, from the rota meeting senior cover: that
 * rota stays the fallback however early the time limit cuts it. */
static int want_colgen(const struct engine *e)
{
	return !e->keep && e->colgen;
}

static int run_colgen(struct engine *e)
{
	double lb = -HUGE_VAL;
	int rc;

	if (past_limit(e))
		return 0;
	rc = colphase_run(&e->co, &e->s, e->t.t0, e->deadline, &lb, check,
			  &e->t);

	if (rc < 0)
		return oom(e);
	e->cut |= rc;
	if (lb > e->bound)
		e->bound = lb;
	keep_search(e);
	return 0;
}

static int want_search(const struct engine *e)
{
	return !e->keep && !e->colgen;
}

static int run_search(struct engine *e)
{
	search_run(&e->s, e->deadline, e->work,
		   e->threaded || e->o->gap <= 0 ? check : NULL, &e->t);
	e->cut |= e->s.cut;
	keep_search(e);
	return 0;
}

/* In a re-roster, the cells the start emptied filled again by whole
 * months, a ratio's two roles together (refill.h). */
static int want_refill(const struct engine *e)
{
	return !e->keep && refill_wanted(e->pb);
}

static int run_refill(struct engine *e)
{
	int moves;

	load_best(e);
	if ((moves = refill_run(&e->s, e->deadline)) < 0)
		return oom(e);
	e->cut |= e->s.cut;
	keep_search(e);
	diag_progress("%5.0fs  refill  moves kept %d, objective %.1f",
		      timer_now() - e->t.t0, moves, e->res->objective);
	return 0;
}

/* The block moves of moves.h and GLPK's sub-MIPs, until the deadline:
 * where the start was built person by person. */
static int want_fix(const struct engine *e)
{
	return !e->keep && e->by_person;
}

static int run_fix(struct engine *e)
{
	if (!e->fx && past_limit(e))
		return 0;
	if (need_fx(e) || fixphase_improve(e->fx))
		return e->err->count ? -1 : oom(e);
	return take_fx(e);
}

/*
 * The phases, in order.  Whether one runs is chosen from the input and
 * the options before it starts (never from the clock); a phase is
 * skipped once the rota is proven optimal or a --gap check has stopped
 * the run, and the first two always run.
 */
static const struct phase {
	const char *name;
	int (*wanted)(const struct engine *e);
	int (*run)(struct engine *e);
} phases[] = {
	{"start", want_always, run_start},
	{"seniors", want_always, run_seniors},
	{"exact", want_exact, run_exact},
	{"column generation", want_colgen, run_colgen},
	{"local search", want_search, run_search},
	{"refill", want_refill, run_refill},
	{"whole model", want_whole, run_whole},
	{"fix-and-optimise", want_fix, run_fix},
};

void solve_opts_init(struct solve_opts *o, double time_limit)
{
	o->time_limit = time_limit;
	o->gap = 0;
	o->seed = 0;
	o->work = 0;
	o->start = NULL;
	o->keep_start = 0;
}

void solve_engine(char *out, size_t n)
{
	const char *env = getenv("ROTA7_COLGEN");

	if (env)
		snprintf(out, n, "rota7 %s ROTA7_COLGEN=%s", ROTA7_VERSION, env);
	else
		snprintf(out, n, "rota7 %s", ROTA7_VERSION);
}

long solve_work(const struct solve_opts *o)
{
	return o->work > 0 ? o->work : SOLVE_DEFAULT_WORK;
}

/* Sets up e; -1 with err (and nothing held) on failure. */
static int engine_setup(struct engine *e, const struct problem *pb,
			const struct solve_opts *o, struct roster *best,
			struct solve_result *res, struct rota_error *err)
{
	struct rota_error why;
	int rc;

	memset(e, 0, sizeof(*e));
	memset(res, 0, sizeof(*res));
	e->pb = pb;
	e->o = o;
	e->best = best;
	e->res = res;
	e->err = err;
	e->bound = -HUGE_VAL;
	e->by_person = !o->start && !start_empty_legal(pb);
	e->work = o->work > 0 ? o->work : e->by_person ?
		  SOLVE_DEFAULT_WORK / SOLVE_BY_PERSON_SHARE : SOLVE_DEFAULT_WORK;
	res->seed = o->seed;
	res->work_budget = e->work;
	res->gap_option = o->gap;
	solve_engine(res->engine, sizeof(res->engine));
	res->objective = HUGE_VAL;
	e->t.t0 = e->t.last = timer_now();
	e->t.gap = o->gap;
	e->t.job = &e->job;
	e->deadline = e->t.t0 + o->time_limit;
	/* A start (a --previous rota made legal, pins, frozen days, or one
	 * built person by person) is already close to the answer: the
	 * column generation would rebuild the rota from nothing (on
	 * Stockport's sick-leave case its polished rota cost 2,476,946
	 * against the start's 1.72 M), so the plain search improves the
	 * start instead. */
	e->colgen = !o->start &&
		    colphase_wanted(pb, e->work, e->by_person, &e->co);
	rota_error_init(&why);
	/* A rule no rota can meet on one day is found before anything is
	 * searched, and said in full (dayproof.h). */
	if (roster_setup(best, pb, err) || dayproof_find(pb, err) ||
	    bound_setup(&e->bd, pb, err))
		return -1;
	rc = search_setup(&e->s, pb, o->seed, &why);
	if (rc) {
		bound_release(&e->bd);
		if (why.status == ROTA_EINFEASIBLE)
			return nolegal_infeasible(&why, err);
		rota_error_add(err, ROTA_EINTERNAL, "%s", rota_error_last_text(&why));
		rota_error_release(&why);
		return -1;
	}
	rc = start_bound(&e->job, &e->bd, best, e->work, e->deadline,
			 &e->th);
	if (rc < 0) {
		bound_release(&e->bd);
		search_release(&e->s);
		return oom(e);
	}
	e->threaded = rc == 0;
	e->bound_on = 1;
	return 0;
}

/* Ends the bound and frees what the phases held; quit: at once. */
static void engine_release(struct engine *e, int quit)
{
	if (e->bound_on)
		end_bound(&e->job, e->th, e->threaded, quit);
	bound_release(&e->bd);
	search_release(&e->s);
	fixphase_free(e->fx);
	e->fx = NULL;
}

/* After the phases: the one final check, the one bound and gap. */
static int engine_finish(struct engine *e)
{
	const struct problem *pb = e->pb;
	struct solve_result *res = e->res;
	struct rota_error why;

	rota_error_init(&why);
	res->work = e->s.rounds;
	res->stopped_by = e->proven || e->t.stopped == SOLVE_STOP_OPTIMAL ?
			  SOLVE_STOP_OPTIMAL : e->t.have_stop ? e->t.stopped :
			  timer_stop_requested() ? SOLVE_STOP_INTERRUPT :
			  e->cut || e->s.cut ? SOLVE_STOP_TIME :
			  SOLVE_STOP_WORK;
	if (timer_stop_requested())
		diag_progress("%5.0fs  interrupted: keeping the best rota so far",
			      timer_now() - e->t.t0);
	end_bound(&e->job, e->th, e->threaded, e->proven || e->t.have_stop ||
		  res->stopped_by == SOLVE_STOP_INTERRUPT);
	e->bound_on = 0;
	if (e->job.cut && res->stopped_by == SOLVE_STOP_WORK)
		res->stopped_by = SOLVE_STOP_TIME;
	res->bound = fmax(e->bd.best, e->bound);
	diag_progress("%5.0fs  bound %.1f after %ld steps; search %ld rounds, "
		      "%s", timer_now() - e->t.t0, res->bound, e->bd.iterations,
		      e->s.rounds, stop_name(res->stopped_by));
	/* The search's rota where it beats best, or where best breaks a
	 * rule the search has since repaired (a shift removed from a
	 * --previous rota can leave a ratio short). */
	if (!e->proven && (constraints_cost(pb, &e->s.r) < res->objective ||
			   (constraints_check(pb, e->best, NULL) &&
			    !constraints_check(pb, &e->s.r, NULL))))
		roster_copy(e->best, &e->s.r);
	if (search_senior_short(&e->s) > 0 &&
	    constraints_check(pb, e->best, &why))
		return nolegal_unproven(&why, e->o->time_limit, e->err);
	if (constraints_check(pb, e->best, &why)) {
		rota_error_add(e->err, ROTA_EINTERNAL, "the rota found breaks a "
			       "rule (a bug): %s", rota_error_last_text(&why));
		rota_error_release(&why);
		return -1;
	}
	res->objective = constraints_cost(pb, e->best);
	if (res->bound > res->objective + 1e-6 * fmax(fabs(res->objective), 1))
		diag_warn("bound %.3f above the rota's objective %.3f (a bug)",
			  res->bound, res->objective);
	if (res->bound > res->objective)
		res->bound = res->objective;
	/* The loader takes no negative weight, penalty or price, so no rota
	 * costs less than 0: a Lagrangian bound far from its multipliers'
	 * optimum (it went to -125,554 on a recruited Stockport) says less
	 * than the trivial one, which issue 14 asks to be 0. */
	if (!(res->bound >= 0))
		res->bound = 0;
	res->gap = isinf(res->bound) ? HUGE_VAL : rel_gap(res->objective,
							      res->bound);
	res->optimal = res->gap <= 1e-9;
	res->seconds = timer_now() - e->t.t0;
	res->uncovered_hours = measure_uncovered_hours(pb, e->best);
	return 0;
}

int solve_run(const struct problem *pb, const struct solve_opts *o,
	      struct roster *best, struct solve_result *res,
	      struct rota_error *err)
{
	struct engine e;
	size_t i;
	int rc = 0;

	if (engine_setup(&e, pb, o, best, res, err))
		return -1;
	for (i = 0; i < sizeof(phases) / sizeof(phases[0]) && !rc; i++) {
		if (i >= 2 && (e.proven || e.t.have_stop))
			break;
		if (!phases[i].wanted(&e))
			continue;
		if (getenv("ROTA7_PHASES"))
			diag_progress("%5.0fs  phase %s, best %.1f",
				      timer_now() - e.t.t0, phases[i].name,
				      e.res->objective);
		rc = phases[i].run(&e);
	}
	if (!rc)
		rc = engine_finish(&e);
	engine_release(&e, 1);
	return rc;
}
