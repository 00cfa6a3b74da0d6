#include "tz.h"

#include <check.h>

#include "fixture.h"

static struct tz *london;

static void setup(void)
{
	london = tz_open("Europe/London");
	ck_assert_ptr_nonnull(london);
}

static void teardown(void)
{
	tz_close(london);
}

static instant_t at(int y, int m, int d, int hh, int mm)
{
	return tz_instant(london, civil_from_ymd(y, m, d), hh * 60 + mm);
}

static void assert_iso(instant_t t, const char *want)
{
	char buf[TZ_ISO_LEN];

	tz_format_iso(london, t, buf);
	ck_assert_str_eq(buf, want);
}

START_TEST(winter_and_summer)
{
	assert_iso(at(2018, 1, 15, 8, 0), "2018-01-15T08:00:00+00:00");
	assert_iso(at(2018, 7, 15, 8, 0), "2018-07-15T08:00:00+01:00");
	/* 08:00 BST is 07:00 UTC. */
	ck_assert_int_eq(at(2018, 7, 15, 8, 0), 1531638000);
}
END_TEST

START_TEST(night_over_march_change)
{
	/* 23:30 on Sat 24 March 2018 to 08:00 Sun 25 March: 7.5 real hours. */
	instant_t s = at(2018, 3, 24, 23, 30);
	instant_t e = tz_instant(london, civil_from_ymd(2018, 3, 24),
				 24 * 60 + 8 * 60);

	ck_assert_int_eq(e - s, 7 * 3600 + 1800);
	assert_iso(e, "2018-03-25T08:00:00+01:00");
}
END_TEST

START_TEST(night_over_october_change)
{
	/* 23:30 on Sat 27 October 2018 to 08:00 Sun 28: 9.5 real hours. */
	instant_t s = at(2018, 10, 27, 23, 30);
	instant_t e = at(2018, 10, 28, 8, 0);

	ck_assert_int_eq(e - s, 9 * 3600 + 1800);
	assert_iso(s, "2018-10-27T23:30:00+01:00");
	assert_iso(e, "2018-10-28T08:00:00+00:00");
}
END_TEST

START_TEST(gap_and_repeat)
{
	/* 01:30 does not exist on 25 March: read with the offset before the
	 * gap, it is 01:30 UTC, shown as 02:30 BST (RFC 5545 3.3.5). */
	assert_iso(at(2018, 3, 25, 1, 30), "2018-03-25T02:30:00+01:00");
	/* 01:30 happens twice on 28 October: the first one, in BST. */
	assert_iso(at(2018, 10, 28, 1, 30), "2018-10-28T01:30:00+01:00");
	ck_assert_int_eq(at(2018, 10, 28, 2, 0) - at(2018, 10, 28, 1, 0),
			 7200);
}
END_TEST

START_TEST(day_lengths)
{
	ck_assert_int_eq(at(2018, 3, 26, 0, 0) - at(2018, 3, 25, 0, 0), 23 * 3600);
	ck_assert_int_eq(at(2018, 10, 29, 0, 0) - at(2018, 10, 28, 0, 0),
			 25 * 3600);
	ck_assert_int_eq(at(2018, 3, 27, 0, 0) - at(2018, 3, 26, 0, 0), 86400);
}
END_TEST

START_TEST(local_of_instant)
{
	int32_t day;
	int secs;

	tz_local(london, at(2018, 10, 28, 1, 30) + 3600, &day, &secs);
	ck_assert_int_eq(day, civil_from_ymd(2018, 10, 28));
	ck_assert_int_eq(secs, 3600 + 1800);   /* the second 01:30, GMT */
	ck_assert_int_eq(tz_offset(london, at(2018, 6, 1, 12, 0)), 3600);
}
END_TEST

START_TEST(other_zones)
{
	struct tz *ny = tz_open("America/New_York");
	char buf[TZ_ISO_LEN];

	ck_assert_ptr_nonnull(ny);
	tz_format_iso(ny, tz_instant(ny, civil_from_ymd(2018, 3, 11), 150), buf);
	ck_assert_str_eq(buf, "2018-03-11T03:30:00-04:00");
	tz_close(ny);
	ck_assert_ptr_null(tz_open("Mars/Olympus_Mons"));
	ck_assert_ptr_null(tz_open(""));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tz");
	TCase *tc = tcase_create("tz");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, winter_and_summer);
	tcase_add_test(tc, night_over_march_change);
	tcase_add_test(tc, night_over_october_change);
	tcase_add_test(tc, gap_and_repeat);
	tcase_add_test(tc, day_lengths);
	tcase_add_test(tc, local_of_instant);
	tcase_add_test(tc, other_zones);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
