#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"
#include "load.h"
#include "tz.h"
#include "local_search.h"
#include "solve.h"
#include "timer.h"

#ifndef ROTA7_VERSION
#define ROTA7_VERSION "0.0.0"
#endif

struct command {
	const char *name;
	int (*run)(const struct cli_args *a);
	const char *usage;
	const char *help;
};

static const struct command commands[] = {
	{"check", cmd_check, "check SCENARIO",
	 "validate; print a summary (units, roles, staff, weekly demand hours)"},
	{"plan", cmd_plan, "plan SCENARIO [-o DIR]",
	 "required FTE, in post and gap per neighbourhood and role"},
	{"solve", cmd_solve, "solve SCENARIO [-o DIR] [--time-limit SEC] "
	 "[--gap REL] [--seed N] [--previous DIR] [-q]", "build and solve the rota; write the rota"
	 " and the FTE gap"},
	{"export-lp", cmd_export_lp, "export-lp SCENARIO|INSTANCE FILE",
	 "write the integer program as CPLEX LP (.lp) or free MPS (.mps)"},
	{"nrp", cmd_nrp, "nrp INSTANCE [-o DIR] [--time-limit SEC] [--seed N] "
	 "[-q]", "solve a Curtois & Qu shift-scheduling benchmark instance;\n"
	 "      write DIR/solution.txt and print its objective"},
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
	size_t i;

	fputs("usage: rota7 COMMAND [OPTIONS]\n\n"
	      "Makes 7-day rotas for neighbourhood health and social care "
	      "teams\nand reports the FTE gap.\n\ncommands:\n", f);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  rota7 %s\n      %s\n", commands[i].usage,
			commands[i].help);
	fputs("\noptions:\n"
	      "  -o DIR            output directory (default rota-out)\n"
	      "  --time-limit SEC  stop the search after SEC seconds (default 60)\n"
	      "  --gap REL         stop when this close to the bound\n"
	      "  --seed N          seed of the search (same input and seed, same "
	      "rota)\n"
	      "  --previous DIR    an earlier output: changed shifts get a higher "
	      "SEQUENCE\n"
	      "                    and removed ones are published as cancelled\n"
	      "  -q                no progress on standard error\n"
	      "  -h, --help        this text\n"
	      "  --version         the version\n\n"
	      "SCENARIO may be - for standard input.\n"
	      "exit status: 0 done, 1 internal error, 2 bad usage or input,\n"
	      "3 no rota satisfies the hard rules, 4 an output could not be "
	      "written\n", f);
}

static int parse_double(const char *opt, const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	if (errno || end == s || *end || *out < 0) {
		diag_error("invalid value '%s' for %s", s, opt);
		return -1;
	}
	return 0;
}

static int parse_seed(const char *s, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 10);
	if (errno || end == s || *end || *s == '-') {
		diag_error("invalid value '%s' for --seed", s);
		return -1;
	}
	return 0;
}

/* Options that take a value; returns the value or NULL (reported). */
static const char *value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		diag_error("missing value for %s", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

static int parse_option(int argc, char **argv, int *i, struct cli_args *a)
{
	const char *o = argv[*i], *v;

	if (!strcmp(o, "-q") || !strcmp(o, "--quiet")) {
		a->quiet = 1;
		return 0;
	}
	if (strcmp(o, "-o") && strcmp(o, "--time-limit") && strcmp(o, "--gap") &&
	    strcmp(o, "--seed") && strcmp(o, "--previous")) {
		diag_error("unknown option '%s'", o);
		return -1;
	}
	v = value(argc, argv, i);
	if (!v)
		return -1;
	if (!strcmp(o, "-o"))
		a->dir = v;
	else if (!strcmp(o, "--previous"))
		a->previous = v;
	else if (!strcmp(o, "--seed"))
		return parse_seed(v, &a->seed);
	else if (!strcmp(o, "--gap"))
		return parse_double(o, v, &a->gap);
	else
		return parse_double(o, v, &a->time_limit);
	return 0;
}

static int parse_args(int argc, char **argv, struct cli_args *a)
{
	int i, pos = 0;

	for (i = 2; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1]) {
			if (parse_option(argc, argv, &i, a))
				return -1;
		} else if (pos == 0) {
			a->input = argv[i];
			pos++;
		} else if (pos == 1) {
			a->output = argv[i];
			pos++;
		} else {
			diag_error("unexpected argument '%s'", argv[i]);
			return -1;
		}
	}
	if (!a->input) {
		diag_error("missing input file for '%s'", a->command);
		return -1;
	}
	if (!strcmp(a->command, "export-lp") && !a->output) {
		diag_error("missing output FILE for 'export-lp'");
		return -1;
	}
	if (strcmp(a->command, "export-lp") && a->output) {
		diag_error("unexpected argument '%s'", a->output);
		return -1;
	}
	return 0;
}

int cli_load(const char *input, struct scenario *sc, struct demand *d)
{
	struct rota_error err;
	int ret = 0;

	rota_error_init(&err);
	if (scenario_load(input, sc, &err) ||
	    demand_expand(sc, d, &err)) {
		diag_print(&err);
		ret = err.status;
	}
	rota_error_release(&err);
	return ret;
}

/* Used when --time-limit is not given. */
#define DEFAULT_TIME_LIMIT 60.0

void cli_solve_opts(const struct cli_args *a, struct solve_opts *o)
{
	o->time_limit = a->time_limit > 0 ? a->time_limit : DEFAULT_TIME_LIMIT;
	o->gap = a->gap >= 0 ? a->gap : 0;
	o->seed = a->seed;
}

static void on_signal(int sig)
{
	(void)sig;
	timer_request_stop();
}

void cli_catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = (int)SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

void cli_rule(int width)
{
	while (width-- > 0)
		putchar('-');
	putchar('\n');
}

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	struct cli_args a = {0};
	const struct command *c;
	int status;

	a.dir = "rota-out";
	a.gap = -1;
	if (argc < 2) {
		usage(stderr);
		return ROTA_EINPUT;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return ROTA_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("rota7 %s\n", ROTA7_VERSION);
		return ROTA_OK;
	}
	c = find_command(argv[1]);
	if (!c) {
		diag_error("unknown command '%s'; see 'rota7 --help'", argv[1]);
		return ROTA_EINPUT;
	}
	if (argc > 2 && (!strcmp(argv[2], "-h") || !strcmp(argv[2], "--help"))) {
		printf("usage: rota7 %s\n", c->usage);
		return ROTA_OK;
	}
	a.command = c->name;
	if (parse_args(argc, argv, &a))
		return ROTA_EINPUT;
	diag_set_quiet(a.quiet);
	status = c->run(&a);
	tz_shutdown();
	if (fflush(stdout) && status == ROTA_OK)
		status = ROTA_EOUTPUT;
	return status;
}
