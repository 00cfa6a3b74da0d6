/*
 * constraints: every rule of the scenario, one file per family, and one
 * table of the families through which the rest of rota7 reaches them.
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
 * The table (table.c) lists the families in one order: the order their
 * rows are built, and so of the rows of an LP or MPS file, and the order
 * their rules are checked and their costs added.  No code outside this
 * folder calls a family: the entry points below walk the table.  What a
 * rule and the solver or the reports both count (weekends worked,
 * nights, the hours cap, unsocial hours, requests granted, uncovered
 * hours) are the measures of a rota, measure.h, included here.
 *
 * Adding a rule is adding a file and a line.  The file, name.c, writes
 * the family's rows, check and cost as static functions with the helpers
 * of build.h (the header for family files alone) and ends with
 *	const struct family name_family = {.name = "name", .rows = ...};
 * the line is F(name) in the table of table.c, at the place in the order
 * the rule's rows should take.  (The build also wants the file in the
 * rota7_constraints list of the top CMakeLists.txt.)
 *
 * Memory: a struct build is the caller's, who passes it to one of the
 * constraints_build functions (which fill it from scratch) and frees what
 * it holds with constraints_build_release once done with x; a build that
 * fails has already released it, and releasing twice is harmless.  The
 * model m stays the caller's: the build points to it, never frees it.
 * Checks and costs keep nothing: what scratch they take they free before
 * returning (a check that runs out of memory reports it as broken, with
 * "out of memory" and ROTA_EINTERNAL); what a check says goes into the
 * caller's struct rota_error.  The table is constant.
 */
#ifndef ROTA7_CONSTRAINTS_H
#define ROTA7_CONSTRAINTS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "problem.h"
#include "roster.h"
#include "measure.h"

/* What constraints_build leaves out (struct build's relaxation). */
enum build_relax {
	BUILD_EXACT = 0,        /* nothing: weekly rest by whole days off,
	                           stricter than the rule */
	BUILD_RELAXED = 1,      /* formulations stricter than their rule, and
	                           the fairness costs (never negative): a
	                           relaxation, quick to solve */
	BUILD_PROOF = 2         /* the stricter formulations only: every
	                           cost exact, so its optimum is a lower
	                           bound that an optimal rota can meet */
};

/*
 * The integer program of a problem under construction.  Callers read x
 * after a build; the rest is for the family files (build.h).
 */
struct build {
	const struct problem *pb;
	struct model *m;
	int *x;                  /* [n_vars]: column of each var, -1 when
	                            the var is left out (see keep) */
	int relaxation;          /* enum build_relax: what to leave out */
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
	size_t entries;          /* nonzeros handed to the model so far */
};

/*
 * Most nonzeros an integer program may have: building stops with exit 2
 * ("model too large: ... entries of the integer program (limit ...)")
 * rather than let GLPK's matrix outgrow memory.  problem_build has
 * already bounded columns and coverage entries (problem.h); this bounds
 * the rows that grow with shifts squared (rest cliques).  Measured on
 * 2026-12-02: 40 million entries took 2.3 GB to export; Mid and South
 * Essex has about 8 million.
 */
#define CONSTRAINTS_MAX_ENTRIES ((size_t)50000000)

/* ---- building the integer program ---- */

/* Builds the whole integer program of pb into m: one column per var,
 * then every family's rows, in table order (keep: see struct build;
 * NULL for every variable).  0, or -1 with err filled. */
int constraints_build(struct build *b, const struct problem *pb,
		      struct model *m, int relaxation,
		      const unsigned char *keep, struct rota_error *err);
/* The hard rules alone, for the variables in keep: a feasibility
 * problem with no objective. */
int constraints_build_for(struct build *b, const struct problem *pb,
			  struct model *m, const unsigned char *keep,
			  struct rota_error *err);
void constraints_build_release(struct build *b);

/* ---- checking a rota against the hard rules ---- */

/* All hard rules for one person: every family's check but the global
 * ones, in table order.  0 if the rota keeps them; -1 at the first one
 * broken, with one entry in err (ROTA_EINFEASIBLE; err may be NULL: only
 * the answer is wanted, and nothing is formatted).  The entry's text
 * says the rule, person and dates in words ("rest: 'n001' has 9.0 hours
 * between ..."); its fields give the rule (the family's name, "rest"),
 * who (the person's id, or the unit's for skill mix) and the first and
 * last horizon day broken over (-1 when the rule is over the horizon). */
int constraints_check_person(const struct problem *pb, const struct roster *r,
			     int p, struct rota_error *err);
/* The same but for the families named in skip, comma-separated
 * ("weekly-rest" or "weekly-rest,hours"): for code
 * that keeps all the others by construction and is tested so. */
int constraints_check_person_except(const struct problem *pb,
				    const struct roster *r, int p,
				    const char *skip, struct rota_error *err);
/* Every person's rules, then the global ones (skill mix). */
int constraints_check(const struct problem *pb, const struct roster *r,
		      struct rota_error *err);

/* ---- pricing a rota ---- */

/* The objective of a rota, and the part that depends on one person. */
double constraints_cost(const struct problem *pb, const struct roster *r);
double constraints_person_cost(const struct problem *pb,
			       const struct roster *r, int p);
/* The same without the fairness families, whose share of one person
 * depends on everyone else: what local search can price per person. */
double constraints_person_cost_local(const struct problem *pb,
				     const struct roster *r, int p);
/* The share of the families priced on the whole rota alone (coverage). */
double constraints_global_cost(const struct problem *pb,
			       const struct roster *r);

/* ---- senior cover, for the solver's repair of skill mix ---- */

/*
 * Every cell of every skill-mix rule's window, on the days it applies:
 * fn(ctx, rule, unit, day, cell, per_cell), per_cell being the matching
 * cell of a ratio's `per` role or (size_t)-1; fn returns 0, or -1 when
 * out of memory.  0, or -1 with err filled: ROTA_EINFEASIBLE for a senior
 * window with instants no shift can reach (no rota can meet it; the walk
 * stops there), ROTA_EINTERNAL "out of memory" when fn failed.
 */
int skill_mix_cells(const struct problem *pb,
		    int (*fn)(void *ctx, size_t rule, int unit, int day,
			      size_t cell, size_t per_cell),
		    void *ctx, struct rota_error *err);
/* Whether var's person has the band senior rule m asks for (the role
 * filled is the caller's to match). */
int skill_mix_is_senior(const struct problem *pb, const struct skill_mix *m,
			size_t var);

#endif
