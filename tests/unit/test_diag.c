/* diag: the one error sink - places as fields and as the text's prefix,
 * a NULL sink, and a broken rule named by the table. */
#include <check.h>
#include <string.h>

#include "constraints.h"
#include "demand.h"
#include "diag.h"
#include "fixture.h"
#include "load.h"
#include "problem.h"
#include "roster.h"

START_TEST(place_prefixes_the_text)
{
	struct rota_error err;
	struct rota_place at = ROTA_PLACE_NONE;

	rota_error_init(&err);
	at.file = "s.json";
	at.line = 3;
	at.column = 7;
	ck_assert_int_eq(rota_error_at(&err, ROTA_EINPUT, &at, "bad '%s'", "x"),
			 -1);
	at.line = at.column = 0;
	at.path = "$.staff[2].fte";
	rota_error_at(&err, ROTA_EINPUT, &at, "too big");
	at.path = NULL;
	rota_error_at(&err, ROTA_EINPUT, &at, "cannot open: gone");
	rota_error_add(&err, ROTA_EOUTPUT, "plain");
	ck_assert_uint_eq(err.kept, 4);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	ck_assert_str_eq(err.entries[0].text, "s.json:3:7: bad 'x'");
	ck_assert_str_eq(err.entries[0].file, "s.json");
	ck_assert_int_eq(err.entries[0].line, 3);
	ck_assert_int_eq(err.entries[0].column, 7);
	ck_assert_ptr_null(err.entries[0].path);
	ck_assert_str_eq(err.entries[1].text, "s.json: $.staff[2].fte: too big");
	ck_assert_str_eq(err.entries[1].path, "$.staff[2].fte");
	ck_assert_str_eq(err.entries[2].text, "s.json: cannot open: gone");
	ck_assert_str_eq(err.entries[3].text, "plain");
	ck_assert_ptr_null(err.entries[3].file);
	ck_assert_int_eq(err.entries[3].status, ROTA_EOUTPUT);
	ck_assert_int_eq(err.entries[3].first_day, -1);
	ck_assert_str_eq(rota_error_last_text(&err), "plain");
	rota_error_release(&err);
	ck_assert_uint_eq(err.kept, 0);
	ck_assert_str_eq(rota_error_last_text(&err), "");
}
END_TEST

START_TEST(null_sink_records_nothing)
{
	ck_assert_int_eq(rota_error_add(NULL, ROTA_EINPUT, "ignored"), -1);
	ck_assert_int_eq(rota_error_at(NULL, ROTA_EINPUT, NULL, "ignored"), -1);
	ck_assert_ptr_null(rota_error_last(NULL));
	ck_assert_str_eq(rota_error_last_text(NULL), "");
	rota_error_release(NULL);
}
END_TEST

/* The 1 am change of 2018-03-25: an evening then a morning leave 10.5
 * hours of rest, not 11.5. */
START_TEST(broken_rule_is_named)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct rota_error err;
	const struct rota_error_entry *e;
	size_t first, end, v;
	int day;

	rota_error_init(&err);
	scenario_init(&sc);
	demand_init(&d);
	problem_init(&pb);
	ck_assert_int_eq(scenario_load(fixture_source_path(
		"tests/solve/01-rest-march.json"), &sc, &err), 0);
	ck_assert_int_eq(demand_expand(&sc, &d, &err), 0);
	ck_assert_int_eq(problem_build(&pb, &sc, &d, &err), 0);
	ck_assert_int_eq(roster_setup(&r, &pb, &err), 0);
	for (day = 0; day < 2; day++) {
		problem_day_vars(&pb, 0, day, &first, &end);
		for (v = first; v < end; v++)
			if (!strcmp(sc.shifts[pb.vars[v].s].id,
				    day ? "morning" : "eve"))
				break;
		ck_assert_uint_lt(v, end);
		roster_set(&r, 0, day, v);
	}
	ck_assert_int_eq(constraints_check_person(&pb, &r, 0, NULL), -1);
	ck_assert_int_eq(constraints_check(&pb, &r, &err), -1);
	ck_assert_uint_eq(err.kept, 1);
	e = rota_error_last(&err);
	ck_assert_int_eq(e->status, ROTA_EINFEASIBLE);
	ck_assert_str_eq(e->rule, "rest");
	ck_assert_str_eq(e->who, "n1");
	ck_assert_int_eq(e->first_day, 0);
	ck_assert_int_eq(e->last_day, 1);
	ck_assert_ptr_nonnull(strstr(e->text, "rest: 'n1' has 10.5 hours"));
	rota_error_release(&err);
	roster_release(&r);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, place_prefixes_the_text);
	tcase_add_test(tc, null_sink_records_nothing);
	tcase_add_test(tc, broken_rule_is_named);
	suite_add_tcase(s, tc);
	return fixture_run(s);
}
