#include "seniors.h"

#include <stdlib.h>
#include <string.h>

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

/*
 * Whether person p must stay in the proof's program: p can count toward
 * a senior rule or fill the `per` role of a ratio.  Everyone else can be
 * left with an empty month in any legal rota and it stays legal (their
 * own rules hold for an empty month, a ratio only gains, no senior rule
 * loses), so leaving them out loses no rota.  (A rule that could force
 * a person to work, a pin say, must keep that person too.)
 */
static int person_kept(const struct problem *pb, int p)
{
	size_t first, end, v, m;

	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++) {
		const struct var *x = &pb->vars[v];
		int role = pb->people[p].opts[x->k].role;

		if (may_be_senior(pb, v))
			return 1;
		for (m = 0; m < pb->sc->n_mix; m++)
			if (pb->sc->mix[m].type == MIX_RATIO &&
			    pb->sc->mix[m].service == pb->sc->shifts[x->s].service &&
			    pb->sc->mix[m].per == role)
				return 1;
	}
	return 0;
}

/* One GLPK run on the hard rules with every cost zero: the seniors'
 * model (proof 0: stricter rules, only the seniors' vars) or the proof's
 * (every formulation exact or weaker, whole months of the people kept). */
static enum seniors_result solve_hard(const struct problem *pb, int proof,
				      double seconds, struct roster *r)
{
	struct model *m = model_new(proof ? "rota7-seniors-proof" :
				    "rota7-seniors");
	struct model_opts o = {0};
	struct model_result res;
	struct rota_error err;
	struct build b;
	enum seniors_result ret = SENIORS_ERROR;
	unsigned char *keep = malloc(pb->n_vars + 1);
	size_t j, v, p, first, end;

	rota_error_init(&err);
	if (!m || !keep)
		goto out;
	for (v = 0; v < pb->n_vars; v++)
		keep[v] = (unsigned char)(!proof && may_be_senior(pb, v));
	for (p = 0; proof && p < pb->sc->n_staff; p++)
		if (person_kept(pb, (int)p)) {
			problem_person_vars(pb, (int)p, &first, &end);
			memset(keep + first, 1, end - first);
		}
	if (proof ? constraints_build(&b, pb, m, BUILD_PROOF, keep, &err) :
		    constraints_build_for(&b, pb, m, keep, &err))
		goto out;
	for (j = 0; j < model_n_cols(m); j++)
		model_set_cost(m, (int)j, 0);
	model_add_obj_constant(m, -model_obj_constant(m));
	o.time_limit = seconds;
	o.first_feasible = 1;
	/* The presolver says infeasible where the LP is: a proof. */
	o.presolve = proof;
	o.stop = timer_stop_requested;
	o.verbose = getenv("ROTA7_GLPK_VERBOSE") != NULL;
	if (!proof && getenv("ROTA7_DUMP_SENIOR_LP"))
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

/* The proof's program: impossible is a proof; a solution is kept only
 * if it keeps every hard rule (it may break weekly rest, which that
 * program only relaxes). */
static enum seniors_result prove(const struct problem *pb, double seconds,
				 struct roster *r)
{
	struct roster to;
	enum seniors_result ret;

	if (roster_setup(&to, pb, NULL))
		return SENIORS_ERROR;
	ret = solve_hard(pb, 1, seconds, &to);
	if (ret == SENIORS_FOUND) {
		if (constraints_check(pb, &to, NULL))
			ret = SENIORS_UNKNOWN;
		else
			roster_copy(r, &to);
	}
	roster_release(&to);
	return ret;
}

enum seniors_result seniors_find(const struct problem *pb, double seconds,
				 struct roster *r)
{
	double end = timer_now() + seconds;
	enum seniors_result ret = solve_hard(pb, 0, seconds, r);

	/* The seniors' model is stricter than the rules (weekly rest by
	 * whole days off, nobody else on duty): its "impossible" is no
	 * proof, nor is an LP it could not start from.  The proof's
	 * program decides, in the time left. */
	if (ret == SENIORS_FOUND || ret == SENIORS_ERROR)
		return ret;
	if (end - timer_now() <= 0 || timer_stop_requested())
		return SENIORS_UNKNOWN;
	return prove(pb, end - timer_now(), r);
}
