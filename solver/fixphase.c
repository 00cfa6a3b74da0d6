#include "fixphase.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "model.h"
#include "moves.h"
#include "rng.h"
#include "timer.h"

/*
 * Counted budgets, so that a run repeats for its seed on any machine at
 * any load (the time limit only caps them).  A subproblem of GLPK and a
 * slice of step 2 cost about in proportion to the model's columns (C&Q
 * 1-10 on a 2-core machine of 2026: 0.35-0.7 ms a column a slice), so
 * the whole model gets WHOLE_NODE_WORK / columns^2 subproblems (at least
 * WHOLE_NODES_LEAST), its subproblems growing dearer faster than its
 * columns (Instance1, 148 columns: proven optimal in its 4,109, not in
 * 1,000; Instance8, 2,502 columns: 239 took more than its quarter of
 * the time left) and step 2 work x SLICE_WORK / columns slices
 * (about 25 s of the default 500 at any size; the larger instances' time
 * limit cuts them first), each TRIES_PER_VAR moves an assignment and
 * SUBS_PER_SLICE sub-MIPs of SUB_NODES subproblems.
 */
#define WHOLE_NODE_WORK 90000000.0
#define WHOLE_NODES_LEAST 20
#define SLICE_WORK 110
#define SUB_NODES 300
#define SUBS_PER_SLICE 3
#define TRIES_PER_VAR 400

struct fixphase {
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
	long slices;            /* step 2's budget */
	long nodes, tries;      /* counted: GLPK subproblems, moves tried */
	int cut;                /* the clock cut a solve or step 2 */
};

static int below(struct fixphase *f, int n)
{
	return n > 0 ? (int)rng_below(&f->rng, (size_t)n) : 0;
}

static void progress(struct fixphase *f, const char *phase, int force)
{
	double now = timer_now();
	double best = fmin(f->obj, f->glpk_best);
	double gap;

	if (!force && now - f->last_progress < 2.0)
		return;
	f->last_progress = now;
	if (!(f->bound > -1e300)) {
		diag_progress("%5.0fs  %s  best %.1f", now - f->t0, phase, best);
		return;
	}
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
	struct fixphase *f = ctx;

	if (bound > f->bound && !isinf(bound))
		f->bound = bound;
	if (best < f->glpk_best)
		f->glpk_best = best;
	progress(f, "glpk", 0);
}

static void take(struct fixphase *f, double objective)
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

/* A solve's nodes counted; a solve that ended short of its node limit
 * without a proof was cut by the clock (or a stop). */
static void count(struct fixphase *f, const struct model_result *r,
		  long node_limit)
{
	f->nodes += r->nodes;
	if (r->status != MODEL_OPTIMAL && r->status != MODEL_INFEASIBLE &&
	    r->nodes <= node_limit)
		f->cut = 1;
}

static double left(const struct fixphase *f)
{
	return f->deadline - timer_now();
}

static void opts_for(struct model_opts *o, struct fixphase *f, double seconds)
{
	memset(o, 0, sizeof(*o));
	o->time_limit = seconds;
	o->presolve = 1;
	o->stop = timer_stop_requested;
	o->tick = tick;
	o->tick_ctx = f;
	o->verbose = getenv("ROTA7_GLPK_VERBOSE") != NULL;
}

static void unfix(struct fixphase *f)
{
	size_t v;

	for (v = 0; v < f->pb->n_vars; v++)
		model_set_bounds(f->m, f->b.x[v], 0, 1);
}

/* Fixes every assignment at its value in r, or frees the window's. */
static void fix_to(struct fixphase *f, const struct roster *r)
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

static int to_roster(struct fixphase *f, struct roster *r);

/* Makes rota r the incumbent if it is better: the whole model with every
 * assignment fixed gives the values of the other columns. */
static int load_roster(struct fixphase *f, const struct roster *r)
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

/* Step 1: the whole integer program.  With its presolver GLPK does
 * better without the start than with it (measured on Instance2-5), so
 * the rota so far is kept aside and the better of the two wins. */
static int whole(struct fixphase *f, double share)
{
	struct model_opts o;
	struct model_result r;

	opts_for(&o, f, fmax(1.0, left(f) * share));
	o.node_limit = (long)(WHOLE_NODE_WORK / ((double)f->n_cols *
						 (double)f->n_cols + 1));
	if (o.node_limit < WHOLE_NODES_LEAST)
		o.node_limit = WHOLE_NODES_LEAST;

	if (model_solve_mip(f->m, &o, &r))
		return -1;
	count(f, &r, o.node_limit);
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
static void fix_outside(struct fixphase *f)
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
static void pick_window(struct fixphase *f, int by_days)
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
static int improve_once(struct fixphase *f, int by_days)
{
	struct model_opts o;
	struct model_result r;
	/* a cap only: SUB_NODES ends a sub-MIP well before it */
	double limit = fmin(left(f), 1.0 + 0.05 * (f->deadline - f->t0));
	int quick;

	pick_window(f, by_days);
	fix_outside(f);
	opts_for(&o, f, limit);
	o.tick = NULL;
	o.node_limit = SUB_NODES;

	if (model_solve_mip(f->m, &o, &r))
		return -1;
	count(f, &r, SUB_NODES);
	f->rounds++;
	if (has_solution(&r) &&
	    r.objective < f->obj - 1e-6) {
		take(f, r.objective);
		f->kept++;
	}
	quick = r.status == MODEL_OPTIMAL && r.nodes < SUB_NODES / 4;
	if (by_days)
		adapt(&f->days_k, 2, f->pb->days, quick);
	else
		adapt(&f->staff_k, 1, (int)f->pb->sc->n_staff, quick);
	progress(f, "fix-and-optimise", 0);
	return 0;
}

/* Block moves (moves.h) from the incumbent, TRIES_PER_VAR for each
 * assignment of the model. */
static int polish(struct fixphase *f)
{
	struct roster r;
	long tries = TRIES_PER_VAR * (long)f->pb->n_vars;
	int rc = -1;

	if (roster_setup(&r, f->pb, NULL))
		return -1;
	f->tries += tries;
	if (!to_roster(f, &r) && !moves_run(f->pb, &r, rng_next(&f->rng),
					     tries, f->deadline))
		rc = constraints_cost(f->pb, &r) < f->obj - 1e-6
			     ? load_roster(f, &r) : 0;
	if (timer_now() >= f->deadline || timer_stop_requested())
		f->cut = 1;   /* the moves may have ended before their tries */
	roster_release(&r);
	progress(f, "moves", 0);
	return rc;
}

static int open_gap(const struct fixphase *f)
{
	return f->obj > f->bound + 1e-6;
}

/* Whether the deadline (or a stop) has come; it then cuts step 2. */
static int out_of_time(struct fixphase *f)
{
	if (left(f) > 0.2 && !timer_stop_requested())
		return 0;
	f->cut = 1;
	return 1;
}

/* Step 2: block moves and sub-MIPs in turn, slice by slice: the moves
 * are cheap and many, the sub-MIPs see further. */
static int improve(struct fixphase *f)
{
	long i;
	int by_days = 0, k;

	for (i = 0; i < f->slices && open_gap(f) && !out_of_time(f); i++) {
		if (polish(f))
			return -1;
		for (k = 0; k < SUBS_PER_SLICE && open_gap(f); k++) {
			/* GLPK reads a time limit of 0 as none: a sub-MIP
			 * begun at the deadline would run to its nodes */
			if (out_of_time(f))
				break;
			if (improve_once(f, by_days))
				return -1;
			by_days = !by_days;
		}
	}
	unfix(f);
	return 0;
}

static int to_roster(struct fixphase *f, struct roster *r)
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


static void release(struct fixphase *f)
{
	if (f->b.x)
		constraints_build_release(&f->b);
	model_free(f->m);
	free(f->x);
	free(f->window);
}

struct fixphase *fixphase_new(const struct problem *pb, uint64_t seed,
			      double t0, double deadline, long work,
			      struct rota_error *err)
{
	struct fixphase *f = calloc(1, sizeof(*f));

	if (!f)
		goto oom;
	f->pb = pb;
	f->t0 = t0;
	f->last_progress = timer_now();
	f->deadline = deadline;
	f->rng = seed;
	f->obj = f->glpk_best = MODEL_INF;
	f->bound = -MODEL_INF;
	f->staff_k = 2;
	f->days_k = 7 < pb->days ? 7 : pb->days;
	f->m = model_new("rota7");
	if (!f->m || constraints_build(&f->b, pb, f->m, 0, NULL, err))
		goto oom;
	f->n_cols = model_n_cols(f->m);
	f->slices = work * SLICE_WORK / (long)(f->n_cols + 1);
	if (f->slices < 1)
		f->slices = 1;
	f->x = calloc(f->n_cols + 1, sizeof(double));
	f->window = malloc(pb->n_vars + 1);
	if (!f->x || !f->window)
		goto oom;
	diag_progress("%5.0fs  glpk  %zu columns, %zu rows", timer_now() - t0,
		      f->n_cols, model_n_rows(f->m));
	return f;
oom:
	if (err && !err->count)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (f)
		release(f);
	free(f);
	return NULL;
}

void fixphase_free(struct fixphase *f)
{
	if (!f)
		return;
	release(f);
	free(f);
}

int fixphase_offer(struct fixphase *f, const struct roster *r)
{
	return load_roster(f, r);
}

int fixphase_whole(struct fixphase *f, double share)
{
	int rc = whole(f, share);

	progress(f, "glpk", 1);
	return rc;
}

int fixphase_improve(struct fixphase *f)
{
	if (improve(f))
		return -1;
	diag_progress("%5.0fs  fix-and-optimise  %ld sub-MIPs, %ld improved; "
		      "%ld glpk subproblems, %ld moves tried%s",
		      timer_now() - f->t0, f->rounds, f->kept, f->nodes,
		      f->tries, f->cut ? "; cut by the clock" : "");
	return 0;
}

int fixphase_rota(struct fixphase *f, struct roster *r, double *objective)
{
	size_t p;
	int d;

	if (isinf(f->obj))
		return 1;
	for (p = 0; p < f->pb->sc->n_staff; p++)
		for (d = 0; d < f->pb->days; d++)
			roster_set(r, (int)p, d, ROSTER_NONE);
	if (to_roster(f, r))
		return -1;
	*objective = f->obj;
	return 0;
}

double fixphase_bound(const struct fixphase *f)
{
	return f->bound;
}

int fixphase_cut(const struct fixphase *f)
{
	return f->cut;
}
