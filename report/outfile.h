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

#include "diag.h"

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

/* The same after a failed write to o->f: reports it (ROTA_EOUTPUT) with
 * the reason errno holds, such as a full disk. */
void outfile_fail(struct outfile *o, struct rota_error *err);

struct json_t;
/* Writes root as dir/name, whole or not at all, dumped with jansson's
 * `flags` (JSON_INDENT(n) | ...) and a final newline.  root is borrowed. */
int outfile_write_json(const char *dir, const char *name,
		       const struct json_t *root, size_t flags,
		       struct rota_error *err);

/*
 * outdir: an output directory that holds one run's files, never a
 * mixture of two.  outdir_begin makes a staging directory beside DIR
 * ("DIR.tmp-XXXXXX"); the run writes every file there (d->stage), and
 * outdir_commit puts it in DIR's place and removes the old outputs, or
 * outdir_abort removes it and leaves DIR as it was.
 *
 * DIR may be absent, empty, or hold only files rota7 writes (an earlier
 * run's); anything else in it is refused (ROTA_EOUTPUT), since replacing
 * the directory would delete it.  A DIR that cannot be written (a
 * read-only mount, no permission) is refused before anything is made.
 *
 * A DIR that is a mount point cannot be replaced; there the staging
 * directory is made inside it and the files are moved instead (see
 * swap_inside in outfile.c for what a reader can see meanwhile).
 *
 * DIR may not be the current directory or hold it ("-o .", "-o .."):
 * replacing it would leave the shell in a deleted directory (ROTA_EINPUT).
 *
 * The run holds an flock on its staging directory until commit or abort,
 * so a run killed before either leaves one nobody holds; the next
 * outdir_begin for the same DIR removes those (see clean_stale).
 *
 * Memory: struct outdir owns its names; commit and abort release them.
 */
struct outdir {
	char *final;   /* DIR, trailing slashes removed, links followed */
	char *stage;   /* where the run writes; NULL once released */
	int inside;    /* DIR is a mount point: stage is inside it */
	int lock;      /* stage's descriptor + 1, holding its flock; 0: none
			* (so a zeroed struct holds nothing) */
};

int outdir_begin(struct outdir *d, const char *dir, struct rota_error *err);

/* Swaps the staging directory into DIR's place; on failure removes it
 * and DIR keeps the earlier run.  Either way d is released. */
int outdir_commit(struct outdir *d, struct rota_error *err);

/* Removes the staging directory; d is released.  Safe after commit. */
void outdir_abort(struct outdir *d);

#endif
