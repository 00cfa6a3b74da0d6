/* nrp_to_scenario: an instance as rota7's own scenario (nrp.h says how
 * each rule maps). */
#include "nrp.h"

#include <stdlib.h>
#include <string.h>

/* Day 0 of every instance is a Monday; any Monday will do. */
#define NRP_YEAR 2024
#define NRP_MONTH 1
#define NRP_DAY 1

static instant_t *instants(const struct scenario *sc, int offset_min)
{
	instant_t *a = malloc((size_t)sc->horizon.days * sizeof(*a));
	int d;

	if (a)
		for (d = 0; d < sc->horizon.days; d++)
			a[d] = sc->horizon.day_start[d] + (instant_t)offset_min * 60;
	return a;
}

static int map_horizon(const struct nrp *in, struct scenario *sc)
{
	int d;

	sc->horizon.start = civil_from_ymd(NRP_YEAR, NRP_MONTH, NRP_DAY);
	sc->horizon.days = in->days;
	sc->horizon.day_start = malloc(((size_t)in->days + 1) *
				       sizeof(instant_t));
	if (!sc->horizon.day_start)
		return -1;
	/* UTC: the benchmark has no clock changes. */
	for (d = 0; d <= in->days; d++)
		sc->horizon.day_start[d] =
			((instant_t)sc->horizon.start + d) * 86400;
	sc->bank_holiday_pattern = -1;
	sc->n_neighbourhoods = 1;
	sc->neighbourhoods = calloc(1, sizeof(*sc->neighbourhoods));
	sc->n_roles = 1;
	sc->roles = calloc(1, sizeof(*sc->roles));
	if (!sc->neighbourhoods || !sc->roles)
		return -1;
	sc->neighbourhoods[0].id = strdup("ward");
	sc->neighbourhoods[0].name = strdup("Ward");
	sc->neighbourhoods[0].weighted_population = 1;
	sc->roles[0].id = strdup("nurse");
	sc->roles[0].name = strdup("Nurse");
	return sc->neighbourhoods[0].id && sc->neighbourhoods[0].name &&
	       sc->roles[0].id && sc->roles[0].name ? 0 : -1;
}

/* Shift s, with a service of its own holding one band the length of the
 * shift, so cover is counted per (day, shift type). */
static int map_shift(const struct nrp *in, struct scenario *sc, size_t s)
{
	const struct nrp_shift *ns = &in->shifts[s];
	struct service *sv = &sc->services[s];
	struct shift *sh = &sc->shifts[s];
	struct band *bd;

	sv->id = strdup(ns->id);
	sv->name = rota_strdupf("Shift %s", ns->id);
	sv->bands = calloc(1, sizeof(*sv->bands));
	sh->id = strdup(ns->id);
	if (!sv->id || !sv->name || !sv->bands || !sh->id)
		return -1;
	sv->n_bands = 1;
	bd = &sv->bands[0];
	bd->label = strdup("cover");
	bd->reqs = calloc(1, sizeof(*bd->reqs));
	if (!bd->label || !bd->reqs)
		return -1;
	bd->days = DAYS_DAILY;
	bd->from_min = 0;
	bd->to_min = ns->minutes % (24 * 60);
	bd->scope = SCOPE_NEIGHBOURHOOD;
	bd->n_reqs = 1;
	bd->reqs[0] = (struct requirement){0, REQ_COUNT, 0, 0};
	bd->from_at = instants(sc, 0);
	bd->to_at = instants(sc, ns->minutes);
	sh->service = (int)s;
	sh->start_min = 0;
	sh->end_min = bd->to_min;
	sh->start_at = instants(sc, 0);
	sh->end_at = instants(sc, ns->minutes);
	sh->forbid_next = calloc(in->n_shifts, 1);
	if (!bd->from_at || !bd->to_at || !sh->start_at || !sh->end_at ||
	    !sh->forbid_next)
		return -1;
	if (ns->forbid_next)
		memcpy(sh->forbid_next, ns->forbid_next, in->n_shifts);
	return 0;
}

static void staff_rules(const struct nrp *in, const struct nrp_staff *ns,
			struct rules *ru)
{
	rules_defaults(ru);
	ru->min_rest_hours = 0;
	ru->weekly_rest_hours = 0;
	ru->max_days_in_a_row = ns->max_consecutive;
	ru->min_days_in_a_row = ns->min_consecutive > 0 ? ns->min_consecutive : 1;
	ru->min_days_off_in_a_row = ns->min_days_off > 0 ? ns->min_days_off : 1;
	ru->max_nights_in_a_row = in->days;
	ru->max_avg_weekly_hours = 7 * 24;
	ru->contract_tolerance_hours = 24.0 * in->days;
	ru->max_weekends = ns->max_weekends;
	ru->weekend_window = 0;
	ru->min_total_hours = ns->min_minutes / 60.0;
	ru->max_total_hours = ns->max_minutes / 60.0;
}

static int add_request(struct staff *st, const struct nrp_request *r, int on)
{
	struct request *q = &st->requests[st->n_requests++];

	q->day = r->day;
	q->shift = r->shift;
	q->on = on;
	q->weight = r->weight;
	return 0;
}

static int map_requests(const struct nrp *in, struct scenario *sc)
{
	size_t q, p, *count = calloc(in->n_staff + 1, sizeof(size_t));

	if (!count)
		return -1;
	for (q = 0; q < in->n_on; q++)
		count[in->on[q].staff]++;
	for (q = 0; q < in->n_off; q++)
		count[in->off[q].staff]++;
	for (p = 0; p < in->n_staff; p++) {
		sc->staff[p].requests = calloc(count[p] + 1,
					       sizeof(struct request));
		if (!sc->staff[p].requests) {
			free(count);
			return -1;
		}
	}
	free(count);
	for (q = 0; q < in->n_on; q++)
		add_request(&sc->staff[in->on[q].staff], &in->on[q], 1);
	for (q = 0; q < in->n_off; q++)
		add_request(&sc->staff[in->off[q].staff], &in->off[q], 0);
	return 0;
}

/* Days off as one-day leave (leave is hard, like the benchmark's). */
static int map_days_off(const struct nrp *in, size_t p, struct staff *st)
{
	const unsigned char *off = in->day_off + p * (size_t)in->days;
	int d, n = 0;

	for (d = 0; d < in->days; d++)
		n += off[d];
	st->leave = calloc((size_t)n + 1, sizeof(*st->leave));
	if (!st->leave)
		return -1;
	for (d = 0; d < in->days; d++)
		if (off[d]) {
			struct leave *l = &st->leave[st->n_leave++];

			l->from_day = l->to_day = d;
			l->kind = strdup("day off");
			if (!l->kind)
				return -1;
		}
	return 0;
}

static int map_staff(const struct nrp *in, struct scenario *sc, size_t p)
{
	const struct nrp_staff *ns = &in->staff[p];
	struct staff *st = &sc->staff[p];
	size_t s;

	st->id = strdup(ns->id);
	st->name = strdup(ns->id);
	st->may_work = calloc(1, 1);
	st->allowed = calloc(in->n_shifts, 1);
	staff_rules(in, ns, &st->rules);
	st->rules.max_shifts = malloc(in->n_shifts * sizeof(int));
	if (!st->id || !st->name || !st->may_work || !st->allowed ||
	    !st->rules.max_shifts)
		return -1;
	st->role = 0;
	st->home = 0;
	st->fte = 0;
	st->may_work[0] = 1;
	for (s = 0; s < in->n_shifts; s++) {
		st->rules.max_shifts[s] = ns->max_shifts[s];
		st->allowed[s] = ns->max_shifts[s] != 0;
	}
	return map_days_off(in, p, st);
}

static int map_demand(const struct nrp *in, const struct scenario *sc,
		      struct demand *dm)
{
	size_t s, n = 0;
	int d;

	dm->items = calloc((size_t)in->days * in->n_shifts + 1,
			   sizeof(*dm->items));
	if (!dm->items)
		return -1;
	for (d = 0; d < in->days; d++)
		for (s = 0; s < in->n_shifts; s++) {
			const struct nrp_cover *cv =
				&in->cover[(size_t)d * in->n_shifts + s];

			if (cv->requirement < 0)
				continue;
			dm->items[n++] = (struct demand_item){
				(int)s, 0, 0, d, SCOPE_NEIGHBOURHOOD, 0, 0,
				sc->shifts[s].start_at[d], sc->shifts[s].end_at[d],
				cv->requirement, cv->under, cv->over};
		}
	dm->n = n;
	return 0;
}

int nrp_to_scenario(const struct nrp *in, struct scenario *sc,
		    struct demand *d, struct rota_error *err)
{
	size_t i;

	scenario_init(sc);
	demand_init(d);
	sc->name = strdup("nrp");
	sc->timezone = strdup("UTC");
	if (!sc->name || !sc->timezone || map_horizon(in, sc))
		goto oom;
	sc->services = calloc(in->n_shifts, sizeof(*sc->services));
	sc->shifts = calloc(in->n_shifts, sizeof(*sc->shifts));
	sc->staff = calloc(in->n_staff, sizeof(*sc->staff));
	if (!sc->services || !sc->shifts || !sc->staff)
		goto oom;
	sc->n_services = sc->n_shifts = in->n_shifts;
	for (i = 0; i < in->n_shifts; i++)
		if (map_shift(in, sc, i))
			goto oom;
	sc->n_staff = in->n_staff;
	for (i = 0; i < in->n_staff; i++)
		if (map_staff(in, sc, i))
			goto oom;
	if (map_requests(in, sc))
		goto oom;
	staff_rules(in, &in->staff[0], &sc->rules);
	/* The instance's objective, and nothing else. */
	sc->weights = (struct weights){0, 0, 0, 0, 0, 1, 0, 0, 0, 0};
	if (map_demand(in, sc, d))
		goto oom;
	return 0;
oom:
	scenario_release(sc);
	demand_release(d);
	return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
}
