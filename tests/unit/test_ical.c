/*
 * test_ical: the calendar writer - SHA-256 and UIDs, clock changes and
 * time zones, the words of an event, folding.  The --previous tests, bad
 * output and ids, and the examples are in test_ical_previous.c.
 */
#include "ical.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "ical_harness.h"
#include "ical_roster.h"
#include "sha256.h"
#include "tz.h"

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

	ical_uid(NULL, "n001", day, "night", a);
	ical_uid(NULL, "n001", day, "night", b);
	ck_assert_str_eq(a, b);
	ck_assert_uint_eq(strlen(a), 38);
	for (i = 0; i < 32; i++)
		ck_assert(strchr("0123456789abcdef", a[i]) != NULL);
	ck_assert_str_eq(a + 32, "@rota7");
	ck_assert_ptr_null(strstr(a, "n001"));
	/* Any field changes it; so does the calendar it is in. */
	ical_uid(NULL, "n002", day, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid(NULL, "n001", day + 1, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid(NULL, "n001", day, "early", b);
	ck_assert_str_ne(a, b);
	ical_uid("bramhall", "n001", day, "night", b);
	ck_assert_str_ne(a, b);
	/* No free text: the scenario's name is not in it, and the old UID,
	 * which had it, differs from it. */
	ical_uid_v1("Stockport", NULL, "n001", day, "night", b);
	ck_assert_str_ne(a, b);
	ical_uid_v1("Essex", NULL, "n001", day, "night", a);
	ck_assert_str_ne(a, b);
	/* Fields cannot run into each other. */
	ical_uid(NULL, "n0", day, "01night", a);
	ical_uid(NULL, "n001", day, "night", b);
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

/* text with its folds undone (RFC 5545 3.1); the caller frees it. */
static char *unfolded(const char *text)
{
	char *out = strdup(text), *w = out;
	const char *r;

	ck_assert_ptr_nonnull(out);
	for (r = text; *r; r++) {
		if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ') {
			r += 2;
			continue;
		}
		*w++ = *r;
	}
	*w = '\0';
	return out;
}

/* The calendar's own name and description are TEXT: a person's name
 * with a comma or semicolon is one name, not a list (RFC 5545 3.3.11),
 * which libical does not see to in an X- property. */
START_TEST(calendar_name_escaped)
{
	struct ical_rota x;
	struct ical_calendar cal;
	char *dir = tmpdir(), *text, *flat;

	load_base(&x, "Europe/London", "2018-03-23", "08:00", "16:00",
		  "Evans, Si\xc3\xa2n; RN \\\\ lead");
	work(&x, 0, 0, "early", "bramhall", "qn");
	write_ok(&x, dir, NULL);
	text = file_in(dir, "staff", "n1.ics");
	assert_lines(text);
	flat = unfolded(text);
	ck_assert_ptr_nonnull(strstr(flat, "\r\nX-WR-CALNAME:Evans\\, "
		"Si\xc3\xa2n\\; RN \\\\ lead: rota for March "
		"2018\r\n"));
	ck_assert_ptr_nonnull(strstr(flat, "\r\nX-WR-CALDESC:Calendar "
				     "test\r\n"));
	free(flat);
	free(text);
	read_cal(dir, "staff", "n1.ics", &cal);
	ck_assert_str_eq(cal.name, "Evans, Si\xc3\xa2n; RN \\ lead: "
			 "rota for March 2018");
	ical_calendar_release(&cal);
	ical_rota_release(&x);
	rm_rf(dir);
	free(dir);
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
	tcase_add_test(tc, calendar_name_escaped);
	suite_add_tcase(s, tc);
	ret = fixture_run(s);
	tz_shutdown();
	return ret;
}
