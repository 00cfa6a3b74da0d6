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

/* Fixes the columns of every person marked in hold (NULL: nobody) at
 * their values in held. */
static void hold_people(const struct problem *pb, const struct build *b,
			struct model *m, const struct roster *held,
			const unsigned char *hold)
{
	size_t v;

	for (v = 0; hold && v < pb->n_vars; v++) {
		const struct var *x = &pb->vars[v];
		double on;

		if (b->x[v] < 0 || !hold[x->p])
			continue;
		on = roster_get(held, x->p, x->d) == v;
		model_set_bounds(m, b->x[v], on, on);
	}
}

/* One GLPK run on the hard rules with every cost zero: the seniors'
 * model (proof 0: stricter rules, only the seniors' vars) or the proof's
 * (every formulation exact or weaker, whole months of the people kept). */
static enum seniors_result solve_hard(const struct problem *pb, int proof,
				      double seconds, const struct roster *held,
				      const unsigned char *hold, struct roster *r)
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
	hold_people(pb, &b, m, held, hold);
	o.time_limit = seconds;
	o.first_feasible = 1;
	/* The presolver says infeasible where the LP is: a proof.  With
	 * people held, it removes their columns and the rows they settle,
	 * leaving GLPK the people still to place. */
	o.presolve = proof || hold;
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

/*
 * solve_hard into a rota of its own, kept in r only if every hard rule
 * holds: the proof's program may break weekly rest, which it only
 * relaxes, and held people's months (hold, from held; NULL: nobody)
 * join what GLPK placed.
 */
static enum seniors_result solve_checked(const struct problem *pb, int proof,
					 double seconds,
					 const struct roster *held,
					 const unsigned char *hold,
					 struct roster *r)
{
	struct roster to;
	enum seniors_result ret;
	size_t p;
	int d;

	if (roster_setup(&to, pb, NULL))
		return SENIORS_ERROR;
	for (p = 0; hold && p < pb->sc->n_staff; p++)
		for (d = 0; hold[p] && d < pb->days; d++)
			roster_set(&to, (int)p, d, roster_get(held, (int)p, d));
	ret = solve_hard(pb, proof, seconds, held, hold, &to);
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
	enum seniors_result ret = solve_hard(pb, 0, seconds, NULL, NULL, r);

	/* The seniors' model is stricter than the rules (weekly rest by
	 * whole days off, nobody else on duty): its "impossible" is no
	 * proof, nor is an LP it could not start from.  The proof's
	 * program decides, in the time left. */
	if (ret == SENIORS_FOUND || ret == SENIORS_ERROR)
		return ret;
	if (end - timer_now() <= 0 || timer_stop_requested())
		return SENIORS_UNKNOWN;
	return solve_checked(pb, 1, end - timer_now(), NULL, NULL, r);
}

/* The representative of p's group (path halving). */
static int group_of(int *up, int p)
{
	while (up[p] != p) {
		up[p] = up[up[p]];
		p = up[p];
	}
	return p;
}

/* Joins the seniors who can count in cell c toward rule mi; -1 when
 * nobody can, else one of them. */
static int join_cell(const struct problem *pb, int *up, size_t c, size_t mi)
{
	size_t i;
	int one = -1;

	for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++) {
		size_t v = pb->cell_vars[i];
		int p = pb->vars[v].p;

		if (!skill_mix_is_senior(pb, &pb->sc->mix[mi], v))
			continue;
		if (one >= 0)
			up[group_of(up, p)] = group_of(up, one);
		one = p;
	}
	return one;
}

/*
 * Marks in hold everyone outside the groups that s leaves short: seniors
 * who can count in one senior cell form a group, and only a group with
 * unmet cover needs new months.  The number of people left free, or 0
 * when a short cell has no senior at all (the whole model decides).
 */
static size_t hold_met(const struct search *s, unsigned char *hold, int *up)
{
	const struct problem *pb = s->pb;
	size_t n = pb->sc->n_staff, i, p, free_people = 0;
	unsigned char *short_group = calloc(n + 1, 1);   /* by representative */

	if (!short_group)
		return 0;
	for (p = 0; p < n; p++)
		up[p] = (int)p;
	for (i = 0; i < s->n_needs; i++)
		join_cell(pb, up, s->needs[i].cell, (size_t)s->needs[i].rule);
	for (i = 0; i < s->n_needs; i++) {
		const struct need *nd = &s->needs[i];
		int one;

		if (nd->have >= nd->count)
			continue;
		one = join_cell(pb, up, nd->cell, (size_t)nd->rule);
		if (one < 0) {
			free(short_group);
			return 0;
		}
		short_group[group_of(up, one)] = 1;
	}
	for (p = 0; p < n; p++) {
		hold[p] = (unsigned char)!short_group[group_of(up, (int)p)];
		free_people += !hold[p];
	}
	free(short_group);
	return free_people;
}

enum seniors_result seniors_mend(const struct search *s, double seconds,
				 struct roster *r)
{
	const struct problem *pb = s->pb;
	size_t n = pb->sc->n_staff, free_people;
	unsigned char *hold = malloc(n + 1);
	int *up = malloc((n + 1) * sizeof(int));
	double end = timer_now() + seconds;
	enum seniors_result ret = SENIORS_ERROR;

	if (!hold || !up)
		goto out;
	free_people = hold_met(s, hold, up);
	/* Half the time: what the groups cannot settle, the whole model
	 * still may, as before. */
	if (free_people && free_people < n) {
		/* Everyone held keeps s's month, the others' come from
		 * GLPK. */
		ret = solve_checked(pb, 0, seconds / 2, &s->r, hold, r);
		if (ret == SENIORS_FOUND || ret == SENIORS_ERROR)
			goto out;
	}
	ret = SENIORS_UNKNOWN;
	if (end - timer_now() > 0 && !timer_stop_requested())
		ret = seniors_find(pb, end - timer_now(), r);
out:
	free(hold);
	free(up);
	return ret;
}
