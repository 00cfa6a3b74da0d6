/*
 * dayproof: proofs, read off the prepared problem one day at a time, that
 * no rota keeps the hard rules; each names the rule, the unit, the date
 * and local time, and the people who could have met the rule with why
 * each cannot.
 *
 * Of the rules an empty rota can break, only `senior` skill mix is hard:
 * uncovered demand is soft (measured, never an error) and a `ratio` holds
 * when nobody is on duty.  A senior rule asks for `count` people filling
 * its role with band >= min_band on duty at every instant of its window,
 * in every unit of its scope, on the days it applies.  At an instant at
 * most as many can be on duty as there are (person, day) pairs with a
 * possible assignment (struct var) covering it, and the problem holds a
 * var for every assignment the hard rules of one day allow: not on leave
 * or a weekly day off, an allowed shift of the rule's service, a role and
 * a neighbourhood the person may fill.  Fewer pairs than `count` is a
 * proof that no rota exists.  It is cheap (one pass over the cells of
 * the rules' windows), so solve and check run it before anything else.
 *
 * The people named are those whose role is or covers the rule's role;
 * each is given the first reason that applies (band, where they may
 * work, the shifts they may work, leave, weekly days off), read from
 * the scenario.  A new reason (a pin, say) is one function and one line
 * in the table of reasons in dayproof.c; a new kind of day-level proof
 * is one more walk called from dayproof_find.
 *
 * Memory: nothing is kept; messages are copied into err.
 */
#ifndef ROTA7_DAYPROOF_H
#define ROTA7_DAYPROOF_H

#include "diag.h"
#include "problem.h"

/* People named per proof before "and N more". */
#define DAYPROOF_MAX_NAMED 10

/*
 * 0 when no day-level proof is found (a rota may still not exist);
 * -1 with one ROTA_EINFEASIBLE entry per rule, unit and day that cannot
 * be met (its rule "skill-mix", who the unit, first and last day that
 * day; up to the cap, counted beyond), or ROTA_EINTERNAL when out of
 * memory.
 */
int dayproof_find(const struct problem *pb, struct rota_error *err);

#endif
