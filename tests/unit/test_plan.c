#include "plan.h"

#include <check.h>

#include "fixture.h"

/* Two neighbourhoods in one locality; a 7-day horizon so weekly hours
 * are the horizon's hours. */
static const char *json =
	"{\"rota7\": 1, \"horizon\": {\"start\": \"2018-03-05\", \"days\": 7},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 30000},"
	"                      {\"id\": \"b\", \"weighted_population\": 10000}],"
	" \"groups\": {\"locality\": {\"ab\": [\"a\", \"b\"]}},"
	" \"roles\": [{\"id\": \"qn\"}, {\"id\": \"sw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"18:00\", \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"18:00\", \"to\": \"20:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 2}]}]}],"
	" \"planning\": {\"uplift_pct\": 20, \"hours_per_fte_week\": 37.5},"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"qn\", \"neighbourhood\": \"a\", \"fte\": 0.8},"
	"   {\"id\": \"p2\", \"role\": \"qn\", \"neighbourhood\": \"a\"},"
	"   {\"id\": \"p3\", \"role\": \"sw\", \"neighbourhood\": \"b\", \"fte\": 0.5}]}";

START_TEST(required_in_post_gap)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct rota_error err;
	const struct plan_cell *a, *b;

	fixture_load_ok(json, &sc);
	demand_init(&d);
	plan_init(&p);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(plan_compute(&sc, &d, &p, &err), 0);
	a = plan_cell(&p, 0, 0);
	b = plan_cell(&p, 1, 0);
	/* a: 70 h of day band + 3/4 of 28 locality hours = 91 h a week;
	 * x 1.2 / 37.5 = 2.912 FTE; in post 1.8; gap 1.112. */
	ck_assert_double_eq_tol(a->demand_hours_week, 91, 1e-9);
	ck_assert_double_eq_tol(a->required_fte, 2.912, 1e-9);
	ck_assert_double_eq_tol(a->in_post_fte, 1.8, 1e-9);
	ck_assert_double_eq_tol(a->gap_fte, 1.112, 1e-9);
	ck_assert_int_eq(a->staff, 2);
	/* b: 70 + 7 = 77 h -> 2.464 FTE, nobody in post. */
	ck_assert_double_eq_tol(b->demand_hours_week, 77, 1e-9);
	ck_assert_double_eq_tol(b->gap_fte, 2.464, 1e-9);
	/* An sw in post with no demand: a negative gap (over establishment). */
	ck_assert_double_eq_tol(plan_cell(&p, 1, 1)->gap_fte, -0.5, 1e-9);
	ck_assert_double_eq_tol(p.total.required_fte, 2.912 + 2.464, 1e-9);
	ck_assert_double_eq_tol(p.by_role[0].in_post_fte, 1.8, 1e-9);
	ck_assert_double_eq_tol(p.by_nbhd[1].in_post_fte, 0.5, 1e-9);
	ck_assert_double_eq_tol(p.service_role_hours[0], 168, 1e-9);
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("plan");
	TCase *tc = tcase_create("plan");

	tcase_add_test(tc, required_in_post_gap);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
