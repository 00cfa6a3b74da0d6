/*
 * outfile: output files that appear whole or not at all.
 *
 * A file is written under a temporary name in its final directory and
 * renamed into place by outfile_commit, so a reader (or a crash) never
 * sees half a rota.  Failures are exit status 4 (ROTA_EOUTPUT).
 *
 * Memory: struct outfile owns its names and stream; commit and abort
 * both release them.
 */
#ifndef ROTA7_OUTFILE_H
#define ROTA7_OUTFILE_H

#include <stdio.h>

#include "../core/diag.h"

struct outfile {
	FILE *f;
	char *tmp;
	char *final;
};

/* Creates dir and its parents as needed (like mkdir -p). */
int outfile_mkdir(const char *dir, struct rota_error *err);

/* Opens dir/name for writing under a temporary name. */
int outfile_open(struct outfile *o, const char *dir, const char *name,
		 struct rota_error *err);

/* Flushes, closes and renames into place; on failure removes the
 * temporary file.  Either way o is released. */
int outfile_commit(struct outfile *o, struct rota_error *err);

/* Closes and removes the temporary file; o is released. */
void outfile_abort(struct outfile *o);

#endif
