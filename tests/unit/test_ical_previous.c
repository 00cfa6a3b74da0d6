/*
 * test_ical_previous: calendars written against an earlier output
 * (--previous: SEQUENCE, cancellations, nothing else touched), an output
 * directory that cannot be written, ids that are not file names, and
 * both examples read back by libical.  The writer itself is test_ical.c.
 */
#include "ical.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "ical_harness.h"
#include "ical_roster.h"
#include "tz.h"

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

	ical_uid(nbhd, staff, scenario_date(sc, day), shift, uid);
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

/* The same events (UID, SEQUENCE, times, status, text) in both files. */
static void assert_same_events(const char *da, const char *db,
			       const char *sub, const char *name)
{
	struct ical_calendar x, y;
	size_t i;

	read_cal(da, sub, name, &x);
	read_cal(db, sub, name, &y);
	ck_assert_uint_eq(x.n_events, y.n_events);
	ck_assert_uint_gt(x.n_events, 0);
	for (i = 0; i < x.n_events; i++) {
		const struct ical_event *e = &x.events[i], *f = &y.events[i];

		ck_assert_str_eq(e->uid, f->uid);
		ck_assert_int_eq(e->sequence, f->sequence);
		ck_assert_int_eq(e->cancelled, f->cancelled);
		ck_assert(e->start == f->start && e->end == f->end);
		ck_assert_str_eq(e->summary, f->summary);
		ck_assert_str_eq(e->location, f->location);
		ck_assert_str_eq(e->description, f->description);
	}
	ical_calendar_release(&x);
	ical_calendar_release(&y);
}

/* Someone with no shift left still gets a calendar that cancels; an
 * earlier month's events are carried over unchanged. */
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
	/* April against March: March's events are published again as
	 * they were (issue 16), so a subscribed feed keeps them. */
	assert_same_events(d1, d3, "staff", "n1.ics");
	read_cal(d3, "staff", "n2.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 5);
	for (i = 0; i < cal.n_events; i++)
		ck_assert(!cal.events[i].cancelled &&
			  cal.events[i].sequence == 0);
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

/* Calendars published before UIDs lost the scenario's name: their events
 * keep the old UID (an update, not a copy), and renaming the scenario no
 * longer changes any UID. */
START_TEST(previous_v1_uids_kept)
{
	struct ical_rota a;
	struct ical_calendar cal;
	char *d1 = tmpdir(), *d2 = tmpdir(), *d3 = tmpdir(), path[4096];
	char v1[ICAL_UID_LEN], v2[ICAL_UID_LEN], *text, *at;
	const struct ical_event *e;
	int d;
	FILE *f;

	load_london(&a, "2018-03-23");
	rota_a(&a);
	write_ok(&a, d1, NULL);
	/* n1's file as an older rota7 wrote it. */
	text = file_in(d1, "staff", "n1.ics");
	for (d = 0; d < 4; d++) {
		const char *sh = d == 3 ? "early" : "late";

		ical_uid(NULL, "n1", scenario_date(&a.sc, d), sh, v2);
		ical_uid_v1(a.sc.name, NULL, "n1", scenario_date(&a.sc, d), sh, v1);
		if ((at = strstr(text, v2)))
			memcpy(at, v1, strlen(v1));
	}
	snprintf(path, sizeof(path), "%s/calendars/staff/n1.ics", d1);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(text);
	write_ok(&a, d2, d1);
	read_cal(d2, "staff", "n1.ics", &cal);
	ck_assert_uint_eq(cal.n_events, 3);
	ical_uid_v1(a.sc.name, NULL, "n1", scenario_date(&a.sc, 0), "late", v1);
	e = by_uid(&cal, v1);
	ck_assert(e && !e->cancelled && e->sequence == 0);
	ical_calendar_release(&cal);

	/* A renamed scenario: the same UIDs, nothing cancelled. */
	free(a.sc.name);
	a.sc.name = strdup("Renamed");
	ck_assert_ptr_nonnull(a.sc.name);
	write_ok(&a, d3, NULL);
	{
		struct ical_calendar c1, c3;
		size_t i;

		read_cal(d1, "staff", "n2.ics", &c1);
		read_cal(d3, "staff", "n2.ics", &c3);
		ck_assert_uint_eq(c1.n_events, c3.n_events);
		for (i = 0; i < c1.n_events; i++)
			ck_assert_ptr_nonnull(by_uid(&c3, c1.events[i].uid));
		ical_calendar_release(&c1);
		ical_calendar_release(&c3);
	}
	ical_rota_release(&a);
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

/* Names Windows keeps for devices (any case, any extension) get their
 * first letter encoded; others like them stay as they are. */
START_TEST(windows_device_names_encoded)
{
	static const char *json =
		"{\"rota7\": 1, \"name\": \"x\", \"horizon\": {\"start\": \"2018-03-05\","
		" \"days\": 2}, \"neighbourhoods\": [{\"id\": \"prn\","
		" \"weighted_population\": 1}], \"roles\": [{\"id\": \"qn\"}],"
		" \"services\": [{\"id\": \"cn\", \"bands\": [{\"from\": \"08:00\","
		" \"to\": \"16:00\", \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}],"
		" \"shifts\": [{\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\","
		" \"end\": \"16:00\"}], \"staff\": ["
		"{\"id\": \"con\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"Aux.x\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"LPT1\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"com0.tar.gz\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"nul\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"console\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"com10\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"a.\", \"role\": \"qn\", \"neighbourhood\": \"prn\"},"
		"{\"id\": \"b?*:|\", \"role\": \"qn\", \"neighbourhood\": \"prn\"}]}";
	static const char *const files[] = {
		"%63on.ics", "%41ux.x.ics", "%4CPT1.ics", "%63om0.tar.gz.ics",
		"%6Eul.ics", "console.ics", "com10.ics", "a..ics",
		"b%3F%2A%3A%7C.ics"
	};
	struct ical_rota x;
	char *dir = tmpdir();
	size_t i;

	ck_assert_int_eq(ical_rota_load_text(&x, json), 0);
	ical_rota_alternate(&x);
	write_ok(&x, dir, NULL);
	for (i = 0; i < sizeof(files) / sizeof(*files); i++)
		ck_assert_msg(exists(dir, "staff", files[i]), "no %s", files[i]);
	ck_assert(exists(dir, "neighbourhood", "%70rn.ics"));
	ck_assert(!exists(dir, "staff", "con.ics"));
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
	Suite *s = suite_create("ical_previous");
	TCase *tc = tcase_create("ical_previous");
	int ret;

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, previous_sequence_and_cancelled);
	tcase_add_test(tc, previous_everything_cancelled);
	tcase_add_test(tc, previous_v1_uids_kept);
	tcase_add_test(tc, previous_errors);
	tcase_add_test(tc, unwritable_output);
	tcase_add_test(tc, odd_ids_stay_in_their_directory);
	tcase_add_test(tc, windows_device_names_encoded);
	tcase_add_test(tc, stockport_reads_back);
	tcase_add_test(tc, essex_reads_back);
	suite_add_tcase(s, tc);
	ret = fixture_run(s);
	tz_shutdown();
	return ret;
}
