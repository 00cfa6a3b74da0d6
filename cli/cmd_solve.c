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

int cmd_solve(const struct cli_args *a)
{
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r = {0};
	struct solve_result res;
	struct solve_opts o;
	struct plan p;
	struct fte_gap g;
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0};
	int status;

	fte_gap_init(&g);
	scenario_init(&sc);
	demand_init(&d);
	problem_init(&pb);
	plan_init(&p);
	rota_error_init(&err);
	status = cli_load(a->input, &sc, &d);
	if (status)
		goto out;
	/* Every output goes to a staging directory that replaces DIR only
	 * when all are written; made now, so a directory that cannot be
	 * written fails before the search rather than after it. */
	if (outdir_begin(&od, a->dir, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	cli_catch_signals();
	cli_solve_opts(a, &o);
	if (problem_build(&pb, &sc, &d, &err) ||
	    solve_run(&pb, &o, &r, &res, &err) ||
	    plan_compute(&sc, &d, &p, &err) ||
	    report_write_rota(od.stage, &pb, &r, &res, &err) ||
	    ical_write_all(od.stage, a->previous, &pb, &r, &err) ||
	    write_gap_reports(od.stage, &d, &pb, &r, &res, &p, &g, &err) ||
	    outdir_commit(&od, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	summary(&pb, &r, &res);
	putchar('\n');
	cli_print_gap(&sc, &p, &g);
	diag_progress("wrote %s/rota.json, rota.csv, fte-gap.json, fte-gap.csv, "
		      "report.html", a->dir);
out:
	outdir_abort(&od);
	rota_error_release(&err);
	fte_gap_release(&g);
	roster_release(&r);
	plan_release(&p);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}
