/*
 * colphase: column generation (colgen.h) as a phase of `rota7 solve`:
 * from solve's rota meeting senior cover, the rounds and the dive, then
 * the local search's polish of the dived rota (falling back to the
 * dived rota after its senior repair, or to the rota it started from,
 * when that is legal and cheaper or the polished one breaks a rule, as
 * when the time limit cuts the polish while it is steered).
 *
 * Its budget is a share of solve's --work W, counted, never timed:
 * W / COLPHASE_WORK_PER_ROUND pricing rounds (at least one), each of
 * colgen's iterations per part, the dive's steps of its own iterations,
 * then W rounds of the search's polish, twice at once (the second
 * search on the other core with a seed drawn from the first's), the two
 * merged part by part (colphase_merge) into the cheaper legal one, the
 * first on a tie, so the result does not depend on which ends first.  Where the start was built person by
 * person that is done COLPHASE_MAX_DIVES times, each dive from its own
 * first threshold and weight of a day off, and the best polished rota
 * kept (the rounds are the same each time: a fraction of a second on
 * Curtois & Qu 1-10).  The time limit only cuts it.
 *
 * ROTA7_COLGEN tunes it (measuring aids), a list like
 * "rounds=25,iters=150": rounds, iters, dive (iterations between
 * fixings), first (the dive's first threshold), share (least share of
 * days fixed a step), prices (pricing rounds after each fixing step),
 * off (a day off's share of its weight in the dive's ranking), smooth,
 * tol, probe (colgen.h), reiters=N (iterations between a fixing step's
 * pricings), polish=N (search rounds after the dive), twins=N (pairs
 * of polishes one after another, each merged into the best so far),
 * fromdive=1 (each pair from the dived rota, not the last merged),
 * exact=0/1 (hours exactly in the pricing's program, month.h: the
 * default where the start was built person by person),
 * merge=0 (the better of a pair, unmerged), steer=N (fifths of the
 * polish steered, 1), warm=N (N rounds of plain
 * search first, its rota in the pool), lambda=N (N steps of bound.h's
 * subgradient first, its prices the starting duals), skip=1 (no colgen:
 * the polish alone), dives=N (column generations, each its own first
 * threshold and weight of a day off), mip=N (GLPK over every month
 * priced after each dive, N nodes: colmip.h; off by default, since on
 * Curtois & Qu 6-10 it took up to 33 s of the minute for rotas no
 * better than the dive's).
 * ROTA7_COLGEN=off never runs the phase.
 *
 * Memory: nothing kept; the search is the caller's.
 */
#ifndef ROTA7_COLPHASE_H
#define ROTA7_COLPHASE_H

#include "local_search.h"
#include "problem.h"

struct colphase_opts {
	int rounds;
	long iters, dive_iters;
	long polish;             /* search rounds after the dive */
	long warm;               /* rounds of plain search first */
	int steer;               /* the polish's fifths steered */
	int twins;               /* twin polishes, one after another */
	int no_merge;            /* measuring: the better twin, unmerged */
	int twins_from_dive;     /* each from the dived rota (else from
	                            the last merged) */
	int spread;              /* see colgen_opts */
	int exact_hours;         /* see colgen_opts */
	long probe;              /* see colgen_opts */
	double smooth;           /* see colgen_opts */
	double tol;              /* see colgen_opts */
	double dive_share;       /* see colgen_opts */
	long reprice_iters;      /* see colgen_opts */
	double dive_first;       /* see colgen_opts */
	int dive_prices;         /* see colgen_opts */
	double dive_off;         /* see colgen_opts */
	int skip;                /* a control: no colgen, only the polish */
	long mip_nodes;          /* see colgen_opts */
	int dives;               /* column generations, each diving from
	                            its own first threshold, the best
	                            polished rota kept (1: one, at
	                            dive_first) */
	long lambda;             /* steps of bound.h's subgradient first,
	                            its prices the duals to start from */
};

/*
 * Whether the phase runs for pb with the budget `work`, o filled.
 * Where the start was built person by person (by_person: the empty rota
 * breaks someone's rules, as in every Curtois & Qu instance) it runs
 * whatever the staff count up to COLPHASE_MAX_STAFF: there the plain
 * search's single-day moves rarely keep the rules, and on instances
 * 1-10 the column generation's rota in under 3 s was at or near the
 * best known on seven (Instance10 4,631 against fix-and-optimise's
 * 4,884 in 60 s).  Otherwise:
 * ROTA7_COLGEN=off never, ROTA7_COLGEN set to a list always (with its
 * settings), unset when pb has COLPHASE_STAFF to COLPHASE_MAX_STAFF
 * people and work is at least COLPHASE_MIN_WORK: where it was measured
 * to help (Stockport, 189 people; Mid and South Essex, 605 people, at
 * --work 2000: 5,606,068 against the plain search's 5,779,912 in the
 * same 237 CPU s and 376 MB; the small examples' plain rotas are at or
 * near their bounds already).  Above a thousand people nothing is
 * measured, so the plain search stays.  A choice from the input, before anything runs: the
 * same command takes the same path on every machine and at any load.
 */
#define COLPHASE_STAFF 100
#define COLPHASE_MAX_STAFF 1000
#define COLPHASE_MIN_WORK 800
/* 60 rounds at the default 2000.  With three pricing rounds a fixing
 * step (colgen.c), measured on Stockport seed 1 (2026-12-03): 60 rounds
 * polished 1,607,442 in 39 s, 100 rounds 1,621,048 in 56 s, 40 rounds
 * (with a plain search's rota in the pool) 1,699,190; 25, the count
 * measured best with one pricing a step (branch engine-colgen), now
 * leaves the master too far from its optimum to dive from. */
#define COLPHASE_WORK_PER_ROUND 33
/* 25 rounds at the person-by-person default of 500 (solve.h), as on
 * Stockport: the benchmarks' masters are small, so rounds are cheap. */
#define COLPHASE_BY_PERSON_WORK_PER_ROUND 20
/* Where the start is the empty rota (the scenarios), a finer dive: at
 * least 2% of the free days a fixing step, not colgen.h's 5%, and 100
 * PDHG iterations between a step's pricings, not 300.  Stockport seeds
 * 0/1/2 (2026-12-04, idle 2-core machine): 1,586,954 / 1,582,926 /
 * 1,586,881 in 31-33 s, against 1,611,019 / 1,610,758 / 1,608,741 in
 * 23-26 s; 3% gave 1,609,245 / 1,603,373 / 1,613,112, 200 iterations a
 * step 1,599,653 / 1,597,325 / 1,597,431.  The benchmarks keep the
 * coarser dive: on Curtois & Qu 1-10 the finer one was no better
 * (Instance6 2,040 against 1,952, Instance8 1,471 against 1,483). */
#define COLPHASE_FINE_SHARE 0.02
#define COLPHASE_FINE_REPRICE_ITERS 100
/* Where the start was built person by person, this many column
 * generations, each with its own first threshold of the dive and
 * weight of a day off (colphase.c); one elsewhere (Stockport's takes
 * half the minute). */
#define COLPHASE_MAX_DIVES 8
/* Shares of the time limit by which the rounds and the dive end when
 * the limit is going to cut the phase; the rest goes to the polish,
 * which only improves on the dived rota.  On an idle 2-core machine
 * Stockport's default run ends its rounds at about 24% of the 60 s and
 * its dive at 70 to 75% (42-45 s; the polish takes 7 s more), so a dive
 * share of 0.7 cut it by a hair, its rota moving with the clock (1.588
 * to 1.605 M over six runs); at 0.8 it ends by its work (1,582,926).
 * Measured at shorter limits, 0.8 against 0.7: 40 s 1,617,007 against
 * 1,633,022, 20 s 1,692,990 against 1,683,389, 10 s 1,834,056 against
 * 1,743,165 (the polish then has 2 s). */
#define COLPHASE_ROUNDS_SHARE 0.40
#define COLPHASE_DIVE_SHARE 0.80
int colphase_wanted(const struct problem *pb, long work, int by_person,
		    struct colphase_opts *o);

/*
 * Runs the phase on s (its rota legal: senior cover met) until deadline:
 * s ends holding the polished rota, *bound the best bound seen.
 * 0 done, 1 cut short by the deadline or a stop, -1 out of memory.
 */
int colphase_run(const struct colphase_opts *co, struct search *s, double t0,
		 double deadline, double *bound,
		 int (*progress)(void *ctx, const struct search *s), void *ctx);

/*
 * a's people of each independent part (colpool.h: people joined by a
 * cover, senior or ratio row) given b's months wherever that keeps every
 * rule and costs less, part by part in order.  Parts share no row, so a
 * part's cost is its own: from two polishes of one dive, a ends with
 * the better of each part.  Both rotas are of pb; b is only read.  0, or
 * -1 out of memory (a then unchanged or improved, never worse).
 */
int colphase_merge(const struct problem *pb, struct roster *a,
		   const struct roster *b);

#endif
