/*
 * reference: an earlier rota (`solve --previous DIR`, DIR/rota.json) that
 * a new solve changes as little as it can (../shared/spec/outputs.md,
 * "Re-rostering against a published rota").
 *
 * io/load_previous reads it; reference_apply then turns it into parts of
 * the scenario the whole engine already understands:
 *   - each day of the reference not frozen becomes a request of kind
 *     REQUEST_CHANGE with price weights.change: "on" its shift and
 *     neighbourhood when the reference works that day, "off" when not.
 *     As a person works at most one shift a day, the changed, added and
 *     removed assignments each refuse exactly one such request, so the
 *     deviation is linear in the assignment variables and every phase
 *     (search, month programs, bound, GLPK) prices it;
 *   - each day on or before --freeze-until becomes a struct fixed (the
 *     reference's shift and deployment, or off), which problem_build
 *     turns into the only choice of that day, plus a REQUEST_FIXED "on"
 *     request priced so that the engine always works it.
 * A frozen assignment the new input no longer allows (leave, the person
 * or the shift gone, a pin) is dropped and remembered with its reason;
 * one that breaks a hard rule with its neighbours is dropped by the
 * caller with reference_drop once the problem shows it.  After the solve,
 * reference_changes lists every difference for the reports.
 *
 * Memory: a struct reference owns every string and array it points to;
 * reference_free frees it all and the struct.  The scenario that holds
 * it (scenario.reference) frees it with itself.
 */
#ifndef ROTA7_REFERENCE_H
#define ROTA7_REFERENCE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "origin.h"
#include "scenario.h"

struct problem;
struct roster;

/* One assignment of the reference rota. */
struct ref_assignment {
	char *staff, *shift, *nbhd, *role;  /* ids as rota.json gives them */
	int32_t date;                       /* civil day */
	instant_t start, end;               /* its "start" and "end", or 0
	                                       when absent */
	/* Set by reference_apply, in the new scenario; -1 when gone. */
	int p, day, s, n, r;
	int frozen;                         /* on or before --freeze-until */
	int unfrozen;                       /* frozen, but set free to keep
	                                       a skill-mix rule its frozen
	                                       day breaks without it
	                                       (reference_unfreeze) */
	int rule;                           /* inside the days a rule of the
	                                       person broke with the
	                                       reference: a change of it is
	                                       for "rule" */
	const char *dropped;                /* why the new input removed it
	                                       ("leave", "pin", "removed",
	                                       "shift", "rule"), or NULL */
};

/* One row of changes.csv. */
struct change {
	const char *staff, *name;  /* borrowed from the scenario or the
	                              reference */
	int32_t date;
	char *before, *after;      /* "" when off; "shift" at home,
	                              "shift@neighbourhood" elsewhere */
	const char *reason;        /* leave, pin, removed, shift, rule,
	                              cover */
	int service;               /* of the shift lost or taken, or -1 */
	int short_notice;          /* within the person's
	                              rules.change_notice_days of --today */
};

struct reference {
	char *path;                /* the rota.json read */
	int32_t start;             /* its horizon: civil day of day 0 */
	int days;
	size_t n;
	struct ref_assignment *a;
	int has_freeze;
	int32_t freeze_until;      /* civil day, when has_freeze */
	int has_today;
	int32_t today;             /* --today, civil day, when has_today */
	size_t n_gone;
	char **gone;               /* staff of the reference no longer in
	                              the scenario, sorted, unique */
	size_t n_changes;
	struct change *changes;    /* reference_changes's, sorted by staff
	                              (scenario order, then the gone) and
	                              date */
	int left_to_fill;          /* shifts the new input took away that no
	                              change made up for (per date and
	                              service) */
	struct rota_origin origin; /* its made_from (origin.present 0 when
	                              it has none) */
};

struct reference *reference_new(void);
void reference_free(struct reference *ref);

/*
 * Hangs ref on sc (sc->reference, which then owns it) and adds its
 * requests and frozen days, as above.  0, or -1 with err set (out of
 * memory: ROTA_EINTERNAL).
 */
int reference_apply(struct scenario *sc, struct reference *ref,
		    struct rota_error *err);

/*
 * The reference's days before sc's horizon, when the reference reaches
 * the day before it (last month's run), as each person's history
 * (staff.past, replacing the scenario's; history.h), derived fields
 * set.  reference_apply calls it.  0, or -1 out of memory.
 */
int reference_history(struct scenario *sc, const struct reference *ref);

/*
 * Drops frozen assignment i of sc's reference for `why`: its day becomes
 * a frozen day off and its REQUEST_FIXED request is cancelled.  The
 * problem must be built again before it is used.
 */
void reference_drop(struct scenario *sc, size_t i, const char *why);

/*
 * Sets frozen assignment i of sc's reference free: its day is no longer
 * fixed but priced at weights.change like an unfrozen day, the start
 * leaves it off, and a change of it is reported for "rule".  For a
 * skill-mix rule (a ratio) that its frozen day breaks once another
 * frozen assignment is removed.  The problem must be built again.  0, or
 * -1 out of memory.
 */
int reference_unfreeze(struct scenario *sc, size_t i);

/* The frozen assignment of person p on horizon day d still kept, as an
 * index into ref->a, or -1. */
long reference_frozen_at(const struct reference *ref, int p, int d);

/* The reference's assignment of person p on horizon day d (kept or not),
 * as an index, or -1. */
long reference_at(const struct reference *ref, int p, int d);

/* Fills ref->changes and ref->left_to_fill from the solved rota r. 0, or
 * -1 with err set (out of memory). */
int reference_changes(struct reference *ref, const struct problem *pb,
		      const struct roster *r, struct rota_error *err);

/* Whether a change on civil day `date` to a person with rules r is at
 * short notice (--today and rules.change_notice_days). */
int reference_short_notice(const struct reference *ref,
			   const struct rules *r, int32_t date);

/* Distinct staff among ref->changes. */
size_t reference_changed_people(const struct reference *ref);

/* The price of a REQUEST_FIXED request: ten thousand person-hours of
 * missing cover (at least 1e7), more than any one person's month can
 * buy, so the engine never leaves a pinned or frozen shift unworked. */
double reference_fixed_price(const struct scenario *sc);

/*
 * Prices every REQUEST_FIXED request of sc (pins and frozen days) at
 * reference_fixed_price, and makes weights.request positive: every
 * phase prices a request at weights.request x weight, so with
 * weights.request 0 the staff's own weights become 0 and it becomes 1
 * (the same costs).  For solve, before the problem is built.
 */
void reference_price_fixed(struct scenario *sc);

#endif
