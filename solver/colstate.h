/*
 * colstate: the state of one column generation run, shared by its two
 * files: colgen.c (set-up, masters, pricing, rounds) and coldive.c (the
 * dive and the repair of ratio cells).  Not an API: colgen.h is.
 *
 * Memory: struct cg owns everything it points to but the problem and
 * the options; colgen.c frees it.
 */
#ifndef ROTA7_COLSTATE_H
#define ROTA7_COLSTATE_H

#include <stddef.h>

#include "colgen.h"
#include "colmip.h"
#include "colpool.h"
#include "colprice.h"
#include "master.h"
#include "roster.h"

#define CG_THREADS 2

struct cg {
	const struct problem *pb;
	const struct colgen_opts *o;
	struct colgen_stats *st;
	struct cg_pool cp;
	struct cg_archive arch;      /* every month the pool was given */
	struct master *m;            /* [n_parts] */
	size_t **col_of;             /* [n_parts][master column]: pool column */
	size_t *cap_col_of;
	double *y;                   /* [n_rows]: duals by pool row */
	double *yc;                  /* [n_rows]: the duals of the best bound */
	double *ys;                  /* [n_rows]: where pricing is done */
	int have_center;
	double *bcur;                /* [n_rows]: demand left after fixing */
	unsigned char *fixed;        /* [n_staff] */
	size_t *forced;              /* [n_staff * days]: days fixed by the
	                                dive (CG_FREE: not) */
	double *lb;                  /* [n_staff]: pricing bounds */
	double *beat;                /* [n_staff]: least reduced cost in pool */
	double *nu;                  /* [n_staff]: best hour price, kept */
	double *mu;                  /* [n_staff * n_shifts]: prices of the
	                                limits on shifts of a type, kept */
	size_t *by_person, *person_first;   /* pool columns by person */
	/* scratch for one column's terms in a part */
	size_t *rows;
	double *vals;
	double *bl, *ul, *ol;
	size_t cap_terms;
	/* offers of the last pricing, by person */
	size_t *offer;               /* [n_staff * CG_OFFERS * days] */
	double *offer_cost;          /* [n_staff * CG_OFFERS] */
	size_t *n_offers;            /* [n_staff] */
	struct cg_pricer pr[CG_THREADS];
	/* vars by person and day, for offering one person's month to
	 * another (colgen.c, spread) */
	size_t *pd_first;            /* [n_staff * days + 1] */
	size_t *pd_vars;             /* [n_vars] */
	size_t *twin;                /* [days] scratch */
	int failed;
};

/* The rounds' end (colsnap.c): each further dive restores it instead
 * of running the rounds again.  Memory: owns its arrays
 * (cg_snap_release). */
struct cg_snap {
	int asked, done;             /* rounds asked for and run */
	int stopped;                 /* a deadline cut them */
	size_t n_cols;
	int *person;
	double *cost;
	size_t *pick;                /* [n_cols * days] */
	int *idle;
	double *x;
	double *y, *yc, *ys;         /* [n_rows] */
	int have_center;
	double *nu, *mu;             /* as struct cg's */
	double *omega;               /* [n_parts]: each master's */
	long *iterations;            /* [n_parts] */
};

void cg_snap_init(struct cg_snap *s);
void cg_snap_release(struct cg_snap *s);
/* s gets g's state (what it held before is freed).  0 or -1 out of
 * memory. */
int cg_snap_take(const struct cg *g, struct cg_snap *s);
/* g back to s, nothing fixed; the columns priced since are gone.  0 or
 * -1 out of memory. */
int cg_snap_restore(struct cg *g, const struct cg_snap *s);

/* Nothing fixed: every day free, fixed clear, the demand whole. */
void cg_unfix(struct cg *g);
/* The pool's columns by person (by_person, person_first) built again.
 * 0 or -1. */
int cg_index_people(struct cg *g);
/* Whether pool column j keeps the days its person has fixed. */
int cg_compatible(const struct cg *g, size_t j);
/* Every part's master, `iters` PDHG iterations; x and y taken back. */
int cg_solve_all(struct cg *g, long iters);
/* Prices everyone not fixed at ys and adds the offers; the count added,
 * or -1. */
long cg_price_all(struct cg *g);
/* Drops columns unused for max_idle rounds or breaking fixed days. */
int cg_drop_idle(struct cg *g);
/* ys = alpha x yc + (1 - alpha) x y. */
void cg_smooth(struct cg *g, double alpha);
/* Whether the deadline or a stop request has come. */
int cg_stopped(const struct cg *g);

/* The dive (coldive.c): 0 done, 1 stopped first, -1 out of memory.  A
 * dive that would not end by o->deadline at its pace fixes more a step
 * and sets st->stopped. */
int cg_dive(struct cg *g, struct roster *out);
/* Everyone not fixed to their heaviest month, then ratio cells broken
 * by the rounding repaired. */
void cg_finish(struct cg *g, struct roster *out);

#endif
