/*
 * What the offer, a rota and posts cost (an addition to the spec): rates
 * by role and band, unsocial-hours enhancements on real instants.
 */
#include "pay.h"

#include <stdlib.h>
#include <string.h>

#include "demand.h"
#include "problem.h"
#include "roster.h"

/* Ranges that can touch one local day: its own and the day before's,
 * each at most a day long (the loader bounds n_unsocial). */
#define MAX_SEGS (2 * 32)

double pay_hourly(const struct scenario *sc, int role, int band)
{
	const struct pay *py = &sc->pay;
	int best = -1, rank = -1;
	size_t i;

	for (i = 0; i < py->n_rates; i++) {
		const struct pay_rate *pr = &py->rates[i];
		int k;

		if ((pr->role >= 0 && pr->role != role) ||
		    (pr->band >= 0 && pr->band != band))
			continue;
		/* role and band 3, band 2, role 1, neither 0 */
		k = (pr->band >= 0 ? 2 : 0) + (pr->role >= 0 ? 1 : 0);
		if (k > rank) {
			rank = k;
			best = (int)i;
		}
	}
	return best < 0 ? -1.0 : py->rates[best].hourly;
}

double pay_per_year(const struct scenario *sc)
{
	return sc->horizon.days > 0 ? 365.0 / sc->horizon.days : 0;
}

static double on_costs(const struct scenario *sc)
{
	return 1 + sc->pay.on_cost_pct / 100;
}

/* The local day of t: the last horizon day (0 .. days) starting at or
 * before it, 0 before the horizon. */
static int day_of(const struct scenario *sc, instant_t t)
{
	const instant_t *ds = sc->horizon.day_start;
	int lo = 0, hi = sc->horizon.days;

	if (!ds || t < ds[0])
		return 0;
	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;

		if (ds[mid] <= t)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

static int range_applies(const struct scenario *sc,
			 const struct pay_unsocial *u, int band, int d)
{
	int wd;

	if (u->bands && (band < 0 || band > 31 || !(u->bands >> band & 1u)))
		return 0;
	if (u->bank_holidays && scenario_is_bank_holiday(sc, d))
		return 1;
	wd = civil_weekday(scenario_date(sc, d));
	return (u->days >> wd & 1u) != 0;
}

struct seg {
	instant_t from, to;
	double pct;
};

static int cmp_instant(const void *a, const void *b)
{
	instant_t x = *(const instant_t *)a, y = *(const instant_t *)b;

	return (x > y) - (x < y);
}

/* Weighted hours of [a, b), which lies inside one local day: the largest
 * pct in force on each piece between range edges. */
static double chunk(const struct seg *s, size_t n, instant_t a, instant_t b)
{
	instant_t pts[2 * MAX_SEGS + 2];
	size_t np = 0, i, j;
	double sum = 0;

	pts[np++] = a;
	pts[np++] = b;
	for (i = 0; i < n; i++) {
		pts[np++] = s[i].from;
		pts[np++] = s[i].to;
	}
	qsort(pts, np, sizeof(pts[0]), cmp_instant);
	for (i = 0; i + 1 < np; i++) {
		double best = 0;

		if (pts[i + 1] <= pts[i])
			continue;
		for (j = 0; j < n; j++)
			if (s[j].from <= pts[i] && s[j].to >= pts[i + 1] &&
			    s[j].pct > best)
				best = s[j].pct;
		sum += (double)(pts[i + 1] - pts[i]) * (1 + best / 100);
	}
	return sum / 3600.0;
}

double pay_enhanced_hours(const struct scenario *sc, int band, instant_t a,
			  instant_t b)
{
	const struct pay *py = &sc->pay;
	double sum = 0;
	int d;

	if (b <= a)
		return 0;
	if (!py->n_unsocial || !sc->horizon.day_start)
		return (double)(b - a) / 3600.0;
	for (d = day_of(sc, a); d <= sc->horizon.days; d++) {
		instant_t lo = d == day_of(sc, a) ? a : sc->horizon.day_start[d];
		instant_t hi = d < sc->horizon.days ?
			       sc->horizon.day_start[d + 1] : b;
		struct seg s[MAX_SEGS];
		size_t n = 0, i;
		int e;

		if (hi > b)
			hi = b;
		if (lo >= hi)
			break;
		for (e = d > 0 ? d - 1 : d; e <= d; e++)
			for (i = 0; i < py->n_unsocial && n < MAX_SEGS; i++) {
				const struct pay_unsocial *u = &py->unsocial[i];
				instant_t f = u->from_at[e], t = u->to_at[e];

				if (!range_applies(sc, u, band, e))
					continue;
				f = f > lo ? f : lo;
				t = t < hi ? t : hi;
				if (t > f)
					s[n++] = (struct seg){f, t, u->pct};
			}
		sum += chunk(s, n, lo, hi);
	}
	return sum;
}

/* ---- the offer ---- */

void pay_offer_init(struct pay_offer *o)
{
	memset(o, 0, sizeof(*o));
}

void pay_offer_release(struct pay_offer *o)
{
	free(o->by_band);
	pay_offer_init(o);
}

/* Hours of item it at role r's staff mix: sum over priced staff of
 * fte x rate x weighted hours, over the priced fte; -1 when none. */
static double mix_cost(const struct scenario *sc, int role, instant_t a,
		       instant_t b)
{
	double fte = 0, cost = 0;
	size_t p;

	for (p = 0; p < sc->n_staff; p++) {
		const struct staff *st = &sc->staff[p];
		double h;

		if (st->role != role)
			continue;
		h = pay_hourly(sc, role, st->band);
		if (h < 0)
			continue;
		fte += st->fte;
		cost += st->fte * h * pay_enhanced_hours(sc, st->band, a, b);
	}
	return fte > 0 ? cost / fte : -1;
}

static size_t band_index(const struct scenario *sc, int s, int b)
{
	size_t i, k = 0;

	for (i = 0; i < (size_t)s; i++)
		k += sc->services[i].n_bands;
	return k + (size_t)b;
}

static void staff_cost(const struct scenario *sc, struct pay_offer *o)
{
	double year = sc->planning.hours_per_fte_week * 365.0 / 7;
	size_t p;

	for (p = 0; p < sc->n_staff; p++) {
		const struct staff *st = &sc->staff[p];
		double h = pay_hourly(sc, st->role, st->band);

		if (h >= 0)
			o->staff_annual += st->fte * h * year * on_costs(sc);
	}
}

int pay_offer_compute(const struct scenario *sc, const struct demand *d,
		      struct pay_offer *o, struct rota_error *err)
{
	double scale = pay_per_year(sc) * on_costs(sc) *
		       (1 + sc->planning.uplift_pct / 100);
	size_t i;

	pay_offer_release(o);
	if (!sc->pay.given)
		return 0;
	for (i = 0; i < sc->n_services; i++)
		o->n_bands += sc->services[i].n_bands;
	o->by_band = calloc(o->n_bands ? o->n_bands : 1, sizeof(double));
	if (!o->by_band)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (i = 0; i < d->n; i++) {
		const struct demand_item *it = &d->items[i];
		double c = mix_cost(sc, it->role, it->from, it->to);

		if (c < 0) {
			o->unpriced_hours += demand_item_hours(it);
			continue;
		}
		c *= it->required * scale;
		o->annual += c;
		o->by_band[band_index(sc, it->service, it->band)] += c;
	}
	staff_cost(sc, o);
	return 0;
}

/* ---- a rota ---- */

/* Basic and enhanced pay of var v over the horizon, no on-costs; -1 in
 * *basic when the person has no rate. */
static void var_pay(const struct problem *pb, const struct var *v,
		    double *basic, double *enhanced)
{
	const struct scenario *sc = pb->sc;
	const struct staff *st = &sc->staff[v->p];
	const struct shift *sh = &sc->shifts[v->s];
	double h = pay_hourly(sc, st->role, st->band);
	instant_t a = sh->start_at[v->d], b = sh->end_at[v->d];
	double real = (double)(b - a) / 3600.0, share;

	if (h < 0 || real <= 0) {
		*basic = h < 0 ? -1 : 0;
		*enhanced = 0;
		return;
	}
	share = v->paid_hours / real;  /* the break, pro rata */
	*basic = h * v->paid_hours;
	*enhanced = h * pay_enhanced_hours(sc, st->band, a, b) * share -
		    *basic;
}

void pay_rota_compute(const struct problem *pb, const struct roster *r,
		      struct pay_rota *out)
{
	const struct scenario *sc = pb->sc;
	double scale = pay_per_year(sc) * on_costs(sc);
	size_t p;
	int d;

	memset(out, 0, sizeof(*out));
	if (!sc->pay.given)
		return;
	for (p = 0; p < sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(r, (int)p, d);
			double basic, enh;

			if (v == ROSTER_NONE)
				continue;
			var_pay(pb, &pb->vars[v], &basic, &enh);
			if (basic < 0) {
				out->unpriced_hours += pb->vars[v].paid_hours;
				continue;
			}
			out->annual += (basic + enh) * scale;
			out->enhancements += enh * scale;
		}
}

double pay_person_annual(const struct problem *pb, const struct roster *r,
			 int p)
{
	const struct scenario *sc = pb->sc;
	const struct staff *st = &sc->staff[p];
	double h = pay_hourly(sc, st->role, st->band), enh = 0;
	int d;

	if (h < 0)
		return -1;
	for (d = 0; d < pb->days; d++) {
		size_t v = roster_get(r, p, d);
		double basic, e;

		if (v == ROSTER_NONE)
			continue;
		var_pay(pb, &pb->vars[v], &basic, &e);
		enh += e;
	}
	return (st->fte * h * sc->planning.hours_per_fte_week * 365.0 / 7 +
		enh * pay_per_year(sc)) * on_costs(sc);
}
