/*
 * master: a restricted master LP over groups of columns, solved
 * approximately by a first-order primal-dual method (PDHG).
 *
 * The problem, each row written as ">=", is
 *
 *     min  c'x + sum_i u_i max(0, b_i - (Ax)_i) + o_i max(0, (Ax)_i - b_i)
 *     x_g on the simplex for every group g (its weights add up to 1)
 *
 * that is, each row i may be short at a price u_i per unit, and over
 * at o_i (0 where being over is free).  Column
 * generation over people's months (colgen.h) has a group per person,
 * a column per month and a row per coverage, senior or ratio cell.  As
 * a saddle point, min over x max over -o <= y <= u of c'x + y'(b - Ax):
 * no slack columns, and every y in the box gives the bound
 * b'y + sum_g min_(j in g) (c_j - a_j'y) on the master.
 *
 * The steps are Chambolle and Pock's, x projected on the simplices
 * and y on the box, with one step length each, balanced by a primal
 * weight, from an estimate of the norm of A on the simplices' tangent
 * space (power iterations: columns that differ little do not shrink
 * the steps); restarts to the average or the current iterate when the
 * duality gap has fallen enough (the PDLP scheme, with the true gap:
 * both domains are bounded).  Sums run in a fixed order: the same
 * input gives the same iterates.
 *
 * Memory: struct master owns its arrays; master_release frees them.
 * master_begin keeps the arrays' room for the next round.
 */
#ifndef ROTA7_MASTER_H
#define ROTA7_MASTER_H

#include <stddef.h>

struct master {
	size_t n_rows, n_cols, n_groups;
	double *b, *u, *o;        /* [n_rows] */
	double *c;                /* [n_cols] */
	size_t *col_group;        /* [n_cols] */
	size_t *group_first;      /* [n_groups + 1]: columns by group */
	size_t *col_first;        /* [n_cols + 1] into row / val */
	size_t *row;
	double *val;
	size_t nnz;
	double *x;                /* [n_cols]: each group on the simplex */
	double *y;                /* [n_rows]: -o <= y <= u */
	double omega;             /* primal weight; 0: not yet chosen */
	double norm;              /* estimate of ||A|| on the tangent space */
	double tol;               /* stop at this relative duality gap
	                             (master_init: 1e-7) */
	long iterations;          /* over every call */
	long restarts;
	/* capacities and scratch, private */
	size_t cap_rows, cap_cols, cap_groups, cap_nnz;
	double *ax;               /* [n_rows]: A x */
	double *axn, *aty;        /* scratch: A x of a candidate, A'y */
	double *xa, *ya;          /* averages since the last restart */
	double *x0, *y0;          /* the point of the last restart */
	double *sc, *v;           /* scratch: projection, power iterations */
	size_t *ord;
	size_t cap_ord;
};

/* Figures of the current iterates, from master_eval. */
struct master_eval {
	double primal;            /* c'x + sum u max(0, b - Ax): >= LP */
	double dual;              /* b'y + sum_g min (c - A'y): <= LP */
	double short_cost;        /* the u-priced part of primal */
};

void master_init(struct master *m);
void master_release(struct master *m);

/* Starts a new master with n_rows rows (b, u and o copied; o NULL:
 * no price over); the columns are
 * added next, group by group in order.  The previous y is kept when
 * the row count is the same (a warm start).  0 or -1 out of memory. */
int master_begin(struct master *m, size_t n_rows, const double *b,
		 const double *u, const double *o);
/* Adds a column of group `group` (>= the last one added) with cost c,
 * nonzeros (rows[i], vals[i]) and starting weight x0.  0 or -1. */
int master_add_col(struct master *m, size_t group, double c, size_t nnz,
		   const size_t *rows, const double *vals, double x0);
/* Ends the columns: n_groups groups, each with at least one column;
 * weights renormalised onto each group's simplex (a group with no
 * weight gets it all on its first column).  0 or -1. */
int master_end(struct master *m, size_t n_groups);

/* Changes the right-hand side of row i (diving). */
void master_set_b(struct master *m, size_t i, double b);

/* Runs `iters` PDHG iterations from the current (x, y). */
void master_pdhg(struct master *m, long iters);

/* The primal and dual values of the current x and y. */
void master_eval(struct master *m, struct master_eval *e);

#endif
