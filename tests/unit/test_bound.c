#include "bound.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
};

static void fix_open(struct fix *f, const char *path)
{
	struct rota_error err;

	rota_error_init(&err);
	scenario_init(&f->sc);
	if (scenario_load(fixture_source_path(path), &f->sc, &err))
		ck_abort_msg("%s: %s", path, rota_error_last_text(&err));
	demand_init(&f->d);
	problem_init(&f->pb);
	ck_assert_int_eq(demand_expand(&f->sc, &f->d, &err), 0);
	ck_assert_int_eq(problem_build(&f->pb, &f->sc, &f->d, &err), 0);
	rota_error_release(&err);
}

static void fix_close(struct fix *f)
{
	problem_release(&f->pb);
	demand_release(&f->d);
	scenario_release(&f->sc);
}

/* The bound after n steps aimed at the empty rota, as solve.c runs it;
 * *steps: how many it took. */
static double bound_of(const struct problem *pb, long n, long *steps)
{
	struct bound b;
	struct roster empty;
	double best;

	ck_assert_int_eq(roster_setup(&empty, pb, NULL), 0);
	ck_assert_int_eq(bound_setup(&b, pb, NULL), 0);
	b.upper = constraints_cost(pb, &empty);
	bound_steps(&b, n);
	best = b.best;
	*steps = b.iterations;
	bound_release(&b);
	roster_release(&empty);
	return best;
}

/*
 * The bound is a bound: on every tiny case it is at most the optimum the
 * exhaustive search (tests/tools/exhaustive.py) proved, however many
 * steps it takes, and at most the empty rota's objective.
 */
START_TEST(bound_below_tiny_optima)
{
	DIR *dir = opendir(fixture_source_path("tests/tiny"));
	struct dirent *e;
	int cases = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		char rel[512];
		struct fix f;
		double opt, lb;
		long steps;
		long n[] = { 1, 30, 800 };
		size_t i;

		if (len < 6 || strcmp(e->d_name + len - 5, ".json") ||
		    strstr(e->d_name, ".expect.") ||
		    !fixture_tiny_optimum(e->d_name, &opt))
			continue;
		snprintf(rel, sizeof(rel), "tests/tiny/%s", e->d_name);
		fix_open(&f, rel);
		for (i = 0; i < sizeof(n) / sizeof(n[0]); i++) {
			lb = bound_of(&f.pb, n[i], &steps);
			ck_assert_msg(lb <= opt + 1e-6 * fmax(1, fabs(opt)),
				      "%s: bound %.6f after %ld steps above the "
				      "optimum %.6f", e->d_name, lb, steps, opt);
		}
		fix_close(&f);
		cases++;
	}
	closedir(dir);
	ck_assert_int_ge(cases, 30);
}
END_TEST

/*
 * Where the first prices (every cell at its uncovered price) are
 * already optimal, no projected step can move them, and the bound says
 * so after one step instead of halving its step size for hundreds
 * (tests/tiny/02: 256 steps before, to the same value).
 */
START_TEST(bound_stops_at_optimal_prices)
{
	struct fix f;
	long steps;
	double lb;

	fix_open(&f, "tests/tiny/02-sydney-apr-1p4d.json");
	lb = bound_of(&f.pb, 800, &steps);
	ck_assert_int_eq(steps, 1);
	ck_assert_double_eq_tol(lb, 70506.785714286, 1e-3);
	fix_close(&f);
}
END_TEST

/*
 * The deflected steps climb faster: Stockport's bound after 400 steps
 * (1,423,742 with the plain subgradient steps before; 1,502,134 now).
 */
START_TEST(bound_climbs_on_stockport)
{
	struct fix f;
	long steps;
	double lb;

	fix_open(&f, "examples/stockport/scenario.json");
	lb = bound_of(&f.pb, 400, &steps);
	ck_assert_int_eq(steps, 400);
	ck_assert_msg(lb >= 1.495e6, "stockport bound %.1f after 400 steps",
		      lb);
	fix_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("bound");
	TCase *tc = tcase_create("bound");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, bound_below_tiny_optima);
	tcase_add_test(tc, bound_stops_at_optimal_prices);
	tcase_add_test(tc, bound_climbs_on_stockport);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
