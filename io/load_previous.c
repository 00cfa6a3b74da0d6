#include "previous.h"

#include <errno.h>
#include <stdio.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "readfile.h"
#include "sha256.h"

/* A string member of an assignment; NULL after an error (when required). */
static const char *member(json_t *a, const char *key, int required,
			  const char *file, size_t i, struct rota_error *err)
{
	json_t *x = json_object_get(a, key);
	struct rota_place at = ROTA_PLACE_NONE;
	char path[64];

	if (!x && !required)
		return NULL;
	if (json_is_string(x))
		return json_string_value(x);
	snprintf(path, sizeof(path), "$.assignments[%zu].%s", i, key);
	at.file = file;
	at.path = path;
	rota_error_at(err, ROTA_EINPUT, &at, "%s expected", x ? "a string" :
		      "a required string");
	return NULL;
}

/* "2018-03-11T16:00:00+00:00", as rota.json writes a shift's end, as an
 * instant; 0 when s is not one (an older rota.json without times). */
static instant_t parse_instant(const char *s)
{
	char date[CIVIL_DATE_LEN];
	int32_t day;
	int h, m, sec, oh, om, n = 0;
	char sign;

	if (!s || strlen(s) < 25 || s[10] != 'T')
		return 0;
	memcpy(date, s, 10);
	date[10] = 0;
	if (civil_parse_date(date, &day) ||
	    sscanf(s + 11, "%2d:%2d:%2d%c%2d:%2d%n", &h, &m, &sec, &sign, &oh,
		   &om, &n) != 6 || s[11 + n] || (sign != '+' && sign != '-'))
		return 0;
	return (instant_t)day * 86400 + h * 3600 + m * 60 + sec -
	       (sign == '+' ? 1 : -1) * (oh * 3600 + om * 60);
}

static char *dup_or_null(const char *s, int *oom)
{
	char *d;

	if (!s)
		return NULL;
	d = strdup(s);
	if (!d)
		*oom = 1;
	return d;
}

static int read_assignment(struct reference *ref, json_t *a, size_t i,
			   const char *file, struct sha256 *digest,
			   struct rota_error *err)
{
	struct ref_assignment *x = &ref->a[ref->n];
	const char *staff = member(a, "staff", 1, file, i, err);
	const char *date = member(a, "date", 1, file, i, err);
	const char *shift = member(a, "shift", 1, file, i, err);
	const char *nbhd = member(a, "neighbourhood", 0, file, i, err);
	const char *role = member(a, "role", 0, file, i, err);
	const char *start = member(a, "start", 0, file, i, err);
	const char *end = member(a, "end", 0, file, i, err);
	struct rota_place at = ROTA_PLACE_NONE;
	char path[64];
	int oom = 0;

	if (!staff || !date || !shift)
		return -1;
	memset(x, 0, sizeof(*x));
	if (civil_parse_date(date, &x->date)) {
		snprintf(path, sizeof(path), "$.assignments[%zu].date", i);
		at.file = file;
		at.path = path;
		return rota_error_at(err, ROTA_EINPUT, &at, "invalid date '%.20s'",
				     date);
	}
	origin_add_assignment(digest, staff, date, shift, nbhd, role);
	x->start = parse_instant(start);
	x->end = parse_instant(end);
	x->staff = dup_or_null(staff, &oom);
	x->shift = dup_or_null(shift, &oom);
	x->nbhd = dup_or_null(nbhd, &oom);
	x->role = dup_or_null(role, &oom);
	x->p = x->s = x->n = x->r = -1;
	ref->n++;
	if (oom)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	return 0;
}

static int read_horizon(struct reference *ref, json_t *root, const char *file,
			struct rota_error *err)
{
	json_t *h = json_object_get(root, "horizon");
	json_t *start = json_object_get(h, "start");
	json_t *days = json_object_get(h, "days");
	struct rota_place at = ROTA_PLACE_NONE;

	at.file = file;
	at.path = "$.horizon";
	if (!json_is_string(start) || !json_is_integer(days) ||
	    civil_parse_date(json_string_value(start), &ref->start) ||
	    json_integer_value(days) < 1 || json_integer_value(days) > 366)
		return rota_error_at(err, ROTA_EINPUT, &at, "a horizon with "
				     "\"start\" and \"days\" expected");
	ref->days = (int)json_integer_value(days);
	return 0;
}

static int read_root(struct reference *ref, json_t *root, const char *file,
		     struct rota_error *err)
{
	json_t *as = json_object_get(root, "assignments");
	struct rota_place at = ROTA_PLACE_NONE;
	struct sha256 digest;
	size_t i, n;
	int bad = 0;

	at.file = file;
	at.path = "$.assignments";
	sha256_init(&digest);
	if (read_horizon(ref, root, file, err))
		return -1;
	if (!json_is_array(as))
		return rota_error_at(err, ROTA_EINPUT, &at, "an array expected");
	n = json_array_size(as);
	ref->a = calloc(n + 1, sizeof(*ref->a));
	if (!ref->a)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (i = 0; i < n; i++) {
		json_t *a = json_array_get(as, i);

		if (!json_is_object(a)) {
			char path[64];

			snprintf(path, sizeof(path), "$.assignments[%zu]", i);
			at.path = path;
			rota_error_at(err, ROTA_EINPUT, &at, "an object expected");
			bad = 1;
			continue;
		}
		if (read_assignment(ref, a, i, file, &digest, err))
			bad = 1;
	}
	sha256_final_hex(&digest, ref->origin.assignments_read);
	return bad ? -1 : 0;
}

/* A hex digest member of made_from into out; -1 when it is not one. */
static int hex_member(json_t *m, const char *key, char out[ORIGIN_HEX])
{
	const char *s = json_string_value(json_object_get(m, key));

	if (!s || strlen(s) != ORIGIN_HEX - 1 ||
	    strspn(s, "0123456789abcdef") != ORIGIN_HEX - 1)
		return -1;
	memcpy(out, s, ORIGIN_HEX);
	return 0;
}

/* A date or null member of made_from; -1 when neither. */
static int date_member(json_t *m, const char *key, int *has, int32_t *day)
{
	json_t *x = json_object_get(m, key);

	*has = 0;
	if (json_is_null(x))
		return 0;
	*has = 1;
	return json_is_string(x) ? civil_parse_date(json_string_value(x), day)
				 : -1;
}

/*
 * made_from (origin.h), when the rota has one in full.  Not an error
 * when absent or odd: an older rota.json, or one edited by hand, is
 * still a reference; it only cannot be taken for this engine's own.
 */
static void read_origin(struct rota_origin *o, json_t *root)
{
	json_t *m = json_object_get(root, "made_from");
	json_t *engine = json_object_get(m, "engine");
	json_t *seed = json_object_get(m, "seed");
	json_t *work = json_object_get(m, "work");
	json_t *gap = json_object_get(m, "gap");
	json_t *prev = json_object_get(m, "previous");
	const char *stop = json_string_value(json_object_get(root,
							     "stopped_by"));

	o->present = 0;
	if (!json_is_object(m) || !json_is_string(engine) ||
	    strlen(json_string_value(engine)) >= sizeof(o->engine) ||
	    !json_is_integer(seed) || json_integer_value(seed) < 0 ||
	    !json_is_integer(work) || !json_is_number(gap) ||
	    !json_is_boolean(prev) ||
	    hex_member(m, "scenario_sha256", o->scenario_sha256) ||
	    hex_member(m, "assignments_sha256", o->assignments_sha256) ||
	    date_member(m, "freeze_until", &o->has_freeze, &o->freeze_until) ||
	    date_member(m, "today", &o->has_today, &o->today) || !stop)
		return;
	memcpy(o->engine, json_string_value(engine),
	       strlen(json_string_value(engine)) + 1);
	o->seed = (unsigned long long)json_integer_value(seed);
	o->work = (long)json_integer_value(work);
	o->gap = json_number_value(gap);
	o->previous = json_is_true(prev);
	o->stopped_clean = !strcmp(stop, "work") || !strcmp(stop, "optimal") ||
			   !strcmp(stop, "gap");
	o->present = 1;
}

int previous_load(const char *dir, int has_freeze, int32_t freeze_until,
		  struct reference **out, struct rota_error *err)
{
	struct reference *ref = reference_new();
	struct rota_place at = ROTA_PLACE_NONE;
	char *buf = NULL;
	size_t len = 0;
	json_error_t je;
	json_t *root = NULL;
	int ret = -1;

	*out = NULL;
	if (!ref)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	ref->has_freeze = has_freeze;
	ref->freeze_until = freeze_until;
	ref->path = rota_strdupf("%s/rota.json", dir);
	if (!ref->path) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto out;
	}
	at.file = ref->path;
	switch (readfile(ref->path, (size_t)READFILE_MAX_BYTES, &buf, &len)) {
	case READFILE_OK:
		break;
	case READFILE_TOO_BIG:
		rota_error_at(err, ROTA_EINPUT, &at, "file larger than %ld bytes",
			      READFILE_MAX_BYTES);
		goto out;
	default:
		rota_error_at(err, ROTA_EINPUT, &at, "--previous '%s': cannot "
			      "read its rota.json: %s", dir, strerror(errno));
		goto out;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		at.line = je.line;
		at.column = je.column;
		rota_error_at(err, ROTA_EINPUT, &at, "%s", je.text);
		goto out;
	}
	if (!json_is_object(root)) {
		rota_error_at(err, ROTA_EINPUT, &at, "an object expected");
		goto out;
	}
	if (read_root(ref, root, ref->path, err))
		goto out;
	read_origin(&ref->origin, root);
	*out = ref;
	ref = NULL;
	ret = 0;
out:
	json_decref(root);
	free(buf);
	reference_free(ref);
	return ret;
}
