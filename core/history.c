#include "history.h"

#include <stdlib.h>
#include <string.h>

const struct past_shift *history_at(const struct staff *st, int32_t date)
{
	size_t lo = 0, hi = st->n_past;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (st->past[mid].date < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->n_past && st->past[lo].date == date ? &st->past[lo]
							    : NULL;
}

int history_known(const struct scenario *sc, const struct staff *st,
		  int32_t date)
{
	int32_t start = sc->horizon.start;

	return st->has_past && date >= st->past_from && date < start &&
	       date >= start - HISTORY_DAYS && sc->horizon.before;
}

instant_t history_day_start(const struct scenario *sc, int d)
{
	if (d >= 0)
		return sc->horizon.day_start[d];
	return sc->horizon.before[-1 - d];
}

static int by_date(const void *a, const void *b)
{
	const struct past_shift *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

int history_set(struct staff *st, int32_t from, const struct past_shift *a,
		size_t n)
{
	struct past_shift *c = malloc((n + 1) * sizeof(*c));

	if (!c)
		return -1;
	if (n)
		memcpy(c, a, n * sizeof(*c));
	qsort(c, n, sizeof(*c), by_date);
	free(st->past);
	st->past = c;
	st->n_past = n;
	st->has_past = 1;
	st->past_from = from;
	return 0;
}

static void derive_person(const struct scenario *sc, struct staff *st)
{
	int32_t start = sc->horizon.start, d;
	int nights = 1;
	size_t i;

	st->history_rest_until = 0;
	st->history_days = st->history_nights = st->history_off = 0;
	st->history_open = 0;
	for (i = 0; i < st->n_past; i++) {
		instant_t until = st->past[i].end +
				  (instant_t)(st->rules.min_rest_hours * 3600);

		if (st->past[i].date < start && until > st->history_rest_until)
			st->history_rest_until = until;
	}
	if (!st->has_past)
		return;
	for (d = start - 1; history_known(sc, st, d) && history_at(st, d); d--) {
		const struct past_shift *x = history_at(st, d);

		st->history_days++;
		nights = nights && x->shift >= 0 && sc->shifts[x->shift].night;
		st->history_nights += nights;
	}
	if (st->history_days) {
		st->history_open = !history_known(sc, st, d);
		return;
	}
	for (d = start - 1; history_known(sc, st, d) && !history_at(st, d); d--)
		st->history_off++;
	/* Off as far back as the history goes: how long is not known. */
	if (!history_known(sc, st, d))
		st->history_off = 0;
}

void history_derive(struct scenario *sc)
{
	size_t p;

	for (p = 0; p < sc->n_staff; p++)
		derive_person(sc, &sc->staff[p]);
}
