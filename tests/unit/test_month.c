#include "month.h"

#include <check.h>
#include <stdlib.h>

#include "constraints.h"
#include "demand.h"
#include "fixture.h"
#include "load.h"
#include "problem.h"
#include "roster.h"

struct fix {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	size_t *pick;
	double *price;
};

static void fix_open(struct fix *f, const char *json, const char *path)
{
	struct rota_error err;

	rota_error_init(&err);
	if (json) {
		fixture_load_ok(json, &f->sc);
	} else {
		scenario_init(&f->sc);
		if (scenario_load(fixture_source_path(path), &f->sc, &err))
			ck_abort_msg("%s: %s", path,
				     err.kept ? err.entries[0].text : "?");
	}
	demand_init(&f->d);
	problem_init(&f->pb);
	ck_assert_int_eq(demand_expand(&f->sc, &f->d, &err), 0);
	ck_assert_int_eq(problem_build(&f->pb, &f->sc, &f->d, &err), 0);
	ck_assert_int_eq(roster_setup(&f->r, &f->pb, NULL), 0);
	f->pick = calloc((size_t)f->pb.days + 1, sizeof(size_t));
	f->price = calloc(f->pb.n_vars + 1, sizeof(double));
	ck_assert_ptr_nonnull(f->pick);
	ck_assert_ptr_nonnull(f->price);
	rota_error_release(&err);
}

static void fix_close(struct fix *f)
{
	free(f->pick);
	free(f->price);
	roster_release(&f->r);
	problem_release(&f->pb);
	demand_release(&f->d);
	scenario_release(&f->sc);
}

/* Person p's rules that the dynamic program claims to keep exactly:
 * every per-person family but weekly rest, which is not in its state. */
static void assert_sequence_rules(const struct fix *f, int p)
{
	struct rota_error err;

	rota_error_init(&err);
	if (constraints_check_person_except(&f->pb, &f->r, p, "weekly-rest",
					    &err))
		ck_abort_msg("%s", rota_error_last_text(&err));
}

/*
 * Every person of both examples, with every shift priced so that working
 * as much as possible pays: the rota presses against runs, nights in a
 * row, the weekend window and the hours cap, and must keep them all.
 */
static void press_everyone(const char *path)
{
	struct fix f;
	unsigned seed = 12345;
	size_t p, v;
	int d, round;

	fix_open(&f, NULL, path);
	for (round = 0; round < 2; round++)
		for (p = 0; p < f.sc.n_staff; p++) {
			for (v = 0; v < f.pb.n_vars; v++) {
				seed = seed * 1103515245u + 12345u;
				f.price[v] = -50.0 - (double)((seed >> 16) % 100);
			}
			ck_assert_int_eq(month_pick(&f.pb, (int)p, f.price,
						      f.pick), 0);
			for (d = 0; d < f.pb.days; d++) {
				if (f.pick[d] != ROSTER_NONE)
					ck_assert_int_eq((int)f.pb.vars[f.pick[d]].p,
							 (int)p);
				roster_set(&f.r, (int)p, d, f.pick[d]);
			}
			assert_sequence_rules(&f, (int)p);
		}
	fix_close(&f);
}

START_TEST(stockport_rotas_keep_sequence_rules)
{
	press_everyone("examples/stockport/scenario.json");
}
END_TEST

START_TEST(essex_rotas_keep_sequence_rules)
{
	press_everyone("examples/essex/scenario.json");
}
END_TEST

/*
 * March 2018 has five weekends (the last a Saturday alone).  At most 2
 * in any 4 in a row allows three of them (1, 3 and 5, or 1, 4 and 5),
 * which a count over the whole month would refuse.  Weekend shifts
 * priced far above weekday ones: the rota works 5 weekend days, and
 * never more than 6 days in a row.
 */
static const char *month =
	"{\"rota7\": 1, \"horizon\": {\"month\": \"2018-03\"},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 30000}],"
	" \"roles\": [{\"id\": \"qn\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"16:00\", \"require\": [{\"role\": \"qn\", \"count\": 1}]}]}],"
	" \"shifts\": [{\"id\": \"day\", \"service\": \"cn\", \"start\": \"08:00\","
	"              \"end\": \"16:00\", \"break_minutes\": 30}],"
	" \"staff\": [{\"id\": \"p1\", \"role\": \"qn\", \"neighbourhood\": \"a\"}]}";

START_TEST(weekend_window_by_mask)
{
	struct fix f;
	size_t v;
	int d, weekend_days = 0, run = 0, longest = 0;

	fix_open(&f, month, NULL);
	for (v = 0; v < f.pb.n_vars; v++) {
		int wd = civil_weekday(scenario_date(&f.sc, f.pb.vars[v].d));

		f.price[v] = wd >= 5 ? -1000 : -1;
	}
	ck_assert_int_eq(month_pick(&f.pb, 0, f.price, f.pick), 0);
	for (d = 0; d < f.pb.days; d++) {
		int wd = civil_weekday(scenario_date(&f.sc, d));

		roster_set(&f.r, 0, d, f.pick[d]);
		run = f.pick[d] != ROSTER_NONE ? run + 1 : 0;
		longest = run > longest ? run : longest;
		weekend_days += wd >= 5 && f.pick[d] != ROSTER_NONE;
	}
	ck_assert_int_eq(weekend_days, 5);
	ck_assert_int_eq(measure_weekends(&f.pb, &f.r, 0), 3);
	ck_assert_int_le(longest, 6);
	assert_sequence_rules(&f, 0);
	fix_close(&f);
}
END_TEST

/*
 * Every shift priced alike per hour: as the price per hour that keeps
 * the month under the hours cap rises, every day drops out at once.  The
 * month must still work up to within one shift of the cap; the first
 * price found that fits left it empty.
 */
START_TEST(hours_cap_with_prices_alike)
{
	struct fix f;
	size_t v;
	double paid, cap;

	fix_open(&f, month, NULL);
	for (v = 0; v < f.pb.n_vars; v++)
		f.price[v] = -100 * f.pb.vars[v].paid_hours;
	ck_assert_int_eq(month_person(&f.pb, 0, f.price, &f.r), 0);
	paid = roster_paid_hours(&f.r, 0);
	cap = measure_hours_cap(&f.pb, 0);
	ck_assert_double_le(paid, cap + 1e-9);
	ck_assert_double_gt(paid, cap - 7.5 - 1e-9);
	assert_sequence_rules(&f, 0);
	fix_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("pattern");
	TCase *tc = tcase_create("pattern");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, weekend_window_by_mask);
	tcase_add_test(tc, hours_cap_with_prices_alike);
	tcase_add_test(tc, stockport_rotas_keep_sequence_rules);
	tcase_add_test(tc, essex_rotas_keep_sequence_rules);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
