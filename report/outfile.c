/* renameat2 and RENAME_EXCHANGE (Linux, glibc 2.28) need it; without
 * them the swap falls back to two renames. */
#define _GNU_SOURCE
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

static void release(struct outfile *o)
{
	free(o->tmp);
	free(o->final);
	o->tmp = o->final = NULL;
	o->f = NULL;
}

int outfile_mkdir(const char *dir, struct rota_error *err)
{
	char *path = strdup(dir), *p;
	int ret = -1;

	if (!path)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (p = path + 1; ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) && errno != EEXIST) {
			rota_error_add(err, ROTA_EOUTPUT, "cannot create directory "
				       "'%s': %s", path, strerror(errno));
			goto out;
		}
		*p = c;
		if (!c)
			break;
	}
	ret = 0;
out:
	free(path);
	return ret;
}

int outfile_open(struct outfile *o, const char *dir, const char *name,
		 struct rota_error *err)
{
	o->f = NULL;
	o->final = rota_strdupf("%s/%s", dir, name);
	o->tmp = rota_strdupf("%s/.%s.tmp.%ld", dir, name, (long)getpid());
	if (!o->final || !o->tmp) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		release(o);
		return -1;
	}
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot write '%s': %s",
			       o->final, strerror(errno));
		release(o);
		return -1;
	}
	return 0;
}

int outfile_commit(struct outfile *o, struct rota_error *err)
{
	int bad = ferror(o->f);

	if (fflush(o->f) || fsync(fileno(o->f)))
		bad = 1;
	if (fclose(o->f))
		bad = 1;
	o->f = NULL;
	if (bad || rename(o->tmp, o->final)) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot write '%s': %s",
			       o->final, errno ? strerror(errno) : "write error");
		remove(o->tmp);
		release(o);
		return -1;
	}
	release(o);
	return 0;
}

void outfile_abort(struct outfile *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		remove(o->tmp);
	release(o);
}

void outfile_fail(struct outfile *o, struct rota_error *err)
{
	int e = errno;

	rota_error_add(err, ROTA_EOUTPUT, "cannot write '%s': %s",
		       o->final ? o->final : "output",
		       e ? strerror(e) : "write error");
	outfile_abort(o);
}

int outfile_write_json(const char *dir, const char *name,
		       const struct json_t *root, size_t flags,
		       struct rota_error *err)
{
	struct outfile o;

	if (outfile_open(&o, dir, name, err))
		return -1;
	if (json_dumpf(root, o.f, flags) || fputc('\n', o.f) == EOF) {
		outfile_fail(&o, err);
		return -1;
	}
	return outfile_commit(&o, err);
}

/* ---- outdir ---- */

/* The names rota7 writes into an output directory: the top level's
 * files (solution.txt is rota7 nrp's), calendars/ and its two folders of
 * .ics files, and outfile's temporary names (".NAME.tmp.PID") left by a
 * run that was killed. */
static const char *const top_files[] = {
	"rota.json", "rota.csv", "uncovered.csv", "fte-gap.json", "fte-gap.csv",
	"report.html", "solution.txt", "recruitment.csv", "scenario-recruited.json",
	"changes.csv", "plan-by-quarter.csv", "plan-by-quarter.json", NULL
};

/* Staging and set-aside directories inside a DIR that is a mount point
 * (see outdir_begin); a killed run may leave one. */
#define INSIDE_PREFIX ".rota7-"

static int is_temp_name(const char *name)
{
	return name[0] == '.' && strstr(name, ".tmp.");
}

static int in_list(const char *name, const char *const *list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return 1;
	return 0;
}

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/*
 * Whether entry `name` of a directory `depth` levels below DIR (0: DIR
 * itself, 1: calendars, 2: calendars/staff or /neighbourhood) is one
 * rota7 writes, of the right kind.
 */
static int ours(const char *name, int depth, int is_dir)
{
	if (is_temp_name(name))
		return !is_dir;
	if (depth == 0 && is_dir && !strncmp(name, INSIDE_PREFIX,
					     strlen(INSIDE_PREFIX)))
		return 1;
	switch (depth) {
	case 0:
		return is_dir ? !strcmp(name, "calendars")
			      : in_list(name, top_files);
	case 1:
		return is_dir && (!strcmp(name, "staff") ||
				  !strcmp(name, "neighbourhood"));
	default:
		return !is_dir && has_suffix(name, ".ics");
	}
}

/*
 * Finds the first entry under path (depth as for ours) that rota7 did not
 * write; *found is its path (owned) or stays NULL.  -1 when path cannot
 * be read.
 */
static int foreign_entry(const char *path, int depth, char **found)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int ret = 0;

	if (!dir)
		return -1;
	while (!*found && (e = readdir(dir))) {
		struct stat st;
		char *sub;
		int is_dir;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = rota_strdupf("%s/%s", path, e->d_name);
		if (!sub) {
			ret = -1;
			break;
		}
		if (lstat(sub, &st)) {
			free(sub);
			ret = -1;
			break;
		}
		is_dir = S_ISDIR(st.st_mode);
		if ((!is_dir && !S_ISREG(st.st_mode)) ||
		    !ours(e->d_name, depth, is_dir)) {
			*found = sub;
			break;
		}
		if (is_dir && strncmp(e->d_name, INSIDE_PREFIX,
				      strlen(INSIDE_PREFIX)) &&
		    foreign_entry(sub, depth + 1, found))
			ret = -1;
		free(sub);
		if (ret)
			break;
	}
	closedir(dir);
	return ret;
}

/* rm -r of a tree this module made or checked; symbolic links are
 * removed, never followed.  Best effort: what cannot go stays. */
static void remove_tree(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;

	if (dir) {
		while ((e = readdir(dir))) {
			struct stat st;
			char *sub;

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			sub = rota_strdupf("%s/%s", path, e->d_name);
			if (!sub)
				continue;
			if (!lstat(sub, &st) && S_ISDIR(st.st_mode))
				remove_tree(sub);
			else
				unlink(sub);
			free(sub);
		}
		closedir(dir);
	}
	rmdir(path);
}

static void outdir_release(struct outdir *d)
{
	if (d->lock > 0)
		close(d->lock - 1);
	d->lock = 0;
	free(d->final);
	free(d->stage);
	d->final = d->stage = NULL;
}

/* ---- staging directories left by a killed run ---- */

/* A descriptor of directory path holding an exclusive flock, or -1
 * (no such directory, or locks not to be had there, as on some network
 * file systems: then nothing is ever taken for stale). */
static int lock_dir(const char *path, int wait)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return -1;
	if (flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Whether name is prefix and then mkdtemp's six letters exactly. */
static int stage_name(const char *name, const char *prefix)
{
	size_t n = strlen(prefix), i;

	if (strncmp(name, prefix, n) || strlen(name) != n + 6)
		return 0;
	for (i = n; i < n + 6; i++)
		if (!isalnum((unsigned char)name[i]))
			return 0;
	return 1;
}

/*
 * Removes the staging directories in `where` named prefix + six letters
 * that no run holds.  A run holds its own flock from mkdtemp until it
 * ends (the kernel drops it when the process dies, even by SIGKILL), so
 * one whose lock is free was left by a run that is gone.  A pid file
 * could not tell a live run from a new process given the same pid, or
 * one in another pid namespace (containers sharing a volume); an age
 * would remove a long run's.  The caller holds where's lock, as every
 * run does from before its mkdtemp to after its flock, so no run is
 * caught between making its directory and locking it.
 */
static void clean_stale(const char *where, const char *prefix)
{
	DIR *dir = opendir(where);
	struct dirent *e;

	if (!dir)
		return;
	while ((e = readdir(dir))) {
		struct stat st;
		char *sub;
		int fd;

		if (!stage_name(e->d_name, prefix))
			continue;
		sub = rota_strdupf("%s/%s", where, e->d_name);
		if (sub && !lstat(sub, &st) && S_ISDIR(st.st_mode) &&
		    (fd = lock_dir(sub, 0)) >= 0) {
			remove_tree(sub);
			close(fd);
		}
		free(sub);
	}
	closedir(dir);
}

/* mkdtemp of the template d->stage in `where`, the stale staging
 * directories named prefix + six letters removed first, all under
 * where's lock; d->lock then holds the new one.  -1 (errno set) when
 * mkdtemp fails. */
static int make_stage(struct outdir *d, const char *where, const char *prefix)
{
	int guard = lock_dir(where, 1), ret = 0, e;

	if (guard >= 0)
		clean_stale(where, prefix);
	if (!mkdtemp(d->stage))
		ret = -1;
	else
		d->lock = lock_dir(d->stage, 0) + 1;
	e = errno;
	if (guard >= 0)
		close(guard);
	errno = e;
	return ret;
}

/*
 * Whether DIR (a real path, as final_name gives an existing one) is the
 * current directory or holds it: swapping it would leave the shell, and
 * this process, in a deleted directory.
 */
static int holds_cwd(const char *final)
{
	char cwd[PATH_MAX];
	size_t n = strlen(final);

	if (!getcwd(cwd, sizeof(cwd)) || strncmp(cwd, final, n))
		return 0;
	return cwd[n] == '\0' || cwd[n] == '/' || !strcmp(final, "/");
}

/*
 * DIR without trailing slashes.  An existing DIR is named by its real
 * path: "." and ".." then have a parent to stage in, and through a
 * symbolic link the link stays and its target's file system (where the
 * rename must happen) gets the new outputs.
 */
static char *final_name(const char *dir)
{
	struct stat st;
	size_t n = strlen(dir);
	char *s;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	s = strndup(dir, n);
	if (s && !stat(s, &st) && S_ISDIR(st.st_mode)) {
		char *real = realpath(s, NULL);

		if (real) {
			free(s);
			s = real;
		}
	}
	return s;
}

/* An existing DIR must be a directory we may write that holds only what
 * rota7 writes. */
static int check_existing(const char *dir, const char *final,
			  struct rota_error *err)
{
	struct stat st;
	char *found = NULL;

	if (stat(final, &st)) {
		if (errno == ENOENT)
			return 0;
		return rota_error_add(err, ROTA_EOUTPUT, "cannot use output "
				      "directory '%s': %s", dir,
				      strerror(errno));
	}
	if (!S_ISDIR(st.st_mode))
		return rota_error_add(err, ROTA_EOUTPUT, "output directory "
				      "'%s' is not a directory", dir);
	/* The directory itself is replaced, not written, but a user who
	 * made it read-only (or mounted it so) meant it to stay. */
	if (access(final, W_OK))
		return rota_error_add(err, ROTA_EOUTPUT, "cannot write in "
				      "'%s': %s", dir, strerror(errno));
	if (foreign_entry(final, 0, &found)) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot read output directory "
			       "'%s': %s", dir, strerror(errno));
		free(found);
		return -1;
	}
	if (found) {
		rota_error_add(err, ROTA_EOUTPUT, "output directory '%s' holds "
			       "'%s', which rota7 does not write: give a new or "
			       "empty directory, or one rota7 wrote", dir,
			       found + strlen(final) + 1);
		free(found);
		return -1;
	}
	return 0;
}

/*
 * Whether an existing directory is the root of a mount (a container's
 * volume, say): it cannot be renamed, so the run stages inside it.
 * statx says so for bind mounts too; otherwise a device unlike its
 * parent's does.
 */
static int is_mount_root(const char *path)
{
	struct stat st, up;
	char *parent;
	int ret = 0;

#ifdef STATX_ATTR_MOUNT_ROOT
	struct statx sx;

	if (!statx(AT_FDCWD, path, 0, STATX_BASIC_STATS, &sx) &&
	    (sx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT))
		return !!(sx.stx_attributes & STATX_ATTR_MOUNT_ROOT);
#endif
	parent = rota_strdupf("%s/..", path);
	if (parent && !stat(path, &st) && !stat(parent, &up))
		ret = st.st_dev != up.st_dev || st.st_ino == up.st_ino;
	free(parent);
	return ret;
}

int outdir_begin(struct outdir *d, const char *dir, struct rota_error *err)
{
	char *parent = NULL, *slash, *prefix = NULL;
	const char *base;
	mode_t mask;
	int ret = -1;

	d->stage = NULL;
	d->inside = 0;
	d->lock = 0;
	d->final = final_name(dir);
	if (!d->final)
		goto oom;
	if (!strcmp(d->final, "/")) {
		rota_error_add(err, ROTA_EINPUT, "cannot use '/' as the output "
			       "directory");
		goto out;
	}
	if (holds_cwd(d->final)) {
		rota_error_add(err, ROTA_EINPUT, "cannot use '%s' as the output "
			       "directory: it is or holds the current directory, "
			       "which replacing it would delete; give another "
			       "directory", dir);
		goto out;
	}
	if (check_existing(dir, d->final, err))
		goto out;
	if (!access(d->final, F_OK) && is_mount_root(d->final)) {
		d->inside = 1;
		d->stage = rota_strdupf("%s/" INSIDE_PREFIX "stage-XXXXXX",
					d->final);
		if (!d->stage)
			goto oom;
		if (make_stage(d, d->final, INSIDE_PREFIX "stage-")) {
			rota_error_add(err, ROTA_EOUTPUT, "cannot write in '%s': "
				       "%s", dir, strerror(errno));
			free(d->stage);
			d->stage = NULL;
			goto out;
		}
		goto made;
	}
	parent = strdup(d->final);
	if (!parent)
		goto oom;
	slash = strrchr(parent, '/');
	if (slash && slash != parent)
		*slash = '\0';
	else if (slash)
		parent[1] = '\0';
	else
		parent[0] = '\0';
	if (*parent && outfile_mkdir(parent, err))
		goto out;
	d->stage = rota_strdupf("%s.tmp-XXXXXX", d->final);
	base = strrchr(d->final, '/');
	prefix = rota_strdupf("%s.tmp-", base ? base + 1 : d->final);
	if (!d->stage || !prefix)
		goto oom;
	if (make_stage(d, *parent ? parent : ".", prefix)) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot write in '%s': %s",
			       *parent ? parent : ".", strerror(errno));
		free(d->stage);
		d->stage = NULL;
		goto out;
	}
made:
	/* mkdtemp makes it 0700; the outputs get the usual mode, as a
	 * plain mkdir would give them.  Still one thread here. */
	mask = umask(0);
	umask(mask);
	if (chmod(d->stage, 0777 & ~mask)) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot write in '%s': %s",
			       d->stage, strerror(errno));
		goto out;
	}
	ret = 0;
	goto out;
oom:
	rota_error_add(err, ROTA_EINTERNAL, "out of memory");
out:
	free(parent);
	free(prefix);
	if (ret)
		outdir_abort(d);
	return ret;
}

/*
 * Puts the staging directory where DIR was.  With renameat2's
 * RENAME_EXCHANGE the two swap in one step: a reader of DIR sees the old
 * run or the new, never neither, never a mix.  Where the kernel or the
 * file system lacks it, DIR is renamed aside first, and between that
 * rename and the next DIR is briefly absent (still never a mix); if the
 * second rename fails the old DIR is put back.
 */
static int swap_in(const char *stage, const char *final, char **old)
{
	char *aside;

	*old = NULL;
	if (!rename(stage, final))
		return 0;	/* no DIR, or an empty one */
	if (errno != EEXIST && errno != ENOTEMPTY)
		return -1;
#ifdef RENAME_EXCHANGE
	if (!renameat2(AT_FDCWD, stage, AT_FDCWD, final, RENAME_EXCHANGE)) {
		*old = strdup(stage);
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
		return -1;
#endif
	/* An empty directory of our own to rename DIR onto, so that the
	 * name aside is free of races. */
	aside = rota_strdupf("%s.old-XXXXXX", final);
	if (!aside || !mkdtemp(aside)) {
		free(aside);
		return -1;
	}
	if (rename(final, aside)) {
		int e = errno;

		rmdir(aside);
		free(aside);
		errno = e;
		return -1;
	}
	if (rename(stage, final)) {
		int e = errno;

		rename(aside, final);
		free(aside);
		errno = e;
		return -1;
	}
	*old = aside;
	return 0;
}

/* Renames every entry of `from` into `to`, but those whose name starts
 * with `skip` (when not NULL). */
static int move_entries(const char *from, const char *to, const char *skip)
{
	DIR *dir = opendir(from);
	struct dirent *e;
	int ret = 0;

	if (!dir)
		return -1;
	while (!ret && (e = readdir(dir))) {
		char *a, *b;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    (skip && !strncmp(e->d_name, skip, strlen(skip))))
			continue;
		a = rota_strdupf("%s/%s", from, e->d_name);
		b = rota_strdupf("%s/%s", to, e->d_name);
		if (!a || !b || rename(a, b))
			ret = -1;
		free(a);
		free(b);
	}
	closedir(dir);
	return ret;
}

/*
 * The swap when DIR is a mount point and cannot be renamed: the earlier
 * run's entries are moved aside, all of them, and only then the new
 * ones in, so DIR holds part of one run for a moment but never files of
 * both.  Every move is a rename within one file system.
 */
static int swap_inside(const char *stage, const char *final, char **old)
{
	char *aside = rota_strdupf("%s/" INSIDE_PREFIX "old-XXXXXX", final);
	int e;

	*old = NULL;
	if (!aside || !mkdtemp(aside)) {
		free(aside);
		return -1;
	}
	/* The staging and aside folders, both INSIDE_PREFIX names, stay. */
	if (move_entries(final, aside, INSIDE_PREFIX))
		goto undo;
	if (move_entries(stage, final, NULL)) {
		e = errno;
		move_entries(final, stage, INSIDE_PREFIX);
		errno = e;
		goto undo;
	}
	rmdir(stage);
	*old = aside;
	return 0;
undo:
	e = errno;
	move_entries(aside, final, NULL);
	rmdir(aside);
	free(aside);
	errno = e;
	return -1;
}

int outdir_commit(struct outdir *d, struct rota_error *err)
{
	char *old = NULL;

	if (d->inside ? swap_inside(d->stage, d->final, &old)
		      : swap_in(d->stage, d->final, &old)) {
		rota_error_add(err, ROTA_EOUTPUT, "cannot put the outputs in "
			       "'%s': %s", d->final, strerror(errno));
		outdir_abort(d);
		return -1;
	}
	if (old)
		remove_tree(old);
	free(old);
	outdir_release(d);
	return 0;
}

void outdir_abort(struct outdir *d)
{
	if (d->stage)
		remove_tree(d->stage);
	outdir_release(d);
}
