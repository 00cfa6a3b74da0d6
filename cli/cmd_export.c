#include "cli.h"

#include "constraints.h"
#include "demand.h"
#include "diag.h"
#include "scenario.h"
#include "nrp.h"
#include "model.h"
#include "problem.h"

static int export_model(const char *input, const char *output)
{
	struct nrp in;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct model *m = NULL;
	struct build b = {0};
	struct rota_error err;
	int status;

	nrp_init(&in);
	scenario_init(&sc);
	demand_init(&d);
	problem_init(&pb);
	rota_error_init(&err);
	/* A benchmark instance says the same problem in its own format. */
	status = nrp_sniff_file(input)
			 ? cli_load_nrp(input, &in, &sc, &d)
			 : cli_load(input, &sc, &d);
	if (status)
		goto out;
	m = model_new(*sc.name ? sc.name : "rota7");
	if (!m) {
		rota_error_add(&err, ROTA_EINTERNAL, "out of memory");
		goto fail;
	}
	if (problem_build(&pb, &sc, &d, &err) ||
	    constraints_build(&b, &pb, m, 0, NULL, &err) ||
	    model_write(m, output, &err))
		goto fail;
	diag_progress("wrote %s: %zu columns, %zu rows", output,
		      model_n_cols(m), model_n_rows(m));
	goto out;
fail:
	diag_print(&err);
	status = err.status;
out:
	constraints_build_release(&b);
	model_free(m);
	rota_error_release(&err);
	problem_release(&pb);
	demand_release(&d);
	scenario_release(&sc);
	nrp_release(&in);
	return status;
}

static int cmd_export_lp(int argc, char **argv)
{
	const char *input = NULL, *output = NULL;
	int quiet = 0;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_ARG(&output, "output FILE"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_export_lp,
					      options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	diag_set_quiet(quiet);
	return export_model(input, output);
}

const struct cli_command cli_export_lp = {
	"export-lp", "export-lp SCENARIO|INSTANCE FILE [-q]",
	"write the integer program as CPLEX LP (.lp) or free MPS (.mps)",
	cmd_export_lp,
};
