/* The reads every part of the loader shares (load_parts.h). */
#include "load_parts.h"

#include <stdlib.h>
#include <string.h>

char *ld_dup(struct ld *l, const char *s)
{
	char *d = strdup(s);

	if (!d)
		l->oom = 1;
	return d;
}

void *ld_alloc(struct ld *l, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		l->oom = 1;
	return p;
}

json_t *ld_array_max(struct ld *l, json_t *obj, const char *path,
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

json_t *ld_array(struct ld *l, json_t *obj, const char *path,
		 const char *key, int required)
{
	return ld_array_max(l, obj, path, key, required, LOAD_MAX_ITEMS);
}

const char *ld_id(struct ld *l, json_t *obj, const char *path)
{
	const char *id = NULL;

	if (jv_string(&l->v, obj, path, "id", 1, LOAD_MAX_ID_LEN, &id) != JV_OK)
		return NULL;
	return id;
}

char *ld_name(struct ld *l, json_t *obj, const char *path, const char *id)
{
	const char *name;

	if (jv_string(&l->v, obj, path, "name", 0, LOAD_MAX_TEXT_LEN, &name) !=
	    JV_OK)
		name = id;
	return ld_dup(l, name ? name : "");
}

int ld_case_twins(const char *a, const char *b)
{
	int differ = 0;

	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;

		if (x != y)
			return 0;
		differ |= *a != *b;
	}
	return !*a && !*b && differ;
}

/* ---- days, dates and times ---- */

/* One entry of a days list, or-ed into *(unsigned *)bits. */
static void day_entry(struct jv *v, json_t *e, const char *path, size_t i,
		      void *bits)
{
	unsigned *b = bits;
	const char *s = json_string_value(e);
	int wd = civil_weekday_from_name(s);

	(void)i;
	if (wd >= 0)
		*b |= 1u << wd;
	else if (!strcmp(s, "weekday"))
		*b |= DAYS_WEEKDAY;
	else if (!strcmp(s, "weekend"))
		*b |= DAYS_WEEKEND;
	else if (!strcmp(s, "daily"))
		*b |= DAYS_DAILY;
	else
		jv_bad(v, path, "unknown day '%s', expected mon..sun, "
		       "weekday, weekend or daily", s);
}

unsigned ld_days(struct ld *l, json_t *arr, const char *path,
		 int allow_empty)
{
	unsigned bits = 0;

	jv_each(&l->v, arr, path, JSON_STRING, day_entry, &bits);
	if (!bits && !allow_empty)
		jv_bad(&l->v, path, "no days given");
	return bits;
}

unsigned ld_days_member(struct ld *l, json_t *obj, const char *path,
			const char *key, unsigned dflt)
{
	char sub[JV_PATH_MAX];
	json_t *a = jv_member(&l->v, obj, path, key, JSON_ARRAY, 0);

	if (!a)
		return dflt;
	return ld_days(l, a, jv_key_path(sub, path, key), 0);
}

enum jv_res ld_date_member(struct ld *l, json_t *obj, const char *path,
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

enum jv_res ld_time_member(struct ld *l, json_t *obj, const char *path,
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

int ld_wall_length(int from, int to)
{
	return to > from ? to - from : to + 1440 - from;
}

/* ---- references: scopes and roles ---- */

int ld_scope(struct ld *l, json_t *obj, const char *path, const char *key,
	     int dflt)
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

int ld_role_ref(struct ld *l, json_t *obj, const char *path,
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
