#include "recruit.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "demand.h"
#include "problem.h"
#include "roster.h"

/* One neighbourhood, a week, support workers: 08:00-14:00 needs one,
 * 14:00-20:00 two.  d1 (1.0, band 3) and d2 (0.5, band 3) work earlies
 * only, l1 (1.0, band 5) lates only; no breaks.  The rota used: d1 on
 * every early, l1 on every late, so each day one person is short
 * 14:00-20:00: 6 h a day, 42 h in the week.  Contract caps: 1.0 FTE
 * 37.5 h + 7.5 tolerance = 45 h, 7 lates (42 h); 0.5 FTE 18.75 + 7.5 =
 * 26.25 h, 4 lates (24 h).  Every figure below is worked out by hand. */
static const char *json =
	"{\"rota7\": 1, \"name\": \"recruit\", \"timezone\": \"Europe/London\","
	" \"horizon\": {\"start\": \"2018-03-05\", \"days\": 7},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1000}],"
	" \"roles\": [{\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"name\": \"Community\", \"bands\": ["
	"   {\"label\": \"day\", \"from\": \"08:00\", \"to\": \"14:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]},"
	"   {\"label\": \"late\", \"from\": \"14:00\", \"to\": \"20:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 2}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\","
	"    \"end\": \"14:00\"},"
	"   {\"id\": \"late\", \"service\": \"cn\", \"start\": \"14:00\","
	"    \"end\": \"20:00\"}],"
	" \"skill_mix\": [{\"type\": \"senior\", \"service\": \"cn\","
	"   \"role\": \"nsw\", \"min_band\": %d, \"count\": 1}],"
	" \"staff\": ["
	"   {\"id\": \"d1\", \"role\": \"nsw\", \"band\": 3, \"neighbourhood\": \"a\","
	"    \"shifts\": [\"early\"]},"
	"   {\"id\": \"d2\", \"role\": \"nsw\", \"band\": 3, \"fte\": 0.5,"
	"    \"neighbourhood\": \"a\", \"shifts\": [\"early\"]},"
	"   {\"id\": \"l1\", \"role\": \"nsw\", \"band\": 5, \"neighbourhood\": \"a\","
	"    \"shifts\": [\"late\"]}]}";

struct world {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct recruit_pick picks[4];
	size_t n;
	double promised;
};

static void work(struct world *w, int p, int d)
{
	size_t v, end;

	problem_day_vars(&w->pb, p, d, &v, &end);
	ck_assert_uint_eq(end - v, 1);
	roster_set(&w->r, p, d, v);
}

static void world_open(struct world *w, int min_band)
{
	char *text = rota_strdupf(json, min_band);
	int d;

	ck_assert_ptr_nonnull(text);
	fixture_load_ok(text, &w->sc);
	free(text);
	demand_init(&w->d);
	problem_init(&w->pb);
	ck_assert_int_eq(demand_expand(&w->sc, &w->d, NULL), 0);
	ck_assert_int_eq(problem_build(&w->pb, &w->sc, &w->d, NULL), 0);
	ck_assert_int_eq(roster_setup(&w->r, &w->pb, NULL), 0);
	for (d = 0; d < 7; d++) {
		work(w, 0, d);
		work(w, 2, d);
	}
}

static void world_close(struct world *w)
{
	roster_release(&w->r);
	problem_release(&w->pb);
	demand_release(&w->d);
	scenario_release(&w->sc);
}

static void propose(struct world *w, double hours)
{
	ck_assert_int_eq(recruit_propose(&w->pb, &w->r, 3, hours, 4, w->picks,
					 &w->n, &w->promised, NULL), 0);
}

START_TEST(the_short_late_gets_a_full_time_copy_of_the_late_worker)
{
	struct world w;

	world_open(&w, 1);
	/* Asked for more than is short: one post meets all 42 h, and then
	 * nothing is short, so no second post. */
	propose(&w, 1000);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_int_eq(w.picks[0].like, 2);
	ck_assert_double_eq_tol(w.picks[0].fte, 1.0, 1e-12);
	ck_assert_int_eq(w.picks[0].band, 5);
	ck_assert_double_eq_tol(w.picks[0].value, 42, 1e-9);
	ck_assert_double_eq_tol(w.promised, 42, 1e-9);
	world_close(&w);
}
END_TEST

START_TEST(a_small_remainder_gets_a_part_time_post)
{
	struct world w;

	world_open(&w, 1);
	/* 20 h wanted: 0.5 FTE (4 lates, 24 h) is enough, and is the
	 * smaller of the sizes support workers have (0.5 and 1.0). */
	propose(&w, 20);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_int_eq(w.picks[0].like, 2);
	ck_assert_double_eq_tol(w.picks[0].fte, 0.5, 1e-12);
	ck_assert_double_eq_tol(w.promised, 24, 1e-9);
	world_close(&w);
}
END_TEST

START_TEST(no_post_where_no_copy_would_meet_anything)
{
	struct world w;

	world_open(&w, 1);
	/* Only d1 and d2 may be copied: earlies, all covered already. */
	ck_assert_int_eq(recruit_propose(&w.pb, &w.r, 2, 1000, 4, w.picks,
					 &w.n, &w.promised, NULL), 0);
	ck_assert_uint_eq(w.n, 0);
	ck_assert_double_eq_tol(w.promised, 0, 1e-12);
	/* Nothing wanted, nothing proposed. */
	propose(&w, 0);
	ck_assert_uint_eq(w.n, 0);
	world_close(&w);
}
END_TEST

START_TEST(post_hours_are_paid_hours_and_demand_met)
{
	struct world w;
	double worked, met;

	world_open(&w, 1);
	recruit_post_hours(&w.pb, &w.r, 2, &worked, &met);
	ck_assert_double_eq_tol(worked, 42, 1e-9);
	ck_assert_double_eq_tol(met, 42, 1e-9);
	world_close(&w);
}
END_TEST

START_TEST(a_senior_post_has_the_band_the_rule_needs)
{
	struct world w;
	struct recruit_pick k;

	/* Band 5 or above: l1 is one, so the post copies l1. */
	world_open(&w, 5);
	ck_assert_int_eq(recruit_senior(&w.sc, 3, "a", 0, &k), 0);
	ck_assert_int_eq(k.like, 2);
	ck_assert_int_eq(k.band, 5);
	ck_assert_int_eq(k.senior, 1);
	ck_assert_int_eq(recruit_senior(&w.sc, 3, "elsewhere", 0, &k), -1);
	world_close(&w);
	/* Band 6: nobody has it; the first support worker there is copied
	 * at band 6. */
	world_open(&w, 6);
	ck_assert_int_eq(recruit_senior(&w.sc, 3, "a", 0, &k), 0);
	ck_assert_int_eq(k.like, 0);
	ck_assert_int_eq(k.band, 6);
	world_close(&w);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("recruit");
	TCase *tc = tcase_create("recruit");

	tcase_add_test(tc, the_short_late_gets_a_full_time_copy_of_the_late_worker);
	tcase_add_test(tc, a_small_remainder_gets_a_part_time_post);
	tcase_add_test(tc, no_post_where_no_copy_would_meet_anything);
	tcase_add_test(tc, post_hours_are_paid_hours_and_demand_met);
	tcase_add_test(tc, a_senior_post_has_the_band_the_rule_needs);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
