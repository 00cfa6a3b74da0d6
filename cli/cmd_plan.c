#include "cli.h"

#include <stdio.h>

#include "../core/demand.h"
#include "../core/diag.h"
#include "../core/plan.h"
#include "../core/scenario.h"
#include "../io/report.h"

int cmd_plan(const struct cli_args *a)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct rota_error err;
	int status;

	scenario_init(&sc);
	demand_init(&d);
	plan_init(&p);
	rota_error_init(&err);
	status = cli_load(a->input, &sc, &d);
	if (status)
		goto out;
	if (plan_compute(&sc, &d, &p, &err) ||
	    report_write_plan(a->dir, &sc, &p, &err) ||
	    report_write_html(a->dir, &sc, &p, NULL, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	printf("establishment: uplift %g%%, %g hours per FTE week\n",
	       sc.planning.uplift_pct, sc.planning.hours_per_fte_week);
	cli_print_gap(&sc, &p, NULL);
	diag_progress("wrote %s/fte-gap.json, fte-gap.csv and report.html",
		      a->dir);
out:
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}
