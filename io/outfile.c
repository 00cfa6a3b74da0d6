#include "outfile.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

	if (!path) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		return -1;
	}
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
