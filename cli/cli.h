/*
 * cli: rota7's command line, one file per command (after git's
 * builtin/ and curl's src/tool_*).  rota7.c dispatches: main, the table
 * of commands, signals.  options.c parses a command's arguments against
 * the options that command declares.  cmd_<name>.c is one command: its
 * usage, its options and what it runs.  Commands return an exit status
 * from enum rota_status and print their primary output on stdout;
 * diagnostics go through diag.
 *
 * Memory: nothing here allocates for its caller.  Option values and
 * arguments borrow from argv; the tables are the caller's.
 */
#ifndef ROTA7_CLI_H
#define ROTA7_CLI_H

/*
 * One command.  synopsis and summary are what 'rota7 --help' lists and
 * what 'rota7 NAME --help' and a usage error print; run gets argv from
 * the command's name on (argv[0] is "solve").
 */
struct cli_command {
	const char *name;       /* "solve" */
	const char *synopsis;   /* "solve SCENARIO [-o DIR] ...", after "rota7 " */
	const char *summary;    /* what it does; lines split by '\n' */
	int (*run)(int argc, char **argv);
};

extern const struct cli_command cli_check;
extern const struct cli_command cli_plan;
extern const struct cli_command cli_solve;
extern const struct cli_command cli_recruit;
extern const struct cli_command cli_export_lp;
extern const struct cli_command cli_nrp;

/*
 * Options, as git's parse-options: a command declares a table of
 * struct cli_option, ending in CLI_OPT_END(), whose entries point at its
 * own variables; the parser fills them.  Initialise the variables to
 * their defaults first: an option not given leaves its variable alone.
 *
 * A value follows its option as the next argument (--seed 2, -o DIR),
 * after '=' for a long option (--seed=2), or joined to a short one
 * (-oDIR).  "--" ends the options: every argument after it is a
 * positional one, even "-" or "-x.json".  "-" alone is always
 * positional (standard input).  "-h" and "--help" are every command's.
 * A later option overrides an earlier one.
 */
enum cli_option_type {
	CLI_OPTION_END,
	CLI_OPTION_ARG,         /* const char *: the next positional argument */
	CLI_OPTION_FLAG,        /* int: set to 1 */
	CLI_OPTION_STRING,      /* const char *: the value */
	CLI_OPTION_NUMBER,      /* double: a number >= 0 */
	CLI_OPTION_SEED,        /* unsigned long: decimal digits */
	CLI_OPTION_HELP         /* the parser's own -h, --help */
};

struct cli_option {
	enum cli_option_type type;
	char short_name;        /* 'o' for -o; 0: none */
	const char *long_name;  /* "--time-limit", dashes included; NULL: none */
	void *value;
	const char *arg;        /* the value in help ("SEC"); NULL for a flag */
	/* One line for --help; for an argument, what is missing without it
	 * ("input file" gives "missing input file for 'check'"). */
	const char *help;
};

/* The conditional expressions make the compiler check the variable's
 * type, as the table itself cannot. */
#define CLI_CHECK_TYPE(type, v) (1 ? (v) : (type *)0)
#define CLI_OPT_END() {CLI_OPTION_END, 0, NULL, NULL, NULL, NULL}
#define CLI_OPT_ARG(v, what) \
	{CLI_OPTION_ARG, 0, NULL, CLI_CHECK_TYPE(const char *, v), NULL, what}
#define CLI_OPT_FLAG(s, l, v, h) \
	{CLI_OPTION_FLAG, s, l, CLI_CHECK_TYPE(int, v), NULL, h}
#define CLI_OPT_STRING(s, l, v, a, h) \
	{CLI_OPTION_STRING, s, l, CLI_CHECK_TYPE(const char *, v), a, h}
#define CLI_OPT_NUMBER(l, v, a, h) \
	{CLI_OPTION_NUMBER, 0, l, CLI_CHECK_TYPE(double, v), a, h}
/* --seed N, the one option of its type (parse_seed names it). */
#define CLI_OPT_SEED(v) \
	{CLI_OPTION_SEED, 0, "--seed", CLI_CHECK_TYPE(unsigned long, v), "N", \
	 "seed of the search (same input and seed, same rota)"}

/* The options more than one command takes, said the same way in each. */
#define CLI_OPT_DIR(v) \
	CLI_OPT_STRING('o', NULL, v, "DIR", "output directory (default rota-out)")
#define CLI_OPT_QUIET(v) \
	CLI_OPT_FLAG('q', "--quiet", v, "no progress on standard error")
#define CLI_OPT_TIME_LIMIT(v) \
	CLI_OPT_NUMBER("--time-limit", v, "SEC", \
		       "stop the search after SEC seconds (default 60)")

/* The time limit when --time-limit is not given, or is 0. */
#define CLI_DEFAULT_TIME_LIMIT 60.0

/* What parsing the command line found. */
enum cli_parsed {
	CLI_USAGE_ERROR = -1,   /* reported through diag: exit 2 */
	CLI_RUN = 0,            /* the command should run */
	CLI_HELP_SHOWN = 1      /* its help is on stdout: exit 0 */
};

/*
 * Parses argv[1..argc-1] (argv[0] is the command's name) into opts.
 * A usage error is an unknown, misplaced or missing option or argument,
 * reported with the command's usage line after it, or an invalid value
 * ("invalid value 'x' for --seed").  Every CLI_OPT_ARG is required.
 */
enum cli_parsed cli_parse_options(int argc, char **argv,
				  const struct cli_command *cmd,
				  const struct cli_option *opts);

/* Loads input into sc and expands its demand; prints errors.
 * Returns 0 or the exit status to stop with. */
struct scenario;
struct demand;
int cli_load(const char *input, struct scenario *sc, struct demand *d);
/* check's warnings on a valid scenario (check_warn.c), on stderr: shifts
 * and bands a clock change stops on a day, a model too large to solve,
 * staff who can never work.  Returns 0 or the exit status to stop with
 * (out of memory). */
int cli_check_warnings(const struct scenario *sc, const struct demand *d);
/* plan's count of staff who can never work (plan_count_idle), on the
 * problem prepared for it when the model is within the limits (else
 * left out).  Returns 0 or the exit status to stop with. */
struct plan;
int cli_plan_idle(const struct scenario *sc, const struct demand *d,
		  struct plan *p);
/* Loads a benchmark instance and the scenario that says the same. */
struct nrp;
int cli_load_nrp(const char *input, struct nrp *in, struct scenario *sc,
		 struct demand *d);

/* SIGINT or SIGTERM: stop searching and keep the best legal rota found;
 * a second one ends the program. */
void cli_catch_signals(void);

/* The summary table of plan and solve: per neighbourhood, per role and in
 * all, under 100 columns; g is the rota's side, NULL for plan. */
struct plan;
struct fte_gap;
void cli_print_gap(const struct scenario *sc, const struct plan *p,
		   const struct fte_gap *g);
/* With pay in the scenario (an addition to the spec), the line of what
 * the offer, the staff in post and (g not NULL) the rota cost a year. */
void cli_print_cost(const struct scenario *sc, const struct plan *p,
		    const struct fte_gap *g);

#endif
