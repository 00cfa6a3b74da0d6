#include "load.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jv.h"
#include "readfile.h"
#include "tz.h"

/* Loader state: the validation context plus what later sections need. */
struct ld {
	struct jv v;
	struct scenario *sc;
	struct tz *tz;
	int oom;
};

static const char *const top_keys[] = {
	"rota7", "name", "timezone", "horizon", "bank_holidays",
	"bank_holiday_pattern", "neighbourhoods", "groups", "roles",
	"services", "shifts", "skill_mix", "rules", "planning", "staff",
	"weights", NULL
};

static char *dup_str(struct ld *l, const char *s)
{
	char *d = strdup(s);

	if (!d)
		l->oom = 1;
	return d;
}

static void *alloc_array(struct ld *l, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		l->oom = 1;
	return p;
}

/* An array member holding at most `max` entries, or NULL. */
static json_t *array_member_max(struct ld *l, json_t *obj, const char *path,
				const char *key, int required, size_t max)
{
	char sub[JV_PATH_MAX];
	json_t *a = jv_member(&l->v, obj, path, key, JSON_ARRAY, required);

	if (a && json_array_size(a) > max) {
		jv_bad(&l->v, jv_key_path(sub, path, key),
		       "too many entries, %zu, at most %zu",
		       json_array_size(a), max);
		return NULL;
	}
	return a;
}

/* The same with the general bound, LOAD_MAX_ITEMS. */
static json_t *array_member(struct ld *l, json_t *obj, const char *path,
			    const char *key, int required)
{
	return array_member_max(l, obj, path, key, required, LOAD_MAX_ITEMS);
}

/* Reads an id: present, a string, a sane length. */
static const char *read_id(struct ld *l, json_t *obj, const char *path)
{
	const char *id = NULL;

	if (jv_string(&l->v, obj, path, "id", 1, LOAD_MAX_ID_LEN, &id) != JV_OK)
		return NULL;
	return id;
}

/* ---- days, dates and times ---- */

/* Parses a days list ("mon", "weekday", "daily", ...) into DAYS_* bits. */
static unsigned parse_days(struct ld *l, json_t *arr, const char *path,
			   int allow_empty)
{
	char sub[JV_PATH_MAX];
	unsigned bits = 0;
	size_t i;
	json_t *e;

	json_array_foreach(arr, i, e) {
		const char *s;
		int wd;

		jv_index_path(sub, path, i);
		if (!jv_is(&l->v, e, sub, JSON_STRING))
			continue;
		s = json_string_value(e);
		wd = civil_weekday_from_name(s);
		if (wd >= 0)
			bits |= 1u << wd;
		else if (!strcmp(s, "weekday"))
			bits |= DAYS_WEEKDAY;
		else if (!strcmp(s, "weekend"))
			bits |= DAYS_WEEKEND;
		else if (!strcmp(s, "daily"))
			bits |= DAYS_DAILY;
		else
			jv_bad(&l->v, sub, "unknown day '%s', expected mon..sun, "
			       "weekday, weekend or daily", s);
	}
	if (!bits && !allow_empty)
		jv_bad(&l->v, path, "no days given");
	return bits;
}

static unsigned days_member(struct ld *l, json_t *obj, const char *path,
			    const char *key, unsigned dflt)
{
	char sub[JV_PATH_MAX];
	json_t *a = jv_member(&l->v, obj, path, key, JSON_ARRAY, 0);

	if (!a)
		return dflt;
	return parse_days(l, a, jv_key_path(sub, path, key), 0);
}

static enum jv_res date_member(struct ld *l, json_t *obj, const char *path,
			       const char *key, int required, int32_t *day)
{
	char sub[JV_PATH_MAX];
	const char *s;
	enum jv_res r = jv_string(&l->v, obj, path, key, required, 32, &s);

	if (r != JV_OK)
		return r;
	if (civil_parse_date(s, day)) {
		jv_bad(&l->v, jv_key_path(sub, path, key),
		       "invalid date '%s', expected YYYY-MM-DD (years %d to %d)",
		       s, CIVIL_YEAR_MIN, CIVIL_YEAR_MAX);
		return JV_BAD;
	}
	return JV_OK;
}

static enum jv_res time_member(struct ld *l, json_t *obj, const char *path,
			       const char *key, int required, int *minutes)
{
	char sub[JV_PATH_MAX];
	const char *s;
	enum jv_res r = jv_string(&l->v, obj, path, key, required, 32, &s);

	if (r != JV_OK)
		return r;
	if (civil_parse_hhmm(s, minutes)) {
		jv_bad(&l->v, jv_key_path(sub, path, key),
		       "invalid time '%s', expected HH:MM from 00:00 to 23:59", s);
		return JV_BAD;
	}
	return JV_OK;
}

/* ---- top level: version, name, timezone, horizon, bank holidays ---- */

static void load_header(struct ld *l, json_t *root)
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
		sc->name = dup_str(l, s);
	else
		sc->name = dup_str(l, "");
	if (jv_string(&l->v, root, "$", "timezone", 0, 100, &s) != JV_OK)
		s = "Europe/London";
	sc->timezone = dup_str(l, s);
	l->tz = tz_open(s);
	if (!l->tz)
		jv_bad(&l->v, "$.timezone", "unknown timezone '%s'", s);
}

static const char *const horizon_keys[] = {"start", "days", "month", NULL};

static void load_horizon(struct ld *l, json_t *root)
{
	struct horizon *h = &l->sc->horizon;
	json_t *obj = jv_member(&l->v, root, "$", "horizon", JSON_OBJECT, 1);
	const char *month;
	long long days;
	int y, m;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.horizon", horizon_keys);
	if (json_object_get(obj, "month")) {
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
		return;
	}
	if (date_member(l, obj, "$.horizon", "start", 1, &h->start) != JV_OK)
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

static int cmp_i32(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

static void load_bank_holidays(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	json_t *a, *e;
	const char *s;
	size_t i, n = 0;

	a = array_member(l, root, "$", "bank_holidays", 0);
	if (a) {
		sc->bank_holidays = alloc_array(l, json_array_size(a),
						sizeof(int32_t));
		if (!sc->bank_holidays)
			return;
		json_array_foreach(a, i, e) {
			jv_index_path(sub, "$.bank_holidays", i);
			if (!jv_is(&l->v, e, sub, JSON_STRING))
				continue;
			if (civil_parse_date(json_string_value(e),
					     &sc->bank_holidays[n]))
				jv_bad(&l->v, sub, "invalid date '%s', expected "
				       "YYYY-MM-DD", json_string_value(e));
			else
				n++;
		}
		qsort(sc->bank_holidays, n, sizeof(int32_t), cmp_i32);
		for (i = 0; i < n; i++)
			if (!sc->n_bank_holidays ||
			    sc->bank_holidays[sc->n_bank_holidays - 1] !=
				    sc->bank_holidays[i])
				sc->bank_holidays[sc->n_bank_holidays++] =
					sc->bank_holidays[i];
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

/* ---- places ---- */

static const char *const nbhd_keys[] = {
	"id", "name", "weighted_population", NULL
};

static void load_neighbourhoods(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	json_t *a, *e;
	size_t i;

	a = array_member_max(l, root, "$", "neighbourhoods", 1,
			     LOAD_MAX_NEIGHBOURHOODS);
	if (!a)
		return;
	if (!json_array_size(a)) {
		jv_bad(&l->v, "$.neighbourhoods", "no neighbourhoods given");
		return;
	}
	sc->neighbourhoods = alloc_array(l, json_array_size(a),
					 sizeof(*sc->neighbourhoods));
	if (!sc->neighbourhoods)
		return;
	json_array_foreach(a, i, e) {
		struct neighbourhood *nb = &sc->neighbourhoods[i];
		const char *id, *name;

		jv_index_path(path, "$.neighbourhoods", i);
		sc->n_neighbourhoods = i + 1;
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		jv_known_keys(&l->v, e, path, nbhd_keys);
		id = read_id(l, e, path);
		if (id && scenario_find_neighbourhood(sc, id) >= 0)
			jv_bad(&l->v, path, "duplicate neighbourhood id '%s'", id);
		nb->id = dup_str(l, id ? id : "");
		if (jv_string(&l->v, e, path, "name", 0, LOAD_MAX_TEXT_LEN,
			      &name) != JV_OK)
			name = nb->id;
		nb->name = dup_str(l, name ? name : "");
		jv_number(&l->v, e, path, "weighted_population", 1, 0, 0,
			  1e9, &nb->weighted_population);
	}
}

static int reserved_scope(const char *s)
{
	return !strcmp(s, "neighbourhood") || !strcmp(s, "borough");
}

static void load_group(struct ld *l, struct group_kind *gk, size_t g,
		       const char *gid, json_t *members, const char *path)
{
	struct scenario *sc = l->sc;
	struct group *gr = &gk->groups[g];
	char sub[JV_PATH_MAX];
	json_t *e;
	size_t i;

	gr->id = dup_str(l, gid);
	if (!jv_is(&l->v, members, path, JSON_ARRAY))
		return;
	gr->members = alloc_array(l, json_array_size(members), sizeof(int));
	if (!gr->members)
		return;
	json_array_foreach(members, i, e) {
		int n;

		jv_index_path(sub, path, i);
		if (!jv_is(&l->v, e, sub, JSON_STRING))
			continue;
		n = scenario_find_neighbourhood(sc, json_string_value(e));
		if (n < 0) {
			jv_bad(&l->v, sub, "unknown neighbourhood '%s'",
			       json_string_value(e));
			continue;
		}
		if (gk->group_of[n] >= 0) {
			jv_bad(&l->v, sub, "neighbourhood '%s' is already in "
			       "group '%s' of kind '%s'", sc->neighbourhoods[n].id,
			       gk->groups[gk->group_of[n]].id, gk->id);
			continue;
		}
		gk->group_of[n] = (int)g;
		gr->members[gr->n_members++] = n;
		gr->weighted_population += sc->neighbourhoods[n].weighted_population;
	}
}

static void load_kind(struct ld *l, struct group_kind *gk, const char *kid,
		      json_t *obj, const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	const char *gid;
	json_t *members;
	size_t n;

	gk->id = dup_str(l, kid);
	gk->group_of = alloc_array(l, sc->n_neighbourhoods, sizeof(int));
	if (!gk->group_of)
		return;
	for (n = 0; n < sc->n_neighbourhoods; n++)
		gk->group_of[n] = -1;
	if (reserved_scope(kid))
		jv_bad(&l->v, path, "group kind may not be named '%s'", kid);
	if (strlen(kid) > LOAD_MAX_ID_LEN)
		jv_bad(&l->v, path, "group kind name longer than %d bytes",
		       LOAD_MAX_ID_LEN);
	if (!jv_is(&l->v, obj, path, JSON_OBJECT))
		return;
	if (json_object_size(obj) > LOAD_MAX_NEIGHBOURHOODS) {
		jv_bad(&l->v, path, "too many groups, %zu, at most %d",
		       json_object_size(obj), LOAD_MAX_NEIGHBOURHOODS);
		return;
	}
	gk->groups = alloc_array(l, json_object_size(obj), sizeof(*gk->groups));
	if (!gk->groups)
		return;
	json_object_foreach(obj, gid, members) {
		if (!strncmp(gid, "x-", 2))
			continue;
		jv_key_path(sub, path, gid);
		if (!*gid || strlen(gid) > LOAD_MAX_ID_LEN)
			jv_bad(&l->v, sub, "group id must be 1 to %d bytes",
			       LOAD_MAX_ID_LEN);
		load_group(l, gk, gk->n_groups++, gid, members, sub);
	}
}

static void load_groups(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	const char *kid;
	json_t *obj, *kind;

	obj = jv_member(&l->v, root, "$", "groups", JSON_OBJECT, 0);
	if (!obj || !sc->neighbourhoods)
		return;
	/* Each kind holds an index over every neighbourhood. */
	if (json_object_size(obj) > LOAD_MAX_GROUP_KINDS) {
		jv_bad(&l->v, "$.groups", "too many group kinds, %zu, at most %d",
		       json_object_size(obj), LOAD_MAX_GROUP_KINDS);
		return;
	}
	sc->kinds = alloc_array(l, json_object_size(obj), sizeof(*sc->kinds));
	if (!sc->kinds)
		return;
	json_object_foreach(obj, kid, kind) {
		if (!strncmp(kid, "x-", 2))
			continue;
		jv_key_path(path, "$.groups", kid);
		load_kind(l, &sc->kinds[sc->n_kinds++], kid, kind, path);
	}
}

/* A scope name: "neighbourhood", "borough" or a group kind. */
static int parse_scope(struct ld *l, json_t *obj, const char *path,
		       const char *key, int dflt)
{
	char sub[JV_PATH_MAX];
	const char *s;
	int k;

	if (jv_string(&l->v, obj, path, key, 0, LOAD_MAX_ID_LEN, &s) != JV_OK)
		return dflt;
	if (!strcmp(s, "neighbourhood"))
		return SCOPE_NEIGHBOURHOOD;
	if (!strcmp(s, "borough"))
		return SCOPE_BOROUGH;
	k = scenario_find_kind(l->sc, s);
	if (k < 0)
		jv_bad(&l->v, jv_key_path(sub, path, key), "unknown scope '%s', "
		       "expected neighbourhood, borough or a group kind", s);
	return k < 0 ? dflt : k;
}

/* A reference by id to a role; -1 (and an error) when unknown. */
static int role_ref(struct ld *l, json_t *obj, const char *path,
		    const char *key, int required)
{
	char sub[JV_PATH_MAX];
	const char *s;
	int r;

	if (jv_string(&l->v, obj, path, key, required, LOAD_MAX_ID_LEN, &s) !=
	    JV_OK)
		return -1;
	r = scenario_find_role(l->sc, s);
	if (r < 0)
		jv_bad(&l->v, jv_key_path(sub, path, key), "unknown role '%s'", s);
	return r;
}

/* ---- weights (read early: they give also_covers its default) ---- */

static const char *const weight_keys[] = {
	"uncovered_hour", "over_cover_hour", "substitution_hour",
	"cross_cover_hour", "contract_under_hour", "request",
	"weekend_fairness", "unsocial_fairness", NULL
};

static void load_weights(struct ld *l, json_t *root)
{
	struct weights *w = &l->sc->weights;
	double *slot[] = {
		&w->uncovered_hour, &w->over_cover_hour, &w->substitution_hour,
		&w->cross_cover_hour, &w->contract_under_hour, &w->request,
		&w->weekend_fairness, &w->unsocial_fairness
	};
	json_t *obj = jv_member(&l->v, root, "$", "weights", JSON_OBJECT, 0);
	size_t i;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.weights", weight_keys);
	for (i = 0; weight_keys[i]; i++)
		jv_number(&l->v, obj, "$.weights", weight_keys[i], 0, 0, 0, 1e9,
			  slot[i]);
}

/* ---- roles ---- */

static const char *const role_keys[] = {"id", "name", "also_covers", NULL};
static const char *const cover_keys[] = {"role", "penalty", NULL};

static void load_covers(struct ld *l, struct role *ro, int self, json_t *a,
			const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *e;
	size_t i, j;

	ro->covers = alloc_array(l, json_array_size(a), sizeof(*ro->covers));
	if (!ro->covers)
		return;
	json_array_foreach(a, i, e) {
		struct role_cover *c = &ro->covers[ro->n_covers];

		jv_index_path(sub, path, i);
		if (!jv_is(&l->v, e, sub, JSON_OBJECT))
			continue;
		jv_known_keys(&l->v, e, sub, cover_keys);
		c->role = role_ref(l, e, sub, "role", 1);
		c->penalty = l->sc->weights.substitution_hour;
		jv_number(&l->v, e, sub, "penalty", 0, 0, 0, 1e9, &c->penalty);
		if (c->role < 0)
			continue;
		if (c->role == self) {
			jv_bad(&l->v, sub, "role '%s' covers itself", ro->id);
			continue;
		}
		for (j = 0; j < ro->n_covers; j++)
			if (ro->covers[j].role == c->role)
				break;
		if (j < ro->n_covers) {
			jv_bad(&l->v, sub, "role '%s' listed twice",
			       l->sc->roles[c->role].id);
			continue;
		}
		ro->n_covers++;
	}
}

static void load_roles(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX], sub[JV_PATH_MAX];
	json_t *a, *e, *cov;
	size_t i;

	a = array_member_max(l, root, "$", "roles", 1,
			     LOAD_MAX_ROLES);
	if (!a)
		return;
	sc->roles = alloc_array(l, json_array_size(a), sizeof(*sc->roles));
	if (!sc->roles)
		return;
	json_array_foreach(a, i, e) {
		struct role *ro = &sc->roles[i];
		const char *id, *name;

		jv_index_path(path, "$.roles", i);
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		jv_known_keys(&l->v, e, path, role_keys);
		id = read_id(l, e, path);
		if (id && scenario_find_role(sc, id) >= 0)
			jv_bad(&l->v, path, "duplicate role id '%s'", id);
		ro->id = dup_str(l, id ? id : "");
		if (jv_string(&l->v, e, path, "name", 0, LOAD_MAX_TEXT_LEN,
			      &name) != JV_OK)
			name = ro->id;
		ro->name = dup_str(l, name ? name : "");
		sc->n_roles = i + 1;
	}
	/* Second pass: covers may name roles defined further down. */
	json_array_foreach(a, i, e) {
		jv_index_path(path, "$.roles", i);
		if (!json_is_object(e))
			continue;
		cov = array_member(l, e, path, "also_covers", 0);
		if (cov)
			load_covers(l, &sc->roles[i], (int)i, cov,
				    jv_key_path(sub, path, "also_covers"));
	}
}

/* ---- services, bands, requirements ---- */

static const char *const service_keys[] = {"id", "name", "bands", NULL};
static const char *const band_keys[] = {
	"label", "days", "from", "to", "scope", "require", NULL
};
static const char *const req_keys[] = {
	"role", "count", "total", "per_100k", "min", NULL
};

static void load_requirement(struct ld *l, struct requirement *rq, json_t *e,
			     const char *path)
{
	static const char *const kinds[] = {"count", "total", "per_100k"};
	long long n;
	int given = 0, k;

	jv_known_keys(&l->v, e, path, req_keys);
	rq->role = role_ref(l, e, path, "role", 1);
	for (k = 0; k < 3; k++)
		if (json_object_get(e, kinds[k])) {
			given++;
			rq->kind = (enum req_kind)k;
		}
	if (given != 1) {
		jv_bad(&l->v, path, "give exactly one of 'count', 'total' and "
		       "'per_100k' (%d given)", given);
		return;
	}
	if (rq->kind == REQ_PER_100K) {
		jv_number(&l->v, e, path, "per_100k", 1, 0, 0, 1e6, &rq->value);
	} else if (jv_integer(&l->v, e, path, kinds[rq->kind], 1, 0,
			      LOAD_MAX_HEADCOUNT, &n) == JV_OK) {
		rq->value = (double)n;
	}
	if (json_object_get(e, "min") && rq->kind == REQ_COUNT)
		jv_bad(&l->v, path, "'min' applies only to 'total' and "
		       "'per_100k'");
	else if (jv_integer(&l->v, e, path, "min", 0, 0, LOAD_MAX_HEADCOUNT,
			    &n) == JV_OK)
		rq->min = (int)n;
}

static void load_band(struct ld *l, struct band *b, json_t *e,
		      const char *path)
{
	char sub[JV_PATH_MAX], rpath[JV_PATH_MAX];
	const char *label;
	json_t *req, *r;
	size_t i;

	jv_known_keys(&l->v, e, path, band_keys);
	if (jv_string(&l->v, e, path, "label", 0, LOAD_MAX_TEXT_LEN, &label) !=
	    JV_OK)
		label = "";
	b->label = dup_str(l, label);
	b->days = days_member(l, e, path, "days", DAYS_DAILY);
	time_member(l, e, path, "from", 1, &b->from_min);
	time_member(l, e, path, "to", 1, &b->to_min);
	b->scope = parse_scope(l, e, path, "scope", SCOPE_NEIGHBOURHOOD);
	req = array_member(l, e, path, "require", 1);
	if (!req)
		return;
	b->reqs = alloc_array(l, json_array_size(req), sizeof(*b->reqs));
	if (!b->reqs)
		return;
	jv_key_path(sub, path, "require");
	json_array_foreach(req, i, r) {
		jv_index_path(rpath, sub, i);
		if (!jv_is(&l->v, r, rpath, JSON_OBJECT))
			continue;
		load_requirement(l, &b->reqs[b->n_reqs++], r, rpath);
	}
}

static void load_service(struct ld *l, struct service *sv, json_t *e,
			 const char *path)
{
	char sub[JV_PATH_MAX], bpath[JV_PATH_MAX];
	const char *id, *name;
	json_t *bands, *b;
	size_t i;

	jv_known_keys(&l->v, e, path, service_keys);
	id = read_id(l, e, path);
	if (id && scenario_find_service(l->sc, id) >= 0)
		jv_bad(&l->v, path, "duplicate service id '%s'", id);
	sv->id = dup_str(l, id ? id : "");
	if (jv_string(&l->v, e, path, "name", 0, LOAD_MAX_TEXT_LEN, &name) !=
	    JV_OK)
		name = sv->id;
	sv->name = dup_str(l, name ? name : "");
	bands = array_member_max(l, e, path, "bands", 0, LOAD_MAX_BANDS);
	if (!bands)
		return;
	sv->bands = alloc_array(l, json_array_size(bands), sizeof(*sv->bands));
	if (!sv->bands)
		return;
	jv_key_path(sub, path, "bands");
	json_array_foreach(bands, i, b) {
		jv_index_path(bpath, sub, i);
		if (!jv_is(&l->v, b, bpath, JSON_OBJECT))
			continue;
		load_band(l, &sv->bands[sv->n_bands++], b, bpath);
	}
}

static void load_services(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	json_t *a, *e;
	size_t i;

	a = array_member_max(l, root, "$", "services", 0,
			     LOAD_MAX_SERVICES);
	if (!a)
		return;
	sc->services = alloc_array(l, json_array_size(a), sizeof(*sc->services));
	if (!sc->services)
		return;
	json_array_foreach(a, i, e) {
		jv_index_path(path, "$.services", i);
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		load_service(l, &sc->services[sc->n_services++], e, path);
	}
}

/* ---- shifts ---- */

static const char *const shift_keys[] = {
	"id", "service", "start", "end", "break_minutes", "night", NULL
};

/* Wall-clock length: an end not after the start is on the next day. */
static int wall_length(int from, int to)
{
	return to > from ? to - from : to + 1440 - from;
}

/* Minutes of [from, from+len) inside 23:00-06:00 on any night. */
static int night_minutes(int from, int len)
{
	int t, n = 0;

	for (t = from; t < from + len; t++) {
		int m = t % 1440;

		n += m >= 23 * 60 || m < 6 * 60;
	}
	return n;
}

static void load_shift(struct ld *l, struct shift *sh, json_t *e,
		       const char *path)
{
	char sub[JV_PATH_MAX];
	const char *id, *svc;
	long long brk = 0;
	int len, night;

	jv_known_keys(&l->v, e, path, shift_keys);
	id = read_id(l, e, path);
	if (id && scenario_find_shift(l->sc, id) >= 0)
		jv_bad(&l->v, path, "duplicate shift id '%s'", id);
	sh->id = dup_str(l, id ? id : "");
	sh->service = -1;
	if (jv_string(&l->v, e, path, "service", 1, LOAD_MAX_ID_LEN, &svc) ==
	    JV_OK) {
		sh->service = scenario_find_service(l->sc, svc);
		if (sh->service < 0)
			jv_bad(&l->v, jv_key_path(sub, path, "service"),
			       "unknown service '%s'", svc);
	}
	if (time_member(l, e, path, "start", 1, &sh->start_min) != JV_OK ||
	    time_member(l, e, path, "end", 1, &sh->end_min) != JV_OK)
		return;
	len = wall_length(sh->start_min, sh->end_min);
	if (jv_integer(&l->v, e, path, "break_minutes", 0, 0, 1440, &brk) ==
	    JV_OK && brk >= len)
		jv_bad(&l->v, jv_key_path(sub, path, "break_minutes"),
		       "break of %lld minutes is not shorter than the "
		       "%d-minute shift", brk, len);
	sh->break_minutes = (int)brk;
	sh->night = night_minutes(sh->start_min, len) >= 180;
	if (jv_boolean(&l->v, e, path, "night", 0, &night) == JV_OK)
		sh->night = night;
}

static void load_shifts(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	json_t *a, *e;
	size_t i;

	a = array_member_max(l, root, "$", "shifts", 0,
			     LOAD_MAX_SHIFTS);
	if (!a)
		return;
	sc->shifts = alloc_array(l, json_array_size(a), sizeof(*sc->shifts));
	if (!sc->shifts)
		return;
	json_array_foreach(a, i, e) {
		jv_index_path(path, "$.shifts", i);
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		load_shift(l, &sc->shifts[sc->n_shifts++], e, path);
	}
}

/* ---- skill mix ---- */

static const char *const ratio_keys[] = {
	"type", "service", "scope", "role", "at_most", "per", "days", "from",
	"to", NULL
};
static const char *const senior_keys[] = {
	"type", "service", "scope", "role", "min_band", "count", "days",
	"from", "to", NULL
};

static void load_window(struct ld *l, struct skill_mix *m, json_t *e,
			const char *path)
{
	int has_from = json_object_get(e, "from") != NULL;
	int has_to = json_object_get(e, "to") != NULL;

	m->from_min = m->to_min = -1;
	m->days = days_member(l, e, path, "days", DAYS_DAILY);
	if (has_from != has_to) {
		jv_bad(&l->v, path, "give both 'from' and 'to', or neither");
		return;
	}
	if (has_from && (time_member(l, e, path, "from", 1, &m->from_min) !=
			 JV_OK ||
			 time_member(l, e, path, "to", 1, &m->to_min) != JV_OK))
		m->from_min = m->to_min = -1;
}

static void load_mix(struct ld *l, struct skill_mix *m, json_t *e,
		     const char *path)
{
	char sub[JV_PATH_MAX];
	const char *type, *svc;
	long long n;

	m->service = m->role = m->per = -1;
	if (jv_string(&l->v, e, path, "type", 1, 32, &type) != JV_OK)
		return;
	if (!strcmp(type, "ratio")) {
		m->type = MIX_RATIO;
		jv_known_keys(&l->v, e, path, ratio_keys);
		jv_number(&l->v, e, path, "at_most", 1, 0, 0, 1000, &m->at_most);
		m->per = role_ref(l, e, path, "per", 1);
	} else if (!strcmp(type, "senior")) {
		m->type = MIX_SENIOR;
		jv_known_keys(&l->v, e, path, senior_keys);
		if (jv_integer(&l->v, e, path, "min_band", 1, 0, 9, &n) == JV_OK)
			m->min_band = (int)n;
		m->count = 1;
		if (jv_integer(&l->v, e, path, "count", 0, 0, 1000, &n) == JV_OK)
			m->count = (int)n;
	} else {
		jv_bad(&l->v, jv_key_path(sub, path, "type"), "unknown skill-mix "
		       "type '%s', expected ratio or senior", type);
		return;
	}
	if (jv_string(&l->v, e, path, "service", 1, LOAD_MAX_ID_LEN, &svc) ==
	    JV_OK) {
		m->service = scenario_find_service(l->sc, svc);
		if (m->service < 0)
			jv_bad(&l->v, jv_key_path(sub, path, "service"),
			       "unknown service '%s'", svc);
	}
	m->scope = parse_scope(l, e, path, "scope", SCOPE_NEIGHBOURHOOD);
	m->role = role_ref(l, e, path, "role", 1);
	load_window(l, m, e, path);
}

static void load_skill_mix(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	json_t *a, *e;
	size_t i;

	a = array_member_max(l, root, "$", "skill_mix", 0,
			     LOAD_MAX_SKILL_MIX);
	if (!a)
		return;
	sc->mix = alloc_array(l, json_array_size(a), sizeof(*sc->mix));
	if (!sc->mix)
		return;
	json_array_foreach(a, i, e) {
		jv_index_path(path, "$.skill_mix", i);
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		load_mix(l, &sc->mix[sc->n_mix++], e, path);
	}
}

/* ---- working-time rules (scenario-wide and per person) ---- */

static const char *const rule_keys[] = {
	"min_rest_hours", "weekly_rest", "max_days_in_a_row",
	"min_days_in_a_row", "min_days_off_in_a_row", "max_nights_in_a_row",
	"max_avg_weekly_hours", "hours_per_fte_week",
	"contract_tolerance_hours", "max_weekends", "max_shifts", NULL
};
static const char *const weekly_rest_keys[] = {"hours", "per_days", NULL};

static void int_rule(struct ld *l, json_t *obj, const char *path,
		     const char *key, long long lo, long long hi, int *slot)
{
	long long n;

	if (jv_integer(&l->v, obj, path, key, 0, lo, hi, &n) == JV_OK)
		*slot = (int)n;
}

static void load_weekly_rest(struct ld *l, struct rules *r, json_t *obj,
			     const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *wr = jv_member(&l->v, obj, path, "weekly_rest", JSON_OBJECT, 0);
	long long days;

	if (!wr)
		return;
	jv_key_path(sub, path, "weekly_rest");
	jv_known_keys(&l->v, wr, sub, weekly_rest_keys);
	if (jv_integer(&l->v, wr, sub, "per_days", 1, 1, 28, &days) == JV_OK)
		r->weekly_rest_per_days = (int)days;
	jv_number(&l->v, wr, sub, "hours", 1, 0, 0,
		  24.0 * r->weekly_rest_per_days - 1, &r->weekly_rest_hours);
}

static void load_max_shifts(struct ld *l, struct rules *r, json_t *obj,
			    const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX], kpath[JV_PATH_MAX];
	json_t *ms = jv_member(&l->v, obj, path, "max_shifts", JSON_OBJECT, 0);
	const char *key;
	json_t *val;

	if (!ms || !r->max_shifts)
		return;
	jv_key_path(sub, path, "max_shifts");
	json_object_foreach(ms, key, val) {
		int s = scenario_find_shift(sc, key);

		if (!strncmp(key, "x-", 2))
			continue;
		jv_key_path(kpath, sub, key);
		if (s < 0) {
			jv_bad(&l->v, kpath, "unknown shift '%s'", key);
			continue;
		}
		int_rule(l, ms, sub, key, 0, LOAD_MAX_DAYS, &r->max_shifts[s]);
	}
}

/* Reads overrides from obj into r, which holds the inherited values. */
static void load_rules_into(struct ld *l, struct rules *r, json_t *obj,
			    const char *path)
{
	jv_known_keys(&l->v, obj, path, rule_keys);
	jv_number(&l->v, obj, path, "min_rest_hours", 0, 0, 0, 48,
		  &r->min_rest_hours);
	load_weekly_rest(l, r, obj, path);
	int_rule(l, obj, path, "max_days_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->max_days_in_a_row);
	int_rule(l, obj, path, "min_days_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->min_days_in_a_row);
	int_rule(l, obj, path, "min_days_off_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->min_days_off_in_a_row);
	int_rule(l, obj, path, "max_nights_in_a_row", 0, LOAD_MAX_DAYS,
		 &r->max_nights_in_a_row);
	jv_number(&l->v, obj, path, "max_avg_weekly_hours", 0, 1, 0, 168,
		  &r->max_avg_weekly_hours);
	jv_number(&l->v, obj, path, "hours_per_fte_week", 0, 0, 1, 168,
		  &r->hours_per_fte_week);
	jv_number(&l->v, obj, path, "contract_tolerance_hours", 0, 0, 0, 1000,
		  &r->contract_tolerance_hours);
	int_rule(l, obj, path, "max_weekends", 0, 4, &r->max_weekends);
	load_max_shifts(l, r, obj, path);
	if (r->min_days_in_a_row > r->max_days_in_a_row)
		jv_bad(&l->v, path, "min_days_in_a_row %d is more than "
		       "max_days_in_a_row %d", r->min_days_in_a_row,
		       r->max_days_in_a_row);
}

/* Copies src into dst with its own max_shifts array. */
static int rules_copy(struct ld *l, struct rules *dst, const struct rules *src)
{
	size_t n = l->sc->n_shifts;

	*dst = *src;
	dst->max_shifts = alloc_array(l, n, sizeof(int));
	if (!dst->max_shifts)
		return -1;
	if (src->max_shifts)
		memcpy(dst->max_shifts, src->max_shifts, n * sizeof(int));
	else
		for (size_t i = 0; i < n; i++)
			dst->max_shifts[i] = -1;
	return 0;
}

static void load_rules(struct ld *l, json_t *root)
{
	struct rules base = l->sc->rules;
	json_t *obj;

	if (rules_copy(l, &l->sc->rules, &base))
		return;
	obj = jv_member(&l->v, root, "$", "rules", JSON_OBJECT, 0);
	if (obj)
		load_rules_into(l, &l->sc->rules, obj, "$.rules");
}

static const char *const planning_keys[] = {
	"uplift_pct", "hours_per_fte_week", NULL
};

static void load_planning(struct ld *l, json_t *root)
{
	struct planning *p = &l->sc->planning;
	json_t *obj = jv_member(&l->v, root, "$", "planning", JSON_OBJECT, 0);

	p->hours_per_fte_week = l->sc->rules.hours_per_fte_week;
	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.planning", planning_keys);
	jv_number(&l->v, obj, "$.planning", "uplift_pct", 0, 0, 0, 500,
		  &p->uplift_pct);
	jv_number(&l->v, obj, "$.planning", "hours_per_fte_week", 0, 0, 1, 168,
		  &p->hours_per_fte_week);
}

/* ---- staff ---- */

static const char *const staff_keys[] = {
	"id", "name", "role", "band", "fte", "neighbourhood", "may_work_in",
	"shifts", "leave", "days_off_weekly", "requests", "rules", NULL
};
static const char *const leave_keys[] = {"from", "to", "kind", NULL};
static const char *const request_keys[] = {
	"date", "shift", "on", "off", "weight", NULL
};

static void load_may_work(struct ld *l, struct staff *p, json_t *e,
			  const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX], ipath[JV_PATH_MAX];
	json_t *m = json_object_get(e, "may_work_in"), *x;
	size_t n, i;
	int scope, unit;

	p->may_work[p->home] = 1;
	if (!m)
		return;
	jv_key_path(sub, path, "may_work_in");
	if (json_is_array(m)) {
		json_array_foreach(m, i, x) {
			int nb;

			jv_index_path(ipath, sub, i);
			if (!jv_is(&l->v, x, ipath, JSON_STRING))
				continue;
			nb = scenario_find_neighbourhood(sc, json_string_value(x));
			if (nb < 0)
				jv_bad(&l->v, ipath, "unknown neighbourhood '%s'",
				       json_string_value(x));
			else
				p->may_work[nb] = 1;
		}
		return;
	}
	if (!json_is_string(m)) {
		jv_bad(&l->v, sub, "expected a string or an array, got %s",
		       jv_type_name(m));
		return;
	}
	scope = parse_scope(l, e, path, "may_work_in", SCOPE_NEIGHBOURHOOD);
	unit = scenario_unit_of(sc, scope, p->home);
	for (n = 0; unit >= 0 && n < sc->n_neighbourhoods; n++)
		if (scenario_unit_of(sc, scope, (int)n) == unit)
			p->may_work[n] = 1;
}

/* Returns 1 when the person lists their shifts, 0 for the default. */
static int load_allowed(struct ld *l, struct staff *p, json_t *e,
			const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX], ipath[JV_PATH_MAX];
	json_t *a = array_member(l, e, path, "shifts", 0), *x;
	size_t i;

	if (!a)
		return json_object_get(e, "shifts") != NULL;
	jv_key_path(sub, path, "shifts");
	json_array_foreach(a, i, x) {
		int s;

		jv_index_path(ipath, sub, i);
		if (!jv_is(&l->v, x, ipath, JSON_STRING))
			continue;
		s = scenario_find_shift(sc, json_string_value(x));
		if (s < 0)
			jv_bad(&l->v, ipath, "unknown shift '%s'",
			       json_string_value(x));
		else
			p->allowed[s] = 1;
	}
	return 1;
}

static int service_demands(const struct service *sv, int role)
{
	size_t b, r;

	for (b = 0; b < sv->n_bands; b++)
		for (r = 0; r < sv->bands[b].n_reqs; r++)
			if (sv->bands[b].reqs[r].role == role)
				return 1;
	return 0;
}

/* The spec's default: every shift of a service with demand for the
 * person's role or a role it also covers. */
static void default_allowed(struct scenario *sc, struct staff *p)
{
	const struct role *ro;
	size_t s, c;

	if (p->role < 0)
		return;
	ro = &sc->roles[p->role];
	for (s = 0; s < sc->n_shifts; s++) {
		const struct service *sv;
		int sid = sc->shifts[s].service;

		if (sid < 0)
			continue;
		sv = &sc->services[sid];
		p->allowed[s] = (unsigned char)service_demands(sv, p->role);
		for (c = 0; c < ro->n_covers; c++)
			if (service_demands(sv, ro->covers[c].role))
				p->allowed[s] = 1;
	}
}

static void load_leave(struct ld *l, struct staff *p, json_t *e,
		       const char *path)
{
	char sub[JV_PATH_MAX], ipath[JV_PATH_MAX];
	json_t *a = array_member(l, e, path, "leave", 0), *x;
	int32_t start = l->sc->horizon.start;
	size_t i;

	if (!a)
		return;
	p->leave = alloc_array(l, json_array_size(a), sizeof(*p->leave));
	if (!p->leave)
		return;
	jv_key_path(sub, path, "leave");
	json_array_foreach(a, i, x) {
		struct leave *lv = &p->leave[p->n_leave];
		int32_t from, to;
		const char *kind;

		jv_index_path(ipath, sub, i);
		if (!jv_is(&l->v, x, ipath, JSON_OBJECT))
			continue;
		jv_known_keys(&l->v, x, ipath, leave_keys);
		if (jv_string(&l->v, x, ipath, "kind", 0, LOAD_MAX_ID_LEN,
			      &kind) != JV_OK)
			kind = "annual";
		if (date_member(l, x, ipath, "from", 1, &from) != JV_OK ||
		    date_member(l, x, ipath, "to", 1, &to) != JV_OK)
			continue;
		if (to < from) {
			jv_bad(&l->v, ipath, "leave ends before it starts");
			continue;
		}
		lv->from_day = (int)(from - start);
		lv->to_day = (int)(to - start);
		lv->kind = dup_str(l, kind);
		p->n_leave++;
	}
}

static void load_request(struct ld *l, struct staff *p, json_t *x,
			 const char *ipath)
{
	struct request *rq = &p->requests[p->n_requests];
	char sub[JV_PATH_MAX];
	const char *shift;
	int on = 0, off = 0;
	int32_t date;

	jv_known_keys(&l->v, x, ipath, request_keys);
	rq->shift = -1;
	rq->weight = 1;
	if (date_member(l, x, ipath, "date", 1, &date) != JV_OK)
		return;
	jv_boolean(&l->v, x, ipath, "on", 0, &on);
	jv_boolean(&l->v, x, ipath, "off", 0, &off);
	if (on == off) {
		jv_bad(&l->v, ipath, "a request needs exactly one of "
		       "\"on\": true and \"off\": true");
		return;
	}
	if (jv_string(&l->v, x, ipath, "shift", 0, LOAD_MAX_ID_LEN, &shift) ==
	    JV_OK) {
		rq->shift = scenario_find_shift(l->sc, shift);
		if (rq->shift < 0) {
			jv_bad(&l->v, jv_key_path(sub, ipath, "shift"),
			       "unknown shift '%s'", shift);
			return;
		}
	}
	jv_number(&l->v, x, ipath, "weight", 0, 0, 0, 1e6, &rq->weight);
	rq->on = on;
	rq->day = (int)(date - l->sc->horizon.start);
	/* A request outside the horizon cannot be met or refused here. */
	if (rq->day >= 0 && rq->day < l->sc->horizon.days)
		p->n_requests++;
}

static void load_requests(struct ld *l, struct staff *p, json_t *e,
			  const char *path)
{
	char sub[JV_PATH_MAX], ipath[JV_PATH_MAX];
	json_t *a = array_member(l, e, path, "requests", 0), *x;
	size_t i;

	if (!a)
		return;
	p->requests = alloc_array(l, json_array_size(a), sizeof(*p->requests));
	if (!p->requests)
		return;
	jv_key_path(sub, path, "requests");
	json_array_foreach(a, i, x) {
		jv_index_path(ipath, sub, i);
		if (jv_is(&l->v, x, ipath, JSON_OBJECT))
			load_request(l, p, x, ipath);
	}
}

static void load_person_basics(struct ld *l, struct staff *p, json_t *e,
			       const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	const char *id, *name, *nb;
	long long band;

	id = read_id(l, e, path);
	p->id = dup_str(l, id ? id : "");
	if (jv_string(&l->v, e, path, "name", 0, LOAD_MAX_TEXT_LEN, &name) !=
	    JV_OK)
		name = p->id;
	p->name = dup_str(l, name ? name : "");
	p->role = role_ref(l, e, path, "role", 1);
	if (jv_integer(&l->v, e, path, "band", 0, 1, 9, &band) == JV_OK)
		p->band = (int)band;
	p->fte = 1.0;
	jv_number(&l->v, e, path, "fte", 0, 0, 1, 1.5, &p->fte);
	p->home = -1;
	if (jv_string(&l->v, e, path, "neighbourhood", 1, LOAD_MAX_ID_LEN, &nb) ==
	    JV_OK) {
		p->home = scenario_find_neighbourhood(sc, nb);
		if (p->home < 0)
			jv_bad(&l->v, jv_key_path(sub, path, "neighbourhood"),
			       "unknown neighbourhood '%s'", nb);
	}
}

static void load_person(struct ld *l, struct staff *p, json_t *e,
			const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	json_t *x;

	jv_known_keys(&l->v, e, path, staff_keys);
	load_person_basics(l, p, e, path);
	p->may_work = alloc_array(l, sc->n_neighbourhoods, 1);
	p->allowed = alloc_array(l, sc->n_shifts, 1);
	if (rules_copy(l, &p->rules, &sc->rules) || !p->may_work || !p->allowed)
		return;
	if (p->home >= 0)
		load_may_work(l, p, e, path);
	if (!load_allowed(l, p, e, path))
		default_allowed(sc, p);
	load_leave(l, p, e, path);
	x = jv_member(&l->v, e, path, "days_off_weekly", JSON_ARRAY, 0);
	if (x)
		p->days_off_weekly = parse_days(l, x, jv_key_path(sub, path,
						"days_off_weekly"), 1);
	load_requests(l, p, e, path);
	x = jv_member(&l->v, e, path, "rules", JSON_OBJECT, 0);
	if (x)
		load_rules_into(l, &p->rules, x, jv_key_path(sub, path, "rules"));
}

static int staff_id_taken(const struct scenario *sc, size_t upto,
			  const char *id)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (sc->staff[i].id && !strcmp(sc->staff[i].id, id))
			return 1;
	return 0;
}

static void load_staff(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX];
	json_t *a, *e;
	size_t i;

	a = array_member_max(l, root, "$", "staff", 0,
			     LOAD_MAX_STAFF);
	if (!a)
		return;
	sc->staff = alloc_array(l, json_array_size(a), sizeof(*sc->staff));
	if (!sc->staff)
		return;
	json_array_foreach(a, i, e) {
		struct staff *p = &sc->staff[sc->n_staff];

		jv_index_path(path, "$.staff", i);
		if (!jv_is(&l->v, e, path, JSON_OBJECT))
			continue;
		sc->n_staff++;
		load_person(l, p, e, path);
		if (*p->id && staff_id_taken(sc, sc->n_staff - 1, p->id))
			jv_bad(&l->v, path, "duplicate staff id '%s'", p->id);
	}
}

/* ---- instants: the one place local times meet the timezone ---- */

static int instants(struct ld *l, instant_t **from, instant_t **to, int fmin,
		    int tmin)
{
	struct scenario *sc = l->sc;
	int d, n = sc->horizon.days;
	int len = wall_length(fmin, tmin);

	*from = alloc_array(l, (size_t)n, sizeof(instant_t));
	*to = alloc_array(l, (size_t)n, sizeof(instant_t));
	if (!*from || !*to)
		return -1;
	for (d = 0; d < n; d++) {
		int32_t date = scenario_date(sc, d);

		(*from)[d] = tz_instant(l->tz, date, fmin);
		(*to)[d] = tz_instant(l->tz, date, fmin + len);
	}
	return 0;
}

static int compute_instants(struct ld *l)
{
	struct scenario *sc = l->sc;
	struct horizon *h = &sc->horizon;
	size_t i, b;
	int d;

	h->day_start = alloc_array(l, (size_t)h->days + 1, sizeof(instant_t));
	if (!h->day_start)
		return -1;
	for (d = 0; d <= h->days; d++)
		h->day_start[d] = tz_instant(l->tz, h->start + d, 0);
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
	for (i = 0; i < sc->n_services; i++)
		for (b = 0; b < sc->services[i].n_bands; b++) {
			struct band *bd = &sc->services[i].bands[b];

			if (instants(l, &bd->from_at, &bd->to_at, bd->from_min,
				     bd->to_min))
				return -1;
		}
	return 0;
}

/* ---- the whole document ---- */

/*
 * per_100k x population is a head-count per unit, held as an int: a
 * million per 100k in a billion people is ten billion.  Bounded as a
 * count is, with the unit named.
 */
static void check_headcounts(struct ld *l, size_t s, size_t b)
{
	const struct scenario *sc = l->sc;
	const struct band *bd = &sc->services[s].bands[b];
	size_t r, u, units = scenario_units(sc, bd->scope);
	char path[JV_PATH_MAX];

	for (r = 0; r < bd->n_reqs; r++) {
		const struct requirement *rq = &bd->reqs[r];

		if (rq->kind != REQ_PER_100K)
			continue;
		for (u = 0; u < units; u++) {
			double pop = scenario_unit_population(sc, bd->scope, u);
			double n = rq->value * pop / 100000;

			if (n <= LOAD_MAX_HEADCOUNT)
				continue;
			snprintf(path, sizeof(path), "$.services[%zu].bands[%zu]."
				 "require[%zu].per_100k", s, b, r);
			jv_bad(&l->v, path, "%g per 100k of %g in '%s' is %.0f "
			       "people, at most %d", rq->value, pop,
			       scenario_unit_id(sc, bd->scope, u), n,
			       LOAD_MAX_HEADCOUNT);
			break;
		}
	}
}

/*
 * Each entry on its own may be within bounds while their product, which
 * is what the demand and the solve allocate, is not: refuse it here with
 * the figures rather than fail later for memory.
 */
static void check_size(struct ld *l)
{
	const struct scenario *sc = l->sc;
	double days = sc->horizon.days, cells, items = 0;
	size_t s, b;

	cells = (double)sc->n_staff * days * (double)sc->n_shifts;
	if (cells > LOAD_MAX_CELLS)
		jv_bad(&l->v, "$", "rota too large, %zu staff x %d days x %zu "
		       "shifts is %.0f cells, at most %d", sc->n_staff,
		       sc->horizon.days, sc->n_shifts, cells, LOAD_MAX_CELLS);
	for (s = 0; s < sc->n_services; s++)
		for (b = 0; b < sc->services[s].n_bands; b++) {
			const struct band *bd = &sc->services[s].bands[b];

			items += (double)bd->n_reqs * days *
				 (double)scenario_units(sc, bd->scope);
			check_headcounts(l, s, b);
		}
	if (items > LOAD_MAX_DEMAND)
		jv_bad(&l->v, "$.services", "demand too large, bands x days x "
		       "units x requirements is %.0f, at most %d", items,
		       LOAD_MAX_DEMAND);
}

static void load_root(struct ld *l, json_t *root)
{
	if (!jv_is(&l->v, root, "$", JSON_OBJECT))
		return;
	jv_known_keys(&l->v, root, "$", top_keys);
	load_header(l, root);
	load_horizon(l, root);
	load_bank_holidays(l, root);
	load_weights(l, root);
	load_neighbourhoods(l, root);
	load_groups(l, root);
	load_roles(l, root);
	load_services(l, root);
	load_shifts(l, root);
	load_skill_mix(l, root);
	load_rules(l, root);
	load_planning(l, root);
	load_staff(l, root);
	if (!l->v.err->count && !l->oom)
		check_size(l);
	if (!l->v.err->count && !l->oom && l->sc->horizon.days > 0)
		compute_instants(l);
}

static int finish(struct ld *l, json_t *root)
{
	int ret = 0;

	if (root)
		load_root(l, root);
	if (l->oom && !l->v.err->count)
		rota_error_add(l->v.err, ROTA_EINTERNAL, "%s: out of memory",
			       l->v.file);
	if (l->v.err->count) {
		scenario_release(l->sc);
		ret = -1;
	}
	tz_close(l->tz);
	json_decref(root);
	return ret;
}

/*
 * jansson's column points at the end of the token it stopped on; people
 * look for where the token starts.  Its text names the token ("near
 * '\"horizon\"'"), so the start is that far back on the same line.
 */
static int token_start_column(const json_error_t *je)
{
	const char *near = strstr(je->text, "near '");
	size_t len;

	if (je->column <= 0)
		return 1;
	if (strstr(je->text, "near end of file"))
		return je->column + 1;
	if (!near)
		return je->column;
	len = strlen(near + 6);
	if (len && near[6 + len - 1] == '\'')
		len--;
	if ((int)len <= je->column)
		return je->column - (int)len + 1;
	return je->column;
}

/*
 * "too big integer" names no token, and jansson's column is then the
 * number's end: step back over the number to where it starts.
 */
static int number_start_column(const json_error_t *je, const char *buf,
			       size_t len)
{
	size_t p = (size_t)je->position;
	int col = je->column;

	if (je->position <= 0 || p > len)
		return col;
	while (p > 0 && col > 1 && strchr("0123456789+-.eE", buf[p - 1]) &&
	       buf[p - 1]) {
		p--;
		col--;
	}
	return col + 1;
}

static void syntax_error(struct ld *l, const json_error_t *je,
			 const char *buf, size_t len)
{
	const char *text = je->text;
	int col = token_start_column(je);

	/* Its own wording names a flag our users cannot set. */
	if (strstr(text, "JSON_ALLOW_NUL"))
		text = "NUL character (\\u0000) not allowed in strings";
	if (!strcmp(text, "too big integer"))
		col = number_start_column(je, buf, len);
	if (je->line > 0)
		rota_error_add(l->v.err, ROTA_EINPUT, "%s:%d:%d: %s", l->v.file,
			       je->line, col, text);
	else
		rota_error_add(l->v.err, ROTA_EINPUT, "%s: %s", l->v.file, text);
}

/* What the scan before parsing refuses. */
enum shape { SHAPE_OK, SHAPE_DEEP, SHAPE_MANY };

/*
 * jansson recurses once per level of arrays and objects and stops only at
 * 2048, and builds some 40 bytes per value: 64 MiB of "0," is 1.4 GB and
 * half a minute.  A scenario needs six levels and far fewer values, so
 * both are counted first, outside strings, and a document over either
 * bound is refused before any of it is built, saying where.  Values are
 * counted as commas plus containers, which is never fewer than there
 * are.  Lines and columns count as jansson's do (a UTF-8 character is one
 * column).
 */
static enum shape scan_shape(const char *buf, size_t len, int *line,
			     int *col)
{
	int depth = 0, in_str = 0, esc = 0;
	long values = 1;
	size_t i;

	*line = 1;
	*col = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			++*line;
			*col = 0;
			continue;
		}
		if ((c & 0xc0) != 0x80)
			++*col;
		if (in_str) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				in_str = 0;
			continue;
		}
		if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > LOAD_MAX_DEPTH)
				return SHAPE_DEEP;
			values++;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		} else if (c == ',') {
			values++;
		}
		if (values > LOAD_MAX_VALUES)
			return SHAPE_MANY;
	}
	return SHAPE_OK;
}

int scenario_load_buffer(const char *buf, size_t len, const char *name,
			 struct scenario *sc, struct rota_error *err)
{
	struct ld l = {{err, name}, sc, NULL, 0};
	json_error_t je;
	json_t *root = NULL;
	int line, col;

	if (len > (size_t)READFILE_MAX_BYTES) {
		rota_error_add(err, ROTA_EINPUT, "%s: file larger than %ld bytes",
			       name, READFILE_MAX_BYTES);
		return finish(&l, NULL);
	}
	switch (scan_shape(buf, len, &line, &col)) {
	case SHAPE_DEEP:
		rota_error_add(err, ROTA_EINPUT, "%s:%d:%d: nesting deeper than "
			       "%d arrays and objects", name, line, col,
			       LOAD_MAX_DEPTH);
		return finish(&l, NULL);
	case SHAPE_MANY:
		rota_error_add(err, ROTA_EINPUT, "%s:%d:%d: more than %d values",
			       name, line, col, LOAD_MAX_VALUES);
		return finish(&l, NULL);
	case SHAPE_OK:
		break;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		syntax_error(&l, &je, buf, len);
	return finish(&l, root);
}

int scenario_load(const char *path, struct scenario *sc,
		  struct rota_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	size_t len = 0;
	char *buf = NULL;
	int ret = -1;

	switch (readfile(path, (size_t)READFILE_MAX_BYTES, &buf, &len)) {
	case READFILE_OK:
		ret = scenario_load_buffer(buf, len, name, sc, err);
		break;
	case READFILE_CANNOT_OPEN:
		rota_error_add(err, ROTA_EINPUT, "%s: cannot open: %s", name,
			       strerror(errno));
		break;
	case READFILE_TOO_BIG:
		rota_error_add(err, ROTA_EINPUT, "%s: file larger than %ld bytes",
			       name, READFILE_MAX_BYTES);
		break;
	case READFILE_CANNOT_READ:
		rota_error_add(err, ROTA_EINPUT, "%s: cannot read: %s", name,
			       strerror(errno));
		break;
	case READFILE_NO_MEMORY:
		rota_error_add(err, ROTA_EINTERNAL, "%s: out of memory", name);
		break;
	}
	free(buf);
	return ret;
}
