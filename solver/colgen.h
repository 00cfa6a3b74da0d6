/*
 * colgen: column generation over people's months, with a first-order
 * master, a Lagrangian bound every round, and a rota by diving.
 *
 * The master (master.h) chooses a convex mix of legal months for each
 * person under the cover, senior and ratio rows (colpool.h), in parts
 * that share no row.  Each round runs a budget of PDHG iterations on
 * every part, then prices every person at the duals y:
 *   - the month: pattern.h's dynamic program at a few prices per paid
 *     hour (it keeps the sequence rules exactly), each month it finds
 *     checked by the families' exact checks and priced exactly; when
 *     none is legal, pattern_pick within the hours window;
 *   - the bound: for any y with -o <= y <= u (o: the price over, 0
 *     where over is free), b'y plus every person's least reduced cost
 *     is a lower bound on every rota (Lagrangian relaxation of the
 *     rows; fairness left out, which only adds cost).  A person's
 *     least reduced cost is bounded from below two ways, the larger
 *     kept: bound.h's program over days and paid hours, and the
 *     sequence program with the hours window and contract shortfall
 *     priced (max over that price, a concave function), and each limit
 *     on shifts of a type priced by a subgradient step a round.
 * Columns that sat at no weight for a few rounds go.  After the rounds,
 * diving by days: the days whose heaviest choice (a shift, or off, summed
 * over the person's months) weighs at least a threshold (0.75, x0.9 down
 * to 0.5), and at least a share of the free days, are fixed; the master
 * is solved again for a few hundred iterations and priced again with months
 * that keep the days fixed, until every day is.  (Whole months weigh
 * too little: the first-order master spreads a person over many months
 * of nearly equal value.)  Each month is legal for its person; ratio
 * cells broken by the rounding are repaired by dropping shifts, senior
 * cover is left to the local search that polishes the rota.
 *
 * Phases switch on counted work (rounds, iterations), never on the
 * clock: the deadline only stops the run.  Sums run in a fixed order,
 * so the same input gives the same rota.
 *
 * Method: Strandmark, Qu and Curtois, Computers & Operations Research
 * 123 (2020) 104945, first-order LP in column generation with diving
 * for nurse rostering.  Written from the paper's method, not its code
 * (GPL-3).
 *
 * Memory: the caller owns `out` (roster_init) and the options' roster.
 */
#ifndef ROTA7_COLGEN_H
#define ROTA7_COLGEN_H

#include "problem.h"
#include "roster.h"

struct colgen_opts {
	int rounds;                  /* pricing rounds before the dive */
	long iters;                  /* PDHG iterations per round */
	long dive_iters;             /* PDHG iterations between fixings */
	long reprice_iters;          /* between a fixing's pricings (0:
	                                dive_iters) */
	double dive_first;           /* the first threshold (0.75) */
	double dive_share;           /* days fixed a step, at least: this
	                                share of those still free */
	int dive_prices;             /* pricing rounds after each fixing
	                                step (each after its own
	                                dive_iters) */
	double dive_off;             /* a day off weighs this much of its
	                                weight when days are ranked for
	                                fixing (1: as a shift) */
	int max_idle;                /* rounds a column may sit unused */
	double tol;                  /* relative gap at which a master's
	                                iterations stop (0: master's own) */
	double smooth;               /* weight of the best bound's duals
	                                where pricing is done (0 to 1) */
	const struct roster *start;  /* months to start from, or NULL */
	const double *start_y;       /* [n_cells]: prices of cover to start
	                                the duals from (bound.h's lambda), or
	                                NULL */
	double deadline;             /* timer_now() seconds: stops only */
	double rounds_deadline;      /* the rounds stop here (a cut: the
	                                dive then runs on to deadline) */
	double t0;                   /* start, for progress lines */
	int verbose;                 /* progress line every round */
	int spread;                  /* each new month also offered to up to
	                                this many others of the same role,
	                                band and contract (0: none, the
	                                default: 3 gave Stockport's seeds
	                                0/1/2 rotas 0.6-0.8% dearer) */
	int exact_hours;             /* price with the hours (and the
	                                tightest limit on shifts of a type)
	                                in the program's state where
	                                month.h can: exact months, so the
	                                master reaches the LP over legal
	                                months (Curtois & Qu: Instance8's
	                                from 1,336 after 300 rounds to
	                                1,297 after 100; the optimum is
	                                1,300).  Off for the scenarios: on
	                                Stockport its program is up to 116
	                                times as large and the 60 s rota
	                                dearer (see colphase.c) */
	long mip_nodes;              /* after the dive, GLPK over every month
	                                priced (colmip.h), at most this many
	                                nodes (0: none) */
	long probe;                  /* measuring: after the rounds, this
	                                many more iterations on each part's
	                                master, its values every 100 */
};

struct colgen_stats {
	double bound;                /* best bound seen, or -HUGE_VAL */
	double primal, dual;         /* the masters' last values, summed */
	long iterations;             /* PDHG, over every part */
	long dp_calls;               /* dynamic programs run in pricing */
	size_t columns;              /* in the pool at the end */
	int rounds;                  /* pricing rounds done */
	int dives;                   /* fixing steps */
	int stopped;                 /* cut short by a deadline */
	double mip_value;            /* colmip's value, or HUGE_VAL */
	size_t mip_columns;          /* months it chose among */
	int mip_proven;              /* best of them */
	double pdhg_seconds;         /* wall clock in the masters, pricing */
	double price_seconds;
};

/* The budgets measured best on Stockport (work 2000): 25 rounds of 300
 * iterations, 300 between fixings (150 and 100: 1,750,403 against
 * 1,703,069), first threshold 0.75, at least 5% of the free days fixed a
 * step, columns unused 5 rounds dropped, duals smoothed half toward the
 * best bound's; three pricing rounds after each fixing step and a day
 * off ranked at 0.8 of its weight (colgen.c says what they bought).
 * The scenarios' phase dives finer (colphase.h, COLPHASE_FINE_SHARE). */
void colgen_opts_default(struct colgen_opts *o);

/*
 * The rounds, then dives from where they ended, each with its own
 * options: a dive starts from the master and columns at the end of its
 * o->rounds rounds, kept from the first dive that asked for that count
 * (more rounds run on from the most kept; the dives' columns are not
 * kept), so the rounds run once for several dives.  The rounds' other
 * options are colgen_new's.
 */
struct colgen;

/* Sets up and runs the rounds into st (the run's stats, borrowed until
 * colgen_free; o too).  NULL out of memory. */
struct colgen *colgen_new(const struct problem *pb,
			  const struct colgen_opts *o, struct colgen_stats *st);
/*
 * One dive from the rounds' end; out (initialised, any content) gets
 * the dived rota and st its figures (dives, columns, stopped).  o is
 * borrowed until the next dive or colgen_free.  0 when the rounds and
 * the dive finished; 1 when a deadline or a stop cut either (out then
 * holds each person's heaviest month where the dive had not fixed one);
 * -1 out of memory.
 */
int colgen_dive(struct colgen *c, const struct colgen_opts *o,
		struct roster *out);
void colgen_free(struct colgen *c);

/* colgen_new, one dive and colgen_free: as colgen_dive. */
int colgen_run(const struct problem *pb, const struct colgen_opts *o,
	       struct roster *out, struct colgen_stats *st);

#endif
