/*
 * cli: rota7's command line, one file per command (after curl's
 * src/tool_*): rota7.c parses and dispatches, cmd_<name>.c runs one
 * command.  Commands return an exit status from enum rota_status and
 * print their primary output on stdout; diagnostics go through diag.
 */
#ifndef ROTA7_CLI_H
#define ROTA7_CLI_H

/* What the command line said; strings borrow from argv. */
struct cli_args {
	const char *command;
	const char *input;      /* SCENARIO or INSTANCE; "-" is stdin */
	const char *output;     /* FILE for export-lp */
	const char *dir;        /* -o DIR, default "rota-out" */
	const char *previous;   /* --previous DIR */
	double time_limit;      /* --time-limit SEC; 0: none */
	double gap;             /* --gap REL; < 0: default */
	unsigned long seed;     /* --seed N */
	int quiet;              /* -q */
};

int cmd_check(const struct cli_args *a);
int cmd_plan(const struct cli_args *a);
int cmd_solve(const struct cli_args *a);
int cmd_export_lp(const struct cli_args *a);
int cmd_nrp(const struct cli_args *a);

/* Loads a.input into sc and expands its demand; prints errors.
 * Returns 0 or the exit status to stop with. */
struct scenario;
struct demand;
int cli_load(const char *input, struct scenario *sc, struct demand *d);
/* Loads a benchmark instance and the scenario that says the same. */
struct nrp;
int cli_load_nrp(const char *input, struct nrp *in, struct scenario *sc,
		 struct demand *d);

/* The solve options from the command line (--time-limit, default 60 s;
 * --gap; --seed), shared by solve and nrp. */
struct solve_opts;
void cli_solve_opts(const struct cli_args *a, struct solve_opts *o);

/* SIGINT or SIGTERM: stop searching and keep the best legal rota found;
 * a second one ends the program. */
void cli_catch_signals(void);

/* Prints an aligned text table; helpers shared by commands. */
void cli_rule(int width);

/* The summary table of plan and solve: per neighbourhood, per role and in
 * all, under 100 columns; g is the rota's side, NULL for plan. */
struct plan;
struct fte_gap;
void cli_print_gap(const struct scenario *sc, const struct plan *p,
		   const struct fte_gap *g);

#endif
