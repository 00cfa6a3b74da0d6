#include "solve.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../constraints/constraints.h"
#include "model.h"
#include "search.h"

double solve_uncovered_hours(const struct problem *pb, const struct roster *r)
{
	double h = 0;
	size_t c;

	for (c = 0; c < pb->n_cells; c++) {
		int gap = pb->cells[c].required - r->on_duty[c];

		if (gap > 0)
			h += gap * cell_hours(&pb->cells[c]);
	}
	return h;
}

struct ticker {
	double t0;
	double bound;
};

static void report(void *ctx, const struct search *s)
{
	const struct ticker *t = ctx;
	double obj = s->objective;

	if (isinf(t->bound))
		diag_progress("%5.0fs  search  best %.1f  uncovered %.1f h",
			      search_now() - t->t0, obj,
			      solve_uncovered_hours(s->pb, &s->r));
	else
		diag_progress("%5.0fs  search  best %.1f  bound %.1f  gap %.2f%%  "
			      "uncovered %.1f h", search_now() - t->t0, obj,
			      t->bound, 100 * (obj - t->bound) / fmax(fabs(obj), 1),
			      solve_uncovered_hours(s->pb, &s->r));
}

/* The LP relaxation's optimum: a lower bound on every legal rota. */
static double lp_bound(const struct problem *pb, double seconds,
		       struct rota_error *err)
{
	struct model *m = model_new("rota7-bound");
	struct model_opts o = {0};
	struct model_result r;
	struct build b;
	double bound = -HUGE_VAL;

	if (!m)
		return bound;
	if (constraints_build(&b, pb, m, 1, err))
		goto out;
	o.time_limit = seconds;
	o.presolve = 1;
	if (getenv("ROTA7_DUMP_BOUND_LP"))
		model_write(m, getenv("ROTA7_DUMP_BOUND_LP"), err);
	if (model_solve_lp(m, &o, &r) == 0 && r.status == MODEL_OPTIMAL)
		bound = r.objective;
	constraints_build_release(&b);
out:
	model_free(m);
	return bound;
}

static int fail_infeasible(const char *why, struct rota_error *err)
{
	rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard rules: %s",
		       why);
	return -1;
}

int solve_run(const struct problem *pb, const struct solve_opts *o,
	      struct roster *best, struct solve_result *res,
	      struct rota_error *err)
{
	struct search s;
	struct ticker t;
	struct violation v;
	char why[512];
	int rc;

	memset(res, 0, sizeof(*res));
	t.t0 = search_now();
	t.bound = -HUGE_VAL;
	if (roster_init(best, pb)) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		return -1;
	}
	rc = search_init(&s, pb, o->seed, why, sizeof(why));
	if (rc == -1)
		return fail_infeasible(why, err);
	if (rc) {
		rota_error_add(err, ROTA_EINTERNAL, "%s", why);
		return -1;
	}
	diag_progress("%5.0fs  bound   solving the LP relaxation", 0.0);
	t.bound = lp_bound(pb, o->time_limit * 0.4, err);
	search_run(&s, t.t0 + o->time_limit, report, &t);
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
	res->bound = t.bound > res->objective ? res->objective : t.bound;
	res->gap = isinf(res->bound) ? HUGE_VAL
		   : (res->objective - res->bound) / fmax(fabs(res->objective), 1);
	res->optimal = res->gap <= 1e-9;
	res->seconds = search_now() - t.t0;
	res->uncovered_hours = solve_uncovered_hours(pb, best);
	return 0;
}
