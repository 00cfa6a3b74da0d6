/*
 * table: the table of families, and the walkers that build, check and
 * price a rota over it (constraints.h).
 */
#include "constraints.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"

/* The table: adding a rule is adding a file and a line here.  Families
 * that do not check or cost leave the slot NULL. */
const struct family constraint_families[] = {
	{"assignment", assignment_rows, assignment_check, assignment_cost, 0, 0},
	{"coverage", coverage_rows, NULL, coverage_cost, 1, 0},
	{"rest", rest_rows, rest_check, NULL, 0, 0},
	{"successions", successions_rows, successions_check, NULL, 0, 0},
	{"weekly-rest", weekly_rest_rows, weekly_rest_check, NULL, 0, 0},
	{"runs", runs_rows, runs_check, NULL, 0, 0},
	{"nights", nights_rows, nights_check, NULL, 0, 0},
	{"hours", hours_rows, hours_check, hours_cost, 0, 0},
	{"weekends", weekends_rows, weekends_check, weekends_cost, 0, 1},
	{"skill-mix", skill_mix_rows, skill_mix_check, NULL, 1, 0},
	{"requests", requests_rows, NULL, requests_cost, 0, 0},
	{"unsocial", unsocial_rows, NULL, unsocial_cost, 0, 1},
};

const size_t constraint_n_families =
	sizeof(constraint_families) / sizeof(constraint_families[0]);

/* One binary column per var: x[staff,date,shift] at home in one's own
 * role, x[staff,date,shift,neighbourhood,role] otherwise. */
static int add_x(struct build *b)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	char date[CIVIL_DATE_LEN];
	size_t v;

	b->x = malloc((pb->n_vars + 1) * sizeof(int));
	if (!b->x)
		return -1;
	for (v = 0; v < pb->n_vars; v++) {
		const struct var *x = &pb->vars[v];
		const struct option *o = &pb->people[x->p].opts[x->k];

		build_date(pb, x->d, date);
		if (b->keep && !b->keep[v]) {
			b->x[v] = -1;
			continue;
		}
		if (x->k == 0)
			b->x[v] = model_col(b->m, 0, 1, 1, 0, "x[%s,%s,%s]",
					    sc->staff[x->p].id, date,
					    sc->shifts[x->s].id);
		else
			b->x[v] = model_col(b->m, 0, 1, 1, 0, "x[%s,%s,%s,%s,%s]",
					    sc->staff[x->p].id, date,
					    sc->shifts[x->s].id,
					    sc->neighbourhoods[o->nbhd].id,
					    sc->roles[o->role].id);
		if (b->x[v] < 0)
			return -1;
	}
	return 0;
}

void constraints_build_release(struct build *b)
{
	free(b->x);
	free(b->cols);
	free(b->vals);
	memset(b, 0, sizeof(*b));
}

static int build_all(struct build *b, const struct problem *pb,
		     struct model *m, int relaxation, int feasibility,
		     const unsigned char *keep, struct rota_error *err)
{
	size_t f;

	memset(b, 0, sizeof(*b));
	b->pb = pb;
	b->m = m;
	b->relaxation = relaxation;
	b->feasibility = feasibility;
	b->keep = keep;
	if (add_x(b))
		goto oom;
	for (f = 0; f < constraint_n_families; f++)
		if (constraint_families[f].rows(b))
			goto oom;
	return 0;
oom:
	rota_error_add(err, ROTA_EINTERNAL, "out of memory building the model");
	constraints_build_release(b);
	return -1;
}

int constraints_build(struct build *b, const struct problem *pb,
		      struct model *m, int relaxation,
		      const unsigned char *keep, struct rota_error *err)
{
	return build_all(b, pb, m, relaxation, 0, keep, err);
}

int constraints_build_for(struct build *b, const struct problem *pb,
			  struct model *m, const unsigned char *keep,
			  struct rota_error *err)
{
	return build_all(b, pb, m, 0, 1, keep, err);
}

int constraints_check_person(const struct problem *pb, const struct roster *r,
			     int p, struct violation *v)
{
	size_t f;

	for (f = 0; f < constraint_n_families; f++) {
		const struct family *fam = &constraint_families[f];

		if (fam->check && !fam->global && fam->check(pb, r, p, v))
			return -1;
	}
	return 0;
}

int constraints_check(const struct problem *pb, const struct roster *r,
		      struct violation *v)
{
	size_t f, p;

	for (p = 0; p < pb->sc->n_staff; p++)
		if (constraints_check_person(pb, r, (int)p, v))
			return -1;
	for (f = 0; f < constraint_n_families; f++) {
		const struct family *fam = &constraint_families[f];

		if (fam->check && fam->global && fam->check(pb, r, -1, v))
			return -1;
	}
	return 0;
}

double constraints_person_cost(const struct problem *pb,
			       const struct roster *r, int p)
{
	double c = 0;
	size_t f;

	for (f = 0; f < constraint_n_families; f++) {
		const struct family *fam = &constraint_families[f];

		if (fam->cost && !fam->global)
			c += fam->cost(pb, r, p);
	}
	return c;
}

double constraints_person_cost_local(const struct problem *pb,
				     const struct roster *r, int p)
{
	double c = 0;
	size_t f;

	for (f = 0; f < constraint_n_families; f++) {
		const struct family *fam = &constraint_families[f];

		if (fam->cost && !fam->global && !fam->fair)
			c += fam->cost(pb, r, p);
	}
	return c;
}

double constraints_cost(const struct problem *pb, const struct roster *r)
{
	double c = 0;
	size_t f, p;

	for (p = 0; p < pb->sc->n_staff; p++)
		c += constraints_person_cost(pb, r, (int)p);
	for (f = 0; f < constraint_n_families; f++) {
		const struct family *fam = &constraint_families[f];

		if (fam->cost)
			c += fam->cost(pb, r, -1);
	}
	return c;
}
