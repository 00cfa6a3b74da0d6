/*
 * load: read and validate a scenario file (../shared/spec/scenario.md).
 *
 * The whole file is checked before anything is used: unknown keys, types,
 * ranges, ids and references.  Every problem found is recorded (up to
 * ROTA_ERROR_CAP) in err with status ROTA_EINPUT, each naming the file
 * and either jansson's line and column (bad JSON) or the JSON path
 * ("$.staff[3].role: unknown role 'nurse'").
 *
 * On success every default is applied and every local time has become a
 * real instant in the scenario's timezone.
 *
 * Memory: sc must be initialised (scenario_init) by the caller; on
 * failure it is released again, so the caller only ever releases it.
 */
#ifndef ROTA7_LOAD_H
#define ROTA7_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "scenario.h"

/* Upper bounds enforced with a clear message rather than by running out
 * of memory.  Documented in README.md.  The file's own size is bounded
 * by READFILE_MAX_BYTES (readfile.h), as every input's is. */
#define LOAD_MAX_DEPTH 32             /* arrays and objects, nested */
#define LOAD_MAX_VALUES 4000000       /* JSON values in the whole file */
#define LOAD_MAX_ID_LEN 100
#define LOAD_MAX_TEXT_LEN 1000
#define LOAD_MAX_ITEMS 20000          /* any other array */
#define LOAD_MAX_DAYS 366
#define LOAD_MAX_NEIGHBOURHOODS 1000  /* also groups per kind */
#define LOAD_MAX_GROUP_KINDS 20
#define LOAD_MAX_ROLES 100
#define LOAD_MAX_SERVICES 100
#define LOAD_MAX_BANDS 200            /* per service */
#define LOAD_MAX_SHIFTS 100
#define LOAD_MAX_SKILL_MIX 1000
#define LOAD_MAX_STAFF 5000
/* people one requirement asks for in one unit (count, total, per_100k) */
#define LOAD_MAX_HEADCOUNT 100000
/* staff x days x shifts: the solve's decisions (Essex, a year: 2.4 M) */
#define LOAD_MAX_CELLS 5000000
/* bands x days x units x requirements: demand items before expansion */
#define LOAD_MAX_DEMAND 5000000

/* path "-" reads standard input (named "<stdin>" in messages). */
int scenario_load(const char *path, struct scenario *sc,
		  struct rota_error *err);

/* The same from memory; `name` stands for the file in messages. */
int scenario_load_buffer(const char *buf, size_t len, const char *name,
			 struct scenario *sc, struct rota_error *err);

#endif
