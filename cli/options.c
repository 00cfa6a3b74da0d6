/*
 * A command's arguments parsed against the options it declares, and its
 * usage and help printed from the same table, so that what --help says
 * and what the parser takes cannot drift apart.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

/* Every command's -h and --help; looked up after the command's own. */
static const struct cli_option help_option = {
	CLI_OPTION_HELP, 'h', "--help", NULL, NULL, "this text"
};

/* Names and values line up with the help at this column (after "  "). */
#define HELP_COLUMN 18

static int parse_double(const char *opt, const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	/* strtod also reads "nan", "inf" and "infinity": no limit or gap. */
	if (errno || end == s || *end || !isfinite(*out) || *out < 0) {
		diag_error("invalid value '%s' for %s: a finite number >= 0 "
			   "expected", s, opt);
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

static int takes_value(const struct cli_option *o)
{
	return o->type == CLI_OPTION_STRING || o->type == CLI_OPTION_NUMBER ||
	       o->type == CLI_OPTION_SEED;
}

/* Prints "-q, --quiet" or "--time-limit SEC"; returns how wide it is. */
static int print_names(const struct cli_option *o)
{
	int w = 0;

	if (o->short_name)
		w += printf("-%c%s", o->short_name, o->long_name ? ", " : "");
	if (o->long_name)
		w += printf("%s", o->long_name);
	if (o->arg)
		w += printf(" %s", o->arg);
	return w;
}

static void print_option(const struct cli_option *o)
{
	int w;

	fputs("  ", stdout);
	w = print_names(o);
	printf("%*s%s\n", w < HELP_COLUMN ? HELP_COLUMN - w : 1, "", o->help);
}

/* rota7 CMD --help: the usage line, what it does, one line an option. */
static void print_help(const struct cli_command *cmd,
		       const struct cli_option *opts)
{
	const struct cli_option *o;
	int values = 0;

	printf("usage: rota7 %s\n\n%s\n\noptions:\n", cmd->synopsis,
	       cmd->summary);
	for (o = opts; o->type != CLI_OPTION_END; o++) {
		if (o->type == CLI_OPTION_ARG)
			continue;
		print_option(o);
		values |= takes_value(o);
	}
	print_option(&help_option);
	/* How the parser reads them, said once for every command. */
	fputs("\n", stdout);
	if (values)
		fputs("A value is the next argument (--seed 2, -o DIR) or joined "
		      "to its option\n(--seed=2, -oDIR).\n", stdout);
	fputs("After '--' no argument is an option, even one that begins "
	      "with '-'.\n", stdout);
}

/* A usage error: the message is out; the command's usage line follows. */
static enum cli_parsed usage_error(const struct cli_command *cmd)
{
	fprintf(stderr, "usage: rota7 %s\n", cmd->synopsis);
	return CLI_USAGE_ERROR;
}

/* Whether o is called s[0..len), as "--time-limit" of "--time-limit=5". */
static int is_called(const struct cli_option *o, const char *s, size_t len)
{
	return o->long_name && strlen(o->long_name) == len &&
	       !strncmp(o->long_name, s, len);
}

static const struct cli_option *find_long(const struct cli_option *opts,
					  const char *s, size_t len)
{
	const struct cli_option *o;

	for (o = opts; o->type != CLI_OPTION_END; o++)
		if (is_called(o, s, len))
			return o;
	return is_called(&help_option, s, len) ? &help_option : NULL;
}

static const struct cli_option *find_short(const struct cli_option *opts,
					   char c)
{
	const struct cli_option *o;

	for (o = opts; o->type != CLI_OPTION_END; o++)
		if (o->short_name == c)
			return o;
	return c == help_option.short_name ? &help_option : NULL;
}

/* The next positional argument's entry from o on, or NULL. */
static const struct cli_option *next_arg(const struct cli_option *o)
{
	while (o->type != CLI_OPTION_END && o->type != CLI_OPTION_ARG)
		o++;
	return o->type == CLI_OPTION_ARG ? o : NULL;
}

static int store(const struct cli_option *o, const char *name, const char *v)
{
	switch (o->type) {
	case CLI_OPTION_STRING:
		*(const char **)o->value = v;
		return 0;
	case CLI_OPTION_NUMBER:
		return parse_double(name, v, o->value);
	case CLI_OPTION_SEED:
		return parse_seed(v, o->value);
	default:
		return -1;
	}
}

/*
 * argv[*i] begins with '-' and is neither "-" nor "--".  A short option
 * is one letter: "-qo" is not -q -o, and after one that takes no value
 * it is an unknown option rather than a guess.
 */
static enum cli_parsed parse_option(int argc, char **argv, int *i,
				    const struct cli_command *cmd,
				    const struct cli_option *opts)
{
	const char *s = argv[*i], *v = NULL, *name;
	const struct cli_option *o;
	char letter[3] = "-?";
	size_t len;

	if (s[1] == '-') {
		len = strcspn(s, "=");
		o = find_long(opts, s, len);
		if (s[len])
			v = s + len + 1;
		name = o ? o->long_name : NULL;
	} else {
		len = strlen(s);
		o = find_short(opts, s[1]);
		if (o && s[2] && !takes_value(o))
			o = NULL;
		else if (s[2])
			v = s + 2;
		letter[1] = s[1];
		name = letter;
	}
	if (!o) {
		diag_error("unknown option '%.*s' for '%s'", (int)len, s,
			   cmd->name);
		return usage_error(cmd);
	}
	if (!takes_value(o)) {
		if (v) {
			diag_error("option '%s' takes no value", name);
			return usage_error(cmd);
		}
		if (o->type == CLI_OPTION_HELP) {
			print_help(cmd, opts);
			return CLI_HELP_SHOWN;
		}
		*(int *)o->value = 1;
		return CLI_RUN;
	}
	if (!v) {
		if (*i + 1 >= argc) {
			diag_error("missing value for %s", name);
			return usage_error(cmd);
		}
		v = argv[++*i];
	}
	return store(o, name, v) ? CLI_USAGE_ERROR : CLI_RUN;
}

enum cli_parsed cli_parse_options(int argc, char **argv,
				  const struct cli_command *cmd,
				  const struct cli_option *opts)
{
	const struct cli_option *arg = next_arg(opts);
	enum cli_parsed r;
	int i, options = 1;

	for (i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (options && !strcmp(s, "--")) {
			options = 0;
			continue;
		}
		if (options && s[0] == '-' && s[1]) {
			r = parse_option(argc, argv, &i, cmd, opts);
			if (r != CLI_RUN)
				return r;
			continue;
		}
		if (!arg) {
			diag_error("unexpected argument '%s'", s);
			return usage_error(cmd);
		}
		*(const char **)arg->value = s;
		arg = next_arg(arg + 1);
	}
	if (arg) {
		diag_error("missing %s for '%s'", arg->help, cmd->name);
		return usage_error(cmd);
	}
	return CLI_RUN;
}
