/*
 * jv: typed, located reads from a jansson tree for validation, and the
 * walk over a list's entries (jv_each, jv_each_member, at the end).
 *
 * Every read names the JSON path it reads ("$.staff[3].fte"), and every
 * failure becomes one message in the caller's rota_error with status 2:
 * "FILE: PATH: problem 'subject'".  Reads never stop at the first error,
 * so one run reports everything wrong with a file.
 *
 * Only io/ uses this; jansson types do not leave io/.
 *
 * Memory: a struct jv borrows its err and file name.  Strings read
 * (jv_string's *out) and members returned borrow from the jansson tree,
 * which stays the caller's; paths go into the caller's buffers of
 * JV_PATH_MAX bytes.  Messages are copied into err.
 */
#ifndef ROTA7_JV_H
#define ROTA7_JV_H

#include <jansson.h>
#include <stddef.h>

#include "diag.h"

#define JV_PATH_MAX 256

struct jv {
	struct rota_error *err;
	const char *file;        /* shown before every path */
};

/* Result of a read: present and valid, absent, or present but wrong. */
enum jv_res { JV_OK = 1, JV_ABSENT = 0, JV_BAD = -1 };

void jv_bad(struct jv *v, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* base + "." + key and base + "[i]"; return out. */
const char *jv_key_path(char out[JV_PATH_MAX], const char *base,
			const char *key);
const char *jv_index_path(char out[JV_PATH_MAX], const char *base, size_t i);

/* "an object", "a string", ... for messages. */
const char *jv_type_name(const json_t *j);

/* Reports each key of obj not in `allowed` (NULL-ended) and not "x-...". */
void jv_known_keys(struct jv *v, json_t *obj, const char *path,
		   const char *const *allowed);

/* The member `key` of obj if it has type `type`; reports a wrong type and,
 * if required, absence.  Returns NULL in both cases. */
json_t *jv_member(struct jv *v, json_t *obj, const char *path,
		  const char *key, json_type type, int required);

/* Checks j itself has `type`; reports "expected X, got Y" if not. */
int jv_is(struct jv *v, json_t *j, const char *path, json_type type);

/* Strings must be non-empty UTF-8 (jansson checks) without control bytes,
 * at most max_len bytes. *out borrows from the tree. */
enum jv_res jv_string(struct jv *v, json_t *obj, const char *path,
		      const char *key, int required, size_t max_len,
		      const char **out);
/* A finite number in [lo, hi] (or (lo, hi] when lo_open). */
enum jv_res jv_number(struct jv *v, json_t *obj, const char *path,
		      const char *key, int required, double lo, int lo_open,
		      double hi, double *out);
/* A whole number in [lo, hi]; 2.0 counts as whole. */
enum jv_res jv_integer(struct jv *v, json_t *obj, const char *path,
		       const char *key, int required, long long lo,
		       long long hi, long long *out);
enum jv_res jv_boolean(struct jv *v, json_t *obj, const char *path,
		       const char *key, int required, int *out);

/*
 * Walking a list: the one loop every array and keyed object of a file is
 * read with.
 *
 * jv_each calls fn for each entry of the array arr, whose own path is
 * `path` ("$.staff"), in order, with the entry's path ("$.staff[3]") and
 * index.  An entry not of `type` is reported ("$.staff[3]: expected an
 * object, got a string") and fn is not called for it; the walk always
 * goes on to the end, so one run reports every bad entry.
 *
 * jv_each_member calls fn for each member of the object obj with its key
 * and path ("$.groups.pcn"), skipping "x-..." keys as jv_known_keys does.
 * It checks no type: a keyed object's values differ from one to another.
 *
 * fn is given v back: a caller that puts its struct jv first in its own
 * state gets that state from it.  arg is passed through untouched.
 * The path is valid only during the call.
 */
typedef void jv_entry_fn(struct jv *v, json_t *entry, const char *path,
			 size_t i, void *arg);
typedef void jv_member_fn(struct jv *v, const char *key, json_t *val,
			  const char *path, void *arg);

void jv_each(struct jv *v, json_t *arr, const char *path, json_type type,
	     jv_entry_fn *fn, void *arg);
void jv_each_member(struct jv *v, json_t *obj, const char *path,
		    jv_member_fn *fn, void *arg);

/*
 * jv_each over objects, each entry's path carrying its "id" where it has
 * a plain one ("$.staff[3] (n004)", so "$.staff[3] (n004).role"): in a
 * list of thousands a message should say whom it is about.  An id that
 * is not a string, longer than JV_ID_MAX bytes or holding control bytes
 * or parentheses is left out; the index always stays.
 */
#define JV_ID_MAX 100
void jv_each_named(struct jv *v, json_t *arr, const char *path,
		   jv_entry_fn *fn, void *arg);

#endif
