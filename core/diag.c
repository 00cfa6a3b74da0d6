#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int quiet;

void rota_error_init(struct rota_error *err)
{
	memset(err, 0, sizeof(*err));
}

void rota_error_release(struct rota_error *err)
{
	size_t i;

	for (i = 0; i < err->kept; i++)
		free(err->msgs[i]);
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

void rota_error_vadd(struct rota_error *err, int status, const char *fmt,
		     va_list ap)
{
	if (!err->count)
		err->status = status;
	err->count++;
	if (err->kept == ROTA_ERROR_CAP)
		return;
	err->msgs[err->kept] = rota_vstrdupf(fmt, ap);
	if (err->msgs[err->kept])
		err->kept++;
}

void rota_error_add(struct rota_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	rota_error_vadd(err, status, fmt, ap);
	va_end(ap);
}

void diag_print(const struct rota_error *err)
{
	size_t i;

	for (i = 0; i < err->kept; i++)
		fprintf(stderr, "rota7: %s\n", err->msgs[i]);
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
