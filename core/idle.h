/*
 * idle: staff who can never work a shift that meets demand.
 *
 * A person on the establishment whose allowed shifts meet no demand of a
 * role they can fill where they may work (or who has no shifts at all,
 * or is on leave or a weekly day off every day) is never of use to any
 * rota, yet counts in post, so the FTE gap understates the need.  Found
 * on the prepared problem, exactly: a person is idle when no variable of
 * theirs counts toward a coverage cell with someone required.  check
 * warns of them, rota.json lists them ("idle_staff") and the FTE gap
 * shows their FTE beside the FTE in post, which still includes them.
 *
 * Memory: struct idle_list owns its array; idle_list_release frees it.
 */
#ifndef ROTA7_IDLE_H
#define ROTA7_IDLE_H

#include <stddef.h>

#include "diag.h"
#include "problem.h"

enum idle_reason {
	IDLE_NO_SHIFTS,       /* shifts: [] */
	IDLE_NEVER_FREE,      /* leave or a weekly day off on every day */
	IDLE_NO_SHIFT_DAY,    /* no allowed shift occurs on a free day */
	IDLE_NO_DEMAND        /* works, but never where demand is */
};

struct idle_person {
	int staff;            /* index into scenario.staff */
	enum idle_reason reason;
};

struct idle_list {
	size_t n;
	struct idle_person *items;  /* in staff order */
};

void idle_list_init(struct idle_list *l);
void idle_list_release(struct idle_list *l);

/* Fills l with pb's idle staff; 0, or -1 with err set (out of memory). */
int idle_find(const struct problem *pb, struct idle_list *l,
	      struct rota_error *err);

/* Whether person p of pb can never work where demand is (and why, when
 * reason is not NULL). */
int idle_person(const struct problem *pb, int p, enum idle_reason *reason);

/* Why, in words for messages and rota.json: "no shifts allowed". */
const char *idle_reason_text(enum idle_reason r);

/*
 * Whether request q of person p ("on") can never be granted: no variable
 * of p that day matches it.  *why says which: a shift the person may not
 * work, a day of leave or a weekly day off, a shift that does not occur
 * that day.  "off" requests and requests outside the horizon: 0.
 */
int idle_request_impossible(const struct problem *pb, int p, size_t q,
			    const char **why);

#endif
