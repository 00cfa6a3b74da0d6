/*
 * readfile: a whole file in memory, refused past a bound.
 *
 * The one reader behind the scenario loader, the benchmark instances and
 * the calendars read back (--previous).  A regular file says its size, so
 * a file larger than the bound is refused unread; a pipe or a device has
 * no size to check first, so it is read no further than one byte past the
 * bound, and the buffer never grows past that either.
 *
 * readfile says what went wrong and leaves the words to its callers:
 * each has its own messages ("file larger than 67108864 bytes", "cannot
 * read 'x': larger than 64 MiB", "not a readable calendar file ..."),
 * which the golden tests fix.
 *
 * A UTF-8 byte order mark at the start is dropped: *text begins after it
 * (line and column numbers then count what an editor shows).
 *
 * Memory: on READFILE_OK *text is the caller's to free; it holds *len
 * bytes and a NUL after them (so it is also a C string when the file has
 * no NUL).  On any other result *text is NULL.
 */
#ifndef ROTA7_READFILE_H
#define ROTA7_READFILE_H

#include <stddef.h>

/*
 * The bound every input is read with.  It came with the scenario loader
 * (README, "Limits": "scenario file 64 MiB"): real scenarios are a few
 * hundred KiB (Mid and South Essex over a year: 218 KB), so it is far
 * past any real need yet small enough to hold.  The benchmark instances
 * (at most 386 KB) and our own calendars took the same bound.
 */
#define READFILE_MAX_BYTES (64L * 1024 * 1024)

enum readfile_res {
	READFILE_OK = 0,
	READFILE_CANNOT_OPEN,    /* fopen failed; errno says why */
	READFILE_TOO_BIG,        /* more than max bytes */
	READFILE_CANNOT_READ,    /* a read failed; errno says why */
	READFILE_NO_MEMORY       /* errno is ENOMEM */
};

/*
 * Reads all of path ("-": standard input, which is not closed) into
 * *text and *len, refusing more than max bytes (max < SIZE_MAX).
 * errno is as the failure left it, for the caller's strerror.
 */
enum readfile_res readfile(const char *path, size_t max, char **text,
			   size_t *len);

#endif
