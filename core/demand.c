#include "demand.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

void demand_init(struct demand *d)
{
	d->n = 0;
	d->items = NULL;
}

void demand_release(struct demand *d)
{
	free(d->items);
	demand_init(d);
}

int demand_round_half_up(double x)
{
	/* The small epsilon keeps 2.4999999999 from binary fractions like
	 * 0.35 * 100000 / 14000 on the right side of the half. */
	return (int)floor(x + 0.5 + 1e-9);
}

struct share {
	size_t idx;
	double rem, weight;
};

static int cmp_share(const void *a, const void *b)
{
	const struct share *x = a, *y = b;

	if (x->rem != y->rem)
		return x->rem > y->rem ? -1 : 1;
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

int demand_largest_remainder(int total, const double *weights, size_t n,
			     int *out)
{
	struct share *sh;
	double sum = 0;
	long given = 0;
	size_t i;

	if (!n)
		return 0;
	sh = calloc(n, sizeof(*sh));
	if (!sh)
		return -1;
	for (i = 0; i < n; i++)
		sum += weights[i];
	for (i = 0; i < n; i++) {
		double q = sum > 0 ? total * weights[i] / sum
				   : (double)total / (double)n;
		/* Guard the floor against 2.9999999 for an exact 3. */
		double f = floor(q + 1e-9);

		out[i] = (int)f;
		given += out[i];
		sh[i].idx = i;
		sh[i].rem = q - f < 0 ? 0 : q - f;
		sh[i].weight = weights[i];
	}
	qsort(sh, n, sizeof(*sh), cmp_share);
	for (i = 0; given < total && i < n; i++, given++)
		out[sh[i].idx]++;
	free(sh);
	return 0;
}

static int share_total(const struct scenario *sc, int scope, int total,
		       size_t n, int *out)
{
	double *w = calloc(n ? n : 1, sizeof(*w));
	size_t u;
	int ret;

	if (!w)
		return -1;
	for (u = 0; u < n; u++)
		w[u] = scenario_unit_population(sc, scope, u);
	ret = demand_largest_remainder(total, w, n, out);
	free(w);
	return ret;
}

int demand_per_unit(const struct scenario *sc, int scope,
		    const struct requirement *rq, int *out)
{
	size_t u, n = scenario_units(sc, scope);

	if (rq->kind == REQ_TOTAL &&
	    share_total(sc, scope, (int)rq->value, n, out))
		return -1;
	for (u = 0; u < n; u++) {
		double pop = scenario_unit_population(sc, scope, u);

		if (rq->kind == REQ_COUNT)
			out[u] = (int)rq->value;
		else if (rq->kind == REQ_PER_100K)
			out[u] = demand_round_half_up(rq->value * pop / 100000.0);
		if (rq->kind != REQ_COUNT && out[u] < rq->min)
			out[u] = rq->min;
	}
	return 0;
}

int demand_band_applies(const struct scenario *sc, const struct band *b,
			int day)
{
	if (!date_window_holds(&b->dates, scenario_date(sc, day)))
		return 0;
	return demand_band_pattern(sc, b, day);
}

int demand_band_pattern(const struct scenario *sc, const struct band *b,
			int day)
{
	if (!((b->days >> scenario_pattern_weekday(sc, day)) & 1u))
		return 0;
	return b->to_at[day] > b->from_at[day];
}

int demand_shift_occurs(const struct scenario *sc, int s, int day)
{
	const struct shift *sh = &sc->shifts[s];

	return sh->end_at[day] - sh->start_at[day] >
	       (instant_t)sh->break_minutes * 60;
}

static int push(struct demand *d, size_t *cap, const struct demand_item *it)
{
	if (grow(&d->items, cap, d->n + 1, sizeof(*d->items)))
		return -1;
	d->items[d->n++] = *it;
	return 0;
}

/* Items of one band on one day, for every requirement and unit. */
static int expand_band(const struct scenario *sc, int s, int b, int day,
		       int *per_unit, struct demand *d, size_t *cap)
{
	const struct band *bd = &sc->services[s].bands[b];
	size_t r, u, units = scenario_units(sc, bd->scope);

	for (r = 0; r < bd->n_reqs; r++) {
		if (demand_per_unit(sc, bd->scope, &bd->reqs[r], per_unit))
			return -1;
		for (u = 0; u < units; u++) {
			struct demand_item it = {
				s, b, (int)r, day, bd->scope, (int)u,
				bd->reqs[r].role, bd->from_at[day], bd->to_at[day],
				per_unit[u], -1, -1
			};

			if (it.required > 0 && push(d, cap, &it))
				return -1;
		}
	}
	return 0;
}

static size_t max_units(const struct scenario *sc)
{
	size_t k, m = sc->n_neighbourhoods ? sc->n_neighbourhoods : 1;

	for (k = 0; k < sc->n_kinds; k++)
		if (sc->kinds[k].n_groups > m)
			m = sc->kinds[k].n_groups;
	return m;
}

static int expand(const struct scenario *sc, struct demand *d,
		  int (*applies)(const struct scenario *, const struct band *,
				 int), struct rota_error *err)
{
	int *per_unit = malloc(max_units(sc) * sizeof(int));
	size_t s, b, cap = 0;
	int day, ret = -1;

	if (!per_unit)
		goto out;
	for (s = 0; s < sc->n_services; s++)
		for (b = 0; b < sc->services[s].n_bands; b++)
			for (day = 0; day < sc->horizon.days; day++) {
				if (!applies(sc, &sc->services[s].bands[b],
					     day))
					continue;
				if (expand_band(sc, (int)s, (int)b, day, per_unit,
						d, &cap))
					goto out;
			}
	ret = 0;
out:
	if (ret)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory expanding demand");
	free(per_unit);
	return ret;
}

int demand_expand(const struct scenario *sc, struct demand *d,
		  struct rota_error *err)
{
	return expand(sc, d, demand_band_applies, err);
}

int demand_expand_pattern(const struct scenario *sc, struct demand *d,
			  struct rota_error *err)
{
	return expand(sc, d, demand_band_pattern, err);
}

double demand_item_hours(const struct demand_item *it)
{
	return it->required * (double)(it->to - it->from) / 3600.0;
}

void demand_share_hours(const struct scenario *sc,
			const struct demand_item *it, double *hours)
{
	double h = demand_item_hours(it);
	double pop = scenario_unit_population(sc, it->scope, (size_t)it->unit);
	size_t n, members = 0;

	if (it->scope == SCOPE_NEIGHBOURHOOD) {
		hours[it->unit] += h;
		return;
	}
	for (n = 0; n < sc->n_neighbourhoods; n++)
		members += scenario_unit_of(sc, it->scope, (int)n) == it->unit;
	for (n = 0; n < sc->n_neighbourhoods; n++) {
		if (scenario_unit_of(sc, it->scope, (int)n) != it->unit)
			continue;
		if (pop > 0)
			hours[n] += h * sc->neighbourhoods[n].weighted_population /
				    pop;
		else
			hours[n] += h / (double)members;
	}
}
