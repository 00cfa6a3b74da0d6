#include "prove.h"

#include <math.h>
#include <stdlib.h>

#include "constraints.h"
#include "model.h"
#include "timer.h"

/* Subproblems GLPK may open: the tiny cases need a few hundred at most;
 * past this the program is not small, whatever its size. */
#define PROVE_NODES 2000

/* Rounds of GLPK with the months it chose that break a rule cut off:
 * the tiny cases where weekly rest binds need two or three. */
#define PROVE_ROUNDS 30

/* GLPK's solution as a rota in `to`. */
static void read_solution(const struct build *b, struct roster *to)
{
	const struct problem *pb = b->pb;
	size_t v, p;
	int d;

	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			roster_set(to, (int)p, d, ROSTER_NONE);
	for (v = 0; v < pb->n_vars; v++)
		if (b->x[v] >= 0 && model_value(b->m, b->x[v]) > 0.5)
			roster_set(to, pb->vars[v].p, pb->vars[v].d, v);
}

/*
 * Cuts off the month of p in `to`: sum of its vars - sum of p's others
 * <= (vars in it) - 1 holds for every month of p but that one.  Valid
 * because the month breaks one of p's own rules whatever anyone else
 * works.
 */
static int cut_month(struct build *b, const struct roster *to, int p,
		     int round)
{
	const struct problem *pb = b->pb;
	size_t first, end, v, n = 0, in = 0;
	int *cols = malloc((pb->n_vars + 1) * sizeof(int));
	double *vals = malloc((pb->n_vars + 1) * sizeof(double));
	int rc = -1;

	if (!cols || !vals)
		goto out;
	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++) {
		int chosen = roster_get(to, p, pb->vars[v].d) == v;

		if (b->x[v] < 0)
			continue;
		cols[n] = b->x[v];
		vals[n++] = chosen ? 1 : -1;
		in += (size_t)chosen;
	}
	rc = model_row(b->m, -MODEL_INF, (double)in - 1, n, cols, vals,
		       "nogood(%s,%d)", pb->sc->staff[p].id, round) < 0 ? -1 : 0;
out:
	free(cols);
	free(vals);
	return rc;
}

/* Cuts off every month in `to` that breaks its person's rules; how
 * many, or -1 when out of memory. */
static int cut_illegal(struct build *b, const struct roster *to, int round)
{
	size_t p;
	int n = 0;

	for (p = 0; p < b->pb->sc->n_staff; p++)
		if (constraints_check_person(b->pb, to, (int)p, NULL)) {
			if (cut_month(b, to, (int)p, round))
				return -1;
			n++;
		}
	return n;
}

/* A legal `to` replaces r when cheaper. */
static void take_if_better(const struct problem *pb, struct roster *r,
			   const struct roster *to, double *objective)
{
	double c = constraints_cost(pb, to);

	if (c < *objective - 1e-9 * fmax(1, fabs(c))) {
		roster_copy(r, to);
		*objective = c;
	}
}

/* The bound a solve of the program (cuts so far included) proves. */
static void raise_bound(const struct model_result *res, double *bound)
{
	/* Cut off by the node count, the tree's best bound still holds. */
	if (res->status == MODEL_OPTIMAL && res->objective > *bound)
		*bound = res->objective;
	else if (res->status != MODEL_INFEASIBLE && isfinite(res->bound) &&
		 res->bound > -MODEL_INF / 2 && res->bound > *bound)
		*bound = res->bound;
}

/*
 * Solves, and while GLPK's optimum breaks a person's own rule (weekly
 * rest, left out of the program) cuts that month off and solves again.
 */
static int rounds(struct build *b, struct roster *r, struct roster *to,
		  const struct model_opts *o, double *objective, double *bound)
{
	const struct problem *pb = b->pb;
	struct model_result res;
	int round, cut;

	for (round = 0; round < PROVE_ROUNDS; round++) {
		if (model_solve_mip(b->m, o, &res))
			return -1;
		raise_bound(&res, bound);
		if (res.status != MODEL_OPTIMAL && res.status != MODEL_FEASIBLE)
			return 0;
		read_solution(b, to);
		if (!constraints_check(pb, to, NULL)) {
			take_if_better(pb, r, to, objective);
			return 0;
		}
		cut = cut_illegal(b, to, round);
		if (cut < 0)
			return -1;
		if (!cut || res.status != MODEL_OPTIMAL)
			return 0;
	}
	return 0;
}

int prove_small(const struct problem *pb, struct roster *r, double seconds,
		double *objective, double *bound)
{
	struct model *m = model_new("rota7-prove");
	struct model_opts o = {0};
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
	rc = rounds(&b, r, &to, &o, objective, bound);
out:
	if (to.pick)
		roster_release(&to);
	if (built)
		constraints_build_release(&b);
	rota_error_release(&err);
	model_free(m);
	return rc;
}
