/*
 * diag: the one place rota7's messages go through.
 *
 * The error convention, for every module:
 *   - a function that can fail takes `struct rota_error *err` last and
 *     returns -1 (or NULL) when it fails, having recorded why in err;
 *     -1 never means anything else;
 *   - err may be NULL: nothing is recorded, the answer alone is wanted
 *     (as jansson's json_error_t * may be NULL);
 *   - rota_error_add returns -1, so a failure reads
 *	return rota_error_add(err, ROTA_EINPUT, "...");
 *   - where the error is (file, line and column, JSON path, the rule,
 *     person and days broken) is given as a struct rota_place to
 *     rota_error_at, which keeps it in fields and writes the text's
 *     prefix ("file:line:col: ", "file: path: ") itself;
 *   - results that are not failures get names (an enum), never 1 or -2.
 * Low-level builders whose one failure is running out of memory
 * (model_col, build_term, grow) return -1 and leave the words to their
 * caller, which says them once.
 *
 * Like jansson's json_error_t, the first error decides the exit status;
 * unlike it, validation keeps going and records later errors too (up to
 * ROTA_ERROR_CAP), so a user fixes a file in one round.
 *
 * Message style: lowercase, no full stop, the place first
 * ("scenario.json: $.staff[3].role: unknown role 'nurse'"), the subject
 * quoted.  Primary output goes to stdout; everything here goes to stderr.
 *
 * Memory: a struct rota_error is the caller's (often on the stack),
 * made empty by rota_error_init and emptied by rota_error_release, which
 * frees what its entries own: their text and their copies of the place's
 * strings.  A struct rota_place only borrows its strings for the call.
 * rota_strdupf's result is the caller's to free.
 */
#ifndef ROTA7_DIAG_H
#define ROTA7_DIAG_H

#include <stdarg.h>
#include <stddef.h>

/* Exit statuses, as ../shared/spec/outputs.md fixes them. */
enum rota_status {
	ROTA_OK = 0,
	ROTA_EINTERNAL = 1,
	ROTA_EINPUT = 2,
	ROTA_EINFEASIBLE = 3,    /* proven: no rota keeps the hard rules */
	ROTA_EOUTPUT = 4,
	ROTA_ELIMIT = 5,         /* no legal rota found within the limits,
	                            which proves nothing */
	ROTA_EINTERRUPTED = 130  /* SIGINT or SIGTERM (128 + SIGINT, as a
	                            shell reports a process it interrupted) */
};

#define ROTA_ERROR_CAP 50

/*
 * Where an error is: whichever fields apply, the others empty (NULL, 0
 * for line and column, -1 for days; ROTA_PLACE_NONE is all empty).
 */
struct rota_place {
	const char *file;        /* the file read */
	int line, column;        /* 1-based, in file (syntax errors); 0: none */
	const char *path;        /* JSON path in file ("$.staff[3].fte") */
	const char *rule;        /* family of a broken hard rule ("rest") */
	const char *who;         /* the person's or unit's id */
	int first_day, last_day; /* horizon days the rule is broken over */
};

#define ROTA_PLACE_NONE {NULL, 0, 0, NULL, NULL, NULL, -1, -1}

/* One error kept: its status, its text as printed, and its place. */
struct rota_error_entry {
	int status;
	char *text;              /* the whole message, place first */
	/* The place, copied (a string NULL when absent or out of memory). */
	char *file, *path, *rule, *who;
	int line, column, first_day, last_day;
};

struct rota_error {
	int status;                    /* status of the first error; 0: none */
	size_t count;                  /* errors reported, kept or not */
	size_t kept;                   /* entries in use */
	struct rota_error_entry entries[ROTA_ERROR_CAP];
};

void rota_error_init(struct rota_error *err);
/* Frees the entries and makes err empty again; err may be NULL. */
void rota_error_release(struct rota_error *err);

/*
 * Records one error and returns -1.  The first one sets err->status;
 * later ones are kept up to the cap and counted beyond it.  err NULL:
 * nothing is recorded (nor formatted).  Out of memory, the message is
 * dropped but still counted.
 */
int rota_error_add(struct rota_error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int rota_error_vadd(struct rota_error *err, int status, const char *fmt,
		    va_list ap) __attribute__((format(printf, 3, 0)));

/*
 * The same with a place (at may be NULL: none).  The text is the place's
 * prefix, then the message: "file:line:col: msg" when at has a line or
 * a column (an instance's empty file is at line 0, column 1),
 * "file: path: msg" when it has a path, "file: msg" when a file alone;
 * the rule, who and days are kept as fields only (the message names
 * them in its own words).
 */
int rota_error_at(struct rota_error *err, int status,
		  const struct rota_place *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int rota_error_vat(struct rota_error *err, int status,
		   const struct rota_place *at, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

/* The entry recorded last, or NULL (err NULL or keeping none). */
struct rota_error_entry *rota_error_last(struct rota_error *err);
/* Its text; "out of memory" when it was dropped for want of memory,
 * "" when nothing was recorded. */
const char *rota_error_last_text(const struct rota_error *err);
/* The place an entry records, its strings borrowed from e. */
struct rota_place rota_error_place(const struct rota_error_entry *e);
/* Sets e's rule and who where e has none (NULL: leave it). */
void rota_error_entry_name(struct rota_error_entry *e, const char *rule,
			   const char *who);

/* Prints every kept message, then how many were left out, to stderr. */
void diag_print(const struct rota_error *err);

/* One-off messages, prefixed "rota7: " (and "warning: "). */
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Progress lines for long runs; silenced by diag_set_quiet(1). */
void diag_set_quiet(int quiet);
void diag_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A heap copy of the formatted text (vsnprintf twice), NULL when out of
 * memory.  The caller frees it.  Here because every module needs it and
 * sprintf is banned.
 */
char *rota_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *rota_vstrdupf(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

#endif
