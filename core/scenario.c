#include "scenario.h"

#include <stdlib.h>
#include <string.h>

#include "reference.h"

void rules_defaults(struct rules *r)
{
	memset(r, 0, sizeof(*r));
	r->min_rest_hours = 11;
	r->weekly_rest_hours = 24;
	r->weekly_rest_per_days = 7;
	r->max_days_in_a_row = 6;
	r->min_days_in_a_row = 1;
	r->min_days_off_in_a_row = 1;
	r->max_nights_in_a_row = 4;
	r->max_avg_weekly_hours = 48;
	r->hours_per_fte_week = 37.5;
	r->contract_tolerance_hours = 7.5;
	r->max_weekends = 2;
	r->weekend_window = 4;
	r->min_total_hours = -1;
	r->max_total_hours = -1;
	r->max_shifts = NULL;
}

void weights_defaults(struct weights *w)
{
	w->uncovered_hour = 1000;
	w->over_cover_hour = 0;
	w->substitution_hour = 1;
	w->cross_cover_hour = 2;
	w->contract_under_hour = 5;
	w->request = 1;
	w->weekend_fairness = 10;
	w->unsocial_fairness = 1;
	w->change = WEIGHTS_DEFAULT_CHANGE;
	w->short_notice_change = WEIGHTS_DEFAULT_SHORT_NOTICE;
}

const struct fixed *staff_fixed(const struct staff *st, int day)
{
	size_t i;

	for (i = 0; i < st->n_fixed; i++)
		if (st->fixed[i].day == day)
			return &st->fixed[i];
	return NULL;
}

void scenario_init(struct scenario *sc)
{
	memset(sc, 0, sizeof(*sc));
	sc->bank_holiday_pattern = 6;
	rules_defaults(&sc->rules);
	weights_defaults(&sc->weights);
	sc->planning.uplift_pct = 0;
	sc->planning.hours_per_fte_week = 37.5;
}

static void release_kinds(struct scenario *sc)
{
	size_t k, g;

	for (k = 0; k < sc->n_kinds; k++) {
		struct group_kind *gk = &sc->kinds[k];

		for (g = 0; g < gk->n_groups; g++) {
			free(gk->groups[g].id);
			free(gk->groups[g].members);
		}
		free(gk->groups);
		free(gk->group_of);
		free(gk->id);
	}
	free(sc->kinds);
}

static void release_services(struct scenario *sc)
{
	size_t i, b;

	for (i = 0; i < sc->n_services; i++) {
		struct service *sv = &sc->services[i];

		for (b = 0; b < sv->n_bands; b++) {
			free(sv->bands[b].label);
			free(sv->bands[b].reqs);
			free(sv->bands[b].from_at);
			free(sv->bands[b].to_at);
		}
		free(sv->bands);
		free(sv->id);
		free(sv->name);
	}
	free(sc->services);
}

static void release_staff(struct scenario *sc)
{
	size_t i, l;

	for (i = 0; i < sc->n_staff; i++) {
		struct staff *p = &sc->staff[i];

		free(p->id);
		free(p->name);
		free(p->may_work);
		free(p->allowed);
		for (l = 0; l < p->n_leave; l++)
			free(p->leave[l].kind);
		free(p->leave);
		free(p->requests);
		free(p->fixed);
		free(p->past);
		free(p->rules.max_shifts);
	}
	free(sc->staff);
}

void scenario_release(struct scenario *sc)
{
	size_t i;

	free(sc->name);
	free(sc->timezone);
	free(sc->source);
	free(sc->organiser.name);
	free(sc->organiser.email);
	free(sc->horizon.day_start);
	free(sc->horizon.before);
	free(sc->bank_holidays);
	for (i = 0; i < sc->n_neighbourhoods; i++) {
		free(sc->neighbourhoods[i].id);
		free(sc->neighbourhoods[i].name);
	}
	free(sc->neighbourhoods);
	release_kinds(sc);
	for (i = 0; i < sc->n_roles; i++) {
		free(sc->roles[i].id);
		free(sc->roles[i].name);
		free(sc->roles[i].covers);
	}
	free(sc->roles);
	release_services(sc);
	for (i = 0; i < sc->n_shifts; i++) {
		free(sc->shifts[i].id);
		free(sc->shifts[i].start_at);
		free(sc->shifts[i].end_at);
		free(sc->shifts[i].forbid_next);
	}
	free(sc->shifts);
	for (i = 0; i < sc->n_mix; i++) {
		free(sc->mix[i].from_at);
		free(sc->mix[i].to_at);
	}
	free(sc->mix);
	free(sc->rules.max_shifts);
	for (i = 0; i < sc->pay.n_unsocial; i++) {
		free(sc->pay.unsocial[i].from_at);
		free(sc->pay.unsocial[i].to_at);
	}
	free(sc->pay.unsocial);
	free(sc->pay.rates);
	release_staff(sc);
	reference_free(sc->reference);
	scenario_init(sc);
}

void scenario_free(struct scenario *sc)
{
	if (!sc)
		return;
	scenario_release(sc);
	free(sc);
}

/* The id arrays differ in element type, so each lookup walks its own.
 * Entries the loader rejected have no id and never match. */
#define FIND(arr, n, key)                                   \
	do {                                                \
		size_t i_;                                  \
		for (i_ = 0; i_ < (n); i_++)                \
			if ((arr)[i_].id && !strcmp((arr)[i_].id, (key)))   \
				return (int)i_;             \
		return -1;                                  \
	} while (0)

int scenario_find_role(const struct scenario *sc, const char *id)
{
	FIND(sc->roles, sc->n_roles, id);
}

int scenario_find_service(const struct scenario *sc, const char *id)
{
	FIND(sc->services, sc->n_services, id);
}

int scenario_find_shift(const struct scenario *sc, const char *id)
{
	FIND(sc->shifts, sc->n_shifts, id);
}

int scenario_find_neighbourhood(const struct scenario *sc, const char *id)
{
	FIND(sc->neighbourhoods, sc->n_neighbourhoods, id);
}

int scenario_find_kind(const struct scenario *sc, const char *id)
{
	FIND(sc->kinds, sc->n_kinds, id);
}

int scenario_find_staff(const struct scenario *sc, const char *id)
{
	FIND(sc->staff, sc->n_staff, id);
}

int32_t scenario_date(const struct scenario *sc, int day)
{
	return sc->horizon.start + day;
}

int scenario_is_bank_holiday(const struct scenario *sc, int day)
{
	int32_t date = scenario_date(sc, day);
	size_t lo = 0, hi = sc->n_bank_holidays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sc->bank_holidays[mid] == date)
			return 1;
		if (sc->bank_holidays[mid] < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int scenario_pattern_weekday(const struct scenario *sc, int day)
{
	if (sc->bank_holiday_pattern >= 0 && scenario_is_bank_holiday(sc, day))
		return sc->bank_holiday_pattern;
	return civil_weekday(scenario_date(sc, day));
}

int date_window_holds(const struct date_window *w, int32_t day)
{
	return (!w->has_from || day >= w->from) &&
	       (!w->has_until || day <= w->until);
}

int staff_in_post(const struct scenario *sc, const struct staff *st,
		  int day)
{
	return date_window_holds(&st->post, scenario_date(sc, day));
}

int scenario_mix_applies(const struct scenario *sc, const struct skill_mix *m,
			 int day)
{
	return ((m->days >> scenario_pattern_weekday(sc, day)) & 1u) &&
	       date_window_holds(&m->dates, scenario_date(sc, day));
}

size_t scenario_units(const struct scenario *sc, int scope)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return sc->n_neighbourhoods;
	if (scope == SCOPE_BOROUGH)
		return 1;
	return sc->kinds[scope].n_groups;
}

const char *scenario_unit_id(const struct scenario *sc, int scope, size_t unit)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return sc->neighbourhoods[unit].id;
	if (scope == SCOPE_BOROUGH)
		return "borough";
	return sc->kinds[scope].groups[unit].id;
}

int scenario_unit_of(const struct scenario *sc, int scope, int n)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return n;
	if (scope == SCOPE_BOROUGH)
		return 0;
	return sc->kinds[scope].group_of[n];
}

double scenario_unit_population(const struct scenario *sc, int scope,
				size_t unit)
{
	double sum = 0;
	size_t i;

	if (scope == SCOPE_NEIGHBOURHOOD)
		return sc->neighbourhoods[unit].weighted_population;
	if (scope >= 0)
		return sc->kinds[scope].groups[unit].weighted_population;
	for (i = 0; i < sc->n_neighbourhoods; i++)
		sum += sc->neighbourhoods[i].weighted_population;
	return sum;
}

const char *scenario_scope_name(const struct scenario *sc, int scope)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return "neighbourhood";
	if (scope == SCOPE_BOROUGH)
		return "borough";
	return sc->kinds[scope].id;
}

double scenario_paid_hours(const struct scenario *sc, int s, int day)
{
	const struct shift *sh = &sc->shifts[s];
	instant_t len = sh->end_at[day] - sh->start_at[day];

	return (double)(len - (instant_t)sh->break_minutes * 60) / 3600.0;
}
