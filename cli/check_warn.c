/*
 * check's warnings: what is valid but worth a word before a solve, kept
 * apart from cmd_check.c's summary, all on stderr through diag; and the
 * prepared problem plan builds (when the model fits) to count the staff
 * who can never work.
 */
#include "cli.h"

#include <stdio.h>

#include "demand.h"
#include "diag.h"
#include "idle.h"
#include "plan.h"
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

				/* Its days and dates aside: outside its
				 * from/until it is not meant to occur. */
				if (!((bd->days >> scenario_pattern_weekday(sc, d)) &
				      1u) || demand_band_pattern(sc, bd, d) ||
				    !date_window_holds(&bd->dates,
						       scenario_date(sc, d)))
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

/* The prepared problem, when the model is within the limits:
 * PREPARED_OK with pb built, PREPARED_TOO_LARGE with the reason in err,
 * or -1 (err set). */
enum { PREPARED_OK = 0, PREPARED_TOO_LARGE = 1 };

static int prepare(const struct scenario *sc, const struct demand *d,
		   struct problem *pb, struct rota_error *err)
{
	struct problem_size z;

	if (problem_measure(sc, &z, err))
		return -1;
	if (problem_size_check(&z, err))
		return PREPARED_TOO_LARGE;
	return problem_build(pb, sc, d, err);
}

static void warn_idle(const struct problem *pb)
{
	const struct scenario *sc = pb->sc;
	char date[CIVIL_DATE_LEN];
	enum idle_reason r;
	const char *why;
	size_t p, q;

	for (p = 0; p < sc->n_staff; p++) {
		const struct staff *st = &sc->staff[p];

		if (idle_person(pb, (int)p, &r))
			diag_warn("'%s' can never work where demand is: %s "
				  "(still counted in post, %g FTE)", st->id,
				  idle_reason_text(r), st->fte);
		for (q = 0; q < st->n_requests; q++) {
			const struct request *rq = &st->requests[q];

			if (!idle_request_impossible(pb, (int)p, q, &why))
				continue;
			civil_format_date(scenario_date(sc, rq->day), date);
			diag_warn("'%s' asks to work %s%s%s on %s, which can "
				  "never be granted: %s", st->id,
				  rq->shift >= 0 ? "'" : "",
				  rq->shift >= 0 ? sc->shifts[rq->shift].id :
				  "a shift", rq->shift >= 0 ? "'" : "", date,
				  why);
		}
	}
}

int cli_check_warnings(const struct scenario *sc, const struct demand *d)
{
	struct problem pb;
	struct rota_error err;
	int ret;

	warn_gap_days(sc);
	problem_init(&pb);
	rota_error_init(&err);
	ret = prepare(sc, d, &pb, &err);
	if (ret == PREPARED_OK) {
		warn_idle(&pb);
	} else if (ret == PREPARED_TOO_LARGE) {
		/* Said here too, since the scenario itself is valid. */
		diag_warn("%s: solve and export-lp refuse it",
			  rota_error_last_text(&err));
		ret = 0;
	} else {
		diag_print(&err);
		ret = err.status;
	}
	rota_error_release(&err);
	problem_release(&pb);
	return ret;
}

int cli_plan_idle(const struct scenario *sc, const struct demand *d,
		  struct plan *p)
{
	struct problem pb;
	struct rota_error err;
	int ret;

	problem_init(&pb);
	rota_error_init(&err);
	ret = prepare(sc, d, &pb, &err);
	if (ret == PREPARED_OK && plan_count_idle(p, &pb, &err))
		ret = -1;
	if (ret < 0) {
		diag_print(&err);
		ret = err.status;
	} else {
		ret = 0;   /* too large: the idle figures are left out */
	}
	rota_error_release(&err);
	problem_release(&pb);
	return ret;
}
