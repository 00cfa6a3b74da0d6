/*
 * table: the table of families, and the walkers that build, check and
 * price a rota over it (constraints.h).
 */
#include "constraints.h"

#include <stdlib.h>
#include <string.h>

#include "build.h"

/*
 * The table: every family, in the order their rows are built (the order
 * of the rows in an LP or MPS file) and their rules checked and priced.
 * Adding a rule is adding its file, which defines name_family (build.h),
 * and a line F(name) here, which declares name_family and puts it in the
 * table at its place.
 */
#define FAMILIES(F)  \
	F(assignment)  \
	F(coverage)    \
	F(rest)        \
	F(successions) \
	F(weekly_rest) \
	F(runs)        \
	F(nights)      \
	F(hours)       \
	F(weekends)    \
	F(skill_mix)   \
	F(requests)    \
	F(unsocial)

#define DECLARE(name) extern const struct family name##_family;
FAMILIES(DECLARE)
#undef DECLARE

#define ENTRY(name) &name##_family,
static const struct family *const families[] = {FAMILIES(ENTRY)};
#undef ENTRY

#define N_FAMILIES (sizeof(families) / sizeof(families[0]))

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
	for (f = 0; f < N_FAMILIES; f++)
		if (families[f]->rows(b))
			goto oom;
	return 0;
oom:
	if (b->entries > CONSTRAINTS_MAX_ENTRIES)
		problem_too_large(err, b->entries, CONSTRAINTS_MAX_ENTRIES,
				  "entries in the integer program so far");
	else
		rota_error_add(err, ROTA_EINTERNAL,
			       "out of memory building the model");
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

/* Names the rule and the person of the entry a check recorded (err
 * kept `kept` entries before it), where the check did not; -1. */
static int name_broken(const struct problem *pb, const struct family *fam,
		       int p, struct rota_error *err, size_t kept)
{
	if (err && err->kept > kept)
		rota_error_entry_name(rota_error_last(err), fam->name,
				      p >= 0 ? pb->sc->staff[p].id : NULL);
	return -1;
}

/* Whether name is one of the comma-separated names in list. */
static int named_in(const char *list, const char *name)
{
	size_t n = strlen(name);

	while (*list) {
		size_t len = strcspn(list, ",");

		if (len == n && !strncmp(list, name, n))
			return 1;
		list += len + (list[len] == ',');
	}
	return 0;
}

/* The checks of the per-person families (global: of the global ones)
 * but the one named skip (NULL: none), in table order. */
static int check_families(const struct problem *pb, const struct roster *r,
			  int p, int global, const char *skip,
			  struct rota_error *err)
{
	size_t f;

	for (f = 0; f < N_FAMILIES; f++) {
		const struct family *fam = families[f];
		size_t kept = err ? err->kept : 0;

		if (!fam->check || fam->global != global ||
		    (skip && named_in(skip, fam->name)))
			continue;
		if (fam->check(pb, r, p, err))
			return name_broken(pb, fam, p, err, kept);
	}
	return 0;
}

int constraints_check_person(const struct problem *pb, const struct roster *r,
			     int p, struct rota_error *err)
{
	return check_families(pb, r, p, 0, NULL, err);
}

int constraints_check_person_except(const struct problem *pb,
				    const struct roster *r, int p,
				    const char *skip, struct rota_error *err)
{
	return check_families(pb, r, p, 0, skip, err);
}

int constraints_check(const struct problem *pb, const struct roster *r,
		      struct rota_error *err)
{
	size_t p;

	for (p = 0; p < pb->sc->n_staff; p++)
		if (constraints_check_person(pb, r, (int)p, err))
			return -1;
	return check_families(pb, r, -1, 1, NULL, err);
}

/* Which families' costs a sum takes. */
enum part {
	PART_PERSON,   /* per person */
	PART_LOCAL,    /* per person, not comparing people (not fair) */
	PART_GLOBAL,   /* on the whole rota only */
	PART_ALL
};

static int in_part(const struct family *fam, enum part part)
{
	switch (part) {
	case PART_PERSON:
		return !fam->global;
	case PART_LOCAL:
		return !fam->global && !fam->fair;
	case PART_GLOBAL:
		return fam->global;
	case PART_ALL:
		break;
	}
	return 1;
}

/* c plus the costs for p of the families in part, added in table order
 * as ever, so that every sum agrees with the old one to the last bit. */
static double add_costs(double c, const struct problem *pb,
			const struct roster *r, int p, enum part part)
{
	size_t f;

	for (f = 0; f < N_FAMILIES; f++) {
		const struct family *fam = families[f];

		if (fam->cost && in_part(fam, part))
			c += fam->cost(pb, r, p);
	}
	return c;
}

double constraints_person_cost(const struct problem *pb,
			       const struct roster *r, int p)
{
	return add_costs(0, pb, r, p, PART_PERSON);
}

double constraints_person_cost_local(const struct problem *pb,
				     const struct roster *r, int p)
{
	return add_costs(0, pb, r, p, PART_LOCAL);
}

double constraints_global_cost(const struct problem *pb,
			       const struct roster *r)
{
	return add_costs(0, pb, r, -1, PART_GLOBAL);
}

double constraints_cost(const struct problem *pb, const struct roster *r)
{
	double c = 0;
	size_t p;

	for (p = 0; p < pb->sc->n_staff; p++)
		c += constraints_person_cost(pb, r, (int)p);
	return add_costs(c, pb, r, -1, PART_ALL);
}
