/*
 * colprice: one person's pricing for column generation (colgen.h): the
 * months worth offering at duals y, and a lower bound on that person's
 * least reduced cost over every legal month.
 *
 * Memory: struct cg_pricer owns its scratch (a roster, a bound, price
 * rows); one per thread.  The problem and the pool are borrowed and
 * only read, so pricers on several threads may share them.
 */
#ifndef ROTA7_COLPRICE_H
#define ROTA7_COLPRICE_H

#include <stddef.h>

#include "bound.h"
#include "colpool.h"
#include "problem.h"
#include "roster.h"

#define CG_OFFERS 3   /* months offered per person and round, at most */

struct cg_pricer {
	const struct problem *pb;
	const struct cg_pool *cp;
	struct roster scratch;
	struct bound bd;
	double *dual;                /* [n_vars]: row terms times y */
	double *price;               /* [n_vars]: own cost less dual */
	double *hprice;              /* [n_vars]: price less shortfall */
	size_t *pick;                /* [days] */
	size_t *best_pick;           /* [days]: the month of the best bound */
	double under_most;           /* the dearest cell's price short */
	long dp_calls;               /* dynamic programs run */
	long picks;                  /* pattern_pick calls (each many) */
	int exact_hours;             /* see colgen_opts */
	size_t n_found;              /* the last person's offers */
	size_t *found;               /* [CG_OFFERS * days] */
	double found_cost[CG_OFFERS];
	double found_rc[CG_OFFERS];
};

/* 0, or -1 out of memory. */
int cg_pricer_init(struct cg_pricer *pr, const struct problem *pb,
		   const struct cg_pool *cp);
void cg_pricer_release(struct cg_pricer *pr);

/*
 * Prices person p at y (indexed by pool row): *lb gets a lower bound on
 * p's least reduced cost over every legal month, and pr->found up to
 * CG_OFFERS legal months with reduced cost below `beat`, best first.
 * *nu: the price per paid hour to start from, and the best found (the
 * caller keeps it from round to round).  `forced` (NULL: none) holds
 * p's days fixed by diving: a var, ROSTER_NONE (off) or CG_FREE; the
 * months offered keep them, and *lb is then not worked out (no bound
 * holds under fixings).  mu[n_shifts] (NULL: none): p's prices of its
 * limits on shifts of a type, kept by the caller like nu (start at 0).
 * 0, or -1 out of memory.
 */
#define CG_FREE ((size_t)-2)
int cg_price_person(struct cg_pricer *pr, int p, const double *y,
		    double beat, const size_t *forced, double *lb,
		    double *nu, double *mu);

#endif
