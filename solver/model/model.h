/*
 * model: rota7's integer programs, over GLPK.
 *
 * The only code that includes <glpk.h>.  Constraint families build rows
 * and columns here by name ("x[n001,2018-03-04,late]",
 * "rest[n001,2018-03-04]"), so a model dump, an LP export and an
 * infeasibility message all read like the rota.  Indexes are 0-based.
 *
 * Memory: model_new returns a model the caller frees with model_free.
 * Names passed in are copied.
 */
#ifndef ROTA7_MODEL_H
#define ROTA7_MODEL_H

#include <math.h>
#include <stddef.h>

#include "diag.h"

#define MODEL_INF HUGE_VAL
#define MODEL_NAME_MAX 256

struct model;

struct model *model_new(const char *name);
void model_free(struct model *m);

/* Adds a column; returns its index, or -1 (out of memory). */
int model_col(struct model *m, double lb, double ub, int is_int, double cost,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Adds lb <= sum vals[i] * x[cols[i]] <= ub (either may be +-MODEL_INF).
 * Returns the row index, or -1 (out of memory). */
int model_row(struct model *m, double lb, double ub, size_t n,
	      const int *cols, const double *vals, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

size_t model_n_cols(const struct model *m);
size_t model_n_rows(const struct model *m);
const char *model_col_name(const struct model *m, int j);
const char *model_row_name(const struct model *m, int i);
void model_set_bounds(struct model *m, int j, double lb, double ub);
void model_get_bounds(const struct model *m, int j, double *lb, double *ub);
double model_cost(const struct model *m, int j);
void model_set_cost(struct model *m, int j, double cost);
double model_obj_constant(const struct model *m);
void model_add_obj_constant(struct model *m, double c);

enum model_status {
	MODEL_OPTIMAL,      /* proven optimal (within the gap asked for) */
	MODEL_FEASIBLE,     /* a solution, stopped early (time, gap) */
	MODEL_INFEASIBLE,   /* proven: no solution */
	MODEL_UNKNOWN,      /* stopped before any solution */
	MODEL_ERROR
};

struct model_opts {
	double time_limit;      /* seconds; <= 0: none.  A cap: a solve cut
	                           by it depends on the machine's speed */
	long node_limit;        /* MIP: stop once GLPK's tree has had this
	                           many subproblems (<= 0: none); counted
	                           work, so the same model stops at the same
	                           place on any machine */
	double gap;             /* relative MIP gap to stop at */
	const double *start;    /* [n_cols] incumbent to hand GLPK, or NULL */
	int presolve;           /* GLPK's presolver (LP and MIP) */
	int verbose;            /* GLPK's own output on stdout */
	int first_feasible;     /* stop at the first solution found */
	int (*stop)(void);      /* polled during the search: non-zero ends
	                           it (NULL: never) */
	/* Called about once a second during a MIP with the incumbent's
	 * objective (MODEL_INF: none yet) and the best bound (-MODEL_INF:
	 * none yet); NULL: never. */
	void (*tick)(void *ctx, double best, double bound);
	void *tick_ctx;
};

struct model_result {
	enum model_status status;
	double objective;       /* of the solution found */
	double bound;           /* best bound known (MIP: of the whole
	                           tree; -MODEL_INF when none) */
	long nodes;             /* MIP: subproblems GLPK's tree has had
	                           (counted work: the same model gives the
	                           same count) */
};

/* Solves the LP relaxation; values by model_value afterwards. */
int model_solve_lp(struct model *m, const struct model_opts *o,
		   struct model_result *r);
/* Solves the MIP; values by model_value afterwards (of the incumbent). */
int model_solve_mip(struct model *m, const struct model_opts *o,
		    struct model_result *r);
/* Value of column j in the last solution (LP or MIP). */
double model_value(const struct model *m, int j);

/* Writes CPLEX LP (".lp") or free MPS (".mps"), by extension. */
int model_write(struct model *m, const char *path, struct rota_error *err);

#endif
