#include "coverage.h"

#include <check.h>
#include <string.h>

#include "fixture.h"
#include "demand.h"
#include "measure.h"
#include "problem.h"
#include "roster.h"

/* Two winter days in one neighbourhood.  08:00-20:00 needs two support
 * workers ("day") and 12:00-16:00 one more ("lunch"), so the day reads
 * as three windows: 08-12 two required, 12-16 three, 16-20 two.  On the
 * first day p1 works an early (08-14) and p2 a long day (08-20); on the
 * second nobody works.  Every figure below is worked out by hand. */
static const char *json =
	"{\"rota7\": 1, \"name\": \"coverage\", \"timezone\": \"Europe/London\","
	" \"horizon\": {\"start\": \"2018-03-05\", \"days\": 2},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1000}],"
	" \"roles\": [{\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"name\": \"Community\", \"bands\": ["
	"   {\"label\": \"day\", \"from\": \"08:00\", \"to\": \"20:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 2}]},"
	"   {\"label\": \"lunch\", \"from\": \"12:00\", \"to\": \"16:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\","
	"    \"end\": \"14:00\"},"
	"   {\"id\": \"long\", \"service\": \"cn\", \"start\": \"08:00\","
	"    \"end\": \"20:00\"}],"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"nsw\", \"neighbourhood\": \"a\"},"
	"   {\"id\": \"p2\", \"role\": \"nsw\", \"neighbourhood\": \"a\"},"
	"   {\"id\": \"p3\", \"role\": \"nsw\", \"neighbourhood\": \"a\"}]}";

struct world {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct coverage cv;
	struct rota_error err;
};

/* London is UTC until the clocks go forward on 25 March 2018, so winter
 * instants read straight off; `zone` is the hours to add. */
static void local_time(const void *zone, instant_t t, int32_t *day, int *secs)
{
	instant_t local = t + *(const int *)zone * 3600;

	*day = (int32_t)(local / 86400);
	*secs = (int)(local % 86400);
}

/* Person p works shift `shift` on day d. */
static void work(struct world *w, int p, int d, const char *shift)
{
	size_t v, end;

	problem_day_vars(&w->pb, p, d, &v, &end);
	for (; v < end; v++)
		if (!strcmp(w->sc.shifts[w->pb.vars[v].s].id, shift)) {
			roster_set(&w->r, p, d, v);
			return;
		}
	ck_abort_msg("no such shift");
}

/* Loads `text`; nobody works until the caller says so. */
static void world_load(struct world *w, const char *text)
{
	fixture_load_ok(text, &w->sc);
	demand_init(&w->d);
	problem_init(&w->pb);
	coverage_init(&w->cv);
	rota_error_init(&w->err);
	ck_assert_int_eq(demand_expand(&w->sc, &w->d, &w->err), 0);
	ck_assert_int_eq(problem_build(&w->pb, &w->sc, &w->d, &w->err), 0);
	ck_assert_int_eq(roster_setup(&w->r, &w->pb, NULL), 0);
}

static void world_cover(struct world *w, int hours_ahead)
{
	ck_assert_int_eq(coverage_compute(&w->cv, &w->pb, &w->d, &w->r,
					  local_time, &hours_ahead, &w->err), 0);
}

static void world_open(struct world *w, int hours_ahead)
{
	world_load(w, json);
	work(w, 0, 0, "early");
	work(w, 1, 0, "long");
	world_cover(w, hours_ahead);
}

static void world_close(struct world *w)
{
	coverage_release(&w->cv);
	roster_release(&w->r);
	problem_release(&w->pb);
	demand_release(&w->d);
	rota_error_release(&w->err);
	scenario_release(&w->sc);
}

static void check_row(const struct coverage_row *row, int from, int to,
		      int required, const char *label)
{
	ck_assert_int_eq(row->service, 0);
	ck_assert_int_eq(row->scope, SCOPE_NEIGHBOURHOOD);
	ck_assert_int_eq(row->unit, 0);
	ck_assert_int_eq(row->role, 0);
	ck_assert_int_eq(row->from_min, from);
	ck_assert_int_eq(row->to_min, to);
	ck_assert_int_eq(row->required, required);
	ck_assert_str_eq(row->label, label);
}

static void check_day(const struct coverage_day *cd, int staffed, int most,
		      double short_hours)
{
	ck_assert_int_eq(cd->staffed, staffed);
	ck_assert_int_eq(cd->most, most);
	ck_assert_double_eq_tol(cd->short_hours, short_hours, 1e-9);
}

static void check_span(const struct coverage_day *cd, int i, int from,
		       int to, int people)
{
	ck_assert_int_gt(cd->n_spans, i);
	ck_assert_int_eq(cd->span[i].from_min, from);
	ck_assert_int_eq(cd->span[i].to_min, to);
	ck_assert_int_eq(cd->span[i].people, people);
}

START_TEST(fewest_most_and_short_per_band_and_day)
{
	struct world w;
	double total = 0;
	size_t i;

	world_open(&w, 0);
	ck_assert_int_eq(w.cv.days, 2);
	ck_assert_uint_eq(w.cv.n, 3);
	check_row(&w.cv.rows[0], 8 * 60, 12 * 60, 2, "day");
	check_row(&w.cv.rows[1], 12 * 60, 16 * 60, 3, "day + lunch");
	check_row(&w.cv.rows[2], 16 * 60, 20 * 60, 2, "day");
	/* Day one: both on until 12; then one short 12-14 and two 14-16
	 * (p1 has gone home); p2 alone until 20. */
	check_day(&w.cv.rows[0].day[0], 2, 2, 0);
	check_day(&w.cv.rows[1].day[0], 1, 2, 1 * 2 + 2 * 2);
	check_day(&w.cv.rows[2].day[0], 1, 1, 1 * 4);
	/* Day two: nobody, every head short all day. */
	check_day(&w.cv.rows[0].day[1], 0, 0, 2 * 4);
	check_day(&w.cv.rows[1].day[1], 0, 0, 3 * 4);
	check_day(&w.cv.rows[2].day[1], 0, 0, 2 * 4);
	/* The shortfall is the rota's, counted once. */
	for (i = 0; i < w.cv.n; i++)
		total += w.cv.rows[i].day[0].short_hours +
			 w.cv.rows[i].day[1].short_hours;
	ck_assert_double_eq_tol(total, measure_uncovered_hours(&w.pb, &w.r),
				1e-9);
	ck_assert_double_eq_tol(total, 38, 1e-9);
	world_close(&w);
}
END_TEST

/* When each row is short, as a reader would fill it: day one's 12-16 is
 * short throughout (one person to 14:00, then two), 16-20 by one; 08-12
 * is met and has no stretch; day two is short all day. */
START_TEST(short_stretches_per_band_and_day)
{
	struct world w;

	world_open(&w, 0);
	ck_assert_int_eq(w.cv.rows[0].day[0].n_spans, 0);
	ck_assert_int_eq(w.cv.rows[1].day[0].n_spans, 1);
	check_span(&w.cv.rows[1].day[0], 0, 12 * 60, 16 * 60, 2);
	ck_assert_int_eq(w.cv.rows[2].day[0].n_spans, 1);
	check_span(&w.cv.rows[2].day[0], 0, 16 * 60, 20 * 60, 1);
	check_span(&w.cv.rows[0].day[1], 0, 8 * 60, 12 * 60, 2);
	ck_assert_int_eq(w.cv.rows[1].day[0].spans_merged, 0);
	world_close(&w);
}
END_TEST

/* One band 08:00-20:00 for one person and three short shifts: the band
 * is met 10-12, 14-16 and 18-19 and short in four stretches.  The first
 * two are kept as they are and the last widened over 16-20 (met 18-19),
 * marked as merged; the person-hours stay exact (2 + 2 + 2 + 1). */
static const char *gaps_json =
	"{\"rota7\": 1, \"timezone\": \"Europe/London\","
	" \"horizon\": {\"start\": \"2018-03-05\", \"days\": 1},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1000}],"
	" \"roles\": [{\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"label\": \"day\", \"from\": \"08:00\", \"to\": \"20:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"mid\", \"service\": \"cn\", \"start\": \"10:00\","
	"    \"end\": \"12:00\"},"
	"   {\"id\": \"aft\", \"service\": \"cn\", \"start\": \"14:00\","
	"    \"end\": \"16:00\"},"
	"   {\"id\": \"eve\", \"service\": \"cn\", \"start\": \"18:00\","
	"    \"end\": \"19:00\"}],"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"nsw\", \"neighbourhood\": \"a\"},"
	"   {\"id\": \"p2\", \"role\": \"nsw\", \"neighbourhood\": \"a\"},"
	"   {\"id\": \"p3\", \"role\": \"nsw\", \"neighbourhood\": \"a\"}]}";

START_TEST(many_stretches_widen_the_last)
{
	const struct coverage_day *cd;
	struct world w;

	world_load(&w, gaps_json);
	work(&w, 0, 0, "mid");
	work(&w, 1, 0, "aft");
	work(&w, 2, 0, "eve");
	world_cover(&w, 0);
	ck_assert_uint_eq(w.cv.n, 1);
	cd = &w.cv.rows[0].day[0];
	ck_assert_double_eq_tol(cd->short_hours, 7, 1e-9);
	ck_assert_int_eq(cd->n_spans, 3);
	check_span(cd, 0, 8 * 60, 10 * 60, 1);
	check_span(cd, 1, 12 * 60, 14 * 60, 1);
	check_span(cd, 2, 16 * 60, 20 * 60, 1);
	ck_assert_int_eq(cd->spans_merged, 1);
	world_close(&w);
}
END_TEST

/* A night band over midnight: its stretch ends past 24:00 of the day it
 * starts on, so 22:00-02:00 reads 1320 to 1560. */
static const char *night_json =
	"{\"rota7\": 1, \"timezone\": \"Europe/London\","
	" \"horizon\": {\"start\": \"2018-03-05\", \"days\": 2},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 1000}],"
	" \"roles\": [{\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"label\": \"night\", \"from\": \"22:00\", \"to\": \"02:00\","
	"    \"days\": [\"mon\"],"
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]}],"
	" \"shifts\": ["
	"   {\"id\": \"n\", \"service\": \"cn\", \"start\": \"22:00\","
	"    \"end\": \"02:00\"}],"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"nsw\", \"neighbourhood\": \"a\"}]}";

START_TEST(night_stretch_runs_past_midnight)
{
	const struct coverage_day *cd;
	struct world w;

	world_load(&w, night_json);
	world_cover(&w, 0);
	ck_assert_uint_eq(w.cv.n, 1);
	cd = &w.cv.rows[0].day[0];
	ck_assert_double_eq_tol(cd->short_hours, 4, 1e-9);
	ck_assert_int_eq(cd->n_spans, 1);
	check_span(cd, 0, 22 * 60, 26 * 60, 1);
	ck_assert_int_eq(w.cv.rows[0].day[1].staffed, -1);
	world_close(&w);
}
END_TEST

/* Wall-clock times and days come from the caller's zone: an hour ahead,
 * the same windows read an hour later. */
START_TEST(local_time_is_the_callers)
{
	struct world w;

	world_open(&w, 1);
	ck_assert_uint_eq(w.cv.n, 3);
	check_row(&w.cv.rows[0], 9 * 60, 13 * 60, 2, "day");
	check_row(&w.cv.rows[1], 13 * 60, 17 * 60, 3, "day + lunch");
	check_row(&w.cv.rows[2], 17 * 60, 21 * 60, 2, "day");
	check_day(&w.cv.rows[1].day[0], 1, 2, 6);
	world_close(&w);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("coverage");
	TCase *tc = tcase_create("coverage");

	tcase_add_test(tc, fewest_most_and_short_per_band_and_day);
	tcase_add_test(tc, local_time_is_the_callers);
	tcase_add_test(tc, short_stretches_per_band_and_day);
	tcase_add_test(tc, many_stretches_widen_the_last);
	tcase_add_test(tc, night_stretch_runs_past_midnight);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
