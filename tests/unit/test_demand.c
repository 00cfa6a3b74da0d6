#include "demand.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "problem.h"

/* Table 10 of the Stockport business case: weighted population of the
 * eight neighbourhoods, 336,656 in all. */
static const double table10[8] = {
	57617, 52778, 51849, 42403, 35759, 34962, 31883, 29406
};
/* Bramhall, Victoria, Tame Valley, Heatons, Werneth, Cheadle,
 * Stepping Hill, Marple. */

START_TEST(largest_remainder_48)
{
	/* 48 x share: 8.2149 7.5250 7.3925 6.0457 5.0985 4.9848 4.5458
	 * 4.1927.  Floors give 45; the three largest remainders are
	 * Cheadle .9848, Stepping Hill .5458 and Victoria .5250. */
	static const int want[8] = {8, 8, 7, 6, 5, 5, 5, 4};
	int out[8], i;

	ck_assert_int_eq(demand_largest_remainder(48, table10, 8, out), 0);
	for (i = 0; i < 8; i++)
		ck_assert_int_eq(out[i], want[i]);
}
END_TEST

START_TEST(largest_remainder_10_and_4)
{
	/* 10: floors 1 1 1 1 1 1 0 0 (6); remainders put the other four on
	 * Stepping Hill .947, Marple .8735, Bramhall .7114, Victoria .5677. */
	static const int want10[8] = {2, 2, 1, 1, 1, 1, 1, 1};
	/* 4: all floors 0; the four largest shares win. */
	static const int want4[8] = {1, 1, 1, 1, 0, 0, 0, 0};
	int out[8], i;

	demand_largest_remainder(10, table10, 8, out);
	for (i = 0; i < 8; i++)
		ck_assert_int_eq(out[i], want10[i]);
	demand_largest_remainder(4, table10, 8, out);
	for (i = 0; i < 8; i++)
		ck_assert_int_eq(out[i], want4[i]);
}
END_TEST

START_TEST(largest_remainder_ties_and_zeros)
{
	static const double equal[3] = {1, 1, 1};
	static const double zero[2] = {0, 0};
	static const double tie[3] = {1, 3, 1};
	int out[3];

	/* Equal shares: the earlier parts get the extra seats. */
	demand_largest_remainder(4, equal, 3, out);
	ck_assert_int_eq(out[0] * 100 + out[1] * 10 + out[2], 211);
	/* No population at all: shared equally. */
	demand_largest_remainder(3, zero, 2, out);
	ck_assert_int_eq(out[0] * 10 + out[1], 21);
	/* Quotas .4 1.2 .4: one seat by floor, the other to a remainder of
	 * .4; parts 0 and 2 tie in remainder and weight, so the earlier. */
	demand_largest_remainder(2, tie, 3, out);
	ck_assert_int_eq(out[0] * 100 + out[1] * 10 + out[2], 110);
}
END_TEST

START_TEST(round_half_up)
{
	ck_assert_int_eq(demand_round_half_up(2.5), 3);
	ck_assert_int_eq(demand_round_half_up(2.4999), 2);
	ck_assert_int_eq(demand_round_half_up(0.5), 1);
	ck_assert_int_eq(demand_round_half_up(0), 0);
	/* 0.35 per 100k of 1,000,000 is 3.5 however binary rounds it. */
	ck_assert_int_eq(demand_round_half_up(0.35 * 1000000 / 100000.0), 4);
}
END_TEST

/* The Stockport eight with a locality grouping, a day band with a total,
 * a per-100k band, a locality band and a weekday-only band. */
static const char *stockport =
	"{\"rota7\": 1, \"horizon\": {\"month\": \"2018-03\"},"
	" \"bank_holidays\": [\"2018-03-30\"],"
	" \"neighbourhoods\": ["
	"  {\"id\": \"bramhall\", \"weighted_population\": 57617},"
	"  {\"id\": \"victoria\", \"weighted_population\": 52778},"
	"  {\"id\": \"tame-valley\", \"weighted_population\": 51849},"
	"  {\"id\": \"heatons\", \"weighted_population\": 42403},"
	"  {\"id\": \"werneth\", \"weighted_population\": 35759},"
	"  {\"id\": \"cheadle\", \"weighted_population\": 34962},"
	"  {\"id\": \"stepping-hill\", \"weighted_population\": 31883},"
	"  {\"id\": \"marple\", \"weighted_population\": 29406}],"
	" \"groups\": {\"locality\": {"
	"   \"south\": [\"bramhall\", \"cheadle\"], \"north\": [\"heatons\", \"tame-valley\"],"
	"   \"central\": [\"victoria\", \"stepping-hill\"], \"east\": [\"marple\", \"werneth\"]}},"
	" \"roles\": [{\"id\": \"qn\"}, {\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"18:00\", \"require\": ["
	"     {\"role\": \"qn\", \"total\": 48, \"min\": 6},"
	"     {\"role\": \"nsw\", \"per_100k\": 4}]},"
	"   {\"from\": \"18:00\", \"to\": \"20:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"23:30\", \"to\": \"08:00\", \"scope\": \"borough\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 2}]},"
	"   {\"days\": [\"weekday\"], \"from\": \"08:30\", \"to\": \"16:30\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]}]"
	"}";

static double hours_where(const struct demand *d, int band, int unit,
			  int role)
{
	double h = 0;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].band == band && d->items[i].unit == unit &&
		    d->items[i].role == role)
			h += demand_item_hours(&d->items[i]);
	return h;
}

START_TEST(expansion)
{
	struct scenario sc;
	struct demand d;
	struct rota_error err;

	fixture_load_ok(stockport, &sc);
	demand_init(&d);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	/* Day band, qn, Bramhall: 8 (largest remainder, over min 6) x 10 h x
	 * 31 days = 2480; Marple 4 is raised to 6: 1860. */
	ck_assert_double_eq_tol(hours_where(&d, 0, 0, 0), 2480, 1e-9);
	ck_assert_double_eq_tol(hours_where(&d, 0, 7, 0), 1860, 1e-9);
	/* nsw per 100k: Bramhall 2.305 -> 2, Heatons 1.696 -> 2,
	 * Marple 1.176 -> 1. */
	ck_assert_double_eq_tol(hours_where(&d, 0, 0, 1), 620, 1e-9);
	ck_assert_double_eq_tol(hours_where(&d, 0, 3, 1), 620, 1e-9);
	ck_assert_double_eq_tol(hours_where(&d, 0, 7, 1), 310, 1e-9);
	/* Borough nights: 2 x 8.5 h x 31, less 2 x 1 h lost on 24/25 March. */
	ck_assert_double_eq_tol(hours_where(&d, 2, 0, 0), 2 * (8.5 * 31 - 1),
				1e-9);
	/* Weekday band: March 2018 has 22 weekdays, but Good Friday is
	 * staffed like a Sunday: 21 days x 8 h. */
	ck_assert_double_eq_tol(hours_where(&d, 3, 0, 1), 21 * 8, 1e-9);
	/* Locality band: one unit per locality, 2 h x 31. */
	ck_assert_double_eq_tol(hours_where(&d, 1, 2, 0), 62, 1e-9);
	rota_error_release(&err);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

START_TEST(bank_holiday_pattern)
{
	struct scenario sc;
	int day = 29;   /* Good Friday, 30 March 2018 */

	fixture_load_ok(stockport, &sc);
	ck_assert_int_eq(scenario_pattern_weekday(&sc, day), 6);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[3], day),
			 0);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[3],
					     day - 1), 1);
	sc.bank_holiday_pattern = -1;
	ck_assert_int_eq(scenario_pattern_weekday(&sc, day), 4);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[3], day),
			 1);
	scenario_release(&sc);
}
END_TEST

START_TEST(share_by_population)
{
	struct scenario sc;
	struct demand_item it = {0};
	double hours[8] = {0};

	fixture_load_ok(stockport, &sc);
	/* 10 locality hours of "south" (Bramhall 57617, Cheadle 34962). */
	it.scope = 0;
	it.unit = 0;
	it.required = 1;
	it.from = 0;
	it.to = 36000;
	demand_share_hours(&sc, &it, hours);
	ck_assert_double_eq_tol(hours[0], 10 * 57617 / 92579.0, 1e-9);
	ck_assert_double_eq_tol(hours[5], 10 * 34962 / 92579.0, 1e-9);
	ck_assert_double_eq_tol(hours[1], 0, 1e-12);
	scenario_release(&sc);
}
END_TEST

/* 25 March 2018 in London: 01:00-02:00 GMT does not exist.  A band or
 * shift from 01:30 to 02:00 is read 01:30 GMT to 02:00 BST, -0.5 real
 * hours; 01:30-02:30 is none; 01:00-03:00 straddles the gap and is one
 * real hour; 01:00-02:30 with an hour's break is half an hour, all
 * break. */
static const char *spring =
	"{\"rota7\": 1, \"horizon\": {\"start\": \"2018-03-24\", \"days\": 3},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1}],"
	" \"roles\": [{\"id\": \"qn\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"01:30\", \"to\": \"02:00\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"01:00\", \"to\": \"03:00\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"01:30\", \"to\": \"02:30\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"gap\", \"service\": \"cn\", \"start\": \"01:30\", \"end\": \"02:00\"},"
	"   {\"id\": \"across\", \"service\": \"cn\", \"start\": \"01:00\", \"end\": \"03:00\"},"
	"   {\"id\": \"none\", \"service\": \"cn\", \"start\": \"01:30\", \"end\": \"02:30\"},"
	"   {\"id\": \"rest\", \"service\": \"cn\", \"start\": \"01:00\", \"end\": \"02:30\","
	"    \"break_minutes\": 60}],"
	" \"staff\": [{\"id\": \"n1\", \"role\": \"qn\", \"neighbourhood\": \"a\"}]"
	"}";

static double hours_on(const struct demand *d, int band, int day)
{
	double h = 0;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].band == band && d->items[i].day == day) {
			ck_assert(d->items[i].to > d->items[i].from);
			h += demand_item_hours(&d->items[i]);
		}
	return h;
}

START_TEST(spring_gap_does_not_occur)
{
	struct scenario sc;
	struct demand d;
	struct rota_error err;

	fixture_load_ok(spring, &sc);
	demand_init(&d);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_double_eq_tol(hours_on(&d, 0, 0), 0.5, 1e-9);
	ck_assert_double_eq_tol(hours_on(&d, 0, 1), 0, 1e-12);
	ck_assert_double_eq_tol(hours_on(&d, 0, 2), 0.5, 1e-9);
	ck_assert_double_eq_tol(hours_on(&d, 1, 1), 1, 1e-9);
	ck_assert_double_eq_tol(hours_on(&d, 2, 1), 0, 1e-12);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[0], 1),
			 0);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[1], 1),
			 1);
	ck_assert_int_eq(demand_shift_occurs(&sc, 0, 0), 1);
	ck_assert_int_eq(demand_shift_occurs(&sc, 0, 1), 0);
	ck_assert_int_eq(demand_shift_occurs(&sc, 1, 1), 1);
	ck_assert_double_eq_tol(scenario_paid_hours(&sc, 1, 1), 1, 1e-9);
	ck_assert_int_eq(demand_shift_occurs(&sc, 2, 1), 0);
	ck_assert_int_eq(demand_shift_occurs(&sc, 3, 0), 1);
	ck_assert_int_eq(demand_shift_occurs(&sc, 3, 1), 0);
	rota_error_release(&err);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

/* The autumn repeat never shortens a shift to nothing: read as first
 * occurrences, 01:30-02:00 on 28 October 2018 is 01:30 BST to 02:00 GMT,
 * 1.5 real hours, and 01:00-01:30 stays half an hour. */
START_TEST(autumn_repeat_occurs)
{
	struct scenario sc;
	char *json = strdup(spring);
	char *at = strstr(json, "2018-03-24");

	ck_assert_ptr_nonnull(at);
	memcpy(at, "2018-10-27", 10);
	fixture_load_ok(json, &sc);
	ck_assert_int_eq(demand_shift_occurs(&sc, 0, 1), 1);
	ck_assert_double_eq_tol(scenario_paid_hours(&sc, 0, 1), 1.5, 1e-9);
	ck_assert_double_eq_tol(scenario_paid_hours(&sc, 1, 1), 3, 1e-9);
	ck_assert_int_eq(demand_shift_occurs(&sc, 3, 1), 1);
	ck_assert_double_eq_tol(scenario_paid_hours(&sc, 3, 1), 1.5, 1e-9);
	ck_assert_int_eq(demand_band_applies(&sc, &sc.services[0].bands[0], 1),
			 1);
	scenario_release(&sc);
	free(json);
}
END_TEST

/* The prepared problem has no variable for a shift on a day it does not
 * occur, and none with paid hours of zero or less. */
START_TEST(spring_gap_no_vars)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct rota_error err;
	size_t v;
	int seen[4][3] = {{0}};

	fixture_load_ok(spring, &sc);
	demand_init(&d);
	problem_init(&pb);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(problem_build(&pb, &sc, &d, &err), 0);
	for (v = 0; v < pb.n_vars; v++) {
		ck_assert(pb.vars[v].paid_hours > 0);
		seen[pb.vars[v].s][pb.vars[v].d] = 1;
	}
	ck_assert_int_eq(seen[0][0] + seen[0][1] * 10 + seen[0][2] * 100, 101);
	ck_assert_int_eq(seen[1][0] + seen[1][1] * 10 + seen[1][2] * 100, 111);
	ck_assert_int_eq(seen[2][0] + seen[2][1] * 10 + seen[2][2] * 100, 101);
	ck_assert_int_eq(seen[3][0] + seen[3][1] * 10 + seen[3][2] * 100, 101);
	for (v = 0; v < pb.n_cells; v++)
		ck_assert(pb.cells[v].to > pb.cells[v].from &&
			  pb.cells[v].required >= 0);
	rota_error_release(&err);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("demand");
	TCase *tc = tcase_create("demand");

	tcase_add_test(tc, largest_remainder_48);
	tcase_add_test(tc, largest_remainder_10_and_4);
	tcase_add_test(tc, largest_remainder_ties_and_zeros);
	tcase_add_test(tc, round_half_up);
	tcase_add_test(tc, expansion);
	tcase_add_test(tc, bank_holiday_pattern);
	tcase_add_test(tc, share_by_population);
	tcase_add_test(tc, spring_gap_does_not_occur);
	tcase_add_test(tc, spring_gap_no_vars);
	tcase_add_test(tc, autumn_repeat_occurs);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
