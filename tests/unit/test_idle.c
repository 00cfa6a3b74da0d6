/* idle_find: who can never work where demand is, and why. */
#include "idle.h"

#include <check.h>

#include "demand.h"
#include "fixture.h"

/* One day, 25 March 2018 in London: 'gap' (01:30-02:00) does not occur. */
static const char *one_day =
	"{\"rota7\": 1, \"horizon\": {\"start\": \"2018-03-25\", \"days\": 1},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1},"
	"  {\"id\": \"b\", \"weighted_population\": 1}],"
	" \"roles\": [{\"id\": \"qn\"}, {\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"16:00\", \"require\": ["
	"     {\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"01:30\", \"to\": \"02:00\", \"require\": ["
	"     {\"role\": \"qn\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"day\", \"service\": \"cn\", \"start\": \"08:00\", \"end\": \"16:00\"},"
	"   {\"id\": \"gap\", \"service\": \"cn\", \"start\": \"01:30\", \"end\": \"02:00\"}],"
	" \"staff\": ["
	"  {\"id\": \"works\", \"role\": \"qn\", \"neighbourhood\": \"a\","
	"   \"requests\": [{\"date\": \"2018-03-25\", \"shift\": \"gap\", \"on\": true}]},"
	"  {\"id\": \"gaponly\", \"role\": \"qn\", \"neighbourhood\": \"a\", \"shifts\": [\"gap\"]},"
	"  {\"id\": \"sunday\", \"role\": \"qn\", \"neighbourhood\": \"b\","
	"   \"days_off_weekly\": [\"sun\"]},"
	"  {\"id\": \"support\", \"role\": \"nsw\", \"neighbourhood\": \"b\", \"shifts\": [\"day\"]},"
	"  {\"id\": \"none\", \"role\": \"qn\", \"neighbourhood\": \"b\", \"shifts\": []}]"
	"}";

START_TEST(reasons)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct idle_list l;
	struct rota_error err;
	const char *why = NULL;

	fixture_load_ok(one_day, &sc);
	demand_init(&d);
	problem_init(&pb);
	idle_list_init(&l);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(problem_build(&pb, &sc, &d, &err), 0);
	ck_assert_int_eq(idle_find(&pb, &l, &err), 0);
	ck_assert_uint_eq(l.n, 4);
	ck_assert_int_eq(l.items[0].staff, 1);
	ck_assert_int_eq(l.items[0].reason, IDLE_NO_SHIFT_DAY);
	ck_assert_int_eq(l.items[1].staff, 2);
	ck_assert_int_eq(l.items[1].reason, IDLE_NEVER_FREE);
	ck_assert_int_eq(l.items[2].staff, 3);
	ck_assert_int_eq(l.items[2].reason, IDLE_NO_DEMAND);
	ck_assert_int_eq(l.items[3].staff, 4);
	ck_assert_int_eq(l.items[3].reason, IDLE_NO_SHIFTS);
	ck_assert_int_eq(idle_request_impossible(&pb, 0, 0, &why), 1);
	ck_assert_str_eq(why, "the shift does not occur that day");
	idle_list_release(&l);
	rota_error_release(&err);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("idle");
	TCase *tc = tcase_create("idle");

	tcase_add_test(tc, reasons);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
