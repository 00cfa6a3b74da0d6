/*
 * history: what each person worked in the days before the horizon (the
 * scenario's `history`, or the last days of a --previous rota that
 * reaches the day before the horizon; README, "History"), and what the
 * rules that look back read of it.
 *
 * The loader or reference_history fills staff.past, has_past and
 * past_from; history_derive then sets the derived fields (the rest still
 * owed, the days, nights and days off in a row up to the horizon), which
 * the prepared problem's pre-filters (problem.c) and the families' rows
 * and checks (runs, nights, weekly rest, weekends) read.
 *
 * Memory: staff.past is owned by the staff (scenario_release frees it);
 * these functions allocate nothing but history_set's array.
 */
#ifndef ROTA7_HISTORY_H
#define ROTA7_HISTORY_H

#include "scenario.h"

/* Sets the derived history fields of every person of sc from their
 * past shifts. */
void history_derive(struct scenario *sc);

/* Person st's past shift on civil day date, or NULL (off, or unknown:
 * see history_known). */
const struct past_shift *history_at(const struct staff *st, int32_t date);

/* Whether the history covers civil day date: has_past, date on or after
 * past_from and before the horizon (sc's), and within HISTORY_DAYS. */
int history_known(const struct scenario *sc, const struct staff *st,
		  int32_t date);

/* The local midnight of horizon day d, for -HISTORY_DAYS <= d <= days
 * (d < 0: before the horizon, needing horizon.before). */
instant_t history_day_start(const struct scenario *sc, int d);

/* Replaces st's history with n shifts (copied, then sorted by date) known
 * from civil day from.  0, or -1 out of memory (st unchanged). */
int history_set(struct staff *st, int32_t from, const struct past_shift *a,
		size_t n);

#endif
