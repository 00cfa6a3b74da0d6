/* plan_time: financial quarters, --until, and each quarter's demand and
 * in post from dates, worked by hand; plan's in post for a starter. */
#include "plan_time.h"

#include <check.h>

#include "demand.h"
#include "fixture.h"
#include "plan.h"

/* A week from Monday 12 February 2018, one band of 10 hours a day that
 * ends on 15 May 2018, a starter in post from 15 February and another
 * from 16 August. */
static const char *json =
	"{\"rota7\": 1, \"horizon\": {\"start\": \"2018-02-12\", \"days\": 7},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1000}],"
	" \"roles\": [{\"id\": \"qn\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"18:00\", \"until\": \"2018-05-15\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}],"
	" \"planning\": {\"uplift_pct\": 0, \"hours_per_fte_week\": 35,"
	"   \"recruitment_lead_weeks\": 2},"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"qn\", \"neighbourhood\": \"a\", \"start\": \"2018-02-15\"},"
	"   {\"id\": \"p2\", \"role\": \"qn\", \"neighbourhood\": \"a\", \"fte\": 0.5,"
	"    \"start\": \"2018-08-16\"}]}";

START_TEST(quarters_and_until)
{
	struct rota_error err;
	int32_t u;

	rota_error_init(&err);
	ck_assert_int_eq(plan_time_parse_until("2021-03", &u, &err), 0);
	ck_assert_int_eq(u, civil_from_ymd(2021, 3, 31));
	ck_assert_int_eq(plan_time_parse_until("2020-02", &u, &err), 0);
	ck_assert_int_eq(u, civil_from_ymd(2020, 2, 29));
	ck_assert_int_eq(plan_time_parse_until("2020-06-15", &u, &err), 0);
	ck_assert_int_eq(u, civil_from_ymd(2020, 6, 15));
	ck_assert_int_eq(plan_time_parse_until("2021-3", &u, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	rota_error_release(&err);
}
END_TEST

START_TEST(demand_and_in_post_by_dates)
{
	struct scenario sc;
	struct plan_time pt;
	struct rota_error err;
	const struct plan_time_cell *c;
	char label[32];

	fixture_load_ok(json, &sc);
	rota_error_init(&err);
	ck_assert_int_eq(plan_time_compute(&sc, civil_from_ymd(2018, 12, 31),
					   &pt, &err), 0);
	/* 2017/18 Q4 (January-March 2018) to 2018/19 Q3. */
	ck_assert_uint_eq(pt.n_quarters, 4);
	plan_quarter_label(&pt.quarters[0], label, sizeof(label));
	ck_assert_str_eq(label, "2017/18 Q4");
	ck_assert_int_eq(pt.quarters[0].first, civil_from_ymd(2018, 1, 1));
	ck_assert_int_eq(pt.quarters[0].last, civil_from_ymd(2018, 3, 31));
	plan_quarter_label(&pt.quarters[3], label, sizeof(label));
	ck_assert_str_eq(label, "2018/19 Q3");
	/* Q4: the band is in force all quarter: 70 h a week, 2 FTE at 35 h.
	 * p1 from 15 February: 45 of the quarter's 90 days, 0.5 FTE. */
	c = plan_time_cell(&pt, 0, 0, 0);
	ck_assert_double_eq_tol(c->demand_hours_week, 70, 1e-9);
	ck_assert_double_eq_tol(c->required_fte, 2, 1e-9);
	ck_assert_double_eq_tol(c->in_post_fte, 0.5, 1e-9);
	ck_assert_int_eq(c->starters, 1);
	ck_assert_double_eq_tol(c->advertise_fte, 1.5, 1e-9);
	ck_assert_int_eq(pt.quarters[0].advertise_by,
			 civil_from_ymd(2017, 12, 18));
	/* 2018/19 Q1 (91 days): the band until 15 May, 45 days:
	 * 70 x 45/91 h; p1 all quarter. */
	c = plan_time_cell(&pt, 1, 0, 0);
	ck_assert_double_eq_tol(c->demand_hours_week, 70.0 * 45 / 91, 1e-9);
	ck_assert_double_eq_tol(c->in_post_fte, 1, 1e-9);
	ck_assert_double_eq_tol(c->advertise_fte, 0, 1e-9);
	/* Q2 (92 days): no demand; p2 from 16 August, 46 days of 0.5. */
	c = plan_time_cell(&pt, 2, 0, 0);
	ck_assert_double_eq_tol(c->demand_hours_week, 0, 1e-9);
	ck_assert_double_eq_tol(c->in_post_fte, 1.25, 1e-9);
	ck_assert_int_eq(c->starters, 1);
	plan_time_release(&pt);
	/* Before the horizon: refused. */
	ck_assert_int_eq(plan_time_compute(&sc, civil_from_ymd(2018, 2, 11),
					   &pt, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	rota_error_release(&err);
	scenario_release(&sc);
}
END_TEST

START_TEST(plan_counts_a_starter_pro_rata)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct rota_error err;

	fixture_load_ok(json, &sc);
	demand_init(&d);
	plan_init(&p);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(plan_compute(&sc, &d, &p, &err), 0);
	/* p1 in post 15-18 February: 4 of the horizon's 7 days; p2 none. */
	ck_assert_double_eq_tol(plan_cell(&p, 0, 0)->in_post_fte, 4.0 / 7,
				1e-9);
	ck_assert_int_eq(plan_cell(&p, 0, 0)->staff, 1);
	plan_release(&p);
	demand_release(&d);
	rota_error_release(&err);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plan_time");
	TCase *tc = tcase_create("plan_time");

	tcase_add_test(tc, quarters_and_until);
	tcase_add_test(tc, demand_and_in_post_by_dates);
	tcase_add_test(tc, plan_counts_a_starter_pro_rata);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
