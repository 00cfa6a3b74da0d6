#include "seniors.h"

#include <stdlib.h>

#include "constraints.h"
#include "model.h"
#include "local_search.h"
#include "timer.h"

/* Whether var v can count toward some senior rule. */
static int may_be_senior(const struct problem *pb, size_t v)
{
	const struct var *x = &pb->vars[v];
	const struct option *o = &pb->people[x->p].opts[x->k];
	size_t m;

	for (m = 0; m < pb->sc->n_mix; m++) {
		const struct skill_mix *mx = &pb->sc->mix[m];

		if (mx->type == MIX_SENIOR &&
		    mx->service == pb->sc->shifts[x->s].service &&
		    mx->role == o->role && skill_mix_is_senior(pb, mx, v))
			return 1;
	}
	return 0;
}

enum seniors_result seniors_find(const struct problem *pb, double seconds,
				 struct roster *r)
{
	struct model *m = model_new("rota7-seniors");
	struct model_opts o = {0};
	struct model_result res;
	struct rota_error err;
	struct build b;
	enum seniors_result ret = SENIORS_ERROR;
	unsigned char *keep = malloc(pb->n_vars + 1);
	size_t j, v;

	rota_error_init(&err);
	if (!m || !keep)
		goto out;
	for (v = 0; v < pb->n_vars; v++)
		keep[v] = (unsigned char)may_be_senior(pb, v);
	if (constraints_build_for(&b, pb, m, keep, &err))
		goto out;
	for (j = 0; j < model_n_cols(m); j++)
		model_set_cost(m, (int)j, 0);
	model_add_obj_constant(m, -model_obj_constant(m));
	o.time_limit = seconds;
	o.first_feasible = 1;
	o.stop = timer_stop_requested;
	o.verbose = getenv("ROTA7_GLPK_VERBOSE") != NULL;
	if (getenv("ROTA7_DUMP_SENIOR_LP"))
		model_write(m, getenv("ROTA7_DUMP_SENIOR_LP"), &err);
	if (model_solve_mip(m, &o, &res)) {
		constraints_build_release(&b);
		goto out;
	}
	if (res.status == MODEL_INFEASIBLE)
		ret = SENIORS_IMPOSSIBLE;
	else if (res.status == MODEL_UNKNOWN)
		ret = SENIORS_UNKNOWN;
	else {
		for (v = 0; v < pb->n_vars; v++)
			if (b.x[v] >= 0 && model_value(m, b.x[v]) > 0.5)
				roster_set(r, pb->vars[v].p, pb->vars[v].d, v);
		ret = SENIORS_FOUND;
	}
	constraints_build_release(&b);
out:
	free(keep);
	rota_error_release(&err);
	model_free(m);
	return ret;
}
