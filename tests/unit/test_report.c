#include "report.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "problem.h"
#include "roster.h"
#include "solve.h"
#include "measure.h"

/* One day, two neighbourhoods in one locality (a: 3/4 of the weighted
 * population, b: 1/4).  08:00-16:00 the locality needs one qualified
 * nurse and each neighbourhood one support worker.  The rota under test
 * sends p1 (a qualified nurse from a) to b as a support worker, so it
 * shows a shortfall shared by population, cross-cover and substitution,
 * all checkable by hand. */
static const char *json =
	"{\"rota7\": 1, \"name\": \"A & <B>\","
	" \"horizon\": {\"start\": \"2018-03-05\", \"days\": 1},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 30000},"
	"                      {\"id\": \"b\", \"weighted_population\": 10000}],"
	" \"groups\": {\"locality\": {\"ab\": [\"a\", \"b\"]}},"
	" \"roles\": [{\"id\": \"qn\", \"also_covers\": [{\"role\": \"nsw\"}]},"
	"             {\"id\": \"nsw\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"16:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"08:00\", \"to\": \"16:00\","
	"    \"require\": [{\"role\": \"nsw\", \"count\": 1}]}]}],"
	" \"shifts\": [{\"id\": \"early\", \"service\": \"cn\", \"start\": \"08:00\","
	"              \"end\": \"16:00\"}],"
	" \"staff\": ["
	"   {\"id\": \"p1\", \"role\": \"qn\", \"neighbourhood\": \"a\","
	"    \"may_work_in\": \"locality\"},"
	"   {\"id\": \"p2\", \"role\": \"nsw\", \"neighbourhood\": \"b\"}]}";

struct world {
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct rota_error err;
};

static void world_open(struct world *w)
{
	fixture_load_ok(json, &w->sc);
	demand_init(&w->d);
	problem_init(&w->pb);
	rota_error_init(&w->err);
	ck_assert_int_eq(demand_expand(&w->sc, &w->d, &w->err), 0);
	ck_assert_int_eq(problem_build(&w->pb, &w->sc, &w->d, &w->err), 0);
	ck_assert_int_eq(roster_setup(&w->r, &w->pb, NULL), 0);
}

static void world_close(struct world *w)
{
	roster_release(&w->r);
	problem_release(&w->pb);
	demand_release(&w->d);
	rota_error_release(&w->err);
	scenario_release(&w->sc);
}

/* Person p works on day 0 in neighbourhood n, filling role `role`. */
static void work(struct world *w, int p, int n, int role)
{
	size_t v, end;

	problem_day_vars(&w->pb, p, 0, &v, &end);
	for (; v < end; v++) {
		const struct option *o = &w->pb.people[p].opts[w->pb.vars[v].k];

		if (o->nbhd == n && o->role == role) {
			roster_set(&w->r, p, 0, v);
			return;
		}
	}
	ck_abort_msg("no such option");
}

START_TEST(shortfall_shared_and_cover_counted)
{
	struct world w;
	struct fte_gap g;
	const struct fte_gap_cell *aq, *bq, *an, *bn;

	world_open(&w);
	work(&w, 0, 1, 1);   /* p1: qn from a, in b as nsw */
	ck_assert_int_eq(fte_gap_compute(&w.pb, &w.r, &g, &w.err), 0);
	aq = fte_gap_cell(&g, 0, 0);
	bq = fte_gap_cell(&g, 1, 0);
	an = fte_gap_cell(&g, 0, 1);
	bn = fte_gap_cell(&g, 1, 1);
	/* The locality's 8 qn hours go short, 3/4 to a and 1/4 to b. */
	ck_assert_double_eq_tol(aq->demand_hours, 6, 1e-9);
	ck_assert_double_eq_tol(aq->uncovered_hours, 6, 1e-9);
	ck_assert_double_eq_tol(bq->uncovered_hours, 2, 1e-9);
	/* a's support worker place is empty; b's is filled by p1. */
	ck_assert_double_eq_tol(an->uncovered_hours, 8, 1e-9);
	ck_assert_double_eq_tol(bn->uncovered_hours, 0, 1e-9);
	ck_assert_double_eq_tol(bn->worked_hours, 8, 1e-9);
	ck_assert_double_eq_tol(bn->from_outside_hours, 8, 1e-9);
	ck_assert_double_eq_tol(bn->substitution_hours, 8, 1e-9);
	ck_assert_double_eq_tol(aq->outside_home_hours, 8, 1e-9);
	ck_assert_double_eq_tol(aq->worked_hours, 0, 1e-9);
	/* One day is 1/7 week: 6 h -> 42 h a week / 37.5, no uplift. */
	ck_assert_double_eq_tol(aq->uncovered_fte, 42 / 37.5, 1e-9);
	ck_assert_double_eq_tol(g.total.uncovered_hours,
				measure_uncovered_hours(&w.pb, &w.r), 1e-9);
	ck_assert_double_eq_tol(g.total.uncovered_hours, 16, 1e-9);
	ck_assert_double_eq_tol(g.by_nbhd[0].uncovered_hours, 14, 1e-9);
	ck_assert_double_eq_tol(g.by_role[1].demand_hours, 16, 1e-9);
	ck_assert_double_eq_tol(g.uncovered_by_service[0], 16, 1e-9);
	ck_assert_double_eq_tol(g.demand_by_service[0], 24, 1e-9);
	fte_gap_release(&g);
	world_close(&w);
}
END_TEST

/* An output directory that cannot be made is exit status 4, and the
 * message names it. */
START_TEST(unwritable_is_output_error)
{
	struct world w;
	struct plan p;
	struct fte_gap g;
	struct solve_result res = {.objective = 1, .bound = 1,
				   .stopped_by = SOLVE_STOP_WORK};
	struct report_solved s;

	world_open(&w);
	plan_init(&p);
	ck_assert_int_eq(plan_compute(&w.sc, &w.d, &p, &w.err), 0);
	ck_assert_int_eq(fte_gap_compute(&w.pb, &w.r, &g, &w.err), 0);
	s.demand = &w.d;
	s.pb = &w.pb;
	s.r = &w.r;
	s.res = &res;
	s.gap = &g;
	ck_assert_int_eq(report_write_html("/dev/null/rota-out", &w.sc, &p, &s,
					   &w.err), -1);
	ck_assert_int_eq(w.err.status, ROTA_EOUTPUT);
	ck_assert(fixture_has_message(&w.err, "/dev/null"));
	fte_gap_release(&g);
	plan_release(&p);
	world_close(&w);
}
END_TEST

/* The page escapes the scenario's strings and refers to nothing outside. */
START_TEST(page_escapes_and_stands_alone)
{
	struct world w;
	struct plan p;
	char dir[] = "/tmp/rota7-report-XXXXXX", path[64], *text;
	FILE *f;
	long n;

	world_open(&w);
	plan_init(&p);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(plan_compute(&w.sc, &w.d, &p, &w.err), 0);
	ck_assert_int_eq(report_write_html(dir, &w.sc, &p, NULL, &w.err), 0);
	snprintf(path, sizeof(path), "%s/report.html", dir);
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc((size_t)n + 1, 1);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	ck_assert_ptr_nonnull(strstr(text, "A &amp; &lt;B&gt;"));
	ck_assert_ptr_null(strstr(text, "<B>"));
	ck_assert_ptr_null(strstr(text, "<script"));
	ck_assert_ptr_null(strstr(text, " src="));
	ck_assert_ptr_null(strstr(text, " href="));
	ck_assert_ptr_null(strstr(text, "url("));
	/* plan: no rota parts */
	ck_assert_ptr_null(strstr(text, "rota-grid"));
	ck_assert_ptr_nonnull(strstr(text, "<svg"));
	free(text);
	unlink(path);
	rmdir(dir);
	plan_release(&p);
	world_close(&w);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");

	tcase_add_test(tc, shortfall_shared_and_cover_counted);
	tcase_add_test(tc, unwritable_is_output_error);
	tcase_add_test(tc, page_escapes_and_stands_alone);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
