#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"
#include "nrp.h"
#include "outfile.h"
#include "solve.h"
#include "problem.h"
#include "report.h"
#include "roster.h"

int cli_load_nrp(const char *input, struct nrp *in, struct scenario *sc,
		 struct demand *d)
{
	struct rota_error err;
	int ret = 0;

	rota_error_init(&err);
	if (nrp_load(in, input, &err) || nrp_to_scenario(in, sc, d, &err)) {
		diag_print(&err);
		ret = err.status;
	}
	rota_error_release(&err);
	return ret;
}

/* Shift index per (staff, day), -1 off: the instance's own terms. */
static int *shifts_of(const struct problem *pb, const struct roster *r)
{
	size_t p, n = pb->sc->n_staff * (size_t)pb->days;
	int *s = malloc((n + 1) * sizeof(int));
	int d;

	if (s)
		for (p = 0; p < pb->sc->n_staff; p++)
			for (d = 0; d < pb->days; d++)
				s[p * (size_t)pb->days + (size_t)d] =
					roster_shift(r, (int)p, d);
	return s;
}

/* The instance's objective, counted from the instance itself, must be
 * the engine's: a disagreement is a bug in the mapping. */
static int agree(const struct nrp *in, const int *shift_of,
		 const struct solve_result *res, long *obj,
		 struct rota_error *err)
{
	*obj = nrp_objective(in, shift_of);
	if (fabs((double)*obj - res->objective) > 1e-6)
		return rota_error_add(err, ROTA_EINTERNAL, "objective %ld "
				      "counted on the instance differs from "
				      "the engine's %.3f (a bug)", *obj,
				      res->objective);
	return 0;
}

static int solve_instance(const char *input, const char *dir,
			  const struct solve_opts *o)
{
	struct nrp in;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r = {0};
	struct solve_result res;
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0, 0};
	int *shift_of = NULL;
	long obj = 0;
	int status;

	nrp_init(&in);
	scenario_init(&sc);
	demand_init(&d);
	problem_init(&pb);
	rota_error_init(&err);
	status = cli_load_nrp(input, &in, &sc, &d);
	if (status)
		goto out;
	/* As solve: DIR holds one run's files, replaced only when all are
	 * written, and an unwritable DIR fails before the search. */
	if (outdir_begin(&od, dir, &err))
		goto fail;
	cli_catch_signals();
	/* solve's engine, the instance as its scenario: the same start,
	 * phases and final check. */
	if (problem_build(&pb, &sc, &d, &err) ||
	    solve_run(&pb, o, &r, &res, &err))
		goto fail;
	shift_of = shifts_of(&pb, &r);
	if (!shift_of) {
		rota_error_add(&err, ROTA_EINTERNAL, "out of memory");
		goto fail;
	}
	/* Every rota of an instance costs a whole number: so does the best. */
	if (!isinf(res.bound)) {
		/* + 0.0: a bound of 0 rounded up from below is -0 in C,
		 * and was printed "-0.0" (Instance13). */
		res.bound = ceil(res.bound - 1e-6) + 0.0;
		res.gap = (res.objective - res.bound) / fmax(fabs(res.objective), 1);
		res.optimal = res.gap <= 1e-9;
	}
	if (agree(&in, shift_of, &res, &obj, &err) ||
	    report_nrp_solution(od.stage, &in, shift_of, &err) ||
	    outdir_commit(&od, &err))
		goto fail;
	printf("objective %ld\n", obj);
	diag_progress("%s, bound %.1f, gap %.2f%%, %.1f s; wrote %s/solution.txt",
		      res.optimal ? "optimal" : "feasible", res.bound,
		      100 * res.gap, res.seconds, dir);
	/* As solve: the best so far is written, and the exit says so. */
	if (res.stopped_by == SOLVE_STOP_INTERRUPT)
		status = ROTA_EINTERRUPTED;
	goto out;
fail:
	diag_print(&err);
	status = err.status;
out:
	outdir_abort(&od);
	free(shift_of);
	rota_error_release(&err);
	roster_release(&r);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
	nrp_release(&in);
	return status;
}

static int cmd_nrp(int argc, char **argv)
{
	const char *input = NULL, *dir = "rota-out";
	double time_limit = 0, work = 0;
	unsigned long seed = 0;
	int quiet = 0;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_DIR(&dir),
		CLI_OPT_TIME_LIMIT(&time_limit),
		CLI_OPT_SEED(&seed),
		CLI_OPT_NUMBER("--work", &work, "N",
			       "rounds of the local search, as for solve "
			       "(default " SOLVE_BY_PERSON_WORK_TEXT ": the "
			       "start is built person by person)"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	struct solve_opts o;
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_nrp, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	if (work != floor(work) || work > 1e12) {
		diag_error("invalid value '%g' for --work: a whole number of "
			   "rounds expected", work);
		return ROTA_EINPUT;
	}
	diag_set_quiet(quiet);
	/* No --gap: the instance is solved for the whole time. */
	solve_opts_init(&o, time_limit > 0 ? time_limit :
			CLI_DEFAULT_TIME_LIMIT);
	o.seed = seed;
	o.work = (long)work;
	return solve_instance(input, dir, &o);
}

const struct cli_command cli_nrp = {
	"nrp", "nrp INSTANCE [-o DIR] [--time-limit SEC] [--seed N] [--work N] "
	"[-q]",
	"solve a Curtois & Qu shift-scheduling benchmark instance;\n"
	"write DIR/solution.txt and print its objective",
	cmd_nrp,
};
