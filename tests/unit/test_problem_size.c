/* problem_measure against the problem problem_build then makes. */
#include "problem.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "demand.h"
#include "fixture.h"
#include "load.h"
#include "model.h"

/* Every deployment the counting has to follow: a locality with a
 * neighbourhood outside it, borough- and locality-wide staff, a role
 * that covers another, a role no band demands, a ratio rule naming one,
 * weekly days off, leave, a person with no shifts, a shift of a service
 * without bands, and a shift in the spring-forward gap. */
static const char *mixed =
	"{\"rota7\": 1, \"horizon\": {\"start\": \"2018-03-22\", \"days\": 6},"
	" \"neighbourhoods\": [{\"id\": \"a\", \"weighted_population\": 3},"
	"  {\"id\": \"b\", \"weighted_population\": 2},"
	"  {\"id\": \"c\", \"weighted_population\": 1}],"
	" \"groups\": {\"locality\": {\"ab\": [\"a\", \"b\"]}},"
	" \"roles\": [{\"id\": \"qn\", \"also_covers\": [{\"role\": \"nsw\"},"
	"   {\"role\": \"admin\"}]}, {\"id\": \"nsw\"}, {\"id\": \"admin\"},"
	"   {\"id\": \"sco\"}],"
	" \"services\": [{\"id\": \"cn\", \"bands\": ["
	"   {\"from\": \"08:00\", \"to\": \"18:00\", \"require\": ["
	"     {\"role\": \"qn\", \"count\": 1}, {\"role\": \"nsw\", \"count\": 1}]},"
	"   {\"from\": \"18:00\", \"to\": \"22:00\", \"scope\": \"locality\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]},"
	"   {\"from\": \"01:30\", \"to\": \"02:00\", \"scope\": \"borough\","
	"    \"require\": [{\"role\": \"qn\", \"count\": 1}]}]},"
	"  {\"id\": \"idle\"}],"
	" \"skill_mix\": [{\"type\": \"ratio\", \"service\": \"cn\","
	"   \"role\": \"sco\", \"at_most\": 1, \"per\": \"qn\"}],"
	" \"shifts\": ["
	"   {\"id\": \"early\", \"service\": \"cn\", \"start\": \"07:30\", \"end\": \"15:30\"},"
	"   {\"id\": \"late\", \"service\": \"cn\", \"start\": \"14:00\", \"end\": \"22:00\"},"
	"   {\"id\": \"gap\", \"service\": \"cn\", \"start\": \"01:30\", \"end\": \"02:00\"},"
	"   {\"id\": \"desk\", \"service\": \"idle\", \"start\": \"09:00\", \"end\": \"17:00\"}],"
	" \"staff\": ["
	"  {\"id\": \"p1\", \"role\": \"qn\", \"neighbourhood\": \"a\", \"may_work_in\": \"borough\"},"
	"  {\"id\": \"p2\", \"role\": \"qn\", \"neighbourhood\": \"c\", \"may_work_in\": \"locality\","
	"   \"days_off_weekly\": [\"sat\"]},"
	"  {\"id\": \"p3\", \"role\": \"nsw\", \"neighbourhood\": \"b\", \"may_work_in\": [\"a\", \"c\"],"
	"   \"shifts\": [\"early\", \"desk\"],"
	"   \"leave\": [{\"from\": \"2018-03-20\", \"to\": \"2018-03-23\"}]},"
	"  {\"id\": \"p4\", \"role\": \"sco\", \"neighbourhood\": \"a\", \"may_work_in\": \"locality\"},"
	"  {\"id\": \"p5\", \"role\": \"admin\", \"neighbourhood\": \"b\", \"shifts\": []}]"
	"}";

static void assert_exact(struct scenario *sc, const char *what)
{
	struct problem_size z;
	struct demand d;
	struct problem pb;
	struct rota_error err;
	size_t v, refs = 0;

	demand_init(&d);
	problem_init(&pb);
	rota_error_init(&err);
	ck_assert_int_eq(problem_measure(sc, &z, &err), 0);
	ck_assert_int_eq(demand_expand(sc, &d, &err), 0);
	ck_assert_int_eq(problem_build(&pb, sc, &d, &err), 0);
	for (v = 0; v < pb.n_vars; v++)
		refs += pb.vars[v].n_cells;
	fprintf(stderr, "%s: %zu columns, %zu cells (at most %zu), "
		"%zu coverage entries\n", what, pb.n_vars, pb.n_cells, z.cells,
		refs);
	ck_assert_uint_eq(z.columns, pb.n_vars);
	ck_assert_uint_eq(z.cell_refs, refs);
	ck_assert_uint_ge(z.cells, pb.n_cells);
	rota_error_release(&err);
	problem_release(&pb);
	demand_release(&d);
}

START_TEST(mixed_is_exact)
{
	struct scenario sc;

	fixture_load_ok(mixed, &sc);
	assert_exact(&sc, "mixed");
	scenario_release(&sc);
}
END_TEST

static const char *const examples[] = {
	"examples/stockport/scenario.json", "examples/essex/scenario.json",
	"examples/small/one-week.json", "examples/small/two-neighbourhoods.json",
	"examples/small/clock-change-march.json",
	"examples/small/clock-change-october.json",
	"tests/solve/05-cross-cover.json", "tests/solve/04-substitution.json",
};

START_TEST(examples_are_exact)
{
	struct scenario sc;
	struct rota_error err;
	const char *path = examples[_i];

	rota_error_init(&err);
	scenario_init(&sc);
	if (scenario_load(fixture_source_path(path), &sc, &err))
		ck_abort_msg("%s: %s", path, rota_error_last_text(&err));
	assert_exact(&sc, path);
	rota_error_release(&err);
	scenario_release(&sc);
}
END_TEST

START_TEST(refused_with_the_figure)
{
	struct problem_size z = {PROBLEM_MAX_COLUMNS + 1, 1, 1};
	struct rota_error err;

	rota_error_init(&err);
	ck_assert_int_eq(problem_size_check(&z, &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	ck_assert_str_eq(rota_error_last_text(&err), "model too large: "
			 "2,000,001 assignment columns (limit 2,000,000)");
	rota_error_release(&err);
	z.columns = PROBLEM_MAX_COLUMNS;
	ck_assert_int_eq(problem_size_check(&z, NULL), 0);
	z.cell_refs = PROBLEM_MAX_CELL_REFS + 1;
	ck_assert_int_eq(problem_size_check(&z, NULL), -1);
}
END_TEST

/* The integer program's own bound: a row that would take it past
 * CONSTRAINTS_MAX_ENTRIES is refused, and the model building says why. */
START_TEST(integer_program_entries_bounded)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct build b;
	struct rota_error err;
	struct model *m = model_new("t");
	size_t rows;

	fixture_load_ok(mixed, &sc);
	demand_init(&d);
	problem_init(&pb);
	rota_error_init(&err);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(problem_build(&pb, &sc, &d, &err), 0);
	ck_assert_int_eq(constraints_build(&b, &pb, m, 0, NULL, &err), 0);
	ck_assert_uint_gt(b.entries, pb.n_vars);
	rows = model_n_rows(m);
	b.entries = CONSTRAINTS_MAX_ENTRIES - 1;
	build_begin(&b);
	ck_assert_int_eq(build_term(&b, b.x[0], 1), 0);
	ck_assert_int_eq(build_row(&b, 0, 1, "last"), 0);
	build_begin(&b);
	ck_assert_int_eq(build_term(&b, b.x[0], 1), 0);
	ck_assert_int_eq(build_row(&b, 0, 1, "one too many"), -1);
	ck_assert_uint_eq(model_n_rows(m), rows + 1);
	constraints_build_release(&b);
	model_free(m);
	rota_error_release(&err);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("problem_size");
	TCase *tc = tcase_create("problem_size");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, mixed_is_exact);
	tcase_add_loop_test(tc, examples_are_exact, 0,
			    (int)(sizeof(examples) / sizeof(examples[0])));
	tcase_add_test(tc, refused_with_the_figure);
	tcase_add_test(tc, integer_program_entries_bounded);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
