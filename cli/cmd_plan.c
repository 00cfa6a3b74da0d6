#include "cli.h"

#include <stdio.h>

#include "../core/demand.h"
#include "../core/diag.h"
#include "../core/plan.h"
#include "../core/scenario.h"
#include "../io/report.h"

#define PLAN_WIDTH 86

static void row(const char *name, const char *role, const struct plan_cell *c)
{
	printf("%-18.18s %-10.10s %12.1f %12.2f %12.2f %6d %12.2f\n", name, role,
	       c->demand_hours_week, c->required_fte, c->in_post_fte, c->staff,
	       c->gap_fte);
}

static void print_plan(const struct scenario *sc, const struct plan *p)
{
	size_t n, r;

	printf("establishment: uplift %g%%, %g hours per FTE week\n",
	       sc->planning.uplift_pct, sc->planning.hours_per_fte_week);
	printf("%-18s %-10s %12s %12s %12s %6s %12s\n", "neighbourhood", "role",
	       "demand h/wk", "required FTE", "in post FTE", "staff", "gap FTE");
	cli_rule(PLAN_WIDTH);
	for (n = 0; n < p->n_neighbourhoods; n++) {
		for (r = 0; r < p->n_roles; r++) {
			const struct plan_cell *c = plan_cell(p, n, r);

			if (c->demand_hours_week > 0 || c->staff > 0)
				row(sc->neighbourhoods[n].id, sc->roles[r].id, c);
		}
		row(sc->neighbourhoods[n].id, "all", &p->by_nbhd[n]);
		cli_rule(PLAN_WIDTH);
	}
	for (r = 0; r < p->n_roles; r++)
		row("all", sc->roles[r].id, &p->by_role[r]);
	row("all", "all", &p->total);
}

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
	    report_write_plan(a->dir, &sc, &p, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	print_plan(&sc, &p);
	diag_progress("wrote %s/fte-gap.json and %s/fte-gap.csv", a->dir,
		      a->dir);
out:
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}
