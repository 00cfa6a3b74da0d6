/*
 * constraints: every rule of the scenario, one file per family.
 *
 * A family says the same rule three ways, side by side so they cannot
 * drift apart:
 *   rows  - as rows and columns of the integer program (solver/model),
 *           every one named after the rota ("rest[n001,2018-03-04]");
 *   check - as an exact test of a rota on real instants (hard rules);
 *   cost  - as its share of the objective for a rota (soft rules).
 * The objective of a rota is the sum of the families' costs, and equals
 * the integer program's objective for the same assignments.
 *
 * Adding a rule is adding a file and a line in the table (table.c).
 */
#ifndef ROTA7_CONSTRAINTS_H
#define ROTA7_CONSTRAINTS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "problem.h"
#include "roster.h"
#include "measure.h"

struct violation {
	char text[512];
};

struct build {
	const struct problem *pb;
	struct model *m;
	int *x;                  /* [n_vars]: column of each var */
	int relaxation;          /* building for the bound: leave out
	                            formulations stricter than their rule */
	const unsigned char *keep;  /* [n_vars]: build only these vars'
	                               columns (NULL: all); the others are
	                               absent, that is fixed at zero */
	int feasibility;         /* hard rules only: leave out rows and
	                            columns that only price soft rules */
	double constant;         /* of the row under construction: moved to
	                            the bounds by build_row */
	/* scratch row under construction */
	int *cols;
	double *vals;
	size_t n, cap;
};

struct family {
	const char *name;
	/* Adds the family's rows and columns; 0 or -1 (out of memory). */
	int (*rows)(struct build *b);
	/* Person p (>= 0), or the whole rota (p == -1) for families that
	 * are not per person.  0 if kept; -1 and v filled if broken (v may
	 * be NULL: only the answer is wanted).  NULL for soft families. */
	int (*check)(const struct problem *pb, const struct roster *r, int p,
		     struct violation *v);
	/* Objective share of person p (>= 0) or of the whole rota beyond
	 * persons (p == -1).  NULL when the family costs nothing. */
	double (*cost)(const struct problem *pb, const struct roster *r, int p);
	int global;              /* check and cost work on p == -1 only */
	int fair;                /* cost compares people with each other,
	                            so it is not a sum of independent parts */
};

extern const struct family constraint_families[];
extern const size_t constraint_n_families;

/* Builds the whole integer program of pb into m (keep: see struct
 * build; NULL for every variable). */
int constraints_build(struct build *b, const struct problem *pb,
		      struct model *m, int relaxation,
		      const unsigned char *keep, struct rota_error *err);
/* The hard rules alone, for the variables in keep: a feasibility
 * problem with no objective. */
int constraints_build_for(struct build *b, const struct problem *pb,
			  struct model *m, const unsigned char *keep,
			  struct rota_error *err);
void constraints_build_release(struct build *b);

/* All hard rules for one person, or for everyone and the global rules
 * (p == -1).  0 if the rota keeps them. */
int constraints_check_person(const struct problem *pb, const struct roster *r,
			     int p, struct violation *v);
int constraints_check(const struct problem *pb, const struct roster *r,
		      struct violation *v);

/* The objective of a rota, and the part that depends on one person. */
double constraints_cost(const struct problem *pb, const struct roster *r);
double constraints_person_cost(const struct problem *pb,
			       const struct roster *r, int p);
/* The same without the fairness families, whose share of one person
 * depends on everyone else: what local search can price per person. */
double constraints_person_cost_local(const struct problem *pb,
				     const struct roster *r, int p);

/*
 * Every cell of every skill-mix rule's window, on the days it applies:
 * fn(ctx, rule, unit, day, cell, per_cell), per_cell being the matching
 * cell of a ratio's `per` role or (size_t)-1.  A senior window with
 * instants no shift can reach fails at once with v filled: no rota can
 * meet it.  Returns 0, -1 (v filled) or fn's non-zero return.
 */
int skill_mix_cells(const struct problem *pb,
		    int (*fn)(void *ctx, size_t rule, int unit, int day,
			      size_t cell, size_t per_cell),
		    void *ctx, struct violation *v);
int skill_mix_is_senior(const struct problem *pb, const struct skill_mix *m,
			size_t var);

/* Family entry points, one set per file. */
#define FAMILY(name)                                                        \
	int name##_rows(struct build *b);                                   \
	int name##_check(const struct problem *pb, const struct roster *r,  \
			 int p, struct violation *v);                       \
	double name##_cost(const struct problem *pb, const struct roster *r, \
			   int p)
FAMILY(assignment);
FAMILY(coverage);
FAMILY(rest);
FAMILY(successions);
FAMILY(weekly_rest);
FAMILY(runs);
FAMILY(nights);
FAMILY(hours);
FAMILY(weekends);
FAMILY(skill_mix);
FAMILY(requests);
FAMILY(unsocial);
#undef FAMILY

#endif
