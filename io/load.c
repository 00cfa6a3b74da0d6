/*
 * The loader's entry points and the document as a whole: the checks
 * before parsing, jansson's syntax errors, the order the parts are read
 * in (load_parts.h names a file for each) and the checks of size after.
 */
#include "load.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jv.h"
#include "load_parts.h"
#include "readfile.h"
#include "sha256.h"
#include "tz.h"

static const char *const top_keys[] = {
	"rota7", "name", "timezone", "horizon", "bank_holidays",
	"bank_holiday_pattern", "neighbourhoods", "groups", "roles",
	"services", "shifts", "skill_mix", "rules", "planning", "staff",
	"weights", "organiser", "history", "pay", NULL
};

/* ---- after the parts: sizes only the whole document shows ---- */

/*
 * per_100k x population is a head-count per unit, held as an int: a
 * million per 100k in a billion people is ten billion.  Bounded as a
 * count is, with the unit named.
 */
static void check_headcounts(struct ld *l, size_t s, size_t b)
{
	const struct scenario *sc = l->sc;
	const struct band *bd = &sc->services[s].bands[b];
	size_t r, u, units = scenario_units(sc, bd->scope);
	char path[JV_PATH_MAX];

	for (r = 0; r < bd->n_reqs; r++) {
		const struct requirement *rq = &bd->reqs[r];

		if (rq->kind != REQ_PER_100K)
			continue;
		for (u = 0; u < units; u++) {
			double pop = scenario_unit_population(sc, bd->scope, u);
			double n = rq->value * pop / 100000;

			if (n <= LOAD_MAX_HEADCOUNT)
				continue;
			snprintf(path, sizeof(path), "$.services[%zu].bands[%zu]."
				 "require[%zu].per_100k", s, b, r);
			jv_bad(&l->v, path, "%g per 100k of %g in '%s' is %.0f "
			       "people, at most %d", rq->value, pop,
			       scenario_unit_id(sc, bd->scope, u), n,
			       LOAD_MAX_HEADCOUNT);
			break;
		}
	}
}

/*
 * Each entry on its own may be within bounds while their product, which
 * is what the demand and the solve allocate, is not: refuse it here with
 * the figures rather than fail later for memory.
 */
static void check_size(struct ld *l)
{
	const struct scenario *sc = l->sc;
	double days = sc->horizon.days, cells, items = 0;
	size_t s, b;

	cells = (double)sc->n_staff * days * (double)sc->n_shifts;
	if (cells > LOAD_MAX_CELLS)
		jv_bad(&l->v, "$", "rota too large, %zu staff x %d days x %zu "
		       "shifts is %.0f cells, at most %d", sc->n_staff,
		       sc->horizon.days, sc->n_shifts, cells, LOAD_MAX_CELLS);
	for (s = 0; s < sc->n_services; s++)
		for (b = 0; b < sc->services[s].n_bands; b++) {
			const struct band *bd = &sc->services[s].bands[b];

			items += (double)bd->n_reqs * days *
				 (double)scenario_units(sc, bd->scope);
			check_headcounts(l, s, b);
		}
	if (items > LOAD_MAX_DEMAND)
		jv_bad(&l->v, "$.services", "demand too large, bands x days x "
		       "units x requirements is %.0f, at most %d", items,
		       LOAD_MAX_DEMAND);
}

/* The parts in the order they need one another (load_parts.h). */
static void load_root(struct ld *l, json_t *root)
{
	if (!jv_is(&l->v, root, "$", JSON_OBJECT))
		return;
	jv_known_keys(&l->v, root, "$", top_keys);
	load_header(l, root);
	load_horizon(l, root);
	load_bank_holidays(l, root);
	load_weights(l, root);
	load_neighbourhoods(l, root);
	load_groups(l, root);
	load_roles(l, root);
	load_services(l, root);
	load_shifts(l, root);
	load_skill_mix(l, root);
	load_rules(l, root);
	load_planning(l, root);
	load_pay(l, root);
	load_staff(l, root);
	if (!l->v.err->count && !l->oom)
		check_size(l);
	if (!l->v.err->count && !l->oom && l->sc->horizon.days > 0 &&
	    !load_instants(l) && !l->v.err->count && !l->oom)
		load_history(l, root);
}

/* ---- the document ---- */

static int finish(struct ld *l, json_t *root)
{
	int ret = 0;

	if (root)
		load_root(l, root);
	if (l->oom && !l->v.err->count) {
		struct rota_place at = ROTA_PLACE_NONE;

		at.file = l->v.file;
		rota_error_at(l->v.err, ROTA_EINTERNAL, &at, "out of memory");
	}
	if (l->v.err->count) {
		scenario_release(l->sc);
		ret = -1;
	}
	tz_close(l->tz);
	json_decref(root);
	return ret;
}

/*
 * jansson's column points at the end of the token it stopped on; people
 * look for where the token starts.  Its text names the token ("near
 * '\"horizon\"'"), so the start is that far back on the same line.
 */
static int token_start_column(const json_error_t *je)
{
	const char *near = strstr(je->text, "near '");
	size_t len;

	if (je->column <= 0)
		return 1;
	if (strstr(je->text, "near end of file"))
		return je->column + 1;
	if (!near)
		return je->column;
	len = strlen(near + 6);
	if (len && near[6 + len - 1] == '\'')
		len--;
	if ((int)len <= je->column)
		return je->column - (int)len + 1;
	return je->column;
}

/*
 * "too big integer" names no token, and jansson's column is then the
 * number's end: step back over the number to where it starts.
 */
static int number_start_column(const json_error_t *je, const char *buf,
			       size_t len)
{
	size_t p = (size_t)je->position;
	int col = je->column;

	if (je->position <= 0 || p > len)
		return col;
	while (p > 0 && col > 1 && strchr("0123456789+-.eE", buf[p - 1]) &&
	       buf[p - 1]) {
		p--;
		col--;
	}
	return col + 1;
}

static void syntax_error(struct ld *l, const json_error_t *je,
			 const char *buf, size_t len)
{
	struct rota_place at = ROTA_PLACE_NONE;
	const char *text = je->text;
	int col = token_start_column(je);

	/* Its own wording names a flag our users cannot set. */
	if (strstr(text, "JSON_ALLOW_NUL"))
		text = "NUL character (\\u0000) not allowed in strings";
	if (!strcmp(text, "too big integer"))
		col = number_start_column(je, buf, len);
	at.file = l->v.file;
	if (je->line > 0) {
		at.line = je->line;
		at.column = col;
	}
	rota_error_at(l->v.err, ROTA_EINPUT, &at, "%s", text);
}

/* What the scan before parsing refuses. */
enum shape { SHAPE_OK, SHAPE_DEEP, SHAPE_MANY };

/*
 * jansson recurses once per level of arrays and objects and stops only at
 * 2048, and builds some 40 bytes per value: 64 MiB of "0," is 1.4 GB and
 * half a minute.  A scenario needs six levels and far fewer values, so
 * both are counted first, outside strings, and a document over either
 * bound is refused before any of it is built, saying where.  Values are
 * counted as commas plus containers, which is never fewer than there
 * are.  Lines and columns count as jansson's do (a UTF-8 character is one
 * column).
 */
static enum shape scan_shape(const char *buf, size_t len, int *line,
			     int *col)
{
	int depth = 0, in_str = 0, esc = 0;
	long values = 1;
	size_t i;

	*line = 1;
	*col = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			++*line;
			*col = 0;
			continue;
		}
		if ((c & 0xc0) != 0x80)
			++*col;
		if (in_str) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				in_str = 0;
			continue;
		}
		if (c == '"') {
			in_str = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > LOAD_MAX_DEPTH)
				return SHAPE_DEEP;
			values++;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		} else if (c == ',') {
			values++;
		}
		if (values > LOAD_MAX_VALUES)
			return SHAPE_MANY;
	}
	return SHAPE_OK;
}

static int load_buffer(const char *buf, size_t len, const char *name,
		       struct scenario *sc, struct rota_error *err)
{
	struct ld l = {{err, name}, sc, NULL, 0};
	struct rota_place at = ROTA_PLACE_NONE;
	json_error_t je;
	json_t *root = NULL;
	int line, col;

	at.file = name;

	if (len > (size_t)READFILE_MAX_BYTES) {
		rota_error_at(err, ROTA_EINPUT, &at,
			      "file larger than %ld bytes", READFILE_MAX_BYTES);
		return finish(&l, NULL);
	}
	switch (scan_shape(buf, len, &line, &col)) {
	case SHAPE_DEEP:
		at.line = line;
		at.column = col;
		rota_error_at(err, ROTA_EINPUT, &at, "nesting deeper than %d "
			      "arrays and objects", LOAD_MAX_DEPTH);
		return finish(&l, NULL);
	case SHAPE_MANY:
		at.line = line;
		at.column = col;
		rota_error_at(err, ROTA_EINPUT, &at, "more than %d values",
			      LOAD_MAX_VALUES);
		return finish(&l, NULL);
	case SHAPE_OK:
		break;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!root)
		syntax_error(&l, &je, buf, len);
	return finish(&l, root);
}

/* The loader counts the errors it records to know whether it failed, so
 * it records them somewhere even for a caller that wants none. */
int scenario_load_buffer(const char *buf, size_t len, const char *name,
			 struct scenario *sc, struct rota_error *err)
{
	struct rota_error mine;
	struct sha256 h;
	int ret;

	if (err) {
		ret = load_buffer(buf, len, name, sc, err);
	} else {
		rota_error_init(&mine);
		ret = load_buffer(buf, len, name, sc, &mine);
		rota_error_release(&mine);
	}
	if (ret)
		return ret;
	/* What the rota is made from, for a later --previous run to tell
	 * whether it is re-solving the same input (rota.json's made_from). */
	sha256_init(&h);
	sha256_update(&h, buf, len);
	sha256_final_hex(&h, sc->digest);
	return 0;
}

int scenario_load(const char *path, struct scenario *sc,
		  struct rota_error *err)
{
	const char *name = strcmp(path, "-") ? path : "<stdin>";
	struct rota_place at = ROTA_PLACE_NONE;
	size_t len = 0;
	char *buf = NULL;
	int ret = -1;

	at.file = name;

	switch (readfile(path, (size_t)READFILE_MAX_BYTES, &buf, &len)) {
	case READFILE_OK:
		ret = scenario_load_buffer(buf, len, name, sc, err);
		break;
	case READFILE_CANNOT_OPEN:
		rota_error_at(err, ROTA_EINPUT, &at, "cannot open: %s",
			      strerror(errno));
		break;
	case READFILE_TOO_BIG:
		rota_error_at(err, ROTA_EINPUT, &at,
			      "file larger than %ld bytes", READFILE_MAX_BYTES);
		break;
	case READFILE_CANNOT_READ:
		rota_error_at(err, ROTA_EINPUT, &at, "cannot read: %s",
			      strerror(errno));
		break;
	case READFILE_NO_MEMORY:
		rota_error_at(err, ROTA_EINTERNAL, &at, "out of memory");
		break;
	}
	free(buf);
	return ret;
}
