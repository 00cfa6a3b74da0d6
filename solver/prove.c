#include "prove.h"

#include <math.h>
#include <stdlib.h>

#include "constraints.h"
#include "model.h"
#include "timer.h"

/* Subproblems GLPK may open: the tiny cases need a few hundred at most;
 * past this the program is not small, whatever its size. */
#define PROVE_NODES 2000

/* GLPK's solution as a rota in `to`; kept in r when legal and cheaper. */
static void take_if_better(const struct build *b, struct roster *r,
			   struct roster *to, double *objective)
{
	const struct problem *pb = b->pb;
	size_t v;
	double c;

	for (v = 0; v < pb->n_vars; v++)
		if (b->x[v] >= 0 && model_value(b->m, b->x[v]) > 0.5)
			roster_set(to, pb->vars[v].p, pb->vars[v].d, v);
	if (constraints_check(pb, to, NULL))
		return;
	c = constraints_cost(pb, to);
	if (c < *objective - 1e-9 * fmax(1, fabs(c))) {
		roster_copy(r, to);
		*objective = c;
	}
}

int prove_small(const struct problem *pb, struct roster *r, double seconds,
		double *objective, double *bound)
{
	struct model *m = model_new("rota7-prove");
	struct model_opts o = {0};
	struct model_result res;
	struct rota_error err;
	struct build b = {0};
	struct roster to = {0};
	int rc = -1, built = 0;

	rota_error_init(&err);
	if (!m || constraints_build(&b, pb, m, BUILD_PROOF, NULL, &err))
		goto out;
	built = 1;
	if (roster_setup(&to, pb, NULL))
		goto out;
	o.time_limit = seconds;
	o.node_limit = PROVE_NODES;
	o.presolve = 1;
	o.stop = timer_stop_requested;
	if (model_solve_mip(m, &o, &res))
		goto out;
	if (res.status == MODEL_OPTIMAL || res.status == MODEL_FEASIBLE)
		take_if_better(&b, r, &to, objective);
	/* Cut off by the node count, the tree's best bound still holds. */
	if (res.status == MODEL_OPTIMAL && res.objective > *bound)
		*bound = res.objective;
	else if (res.status != MODEL_INFEASIBLE && isfinite(res.bound) &&
		 res.bound > -MODEL_INF / 2 && res.bound > *bound)
		*bound = res.bound;
	rc = 0;
out:
	if (to.pick)
		roster_release(&to);
	if (built)
		constraints_build_release(&b);
	rota_error_release(&err);
	model_free(m);
	return rc;
}
