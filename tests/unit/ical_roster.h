/*
 * ical_roster: a rota made without solving, for the calendar tests.
 *
 * Calendars must be right for any rota, and the tests of them must not
 * depend on whether the search meets every hard rule of a large example
 * in a few seconds.  So each person works every other day, cycling
 * through the shifts and deployments they may take: many roles,
 * neighbourhoods and clock changes are covered, deterministically.
 *
 * Memory: the scenario, demand, problem and roster are the caller's, as
 * with their own init/release functions; ical_rota_release frees all.
 */
#ifndef ROTA7_TEST_ICAL_ROSTER_H
#define ROTA7_TEST_ICAL_ROSTER_H

#include "demand.h"
#include "scenario.h"
#include "problem.h"
#include "roster.h"

struct ical_rota {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
};

/* Loads path (a scenario file) and fills the rota; 0 or -1 (printed). */
int ical_rota_load(struct ical_rota *x, const char *path);
/* The same from JSON text. */
int ical_rota_load_text(struct ical_rota *x, const char *json);
/* Every other day, cycling through the vars of each person and day. */
void ical_rota_alternate(struct ical_rota *x);
void ical_rota_release(struct ical_rota *x);

#endif
