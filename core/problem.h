/*
 * problem: a scenario prepared for solving.
 *
 * Everything the constraint families, the heuristics and the rota writer
 * share, computed once from the scenario and its demand:
 *   - each person's deployment options (neighbourhood, role filled), with
 *     their cost per paid hour (cross-cover, substitution);
 *   - the days each person can work at all (leave, weekly days off);
 *   - coverage cells: for each service, scope unit and role, the
 *     elementary time intervals between consecutive breakpoints (band
 *     edges and shift edges of that service), with the head-count
 *     required there.  Between breakpoints nobody comes or goes, so
 *     counting people on duty per cell is exact;
 *   - for each (person, day, shift, option) that may be worked, the
 *     cells it counts toward.
 *
 * Memory: struct problem owns its arrays and borrows the scenario, which
 * must outlive it.  problem_release frees what it owns.
 */
#ifndef ROTA7_PROBLEM_H
#define ROTA7_PROBLEM_H

#include <stddef.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"

struct option {
	int nbhd;              /* neighbourhood worked in */
	int role;              /* role filled */
	double cost_per_hour;  /* cross_cover_hour and/or substitution */
};

struct person {
	size_t n_opts;
	struct option *opts;
	unsigned char *off;    /* [days]: 1 on leave or a weekly day off */
	int leave_weekdays;    /* Mon-Fri leave days inside the horizon */
	double target_hours;   /* contract target over the horizon */
};

struct cell {
	int service, scope, unit, role;
	instant_t from, to;
	int required;          /* head-count required (0: none) */
	double hours;          /* (to - from) in hours */
	double under_cost;     /* objective per person short here */
	double over_cost;      /* per person beyond required (0: free) */
};

/* A variable of the problem: person p works shift s on day d with
 * option k.  Only combinations that are possible at all exist. */
struct var {
	int p, d, s, k;
	double paid_hours;
	size_t first_cell, n_cells;   /* range in problem.var_cells */
};

struct problem {
	const struct scenario *sc;
	int days;
	struct person *people;        /* [n_staff] */
	size_t n_cells;
	struct cell *cells;
	size_t n_vars;
	struct var *vars;
	size_t *var_cells;            /* cell ids, per var as ranges */
	size_t *cell_var_first;       /* [n_cells + 1]: the transpose, vars */
	size_t *cell_vars;            /* covering each cell, as ranges */
	size_t *day_first;            /* [n_staff * days + 1]: vars by
	                                 person, then day */
	size_t n_tracks;
	size_t *track_first;          /* [n_tracks + 1]: cells by track */
	int n_scopes;                 /* 2 + n_kinds */
	size_t max_units;
};

void problem_init(struct problem *pb);
void problem_release(struct problem *pb);

/*
 * The prepared problem's real size, counted from the scenario alone
 * before anything is built (in time linear in staff x days x shifts,
 * which the loader bounds): columns are the (person, day, shift,
 * deployment option) variables problem_build makes, after leave, weekly
 * days off, allowed shifts, may_work_in and also_covers; cell_refs are
 * the coverage entries those columns carry (each column counts toward
 * every cell of its shift in its neighbourhood's, group's and borough's
 * track), exactly; cells bounds the coverage cells (the rows of cover)
 * from above.  Memory grows with all three: a borough-wide may_work_in
 * multiplies columns by the neighbourhoods, which staff x days x shifts
 * does not see.
 */
struct problem_size {
	size_t columns;
	size_t cells;
	size_t cell_refs;
};

/*
 * Limits problem_build refuses beyond (exit 2, naming the figure; README
 * "Limits").  Measured on 2026-12-02 on the project's machine: Mid and
 * South Essex for March has 453,645 columns, 35,557 cells and 5.1 million
 * coverage entries, Stockport 72,222, 14,415 and 0.8 million; a scenario
 * of 2,000,000 columns and 36 million entries (500 staff over 10 days, 8
 * shifts, 50 neighbourhoods, all borough-wide) took 0.7 GB to solve and
 * 2.3 GB to export as LP.
 */
#define PROBLEM_MAX_COLUMNS ((size_t)2000000)
#define PROBLEM_MAX_CELLS ((size_t)2000000)
#define PROBLEM_MAX_CELL_REFS ((size_t)40000000)

/* The index of the first of the n sorted breakpoints b at or after t
 * (n when none): where an interval starting or ending at t is counted,
 * by problem_build's cells and problem_measure's count alike. */
size_t problem_breakpoint(const instant_t *b, size_t n, instant_t t);

/* Fills z; 0, or -1 with err set (out of memory). */
int problem_measure(const struct scenario *sc, struct problem_size *z,
		    struct rota_error *err);
/* 0 when z is within the limits; else -1 with ROTA_EINPUT in err:
 * "model too large: 12,500,000 assignment columns (limit 2,000,000)". */
int problem_size_check(const struct problem_size *z, struct rota_error *err);

/* Records "model too large: GOT WHAT (limit LIMIT)", figures with
 * thousands separators, as ROTA_EINPUT; returns -1. */
int problem_too_large(struct rota_error *err, size_t got, size_t limit,
		      const char *what);

/* Whether a role matters in service sv: demanded by one of its bands,
 * or named by a skill-mix rule of it. */
int problem_live_role(const struct scenario *sc, int sv, int role);

/* Sorted, unique band and shift edges of service sv over the horizon
 * (*n of them); NULL out of memory.  The caller frees the array. */
instant_t *problem_breakpoints(const struct scenario *sc, int sv, size_t *n);

/* Builds pb from sc and its expanded demand, first refusing a model
 * beyond the limits above.  0, or -1 with err set. */
int problem_build(struct problem *pb, const struct scenario *sc,
		  const struct demand *d, struct rota_error *err);

/* Scope number (0 .. n_scopes-1) of a scenario scope, and back. */
int problem_scope_index(const struct problem *pb, int scope);
int problem_scope_of_index(const struct problem *pb, int idx);

/* Track of (service, scope, unit, role); cells of a track are in time
 * order at track_first[t] .. track_first[t+1]. */
size_t problem_track(const struct problem *pb, int service, int scope,
		     int unit, int role);

/* Hours of a cell. */
static inline double cell_hours(const struct cell *c)
{
	return c->hours;
}

/* What a cell costs with `on_duty` people there: each one short at
 * under_cost, each one over at over_cost. */
static inline double cell_cost(const struct cell *c, int on_duty)
{
	int gap = c->required - on_duty;

	return gap > 0 ? c->under_cost * gap : c->over_cost * -gap;
}

/* Vars of one person on one day: [*first, *end). */
void problem_day_vars(const struct problem *pb, int p, int d, size_t *first,
		      size_t *end);
/* All vars of one person, every day: [*first, *end). */
void problem_person_vars(const struct problem *pb, int p, size_t *first,
			 size_t *end);

#endif
