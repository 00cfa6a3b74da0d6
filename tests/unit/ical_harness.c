#include "ical_harness.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "problem.h"
#include "roster.h"
#include "scenario.h"

/* ---- files ---- */

char *tmpdir(void)
{
	char tmpl[] = "/tmp/rota7-ical-XXXXXX";
	char *d = mkdtemp(tmpl);

	ck_assert_ptr_nonnull(d);
	return strdup(d);
}

void rm_rf(const char *path)
{
	struct stat st;
	DIR *dir;
	struct dirent *e;

	if (lstat(path, &st))
		return;
	if (S_ISDIR(st.st_mode) && (dir = opendir(path))) {
		while ((e = readdir(dir))) {
			char sub[4096];

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			rm_rf(sub);
		}
		closedir(dir);
		rmdir(path);
	} else {
		unlink(path);
	}
}

char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len)
		*len = (size_t)n;
	return buf;
}

char *file_in(const char *dir, const char *sub, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/calendars/%s/%s", dir, sub, name);
	return slurp(path, NULL);
}

int exists(const char *dir, const char *sub, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/calendars/%s/%s", dir, sub, name);
	return access(path, F_OK) == 0;
}

void read_cal(const char *dir, const char *sub, const char *name,
	      struct ical_calendar *cal)
{
	char path[4096];
	struct rota_error err;

	snprintf(path, sizeof(path), "%s/calendars/%s/%s", dir, sub, name);
	rota_error_init(&err);
	if (ical_read(path, 0, cal, &err)) {
		diag_print(&err);
		ck_abort_msg("%s does not read back", path);
	}
	rota_error_release(&err);
}

void write_ok(const struct ical_rota *x, const char *dir,
	      const char *previous)
{
	struct rota_error err;

	rota_error_init(&err);
	if (ical_write_at(dir, previous, &x->pb, &x->r, NOW, &err)) {
		diag_print(&err);
		ck_abort_msg("calendars not written");
	}
	rota_error_release(&err);
}

int utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1
			   : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 9;

		if (k == 9 || i + k >= n + (k == 0))
			return 0;
		for (i++; k > 0; k--, i++)
			if (i >= n || (s[i] & 0xc0) != 0x80)
				return 0;
	}
	return 1;
}

/* CRLF only, at most 75 octets a line, no UTF-8 sequence cut in two. */
void assert_lines(const char *text)
{
	const char *p = text;
	int line = 1;

	while (*p) {
		const char *eol = strstr(p, "\r\n");

		ck_assert_msg(eol != NULL, "line %d: no CRLF", line);
		ck_assert_msg(memchr(p, '\n', (size_t)(eol - p)) == NULL &&
			      memchr(p, '\r', (size_t)(eol - p)) == NULL,
			      "line %d: a bare CR or LF", line);
		ck_assert_msg(eol - p <= 75, "line %d: %d octets", line,
			      (int)(eol - p));
		ck_assert_msg(utf8_valid((const unsigned char *)p,
					 (size_t)(eol - p)),
			      "line %d: a UTF-8 sequence split", line);
		p = eol + 2;
		line++;
	}
}

int count_of(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

/* The var of person p on day d with this shift, neighbourhood, role. */
size_t var_of(const struct ical_rota *x, int p, int d,
	      const char *shift, const char *nbhd, const char *role)
{
	const struct scenario *sc = &x->sc;
	size_t first, end, v;

	problem_day_vars(&x->pb, p, d, &first, &end);
	for (v = first; v < end; v++) {
		const struct var *w = &x->pb.vars[v];
		const struct option *o = &x->pb.people[p].opts[w->k];

		if (!strcmp(sc->shifts[w->s].id, shift) &&
		    !strcmp(sc->neighbourhoods[o->nbhd].id, nbhd) &&
		    !strcmp(sc->roles[o->role].id, role))
			return v;
	}
	ck_abort_msg("no var %d %d %s %s %s", p, d, shift, nbhd, role);
	return ROSTER_NONE;
}

void work(struct ical_rota *x, int p, int d, const char *shift,
	  const char *nbhd, const char *role)
{
	roster_set(&x->r, p, d, var_of(x, p, d, shift, nbhd, role));
}

const struct ical_event *event_at(const struct ical_calendar *cal,
				  instant_t start)
{
	size_t i;

	for (i = 0; i < cal->n_events; i++)
		if (cal->events[i].start == start)
			return &cal->events[i];
	return NULL;
}

/* ---- read back against the roster ---- */

void assert_matches_roster(const struct ical_rota *x, const char *dir,
			   size_t *events)
{
	size_t p, n;

	for (p = 0; p < x->sc.n_staff; p++) {
		struct ical_calendar cal;
		char path[4096];
		struct rota_error err;
		int d;

		snprintf(path, sizeof(path), "%s/calendars/staff/%s.ics", dir,
			 x->sc.staff[p].id);
		rota_error_init(&err);
		ck_assert_int_eq(ical_read(path, 1, &cal, &err), 0);
		rota_error_release(&err);
		n = 0;
		for (d = 0; d < x->pb.days; d++) {
			size_t v = roster_get(&x->r, (int)p, d);
			const struct shift *sh;
			const struct ical_event *e;

			if (v == ROSTER_NONE)
				continue;
			sh = &x->sc.shifts[x->pb.vars[v].s];
			e = event_at(&cal, sh->start_at[d]);
			ck_assert_msg(e != NULL, "%s day %d: no event",
				      x->sc.staff[p].id, d);
			ck_assert_int_eq(e->end, sh->end_at[d]);
			ck_assert(!e->cancelled);
			n++;
		}
		ck_assert_uint_eq(cal.n_events, n);
		*events += n;
		ical_calendar_release(&cal);
	}
}

/* ---- the scenario ---- */

/* Two neighbourhoods in a locality; a nurse who may cover the other
 * neighbourhood and a support worker's place.  %s: timezone, start,
 * the early shift's start and end, the first person's name. */
static const char *const base_fmt =
	"{\"rota7\": 1, \"name\": \"Calendar test\", \"timezone\": \"%s\","
	" \"horizon\": {\"start\": \"%s\", \"days\": 4},"
	" \"neighbourhoods\": ["
	"  {\"id\": \"bramhall\", \"name\": \"Bramhall\", \"weighted_population\": 57617},"
	"  {\"id\": \"cheadle\", \"name\": \"Cheadle\", \"weighted_population\": 34962}],"
	" \"groups\": {\"locality\": {\"south\": [\"bramhall\", \"cheadle\"]}},"
	" \"roles\": [{\"id\": \"qn\", \"name\": \"Qualified nurse\","
	"   \"also_covers\": [{\"role\": \"nsw\"}]},"
	"  {\"id\": \"nsw\", \"name\": \"Nursing support worker\"}],"
	" \"services\": [{\"id\": \"cn\", \"name\": \"Community nursing\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"20:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}, {\"role\": \"nsw\", \"count\": 1}]},"
	"   {\"from\": \"20:00\", \"to\": \"08:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}, {\"role\": \"nsw\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"  {\"id\": \"early\", \"service\": \"cn\", \"start\": \"%s\", \"end\": \"%s\","
	"   \"break_minutes\": 30},"
	"  {\"id\": \"late\", \"service\": \"cn\", \"start\": \"12:00\", \"end\": \"20:00\","
	"   \"break_minutes\": 30},"
	"  {\"id\": \"night\", \"service\": \"cn\", \"start\": \"23:30\", \"end\": \"08:00\","
	"   \"break_minutes\": 30},"
	"  {\"id\": \"small-hours\", \"service\": \"cn\", \"start\": \"01:30\","
	"   \"end\": \"05:00\"}],"
	" \"rules\": {\"max_avg_weekly_hours\": 80, \"contract_tolerance_hours\": 40,"
	"   \"weekly_rest\": {\"hours\": 24, \"per_days\": 14}},"
	" \"staff\": ["
	"  {\"id\": \"n1\", \"name\": \"%s\", \"role\": \"qn\", \"band\": 6,"
	"   \"neighbourhood\": \"bramhall\", \"may_work_in\": \"locality\"},"
	"  {\"id\": \"n2\", \"name\": \"" ZOE "\", \"role\": \"nsw\","
	"   \"neighbourhood\": \"bramhall\"},"
	"  {\"id\": \"n3\", \"name\": \"" LUKASZ "\", \"role\": \"qn\","
	"   \"neighbourhood\": \"cheadle\"}]}";

void load_base(struct ical_rota *x, const char *zone, const char *start,
	       const char *early_from, const char *early_to,
	       const char *name)
{
	char *json = rota_strdupf(base_fmt, zone, start, early_from, early_to,
				  name);

	ck_assert_ptr_nonnull(json);
	ck_assert_int_eq(ical_rota_load_text(x, json), 0);
	free(json);
}

void load_london(struct ical_rota *x, const char *start)
{
	load_base(x, "Europe/London", start, "08:00", "16:00", SIAN);
}
