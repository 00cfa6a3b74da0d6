#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "demand.h"
#include "diag.h"
#include "plan.h"
#include "scenario.h"
#include "outfile.h"
#include "report.h"

/*
 * plan and solve share the default DIR, and a DIR holds one run's files,
 * so plan would replace a solved rota, its CSV and every calendar with
 * its three files.  It refuses unless told (--force).  The other way is
 * fine: solve writes everything plan does, and more.
 */
static int keep_solved(const char *dir, int force, struct rota_error *err)
{
	struct stat st;
	char *path;
	int solved;

	if (force)
		return 0;
	path = rota_strdupf("%s/rota.json", dir);
	if (!path)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	solved = lstat(path, &st) == 0;
	free(path);
	if (!solved)
		return 0;
	return rota_error_add(err, ROTA_EOUTPUT, "'%s' holds a solved rota "
			      "(rota.json) that plan would replace with the "
			      "FTE gap alone: give --force to replace it, or "
			      "-o another directory", dir);
}

static int plan_scenario(const char *input, const char *dir, int force)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0, 0};
	int status;

	scenario_init(&sc);
	demand_init(&d);
	plan_init(&p);
	rota_error_init(&err);
	status = cli_load(input, &sc, &d);
	if (status)
		goto out;
	/* As solve: DIR holds one run's outputs, never a mixture. */
	if (keep_solved(dir, force, &err) || outdir_begin(&od, dir, &err) ||
	    plan_compute(&sc, &d, &p, &err) ||
	    (status = cli_plan_idle(&sc, &d, &p)) != 0 ||
	    report_write_plan(od.stage, &sc, &p, &err) ||
	    report_write_html(od.stage, &sc, &p, NULL, &err) ||
	    outdir_commit(&od, &err)) {
		diag_print(&err);
		if (err.status)   /* cli_plan_idle has said its own */
			status = err.status;
		goto out;
	}
	printf("establishment: uplift %g%%, %g hours per FTE week\n",
	       sc.planning.uplift_pct, sc.planning.hours_per_fte_week);
	cli_print_gap(&sc, &p, NULL);
	diag_progress("wrote %s/fte-gap.json, fte-gap.csv and report.html",
		      dir);
out:
	outdir_abort(&od);
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}

static int cmd_plan(int argc, char **argv)
{
	const char *input = NULL, *dir = "rota-out";
	int quiet = 0, force = 0;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_DIR(&dir),
		CLI_OPT_FLAG(0, "--force", &force,
			     "replace DIR even if it holds a solved rota"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_plan, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	diag_set_quiet(quiet);
	return plan_scenario(input, dir, force);
}

const struct cli_command cli_plan = {
	"plan", "plan SCENARIO [-o DIR] [--force] [-q]",
	"required FTE, in post and gap per neighbourhood and role",
	cmd_plan,
};
