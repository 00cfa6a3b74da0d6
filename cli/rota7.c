/*
 * rota7's main: the table of commands, the overview, and what every
 * command shares (loading a scenario, catching signals).  A command's
 * own options and usage are in its cmd_<name>.c.
 */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"
#include "load.h"
#include "tz.h"
#include "timer.h"

#ifndef ROTA7_VERSION
#define ROTA7_VERSION "0.0.0"
#endif

static const struct cli_command *const commands[] = {
	&cli_check, &cli_plan, &cli_solve, &cli_recruit, &cli_export_lp, &cli_nrp,
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

/* Prints s with every line indented by `indent` spaces. */
static void print_indented(FILE *f, int indent, const char *s)
{
	size_t n;

	while (*s) {
		n = strcspn(s, "\n");
		fprintf(f, "%*s%.*s\n", indent, "", (int)n, s);
		s += n + (s[n] == '\n');
	}
}

/* rota7 --help: every command's usage line and what it does. */
static void usage(FILE *f)
{
	size_t i;

	fputs("usage: rota7 COMMAND [OPTIONS]\n\n"
	      "Makes 7-day rotas for neighbourhood health and social care "
	      "teams\nand reports the FTE gap.\n\ncommands:\n", f);
	for (i = 0; i < N_COMMANDS; i++) {
		fprintf(f, "  rota7 %s\n", commands[i]->synopsis);
		print_indented(f, 6, commands[i]->summary);
	}
	fputs("\n'rota7 COMMAND --help' lists the options of COMMAND.\n\n"
	      "options:\n"
	      "  -h, --help        this text\n"
	      "  --version         the version\n\n"
	      "SCENARIO may be - for standard input.\n"
	      "exit status: 0 done, 1 internal error, 2 bad usage or input,\n"
	      "3 no rota satisfies the hard rules, 4 an output could not be "
	      "written\n", f);
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

static const struct cli_command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct cli_command *c;
	int status;

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
	status = c->run(argc - 1, argv + 1);
	tz_shutdown();
	if (fflush(stdout) && status == ROTA_OK)
		status = ROTA_EOUTPUT;
	return status;
}
