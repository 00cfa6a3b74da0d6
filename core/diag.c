#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int quiet;

void rota_error_init(struct rota_error *err)
{
	memset(err, 0, sizeof(*err));
}

static void entry_release(struct rota_error_entry *e)
{
	free(e->text);
	free(e->file);
	free(e->path);
	free(e->rule);
	free(e->who);
}

void rota_error_release(struct rota_error *err)
{
	size_t i;

	if (!err)
		return;
	for (i = 0; i < err->kept; i++)
		entry_release(&err->entries[i]);
	rota_error_init(err);
}

char *rota_vstrdupf(const char *fmt, va_list ap)
{
	va_list copy;
	char *buf;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		return NULL;
	buf = malloc((size_t)n + 1);
	if (!buf)
		return NULL;
	vsnprintf(buf, (size_t)n + 1, fmt, ap);
	return buf;
}

char *rota_strdupf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = rota_vstrdupf(fmt, ap);
	va_end(ap);
	return s;
}

/* A copy of s, NULL for NULL (and when out of memory: the field is then
 * unknown, which the text still says). */
static char *copy(const char *s)
{
	return s ? rota_strdupf("%s", s) : NULL;
}

/* The message with the place's prefix. */
static char *compose(const struct rota_place *at, const char *fmt,
		     va_list ap)
{
	char *msg, *text;

	if (!at || !at->file)
		return rota_vstrdupf(fmt, ap);
	msg = rota_vstrdupf(fmt, ap);
	if (!msg)
		return NULL;
	if (at->line > 0 || at->column > 0)
		text = rota_strdupf("%s:%d:%d: %s", at->file, at->line,
				    at->column, msg);
	else if (at->path)
		text = rota_strdupf("%s: %s: %s", at->file, at->path, msg);
	else
		text = rota_strdupf("%s: %s", at->file, msg);
	free(msg);
	return text;
}

int rota_error_vat(struct rota_error *err, int status,
		   const struct rota_place *at, const char *fmt, va_list ap)
{
	struct rota_error_entry *e;

	if (!err)
		return -1;   /* the caller only asks whether it worked */
	if (!err->count)
		err->status = status;
	err->count++;
	if (err->kept == ROTA_ERROR_CAP)
		return -1;
	e = &err->entries[err->kept];
	memset(e, 0, sizeof(*e));
	e->text = compose(at, fmt, ap);
	if (!e->text)
		return -1;
	e->status = status;
	e->first_day = e->last_day = -1;
	if (at) {
		e->file = copy(at->file);
		e->path = copy(at->path);
		e->rule = copy(at->rule);
		e->who = copy(at->who);
		e->line = at->line;
		e->column = at->column;
		e->first_day = at->first_day;
		e->last_day = at->last_day;
	}
	err->kept++;
	return -1;
}

int rota_error_at(struct rota_error *err, int status,
		  const struct rota_place *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rota_error_vat(err, status, at, fmt, ap);
	va_end(ap);
	return -1;
}

int rota_error_vadd(struct rota_error *err, int status, const char *fmt,
		    va_list ap)
{
	return rota_error_vat(err, status, NULL, fmt, ap);
}

int rota_error_add(struct rota_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rota_error_vat(err, status, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

struct rota_error_entry *rota_error_last(struct rota_error *err)
{
	return err && err->kept ? &err->entries[err->kept - 1] : NULL;
}

const char *rota_error_last_text(const struct rota_error *err)
{
	if (err && err->kept)
		return err->entries[err->kept - 1].text;
	return err && err->count ? "out of memory" : "";
}

struct rota_place rota_error_place(const struct rota_error_entry *e)
{
	struct rota_place at = {e->file, e->line, e->column, e->path, e->rule,
				e->who, e->first_day, e->last_day};

	return at;
}

void rota_error_entry_name(struct rota_error_entry *e, const char *rule,
			   const char *who)
{
	if (!e->rule)
		e->rule = copy(rule);
	if (!e->who)
		e->who = copy(who);
}

void diag_print(const struct rota_error *err)
{
	size_t i;

	for (i = 0; i < err->kept; i++)
		fprintf(stderr, "rota7: %s\n", err->entries[i].text);
	if (err->count > err->kept)
		fprintf(stderr, "rota7: %zu more errors not shown\n",
			err->count - err->kept);
}

static void vprint(const char *prefix, const char *fmt, va_list ap)
{
	fputs("rota7: ", stderr);
	fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void diag_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint("", fmt, ap);
	va_end(ap);
}

void diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint("warning: ", fmt, ap);
	va_end(ap);
}

void diag_set_quiet(int q)
{
	quiet = q;
}

void diag_progress(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	vprint("", fmt, ap);
	va_end(ap);
}
