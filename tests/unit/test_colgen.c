#include "colgen.h"

#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colmip.h"
#include "colphase.h"
#include "colpool.h"
#include "constraints.h"
#include "demand.h"
#include "fixture.h"
#include "load.h"
#include "local_search.h"
#include "master.h"
#include "month.h"
#include "problem.h"
#include "roster.h"
#include "timer.h"

struct fix {
	struct scenario sc;
	struct demand d;
	struct problem pb;
};

/* path's scenario, everyone kept to their own neighbourhood when
 * `home_only` (so that neighbourhoods share no row). */
static void fix_open_as(struct fix *f, const char *path, int home_only)
{
	struct rota_error err;
	size_t p, n;

	rota_error_init(&err);
	scenario_init(&f->sc);
	if (scenario_load(fixture_source_path(path), &f->sc, &err))
		ck_abort_msg("%s: %s", path, rota_error_last_text(&err));
	for (p = 0; home_only && p < f->sc.n_staff; p++)
		for (n = 0; n < f->sc.n_neighbourhoods; n++)
			f->sc.staff[p].may_work[n] = (int)n == f->sc.staff[p].home;
	demand_init(&f->d);
	problem_init(&f->pb);
	ck_assert_int_eq(demand_expand(&f->sc, &f->d, &err), 0);
	ck_assert_int_eq(problem_build(&f->pb, &f->sc, &f->d, &err), 0);
	rota_error_release(&err);
}

static void fix_open(struct fix *f, const char *path)
{
	fix_open_as(f, path, 0);
}

/* The small budget the tests on the small example run with. */
static void small_opts(struct colgen_opts *o)
{
	colgen_opts_default(o);
	o->rounds = 8;
	o->iters = 200;
	o->dive_iters = 100;
}

static void fix_close(struct fix *f)
{
	problem_release(&f->pb);
	demand_release(&f->d);
	scenario_release(&f->sc);
}

/*
 * One cell needing one person, short at 10; two people, each with the
 * empty month (cost 0) and a month covering it (3 and 5).  The LP's
 * optimum is 3: the first works, fully.  Both the primal and the dual
 * value must reach it.
 */
START_TEST(master_solves_a_small_lp)
{
	struct master m;
	struct master_eval e;
	double b = 1, u = 10, one = 1;
	size_t row = 0;

	master_init(&m);
	ck_assert_int_eq(master_begin(&m, 1, &b, &u, NULL), 0);
	ck_assert_int_eq(master_add_col(&m, 0, 0, 0, NULL, NULL, 1), 0);
	ck_assert_int_eq(master_add_col(&m, 0, 3, 1, &row, &one, 0), 0);
	ck_assert_int_eq(master_add_col(&m, 1, 0, 0, NULL, NULL, 1), 0);
	ck_assert_int_eq(master_add_col(&m, 1, 5, 1, &row, &one, 0), 0);
	ck_assert_int_eq(master_end(&m, 2), 0);
	master_pdhg(&m, 20000);
	master_eval(&m, &e);
	ck_assert_double_le(fabs(e.primal - 3), 1e-3);
	ck_assert_double_le(fabs(e.dual - 3), 1e-3);
	ck_assert_double_ge(m.x[1], 0.999);
	master_release(&m);
}
END_TEST

/*
 * The program without the hours window is a relaxation: its least price
 * is at most the price of month_pick's month, and its month keeps the
 * sequence rules.
 */
START_TEST(relaxed_program_is_below_pattern_pick)
{
	struct fix f;
	struct roster r;
	double *price, value, picked;
	size_t *pick, *pick2, v;
	unsigned seed = 777;
	struct rota_error why;
	int d, p;

	fix_open(&f, "examples/stockport/scenario.json");
	rota_error_init(&why);
	ck_assert_int_eq(roster_setup(&r, &f.pb, NULL), 0);
	price = calloc(f.pb.n_vars + 1, sizeof(double));
	pick = calloc((size_t)f.pb.days + 1, sizeof(size_t));
	pick2 = calloc((size_t)f.pb.days + 1, sizeof(size_t));
	ck_assert_ptr_nonnull(price);
	ck_assert_ptr_nonnull(pick);
	ck_assert_ptr_nonnull(pick2);
	for (p = 0; p < (int)f.sc.n_staff; p += 7) {
		struct month_dp *dp;

		for (v = 0; v < f.pb.n_vars; v++) {
			seed = seed * 1103515245u + 12345u;
			price[v] = 20.0 - (double)((seed >> 16) % 100);
		}
		ck_assert_int_eq(month_pick(&f.pb, p, price, pick), 0);
		for (picked = 0, d = 0; d < f.pb.days; d++)
			if (pick[d] != ROSTER_NONE)
				picked += price[pick[d]];
		dp = month_dp_new(&f.pb, p, price, 0);
		ck_assert_ptr_nonnull(dp);
		ck_assert_int_eq(month_dp_solve(dp, 0, pick2, &value), 0);
		month_dp_free(dp);
		ck_assert_double_le(value, picked + 1e-6);
		for (d = 0; d < f.pb.days; d++)
			roster_set(&r, p, d, pick2[d]);
		/* Every rule of p's own but weekly rest and hours, which the
		 * relaxed program leaves out. */
		if (constraints_check_person_except(&f.pb, &r, p, "weekly-rest,hours",
						    &why))
			ck_abort_msg("%s", rota_error_last_text(&why));

	}
	rota_error_release(&why);
	free(price);
	free(pick);
	free(pick2);
	roster_release(&r);
	fix_close(&f);
}
END_TEST

/*
 * On a small scenario: every dived month keeps its person's rules, the
 * same options give the same rota, and the bound is at most the
 * objective of a legal rota found by the local search.
 */
START_TEST(colgen_months_legal_and_bound_below)
{
	struct fix f;
	struct colgen_opts o;
	struct colgen_stats st, st2;
	struct roster out, again;
	struct search s;
	int p, d;

	fix_open(&f, "examples/small/two-neighbourhoods.json");
	ck_assert_int_eq(roster_setup(&out, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&again, &f.pb, NULL), 0);
	small_opts(&o);
	ck_assert_int_eq(colgen_run(&f.pb, &o, &out, &st), 0);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		ck_assert_int_eq(constraints_check_person(&f.pb, &out, p, NULL), 0);
	ck_assert(isfinite(st.bound));
	ck_assert_int_eq(colgen_run(&f.pb, &o, &again, &st2), 0);
	ck_assert_double_eq(st.bound, st2.bound);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		for (d = 0; d < f.pb.days; d++)
			ck_assert(roster_get(&out, p, d) == roster_get(&again, p, d));
	ck_assert_int_eq(search_setup(&s, &f.pb, 1, NULL), 0);
	search_load(&s, &out);
	search_seniors(&s, timer_now() + 5);
	search_run(&s, timer_now() + 5, 200, NULL, NULL);
	if (!constraints_check(&f.pb, &s.r, NULL))
		ck_assert_double_le(st.bound, constraints_cost(&f.pb, &s.r) + 1e-6);
	search_release(&s);
	roster_release(&out);
	roster_release(&again);
	fix_close(&f);
}
END_TEST

/* Whether a and b give everyone the same month. */
static int same_rota(const struct problem *pb, const struct roster *a,
		     const struct roster *b)
{
	int p, d;

	for (p = 0; p < (int)pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			if (roster_get(a, p, d) != roster_get(b, p, d))
				return 0;
	return 1;
}

/*
 * Dives from one run of the rounds: a dive after another with other
 * options starts where the first did, so it gives colgen_run's rota;
 * the other options' dive differs (else the check would prove
 * nothing about the restore).  A dive asking for twice the rounds runs
 * them on from the first count, and dives as colgen_run with them all.
 */
START_TEST(colgen_dives_share_the_rounds)
{
	struct fix f;
	struct colgen_opts o, other, longer;
	struct colgen_stats st, st_run;
	struct colgen *cg;
	struct roster alone, first, second, third, more, more_alone;

	fix_open(&f, "examples/small/two-neighbourhoods.json");
	ck_assert_int_eq(roster_setup(&alone, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&first, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&second, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&third, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&more, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&more_alone, &f.pb, NULL), 0);
	small_opts(&o);
	o.rounds = 3;
	other = o;
	other.dive_first = 0.55;
	other.dive_off = 0;
	other.dive_share = 0.5;
	longer = o;
	longer.rounds = 12;
	ck_assert_int_eq(colgen_run(&f.pb, &o, &alone, &st_run), 0);
	ck_assert_int_eq(colgen_run(&f.pb, &longer, &more_alone, &st_run), 0);
	ck_assert_int_eq(st_run.rounds, 12);
	ck_assert_ptr_nonnull(cg = colgen_new(&f.pb, &o, &st));
	ck_assert_int_eq(colgen_dive(cg, &o, &first), 0);
	ck_assert_int_eq(colgen_dive(cg, &other, &second), 0);
	ck_assert_int_eq(colgen_dive(cg, &longer, &more), 0);
	ck_assert_int_eq(st.rounds, 12);
	ck_assert_int_eq(colgen_dive(cg, &o, &third), 0);
	ck_assert_int_eq(st.rounds, 3);
	colgen_free(cg);
	ck_assert(same_rota(&f.pb, &alone, &first));
	ck_assert(same_rota(&f.pb, &alone, &third));
	ck_assert(!same_rota(&f.pb, &alone, &second));
	ck_assert(same_rota(&f.pb, &more_alone, &more));
	ck_assert(!same_rota(&f.pb, &alone, &more));
	roster_release(&alone);
	roster_release(&first);
	roster_release(&second);
	roster_release(&third);
	roster_release(&more);
	roster_release(&more_alone);
	fix_close(&f);
}
END_TEST

/*
 * A rounds deadline already past (the time limit going to cut the
 * phase) ends the rounds before any but still lets the dive run: the
 * run says it was stopped, fixed days were dived, and every month is
 * legal.  Before, one deadline stopped both, and a cut run's months
 * were the rounds' heaviest, never dived.
 */
START_TEST(colgen_rounds_deadline_still_dives)
{
	struct fix f;
	struct colgen_opts o;
	struct colgen_stats st;
	struct roster out;
	int p;

	fix_open(&f, "examples/small/two-neighbourhoods.json");
	ck_assert_int_eq(roster_setup(&out, &f.pb, NULL), 0);
	small_opts(&o);
	o.rounds_deadline = timer_now() - 1;
	ck_assert_int_eq(colgen_run(&f.pb, &o, &out, &st), 1);
	ck_assert_int_eq(st.stopped, 1);
	ck_assert_int_eq(st.rounds, 0);
	ck_assert_int_gt(st.dives, 0);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		ck_assert_int_eq(constraints_check_person(&f.pb, &out, p, NULL), 0);
	roster_release(&out);
	fix_close(&f);
}
END_TEST

/*
 * Offering each new month to people like its owner (spread) adds
 * columns, and the dived months stay legal for whoever holds them.
 * A twin month broke on the off days before (ROSTER_NONE taken for a
 * missing var), so none was ever added.
 */
START_TEST(colgen_spread_adds_legal_months)
{
	struct fix f;
	struct colgen_opts o;
	struct colgen_stats st, st0;
	struct roster out;
	int p;

	fix_open(&f, "examples/stockport/scenario.json");
	ck_assert_int_eq(roster_setup(&out, &f.pb, NULL), 0);
	colgen_opts_default(&o);
	o.rounds = 2;
	o.iters = 100;
	o.dive_iters = 100;
	o.dive_share = 0.5;
	/* one pricing a fixing step: more leave the dive's last pool
	 * (what st.columns counts) a month per person either way */
	o.dive_prices = 1;
	ck_assert_int_eq(colgen_run(&f.pb, &o, &out, &st0), 0);
	o.spread = 3;
	ck_assert_int_eq(colgen_run(&f.pb, &o, &out, &st), 0);
	ck_assert_uint_gt(st.columns, st0.columns);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		ck_assert_int_eq(constraints_check_person(&f.pb, &out, p, NULL), 0);
	roster_release(&out);
	fix_close(&f);
}
END_TEST

/*
 * The phase's switch reads only the input and the budget: on for
 * Stockport (189 people) at the default --work, with the rounds a share
 * of it and the polish the whole of it; off for a small budget, for a
 * small scenario and for ROTA7_COLGEN=off; on for Essex (605 people); a list turns it on anywhere.
 */
START_TEST(colphase_switches_on_size_and_work)
{
	struct fix big, small, essex;
	struct colphase_opts o;

	unsetenv("ROTA7_COLGEN");
	fix_open(&big, "examples/stockport/scenario.json");
	fix_open(&small, "examples/small/two-neighbourhoods.json");
	ck_assert_int_eq(colphase_wanted(&big.pb, 2000, 0, &o), 1);
	ck_assert_int_eq(o.rounds, 2000 / COLPHASE_WORK_PER_ROUND);
	ck_assert_int_eq(o.polish, 2000);
	ck_assert_int_eq(colphase_wanted(&big.pb, 4000, 0, &o), 1);
	ck_assert_int_eq(o.rounds, 4000 / COLPHASE_WORK_PER_ROUND);
	ck_assert_int_eq(colphase_wanted(&big.pb, COLPHASE_MIN_WORK - 1, 0, &o), 0);
	ck_assert_int_eq(colphase_wanted(&small.pb, 2000, 0, &o), 0);
	/* a start built person by person: on at any size, its rounds
	 * from its own share of the work */
	ck_assert_int_eq(colphase_wanted(&small.pb, 500, 1, &o), 1);
	ck_assert_int_eq(o.rounds, 500 / COLPHASE_BY_PERSON_WORK_PER_ROUND);
	fix_open(&essex, "examples/essex/scenario.json");
	ck_assert_int_eq(colphase_wanted(&essex.pb, 2000, 0, &o), 1);
	fix_close(&essex);
	setenv("ROTA7_COLGEN", "off", 1);
	ck_assert_int_eq(colphase_wanted(&big.pb, 2000, 0, &o), 0);
	setenv("ROTA7_COLGEN", "rounds=3,polish=7", 1);
	ck_assert_int_eq(colphase_wanted(&small.pb, 100, 0, &o), 1);
	ck_assert_int_eq(o.rounds, 3);
	ck_assert_int_eq(o.polish, 7);
	unsetenv("ROTA7_COLGEN");
	fix_close(&small);
	fix_close(&big);
}
END_TEST

/*
 * The column generation's Lagrangian bound is a bound: on every tiny
 * case it is at most the optimum the exhaustive search proved, and every
 * dived month keeps its person's rules.
 */
START_TEST(colgen_bound_below_tiny_optima)
{
	DIR *dir = opendir(fixture_source_path("tests/tiny"));
	struct dirent *e;
	int cases = 0;

	ck_assert_ptr_nonnull(dir);
	while ((e = readdir(dir))) {
		size_t len = strlen(e->d_name);
		char rel[512];
		struct fix f;
		struct colgen_opts o;
		struct colgen_stats st;
		struct roster out;
		double opt;
		int p;

		if (len < 6 || strcmp(e->d_name + len - 5, ".json") ||
		    strstr(e->d_name, ".expect.") ||
		    !fixture_tiny_optimum(e->d_name, &opt))
			continue;
		snprintf(rel, sizeof(rel), "tests/tiny/%s", e->d_name);
		fix_open(&f, rel);
		ck_assert_int_eq(roster_setup(&out, &f.pb, NULL), 0);
		colgen_opts_default(&o);
		o.rounds = 10;
		o.mip_nodes = 100;
		ck_assert_int_ge(colgen_run(&f.pb, &o, &out, &st), 0);
		ck_assert_msg(st.bound <= opt + 1e-6 * fmax(1, fabs(opt)),
			      "%s: colgen bound %.6f above the optimum %.6f",
			      e->d_name, st.bound, opt);
		if (!constraints_check(&f.pb, &out, NULL))
			ck_assert_msg(constraints_cost(&f.pb, &out) >=
					      opt - 1e-6 * fmax(1, fabs(opt)),
				      "%s: rota %.6f below the optimum %.6f",
				      e->d_name, constraints_cost(&f.pb, &out),
				      opt);
		for (p = 0; p < (int)f.pb.sc->n_staff; p++)
			ck_assert_int_eq(constraints_check_person(&f.pb, &out, p,
								  NULL), 0);
		roster_release(&out);
		fix_close(&f);
		cases++;
	}
	closedir(dir);
	ck_assert_int_ge(cases, 30);
}
END_TEST

/*
 * The archive keeps each person's month once, whatever the order or
 * the growth of its table, and tells people's equal months apart.
 */
START_TEST(archive_keeps_each_month_once)
{
	struct cg_archive a;
	size_t pick[4];
	int i, p;

	cg_archive_init(&a, 4);
	for (i = 0; i < 600; i++)
		for (p = 0; p < 2; p++) {
			pick[0] = (size_t)(i % 300);
			pick[1] = ROSTER_NONE;
			pick[2] = (size_t)p;
			pick[3] = 7;
			ck_assert_int_eq(cg_archive_add(&a, p, pick,
							(uint64_t)(i % 300) * 31,
							i), 0);
		}
	ck_assert_uint_eq(a.n, 600);
	for (i = 0; i < (int)a.n; i++)
		ck_assert_double_lt(a.cost[i], 300);
	cg_archive_release(&a);
}
END_TEST

/*
 * GLPK over every month priced makes a rota no dearer than the dived
 * one, each month legal for its person, the same rota on every run; on
 * the tiny cases never below the proven optimum.
 */
START_TEST(colgen_mip_no_dearer_than_the_dive)
{
	struct fix f;
	struct colgen_opts o;
	struct colgen_stats st;
	struct roster dived, mipped, again;
	int p, d;

	fix_open(&f, "examples/small/two-neighbourhoods.json");
	ck_assert_int_eq(roster_setup(&dived, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&mipped, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&again, &f.pb, NULL), 0);
	small_opts(&o);
	ck_assert_int_eq(colgen_run(&f.pb, &o, &dived, &st), 0);
	o.mip_nodes = 200;
	ck_assert_int_eq(colgen_run(&f.pb, &o, &mipped, &st), 0);
	ck_assert(isfinite(st.mip_value));
	ck_assert_uint_gt(st.mip_columns, 0);
	ck_assert_double_le(constraints_cost(&f.pb, &mipped),
			    constraints_cost(&f.pb, &dived) + 1e-6);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		ck_assert_int_eq(constraints_check_person(&f.pb, &mipped, p,
							  NULL), 0);
	ck_assert_int_eq(colgen_run(&f.pb, &o, &again, &st), 0);
	for (p = 0; p < (int)f.sc.n_staff; p++)
		for (d = 0; d < f.pb.days; d++)
			ck_assert(roster_get(&mipped, p, d) ==
				  roster_get(&again, p, d));
	roster_release(&dived);
	roster_release(&mipped);
	roster_release(&again);
	fix_close(&f);
}
END_TEST

/* A rota polished from the empty one with the given seed. */
static void polished(struct fix *f, uint64_t seed, struct roster *out)
{
	struct search s;

	ck_assert_int_eq(search_setup(&s, &f->pb, seed, NULL), 0);
	search_seniors(&s, timer_now() + 5);
	search_run(&s, timer_now() + 5, 60, NULL, NULL);
	roster_copy(out, &s.r);
	search_release(&s);
}

/* a with part k's people given b's months. */
static void with_part(const struct fix *f, const size_t *part, size_t k,
		      const struct roster *a, const struct roster *b,
		      struct roster *out)
{
	int p, d;

	roster_copy(out, a);
	for (p = 0; p < (int)f->sc.n_staff; p++)
		if (part[p] == k)
			for (d = 0; d < f->pb.days; d++)
				roster_set(out, p, d, roster_get(b, p, d));
}

/*
 * Two short polishes with their own seeds end better in different
 * neighbourhoods; the merge keeps every rule, costs no more than either,
 * gives each person one of the two months, and takes b's part exactly
 * where swapping that part alone into a is legal and cheaper (the
 * parts share no row, so each part's choice is its own).
 */
START_TEST(colphase_merge_takes_each_parts_better)
{
	struct fix f;
	struct cg_pool cp;
	struct roster a, b, m, t;
	size_t k;
	int p, d, took;

	fix_open_as(&f, "examples/small/two-neighbourhoods.json", 1);
	ck_assert_int_eq(cg_pool_init(&cp, &f.pb), 0);
	ck_assert_uint_ge(cp.n_parts, 2);
	ck_assert_int_eq(roster_setup(&a, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&b, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&m, &f.pb, NULL), 0);
	ck_assert_int_eq(roster_setup(&t, &f.pb, NULL), 0);
	polished(&f, 1, &a);
	polished(&f, 2, &b);
	roster_copy(&m, &a);
	ck_assert_int_eq(colphase_merge(&f.pb, &m, &b), 0);
	ck_assert_int_eq(constraints_check(&f.pb, &m, NULL), 0);
	ck_assert_double_le(constraints_cost(&f.pb, &m),
			    fmin(constraints_cost(&f.pb, &a),
				 constraints_cost(&f.pb, &b)) + 1e-6);
	for (k = 0; k < cp.n_parts; k++) {
		with_part(&f, cp.part_of_person, k, &a, &b, &t);
		took = !constraints_check(&f.pb, &t, NULL) &&
		       constraints_cost(&f.pb, &t) <
			       constraints_cost(&f.pb, &a) - 1e-9;
		for (p = 0; p < (int)f.sc.n_staff; p++)
			for (d = 0; cp.part_of_person[p] == k && d < f.pb.days; d++)
				ck_assert(roster_get(&m, p, d) ==
					  roster_get(took ? &b : &a, p, d));
	}
	roster_release(&a);
	roster_release(&b);
	roster_release(&m);
	roster_release(&t);
	cg_pool_release(&cp);
	fix_close(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("colgen");
	TCase *tc = tcase_create("colgen");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, master_solves_a_small_lp);
	tcase_add_test(tc, relaxed_program_is_below_pattern_pick);
	tcase_add_test(tc, colgen_months_legal_and_bound_below);
	tcase_add_test(tc, colgen_dives_share_the_rounds);
	tcase_add_test(tc, colphase_switches_on_size_and_work);
	tcase_add_test(tc, colgen_rounds_deadline_still_dives);
	tcase_add_test(tc, colgen_spread_adds_legal_months);
	tcase_add_test(tc, colgen_bound_below_tiny_optima);
	tcase_add_test(tc, archive_keeps_each_month_once);
	tcase_add_test(tc, colgen_mip_no_dearer_than_the_dive);
	tcase_add_test(tc, colphase_merge_takes_each_parts_better);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
