#include "load.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

/* A small scenario with one of nearly everything, mostly on defaults. */
static const char *base =
	"{\"rota7\": 1, \"name\": \"Test\", \"horizon\": {\"month\": \"2018-03\"},"
	" \"bank_holidays\": [\"2018-03-30\", \"2018-01-01\", \"2018-03-30\"],"
	" \"neighbourhoods\": ["
	"  {\"id\": \"bramhall\", \"name\": \"Bramhall\", \"weighted_population\": 57617},"
	"  {\"id\": \"cheadle\", \"weighted_population\": 34962},"
	"  {\"id\": \"marple\", \"weighted_population\": 29406}],"
	" \"groups\": {\"locality\": {\"south\": [\"bramhall\", \"cheadle\"],"
	"                          \"east\": [\"marple\"]}},"
	" \"roles\": [{\"id\": \"qn\", \"name\": \"Qualified nurse\","
	"             \"also_covers\": [{\"role\": \"nsw\", \"penalty\": 2},"
	"                               {\"role\": \"hca\"}]},"
	"           {\"id\": \"nsw\"}, {\"id\": \"hca\"}, {\"id\": \"sw\"}],"
	" \"services\": [{\"id\": \"cn\", \"name\": \"Community nursing\", \"bands\": ["
	"   {\"label\": \"Day\", \"from\": \"08:00\", \"to\": \"18:00\","
	"    \"require\": [{\"role\": \"qn\", \"total\": 5, \"min\": 1}]},"
	"   {\"label\": \"Night\", \"days\": [\"weekend\", \"mon\"], \"from\": \"23:30\","
	"    \"to\": \"08:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]},"
	"  {\"id\": \"sw\", \"bands\": [{\"from\": \"09:00\", \"to\": \"17:00\","
	"    \"days\": [\"weekday\"], \"require\": [{\"role\": \"sw\", \"per_100k\": 2}]}]}],"
	" \"shifts\": ["
	"  {\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\", \"end\": \"16:00\","
	"   \"break_minutes\": 30},"
	"  {\"id\": \"night\", \"service\": \"cn\", \"start\": \"23:30\", \"end\": \"08:00\"},"
	"  {\"id\": \"twilight\", \"service\": \"cn\", \"start\": \"20:00\", \"end\": \"01:00\"},"
	"  {\"id\": \"office\", \"service\": \"sw\", \"start\": \"09:00\", \"end\": \"17:00\"}],"
	" \"rules\": {\"max_shifts\": {\"night\": 4}},"
	" \"staff\": ["
	"  {\"id\": \"n1\", \"name\": \"Si\xc3\xa2n\", \"role\": \"qn\", \"band\": 6,"
	"   \"neighbourhood\": \"bramhall\", \"may_work_in\": \"locality\","
	"   \"leave\": [{\"from\": \"2018-02-26\", \"to\": \"2018-03-02\"}],"
	"   \"days_off_weekly\": [\"wed\"],"
	"   \"requests\": [{\"date\": \"2018-03-03\", \"off\": true, \"weight\": 3},"
	"                  {\"date\": \"2018-03-05\", \"shift\": \"night\", \"on\": true},"
	"                  {\"date\": \"2018-04-05\", \"off\": true}],"
	"   \"rules\": {\"max_nights_in_a_row\": 0, \"max_shifts\": {\"early\": 10}},"
	"   \"x-note\": \"free\"},"
	"  {\"id\": \"s1\", \"role\": \"sw\", \"neighbourhood\": \"marple\","
	"   \"fte\": 0.6, \"may_work_in\": [\"cheadle\"], \"shifts\": [\"office\"]}]"
	"}";

START_TEST(loads_with_defaults)
{
	struct scenario sc;
	const struct staff *n1, *s1;

	fixture_load_ok(base, &sc);
	ck_assert_str_eq(sc.name, "Test");
	ck_assert_str_eq(sc.timezone, "Europe/London");
	ck_assert_int_eq(sc.horizon.days, 31);
	ck_assert_int_eq(sc.horizon.start, civil_from_ymd(2018, 3, 1));
	ck_assert_uint_eq(sc.n_bank_holidays, 2);   /* sorted, unique */
	ck_assert_int_eq(sc.bank_holidays[0], civil_from_ymd(2018, 1, 1));
	ck_assert_int_eq(sc.bank_holiday_pattern, 6);
	ck_assert_uint_eq(sc.n_kinds, 1);
	ck_assert_double_eq(sc.kinds[0].groups[0].weighted_population, 92579);
	ck_assert_int_eq(sc.kinds[0].group_of[2], 1);
	/* also_covers penalty defaults to weights.substitution_hour. */
	ck_assert_double_eq(sc.roles[0].covers[1].penalty, 1);
	ck_assert_uint_eq(sc.services[0].bands[0].days, DAYS_DAILY);
	ck_assert_uint_eq(sc.services[0].bands[1].days, DAYS_WEEKEND | 1u);
	ck_assert_int_eq(sc.services[0].bands[1].scope, 0);
	/* night derived from the 3-hour rule; twilight has 2 hours. */
	ck_assert_int_eq(sc.shifts[1].night, 1);
	ck_assert_int_eq(sc.shifts[2].night, 0);
	ck_assert_int_eq(sc.shifts[0].night, 0);
	ck_assert_double_eq(sc.rules.min_rest_hours, 11);
	ck_assert_int_eq(sc.rules.max_shifts[1], 4);
	ck_assert_int_eq(sc.rules.max_shifts[0], -1);
	ck_assert_double_eq(sc.weights.uncovered_hour, 1000);
	ck_assert_double_eq(sc.planning.hours_per_fte_week, 37.5);

	n1 = &sc.staff[0];
	ck_assert_str_eq(n1->name, "Si\xc3\xa2n");
	ck_assert_double_eq(n1->fte, 1.0);
	ck_assert_int_eq(n1->may_work[0] + n1->may_work[1] + n1->may_work[2], 2);
	/* Default shifts: every cn shift (qn demand there), not sw's. */
	ck_assert_int_eq(n1->allowed[0] + n1->allowed[1] + n1->allowed[2], 3);
	ck_assert_int_eq(n1->allowed[3], 0);
	ck_assert_int_eq(n1->leave[0].from_day, -3);
	ck_assert_int_eq(n1->leave[0].to_day, 1);
	ck_assert_str_eq(n1->leave[0].kind, "annual");
	ck_assert_uint_eq(n1->days_off_weekly, 1u << 2);
	ck_assert_uint_eq(n1->n_requests, 2);       /* April one dropped */
	ck_assert_int_eq(n1->requests[1].shift, 1);
	ck_assert_int_eq(n1->requests[1].on, 1);
	ck_assert_int_eq(n1->rules.max_nights_in_a_row, 0);
	ck_assert_int_eq(n1->rules.max_days_in_a_row, 6);
	ck_assert_int_eq(n1->rules.max_shifts[0], 10);
	ck_assert_int_eq(n1->rules.max_shifts[1], 4);   /* inherited */

	s1 = &sc.staff[1];
	ck_assert_int_eq(s1->may_work[1] + s1->may_work[2], 2);
	ck_assert_int_eq(s1->allowed[3], 1);
	ck_assert_int_eq(s1->allowed[0], 0);
	scenario_release(&sc);
}
END_TEST

START_TEST(instants_cross_the_clock_change)
{
	struct scenario sc;
	int day = 23;   /* Saturday 24 March 2018 */

	fixture_load_ok(base, &sc);
	ck_assert_int_eq(sc.shifts[1].end_at[day] - sc.shifts[1].start_at[day],
			 7 * 3600 + 1800);
	ck_assert_double_eq(scenario_paid_hours(&sc, 1, day), 7.5);
	ck_assert_double_eq(scenario_paid_hours(&sc, 0, day), 7.5);
	ck_assert_int_eq(sc.horizon.day_start[25] - sc.horizon.day_start[24],
			 23 * 3600);
	scenario_release(&sc);
}
END_TEST

/* Replaces the first occurrence of `from` in base with `to`. */
static char *patched(const char *from, const char *to)
{
	static char buf[16384];
	const char *at = strstr(base, from);
	int n;

	ck_assert_ptr_nonnull(at);
	n = snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(at - base), base, to,
		     at + strlen(from));
	ck_assert_int_lt(n, (int)sizeof(buf));
	return buf;
}

static void expect_error(const char *json, const char *needle)
{
	struct scenario sc;
	struct rota_error err;
	size_t i;

	rota_error_init(&err);
	ck_assert_int_eq(fixture_load(json, &sc, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	if (!fixture_has_message(&err, needle)) {
		for (i = 0; i < err.kept; i++)
			fprintf(stderr, "got: %s\n", err.entries[i].text);
		ck_abort_msg("no message contains \"%s\"", needle);
	}
	/* Released on failure: the caller has nothing to free. */
	ck_assert_ptr_null(sc.staff);
	ck_assert_ptr_null(sc.neighbourhoods);
	rota_error_release(&err);
}

START_TEST(located_errors)
{
	expect_error(patched("\"role\": \"sw\", \"neighbourhood\"",
			     "\"role\": \"nurse\", \"neighbourhood\""),
		     "test.json: $.staff[1] (s1).role: unknown role 'nurse'");
	expect_error(patched("\"fte\": 0.6", "\"fte\": 1.6"),
		     "$.staff[1] (s1).fte: 1.6 out of range");
	expect_error(patched("\"total\": 5,", "\"total\": 5, \"count\": 2,"),
		     "$.services[0].bands[0].require[0]: give exactly one of");
	expect_error(patched("\"east\": [\"marple\"]", "\"east\": [\"cheadle\"]"),
		     "$.groups.locality.east[0]: neighbourhood 'cheadle' is "
		     "already in group 'south'");
	expect_error(patched("\"to\": \"2018-03-02\"", "\"to\": \"2018-02-02\""),
		     "$.staff[0] (n1).leave[0]: leave ends before it starts");
	expect_error(patched("\"month\": \"2018-03\"", "\"start\": \"2018-03-01\", "
			     "\"days\": 367"), "$.horizon.days: 367 out of range");
	expect_error(patched("\"name\": \"Test\",", "\"name\": \"Test\", "
			     "\"timezone\": \"Europe/Londres\","),
		     "$.timezone: unknown timezone 'Europe/Londres'");
	expect_error(patched("\"x-note\"", "\"note\""),
		     "$.staff[0] (n1): unknown key 'note'");
	/* No id, or one that is not plain, and the index alone. */
	expect_error(patched("{\"id\": \"s1\", \"role\": \"sw\"",
			     "{\"id\": \"s(1)\", \"role\": \"nurse\""),
		     "$.staff[1].role: unknown role 'nurse'");
	expect_error(patched("{\"id\": \"s1\", \"role\": \"sw\"",
			     "{\"role\": \"nurse\""),
		     "$.staff[1].role: unknown role 'nurse'");
	expect_error(patched("\"2018-03-30\", \"2018-01-01\"",
			     "\"2018-02-30\", \"2018-01-01\""),
		     "$.bank_holidays[0]: invalid date '2018-02-30'");
	expect_error(patched("\"08:00\", \"to\": \"18:00\"",
			     "\"08:00\", \"to\": \"24:00\""),
		     "$.services[0].bands[0].to: invalid time '24:00'");
}
END_TEST

/* staff[].fixed: pins read, each pin to work priced as a REQUEST_FIXED
 * request (not one of the person's own), and refused naming both sides
 * where they contradict the person's leave, weekly day off or shifts. */
START_TEST(pins)
{
	struct scenario sc;
	const struct staff *s1;

	fixture_load_ok(patched("\"shifts\": [\"office\"]}", "\"shifts\": "
				"[\"office\"], \"fixed\": [{\"date\": \"2018-03-06\","
				" \"shift\": \"office\"}, {\"date\": \"2018-03-07\", "
				"\"off\": true}, {\"date\": \"2018-04-01\", "
				"\"off\": true}]}"), &sc);
	s1 = &sc.staff[1];
	ck_assert_uint_eq(s1->n_fixed, 2);          /* April's dropped */
	ck_assert_int_eq(s1->fixed[0].day, 5);
	ck_assert_int_eq(s1->fixed[0].shift, scenario_find_shift(&sc, "office"));
	ck_assert_int_eq(s1->fixed[1].shift, -1);
	ck_assert_ptr_eq(staff_fixed(s1, 6), &s1->fixed[1]);
	ck_assert_ptr_null(staff_fixed(s1, 7));
	ck_assert_uint_eq(s1->n_requests, 1);
	ck_assert_int_eq(s1->requests[0].kind, REQUEST_FIXED);
	ck_assert(s1->requests[0].on && s1->requests[0].day == 5);
	ck_assert(s1->requests[0].weight * sc.weights.request >= 1e7);
	ck_assert_int_eq(sc.staff[0].requests[0].kind, REQUEST_STAFF);
	scenario_release(&sc);

	expect_error(patched("\"x-note\"", "\"fixed\": [{\"date\": "
			     "\"2018-03-01\", \"shift\": \"early\"}], \"x-note\""),
		     "$.staff[0] (n1).fixed[0]: pin to shift 'early' on 2018-03-01 "
		     "contradicts the leave of 'n1' ($.staff[0] (n1).leave[0])");
	expect_error(patched("\"x-note\"", "\"fixed\": [{\"date\": "
			     "\"2018-03-07\", \"shift\": \"early\"}], \"x-note\""),
		     "contradicts the weekly day off 'wed' of 'n1' "
		     "($.staff[0] (n1).days_off_weekly)");
	expect_error(patched("\"shifts\": [\"office\"]}", "\"shifts\": "
			     "[\"office\"], \"fixed\": [{\"date\": \"2018-03-06\","
			     " \"shift\": \"early\"}]}"),
		     "$.staff[1] (s1).fixed[0].shift: pin to shift 'early' contradicts "
		     "the shifts 's1' may work ($.staff[1] (s1).shifts)");
	expect_error(patched("\"shifts\": [\"office\"]}", "\"shifts\": "
			     "[\"office\"], \"fixed\": [{\"date\": \"2018-03-06\","
			     " \"off\": true}, {\"date\": \"2018-03-06\", "
			     "\"off\": true}]}"),
		     "$.staff[1] (s1).fixed[1]: a second pin for the same date");
	expect_error(patched("\"shifts\": [\"office\"]}", "\"shifts\": "
			     "[\"office\"], \"fixed\": [{\"date\": \"2018-03-06\","
			     " \"off\": true, \"shift\": \"office\"}]}"),
		     "$.staff[1] (s1).fixed[0]: a pin needs exactly one of");
}
END_TEST

START_TEST(all_errors_reported)
{
	struct scenario sc;
	struct rota_error err;
	char *json = patched("\"fte\": 0.6", "\"fte\": -1, \"band\": 12");

	rota_error_init(&err);
	ck_assert_int_eq(fixture_load(json, &sc, &err), -1);
	ck_assert_uint_eq(err.count, 2);
	ck_assert(fixture_has_message(&err, "$.staff[1] (s1).fte"));
	ck_assert(fixture_has_message(&err, "$.staff[1] (s1).band"));
	rota_error_release(&err);
}
END_TEST

START_TEST(syntax_error_has_line_and_column)
{
	struct scenario sc;
	struct rota_error err;

	rota_error_init(&err);
	ck_assert_int_eq(fixture_load("{\"rota7\": 1,\n  \"name\": ,\n}", &sc,
				      &err), -1);
	ck_assert(fixture_has_message(&err, "test.json:2:11:"));
	rota_error_release(&err);
	rota_error_init(&err);
	ck_assert_int_eq(fixture_load("{\"rota7\": 1, \"rota7\": 1}", &sc, &err),
			 -1);
	ck_assert(fixture_has_message(&err, "duplicate object key"));
	rota_error_release(&err);
}
END_TEST

START_TEST(error_cap)
{
	struct scenario sc;
	struct rota_error err;
	char json[8192];
	size_t n = 0;
	int i;

	n += (size_t)snprintf(json, sizeof(json), "{\"rota7\": 1");
	for (i = 0; i < 80; i++)
		n += (size_t)snprintf(json + n, sizeof(json) - n, ", \"k%d\": 1", i);
	snprintf(json + n, sizeof(json) - n, "}");
	rota_error_init(&err);
	ck_assert_int_eq(fixture_load(json, &sc, &err), -1);
	ck_assert_uint_eq(err.kept, ROTA_ERROR_CAP);
	ck_assert_uint_gt(err.count, 80);
	rota_error_release(&err);
}
END_TEST

START_TEST(missing_file)
{
	struct scenario sc;
	struct rota_error err;

	scenario_init(&sc);
	rota_error_init(&err);
	ck_assert_int_eq(scenario_load("/nonexistent/x.json", &sc, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	ck_assert(fixture_has_message(&err, "/nonexistent/x.json: cannot open"));
	rota_error_release(&err);
}
END_TEST

START_TEST(examples_load)
{
	static const char *const files[] = {
		"examples/stockport/scenario.json", "examples/essex/scenario.json"
	};
	struct scenario sc;
	struct rota_error err;
	size_t i;

	for (i = 0; i < 2; i++) {
		scenario_init(&sc);
		rota_error_init(&err);
		if (scenario_load(fixture_source_path(files[i]), &sc, &err))
			ck_abort_msg("%s: %s", files[i],
				     err.kept ? err.entries[0].text : "?");
		ck_assert_uint_gt(sc.n_staff, 100);
		scenario_release(&sc);
		rota_error_release(&err);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("load");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, loads_with_defaults);
	tcase_add_test(tc, instants_cross_the_clock_change);
	tcase_add_test(tc, located_errors);
	tcase_add_test(tc, all_errors_reported);
	tcase_add_test(tc, syntax_error_has_line_and_column);
	tcase_add_test(tc, pins);
	tcase_add_test(tc, error_cap);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, examples_load);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
