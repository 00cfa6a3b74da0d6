/*
 * result: what a solve says of the rota it returns, read by the reports
 * and the command line as plain data.  Filled by the solver (solve.h).
 *
 * Memory: plain numbers; nothing in it is allocated.
 */
#ifndef ROTA7_RESULT_H
#define ROTA7_RESULT_H

struct solve_result {
	int optimal;            /* the objective meets the bound */
	double objective;
	double bound;           /* -HUGE_VAL when none is known */
	double gap;             /* relative; HUGE_VAL when no bound */
	double seconds;
	double uncovered_hours;
};

#endif
