/*
 * check's warnings: what is valid but worth a word before a solve.
 * Kept apart from cmd_check.c's summary, all on stderr through diag.
 */
#include "cli.h"

#include <stdio.h>

#include "demand.h"
#include "diag.h"
#include "problem.h"
#include "scenario.h"

static const char *band_name(const struct band *b, size_t i, char *buf,
			     size_t len)
{
	if (b->label && *b->label)
		snprintf(buf, len, "'%s'", b->label);
	else
		snprintf(buf, len, "%zu", i + 1);
	return buf;
}

static double real_hours(instant_t from, instant_t to)
{
	return (double)(to - from) / 3600.0;
}

/* Shifts and bands a spring-forward gap leaves no real length on a day
 * (the spec's additions: they do not occur that day). */
static void warn_gap_days(const struct scenario *sc)
{
	char date[CIVIL_DATE_LEN], name[64];
	size_t s, b;
	int d;

	for (d = 0; d < sc->horizon.days; d++) {
		civil_format_date(scenario_date(sc, d), date);
		for (s = 0; s < sc->n_shifts; s++) {
			const struct shift *sh = &sc->shifts[s];

			if (sh->service < 0 || demand_shift_occurs(sc, (int)s, d))
				continue;
			diag_warn("shift '%s' does not occur on %s: its start "
				  "falls in the spring-forward gap, leaving %.1f "
				  "real hours (break %d minutes)",
				  sh->id, date,
				  real_hours(sh->start_at[d], sh->end_at[d]),
				  sh->break_minutes);
		}
		for (s = 0; s < sc->n_services; s++)
			for (b = 0; b < sc->services[s].n_bands; b++) {
				const struct band *bd = &sc->services[s].bands[b];

				if (!((bd->days >> scenario_pattern_weekday(sc, d)) &
				      1u) || demand_band_applies(sc, bd, d))
					continue;
				diag_warn("band %s of service '%s' does not occur "
					  "on %s: its start falls in the "
					  "spring-forward gap, leaving %.1f real "
					  "hours",
					  band_name(bd, b, name, sizeof(name)),
					  sc->services[s].id, date,
					  real_hours(bd->from_at[d], bd->to_at[d]));
			}
	}
}

/* A model solve and export-lp would refuse: said here too, since the
 * scenario itself is valid. */
static int warn_size(const struct scenario *sc)
{
	struct problem_size z;
	struct rota_error err;
	int ret = 0;

	rota_error_init(&err);
	if (problem_measure(sc, &z, &err)) {
		diag_print(&err);
		ret = err.status;
	} else if (problem_size_check(&z, &err)) {
		diag_warn("%s: solve and export-lp refuse it",
			  rota_error_last_text(&err));
	}
	rota_error_release(&err);
	return ret;
}

int cli_check_warnings(const struct scenario *sc, const struct demand *d)
{
	(void)d;
	warn_gap_days(sc);
	return warn_size(sc);
}
