/*
 * Exit 3 is a proof, and only a proof: the day-level detector (dayproof)
 * on hand-made cases, and solve_run's status when it finds no rota (3
 * proven, 5 out of time, 130 stopped).
 */
#include "dayproof.h"

#include <check.h>
#include <string.h>

#include "demand.h"
#include "fixture.h"
#include "load.h"
#include "problem.h"
#include "solve.h"
#include "timer.h"

struct fix {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct rota_error err;
};

static void fix_open(struct fix *f, const char *json, const char *path)
{
	rota_error_init(&f->err);
	if (json) {
		fixture_load_ok(json, &f->sc);
	} else {
		scenario_init(&f->sc);
		if (scenario_load(fixture_source_path(path), &f->sc, &f->err))
			ck_abort_msg("%s: %s", path, rota_error_last_text(&f->err));
	}
	demand_init(&f->d);
	problem_init(&f->pb);
	ck_assert_int_eq(demand_expand(&f->sc, &f->d, &f->err), 0);
	ck_assert_int_eq(problem_build(&f->pb, &f->sc, &f->d, &f->err), 0);
}

static void fix_close(struct fix *f)
{
	rota_error_release(&f->err);
	problem_release(&f->pb);
	demand_release(&f->d);
	scenario_release(&f->sc);
}

#define BANK_HOLIDAY \
	"tests/golden/invalid/proof-01-bank-holiday-senior-on-leave.json"

START_TEST(bank_holiday_names_the_day_and_everyone)
{
	struct fix f;
	struct rota_error_entry *e;

	fix_open(&f, NULL, BANK_HOLIDAY);
	ck_assert_int_eq(dayproof_find(&f.pb, &f.err), -1);
	ck_assert_int_eq(f.err.status, ROTA_EINFEASIBLE);
	/* 7 May alone: the Saturdays have n004 and n010. */
	ck_assert_uint_eq(f.err.count, 1);
	e = &f.err.entries[0];
	ck_assert_str_eq(e->rule, "skill-mix");
	ck_assert_str_eq(e->who, "ash");
	ck_assert_int_eq(e->first_day, 6);
	ck_assert_int_eq(e->last_day, 6);
	ck_assert_ptr_nonnull(strstr(e->text, "'ash' on 2018-05-07 from 08:00 "
				     "to 18:00"));
	ck_assert_ptr_nonnull(strstr(e->text, "n004 on leave 2018-05-07"));
	ck_assert_ptr_nonnull(strstr(e->text, "n009 band 5 < 6"));
	ck_assert_ptr_nonnull(strstr(e->text, "n010 weekly day off 2018-05-07"));
	fix_close(&f);
}
END_TEST

/* One qn, band 6, in a one-day horizon; rule and staff spliced in. */
#define ONE_DAY(horizon, shifts, mix, staff) \
	"{\"rota7\": 1, \"horizon\": " horizon "," \
	"\"neighbourhoods\": [{\"id\": \"ash\", \"weighted_population\": 1}," \
	" {\"id\": \"elm\", \"weighted_population\": 1}]," \
	"\"roles\": [{\"id\": \"qn\", \"also_covers\": [{\"role\": \"nsw\"}]}," \
	" {\"id\": \"nsw\"}]," \
	"\"services\": [{\"id\": \"cn\", \"bands\": [{\"days\": [\"daily\"]," \
	" \"from\": \"08:00\", \"to\": \"18:00\"," \
	" \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}]," \
	"\"shifts\": [" shifts "]," \
	"\"skill_mix\": [" mix "]," \
	"\"rules\": {\"max_avg_weekly_hours\": 168}," \
	"\"staff\": [" staff "]}"

#define DAY_SHIFT "{\"id\": \"day\", \"service\": \"cn\", \"start\": \"08:00\"," \
	" \"end\": \"18:00\"}"
#define NIGHT_SHIFT "{\"id\": \"night\", \"service\": \"cn\"," \
	" \"start\": \"22:00\", \"end\": \"08:00\"}"

START_TEST(a_night_from_the_day_before_counts)
{
	/* n1 is on leave on the 6th, but her night of the 5th covers the
	 * 6th's small hours: no proof, though no shift of the 6th can. */
	struct fix f;

	fix_open(&f, ONE_DAY("{\"start\": \"2018-03-05\", \"days\": 2}",
			     DAY_SHIFT "," NIGHT_SHIFT,
			     "{\"type\": \"senior\", \"service\": \"cn\","
			     " \"scope\": \"borough\","
			     " \"role\": \"qn\", \"min_band\": 6, \"days\": [\"tue\"],"
			     " \"from\": \"00:00\", \"to\": \"06:00\"}",
			     "{\"id\": \"n1\", \"role\": \"qn\", \"band\": 6,"
			     " \"neighbourhood\": \"ash\", \"leave\": [{\"from\":"
			     " \"2018-03-06\", \"to\": \"2018-03-06\"}]}"),
		 NULL);
	ck_assert_int_eq(dayproof_find(&f.pb, &f.err), 0);
	ck_assert_int_eq(f.err.status, 0);
	fix_close(&f);
}
END_TEST

START_TEST(two_needed_one_can)
{
	struct fix f;
	const char *t;

	fix_open(&f, ONE_DAY("{\"start\": \"2018-03-05\", \"days\": 1}",
			     DAY_SHIFT,
			     "{\"type\": \"senior\", \"service\": \"cn\","
			     " \"role\": \"qn\", \"min_band\": 6, \"count\": 2,"
			     " \"from\": \"10:00\", \"to\": \"12:00\"}",
			     "{\"id\": \"n1\", \"role\": \"qn\", \"band\": 6,"
			     " \"neighbourhood\": \"ash\"},"
			     "{\"id\": \"n2\", \"role\": \"qn\", \"band\": 7,"
			     " \"neighbourhood\": \"ash\", \"shifts\": []},"
			     "{\"id\": \"n3\", \"role\": \"qn\", \"band\": 8,"
			     " \"neighbourhood\": \"elm\"},"
			     "{\"id\": \"s1\", \"role\": \"nsw\", \"band\": 6,"
			     " \"neighbourhood\": \"ash\"}"),
		 NULL);
	ck_assert_int_eq(dayproof_find(&f.pb, &f.err), -1);
	ck_assert_int_eq(f.err.status, ROTA_EINFEASIBLE);
	t = rota_error_last_text(&f.err);
	/* Both units: elm has n3 alone, ash n1. */
	ck_assert_uint_eq(f.err.count, 2);
	t = f.err.entries[0].text;
	ck_assert_ptr_nonnull(strstr(t, "2 'qn' of band 6 or above needed in "
				     "'ash' on 2018-03-05 from 10:00 to 12:00, "
				     "and at most 1 can be on duty (n1)"));
	ck_assert_ptr_nonnull(strstr(t, "n2 may not work 'day'"));
	ck_assert_ptr_nonnull(strstr(t, "1 other of role 'qn' may not work in "
				     "'ash'"));
	/* A support worker does not fill a nurse's place. */
	ck_assert_ptr_null(strstr(t, "s1"));
	fix_close(&f);
}
END_TEST

START_TEST(a_window_no_shift_reaches)
{
	struct fix f;

	fix_open(&f, ONE_DAY("{\"start\": \"2018-03-05\", \"days\": 1}",
			     DAY_SHIFT,
			     "{\"type\": \"senior\", \"service\": \"cn\","
			     " \"role\": \"qn\", \"min_band\": 6,"
			     " \"from\": \"07:00\", \"to\": \"12:00\"}",
			     "{\"id\": \"n1\", \"role\": \"qn\", \"band\": 6,"
			     " \"neighbourhood\": \"ash\", \"may_work_in\": \"borough\"}"),
		 NULL);
	ck_assert_int_eq(dayproof_find(&f.pb, &f.err), -1);
	ck_assert_ptr_nonnull(strstr(f.err.entries[0].text, "'ash' on 2018-03-05 "
				     "from 07:00 to 08:00, and at most 0"));
	ck_assert_ptr_nonnull(strstr(f.err.entries[0].text, "n1 no shift of "
				     "'cn' is on duty then"));
	fix_close(&f);
}
END_TEST

START_TEST(a_clock_change_day_says_local_times)
{
	/* 25 March 2018 in London: 01:00 becomes 02:00, and the window's
	 * 10:00 is 9 hours after midnight. */
	struct fix f;

	fix_open(&f, ONE_DAY("{\"start\": \"2018-03-25\", \"days\": 1}",
			     DAY_SHIFT,
			     "{\"type\": \"senior\", \"service\": \"cn\","
			     " \"role\": \"qn\", \"min_band\": 6,"
			     " \"from\": \"10:00\", \"to\": \"12:00\"}",
			     "{\"id\": \"n1\", \"role\": \"qn\", \"band\": 5,"
			     " \"neighbourhood\": \"ash\", \"may_work_in\": \"borough\"}"),
		 NULL);
	ck_assert_int_eq(dayproof_find(&f.pb, &f.err), -1);
	ck_assert_ptr_nonnull(strstr(f.err.entries[0].text, "on 2018-03-25 "
				     "from 10:00 to 12:00"));
	fix_close(&f);
}
END_TEST

static int solve_status(const char *path, double limit, const char **text,
			struct fix *f)
{
	struct solve_opts o;
	struct roster r = {0};
	struct solve_result res;
	int rc;

	solve_opts_init(&o, limit);
	o.seed = 1;

	fix_open(f, NULL, path);
	rc = solve_run(&f->pb, &o, &r, &res, &f->err);
	roster_release(&r);
	*text = rota_error_last_text(&f->err);
	return rc ? f->err.status : 0;
}

START_TEST(glpk_proof_is_exit_3_and_says_proved)
{
	struct fix f;
	const char *t;

	ck_assert_int_eq(solve_status("tests/tiny/08-sydney-senior-1p8d-cross.json",
				      60, &t, &f), ROTA_EINFEASIBLE);
	ck_assert_ptr_nonnull(strstr(t, "GLPK proved"));
	ck_assert_ptr_null(strstr(t, "time-limit"));
	fix_close(&f);
}
END_TEST

START_TEST(out_of_time_is_exit_5)
{
	/* Case 25 has a rota, which the greedy repair cannot find: with no
	 * time for GLPK the run proves nothing. */
	struct fix f;
	const char *t;

	ck_assert_int_eq(solve_status("tests/tiny/25-newyork-nov-senior-2p8d.json",
				      1e-6, &t, &f), ROTA_ELIMIT);
	ck_assert_ptr_nonnull(strstr(t, "no proof"));
	fix_close(&f);
	ck_assert_int_eq(solve_status("tests/tiny/25-newyork-nov-senior-2p8d.json",
				      60, &t, &f), 0);
	fix_close(&f);
}
END_TEST

/* Last: the stop flag, once raised, stays up for the whole process. */
START_TEST(stopped_before_a_rota_is_exit_130)
{
	struct fix f;
	const char *t;

	timer_request_stop();
	ck_assert_int_eq(solve_status("tests/tiny/25-newyork-nov-senior-2p8d.json",
				      60, &t, &f), ROTA_EINTERRUPTED);
	ck_assert_ptr_nonnull(strstr(t, "nothing written"));
	fix_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("dayproof");
	TCase *tc = tcase_create("dayproof");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, bank_holiday_names_the_day_and_everyone);
	tcase_add_test(tc, a_night_from_the_day_before_counts);
	tcase_add_test(tc, two_needed_one_can);
	tcase_add_test(tc, a_window_no_shift_reaches);
	tcase_add_test(tc, a_clock_change_day_says_local_times);
	tcase_add_test(tc, glpk_proof_is_exit_3_and_says_proved);
	tcase_add_test(tc, out_of_time_is_exit_5);
	tcase_add_test(tc, stopped_before_a_rota_is_exit_130);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
