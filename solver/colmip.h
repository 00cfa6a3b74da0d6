/*
 * colmip: every month the column generation ever made, and GLPK's
 * branch and bound choosing one of them per person (a restricted
 * master as an integer program: "price and branch").
 *
 * The dive fixes days one threshold at a time and cannot take a fixing
 * back; on the Curtois & Qu instances its rotas were 5-30% above the
 * master's value while a mix of the months already priced did far
 * better.  The months the pool dropped as idle are kept here, since a
 * month idle in the LP is often the one an integer rota needs.
 *
 * The program: a binary per month, one month per person, each pool row
 * (colpool.h) met with a slack priced as there (short at u, over at o),
 * the months' own costs.  Its value is then the rota's cost less
 * fairness, and the month chosen is legal for its person; senior and
 * ratio rows are soft at their hard price, so the caller checks the
 * rota.  Work is counted in branch-and-bound nodes, never in seconds:
 * the deadline only cuts it.
 *
 * The archive of months is the pool's (colpool.h).
 */
#ifndef ROTA7_COLMIP_H
#define ROTA7_COLMIP_H

#include "colpool.h"
#include "roster.h"

/*
 * Chooses a month per person from a (with cp's rows) by GLPK, starting
 * from `start` when each of its months is in a (its value the first
 * incumbent), for at most max_nodes nodes or until deadline.  out gets
 * the best rota found; *value its program value.  0 found one (proven
 * best when *proven is set), 1 none found, -1 out of memory or GLPK
 * failed.
 */
int colmip_run(const struct cg_pool *cp, const struct cg_archive *a,
	       const struct roster *start, long max_nodes, double deadline,
	       struct roster *out, double *value, int *proven);

#endif
