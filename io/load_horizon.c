/* The loader's first and last parts: the header, the horizon, bank
 * holidays, and at the end every local time as an instant. */
#include "load_parts.h"

#include <stdlib.h>
#include <string.h>

static const char *const organiser_keys[] = {"name", "email", NULL};

/* What an address may hold here: RFC 5322's dot-atom characters, so the
 * mailto: URI it becomes needs no escaping in any calendar. */
static int email_ok(const char *s)
{
	const char *at = strchr(s, '@'), *p;

	if (!at || at == s || !at[1] || strchr(at + 1, '@') || at[1] == '.' ||
	    s[strlen(s) - 1] == '.')
		return 0;
	for (p = s; *p; p++)
		if (p != at && !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
				       "OPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-",
				       *p))
			return 0;
	return 1;
}

/* "organiser": {"name": ..., "email": ...}, an addition to the spec: who
 * publishes the calendars. */
static void load_organiser(struct ld *l, json_t *root)
{
	struct organiser *o = &l->sc->organiser;
	json_t *obj = jv_member(&l->v, root, "$", "organiser", JSON_OBJECT, 0);
	const char *s;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.organiser", organiser_keys);
	/* A parameter value cannot hold '"' (RFC 5545 3.2); RFC 6868 writes
	 * it with '^', which few readers undo, so neither is taken. */
	if (jv_string(&l->v, obj, "$.organiser", "name", 0, LOAD_MAX_TEXT_LEN,
		      &s) == JV_OK) {
		if (strpbrk(s, "\"^"))
			jv_bad(&l->v, "$.organiser.name", "'%s' holds '%c', which a "
			       "calendar cannot carry in a name", s,
			       *strpbrk(s, "\"^"));
		else
			o->name = ld_dup(l, s);
	}
	if (jv_string(&l->v, obj, "$.organiser", "email", 1, 254, &s) != JV_OK)
		return;
	if (!email_ok(s))
		jv_bad(&l->v, "$.organiser.email", "invalid address '%s', "
		       "expected one like rota@example.org", s);
	else
		o->email = ld_dup(l, s);
}

void load_header(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	const char *s;
	long long version;

	if (jv_integer(&l->v, root, "$", "rota7", 1, 0, 1000, &version) ==
	    JV_OK && version != 1)
		jv_bad(&l->v, "$.rota7", "unsupported format version %lld, "
		       "this rota7 reads version 1", version);
	if (jv_string(&l->v, root, "$", "name", 0, LOAD_MAX_TEXT_LEN, &s) ==
	    JV_OK)
		sc->name = ld_dup(l, s);
	else
		sc->name = ld_dup(l, "");
	if (jv_string(&l->v, root, "$", "timezone", 0, 100, &s) != JV_OK)
		s = "Europe/London";
	sc->timezone = ld_dup(l, s);
	l->tz = tz_open(s);
	if (!l->tz)
		jv_bad(&l->v, "$.timezone", "unknown timezone '%s'", s);
	if (l->v.file)
		sc->source = ld_dup(l, l->v.file);
	load_organiser(l, root);
}

/* ---- the horizon ---- */

static const char *const horizon_keys[] = {"start", "days", "month", NULL};

/* "month": "YYYY-MM", the whole calendar month. */
static void horizon_month(struct ld *l, json_t *obj)
{
	struct horizon *h = &l->sc->horizon;
	const char *month;
	int y, m;

	if (json_object_get(obj, "start") || json_object_get(obj, "days")) {
		jv_bad(&l->v, "$.horizon",
		       "give either 'month' or 'start' and 'days', not both");
		return;
	}
	if (jv_string(&l->v, obj, "$.horizon", "month", 1, 32, &month) !=
	    JV_OK)
		return;
	if (civil_parse_month(month, &y, &m)) {
		jv_bad(&l->v, "$.horizon.month", "invalid month '%s', "
		       "expected YYYY-MM", month);
		return;
	}
	h->start = civil_from_ymd(y, m, 1);
	h->days = civil_days_in_month(y, m);
}

void load_horizon(struct ld *l, json_t *root)
{
	struct horizon *h = &l->sc->horizon;
	json_t *obj = jv_member(&l->v, root, "$", "horizon", JSON_OBJECT, 1);
	long long days;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.horizon", horizon_keys);
	if (json_object_get(obj, "month")) {
		horizon_month(l, obj);
		return;
	}
	if (ld_date_member(l, obj, "$.horizon", "start", 1, &h->start) != JV_OK)
		return;
	if (jv_integer(&l->v, obj, "$.horizon", "days", 1, 1, LOAD_MAX_DAYS,
		       &days) == JV_OK)
		h->days = (int)days;
	if (h->start + h->days - 1 > civil_from_ymd(CIVIL_YEAR_MAX, 12, 31)) {
		jv_bad(&l->v, "$.horizon", "horizon runs past %d-12-31",
		       CIVIL_YEAR_MAX);
		h->days = 0;
	}
}

/* ---- bank holidays ---- */

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* One date of the list, appended; sorted and made unique after. */
static void holiday_entry(struct jv *v, json_t *e, const char *path,
			  size_t i, void *arg)
{
	struct scenario *sc = ld_of(v)->sc;

	(void)i;
	(void)arg;
	if (civil_parse_date(json_string_value(e),
			     &sc->bank_holidays[sc->n_bank_holidays]))
		jv_bad(v, path, "invalid date '%s', expected YYYY-MM-DD",
		       json_string_value(e));
	else
		sc->n_bank_holidays++;
}

static void load_holiday_dates(struct ld *l, json_t *a)
{
	struct scenario *sc = l->sc;
	size_t i, n;

	sc->bank_holidays = ld_alloc(l, json_array_size(a), sizeof(int32_t));
	if (!sc->bank_holidays)
		return;
	jv_each(&l->v, a, "$.bank_holidays", JSON_STRING, holiday_entry, NULL);
	n = sc->n_bank_holidays;
	qsort(sc->bank_holidays, n, sizeof(int32_t), cmp_i32);
	sc->n_bank_holidays = 0;
	for (i = 0; i < n; i++)
		if (!sc->n_bank_holidays ||
		    sc->bank_holidays[sc->n_bank_holidays - 1] !=
			    sc->bank_holidays[i])
			sc->bank_holidays[sc->n_bank_holidays++] =
				sc->bank_holidays[i];
}

void load_bank_holidays(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a = ld_array(l, root, "$", "bank_holidays", 0);
	const char *s;

	if (a) {
		load_holiday_dates(l, a);
		if (!sc->bank_holidays)
			return;
	}
	if (jv_string(&l->v, root, "$", "bank_holiday_pattern", 0, 16, &s) !=
	    JV_OK)
		return;
	if (!strcmp(s, "none"))
		sc->bank_holiday_pattern = -1;
	else if ((sc->bank_holiday_pattern = civil_weekday_from_name(s)) < 0) {
		sc->bank_holiday_pattern = 6;
		jv_bad(&l->v, "$.bank_holiday_pattern", "unknown pattern '%s', "
		       "expected mon..sun or none", s);
	}
}

/* ---- instants: the one place local times meet the timezone ---- */

static int instants(struct ld *l, instant_t **from, instant_t **to, int fmin,
		    int tmin)
{
	struct scenario *sc = l->sc;
	int d, n = sc->horizon.days;
	int len = ld_wall_length(fmin, tmin);

	*from = ld_alloc(l, (size_t)n, sizeof(instant_t));
	*to = ld_alloc(l, (size_t)n, sizeof(instant_t));
	if (!*from || !*to)
		return -1;
	for (d = 0; d < n; d++) {
		int32_t date = scenario_date(sc, d);

		(*from)[d] = tz_instant(l->tz, date, fmin);
		(*to)[d] = tz_instant(l->tz, date, fmin + len);
	}
	return 0;
}

static int band_instants(struct ld *l)
{
	struct scenario *sc = l->sc;
	size_t i, b;

	for (i = 0; i < sc->n_services; i++)
		for (b = 0; b < sc->services[i].n_bands; b++) {
			struct band *bd = &sc->services[i].bands[b];

			if (instants(l, &bd->from_at, &bd->to_at, bd->from_min,
				     bd->to_min))
				return -1;
		}
	return 0;
}

int load_instants(struct ld *l)
{
	struct scenario *sc = l->sc;
	struct horizon *h = &sc->horizon;
	size_t i;
	int d;

	h->day_start = ld_alloc(l, (size_t)h->days + 1, sizeof(instant_t));
	if (!h->day_start)
		return -1;
	for (d = 0; d <= h->days; d++)
		h->day_start[d] = tz_instant(l->tz, h->start + d, 0);
	h->before = ld_alloc(l, HISTORY_DAYS, sizeof(instant_t));
	if (!h->before)
		return -1;
	for (d = 0; d < HISTORY_DAYS; d++)
		h->before[d] = tz_instant(l->tz, h->start - 1 - d, 0);
	for (i = 0; i < sc->n_shifts; i++) {
		struct shift *sh = &sc->shifts[i];

		if (instants(l, &sh->start_at, &sh->end_at, sh->start_min,
			     sh->end_min))
			return -1;
	}
	for (i = 0; i < sc->n_mix; i++) {
		struct skill_mix *m = &sc->mix[i];
		int whole = m->from_min < 0;

		if (instants(l, &m->from_at, &m->to_at, whole ? 0 : m->from_min,
			     whole ? 0 : m->to_min))
			return -1;
	}
	if (load_pay_instants(l))
		return -1;
	return band_instants(l);
}
