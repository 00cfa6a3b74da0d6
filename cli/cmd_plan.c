#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "demand.h"
#include "diag.h"
#include "plan.h"
#include "plan_time.h"
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

/* plan --until on standard output: per quarter and role (all
 * neighbourhoods), then the quarter's total. */
static void print_quarters(const struct scenario *sc,
			   const struct plan_time *pt)
{
	char label[32], date[CIVIL_DATE_LEN];
	size_t q, r;

	printf("\nby NHS financial quarter (Q1 April-June): demand growth "
	       "%g%%/year, attrition %g%%/year, recruitment lead %g weeks\n",
	       sc->planning.demand_growth_pct_per_year,
	       sc->planning.attrition_pct_per_year,
	       sc->planning.recruitment_lead_weeks);
	printf("%-11s %-12s %10s %9s %5s %5s %9s %9s  %s\n", "quarter", "role",
	       "required", "in_post", "start", "leave", "gap", "new_fte",
	       "advertise_by");
	for (q = 0; q < pt->n_quarters; q++) {
		plan_quarter_label(&pt->quarters[q], label, sizeof(label));
		civil_format_date(pt->quarters[q].advertise_by, date);
		for (r = 0; r <= pt->n_roles; r++) {
			const struct plan_time_cell *c = r < pt->n_roles
				? &pt->by_role[q * pt->n_roles + r]
				: &pt->total[q];

			printf("%-11s %-12s %10.2f %9.2f %5d %5d %9.2f %9.2f  %s\n",
			       label, r < pt->n_roles ? sc->roles[r].id : "(all)",
			       c->required_fte, c->in_post_fte, c->starters,
			       c->leavers, c->gap_fte, c->advertise_fte,
			       c->advertise_fte >= 0.0005 ? date : "-");
		}
	}
}

/* The files; with until (>= 0 as given) also the quarters. */
static int write_plan(const char *stage, const struct scenario *sc,
		      const struct plan *p, const struct plan_time *pt,
		      struct rota_error *err)
{
	if (report_write_plan(stage, sc, p, err))
		return -1;
	if (!pt)
		return report_write_html(stage, sc, p, NULL, err);
	if (report_write_plan_time(stage, sc, pt, err))
		return -1;
	return report_write_html_plan_time(stage, sc, p, pt, err);
}

static int plan_scenario(const char *input, const char *dir, int force,
			 const char *until_s)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct plan_time pt;
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0, 0};
	int32_t until = 0;
	int status;

	scenario_init(&sc);
	demand_init(&d);
	plan_init(&p);
	plan_time_init(&pt);
	rota_error_init(&err);
	if (until_s && plan_time_parse_until(until_s, &until, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	status = cli_load(input, &sc, &d);
	if (status)
		goto out;
	/* As solve: DIR holds one run's outputs, never a mixture. */
	if ((until_s && plan_time_compute(&sc, until, &pt, &err)) ||
	    keep_solved(dir, force, &err) || outdir_begin(&od, dir, &err) ||
	    plan_compute(&sc, &d, &p, &err) ||
	    (status = cli_plan_idle(&sc, &d, &p)) != 0 ||
	    write_plan(od.stage, &sc, &p, until_s ? &pt : NULL, &err) ||
	    outdir_commit(&od, &err)) {
		diag_print(&err);
		if (err.status)   /* cli_plan_idle has said its own */
			status = err.status;
		goto out;
	}
	printf("establishment: uplift %g%%, %g hours per FTE week\n",
	       sc.planning.uplift_pct, sc.planning.hours_per_fte_week);
	cli_print_gap(&sc, &p, NULL);
	if (until_s) {
		print_quarters(&sc, &pt);
		diag_progress("wrote %s/fte-gap.json, fte-gap.csv, "
			      "plan-by-quarter.csv, plan-by-quarter.json and "
			      "report.html", dir);
	} else {
		diag_progress("wrote %s/fte-gap.json, fte-gap.csv and "
			      "report.html", dir);
	}
out:
	outdir_abort(&od);
	rota_error_release(&err);
	plan_time_release(&pt);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}

static int cmd_plan(int argc, char **argv)
{
	const char *input = NULL, *dir = "rota-out", *until = NULL;
	int quiet = 0, force = 0;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_DIR(&dir),
		CLI_OPT_FLAG(0, "--force", &force,
			     "replace DIR even if it holds a solved rota"),
		CLI_OPT_STRING(0, "--until", &until, "MONTH",
			       "also plan each financial quarter up to MONTH "
			       "(YYYY-MM or YYYY-MM-DD)"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_plan, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	diag_set_quiet(quiet);
	return plan_scenario(input, dir, force, until);
}

const struct cli_command cli_plan = {
	"plan", "plan SCENARIO [-o DIR] [--force] [--until MONTH] [-q]",
	"required FTE, in post and gap per neighbourhood and role",
	cmd_plan,
};
