#include "nrp.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "load.h"
#include "readfile.h"

/* The largest number any field may hold: minutes over ten years fit. */
#define NRP_MAX_NUMBER 100000000L

enum section {
	SEC_NONE, SEC_HORIZON, SEC_SHIFTS, SEC_STAFF, SEC_DAYS_OFF, SEC_ON,
	SEC_OFF, SEC_COVER
};

static const char *const section_names[] = {
	"", "SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF",
	"SECTION_DAYS_OFF", "SECTION_SHIFT_ON_REQUESTS",
	"SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER"
};

#define N_SECTIONS (sizeof(section_names) / sizeof(section_names[0]))

/* One field of a line: [s, s + len), at column col (1-based). */
struct field {
	const char *s;
	size_t len;
	int col;
};

#define MAX_FIELDS 64

struct parser {
	const char *name;
	struct nrp *in;
	struct rota_error *err;
	int line;
	enum section sec;
	int seen[N_SECTIONS];
	size_t cap_shifts, cap_staff, cap_on, cap_off;
};

void nrp_init(struct nrp *in)
{
	memset(in, 0, sizeof(*in));
}

void nrp_release(struct nrp *in)
{
	size_t i;

	for (i = 0; i < in->n_shifts; i++) {
		free(in->shifts[i].id);
		free(in->shifts[i].forbid_next);
	}
	free(in->shifts);
	for (i = 0; i < in->n_staff; i++) {
		free(in->staff[i].id);
		free(in->staff[i].max_shifts);
	}
	free(in->staff);
	free(in->day_off);
	free(in->on);
	free(in->off);
	free(in->cover);
	nrp_init(in);
}

static int fail(struct parser *ps, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct parser *ps, int col, const char *fmt, ...)
{
	struct rota_place at = ROTA_PLACE_NONE;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	at.file = ps->name;
	at.line = ps->line;
	at.column = col;
	return rota_error_at(ps->err, ROTA_EINPUT, &at, "%s", msg);
}

static int field_is(const struct field *f, const char *s)
{
	return f->len == strlen(s) && !memcmp(f->s, s, f->len);
}

/* A non-negative integer; the whole field, at most NRP_MAX_NUMBER. */
static int number(struct parser *ps, const struct field *f, const char *what,
		  long *out)
{
	long v = 0;
	size_t i;

	if (!f->len)
		return fail(ps, f->col, "missing %s", what);
	/* Instance15 writes one requirement as "-0". */
	if (f->len == 2 && f->s[0] == '-' && f->s[1] == '0') {
		*out = 0;
		return 0;
	}
	for (i = 0; i < f->len; i++) {
		if (f->s[i] < '0' || f->s[i] > '9')
			return fail(ps, f->col + (int)i, "invalid %s '%.*s': "
				    "expected a whole number", what,
				    (int)f->len, f->s);
		v = v * 10 + (f->s[i] - '0');
		if (v > NRP_MAX_NUMBER)
			return fail(ps, f->col, "%s '%.*s' too large (at most "
				    "%ld)", what, (int)f->len, f->s,
				    NRP_MAX_NUMBER);
	}
	*out = v;
	return 0;
}

static int int_field(struct parser *ps, const struct field *f,
		     const char *what, int *out)
{
	long v = 0;

	if (number(ps, f, what, &v))
		return -1;
	*out = (int)v;
	return 0;
}

static int day_field(struct parser *ps, const struct field *f, int *out)
{
	if (int_field(ps, f, "day", out))
		return -1;
	if (*out >= ps->in->days)
		return fail(ps, f->col, "day %d outside the horizon of %d days",
			    *out, ps->in->days);
	return 0;
}

static int find_shift(const struct nrp *in, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < in->n_shifts; i++)
		if (strlen(in->shifts[i].id) == len &&
		    !memcmp(in->shifts[i].id, s, len))
			return (int)i;
	return -1;
}

static int find_staff(const struct nrp *in, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < in->n_staff; i++)
		if (strlen(in->staff[i].id) == len &&
		    !memcmp(in->staff[i].id, s, len))
			return (int)i;
	return -1;
}

static int shift_field(struct parser *ps, const struct field *f, int *out)
{
	*out = find_shift(ps->in, f->s, f->len);
	if (*out < 0)
		return fail(ps, f->col, "unknown shift '%.*s'", (int)f->len, f->s);
	return 0;
}

static int staff_field(struct parser *ps, const struct field *f, int *out)
{
	*out = find_staff(ps->in, f->s, f->len);
	if (*out < 0)
		return fail(ps, f->col, "unknown employee '%.*s'", (int)f->len,
			    f->s);
	return 0;
}

/* Ids become file-safe names and model names: letters, digits, '_', '-'
 * and '.' only. */
static int id_field(struct parser *ps, const struct field *f, const char *what,
		    char **out)
{
	size_t i;

	if (!f->len)
		return fail(ps, f->col, "missing %s id", what);
	if (f->len > NRP_MAX_ID)
		return fail(ps, f->col, "%s id too long (at most %d bytes)", what,
			    NRP_MAX_ID);
	for (i = 0; i < f->len; i++) {
		char c = f->s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.'))
			return fail(ps, f->col + (int)i, "invalid character in "
				    "%s id '%.*s'", what, (int)f->len, f->s);
	}
	*out = strndup(f->s, f->len);
	if (!*out)
		return fail(ps, f->col, "out of memory");
	return 0;
}

static int want_fields(struct parser *ps, size_t n, size_t want,
		       const char *what)
{
	if (n != want)
		return fail(ps, 1, "%s line has %zu fields, expected %zu", what, n,
			    want);
	return 0;
}

/* Room for one more of n elements in *arr, which `grow` doubles. */
static int room(struct parser *ps, void *arr, size_t *cap, size_t n,
		size_t size)
{
	if (grow(arr, cap, n + 1, size))
		return fail(ps, 1, "out of memory");
	return 0;
}

/* ---- sections ---- */

static int horizon_line(struct parser *ps, const struct field *f, size_t n)
{
	struct nrp *in = ps->in;

	if (in->days)
		return fail(ps, 1, "horizon given twice");
	if (want_fields(ps, n, 1, "horizon") ||
	    int_field(ps, &f[0], "horizon length", &in->days))
		return -1;
	if (in->days < 1 || in->days > NRP_MAX_DAYS)
		return fail(ps, f[0].col, "horizon of %d days outside 1 to %d",
			    in->days, NRP_MAX_DAYS);
	return 0;
}

static int shift_line(struct parser *ps, const struct field *f, size_t n)
{
	struct nrp *in = ps->in;
	struct nrp_shift *sh;

	if (in->n_staff)
		return fail(ps, 1, "shifts must come before staff");
	if (want_fields(ps, n, 3, "shift"))
		return -1;
	if (in->n_shifts >= NRP_MAX_SHIFTS)
		return fail(ps, 1, "too many shift types (at most %d)",
			    NRP_MAX_SHIFTS);
	if (find_shift(in, f[0].s, f[0].len) >= 0)
		return fail(ps, f[0].col, "shift '%.*s' defined twice",
			    (int)f[0].len, f[0].s);
	if (room(ps, &in->shifts, &ps->cap_shifts, in->n_shifts, sizeof(*sh)))
		return -1;
	sh = &in->shifts[in->n_shifts];
	memset(sh, 0, sizeof(*sh));
	in->n_shifts++;
	if (id_field(ps, &f[0], "shift", &sh->id) ||
	    int_field(ps, &f[1], "shift length", &sh->minutes))
		return -1;
	if (sh->minutes < 1 || sh->minutes > 24 * 60)
		return fail(ps, f[1].col, "shift length %d minutes outside 1 to "
			    "1440", sh->minutes);
	return 0;
}

/* Forbidden successions name shifts, maybe defined later: a second look
 * once the section is over. */
static int successions(struct parser *ps, const struct field *f,
		       struct nrp_shift *sh)
{
	size_t a = 0, b;
	int s;

	sh->forbid_next = calloc(NRP_MAX_SHIFTS, 1);
	if (!sh->forbid_next)
		return fail(ps, 1, "out of memory");
	while (a < f->len) {
		struct field one;

		for (b = a; b < f->len && f->s[b] != '|'; b++)
			;
		one.s = f->s + a;
		one.len = b - a;
		one.col = f->col + (int)a;
		if (shift_field(ps, &one, &s))
			return -1;
		sh->forbid_next[s] = 1;
		a = b + 1;
	}
	return 0;
}

static int max_shifts(struct parser *ps, const struct field *f,
		      struct nrp_staff *st)
{
	size_t a = 0, b, eq;
	int s;

	while (a < f->len) {
		struct field id, val;

		for (b = a; b < f->len && f->s[b] != '|'; b++)
			;
		for (eq = a; eq < b && f->s[eq] != '='; eq++)
			;
		if (eq == b)
			return fail(ps, f->col + (int)a, "expected SHIFT=N in "
				    "max shifts");
		id = (struct field){f->s + a, eq - a, f->col + (int)a};
		val = (struct field){f->s + eq + 1, b - eq - 1,
				     f->col + (int)eq + 1};
		if (shift_field(ps, &id, &s) ||
		    int_field(ps, &val, "max shifts", &st->max_shifts[s]))
			return -1;
		a = b + 1;
	}
	return 0;
}

static int staff_line(struct parser *ps, const struct field *f, size_t n)
{
	struct nrp *in = ps->in;
	struct nrp_staff *st;
	size_t i;

	if (!in->n_shifts)
		return fail(ps, 1, "staff before any shift");
	if (want_fields(ps, n, 8, "staff"))
		return -1;
	if (in->n_staff >= NRP_MAX_STAFF)
		return fail(ps, 1, "too many employees (at most %d)",
			    NRP_MAX_STAFF);
	if (find_staff(in, f[0].s, f[0].len) >= 0)
		return fail(ps, f[0].col, "employee '%.*s' defined twice",
			    (int)f[0].len, f[0].s);
	if (room(ps, &in->staff, &ps->cap_staff, in->n_staff, sizeof(*st)))
		return -1;
	st = &in->staff[in->n_staff++];
	memset(st, 0, sizeof(*st));
	st->max_shifts = malloc(in->n_shifts * sizeof(int));
	if (!st->max_shifts)
		return fail(ps, 1, "out of memory");
	for (i = 0; i < in->n_shifts; i++)
		st->max_shifts[i] = -1;
	if (id_field(ps, &f[0], "employee", &st->id) ||
	    max_shifts(ps, &f[1], st) ||
	    int_field(ps, &f[2], "max total minutes", &st->max_minutes) ||
	    int_field(ps, &f[3], "min total minutes", &st->min_minutes) ||
	    int_field(ps, &f[4], "max consecutive shifts", &st->max_consecutive) ||
	    int_field(ps, &f[5], "min consecutive shifts", &st->min_consecutive) ||
	    int_field(ps, &f[6], "min consecutive days off", &st->min_days_off) ||
	    int_field(ps, &f[7], "max weekends", &st->max_weekends))
		return -1;
	if (st->min_minutes > st->max_minutes)
		return fail(ps, f[3].col, "min total minutes %d above max %d",
			    st->min_minutes, st->max_minutes);
	return 0;
}

static int days_off_line(struct parser *ps, const struct field *f, size_t n)
{
	struct nrp *in = ps->in;
	int p, d;
	size_t i;

	if (n < 1 || staff_field(ps, &f[0], &p))
		return -1;
	for (i = 1; i < n; i++) {
		if (!f[i].len && i + 1 == n)
			break;   /* a trailing comma */
		if (day_field(ps, &f[i], &d))
			return -1;
		in->day_off[(size_t)p * (size_t)in->days + (size_t)d] = 1;
	}
	return 0;
}

static int request_line(struct parser *ps, const struct field *f, size_t n,
			int on)
{
	struct nrp *in = ps->in;
	struct nrp_request rq, **arr = on ? &in->on : &in->off;
	size_t *cnt = on ? &in->n_on : &in->n_off;
	size_t *cap = on ? &ps->cap_on : &ps->cap_off;

	if (want_fields(ps, n, 4, on ? "on request" : "off request") ||
	    staff_field(ps, &f[0], &rq.staff) || day_field(ps, &f[1], &rq.day) ||
	    shift_field(ps, &f[2], &rq.shift) ||
	    int_field(ps, &f[3], "weight", &rq.weight))
		return -1;
	if (room(ps, arr, cap, *cnt, sizeof(rq)))
		return -1;
	(*arr)[(*cnt)++] = rq;
	return 0;
}

static int cover_line(struct parser *ps, const struct field *f, size_t n)
{
	struct nrp *in = ps->in;
	struct nrp_cover *cv;
	int d, s;

	if (want_fields(ps, n, 5, "cover") || day_field(ps, &f[0], &d) ||
	    shift_field(ps, &f[1], &s))
		return -1;
	cv = &in->cover[(size_t)d * in->n_shifts + (size_t)s];
	if (cv->requirement >= 0)
		return fail(ps, f[0].col, "second cover line for day %d, shift "
			    "'%s'", d, in->shifts[s].id);
	return int_field(ps, &f[2], "requirement", &cv->requirement) ||
	       int_field(ps, &f[3], "under weight", &cv->under) ||
	       int_field(ps, &f[4], "over weight", &cv->over) ? -1 : 0;
}

/* Arrays sized by the horizon, shifts and staff: made when the first
 * section that needs them starts, by which time those are all known. */
static int prepare(struct parser *ps)
{
	struct nrp *in = ps->in;
	size_t i, n;

	if (in->cover)
		return 0;
	if (!in->days)
		return fail(ps, 1, "SECTION_HORIZON must come first");
	if (!in->n_shifts || !in->n_staff)
		return fail(ps, 1, "shifts and staff must come before days off, "
			    "requests and cover");
	n = (size_t)in->days * in->n_shifts;
	in->cover = malloc(n * sizeof(*in->cover));
	in->day_off = calloc(in->n_staff * (size_t)in->days, 1);
	if (!in->cover || !in->day_off)
		return fail(ps, 1, "out of memory");
	for (i = 0; i < n; i++)
		in->cover[i] = (struct nrp_cover){-1, 0, 0};
	return 0;
}

static int section_line(struct parser *ps, const struct field *f, size_t n)
{
	switch (ps->sec) {
	case SEC_HORIZON:
		return horizon_line(ps, f, n);
	case SEC_SHIFTS:
		return shift_line(ps, f, n);
	case SEC_STAFF:
		return staff_line(ps, f, n);
	case SEC_DAYS_OFF:
		return prepare(ps) || days_off_line(ps, f, n) ? -1 : 0;
	case SEC_ON:
	case SEC_OFF:
		return prepare(ps) || request_line(ps, f, n, ps->sec == SEC_ON)
			       ? -1 : 0;
	case SEC_COVER:
		return prepare(ps) || cover_line(ps, f, n) ? -1 : 0;
	case SEC_NONE:
		break;
	}
	return fail(ps, f[0].col, "data before any SECTION_ line");
}

static int start_section(struct parser *ps, const struct field *f)
{
	size_t i;

	for (i = 1; i < N_SECTIONS; i++)
		if (field_is(f, section_names[i])) {
			if (ps->seen[i])
				return fail(ps, f->col, "'%s' given twice",
					    section_names[i]);
			ps->seen[i] = 1;
			ps->sec = (enum section)i;
			return 0;
		}
	return fail(ps, f->col, "unknown section '%.*s'", (int)f->len, f->s);
}

/* Splits a line at commas, trimming spaces and a trailing CR. */
static int split(struct parser *ps, const char *s, size_t len,
		 struct field *f, size_t *n)
{
	size_t a = 0, b;

	*n = 0;
	while (len && (s[len - 1] == '\r' || s[len - 1] == ' ' ||
		       s[len - 1] == '\t'))
		len--;
	for (;;) {
		if (*n == MAX_FIELDS)
			return fail(ps, (int)a + 1, "too many fields (at most %d)",
				    MAX_FIELDS);
		for (b = a; b < len && s[b] != ','; b++)
			;
		f[*n].s = s + a;
		f[*n].len = b - a;
		f[*n].col = (int)a + 1;
		while (f[*n].len && (*f[*n].s == ' ' || *f[*n].s == '\t')) {
			f[*n].s++;
			f[*n].len--;
			f[*n].col++;
		}
		while (f[*n].len && (f[*n].s[f[*n].len - 1] == ' ' ||
				     f[*n].s[f[*n].len - 1] == '\t'))
			f[*n].len--;
		(*n)++;
		if (b >= len)
			return 0;
		a = b + 1;
	}
}

static int one_line(struct parser *ps, const char *s, size_t len)
{
	struct field f[MAX_FIELDS];
	size_t n, i;

	for (i = 0; i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'); i++)
		;
	if (i == len || s[i] == '#')
		return 0;
	if (memchr(s, '\0', len))
		return fail(ps, 1, "NUL byte in the file");
	if (split(ps, s, len, f, &n))
		return -1;
	if (n == 1 && f[0].len > 8 && !memcmp(f[0].s, "SECTION_", 8))
		return start_section(ps, &f[0]);
	return section_line(ps, f, n);
}

/* The shifts' successions, read on a second pass over their section. */
static int second_pass(struct parser *ps, const char *buf, size_t len)
{
	size_t a = 0, b;
	enum section sec = SEC_NONE;

	ps->line = 0;
	while (a < len) {
		struct field f[MAX_FIELDS];
		size_t n;
		int s;

		for (b = a; b < len && buf[b] != '\n'; b++)
			;
		ps->line++;
		if (split(ps, buf + a, b - a, f, &n))
			return -1;
		if (n == 1 && f[0].len > 8 && !memcmp(f[0].s, "SECTION_", 8))
			sec = field_is(&f[0], "SECTION_SHIFTS") ? SEC_SHIFTS
								 : SEC_NONE;
		else if (sec == SEC_SHIFTS && n == 3 && f[0].len &&
			 *f[0].s != '#') {
			s = find_shift(ps->in, f[0].s, f[0].len);
			if (s >= 0 && successions(ps, &f[2], &ps->in->shifts[s]))
				return -1;
		}
		a = b + 1;
	}
	return 0;
}

static int complete(struct parser *ps)
{
	struct nrp *in = ps->in;

	if (!in->days || !in->n_shifts || !in->n_staff)
		return fail(ps, 1, "incomplete instance: the horizon, shifts and "
			    "staff are all required");
	/* The scenario's own limit on the problem's size (io/load.h). */
	if (in->n_staff * (size_t)in->days * in->n_shifts > LOAD_MAX_CELLS)
		return fail(ps, 1, "too large: %zu staff x %d days x %zu shifts "
			    "is more than %d", in->n_staff, in->days, in->n_shifts,
			    LOAD_MAX_CELLS);
	return prepare(ps);
}

int nrp_parse(struct nrp *in, const char *name, const char *buf, size_t len,
	      struct rota_error *err)
{
	struct parser ps;
	size_t a = 0, b;

	memset(&ps, 0, sizeof(ps));
	ps.name = name;
	ps.in = in;
	ps.err = err;
	nrp_init(in);
	while (a < len) {
		for (b = a; b < len && buf[b] != '\n'; b++)
			;
		ps.line++;
		if (one_line(&ps, buf + a, b - a))
			goto fail;
		a = b + 1;
	}
	if (complete(&ps) || second_pass(&ps, buf, len))
		goto fail;
	return 0;
fail:
	nrp_release(in);
	return -1;
}

int nrp_load(struct nrp *in, const char *path, struct rota_error *err)
{
	size_t len = 0;
	char *buf = NULL;
	enum readfile_res res;
	int rc;

	nrp_init(in);
	errno = 0;
	res = readfile(path, (size_t)READFILE_MAX_BYTES, &buf, &len);
	if (res == READFILE_CANNOT_OPEN)
		return rota_error_add(err, ROTA_EINPUT, "cannot open '%s': %s",
				      path, strerror(errno));
	if (res != READFILE_OK)
		return rota_error_add(err, ROTA_EINPUT, "cannot read '%s': %s",
				      path, res == READFILE_TOO_BIG ?
				      "larger than 64 MiB" :
				      strerror(errno ? errno : EIO));
	rc = nrp_parse(in, strcmp(path, "-") ? path : "<stdin>", buf, len, err);
	free(buf);
	return rc;
}

int nrp_sniff(const char *buf, size_t len)
{
	size_t a = 0, b;

	while (a < len) {
		for (b = a; b < len && buf[b] != '\n'; b++)
			;
		while (a < b && (buf[a] == ' ' || buf[a] == '\t' || buf[a] == '\r'))
			a++;
		if (a < b && buf[a] != '#')
			return b - a >= 15 && !memcmp(buf + a, "SECTION_HORIZON", 15);
		a = b + 1;
	}
	return 0;
}

int nrp_sniff_file(const char *path)
{
	char buf[4096];
	size_t n;
	FILE *f;

	if (!strcmp(path, "-"))
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return 0;
	n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	return nrp_sniff(buf, n);
}
