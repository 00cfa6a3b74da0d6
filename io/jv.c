#include "jv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest message part kept, in bytes: a value quoted back from a 64 MiB
 * file would otherwise be printed whole, once per message. */
#define JV_MSG_MAX 300

/* Cuts s to at most max bytes without splitting a UTF-8 character. */
static void cut_utf8(char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	s[max] = '\0';
}

void jv_bad(struct jv *v, const char *path, const char *fmt, ...)
{
	struct rota_place at = ROTA_PLACE_NONE;
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = rota_vstrdupf(fmt, ap);
	va_end(ap);
	if (msg && strlen(msg) > JV_MSG_MAX) {
		cut_utf8(msg, JV_MSG_MAX - 3);
		memcpy(msg + strlen(msg), "...", 4);
	}
	at.file = v->file;
	at.path = path;
	rota_error_at(v->err, ROTA_EINPUT, &at, "%s",
		      msg ? msg : "invalid value");
	free(msg);
}

const char *jv_key_path(char out[JV_PATH_MAX], const char *base,
			const char *key)
{
	/* A long key is cut, but not inside a character. */
	if (snprintf(out, JV_PATH_MAX, "%s.%s", base, key) >= JV_PATH_MAX)
		cut_utf8(out, JV_PATH_MAX - 2);
	return out;
}

const char *jv_index_path(char out[JV_PATH_MAX], const char *base, size_t i)
{
	snprintf(out, JV_PATH_MAX, "%s[%zu]", base, i);
	return out;
}

static const char *wanted_name(json_type type)
{
	switch (type) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "a value";
}

const char *jv_type_name(const json_t *j)
{
	return wanted_name(json_typeof(j));
}

static int has_type(json_t *j, json_type type)
{
	if (type == JSON_REAL || type == JSON_INTEGER)
		return json_is_number(j);
	if (type == JSON_TRUE || type == JSON_FALSE)
		return json_is_boolean(j);
	return json_typeof(j) == type;
}

int jv_is(struct jv *v, json_t *j, const char *path, json_type type)
{
	if (has_type(j, type))
		return 1;
	jv_bad(v, path, "expected %s, got %s", wanted_name(type),
	       jv_type_name(j));
	return 0;
}

void jv_known_keys(struct jv *v, json_t *obj, const char *path,
		   const char *const *allowed)
{
	const char *key;
	json_t *val;
	size_t i;

	json_object_foreach(obj, key, val) {
		int ok = !strncmp(key, "x-", 2);

		for (i = 0; !ok && allowed[i]; i++)
			ok = !strcmp(key, allowed[i]);
		if (!ok)
			jv_bad(v, path, "unknown key '%s'", key);
	}
}

json_t *jv_member(struct jv *v, json_t *obj, const char *path,
		  const char *key, json_type type, int required)
{
	char sub[JV_PATH_MAX];
	json_t *j = json_object_get(obj, key);

	if (!j) {
		if (required)
			jv_bad(v, path, "missing key '%s'", key);
		return NULL;
	}
	if (!jv_is(v, j, jv_key_path(sub, path, key), type))
		return NULL;
	return j;
}

static enum jv_res fetch(struct jv *v, json_t *obj, const char *path,
			 const char *key, int required, json_type type,
			 json_t **out)
{
	*out = json_object_get(obj, key);
	if (!*out) {
		if (required)
			jv_bad(v, path, "missing key '%s'", key);
		return required ? JV_BAD : JV_ABSENT;
	}
	if (!jv_member(v, obj, path, key, type, 1))
		return JV_BAD;
	return JV_OK;
}

enum jv_res jv_string(struct jv *v, json_t *obj, const char *path,
		      const char *key, int required, size_t max_len,
		      const char **out)
{
	char sub[JV_PATH_MAX];
	enum jv_res r;
	json_t *j;
	size_t len, i;
	const char *s;

	r = fetch(v, obj, path, key, required, JSON_STRING, &j);
	if (r != JV_OK)
		return r;
	s = json_string_value(j);
	len = json_string_length(j);
	jv_key_path(sub, path, key);
	if (!len) {
		jv_bad(v, sub, "empty string");
		return JV_BAD;
	}
	if (len > max_len) {
		jv_bad(v, sub, "string longer than %zu bytes", max_len);
		return JV_BAD;
	}
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) {
			jv_bad(v, sub, "control character in string");
			return JV_BAD;
		}
	}
	*out = s;
	return JV_OK;
}

enum jv_res jv_number(struct jv *v, json_t *obj, const char *path,
		      const char *key, int required, double lo, int lo_open,
		      double hi, double *out)
{
	char sub[JV_PATH_MAX];
	enum jv_res r;
	json_t *j;
	double d;

	r = fetch(v, obj, path, key, required, JSON_REAL, &j);
	if (r != JV_OK)
		return r;
	d = json_number_value(j);
	jv_key_path(sub, path, key);
	if (!isfinite(d) || d < lo || (lo_open && d <= lo) || d > hi) {
		if (isinf(hi))
			jv_bad(v, sub, "%g out of range, expected %s %g", d,
			       lo_open ? ">" : ">=", lo);
		else
			jv_bad(v, sub, "%g out of range, expected %s %g and <= %g",
			       d, lo_open ? ">" : ">=", lo, hi);
		return JV_BAD;
	}
	*out = d;
	return JV_OK;
}

enum jv_res jv_integer(struct jv *v, json_t *obj, const char *path,
		       const char *key, int required, long long lo,
		       long long hi, long long *out)
{
	char sub[JV_PATH_MAX];
	enum jv_res r;
	json_t *j;
	long long n;

	r = fetch(v, obj, path, key, required, JSON_INTEGER, &j);
	if (r != JV_OK)
		return r;
	jv_key_path(sub, path, key);
	if (json_is_real(j)) {
		double d = json_real_value(j);

		if (d != floor(d) || d < -9e15 || d > 9e15) {
			jv_bad(v, sub, "expected a whole number, got %g", d);
			return JV_BAD;
		}
		n = (long long)d;
	} else {
		n = json_integer_value(j);
	}
	if (n < lo || n > hi) {
		jv_bad(v, sub, "%lld out of range, expected %lld to %lld", n,
		       lo, hi);
		return JV_BAD;
	}
	*out = n;
	return JV_OK;
}

enum jv_res jv_boolean(struct jv *v, json_t *obj, const char *path,
		       const char *key, int required, int *out)
{
	enum jv_res r;
	json_t *j;

	r = fetch(v, obj, path, key, required, JSON_TRUE, &j);
	if (r != JV_OK)
		return r;
	*out = json_is_true(j);
	return JV_OK;
}

void jv_each(struct jv *v, json_t *arr, const char *path, json_type type,
	     jv_entry_fn *fn, void *arg)
{
	char sub[JV_PATH_MAX];
	json_t *e;
	size_t i;

	json_array_foreach(arr, i, e) {
		jv_index_path(sub, path, i);
		if (jv_is(v, e, sub, type))
			fn(v, e, sub, i, arg);
	}
}

/* Whether id may stand in a path as it is: short, no control bytes, no
 * parenthesis (which would blur where it ends). */
static int plain_id(const char *id)
{
	size_t n = strlen(id), i;

	if (!n || n > JV_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)id[i] < 0x20 || id[i] == 0x7f || id[i] == ')' ||
		    id[i] == '(')
			return 0;
	return 1;
}

void jv_each_named(struct jv *v, json_t *arr, const char *path,
		   jv_entry_fn *fn, void *arg)
{
	char sub[JV_PATH_MAX];
	json_t *e;
	size_t i;

	json_array_foreach(arr, i, e) {
		const char *id = json_string_value(json_object_get(e, "id"));

		jv_index_path(sub, path, i);
		if (!jv_is(v, e, sub, JSON_OBJECT))
			continue;
		if (id && plain_id(id))
			snprintf(sub, sizeof(sub), "%s[%zu] (%s)", path, i, id);
		fn(v, e, sub, i, arg);
	}
}

void jv_each_member(struct jv *v, json_t *obj, const char *path,
		    jv_member_fn *fn, void *arg)
{
	char sub[JV_PATH_MAX];
	const char *key;
	json_t *val;

	json_object_foreach(obj, key, val) {
		if (!strncmp(key, "x-", 2))
			continue;
		fn(v, key, val, jv_key_path(sub, path, key), arg);
	}
}
