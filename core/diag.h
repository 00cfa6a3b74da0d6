/*
 * diag: the one place rota7's messages go through.
 *
 * Errors travel in a `struct rota_error` that functions fill and callers
 * print.  Like jansson's json_error_t, the first error decides the exit
 * status; unlike it, validation keeps going and records later errors too
 * (up to ROTA_ERROR_CAP), so a user fixes a file in one round.
 *
 * Message style: lowercase, no full stop, the place first
 * ("scenario.json: $.staff[3].role: unknown role 'nurse'"), the subject
 * quoted.  Primary output goes to stdout; everything here goes to stderr.
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
	ROTA_EINFEASIBLE = 3,
	ROTA_EOUTPUT = 4
};

#define ROTA_ERROR_CAP 50

struct rota_error {
	int status;                    /* status of the first error; 0: none */
	size_t count;                  /* errors reported, kept or not */
	size_t kept;                   /* entries of msgs in use */
	char *msgs[ROTA_ERROR_CAP];    /* owned; NULL past kept */
};

void rota_error_init(struct rota_error *err);
/* Frees the messages and makes err empty again. */
void rota_error_release(struct rota_error *err);

/*
 * Records one error.  The first one sets err->status; later ones are kept
 * up to the cap and counted beyond it.  Never fails: out of memory, the
 * message is dropped but still counted.
 */
void rota_error_add(struct rota_error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void rota_error_vadd(struct rota_error *err, int status, const char *fmt,
		     va_list ap) __attribute__((format(printf, 3, 0)));

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
