#include "start.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "diag.h"
#include "model.h"
#include "month.h"
#include "timer.h"

int start_empty_legal(const struct problem *pb)
{
	struct roster r;
	size_t p;
	int ok = 1;

	if (roster_setup(&r, pb, NULL))
		return 0;
	for (p = 0; p < pb->sc->n_staff && ok; p++)
		ok = !constraints_check_person(pb, &r, (int)p, NULL);
	roster_release(&r);
	return ok;
}

/* What one more shift of var v is worth to the rota so far. */
static double greedy_cost(const struct problem *pb, const struct roster *r,
			  size_t v)
{
	const struct var *x = &pb->vars[v];
	double c = 0;
	size_t i;

	for (i = 0; i < x->n_cells; i++) {
		size_t cell = pb->var_cells[x->first_cell + i];
		const struct cell *ce = &pb->cells[cell];

		c += r->on_duty[cell] < ce->required ? -ce->under_cost
						     : ce->over_cost;
	}
	return c;
}

/* By dynamic programming first (month.h), kept if p's rules hold:
 * 1 kept, 0 not, -1 out of memory. */
static int month_first(const struct problem *pb, int p, struct roster *r)
{
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

static void opts_for(struct model_opts *o, double seconds)
{
	memset(o, 0, sizeof(*o));
	o->time_limit = seconds;
	o->presolve = 1;
	o->stop = timer_stop_requested;
	o->verbose = getenv("ROTA7_GLPK_VERBOSE") != NULL;
}

static int has_solution(const struct model_result *r)
{
	return r->status == MODEL_OPTIMAL || r->status == MODEL_FEASIBLE;
}

/* p's own rules alone on GLPK, preferring the cover the rota lacks. */
static enum start_result glpk_person(const struct problem *pb, int p,
				     double deadline, struct roster *r)
{
	struct model *m = model_new("rota7-person");
	struct model_opts o;
	struct model_result res = {0};
	struct rota_error err;
	struct build b = {0};
	unsigned char *keep = calloc(pb->n_vars + 1, 1);
	double left = deadline - timer_now();
	size_t v;
	enum start_result rc = START_ENOMEM;

	rota_error_init(&err);
	if (!m || !keep)
		goto out;
	for (v = 0; v < pb->n_vars; v++)
		keep[v] = pb->vars[v].p == p;
	if (constraints_build_for(&b, pb, m, keep, &err))
		goto out;
	for (v = 0; v < pb->n_vars; v++)
		if (keep[v])
			model_set_cost(m, b.x[v], greedy_cost(pb, r, v));
	/* A good rota for p soon, not the best one late: the later phases
	 * improve it. */
	opts_for(&o, fmin(0.25, fmax(0.05, left / 4 / (double)pb->sc->n_staff)));
	o.gap = 0.05;
	if (model_solve_mip(m, &o, &res))
		goto out;
	if (res.status == MODEL_UNKNOWN) {
		/* Any rota for p at all: no objective to steer the dives. */
		for (v = 0; v < pb->n_vars; v++)
			if (keep[v])
				model_set_cost(m, b.x[v], 0);
		opts_for(&o, fmax(1.0, (deadline - timer_now()) / 3));
		o.first_feasible = 1;
		if (model_solve_mip(m, &o, &res))
			goto out;
	}
	rc = res.status == MODEL_INFEASIBLE ? START_IMPOSSIBLE : START_DONE;
	if (has_solution(&res))
		for (v = 0; v < pb->n_vars; v++)
			if (keep[v] && model_value(m, b.x[v]) > 0.5)
				roster_set(r, p, pb->vars[v].d, v);
	if (res.status == MODEL_UNKNOWN)
		rc = START_NOT_FOUND;
out:
	if (b.x)
		constraints_build_release(&b);
	model_free(m);
	free(keep);
	rota_error_release(&err);
	return rc;
}

enum start_result start_by_person(const struct problem *pb, double deadline,
				  struct roster *r, int *who)
{
	size_t p;
	enum start_result rc = START_DONE;
	int kept;

	for (p = 0; p < pb->sc->n_staff && rc == START_DONE; p++) {
		*who = (int)p;
		kept = month_first(pb, (int)p, r);
		if (kept < 0)
			return START_ENOMEM;
		if (!kept)
			rc = glpk_person(pb, (int)p, deadline, r);
	}
	return rc;
}
