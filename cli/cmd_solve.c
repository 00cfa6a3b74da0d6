#include "cli.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "demand.h"
#include "diag.h"
#include "plan.h"
#include "scenario.h"
#include "ical.h"
#include "outfile.h"
#include "report.h"
#include "problem.h"
#include "roster.h"
#include "local_search.h"
#include "solve.h"
#include "reroster.h"

static void summary(const struct problem *pb, const struct roster *r,
		    const struct solve_result *res)
{
	size_t p, n = 0;
	int d;

	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			n += roster_get(r, (int)p, d) != ROSTER_NONE;
	printf("status      %s\n", res->optimal ? "optimal" : "feasible");
	printf("objective   %.1f\n", res->objective);
	if (isinf(res->bound))
		printf("bound       none\n");
	else
		/* No "-0.0" from a bound a hair below zero. */
		printf("bound       %.1f (gap %.2f%%)\n",
		       fabs(res->bound) < 0.05 ? 0.0 : res->bound,
		       100 * res->gap);
	printf("shifts      %zu for %zu staff\n", n, pb->sc->n_staff);
	printf("uncovered   %.1f person-hours\n", res->uncovered_hours);
	printf("time        %.1f s\n", res->seconds);
}

/* The FTE gap with the rota's columns, and the page, from one rota. */
static int write_gap_reports(const char *dir, const struct demand *d,
			     const struct problem *pb, const struct roster *r,
			     const struct solve_result *res,
			     const struct plan *p, struct fte_gap *g,
			     struct rota_error *err)
{
	struct report_solved s = {d, pb, r, res, g};

	if (fte_gap_compute(pb, r, g, err) ||
	    report_write_gap(dir, pb->sc, p, g, err))
		return -1;
	return report_write_html(dir, pb->sc, p, &s, err);
}

/* A search cut short by SIGINT or SIGTERM has written its best rota
 * (rota.json's stopped_by says "interrupted") and exits 130, so a script
 * can tell; a signal after the search ended cut nothing: 0. */
static int interrupted_status(const struct solve_result *res)
{
	if (res->stopped_by != SOLVE_STOP_INTERRUPT)
		return ROTA_OK;
	diag_progress("interrupted: the rota written is the best found so far");
	return ROTA_EINTERRUPTED;
}

static int solve_scenario(const char *input, const char *dir,
			  struct reroster *rr, const struct solve_opts *opts)
{
	const char *previous = rr->previous;
	struct solve_opts so = *opts, *o = &so;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r = {0};
	struct solve_result res;
	struct plan p;
	struct fte_gap g;
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0, 0};
	size_t calendars = 0;
	int status;

	fte_gap_init(&g);
	scenario_init(&sc);
	demand_init(&d);
	problem_init(&pb);
	plan_init(&p);
	rota_error_init(&err);
	status = cli_load(input, &sc, &d);
	if (status)
		goto out;
	/* Every output goes to a staging directory that replaces DIR only
	 * when all are written; made now, so a directory that cannot be
	 * written fails before the search rather than after it. */
	if (outdir_begin(&od, dir, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	cli_catch_signals();
	if (reroster_build(rr, &sc, &d, &pb, &err) ||
	    (so.start = rr->have_start ? &rr->start : NULL,
	     so.keep_start = reroster_same(rr, &pb, o),
	     solve_run(&pb, o, &r, &res, &err)) ||
	    reroster_after(&pb, &r, &err) ||
	    plan_compute(&sc, &d, &p, &err) ||
	    plan_count_idle(&p, &pb, &err) ||
	    report_write_rota(od.stage, &pb, &r, &res, &err) ||
	    ical_write_all(od.stage, previous, &pb, &r, &err) ||
	    ical_count(od.stage, &calendars, &err) ||
	    write_gap_reports(od.stage, &d, &pb, &r, &res, &p, &g, &err) ||
	    outdir_commit(&od, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	summary(&pb, &r, &res);
	reroster_print(&sc);
	if (res.reproduced)
		printf("previous rota kept as it is: this engine made it from "
		       "this scenario with seed %llu and --work %ld\n",
		       res.seed, res.work_budget);
	status = interrupted_status(&res);
	putchar('\n');
	cli_print_gap(&sc, &p, &g);
	diag_progress("wrote %s: rota.json, rota.csv, uncovered.csv, %zu "
		      "calendar%s, fte-gap.json, fte-gap.csv, report.html", dir,
		      calendars, calendars == 1 ? "" : "s");
out:
	outdir_abort(&od);
	rota_error_release(&err);
	fte_gap_release(&g);
	roster_release(&r);
	reroster_release(rr);
	plan_release(&p);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}

static int cmd_solve(int argc, char **argv)
{
	const char *input = NULL, *dir = "rota-out";
	struct reroster rr = {NULL, NULL, NULL, {0}, 0};
	double time_limit = 0, gap = 0, work = 0;
	unsigned long seed = 0;
	int quiet = 0;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_DIR(&dir),
		CLI_OPT_TIME_LIMIT(&time_limit),
		CLI_OPT_NUMBER("--gap", &gap, "REL",
			       "stop when this close to the bound"),
		CLI_OPT_SEED(&seed),
		CLI_OPT_NUMBER("--work", &work, "N",
			       "rounds of search (default " SOLVE_DEFAULT_WORK_TEXT
			       "): the same N, seed and input give the same rota"),
		CLI_OPT_STRING(0, "--previous", &rr.previous, "DIR",
			       "an earlier output: its rota is changed as little "
			       "as it can be, its calendar events updated"),
		CLI_OPT_STRING(0, "--freeze-until", &rr.freeze_until, "DATE",
			       "with --previous: keep every assignment on or "
			       "before DATE as it was"),
		CLI_OPT_STRING(0, "--today", &rr.today, "DATE",
			       "with --previous: the run's date, from which "
			       "rules.change_notice_days counts"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	struct solve_opts o;
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_solve, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	if (work != floor(work) || work > 1e12) {
		diag_error("invalid value '%g' for --work: a whole number of "
			   "rounds expected", work);
		return ROTA_EINPUT;
	}
	diag_set_quiet(quiet);
	solve_opts_init(&o, time_limit > 0 ? time_limit :
			CLI_DEFAULT_TIME_LIMIT);
	o.work = (long)work;
	o.gap = gap;
	o.seed = seed;
	return solve_scenario(input, dir, &rr, &o);
}

const struct cli_command cli_solve = {
	"solve", "solve SCENARIO [-o DIR] [--time-limit SEC] [--gap REL] "
	"[--seed N] [--work N] [--previous DIR] [--freeze-until DATE] "
	"[--today DATE] [-q]",
	"build and solve the rota; write the rota and the FTE gap",
	cmd_solve,
};
