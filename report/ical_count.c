/* How many calendars an output directory holds, for solve's "wrote" line. */
#include "ical.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *const folders[] = { "staff", "neighbourhood" };

/* Adds the .ics files of one folder to *n; a missing folder has none. */
static int count_folder(const char *path, size_t *n, struct rota_error *err)
{
	DIR *dir = opendir(path);
	struct dirent *e;

	if (!dir) {
		if (errno == ENOENT)
			return 0;
		return rota_error_add(err, ROTA_EOUTPUT, "cannot read '%s': %s",
				      path, strerror(errno));
	}
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);

		/* Not outfile's ".NAME.tmp.PID" names. */
		if (e->d_name[0] != '.' && len > 4 &&
		    !strcmp(e->d_name + len - 4, ".ics"))
			(*n)++;
	}
	closedir(dir);
	return 0;
}

int ical_count(const char *dir, size_t *n, struct rota_error *err)
{
	size_t i;

	*n = 0;
	for (i = 0; i < sizeof(folders) / sizeof(*folders); i++) {
		char *path = rota_strdupf("%s/calendars/%s", dir, folders[i]);
		int ret;

		if (!path)
			return rota_error_add(err, ROTA_EINTERNAL,
					      "out of memory");
		ret = count_folder(path, n, err);
		free(path);
		if (ret)
			return -1;
	}
	return 0;
}
