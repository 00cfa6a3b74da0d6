/*
 * start: the engine's first legal rota (solve.h).
 *
 * The empty rota where every person's own rules allow it (the search
 * then meets the rules over many people, senior cover and ratios, as
 * its first phase).  Where they do not (the benchmarks' minimum total
 * minutes and minimum runs of days), a first rota person by person:
 * each person's rules are independent of everyone else's, so each is a
 * small problem, steered toward the cover the rota still lacks.  First
 * by dynamic programming over days (month.h), kept if the families'
 * exact checks pass; else a small GLPK model of that person's rules.
 *
 * Memory: r is the caller's (set up for pb); only its assignments
 * change.  Everything else is freed before return.
 */
#ifndef ROTA7_START_H
#define ROTA7_START_H

#include "problem.h"
#include "roster.h"

/* Whether the empty rota keeps every person's own hard rules. */
int start_empty_legal(const struct problem *pb);

enum start_result {
	START_DONE = 0,          /* r holds a rota keeping every person's
	                            own rules */
	START_IMPOSSIBLE = 1,    /* GLPK proved person *who's rules admit
	                            no rota */
	START_NOT_FOUND = 2,     /* none found for *who before deadline
	                            (timer_now() seconds) or a stop */
	START_ENOMEM = -1
};

/* Person by person, as above, from the empty rota r.  *who is the
 * person a START_IMPOSSIBLE or START_NOT_FOUND is about. */
enum start_result start_by_person(const struct problem *pb, double deadline,
				  struct roster *r, int *who);

#endif
