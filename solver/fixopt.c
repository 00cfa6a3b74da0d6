#include "fixopt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "model.h"
#include "moves.h"
#include "month.h"
#include "rng.h"
#include "local_search.h"
#include "timer.h"
#include "measure.h"

struct fixopt {
	const struct problem *pb;
	struct model *m;
	struct build b;
	size_t n_cols;
	double *x;              /* [n_cols]: the incumbent */
	double obj;             /* its objective (MODEL_INF: none) */
	double glpk_best;       /* GLPK's incumbent during step 1 */
	double bound;
	double t0, deadline;
	double last_progress;
	uint64_t rng;
	unsigned char *window;  /* [n_vars]: free in this sub-MIP */
	int staff_k, days_k;    /* window sizes, adapted as we go */
	long rounds, kept;
	double move_share;      /* of each slice spent on block moves */
};

static int below(struct fixopt *f, int n)
{
	return n > 0 ? (int)rng_below(&f->rng, (size_t)n) : 0;
}

static void progress(struct fixopt *f, const char *phase, int force)
{
	double now = timer_now();
	double best = fmin(f->obj, f->glpk_best);
	double gap;

	if (!force && now - f->last_progress < 2.0)
		return;
	f->last_progress = now;
	if (isinf(best)) {
		diag_progress("%5.0fs  %s  no rota yet  bound %.1f", now - f->t0,
			      phase, f->bound);
		return;
	}
	gap = (best - f->bound) / fmax(fabs(best), 1);
	diag_progress("%5.0fs  %s  best %.1f  bound %.1f  gap %.2f%%",
		      now - f->t0, phase, best, f->bound, 100 * gap);
}

static void tick(void *ctx, double best, double bound)
{
	struct fixopt *f = ctx;

	if (bound > f->bound && !isinf(bound))
		f->bound = bound;
	if (best < f->glpk_best)
		f->glpk_best = best;
	progress(f, "glpk", 0);
}

static void take(struct fixopt *f, double objective)
{
	size_t j;

	for (j = 0; j < f->n_cols; j++)
		f->x[j] = model_value(f->m, (int)j);
	f->obj = objective;
}

static int has_solution(const struct model_result *r)
{
	return r->status == MODEL_OPTIMAL || r->status == MODEL_FEASIBLE;
}

static double left(const struct fixopt *f)
{
	return f->deadline - timer_now();
}

static void opts_for(struct model_opts *o, struct fixopt *f, double seconds)
{
	memset(o, 0, sizeof(*o));
	o->time_limit = seconds;
	o->presolve = 1;
	o->stop = timer_stop_requested;
	o->tick = tick;
	o->tick_ctx = f;
	o->verbose = getenv("ROTA7_GLPK_VERBOSE") != NULL;
}

static void unfix(struct fixopt *f)
{
	size_t v;

	for (v = 0; v < f->pb->n_vars; v++)
		model_set_bounds(f->m, f->b.x[v], 0, 1);
}

/* Fixes every assignment at its value in r, or frees the window's. */
static void fix_to(struct fixopt *f, const struct roster *r)
{
	const struct problem *pb = f->pb;
	size_t v;

	for (v = 0; v < pb->n_vars; v++) {
		double val = roster_get(r, pb->vars[v].p, pb->vars[v].d) == v;

		if (f->window[v])
			model_set_bounds(f->m, f->b.x[v], 0, 1);
		else
			model_set_bounds(f->m, f->b.x[v], val, val);
	}
}

/* What one more shift of var v is worth to the rota so far. */
static double greedy_cost(const struct problem *pb, const struct roster *r,
			  size_t v)
{
	const struct var *x = &pb->vars[v];
	double c = 0;
	size_t i;

	for (i = 0; i < x->n_cells; i++) {
		const struct cell *ce = &pb->cells[pb->var_cells[x->first_cell + i]];

		c += r->on_duty[pb->var_cells[x->first_cell + i]] < ce->required
			     ? -ce->under_cost : ce->over_cost;
	}
	return c;
}

/* What a first rota for one person, or for everyone, came to. */
enum construct_result {
	CONSTRUCT_DONE = 0,       /* the shifts are set */
	CONSTRUCT_IMPOSSIBLE = 1, /* GLPK proved the person's rules admit
	                             no rota */
	CONSTRUCT_NOT_FOUND = 2,  /* none found in the time given */
	CONSTRUCT_ENOMEM = -1
};

/* By dynamic programming first (month.h), kept if p's rules hold:
 * 1 kept, 0 not, -1 out of memory. */
static int month_first(struct fixopt *f, int p, struct roster *r)
{
	const struct problem *pb = f->pb;
	double *price = calloc(pb->n_vars + 1, sizeof(double));
	size_t first, end, v;
	int d, ok = 0;

	if (!price)
		return -1;
	for (d = 0; d < pb->days; d++) {
		problem_day_vars(pb, p, d, &first, &end);
		for (v = first; v < end; v++)
			price[v] = greedy_cost(pb, r, v);
	}
	if (month_person(pb, p, price, r) == MONTH_FOUND) {
		ok = !constraints_check_person(pb, r, p, NULL);
		if (!ok)
			for (d = 0; d < pb->days; d++)
				roster_set(r, p, d, ROSTER_NONE);
	}
	free(price);
	return ok;
}

/* Person p's own rules alone (they are independent of everyone else's),
 * preferring the cover the rota still lacks; p's shifts set in r when
 * CONSTRUCT_DONE. */
static enum construct_result construct_person(struct fixopt *f, int p,
					      struct roster *r)
{
	const struct problem *pb = f->pb;
	struct model *m = model_new("rota7-person");
	struct model_opts o;
	struct model_result res = {0};
	struct rota_error err;
	struct build b = {0};
	unsigned char *keep = calloc(pb->n_vars + 1, 1);
	size_t v;
	enum construct_result rc = CONSTRUCT_ENOMEM;
	int kept;

	rota_error_init(&err);
	if (!m || !keep)
		goto out;
	kept = month_first(f, p, r);
	if (kept) {
		rc = kept > 0 ? CONSTRUCT_DONE : CONSTRUCT_ENOMEM;
		goto out;
	}
	for (v = 0; v < pb->n_vars; v++)
		keep[v] = pb->vars[v].p == p;
	if (constraints_build_for(&b, pb, m, keep, &err))
		goto out;
	for (v = 0; v < pb->n_vars; v++)
		if (keep[v])
			model_set_cost(m, b.x[v], greedy_cost(pb, r, v));
	/* A good rota for p soon, not the best one late: the windows and
	 * moves improve it afterwards. */
	opts_for(&o, f, fmin(0.25, fmax(0.05, left(f) / 4 /
					(double)pb->sc->n_staff)));
	o.tick = NULL;
	o.gap = 0.05;
	if (model_solve_mip(m, &o, &res))
		goto out;
	if (res.status == MODEL_UNKNOWN) {
		/* Any rota for p at all: no objective to steer the dives. */
		for (v = 0; v < pb->n_vars; v++)
			if (keep[v])
				model_set_cost(m, b.x[v], 0);
		opts_for(&o, f, fmax(1.0, left(f) / 3));
		o.tick = NULL;
		o.first_feasible = 1;
		if (model_solve_mip(m, &o, &res))
			goto out;
	}
	rc = res.status == MODEL_INFEASIBLE ? CONSTRUCT_IMPOSSIBLE
					    : CONSTRUCT_DONE;
	if (has_solution(&res))
		for (v = 0; v < pb->n_vars; v++)
			if (keep[v] && model_value(m, b.x[v]) > 0.5)
				roster_set(r, p, pb->vars[v].d, v);
	if (res.status == MODEL_UNKNOWN)
		rc = CONSTRUCT_NOT_FOUND;
out:
	if (b.x)
		constraints_build_release(&b);
	model_free(m);
	free(keep);
	rota_error_release(&err);
	return rc;
}

static int to_roster(struct fixopt *f, struct roster *r);

/* Makes rota r the incumbent if it is better: the whole model with every
 * assignment fixed gives the values of the other columns. */
static int load_roster(struct fixopt *f, const struct roster *r)
{
	struct model_opts o;
	struct model_result res;
	int rc;

	memset(f->window, 0, f->pb->n_vars);
	fix_to(f, r);
	opts_for(&o, f, fmax(1.0, left(f)));
	o.tick = NULL;
	rc = model_solve_mip(f->m, &o, &res);
	if (!rc && has_solution(&res) &&
	    res.objective < f->obj - 1e-6)
		take(f, res.objective);
	unfix(f);
	return rc;
}

/* Step 0: a first legal rota, person by person; then the whole model
 * with every assignment fixed gives the values of all other columns.
 * *who is the person a CONSTRUCT_IMPOSSIBLE or _NOT_FOUND is about. */
static enum construct_result construct(struct fixopt *f, int *who)
{
	const struct problem *pb = f->pb;
	struct roster r;
	size_t p;
	enum construct_result rc = CONSTRUCT_DONE;

	if (roster_setup(&r, pb, NULL))
		return CONSTRUCT_ENOMEM;
	for (p = 0; p < pb->sc->n_staff && !rc; p++) {
		rc = construct_person(f, (int)p, &r);
		*who = (int)p;
	}
	if (!rc)
		rc = load_roster(f, &r) ? CONSTRUCT_ENOMEM :
		     isinf(f->obj) ? CONSTRUCT_NOT_FOUND : CONSTRUCT_DONE;
	roster_release(&r);
	return rc;
}

/* Step 1: the whole integer program.  With its presolver GLPK does
 * better without the start than with it (measured on Instance2-5), so
 * the rota so far is kept aside and the better of the two wins. */
static int whole(struct fixopt *f, double share)
{
	struct model_opts o;
	struct model_result r;

	opts_for(&o, f, fmax(1.0, left(f) * share));

	if (model_solve_mip(f->m, &o, &r))
		return -1;
	if (has_solution(&r) &&
	    r.objective < f->obj - 1e-6)
		take(f, r.objective);
	if (r.status == MODEL_OPTIMAL)
		f->bound = fmin(r.objective, f->obj);
	else if (r.bound > f->bound && !isinf(r.bound))
		f->bound = r.bound;
	return 0;
}

/* Frees the window's assignments and fixes every other at its value. */
static void fix_outside(struct fixopt *f)
{
	const struct problem *pb = f->pb;
	size_t v;

	for (v = 0; v < pb->n_vars; v++) {
		int j = f->b.x[v];
		double val = f->x[j] > 0.5 ? 1 : 0;

		if (f->window[v])
			model_set_bounds(f->m, j, 0, 1);
		else
			model_set_bounds(f->m, j, val, val);
	}
}

/* A window of staff_k people over the whole horizon, or of everyone
 * over days_k days, taken in turn. */
static void pick_window(struct fixopt *f, int by_days)
{
	const struct problem *pb = f->pb;
	int n = (int)pb->sc->n_staff, i, p, first;
	size_t v;

	memset(f->window, 0, pb->n_vars);
	if (by_days) {
		/* Half the staff, picked at random, over days_k days: all of
		 * them makes sub-MIPs GLPK rarely finishes. */
		unsigned char *in = calloc((size_t)n + 1, 1);

		if (!in)
			return;
		for (i = 0; i < (n + 1) / 2; i++)
			in[below(f, n)] = 1;
		first = below(f, pb->days - f->days_k + 1);
		for (v = 0; v < pb->n_vars; v++)
			f->window[v] = in[pb->vars[v].p] &&
				       pb->vars[v].d >= first &&
				       pb->vars[v].d < first + f->days_k;
		free(in);
		return;
	}
	for (i = 0; i < f->staff_k; i++) {
		size_t a, e;
		int d;

		p = below(f, n);
		for (d = 0; d < pb->days; d++) {
			problem_day_vars(pb, p, d, &a, &e);
			for (v = a; v < e; v++)
				f->window[v] = 1;
		}
	}
}

static void adapt(int *k, int lo, int hi, int grow)
{
	if (grow && *k < hi)
		(*k)++;
	else if (!grow && *k > lo)
		(*k)--;
}

/* Step 2: one sub-MIP. */
static int improve_once(struct fixopt *f, int by_days)
{
	struct model_opts o;
	struct model_result r;
	double limit = fmin(left(f), 1.0 + 0.01 * (f->deadline - f->t0));
	double t = timer_now();
	int quick;

	pick_window(f, by_days);
	fix_outside(f);
	opts_for(&o, f, limit);
	o.tick = NULL;

	if (model_solve_mip(f->m, &o, &r))
		return -1;
	f->rounds++;
	if (has_solution(&r) &&
	    r.objective < f->obj - 1e-6) {
		take(f, r.objective);
		f->kept++;
	}
	quick = r.status == MODEL_OPTIMAL && timer_now() - t < limit / 4;
	if (by_days)
		adapt(&f->days_k, 2, f->pb->days, quick);
	else
		adapt(&f->staff_k, 1, (int)f->pb->sc->n_staff, quick);
	progress(f, "fix-and-optimise", 0);
	return 0;
}

/* Block moves (moves.h) from the incumbent for `seconds`. */
static int polish(struct fixopt *f, double seconds)
{
	struct roster r;
	int rc = -1;

	if (roster_setup(&r, f->pb, NULL))
		return -1;
	if (!to_roster(f, &r) && !moves_run(f->pb, &r, rng_next(&f->rng),
					     timer_now() + seconds))
		rc = constraints_cost(f->pb, &r) < f->obj - 1e-6
			     ? load_roster(f, &r) : 0;
	roster_release(&r);
	progress(f, "moves", 0);
	return rc;
}

/* Step 2: block moves and sub-MIPs in turn, slice by slice: the moves
 * are cheap and many, the sub-MIPs see further. */
static int improve(struct fixopt *f)
{
	double slice = 1.0 + 0.02 * (f->deadline - f->t0);
	int by_days = 0;

	while (left(f) > 0.2 && !timer_stop_requested() && f->obj > f->bound + 1e-6) {
		double until = timer_now() + fmin(slice, left(f));

		if (polish(f, fmin(slice, left(f)) * f->move_share))
			return -1;
		while (timer_now() < until && !timer_stop_requested() &&
		       f->obj > f->bound + 1e-6) {
			if (improve_once(f, by_days))
				return -1;
			by_days = !by_days;
		}
	}
	unfix(f);
	return 0;
}

static int to_roster(struct fixopt *f, struct roster *r)
{
	const struct problem *pb = f->pb;
	size_t v;

	for (v = 0; v < pb->n_vars; v++)
		if (f->x[f->b.x[v]] > 0.5) {
			if (roster_get(r, pb->vars[v].p, pb->vars[v].d) != ROSTER_NONE)
				return -1;
			roster_set(r, pb->vars[v].p, pb->vars[v].d, v);
		}
	return 0;
}

static int finish(struct fixopt *f, struct roster *best,
		  struct solve_result *res, struct rota_error *err)
{
	const struct problem *pb = f->pb;
	struct rota_error why;

	if (to_roster(f, best)) {
		rota_error_add(err, ROTA_EINTERNAL, "two shifts on one day (a bug)");
		return -1;
	}
	rota_error_init(&why);
	if (constraints_check(pb, best, &why)) {
		rota_error_add(err, ROTA_EINTERNAL, "the rota found breaks a rule "
			       "(a bug): %s", rota_error_last_text(&why));
		rota_error_release(&why);
		return -1;
	}
	res->objective = constraints_cost(pb, best);
	if (fabs(res->objective - f->obj) > 1e-6 * fmax(1, fabs(f->obj)))
		diag_warn("model objective %.3f differs from the rota's %.3f (a "
			  "bug)", f->obj, res->objective);
	res->bound = fmin(f->bound, res->objective);
	res->gap = isinf(res->bound) ? HUGE_VAL
		   : (res->objective - res->bound) / fmax(fabs(res->objective), 1);
	res->optimal = res->gap <= 1e-9;
	res->seconds = timer_now() - f->t0;
	res->uncovered_hours = measure_uncovered_hours(pb, best);
	res->stopped_by = res->optimal ? SOLVE_STOP_OPTIMAL :
			  timer_stop_requested() ? SOLVE_STOP_INTERRUPT :
			  SOLVE_STOP_TIME;
	return 0;
}

static void release(struct fixopt *f)
{
	if (f->b.x)
		constraints_build_release(&f->b);
	model_free(f->m);
	free(f->x);
	free(f->window);
}

int fixopt_run(const struct problem *pb, const struct solve_opts *o,
	       struct roster *best, struct solve_result *res,
	       struct rota_error *err)
{
	struct fixopt f;
	enum construct_result st;
	int rc = -1, who = 0;

	memset(&f, 0, sizeof(f));
	memset(res, 0, sizeof(*res));
	f.pb = pb;
	f.t0 = f.last_progress = timer_now();
	f.deadline = f.t0 + o->time_limit;
	f.rng = o->seed;
	f.obj = f.glpk_best = MODEL_INF;
	f.bound = -MODEL_INF;
	f.staff_k = 2;
	/* Half and half: better than a fifth on moves on Instance2-7. */
	f.move_share = 0.5;
	f.days_k = 7 < pb->days ? 7 : pb->days;
	if (roster_setup(best, pb, err))
		goto oom;
	f.m = model_new("rota7");
	if (!f.m || constraints_build(&f.b, pb, f.m, 0, NULL, err))
		goto oom;
	f.n_cols = model_n_cols(f.m);
	f.x = calloc(f.n_cols + 1, sizeof(double));
	f.window = malloc(pb->n_vars + 1);
	if (!f.x || !f.window)
		goto oom;
	diag_progress("%5.0fs  glpk  %zu columns, %zu rows", 0.0, f.n_cols,
		      model_n_rows(f.m));
	st = construct(&f, &who);
	if (st == CONSTRUCT_ENOMEM)
		goto oom;
	if (st == CONSTRUCT_IMPOSSIBLE) {
		rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard "
			       "rules of '%s' (days off, total hours, runs in a "
			       "row, weekends, shift limits): GLPK proved that "
			       "they admit none over the horizon",
			       pb->sc->staff[who].id);
		goto out;
	}
	if (st != CONSTRUCT_DONE) {
		/* Not a proof: exit 5, or 130 when stopped. */
		rota_error_add(err, timer_stop_requested() ? ROTA_EINTERRUPTED :
			       ROTA_ELIMIT, "no rota keeping the hard rules of "
			       "'%s' was found %s; that is no proof that none "
			       "exists; nothing written", pb->sc->staff[who].id,
			       timer_stop_requested() ? "before the interrupt" :
			       "within the time limit (a longer --time-limit may "
			       "find one)");
		goto out;
	}
	progress(&f, "construct", 1);
	if (whole(&f, 0.25))
		goto oom;
	progress(&f, "glpk", 1);
	if (improve(&f))
		goto oom;
	diag_progress("%5.0fs  fix-and-optimise  %ld sub-MIPs, %ld improved",
		      timer_now() - f.t0, f.rounds, f.kept);
	if (timer_stop_requested())
		diag_progress("%5.0fs  interrupted: keeping the best rota so far",
			      timer_now() - f.t0);
	progress(&f, "done", 1);
	rc = finish(&f, best, res, err);
	goto out;
oom:
	if (err && !err->count)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
out:
	release(&f);
	return rc;
}
