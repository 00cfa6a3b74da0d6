#include "nrp.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "fixture.h"
#include "month.h"
#include "problem.h"
#include "roster.h"
#include "solve.h"
#include "start.h"

/* Two shifts, E may not be followed by... L may not be followed by E;
 * three staff over a week (day 0 a Monday). */
static const char *tiny =
	"# a comment\n"
	"SECTION_HORIZON\n"
	"7\n"
	"\n"
	"SECTION_SHIFTS\n"
	"# ShiftID, Length in mins, Shifts which cannot follow this shift\n"
	"E,480,\n"
	"L,600,E\n"
	"\n"
	"SECTION_STAFF\n"
	"A,E=7|L=2,3000,960,5,2,2,1\n"
	"B,E=7|L=0,3000,0,5,1,1,1\n"
	"C,E=0|L=7,3600,600,4,1,2,0\n"
	"\n"
	"SECTION_DAYS_OFF\n"
	"A,6\n"
	"B,0,1\n"
	"\n"
	"SECTION_SHIFT_ON_REQUESTS\n"
	"A,0,E,2\n"
	"C,3,L,1\n"
	"\n"
	"SECTION_SHIFT_OFF_REQUESTS\n"
	"B,2,E,3\n"
	"\n"
	"SECTION_COVER\n"
	"0,E,1,100,1\n"
	"0,L,1,100,1\n"
	"1,E,2,100,1\n"
	"1,L,0,100,1\n"
	"2,E,1,100,1\n"
	"2,L,1,100,1\n"
	"3,E,1,100,1\n"
	"3,L,1,100,1\n"
	"4,E,1,100,1\n"
	"4,L,1,50,2\n"
	"5,E,0,100,1\n"
	"5,L,1,100,1\n"
	"6,E,0,100,1\n"
	"6,L,0,100,1\n";

static void parse_ok(const char *text, struct nrp *in)
{
	struct rota_error err;

	rota_error_init(&err);
	if (nrp_parse(in, "tiny.txt", text, strlen(text), &err))
		ck_abort_msg("parse failed: %s", err.entries[0].text);
	rota_error_release(&err);
}

/* in as a scenario, its demand and its problem; instance_close frees
 * the three. */
static void instance_open(const struct nrp *in, struct scenario *sc,
			  struct demand *d, struct problem *pb)
{
	struct rota_error err;

	rota_error_init(&err);
	if (nrp_to_scenario(in, sc, d, &err))
		ck_abort_msg("%s", rota_error_last_text(&err));
	problem_init(pb);
	if (problem_build(pb, sc, d, &err))
		ck_abort_msg("%s", rota_error_last_text(&err));
	rota_error_release(&err);
}

static void instance_close(struct scenario *sc, struct demand *d,
			   struct problem *pb)
{
	problem_release(pb);
	demand_release(d);
	scenario_release(sc);
}

START_TEST(parses_every_section)
{
	struct nrp in;

	parse_ok(tiny, &in);
	ck_assert_int_eq(in.days, 7);
	ck_assert_uint_eq(in.n_shifts, 2);
	ck_assert_str_eq(in.shifts[1].id, "L");
	ck_assert_int_eq(in.shifts[1].minutes, 600);
	ck_assert(in.shifts[1].forbid_next[0]);
	ck_assert(!in.shifts[0].forbid_next[1]);
	ck_assert_uint_eq(in.n_staff, 3);
	ck_assert_int_eq(in.staff[0].max_shifts[1], 2);
	ck_assert_int_eq(in.staff[1].max_shifts[1], 0);
	ck_assert_int_eq(in.staff[2].max_minutes, 3600);
	ck_assert_int_eq(in.staff[2].min_minutes, 600);
	ck_assert_int_eq(in.staff[2].max_consecutive, 4);
	ck_assert_int_eq(in.staff[2].min_days_off, 2);
	ck_assert_int_eq(in.staff[2].max_weekends, 0);
	ck_assert(in.day_off[0 * 7 + 6]);
	ck_assert(in.day_off[1 * 7 + 0] && in.day_off[1 * 7 + 1]);
	ck_assert(!in.day_off[1 * 7 + 2]);
	ck_assert_uint_eq(in.n_on, 2);
	ck_assert_uint_eq(in.n_off, 1);
	ck_assert_int_eq(in.off[0].weight, 3);
	ck_assert_int_eq(in.cover[4 * 2 + 1].under, 50);
	ck_assert_int_eq(in.cover[4 * 2 + 1].over, 2);
	nrp_release(&in);
}
END_TEST

/* Counted by hand: A works E on 0-1 (on request met), C works L on 0, 2
 * and 3 (on request met), B works E on 2 (its off request refused, 3).
 * Cover: day 0 E 1/1, L 1/1; day 1 E 1 of 2 (100), L 0/0; day 2 E 1/1,
 * L 1/1; day 3 E 0 of 1 (100), L 1/1; day 4 E 0 of 1 (100), L 0 of 1
 * (50); day 5 L 0 of 1 (100).  Total 3 + 100 + 100 + 100 + 50 + 100 = 453. */
START_TEST(objective_by_hand)
{
	struct nrp in;
	int s[3 * 7];

	parse_ok(tiny, &in);
	memset(s, -1, sizeof(s));
	s[0 * 7 + 0] = s[0 * 7 + 1] = 0;
	s[1 * 7 + 2] = 0;
	s[2 * 7 + 0] = s[2 * 7 + 2] = s[2 * 7 + 3] = 1;
	ck_assert_int_eq(nrp_objective(&in, s), 453);
	/* One more L on day 1, where nobody is required: over weight 1. */
	s[2 * 7 + 1] = 1;
	ck_assert_int_eq(nrp_objective(&in, s), 454);
	nrp_release(&in);
}
END_TEST

static void expect_error(const char *text, const char *needle)
{
	struct nrp in;
	struct rota_error err;

	rota_error_init(&err);
	ck_assert_int_eq(nrp_parse(&in, "bad.txt", text, strlen(text), &err), -1);
	ck_assert_int_eq(err.status, ROTA_EINPUT);
	if (!fixture_has_message(&err, needle))
		ck_abort_msg("expected '%s' in '%s'", needle,
			     err.entries[0].text);
	rota_error_release(&err);
}

START_TEST(errors_name_line_and_column)
{
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\n"
		     "SECTION_STAFF\nA,X=3,1,0,1,1,1,1\n",
		     "bad.txt:6:3: unknown shift 'X'");
	expect_error("SECTION_HORIZON\n7x\n", "bad.txt:2:2: invalid horizon");
	expect_error("SECTION_HORIZON\n0\n", "outside 1 to");
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\n"
		     "SECTION_STAFF\nA,D=3,1,0,1,1,1,1\nSECTION_COVER\n"
		     "9,D,1,100,1\n", "bad.txt:8:1: day 9 outside the horizon");
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,Q\n"
		     "SECTION_STAFF\nA,D=3,1,0,1,1,1,1\n",
		     "bad.txt:4:7: unknown shift 'Q'");
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\n"
		     "SECTION_STAFF\nA,D=3,1,0,1,1,1\n", "expected 8");
	expect_error("SECTION_HORIZON\n7\nSECTION_NOPE\n",
		     "unknown section 'SECTION_NOPE'");
	expect_error("SECTION_HORIZON\n99999999999\n", "too large");
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\n"
		     "SECTION_STAFF\n../x,D=3,1,0,1,1,1,1\n",
		     "invalid character in employee id");
	expect_error("SECTION_HORIZON\n7\n", "incomplete instance");
	expect_error("SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nD,480,\n",
		     "shift 'D' defined twice");
}
END_TEST

START_TEST(sniffs_instances_only)
{
	ck_assert(nrp_sniff(tiny, strlen(tiny)));
	ck_assert(!nrp_sniff("{\"rota7\": 1}", 12));
	ck_assert(!nrp_sniff("# only a comment\n", 17));
}
END_TEST

static uint64_t rng = 88172645463325252ULL;

static unsigned draw(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* The scenario says the same problem: for random rotas (legal or not),
 * the engine's objective equals the instance's own. */
static void same_objective(const struct nrp *in, int rounds)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct rota_error err;
	int *s = malloc(in->n_staff * (size_t)in->days * sizeof(int));
	size_t p, first, end;
	int d0, k;

	rota_error_init(&err);
	ck_assert_ptr_nonnull(s);
	instance_open(in, &sc, &d, &pb);
	ck_assert_int_eq(roster_setup(&r, &pb, NULL), 0);
	for (k = 0; k < rounds; k++) {
		for (p = 0; p < in->n_staff; p++)
			for (d0 = 0; d0 < in->days; d0++) {
				size_t v = ROSTER_NONE;

				problem_day_vars(&pb, (int)p, d0, &first, &end);
				if (end > first && draw(3))
					v = first + draw((unsigned)(end - first));
				roster_set(&r, (int)p, d0, v);
				s[p * (size_t)in->days + (size_t)d0] =
					v == ROSTER_NONE ? -1 : pb.vars[v].s;
			}
		ck_assert_double_eq_tol(constraints_cost(&pb, &r),
					(double)nrp_objective(in, s), 1e-6);
	}
	roster_release(&r);
	instance_close(&sc, &d, &pb);
	rota_error_release(&err);
	free(s);
}

START_TEST(mapping_keeps_the_objective)
{
	struct nrp in;

	parse_ok(tiny, &in);
	same_objective(&in, 50);
	nrp_release(&in);
}
END_TEST

/* Every person of an instance gets a rota from the dynamic program that
 * keeps all of that person's hard rules (checked by the families). */
static void patterns_legal(const struct nrp *in)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct rota_error err;
	double *price;
	size_t p;

	rota_error_init(&err);
	instance_open(in, &sc, &d, &pb);
	ck_assert_int_eq(roster_setup(&r, &pb, NULL), 0);
	price = calloc(pb.n_vars + 1, sizeof(double));
	ck_assert_ptr_nonnull(price);
	for (p = 0; p < in->n_staff; p++) {
		ck_assert_int_eq(month_person(&pb, (int)p, price, &r), 0);
		if (constraints_check_person(&pb, &r, (int)p, &err))
			ck_abort_msg("%s", rota_error_last_text(&err));
	}
	free(price);
	roster_release(&r);
	instance_close(&sc, &d, &pb);
	rota_error_release(&err);
}

START_TEST(pattern_keeps_person_rules)
{
	struct nrp in;

	parse_ok(tiny, &in);
	patterns_legal(&in);
	nrp_release(&in);
}
END_TEST

/* Exhaustive search for the cheapest legal month of p at price: every
 * day off or one of its vars, each whole month checked by the families. */
struct brute {
	const struct problem *pb;
	const double *price;
	struct roster *r;
	int p;
	double best;
	long legal;
};

static void brute_day(struct brute *b, int d, double sum)
{
	size_t first, end, v;

	if (d == b->pb->days) {
		if (!constraints_check_person(b->pb, b->r, b->p, NULL)) {
			b->legal++;
			if (sum < b->best)
				b->best = sum;
		}
		return;
	}
	roster_set(b->r, b->p, d, ROSTER_NONE);
	brute_day(b, d + 1, sum);
	problem_day_vars(b->pb, b->p, d, &first, &end);
	for (v = first; v < end; v++) {
		roster_set(b->r, b->p, d, v);
		brute_day(b, d + 1, sum + b->price[v]);
	}
	roster_set(b->r, b->p, d, ROSTER_NONE);
}

/*
 * With the hours (and the tightest limit on shifts of a type) in the
 * program's state, its month within the hours window is legal and the
 * cheapest legal one: on the tiny instance (shifts of 8 and 10 hours,
 * minimum minutes, A at most 2 L's), against every month, at random
 * prices.
 */
START_TEST(exact_hours_program_is_the_cheapest_legal_month)
{
	struct nrp in;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct rota_error err;
	double *price, value, sum;
	size_t *pick;
	unsigned seed = 4242;
	int p, round, day;

	parse_ok(tiny, &in);
	rota_error_init(&err);
	instance_open(&in, &sc, &d, &pb);
	ck_assert_int_eq(roster_setup(&r, &pb, NULL), 0);
	price = calloc(pb.n_vars + 1, sizeof(double));
	pick = calloc((size_t)pb.days + 1, sizeof(size_t));
	ck_assert_ptr_nonnull(price);
	ck_assert_ptr_nonnull(pick);
	for (round = 0; round < 20; round++)
		for (p = 0; p < (int)in.n_staff; p++) {
			struct brute b = {&pb, price, &r, p, 1e300, 0};
			struct month_dp *dp;
			size_t v;
			int rc;

			for (v = 0; v < pb.n_vars; v++) {
				seed = seed * 1103515245u + 12345u;
				price[v] = (round % 2 ? 15.0 : 3.0) -
					   (double)((seed >> 16) % 23);
			}
			brute_day(&b, 0, 0);
			dp = month_dp_new(&pb, p, price, 1);
			ck_assert_ptr_nonnull(dp);
			ck_assert(month_dp_exact(dp));
			rc = month_dp_solve_window(dp, sc.staff[p].rules.min_total_hours,
						   0, 0, pick, &value);
			month_dp_free(dp);
			ck_assert_int_eq(rc, b.legal ? 0 : 1);
			if (rc)
				continue;
			ck_assert_double_eq_tol(value, b.best, 1e-9);
			for (sum = 0, day = 0; day < pb.days; day++) {
				roster_set(&r, p, day, pick[day]);
				if (pick[day] != ROSTER_NONE)
					sum += price[pick[day]];
			}
			ck_assert_double_eq_tol(sum, value, 1e-9);
			if (constraints_check_person(&pb, &r, p, &err))
				ck_abort_msg("%s", rota_error_last_text(&err));
			for (day = 0; day < pb.days; day++)
				roster_set(&r, p, day, ROSTER_NONE);
		}
	free(price);
	free(pick);
	roster_release(&r);
	instance_close(&sc, &d, &pb);
	rota_error_release(&err);
	nrp_release(&in);
}
END_TEST

/* The engine's start and phases on an instance: the empty rota breaks
 * A's minimum total minutes, so the start is built person by person and
 * keeps everyone's rules; solve_run then ends with a legal rota no worse
 * than that start, whose objective is the instance's own. */
START_TEST(engine_solves_an_instance)
{
	struct nrp in;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r, best = {0};
	struct solve_opts o;
	struct solve_result res;
	struct rota_error err;
	int *shift = NULL;
	size_t p;
	int who = -1, day;
	double start_cost;

	parse_ok(tiny, &in);
	rota_error_init(&err);
	instance_open(&in, &sc, &d, &pb);
	ck_assert(!start_empty_legal(&pb));
	ck_assert_int_eq(roster_setup(&r, &pb, NULL), 0);
	ck_assert_int_eq(start_by_person(&pb, 1e30, &r, &who), START_DONE);
	for (p = 0; p < in.n_staff; p++)
		if (constraints_check_person(&pb, &r, (int)p, &err))
			ck_abort_msg("%s", rota_error_last_text(&err));
	start_cost = constraints_cost(&pb, &r);

	solve_opts_init(&o, 20);
	o.seed = 1;
	o.work = 50;
	ck_assert_int_eq(solve_run(&pb, &o, &best, &res, &err), 0);
	ck_assert_int_eq(constraints_check(&pb, &best, NULL), 0);
	ck_assert(res.objective <= start_cost + 1e-9);
	shift = malloc(in.n_staff * (size_t)in.days * sizeof(int));
	ck_assert_ptr_nonnull(shift);
	for (p = 0; p < in.n_staff; p++)
		for (day = 0; day < in.days; day++)
			shift[p * (size_t)in.days + (size_t)day] =
				roster_shift(&best, (int)p, day);
	ck_assert_double_eq_tol(res.objective,
				(double)nrp_objective(&in, shift), 1e-6);
	free(shift);
	roster_release(&best);
	roster_release(&r);
	instance_close(&sc, &d, &pb);
	rota_error_release(&err);
	nrp_release(&in);
}
END_TEST

static const char *bench_dir(void)
{
	const char *env = getenv("ROTA7_NRP_DIR");

	return env ? env : fixture_source_path("../shared/benchmarks/curtois-qu");
}

/* Every published instance parses, its counts agree with the table of
 * best-known values, and the mapping keeps its objective. */
START_TEST(every_instance)
{
	char path[4096], line[1024];
	FILE *tsv;
	int seen = 0;

	snprintf(path, sizeof(path), "%s/BEST_KNOWN.tsv", bench_dir());
	tsv = fopen(path, "r");
	if (!tsv) {
		fprintf(stderr, "test_nrp: skipped every_instance: no '%s' "
			"(the Curtois & Qu folder is not beside the project)\n",
			path);
		return;
	}
	while (fgets(line, sizeof(line), tsv)) {
		char name[64];
		int days, staff, shifts, prev = seen;
		struct nrp in;
		struct rota_error err;

		if (sscanf(line, "Instance%d\t%d\t%d\t%d", &seen, &days, &staff,
			   &shifts) != 4 || seen == prev)
			continue;
		snprintf(name, sizeof(name), "Instance%d.txt", seen);
		snprintf(path, sizeof(path), "%s/%s", bench_dir(), name);
		rota_error_init(&err);
		if (nrp_load(&in, path, &err))
			ck_abort_msg("%s: %s", name, err.entries[0].text);
		ck_assert_int_eq(in.days, days);
		ck_assert_uint_eq(in.n_staff, (size_t)staff);
		ck_assert_uint_eq(in.n_shifts, (size_t)shifts);
		if (in.n_staff * (size_t)in.days * in.n_shifts < 200000)
			same_objective(&in, 3);
		nrp_release(&in);
		rota_error_release(&err);
	}
	fclose(tsv);
	ck_assert_int_eq(seen, 24);
}
END_TEST

/* Instance18 is why the dynamic program exists: GLPK found no rota for
 * some of its people within a minute (49 or 50 shifts in 76 days). */
START_TEST(pattern_on_instance18)
{
	char path[4096];
	struct nrp in;
	struct rota_error err;

	snprintf(path, sizeof(path), "%s/Instance18.txt", bench_dir());
	rota_error_init(&err);
	if (nrp_load(&in, path, &err)) {
		fprintf(stderr, "test_nrp: skipped pattern_on_instance18: %s\n",
			err.entries[0].text);
		rota_error_release(&err);
		return;
	}
	patterns_legal(&in);
	nrp_release(&in);
	rota_error_release(&err);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("nrp");
	TCase *tc = tcase_create("nrp");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, parses_every_section);
	tcase_add_test(tc, objective_by_hand);
	tcase_add_test(tc, errors_name_line_and_column);
	tcase_add_test(tc, sniffs_instances_only);
	tcase_add_test(tc, mapping_keeps_the_objective);
	tcase_add_test(tc, every_instance);
	tcase_add_test(tc, pattern_keeps_person_rules);
	tcase_add_test(tc, pattern_on_instance18);
	tcase_add_test(tc, exact_hours_program_is_the_cheapest_legal_month);
	tcase_add_test(tc, engine_solves_an_instance);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return fixture_run(suite());
}
