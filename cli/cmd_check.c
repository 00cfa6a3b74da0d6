#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "dayproof.h"
#include "demand.h"
#include "diag.h"
#include "plan.h"
#include "problem.h"
#include "scenario.h"

static void print_horizon(const struct scenario *sc)
{
	const struct horizon *h = &sc->horizon;
	char from[CIVIL_DATE_LEN], to[CIVIL_DATE_LEN], d[CIVIL_DATE_LEN];
	int day, any = 0;

	civil_format_date(h->start, from);
	civil_format_date(h->start + h->days - 1, to);
	printf("horizon    %s to %s (%d days), %s\n", from, to, h->days,
	       sc->timezone);
	for (day = 0; day < h->days; day++) {
		instant_t len = h->day_start[day + 1] - h->day_start[day];

		if (len == 86400)
			continue;
		civil_format_date(h->start + day, d);
		printf("           clock change on %s: the day is %lld hours\n", d,
		       (long long)(len / 3600));
	}
	for (day = 0; day < h->days; day++) {
		if (!scenario_is_bank_holiday(sc, day))
			continue;
		civil_format_date(h->start + day, d);
		printf("%s%s", any++ ? ", " : "           bank holidays: ", d);
	}
	if (any)
		printf(" (staffed like %s)\n", sc->bank_holiday_pattern < 0 ?
		       "their own weekday" :
		       civil_weekday_name(sc->bank_holiday_pattern));
}

static void print_units(const struct scenario *sc)
{
	double pop = scenario_unit_population(sc, SCOPE_BOROUGH, 0);
	size_t k, g, m;

	printf("units      %zu neighbourhoods, weighted population %.0f\n",
	       sc->n_neighbourhoods, pop);
	for (k = 0; k < sc->n_kinds; k++) {
		const struct group_kind *gk = &sc->kinds[k];

		printf("           %s:", gk->id);
		for (g = 0; g < gk->n_groups; g++) {
			printf("%s %s (", g ? ";" : "", gk->groups[g].id);
			for (m = 0; m < gk->groups[g].n_members; m++)
				printf("%s%s", m ? ", " : "", sc->neighbourhoods[
				       gk->groups[g].members[m]].id);
			printf(")");
		}
		printf("\n");
	}
}

static void print_roles(const struct scenario *sc)
{
	size_t r, c;

	for (r = 0; r < sc->n_roles; r++) {
		const struct role *ro = &sc->roles[r];

		printf("%s %-8s %s", r ? "          " : "roles     ", ro->id,
		       ro->name);
		for (c = 0; c < ro->n_covers; c++)
			printf("%s%s at %g/h", c ? ", " : "; also covers ",
			       sc->roles[ro->covers[c].role].id,
			       ro->covers[c].penalty);
		printf("\n");
	}
}

/* Staff head-count (FTE) per neighbourhood and role. */
static void print_staff(const struct scenario *sc, const struct plan *p)
{
	size_t n, r;

	printf("\nstaff in post: head-count (FTE)\n%-16s", "neighbourhood");
	for (r = 0; r < sc->n_roles; r++)
		printf(" %12.12s", sc->roles[r].id);
	printf(" %12s\n", "all");
	for (n = 0; n < sc->n_neighbourhoods; n++) {
		printf("%-16.16s", sc->neighbourhoods[n].id);
		for (r = 0; r < sc->n_roles; r++)
			printf(" %4d (%5.1f)", plan_cell(p, n, r)->staff,
			       plan_cell(p, n, r)->in_post_fte);
		printf(" %4d (%5.1f)\n", p->by_nbhd[n].staff,
		       p->by_nbhd[n].in_post_fte);
	}
	printf("%-16s", "all");
	for (r = 0; r < sc->n_roles; r++)
		printf(" %4d (%5.1f)", p->by_role[r].staff,
		       p->by_role[r].in_post_fte);
	printf(" %4d (%5.1f)\n", p->total.staff, p->total.in_post_fte);
}

static void print_demand(const struct scenario *sc, const struct plan *p)
{
	size_t s, r;

	printf("\nweekly demand hours (average over the horizon)\n%-22s",
	       "service");
	for (r = 0; r < sc->n_roles; r++)
		printf(" %9.9s", sc->roles[r].id);
	printf("\n");
	for (s = 0; s < sc->n_services; s++) {
		printf("%-22.22s", sc->services[s].id);
		for (r = 0; r < sc->n_roles; r++)
			printf(" %9.1f", p->service_role_hours[s * p->n_roles + r]);
		printf("\n");
	}
}

/* Exit 3 from check too when a hard rule can be shown unmeetable from
 * one day's facts (dayproof.h), as solve would say before searching.
 * A model too large to build is not looked at here: the scenario is
 * still valid, and check's warnings say solve will refuse it. */
static int check_days(const struct scenario *sc, const struct demand *d,
		      struct rota_error *err)
{
	struct problem_size z;
	struct problem pb;
	int rc;

	if (problem_measure(sc, &z, err))
		return -1;
	if (problem_size_check(&z, NULL))
		return 0;
	problem_init(&pb);
	rc = problem_build(&pb, sc, d, err) || dayproof_find(&pb, err) ? -1 : 0;
	problem_release(&pb);
	return rc;
}

static int check_scenario(const char *input)
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
	status = cli_load(input, &sc, &d);
	if (status)
		goto out;
	if (plan_compute(&sc, &d, &p, &err) || check_days(&sc, &d, &err)) {
		diag_print(&err);
		status = err.status;
		goto out;
	}
	printf("scenario   %s\n", *sc.name ? sc.name : "(unnamed)");
	print_horizon(&sc);
	print_units(&sc);
	print_roles(&sc);
	printf("services   %zu, shifts %zu, skill-mix rules %zu, staff %zu\n",
	       sc.n_services, sc.n_shifts, sc.n_mix, sc.n_staff);
	print_staff(&sc, &p);
	print_demand(&sc, &p);
	status = cli_check_warnings(&sc, &d);
	if (status)
		goto out;
	printf("\nok: '%s' is a valid scenario\n",
	       strcmp(input, "-") ? input : "<stdin>");
out:
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return status;
}

static int cmd_check(int argc, char **argv)
{
	const char *input = NULL;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_END(),
	};
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_check, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	return check_scenario(input);
}

const struct cli_command cli_check = {
	"check", "check SCENARIO",
	"validate; print a summary (units, roles, staff, weekly demand hours)",
	cmd_check,
};
