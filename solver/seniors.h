/*
 * seniors: a rota that meets every `senior` rule, found by GLPK (the
 * search's start when its own repair cannot meet them).
 *
 * Senior cover is the one hard rule an empty rota breaks, and the one
 * local search can fail to meet when seniors are few: meeting it on one
 * weekend may need another senior moved off another weekend, and so on.
 * An integer program sees all of that at once.  The model is the whole
 * model (every rule, exactly or stricter), with every cost set to zero and
 * every variable of a person who cannot meet a senior rule fixed at zero,
 * so what is left is the seniors' feasibility problem; GLPK's presolver
 * removes the rest.
 *
 * That model is stricter than the rules, so when it finds nothing a
 * second one decides: every formulation exact or weaker than its rule
 * (BUILD_PROOF), the whole months of everyone who could count toward a
 * senior rule or a ratio's `per` role.  Only its "infeasible" is
 * SENIORS_IMPOSSIBLE, a proof; its solution is taken when it keeps every
 * hard rule.
 */
#ifndef ROTA7_SENIORS_H
#define ROTA7_SENIORS_H

#include "problem.h"
#include "roster.h"

/* What seniors_find found, named as jq names its exit codes. */
enum seniors_result {
	SENIORS_FOUND,          /* r holds a senior-feasible rota */
	SENIORS_IMPOSSIBLE,     /* GLPK proved that no rota meets the senior
	                           rules with the other hard rules */
	SENIORS_UNKNOWN,        /* no answer within the time given, or a
	                           stop requested */
	SENIORS_ERROR           /* out of memory, or GLPK failed */
};

/*
 * Fills r (set up by roster_setup, empty) with a senior-feasible rota.
 *
 * Memory: r is the caller's and is only written with SENIORS_FOUND;
 * everything else is freed before return.
 */
enum seniors_result seniors_find(const struct problem *pb, double seconds,
				 struct roster *r);

/*
 * The same from the search's rota s, where its repair left some senior
 * cover unmet: seniors who can count in one cell are grouped, everyone
 * outside the groups left short keeps s's month (fixed, so GLPK's
 * presolver removes them), and GLPK places the rest, in half the time
 * given.  Mid and South Essex: one locality's seniors instead of all
 * 605 people's, whose whole model GLPK did not settle in eight CPU
 * minutes.  The whole model (seniors_find) decides in the time left
 * when that finds nothing, or when every senior is in one group.
 *
 * Memory: as seniors_find; s is only read.
 */
struct search;
enum seniors_result seniors_mend(const struct search *s, double seconds,
				 struct roster *r);

#endif
