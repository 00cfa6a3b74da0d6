/*
 * restart: the legal rota a re-roster starts from (solve_opts.start).
 *
 * Each person's pinned and frozen days (staff[].fixed) first, then the
 * other assignments of the --previous reference (scenario.reference)
 * that the prepared problem still has.  Each person's month is checked
 * against every rule of that person (constraints_check_person); where it
 * breaks one, an unfixed reference assignment inside the days broken is
 * left out (marked dropped "rule"), then a frozen one; the reference's
 * assignments of those days are marked `rule`.  Skill mix is global and
 * left to the search, which repairs senior cover first, but for the
 * frozen days, which it cannot touch: a ratio they break is repaired by
 * setting frozen assignments of the role free (RESTART_UNFREEZE), and
 * any other skill-mix rule they break is exit 3 naming the rule, unit,
 * date and the frozen assignments there.  Nor can the search mend a
 * ratio the start breaks on the other days (it only makes legal moves):
 * there unfixed assignments of the role the ratio limits are left out
 * (marked `rule`) until it holds.
 *
 * Memory: start is set up by restart_build (roster_setup) and released
 * by the caller, also on failure; pb and its scenario are borrowed, but
 * the reference's assignments get their `dropped` mark.
 */
#ifndef ROTA7_RESTART_H
#define ROTA7_RESTART_H

#include "diag.h"
#include "problem.h"
#include "roster.h"

enum restart_result {
	RESTART_READY = 0,      /* start holds a legal rota */
	RESTART_DROP = 1,       /* frozen assignment *drop breaks a rule:
	                           reference_drop it, build the problem
	                           again and call again */
	RESTART_UNFREEZE = 2,   /* frozen assignment *drop breaks a ratio
	                           skill-mix rule on its frozen day (another
	                           frozen one was removed): reference_unfreeze
	                           it, build again and call again */
	RESTART_FAILED = -1     /* err says why: ROTA_EINFEASIBLE naming
	                           the rule, person and dates when pins alone
	                           break a hard rule; else out of memory */
};

enum restart_result restart_build(const struct problem *pb,
				  struct roster *start, long *drop,
				  struct rota_error *err);

/* Whether every fixed day of r is as fixed (pins kept).  0 if so, else
 * -1 with err naming the person and date (ROTA_EINTERNAL: a bug). */
int restart_check_fixed(const struct problem *pb, const struct roster *r,
			struct rota_error *err);

#endif
