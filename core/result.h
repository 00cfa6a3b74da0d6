/*
 * result: what a solve says of the rota it returns, read by the reports
 * and the command line as plain data.  Filled by the solver (solve.h).
 *
 * Memory: plain numbers; nothing in it is allocated.
 */
#ifndef ROTA7_RESULT_H
#define ROTA7_RESULT_H

/* Room for solve_result.engine. */
#define SOLVE_ENGINE_LEN 128

/* Why a solve ended. */
enum solve_stop {
	SOLVE_STOP_WORK,        /* its work budget was spent */
	SOLVE_STOP_OPTIMAL,     /* the bound met the rota: proven optimal */
	SOLVE_STOP_GAP,         /* within --gap of the bound */
	SOLVE_STOP_TIME,        /* cut by --time-limit: the rota depends on
	                           the machine's speed */
	SOLVE_STOP_INTERRUPT    /* SIGINT or SIGTERM */
};

struct solve_result {
	int optimal;            /* the objective meets the bound */
	double objective;
	double bound;           /* -HUGE_VAL when none is known */
	double gap;             /* relative; HUGE_VAL when no bound */
	double seconds;
	double uncovered_hours;
	long work;              /* rounds of search done */
	enum solve_stop stopped_by;
	unsigned long long seed;  /* the --seed it ran with, for the report */
	/* What the rota was made with, for rota.json's made_from: */
	long work_budget;       /* the --work in force (its default too) */
	double gap_option;      /* the --gap asked for, 0 when none */
	char engine[SOLVE_ENGINE_LEN];  /* "rota7 0.1.0", and any setting
	                           of the environment that changes the rota */
	int reproduced;         /* the start kept as it was, unsearched: it
	                           is this engine's own rota for this input
	                           (solve_opts.keep_start) */
};

#endif
