#include "nolegal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "timer.h"

int nolegal_infeasible(struct rota_error *why, struct rota_error *err)
{
	struct rota_place at = ROTA_PLACE_NONE;

	if (rota_error_last(why))
		at = rota_error_place(rota_error_last(why));
	rota_error_at(err, ROTA_EINFEASIBLE, &at,
		      "no rota keeps the hard rules: %s", rota_error_last_text(why));
	rota_error_release(why);
	return -1;
}

int nolegal_unproven(struct rota_error *why, double limit,
		     struct rota_error *err)
{
	struct rota_place at = ROTA_PLACE_NONE;

	if (rota_error_last(why))
		at = rota_error_place(rota_error_last(why));
	if (timer_stop_requested())
		rota_error_at(err, ROTA_EINTERRUPTED, &at, "interrupted before "
			      "any rota keeping the hard rules was found "
			      "(the best so far breaks %s); nothing written",
			      rota_error_last_text(why));
	else
		rota_error_at(err, ROTA_ELIMIT, &at, "no rota keeping the hard "
			      "rules was found within --time-limit %g s (the "
			      "best breaks %s); that is no proof that none "
			      "exists: a longer --time-limit may find one; "
			      "nothing written", limit, rota_error_last_text(why));
	rota_error_release(why);
	return -1;
}

/* Appends to buf (of size n) as snprintf would, cutting at the end. */
static void add_text(char *buf, size_t n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_text(char *buf, size_t n, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf + len, n - len, fmt, ap);
	va_end(ap);
}

/* Whether staff p has the band of senior rule m, in its role or one
 * that covers it. */
static int senior_for(const struct scenario *sc, size_t p,
		      const struct skill_mix *m)
{
	const struct staff *st = &sc->staff[p];
	size_t c;

	if (st->band < m->min_band)
		return 0;
	if (st->role == m->role)
		return 1;
	for (c = 0; c < sc->roles[st->role].n_covers; c++)
		if (sc->roles[st->role].covers[c].role == m->role)
			return 1;
	return 0;
}

void nolegal_seniors_proved(const struct problem *pb,
			    struct rota_error *found, struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	struct rota_place at = ROTA_PLACE_NONE;
	char rules[400] = "", who[400] = "";
	size_t m, p, n_rules = 0, n_who = 0;

	if (rota_error_last(found))
		at = rota_error_place(rota_error_last(found));
	for (m = 0; m < sc->n_mix; m++)
		if (sc->mix[m].type == MIX_SENIOR)
			add_text(rules, sizeof(rules), "%s$.skill_mix[%zu]",
				 n_rules++ ? ", " : "", m);
	for (p = 0; p < sc->n_staff; p++) {
		for (m = 0; m < sc->n_mix; m++)
			if (sc->mix[m].type == MIX_SENIOR &&
			    senior_for(sc, p, &sc->mix[m]))
				break;
		if (m == sc->n_mix)
			continue;
		if (n_who++ < 10)
			add_text(who, sizeof(who), "%s%s", n_who > 1 ? ", " : "",
				 sc->staff[p].id);
	}
	if (n_who > 10)
		add_text(who, sizeof(who), " and %zu more", n_who - 10);
	rota_error_at(err, ROTA_EINFEASIBLE, &at, "no rota keeps the hard "
		      "rules: GLPK proved that senior cover (%s) cannot be met "
		      "on every day together with the working-time rules, leave "
		      "and days off of the %zu %s who could give it (%s); "
		      "the closest rota found first falls short at %s", rules,
		      n_who, n_who == 1 ? "person" : "people",
		      n_who ? who : "nobody",
		      rota_error_last_text(found));
}
