#include "civil.h"

#include <check.h>

#include "fixture.h"

START_TEST(epoch_and_round_trip)
{
	int32_t d;
	int y, m, dd;

	ck_assert_int_eq(civil_from_ymd(1970, 1, 1), 0);
	ck_assert_int_eq(civil_from_ymd(2018, 3, 25), 17615);
	for (d = -30000; d < 80000; d += 37) {
		civil_to_ymd(d, &y, &m, &dd);
		ck_assert_int_eq(civil_from_ymd(y, m, dd), d);
	}
}
END_TEST

START_TEST(weekdays)
{
	/* 25 March 2018 was a Sunday; 30 March 2018 (Good Friday) a Friday. */
	ck_assert_int_eq(civil_weekday(civil_from_ymd(2018, 3, 25)), 6);
	ck_assert_int_eq(civil_weekday(civil_from_ymd(2018, 3, 30)), 4);
	ck_assert_int_eq(civil_weekday(civil_from_ymd(1969, 12, 29)), 0);
	ck_assert_str_eq(civil_weekday_name(2), "wed");
	ck_assert_int_eq(civil_weekday_from_name("sat"), 5);
	ck_assert_int_eq(civil_weekday_from_name("Sat"), -1);
}
END_TEST

START_TEST(parse_dates)
{
	int32_t d;
	char buf[CIVIL_DATE_LEN];

	ck_assert_int_eq(civil_parse_date("2018-03-01", &d), 0);
	civil_format_date(d, buf);
	ck_assert_str_eq(buf, "2018-03-01");
	ck_assert_int_eq(civil_parse_date("2016-02-29", &d), 0);
	ck_assert_int_eq(civil_parse_date("2018-02-29", &d), -1);
	ck_assert_int_eq(civil_parse_date("1900-02-29", &d), -1);
	ck_assert_int_eq(civil_parse_date("2000-02-29", &d), 0);
	ck_assert_int_eq(civil_parse_date("2018-13-01", &d), -1);
	ck_assert_int_eq(civil_parse_date("2018-3-01", &d), -1);
	ck_assert_int_eq(civil_parse_date("01/03/2018", &d), -1);
	ck_assert_int_eq(civil_parse_date("2018-03-01T", &d), -1);
	ck_assert_int_eq(civil_parse_date("3018-03-01", &d), -1);
}
END_TEST

START_TEST(parse_times)
{
	int m, y, mo;

	ck_assert_int_eq(civil_parse_hhmm("00:00", &m), 0);
	ck_assert_int_eq(m, 0);
	ck_assert_int_eq(civil_parse_hhmm("23:59", &m), 0);
	ck_assert_int_eq(m, 1439);
	ck_assert_int_eq(civil_parse_hhmm("24:00", &m), -1);
	ck_assert_int_eq(civil_parse_hhmm("8:00", &m), -1);
	ck_assert_int_eq(civil_parse_hhmm("12:60", &m), -1);
	ck_assert_int_eq(civil_parse_hhmm("12-30", &m), -1);
	ck_assert_int_eq(civil_parse_month("2018-03", &y, &mo), 0);
	ck_assert_int_eq(y * 100 + mo, 201803);
	ck_assert_int_eq(civil_parse_month("2018-00", &y, &mo), -1);
	ck_assert_int_eq(civil_days_in_month(2018, 2), 28);
	ck_assert_int_eq(civil_days_in_month(2020, 2), 29);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("civil");
	TCase *tc = tcase_create("civil");

	tcase_add_test(tc, epoch_and_round_trip);
	tcase_add_test(tc, weekdays);
	tcase_add_test(tc, parse_dates);
	tcase_add_test(tc, parse_times);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
