#include "ical.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "ical_roster.h"
#include "sha256.h"
#include "tz.h"

/* A fixed DTSTAMP, so that two writes can be compared byte for byte. */
#define NOW ((instant_t)1520000000)

/* ---- helpers ---- */

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/rota7-ical-XXXXXX";
	char *d = mkdtemp(tmpl);

	ck_assert_ptr_nonnull(d);
	return strdup(d);
}

static void rm_rf(const char *path)
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

static char *slurp(const char *path, size_t *len)
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

static char *file_in(const char *dir, const char *sub, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/calendars/%s/%s", dir, sub, name);
	return slurp(path, NULL);
}

static int exists(const char *dir, const char *sub, const char *name)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/calendars/%s/%s", dir, sub, name);
	return access(path, F_OK) == 0;
}

static void read_cal(const char *dir, const char *sub, const char *name,
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

static void write_ok(const struct ical_rota *x, const char *dir,
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

static int utf8_valid(const unsigned char *s, size_t n)
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
static void assert_lines(const char *text)
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

static int count_of(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

/* The var of person p on day d with this shift, neighbourhood, role. */
static size_t var_of(const struct ical_rota *x, int p, int d,
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

static void work(struct ical_rota *x, int p, int d, const char *shift,
		 const char *nbhd, const char *role)
{
	roster_set(&x->r, p, d, var_of(x, p, d, shift, nbhd, role));
}

static const struct ical_event *event_at(const struct ical_calendar *cal,
					 instant_t start)
{
	size_t i;

	for (i = 0; i < cal->n_events; i++)
		if (cal->events[i].start == start)
			return &cal->events[i];
	return NULL;
}

/* ---- scenarios ---- */

#define SIAN "Si\xc3\xa2n Evans"
#define ZOE "Zo\xc3\xab Kershaw"
#define LUKASZ "\xc5\x81ukasz Nowak"

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

static void load_base(struct ical_rota *x, const char *zone, const char *start,
		      const char *early_from, const char *early_to,
		      const char *name)
{
	char *json = rota_strdupf(base_fmt, zone, start, early_from, early_to,
				  name);

	ck_assert_ptr_nonnull(json);
	ck_assert_int_eq(ical_rota_load_text(x, json), 0);
	free(json);
}

static void load_london(struct ical_rota *x, const char *start)
{
	load_base(x, "Europe/London", start, "08:00", "16:00", SIAN);
}

/* ---- SHA-256 and UIDs ---- */

static void assert_sha(const char *msg, size_t repeat, const char *hex)
{
	struct sha256 h;
	unsigned char md[SHA256_LEN];
	char got[2 * SHA256_LEN + 1];
	size_t i;

	sha256_init(&h);
	for (i = 0; i < repeat; i++)
		sha256_update(&h, msg, strlen(msg));
	sha256_final(&h, md);
	for (i = 0; i < SHA256_LEN; i++)
		snprintf(got + 2 * i, 3, "%02x", md[i]);
	ck_assert_str_eq(got, hex);
}

START_TEST(sha256_vectors)
{
	/* FIPS 180-4 examples. */
	assert_sha("", 1, "e3b0c44298fc1c149afbf4c8996fb924"
		   "27ae41e4649b934ca495991b7852b855");
	assert_sha("abc", 1, "ba7816bf8f01cfea414140de5dae2223"
		   "b00361a396177a9cb410ff61f20015ad");
	assert_sha("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		   "248d6a61d20638b8e5c026930c3e6039"
		   "a33ce45964ff2167f6ecedd419db06c1");
	assert_sha("aaaaaaaaaa", 100000, "cdc76e5c9914fb9281a1c7e284d73e67"
		   "f1809a48a497200e046d39ccc7112cd0");
}
END_TEST

START_TEST(uid_stable_and_opaque)
{
	char a[ICAL_UID_LEN], b[ICAL_UID_LEN];
	int32_t day = civil_from_ymd(2018, 3, 24);
	size_t i;

	ical_uid("Stockport", NULL, "n001", day, "night", a);
	ical_uid("Stockport", NULL, "n001", day, "night", b);
	ck_assert_str_eq(a, b);
	ck_assert_uint_eq(strlen(a), 38);
	for (i = 0; i < 32; i++)
		ck_assert(strchr("0123456789abcdef", a[i]) != NULL);
	ck_assert_str_eq(a + 32, "@rota7");
	ck_assert_ptr_null(strstr(a, "n001"));
	/* Any field changes it; so does the calendar it is in. */
	ical_uid("Stockport", NULL, "n002", day, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid("Stockport", NULL, "n001", day + 1, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid("Stockport", NULL, "n001", day, "early", b);
	ck_assert_str_ne(a, b);
	ical_uid("Essex", NULL, "n001", day, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid("Stockport", "bramhall", "n001", day, "night", b);
	ck_assert_str_ne(a, b);
	/* Fields cannot run into each other. */
	ical_uid("Stockport", NULL, "n0", day, "01night", a);
	ical_uid("Stockport", NULL, "n001", day, "night", b);
	ck_assert_str_ne(a, b);
}
END_TEST

/* ---- clock changes ---- */

/* A night over a change: its length, its local times, the words. */
static void night_over_change(const char *start, const char *night_date,
			      const char *dtstart, const char *dtend,
			      double hours, const char *words)
{
	struct ical_rota x;
	struct ical_calendar cal;
	char *dir = tmpdir(), *text;
	const struct ical_event *e;
	const struct shift *sh;

	load_london(&x, start);
	work(&x, 0, 1, "night", "bramhall", "qn");
	write_ok(&x, dir, NULL);
	read_cal(dir, "staff", "n1.ics", &cal);
	sh = &x.sc.shifts[scenario_find_shift(&x.sc, "night")];
	ck_assert_uint_eq(cal.n_events, 1);
	e = &cal.events[0];
	ck_assert_int_eq(e->start, sh->start_at[1]);
	ck_assert_int_eq(e->end, sh->end_at[1]);
	ck_assert_int_eq(e->end - e->start, (instant_t)(hours * 3600));
	ck_assert_str_eq(e->start_tzid, "Europe/London");
	ck_assert_ptr_nonnull(strstr(e->description, words));
	text = file_in(dir, "staff", "n1.ics");
	ck_assert_ptr_nonnull(strstr(text, dtstart));
	ck_assert_ptr_nonnull(strstr(text, dtend));
	ck_assert_ptr_nonnull(strstr(text, night_date));
	free(text);
	ical_calendar_release(&cal);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}

START_TEST(march_night_is_7_5_hours)
{
	night_over_change("2018-03-23", "20180324",
			  "DTSTART;TZID=Europe/London:20180324T233000\r\n",
			  "DTEND;TZID=Europe/London:20180325T080000\r\n", 7.5,
			  "clocks go forward during this shift: 7.5 hours on "
			  "duty instead of 8.5");
}
END_TEST

START_TEST(october_night_is_9_5_hours)
{
	night_over_change("2018-10-26", "20181027",
			  "DTSTART;TZID=Europe/London:20181027T233000\r\n",
			  "DTEND;TZID=Europe/London:20181028T080000\r\n", 9.5,
			  "clocks go back during this shift: 9.5 hours on duty "
			  "instead of 8.5");
}
END_TEST

/* One VTIMEZONE, one STANDARD and one DAYLIGHT rule without end: the
 * form Outlook reads. */
START_TEST(vtimezone_outlook_form)
{
	struct ical_rota x;
	char *dir = tmpdir(), *text;

	load_london(&x, "2018-03-23");
	work(&x, 0, 0, "early", "bramhall", "qn");
	write_ok(&x, dir, NULL);
	text = file_in(dir, "staff", "n1.ics");
	ck_assert_int_eq(count_of(text, "BEGIN:VTIMEZONE\r\n"), 1);
	ck_assert_int_eq(count_of(text, "TZID:Europe/London\r\n"), 1);
	ck_assert_int_eq(count_of(text, "BEGIN:DAYLIGHT\r\n"), 1);
	ck_assert_int_eq(count_of(text, "BEGIN:STANDARD\r\n"), 1);
	ck_assert_int_eq(count_of(text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"), 1);
	ck_assert_int_eq(count_of(text, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"), 1);
	ck_assert_int_eq(count_of(text, "UNTIL"), 0);
	ck_assert_int_eq(count_of(text, "freeassociation"), 0);
	ck_assert_int_eq(count_of(text, "X-WR-TIMEZONE:Europe/London\r\n"), 1);
	free(text);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* 01:30 on 28 October 2018 happens twice; the shift starts at the first
 * (RFC 5545), which clients would not agree on as a local time, so it is
 * written in UTC.  05:00 is unambiguous and keeps its TZID. */
START_TEST(repeated_hour_written_in_utc)
{
	struct ical_rota x;
	struct ical_calendar cal;
	char *dir = tmpdir(), *text;
	const struct shift *sh;

	load_london(&x, "2018-10-26");
	work(&x, 0, 2, "small-hours", "bramhall", "qn");
	write_ok(&x, dir, NULL);
	text = file_in(dir, "staff", "n1.ics");
	ck_assert_ptr_nonnull(strstr(text, "DTSTART:20181028T003000Z\r\n"));
	ck_assert_ptr_nonnull(strstr(text,
				     "DTEND;TZID=Europe/London:20181028T050000\r\n"));
	read_cal(dir, "staff", "n1.ics", &cal);
	sh = &x.sc.shifts[scenario_find_shift(&x.sc, "small-hours")];
	ck_assert_int_eq(cal.events[0].start, sh->start_at[2]);
	ck_assert_int_eq(cal.events[0].end, sh->end_at[2]);
	ck_assert_ptr_null(cal.events[0].start_tzid);
	ck_assert_int_eq(cal.events[0].end - cal.events[0].start, 4 * 3600 + 1800);
	free(text);
	ical_calendar_release(&cal);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}
END_TEST

static void assert_matches_roster(const struct ical_rota *x, const char *dir,
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

/* Other zones, both hemispheres, none, and past 2037 where libical's
 * zone data turns from a list into a rule: every event read back through
 * the embedded VTIMEZONE is at the instant the rota says. */
START_TEST(zones_round_trip)
{
	static const char *const cases[][2] = {
		{"Europe/London", "2018-03-24"},
		{"Europe/London", "2100-03-26"},
		{"Europe/London", "2150-10-24"},
		{"America/New_York", "2018-03-10"},
		{"America/New_York", "2040-11-03"},
		{"Australia/Sydney", "2018-03-31"},
		{"Australia/Sydney", "2018-10-06"},
		{"Asia/Kolkata", "2018-03-24"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ical_rota x;
		char *dir = tmpdir();
		size_t events = 0;

		load_base(&x, cases[i][0], cases[i][1], "08:00", "16:00", SIAN);
		ical_rota_alternate(&x);
		write_ok(&x, dir, NULL);
		assert_matches_roster(&x, dir, &events);
		ck_assert_msg(events > 0, "%s: no events", cases[i][0]);
		ical_rota_release(&x);
		rm_rf(dir);
		free(dir);
	}
}
END_TEST

/* ---- text ---- */

START_TEST(summary_location_description)
{
	struct ical_rota x;
	struct ical_calendar cal;
	char *dir = tmpdir();
	const struct ical_event *e;
	int i;

	load_london(&x, "2018-03-23");
	work(&x, 0, 0, "late", "bramhall", "qn");
	work(&x, 0, 2, "early", "cheadle", "nsw");
	work(&x, 1, 0, "late", "bramhall", "nsw");
	write_ok(&x, dir, NULL);

	read_cal(dir, "staff", "n1.ics", &cal);
	ck_assert_str_eq(cal.name, SIAN ": rota for March 2018");
	ck_assert_str_eq(cal.timezone, "Europe/London");
	ck_assert_uint_eq(cal.n_events, 2);
	e = &cal.events[0];
	ck_assert_str_eq(e->summary, "Late shift: Qualified nurse, Bramhall");
	ck_assert_str_eq(e->location, "Bramhall");
	ck_assert_str_eq(e->categories, "Community nursing");
	ck_assert_str_eq(e->description, "Paid hours: 7.5\n"
			 "On duty: 8 hours with a 30-minute break");
	ck_assert_int_eq(e->sequence, 0);
	e = &cal.events[1];
	ck_assert_str_eq(e->summary,
			 "Early shift: Nursing support worker, Cheadle");
	ck_assert_str_eq(e->location, "Cheadle");
	ck_assert_str_eq(e->description, "Paid hours: 7.5\n"
			 "On duty: 8 hours with a 30-minute break\n"
			 "Covering a Nursing support worker's place (own role: "
			 "Qualified nurse)\n"
			 "Covering in Cheadle (home neighbourhood: Bramhall)");
	ical_calendar_release(&cal);

	/* A neighbourhood's calendar says who. */
	read_cal(dir, "neighbourhood", "bramhall.ics", &cal);
	ck_assert_str_eq(cal.name, "Bramhall: rota for March 2018");
	ck_assert_uint_eq(cal.n_events, 2);
	/* Same start: in UID order, so either may come first. */
	i = strstr(cal.events[0].summary, ZOE) != NULL;
	ck_assert_str_eq(cal.events[i].summary,
			 "Late shift: Qualified nurse, Bramhall (" SIAN ")");
	ck_assert_str_eq(cal.events[!i].summary,
			 "Late shift: Nursing support worker, Bramhall (" ZOE ")");
	ck_assert_ptr_nonnull(strstr(cal.events[!i].description, "Staff: " ZOE));
	ck_assert_str_ne(cal.events[0].uid, cal.events[1].uid);
	ical_calendar_release(&cal);
	read_cal(dir, "neighbourhood", "cheadle.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 1);
	ical_calendar_release(&cal);

	/* Nobody without a shift gets a calendar; every neighbourhood does. */
	ck_assert(!exists(dir, "staff", "n3.ics"));
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(long_utf8_names_fold_cleanly)
{
	struct ical_rota x;
	struct ical_calendar cal;
	char name[600] = "", *dir = tmpdir(), *text, *want;
	int i;

	/* Repeated so that folds fall at every offset inside a sequence. */
	for (i = 0; i < 12; i++) {
		size_t used = strlen(name);

		snprintf(name + used, sizeof(name) - used, "%s",
			 i % 3 == 0 ? SIAN " " : i % 3 == 1 ? ZOE "\xe2\x82\xac "
			 : LUKASZ "\xf0\x9f\x8f\xa5 ");
	}
	load_base(&x, "Europe/London", "2018-03-23", "08:00", "16:00", name);
	work(&x, 0, 0, "early", "bramhall", "qn");
	work(&x, 0, 1, "night", "bramhall", "qn");
	write_ok(&x, dir, NULL);

	text = file_in(dir, "staff", "n1.ics");
	assert_lines(text);
	ck_assert_int_eq(strncmp(text, "BEGIN:VCALENDAR\r\n", 17), 0);
	ck_assert_ptr_nonnull(strstr(text, "\r\nMETHOD:PUBLISH\r\n"));
	ck_assert_ptr_nonnull(strstr(text, "\r\nPRODID:"));
	ck_assert_ptr_nonnull(strstr(text, "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"));
	free(text);
	text = file_in(dir, "neighbourhood", "bramhall.ics");
	assert_lines(text);
	free(text);

	read_cal(dir, "staff", "n1.ics", &cal);
	want = rota_strdupf("%s: rota for March 2018", name);
	ck_assert_str_eq(cal.name, want);
	free(want);
	ical_calendar_release(&cal);
	read_cal(dir, "neighbourhood", "bramhall.ics", &cal);
	want = rota_strdupf("Early shift: Qualified nurse, Bramhall (%s)", name);
	ck_assert_str_eq(cal.events[0].summary, want);
	free(want);
	ical_calendar_release(&cal);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* ---- --previous ---- */

/* Rota A: n1 late on days 0-1 and early on day 3, n2 and n3 lates. */
static void rota_a(struct ical_rota *x)
{
	int d;

	work(x, 0, 0, "late", "bramhall", "qn");
	work(x, 0, 1, "late", "bramhall", "qn");
	work(x, 0, 3, "early", "bramhall", "qn");
	for (d = 0; d < 4; d++) {
		work(x, 1, d, "late", "bramhall", "nsw");
		work(x, 2, d, "late", "cheadle", "qn");
	}
}

/* Rota B, on a scenario whose early shift starts half an hour sooner:
 * n1's day 0 unchanged, day 1 gone (leave), day 2 new, day 3 early at
 * the new time and in Cheadle.  Nobody else moves. */
static void rota_b(struct ical_rota *x)
{
	int d;

	work(x, 0, 0, "late", "bramhall", "qn");
	work(x, 0, 2, "late", "bramhall", "qn");
	work(x, 0, 3, "early", "cheadle", "qn");
	for (d = 0; d < 4; d++) {
		work(x, 1, d, "late", "bramhall", "nsw");
		work(x, 2, d, "late", "cheadle", "qn");
	}
}

static const struct ical_event *by_uid(const struct ical_calendar *cal,
				       const char *uid)
{
	size_t i;

	for (i = 0; i < cal->n_events; i++)
		if (!strcmp(cal->events[i].uid, uid))
			return &cal->events[i];
	return NULL;
}

static const struct ical_event *staff_event(const struct ical_calendar *cal,
					    const struct scenario *sc,
					    const char *nbhd, const char *staff,
					    int day, const char *shift)
{
	char uid[ICAL_UID_LEN];

	ical_uid(sc->name, nbhd, staff, scenario_date(sc, day), shift, uid);
	return by_uid(cal, uid);
}

static void assert_same_file(const char *d1, const char *d2, const char *sub,
			     const char *name)
{
	char *a = file_in(d1, sub, name), *b = file_in(d2, sub, name);

	ck_assert_msg(!strcmp(a, b), "%s/%s changed", sub, name);
	free(a);
	free(b);
}

static void check_n1_after(const char *dir, const struct ical_rota *b)
{
	struct ical_calendar cal;
	const struct ical_event *e;
	const struct shift *early =
		&b->sc.shifts[scenario_find_shift(&b->sc, "early")];

	read_cal(dir, "staff", "n1.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 4);
	e = staff_event(&cal, &b->sc, NULL, "n1", 0, "late");
	ck_assert(e && !e->cancelled && e->sequence == 0);
	e = staff_event(&cal, &b->sc, NULL, "n1", 1, "late");
	ck_assert(e && e->cancelled && e->sequence == 1);
	ck_assert_str_eq(e->summary,
			 "Cancelled: Late shift: Qualified nurse, Bramhall");
	e = staff_event(&cal, &b->sc, NULL, "n1", 2, "late");
	ck_assert(e && !e->cancelled && e->sequence == 0);
	/* Same UID, new time and place: one SEQUENCE higher. */
	e = staff_event(&cal, &b->sc, NULL, "n1", 3, "early");
	ck_assert(e && !e->cancelled && e->sequence == 1);
	ck_assert_int_eq(e->start, early->start_at[3]);
	ck_assert_str_eq(e->location, "Cheadle");
	ical_calendar_release(&cal);

	/* In the neighbourhoods' calendars the move is a cancellation in
	 * one and a new event in the other. */
	read_cal(dir, "neighbourhood", "bramhall.ics", &cal);
	e = staff_event(&cal, &b->sc, "bramhall", "n1", 3, "early");
	ck_assert(e && e->cancelled && e->sequence == 1);
	e = staff_event(&cal, &b->sc, "bramhall", "n2", 1, "late");
	ck_assert(e && !e->cancelled && e->sequence == 0);
	ck_assert_uint_eq(cal.n_events, 4 + 4);
	ical_calendar_release(&cal);
	read_cal(dir, "neighbourhood", "cheadle.ics", &cal);
	e = staff_event(&cal, &b->sc, "cheadle", "n1", 3, "early");
	ck_assert(e && !e->cancelled && e->sequence == 0);
	ical_calendar_release(&cal);
}

/* Events of n2 and n3 in the neighbourhood calendars, byte for byte. */
static void assert_others_untouched(const char *d1, const char *d2)
{
	static const char *const files[] = {"bramhall.ics", "cheadle.ics"};
	size_t f;

	for (f = 0; f < 2; f++) {
		char *a = file_in(d1, "neighbourhood", files[f]);
		char *b = file_in(d2, "neighbourhood", files[f]);
		char *ev;

		for (ev = strstr(b, "BEGIN:VEVENT"); ev;
		     ev = strstr(ev + 1, "BEGIN:VEVENT")) {
			char *end = strstr(ev, "END:VEVENT\r\n");
			size_t len = (size_t)(end - ev) + 12;
			char *block = strndup(ev, len);

			ck_assert_ptr_nonnull(block);
			if (!strstr(block, "(" SIAN ")"))
				ck_assert_msg(strstr(a, block) != NULL,
					      "%s: another person's event changed",
					      files[f]);
			free(block);
		}
		free(a);
		free(b);
	}
}

START_TEST(previous_sequence_and_cancelled)
{
	struct ical_rota a, b;
	char *d1 = tmpdir(), *d2 = tmpdir(), *d3 = tmpdir();

	load_london(&a, "2018-03-23");
	rota_a(&a);
	write_ok(&a, d1, NULL);
	load_base(&b, "Europe/London", "2018-03-23", "07:30", "15:30", SIAN);
	rota_b(&b);
	write_ok(&b, d2, d1);

	check_n1_after(d2, &b);
	assert_same_file(d1, d2, "staff", "n2.ics");
	assert_same_file(d1, d2, "staff", "n3.ics");
	assert_others_untouched(d1, d2);

	/* Publishing B again: nothing changes, cancellations stay. */
	write_ok(&b, d3, d2);
	assert_same_file(d2, d3, "staff", "n1.ics");
	assert_same_file(d2, d3, "neighbourhood", "bramhall.ics");
	assert_same_file(d2, d3, "neighbourhood", "cheadle.ics");
	ical_rota_release(&a);
	ical_rota_release(&b);
	rm_rf(d1);
	rm_rf(d2);
	rm_rf(d3);
	free(d1);
	free(d2);
	free(d3);
}
END_TEST

/* Someone with no shift left still gets a calendar that cancels; an
 * earlier month's events are not this file's business. */
START_TEST(previous_everything_cancelled)
{
	struct ical_rota a, b, other;
	struct ical_calendar cal;
	char *d1 = tmpdir(), *d2 = tmpdir(), *d3 = tmpdir();
	size_t i;

	load_london(&a, "2018-03-23");
	rota_a(&a);
	write_ok(&a, d1, NULL);
	load_london(&b, "2018-03-23");
	work(&b, 1, 0, "late", "bramhall", "nsw");
	write_ok(&b, d2, d1);
	read_cal(d2, "staff", "n1.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 3);
	for (i = 0; i < cal.n_events; i++)
		ck_assert(cal.events[i].cancelled && cal.events[i].sequence == 1);
	ical_calendar_release(&cal);

	load_london(&other, "2018-04-23");
	work(&other, 1, 0, "late", "bramhall", "nsw");
	write_ok(&other, d3, d1);
	ck_assert(!exists(d3, "staff", "n1.ics"));
	read_cal(d3, "staff", "n2.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 1);
	ck_assert(!cal.events[0].cancelled);
	ical_calendar_release(&cal);
	ical_rota_release(&a);
	ical_rota_release(&b);
	ical_rota_release(&other);
	rm_rf(d1);
	rm_rf(d2);
	rm_rf(d3);
	free(d1);
	free(d2);
	free(d3);
}
END_TEST

START_TEST(previous_errors)
{
	struct ical_rota a;
	struct rota_error err;
	char *d1 = tmpdir(), *d2 = tmpdir(), path[4096];
	FILE *f;

	load_london(&a, "2018-03-23");
	rota_a(&a);
	rota_error_init(&err);
	snprintf(path, sizeof(path), "%s/none", d1);
	ck_assert_int_eq(ical_write_at(d2, path, &a.pb, &a.r, NOW, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	ck_assert(fixture_has_message(&err, "none"));
	rota_error_release(&err);

	write_ok(&a, d1, NULL);
	snprintf(path, sizeof(path), "%s/calendars/staff/n2.ics", d1);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fputs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20180301T"
	      "080000\r\nDTEND:20180301T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	      f);
	fclose(f);
	rota_error_init(&err);
	ck_assert_int_eq(ical_write_at(d2, d1, &a.pb, &a.r, NOW, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	ck_assert(fixture_has_message(&err, "n2.ics: DTSTART is a floating time"));
	rota_error_release(&err);
	ical_rota_release(&a);
	rm_rf(d1);
	rm_rf(d2);
	free(d1);
	free(d2);
}
END_TEST

START_TEST(unwritable_output)
{
	struct ical_rota a;
	struct rota_error err;
	char *dir = tmpdir(), path[4096];
	FILE *f;

	load_london(&a, "2018-03-23");
	rota_a(&a);
	snprintf(path, sizeof(path), "%s/calendars", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	rota_error_init(&err);
	ck_assert_int_eq(ical_write_at(dir, NULL, &a.pb, &a.r, NOW, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EOUTPUT);
	rota_error_release(&err);
	ical_rota_release(&a);
	rm_rf(dir);
	free(dir);
}
END_TEST

START_TEST(odd_ids_stay_in_their_directory)
{
	static const char *json =
		"{\"rota7\": 1, \"name\": \"x\", \"horizon\": {\"start\": \"2018-03-05\","
		" \"days\": 1}, \"neighbourhoods\": [{\"id\": \"../up\","
		" \"weighted_population\": 1}], \"roles\": [{\"id\": \"qn\"}],"
		" \"services\": [{\"id\": \"cn\", \"bands\": [{\"from\": \"08:00\","
		" \"to\": \"16:00\", \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}],"
		" \"shifts\": [{\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\","
		" \"end\": \"16:00\"}], \"staff\": [{\"id\": \".hidden/a b\", \"role\": \"qn\","
		" \"neighbourhood\": \"../up\"}]}";
	struct ical_rota x;
	struct ical_calendar cal;
	char *dir = tmpdir();

	ck_assert_int_eq(ical_rota_load_text(&x, json), 0);
	ical_rota_alternate(&x);
	write_ok(&x, dir, NULL);
	read_cal(dir, "staff", "%2Ehidden%2Fa%20b.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 1);
	ical_calendar_release(&cal);
	read_cal(dir, "neighbourhood", "%2E.%2Fup.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 1);
	ical_calendar_release(&cal);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}
END_TEST

/* ---- the examples ---- */

static void example(const char *rel)
{
	struct ical_rota x;
	char *dir = tmpdir();
	size_t events = 0, n;

	ck_assert_int_eq(ical_rota_load(&x, fixture_source_path(rel)), 0);
	ical_rota_alternate(&x);
	write_ok(&x, dir, NULL);
	assert_matches_roster(&x, dir, &events);
	ck_assert(events > 100);
	for (n = 0; n < x.sc.n_neighbourhoods; n++) {
		struct ical_calendar cal;
		char name[256];
		size_t i, j;

		snprintf(name, sizeof(name), "%s.ics", x.sc.neighbourhoods[n].id);
		read_cal(dir, "neighbourhood", name, &cal);
		for (i = 0; i < cal.n_events; i++)
			for (j = i + 1; j < cal.n_events && j < i + 64; j++)
				ck_assert_str_ne(cal.events[i].uid, cal.events[j].uid);
		ical_calendar_release(&cal);
	}
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
}

START_TEST(stockport_reads_back)
{
	example("examples/stockport/scenario.json");
}
END_TEST

START_TEST(essex_reads_back)
{
	example("examples/essex/scenario.json");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ical");
	TCase *tc = tcase_create("ical");
	int ret;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, sha256_vectors);
	tcase_add_test(tc, uid_stable_and_opaque);
	tcase_add_test(tc, march_night_is_7_5_hours);
	tcase_add_test(tc, october_night_is_9_5_hours);
	tcase_add_test(tc, vtimezone_outlook_form);
	tcase_add_test(tc, repeated_hour_written_in_utc);
	tcase_add_test(tc, zones_round_trip);
	tcase_add_test(tc, summary_location_description);
	tcase_add_test(tc, long_utf8_names_fold_cleanly);
	tcase_add_test(tc, previous_sequence_and_cancelled);
	tcase_add_test(tc, previous_everything_cancelled);
	tcase_add_test(tc, previous_errors);
	tcase_add_test(tc, unwritable_output);
	tcase_add_test(tc, odd_ids_stay_in_their_directory);
	tcase_add_test(tc, stockport_reads_back);
	tcase_add_test(tc, essex_reads_back);
	suite_add_tcase(s, tc);
	ret = fixture_run(s);
	tz_shutdown();
	return ret;
}
