/*
 * colpool: the rows and the columns of column generation over people's
 * months (colgen.h), and how they fall into independent parts.
 *
 * Rows, each written as ">=" with a price per unit short:
 *   cover  - people on duty in a cell with demand >= required, short at
 *            the cell's under_cost;
 *   senior - seniors of a rule on duty in a cell >= count;
 *   ratio  - at_most x on duty in `per` - on duty in `role` >= 0.
 * Senior and ratio rows are hard rules: their price per unit short is
 * a penalty far above any cover, which keeps the master feasible with
 * few columns and the bound valid (a relaxation of the hard row).
 * A cover row also has the cell's price per person over (o; 0 where
 * over is free, and for senior and ratio rows), so that a benchmark's
 * over-cover is priced in the master as in the rota; a cell with no
 * demand has a row only when being over costs.
 *
 * A column is one legal month of one person: a var (or none) a day, its
 * cost (the person's own costs less fairness, as the search prices
 * them) and its nonzeros, the sum of its vars' row terms.  Columns are
 * kept once per person and month.
 *
 * Parts: people joined by a row they can both meet, with those rows.
 * Each part is a master of its own.
 *
 * Memory: struct cg_pool owns everything in it; cg_pool_release frees
 * it.  The problem is borrowed.
 */
#ifndef ROTA7_COLPOOL_H
#define ROTA7_COLPOOL_H

#include <stddef.h>
#include <stdint.h>

#include "problem.h"
#include "roster.h"

/*
 * Every month ever given to a pool whose arch is set (colmip.h chooses
 * among them): the pool drops idle columns, the archive keeps each
 * person's month once, by its hash.
 *
 * Memory: struct cg_archive owns its arrays (cg_archive_release).
 */
struct cg_archive {
	size_t days;
	size_t n, cap;
	int *person;              /* [n] */
	double *cost;             /* [n] */
	size_t *pick;             /* [n * days] */
	uint64_t *hash;           /* [n] */
	size_t *slot;             /* [n_slots]: index + 1, 0 empty */
	size_t n_slots;
};

void cg_archive_init(struct cg_archive *a, size_t days);
void cg_archive_release(struct cg_archive *a);
/* Adds p's month pick (its hash h, its cost) unless there already:
 * 0 added or there, -1 out of memory. */
int cg_archive_add(struct cg_archive *a, int p, const size_t *pick,
		   uint64_t h, double cost);

enum cg_row_kind { CG_COVER, CG_SENIOR, CG_RATIO };

struct cg_pool {
	const struct problem *pb;
	/* rows */
	size_t n_rows, cap_rows;
	double *b, *u, *o;        /* [n_rows]: demand, prices short, over */
	unsigned char *kind;      /* [n_rows]: enum cg_row_kind */
	size_t *row_cell;         /* [n_rows]: the cell (a ratio's role) */
	size_t *row_per;          /* [n_rows]: a ratio's per cell, or -1 */
	double *row_at_most;      /* [n_rows]: a ratio's at_most */
	size_t *var_first;        /* [n_vars + 1]: each var's row terms */
	size_t *var_row;
	double *var_val;
	/* columns */
	size_t n_cols, cap_cols;
	int *person;              /* [n_cols] */
	double *cost;
	size_t *pick;             /* [n_cols * days] */
	uint64_t *hash;
	int *idle;                /* rounds since it last had weight; < 0:
	                             kept whatever its weight */
	double *x;                /* its weight in the last master solved */
	size_t *term_first;       /* [n_cols + 1] */
	size_t *term_row;
	double *term_val;
	size_t n_terms, cap_terms;
	/* parts */
	size_t n_parts;
	size_t *part_of_person;   /* [n_staff] */
	size_t *part_of_row;      /* [n_rows]; (size_t)-1 when nobody meets it */
	size_t *row_local;        /* [n_rows]: index inside its part */
	size_t *part_rows;        /* [n_parts + 1] row counts, as ranges */
	size_t *part_row_ids;     /* rows by part, in row order */
	size_t *part_people;      /* [n_parts + 1] as ranges */
	size_t *part_person_ids;  /* people by part, in person order */
	struct cg_archive *arch;  /* each new column also added here, or
	                             NULL (borrowed) */
};

/* Builds the rows and the parts; no columns yet.  0, or -1 out of
 * memory. */
int cg_pool_init(struct cg_pool *cp, const struct problem *pb);
void cg_pool_release(struct cg_pool *cp);

/* Adds p's month pick[days] at cost `cost`; its index in *col (a new
 * column or the same month added before).  0 added, 1 already there,
 * -1 out of memory. */
int cg_pool_add(struct cg_pool *cp, int p, const size_t *pick, double cost,
		size_t *col);

/* Keeps the columns with keep[j] set, in order; the others are gone and
 * the indices of those kept change (map[j]: the new index or
 * (size_t)-1, when map is given). */
void cg_pool_keep(struct cg_pool *cp, const unsigned char *keep,
		  size_t *map);

/* Column j's pick, nonzeros. */
static inline const size_t *cg_pool_pick(const struct cg_pool *cp, size_t j)
{
	return cp->pick + j * (size_t)cp->pb->days;
}

/* The sum of var v's row terms times y (indexed by global row). */
double cg_pool_var_dual(const struct cg_pool *cp, size_t v, const double *y);

/*
 * A person's month priced alone: its cost (constraints_person_cost_
 * local) in *cost, whether it keeps every rule of the person (return 0)
 * or not (-1).  `scratch` is an empty roster of the problem, left empty.
 */
int cg_month_cost(const struct problem *pb, struct roster *scratch, int p,
		  const size_t *pick, double *cost);

#endif
