/*
 * nrp: the Curtois & Qu shift-scheduling benchmark instances
 * (schedulingbenchmarks.org, "Instance1" to "Instance24"), read and
 * mapped onto rota7's own scenario so the same engine solves them.
 *
 * The text format has sections (SECTION_HORIZON, SECTION_SHIFTS,
 * SECTION_STAFF, SECTION_DAYS_OFF, SECTION_SHIFT_ON_REQUESTS,
 * SECTION_SHIFT_OFF_REQUESTS, SECTION_COVER) of comma-separated lines;
 * '#' starts a comment line.  Errors name the file, line and column.
 *
 * The mapping (nrp_to_scenario), rule by rule:
 *   one neighbourhood, one role; each shift type its own service, so
 *   cover is counted per (day, shift type) as the benchmark does; shifts
 *   start at midnight UTC and last their length (no clock changes);
 *   MaxShifts          -> rules.max_shifts (0: the shift is not allowed)
 *   Max/MinTotalMinutes-> rules.max_total_hours / min_total_hours (hard)
 *   MaxConsecutiveShifts -> max_days_in_a_row
 *   MinConsecutiveShifts -> min_days_in_a_row   (runs touching the
 *   MinConsecutiveDaysOff -> min_days_off_in_a_row  horizon's ends exempt)
 *   MaxWeekends        -> max_weekends over the whole horizon
 *   days off           -> leave; on/off requests -> requests;
 *   forbidden successions -> shift.forbid_next; cover -> demand items
 *   with their own under and over weights per person and shift.
 * Rules the benchmark does not have are switched off (rest 0, no weekly
 * rest, no contract, no fairness).  The instance's objective is then the
 * scenario's objective.
 *
 * Files: nrp.c reads an instance (nrp_parse, nrp_load, nrp_sniff),
 * nrp_scenario.c maps it (nrp_to_scenario), nrp_objective.c counts its
 * own objective (nrp_objective).
 *
 * Memory: struct nrp owns everything it points to; nrp_release frees it.
 */
#ifndef ROTA7_NRP_H
#define ROTA7_NRP_H

#include <stddef.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"

/* Limits, refused with exit 2 rather than met by running out of memory. */
#define NRP_MAX_DAYS 3660
#define NRP_MAX_SHIFTS 100
#define NRP_MAX_STAFF 5000
#define NRP_MAX_ID 64

struct nrp_shift {
	char *id;
	int minutes;
	unsigned char *forbid_next;  /* [n_shifts]: may not follow this one */
};

struct nrp_staff {
	char *id;
	int *max_shifts;             /* [n_shifts]; -1: no limit given */
	int max_minutes, min_minutes;
	int max_consecutive, min_consecutive, min_days_off;
	int max_weekends;
};

struct nrp_request {
	int staff, day, shift;
	int weight;
};

struct nrp_cover {
	int requirement;             /* -1: no line for this (day, shift) */
	int under, over;             /* weights per person */
};

struct nrp {
	int days;
	size_t n_shifts;
	struct nrp_shift *shifts;
	size_t n_staff;
	struct nrp_staff *staff;
	unsigned char *day_off;      /* [n_staff * days] */
	size_t n_on, n_off;
	struct nrp_request *on, *off;
	struct nrp_cover *cover;     /* [days * n_shifts] */
};

void nrp_init(struct nrp *in);
void nrp_release(struct nrp *in);

/* Parses an instance held in memory; `name` is used in messages.
 * 0, or -1 with err filled (ROTA_EINPUT, "name:line:col: ..."). */
int nrp_parse(struct nrp *in, const char *name, const char *buf, size_t len,
	      struct rota_error *err);
/* Reads and parses a file ("-": standard input). */
int nrp_load(struct nrp *in, const char *path, struct rota_error *err);

/* Whether a file looks like an instance (starts, after comments and blank
 * lines, with SECTION_HORIZON): how export-lp tells the formats apart. */
int nrp_sniff(const char *buf, size_t len);

/* Whether the file at path looks like an instance (reads its start;
 * "-" and unreadable files: no). */
int nrp_sniff_file(const char *path);

/* Builds the scenario and demand that say the same problem. */
int nrp_to_scenario(const struct nrp *in, struct scenario *sc,
		    struct demand *d, struct rota_error *err);

/* The instance's own objective of a solution given as shift index per
 * (staff, day), -1 for a day off: cover under and over weights plus
 * refused on and granted off requests.  Independent of the scenario
 * mapping, so each checks the other. */
long nrp_objective(const struct nrp *in, const int *shift_of);

#endif
