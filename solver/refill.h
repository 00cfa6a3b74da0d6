/*
 * refill: in a re-roster (--previous), the cover cells the start emptied
 * filled again by whole months.
 *
 * The start (restart.h) leaves out the shifts the new input forbids
 * (leave) and those that then break a rule (an hours cap the leave
 * lowers, a ratio whose qualified nurse went sick), so their cells are
 * short.  The search's own moves price each change at weights.change and
 * rarely find the refill: where a person has no hours to spare, taking
 * such a shift means leaving another (two changes, and that one's cover
 * lost), and a support worker's shift there is illegal until a nurse
 * works beside them (a ratio), so no one person's move pays.  This
 * phase tries, for each short cell of a shift the start left out, each
 * person who could work it: that person's month remade by the month
 * program (month.h) with the shift pulled in; where that alone does not
 * pay, a second person's month around a shift the ratio ties to it (the
 * same unit and time) or around a shift the first left, and then a
 * third around what either left, so up to three months are priced
 * together (REFILL_PEOPLE).  A move pays only when every hard rule of
 * the people moved and the ratios around every shift changed hold, and
 * both the search's objective and the whole one (constraints_cost,
 * fairness too) go down; of the moves that pay for a cell, the one
 * leaving the fewest hours uncovered is kept, the cheapest of those.
 * The last step is tried only where its shift alone on its day would
 * pay for the move so far, and the take-over steps only where the cover
 * left short could.
 *
 * Deterministic: cells, people and shifts are tried in index order and
 * the work is counted (REFILL_MAX_TRIES months), never timed; only the
 * deadline or a stop request cuts it short (s->cut).
 *
 * Memory: refill_run borrows s and frees its scratch before it returns.
 */
#ifndef ROTA7_REFILL_H
#define ROTA7_REFILL_H

#include "local_search.h"
#include "problem.h"

/* Whether pb is a re-roster (a reference rota) with shifts the start
 * left out: the only problems refill_run can change. */
int refill_wanted(const struct problem *pb);

/* Improves s->r (legal on entry) by the moves above; the number of moves
 * kept, or -1 out of memory (s as it was). */
int refill_run(struct search *s, double deadline);

#endif
