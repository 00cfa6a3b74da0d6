#include "readfile.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether f is a regular file whose size alone is past max. */
static int known_too_big(FILE *f, size_t max)
{
	struct stat st;

	return !fstat(fileno(f), &st) && S_ISREG(st.st_mode) &&
	       st.st_size > 0 && (uintmax_t)st.st_size > max;
}

/*
 * Reads f to its end into *buf (room for *cap bytes and a NUL), growing
 * it up to max + 1 bytes: one byte past max is how too much shows on a
 * stream with no size.  *too_big is set then and reading stops.
 */
static enum readfile_res read_stream(FILE *f, size_t max, char **buf,
				     size_t *cap, size_t *n, int *too_big)
{
	const size_t most = max + 1;
	char *nb;

	*too_big = 0;
	for (;;) {
		size_t got = fread(*buf + *n, 1, *cap - *n, f);

		*n += got;
		if (*n > max) {
			*too_big = 1;
			return READFILE_OK;
		}
		if (got == 0 || *n < *cap) {
			if (ferror(f) || feof(f))
				return READFILE_OK;
			continue;   /* a short read from a pipe */
		}
		nb = realloc(*buf, (*cap * 2 < most ? *cap * 2 : most) + 1);
		if (!nb)
			return READFILE_NO_MEMORY;
		*buf = nb;
		*cap = *cap * 2 < most ? *cap * 2 : most;
	}
}

/* A UTF-8 byte order mark, which Notepad and Excel put before the text
 * of a file saved as "UTF-8", is not part of any input rota7 reads (RFC
 * 8259 8.1 lets a JSON parser ignore it); left in, it would be a syntax
 * error quoting an invisible character. */
static void skip_bom(char *buf, size_t *n)
{
	static const char bom[] = "\xef\xbb\xbf";

	if (*n >= 3 && !memcmp(buf, bom, 3)) {
		memmove(buf, buf + 3, *n - 3 + 1);
		*n -= 3;
	}
}

/* The whole of an open file; a read error outranks too much. */
static enum readfile_res read_all(FILE *f, size_t max, char **text,
				  size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	enum readfile_res res = READFILE_NO_MEMORY;
	int too_big = 0;

	if (buf)
		res = read_stream(f, max, &buf, &cap, &n, &too_big);
	if (res == READFILE_OK && ferror(f))
		res = READFILE_CANNOT_READ;
	else if (res == READFILE_OK && too_big)
		res = READFILE_TOO_BIG;
	if (res != READFILE_OK) {
		free(buf);
		return res;
	}
	buf[n] = '\0';
	skip_bom(buf, &n);
	*text = buf;
	*len = n;
	return READFILE_OK;
}

enum readfile_res readfile(const char *path, size_t max, char **text,
			   size_t *len)
{
	int is_stdin = !strcmp(path, "-");
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	enum readfile_res res;
	int saved;

	*text = NULL;
	*len = 0;
	if (!f)
		return READFILE_CANNOT_OPEN;
	if (known_too_big(f, max))
		res = READFILE_TOO_BIG;
	else
		res = read_all(f, max, text, len);
	/* The caller's strerror wants the read's errno, not fclose's. */
	saved = errno;
	if (!is_stdin)
		fclose(f);
	if (res == READFILE_NO_MEMORY)
		saved = ENOMEM;
	errno = saved;
	return res;
}
