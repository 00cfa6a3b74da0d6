#include "dayproof.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* ---- a growing message ---- */

struct text {
	char *s;
	size_t n, cap;
	int oom;
};

static void text_add(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (t->oom)
		return;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || grow(&t->s, &t->cap, t->n + (size_t)len + 1, 1)) {
		t->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	t->n += (size_t)len;
}

/* ---- what one proof is about ---- */

struct proof {
	const struct problem *pb;
	const struct skill_mix *m;
	size_t mi;               /* index of m in the scenario */
	int u, d;                /* unit of m's scope, horizon day */
	instant_t a, b;          /* the instants no rota can staff */
	int most;                /* at most this many can be on duty there */
	unsigned char *can;      /* [n_staff]: may be on duty in [a, b) */
};

static int applies(const struct scenario *sc, const struct skill_mix *m,
		   int d)
{
	return scenario_mix_applies(sc, m, d);
}

static int fills(const struct scenario *sc, const struct staff *st, int role)
{
	size_t c;

	if (st->role == role)
		return 1;
	for (c = 0; c < sc->roles[st->role].n_covers; c++)
		if (sc->roles[st->role].covers[c].role == role)
			return 1;
	return 0;
}

static int reaches(const struct scenario *sc, const struct staff *st,
		   int scope, int u)
{
	size_t n;

	for (n = 0; n < sc->n_neighbourhoods; n++)
		if (st->may_work[n] && scenario_unit_of(sc, scope, (int)n) == u)
			return 1;
	return 0;
}

/* Whether var v counts toward m: its role filled and the band.  (Its
 * cells already say the service, unit and time.) */
static int counts(const struct problem *pb, const struct skill_mix *m,
		  size_t v)
{
	const struct var *x = &pb->vars[v];

	return pb->people[x->p].opts[x->k].role == m->role &&
	       pb->sc->staff[x->p].band >= m->min_band;
}

/* (person, day) pairs with a var counting toward m in cell c: the most
 * that can be on duty there.  A cell's vars are in var order, so one
 * pair's vars are next to each other. */
static int most_on_duty(const struct problem *pb, const struct skill_mix *m,
			size_t c)
{
	size_t i;
	int n = 0, lp = -1, ld = -1;

	for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++) {
		const struct var *x = &pb->vars[pb->cell_vars[i]];

		if (!counts(pb, m, pb->cell_vars[i]) || (x->p == lp && x->d == ld))
			continue;
		lp = x->p;
		ld = x->d;
		n++;
	}
	return n;
}

/* A part [from, to) of the window where at most `most` can be on duty:
 * extends the run in *pf when it is short and joins it, and says whether
 * the run is over (a part that is not short, after a run). */
static int take_part(struct proof *pf, instant_t from, instant_t to,
		     int most, int *in_run)
{
	if (from >= to)
		return 0;
	if (most >= pf->m->count)
		return *in_run;
	if (!*in_run) {
		*in_run = 1;
		pf->a = from;
		pf->most = 0;
	} else if (from != pf->b) {
		return 1;
	}
	pf->b = to;
	if (most > pf->most)
		pf->most = most;
	return 0;
}

/* The first cell of track t ending after `from` (cells of a track are in
 * time order and do not overlap). */
static size_t first_cell(const struct problem *pb, size_t t, instant_t from)
{
	size_t a = pb->track_first[t], b = pb->track_first[t + 1];

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (pb->cells[mid].to <= from)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

/* The first stretch of m's window on day d in unit u that no rota can
 * staff: 1 when found (in pf), 0 when none. */
static int short_stretch(struct proof *pf)
{
	const struct problem *pb = pf->pb;
	const struct skill_mix *m = pf->m;
	size_t t = problem_track(pb, m->service, m->scope, pf->u, m->role);
	instant_t from = m->from_at[pf->d], to = m->to_at[pf->d];
	instant_t covered = from;
	size_t c;
	int in_run = 0;

	for (c = first_cell(pb, t, from); c < pb->track_first[t + 1]; c++) {
		const struct cell *ce = &pb->cells[c];
		instant_t cf = ce->from > from ? ce->from : from;
		instant_t ct = ce->to < to ? ce->to : to;

		if (ce->from >= to)
			break;
		/* Between cells no shift of the service is on duty. */
		if (take_part(pf, covered, cf, 0, &in_run) ||
		    take_part(pf, cf, ct, most_on_duty(pb, m, c), &in_run))
			return 1;
		covered = ct;
	}
	take_part(pf, covered, to, 0, &in_run);
	return in_run;
}

/* ---- local times ---- */

static int known_clock(instant_t t, const instant_t *at, int days, int mins,
		       int *out)
{
	int d;

	if (mins < 0)
		return 0;
	for (d = 0; d < days; d++)
		if (at[d] == t) {
			*out = mins;
			return 1;
		}
	return 0;
}

/*
 * The wall clock of instant t, as "HH:MM".  Every edge of a stretch is an
 * edge of the rule's window, a band or a shift, whose wall clock the
 * scenario gives: found there, it is right on clock-change days too.
 * Else (never, in practice) minutes after the day's local midnight.
 */
static void clock_of(const struct proof *pf, instant_t t, char out[8])
{
	const struct scenario *sc = pf->pb->sc;
	const struct service *sv = &sc->services[pf->m->service];
	int days = sc->horizon.days, mins = -1;
	size_t i;
	long f;

	if (t == sc->horizon.day_start[pf->d + 1]) {
		snprintf(out, 8, "24:00");
		return;
	}
	if (known_clock(t, pf->m->from_at, days, pf->m->from_min, &mins) ||
	    known_clock(t, pf->m->to_at, days, pf->m->to_min, &mins))
		goto done;
	for (i = 0; i < sv->n_bands; i++)
		if (known_clock(t, sv->bands[i].from_at, days,
				sv->bands[i].from_min, &mins) ||
		    known_clock(t, sv->bands[i].to_at, days,
				sv->bands[i].to_min, &mins))
			goto done;
	for (i = 0; i < sc->n_shifts; i++)
		if (sc->shifts[i].service == pf->m->service &&
		    (known_clock(t, sc->shifts[i].start_at, days,
				 sc->shifts[i].start_min, &mins) ||
		     known_clock(t, sc->shifts[i].end_at, days,
				 sc->shifts[i].end_min, &mins)))
			goto done;
	f = (long)((t - sc->horizon.day_start[pf->d]) / 60);
	mins = (int)(((f % 1440) + 1440) % 1440);
done:
	snprintf(out, 8, "%02d:%02d", (mins / 60) % 100, mins % 60);
}

/* ---- why a person cannot be on duty then ---- */

/* Whether shift s started on day dd is on duty in part of [a, b). */
static int overlaps(const struct proof *pf, size_t s, int dd)
{
	const struct shift *sh = &pf->pb->sc->shifts[s];

	return sh->service == pf->m->service &&
	       sh->start_at[dd] < pf->b && sh->end_at[dd] > pf->a;
}

/* The days whose shifts can reach day d's window: a shift lasts at most
 * a day and a window ends by the next day. */
static int first_day(const struct proof *pf)
{
	return pf->d > 0 ? pf->d - 1 : 0;
}

static int end_day(const struct proof *pf)
{
	return pf->d + 2 < pf->pb->days ? pf->d + 2 : pf->pb->days;
}

static int reason_band(const struct proof *pf, size_t p, struct text *t)
{
	const struct staff *st = &pf->pb->sc->staff[p];

	if (st->band >= pf->m->min_band)
		return 0;
	if (st->band)
		text_add(t, "band %d < %d", st->band, pf->m->min_band);
	else
		text_add(t, "no band");
	return 1;
}

static int reason_place(const struct proof *pf, size_t p, struct text *t)
{
	const struct scenario *sc = pf->pb->sc;

	if (reaches(sc, &sc->staff[p], pf->m->scope, pf->u))
		return 0;
	text_add(t, "may not work in '%s'",
		 scenario_unit_id(sc, pf->m->scope, (size_t)pf->u));
	return 1;
}

static int reason_shifts(const struct proof *pf, size_t p, struct text *t)
{
	const struct scenario *sc = pf->pb->sc;
	size_t s;
	int dd, any = 0;

	for (s = 0; s < sc->n_shifts; s++)
		for (dd = first_day(pf); dd < end_day(pf); dd++)
			if (sc->staff[p].allowed[s] && overlaps(pf, s, dd))
				return 0;
	for (s = 0; s < sc->n_shifts; s++)
		for (dd = first_day(pf); dd < end_day(pf); dd++)
			if (overlaps(pf, s, dd)) {
				text_add(t, "%s'%s'", any++ ? ", " :
					 "may not work ", sc->shifts[s].id);
				break;
			}
	if (!any)
		text_add(t, "no shift of '%s' is on duty then",
			 sc->services[pf->m->service].id);
	return 1;
}

static int on_leave(const struct staff *st, int d)
{
	size_t l;

	for (l = 0; l < st->n_leave; l++)
		if (d >= st->leave[l].from_day && d <= st->leave[l].to_day)
			return 1;
	return 0;
}

/* Every allowed shift on duty then starts on a day off: which. */
static int reason_days_off(const struct proof *pf, size_t p, struct text *t)
{
	const struct scenario *sc = pf->pb->sc;
	const struct staff *st = &sc->staff[p];
	char date[CIVIL_DATE_LEN];
	size_t s;
	int dd, n = 0;

	for (dd = first_day(pf); dd < end_day(pf); dd++)
		for (s = 0; s < sc->n_shifts; s++)
			if (st->allowed[s] && overlaps(pf, s, dd) &&
			    !pf->pb->people[p].off[dd])
				return 0;
	for (dd = first_day(pf); dd < end_day(pf); dd++) {
		for (s = 0; s < sc->n_shifts; s++)
			if (st->allowed[s] && overlaps(pf, s, dd))
				break;
		if (s == sc->n_shifts)
			continue;
		civil_format_date(scenario_date(sc, dd), date);
		if (!staff_in_post(sc, st, dd))
			text_add(t, "%snot in post %s", n++ ? ", " : "", date);
		else if (on_leave(st, dd))
			text_add(t, "%son leave %s", n++ ? ", " : "", date);
		else
			text_add(t, "%sweekly day off %s (%s)", n++ ? ", " : "",
				 date, civil_weekday_name(civil_weekday(
					 scenario_date(sc, dd))));
	}
	return 1;
}

/* The reasons, first that applies wins.  A new one goes here. */
static int (*const reasons[])(const struct proof *, size_t, struct text *) = {
	reason_band, reason_place, reason_shifts, reason_days_off,
};

static void why_not(const struct proof *pf, size_t p, struct text *t)
{
	size_t i;

	text_add(t, "%s ", pf->pb->sc->staff[p].id);
	for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i](pf, p, t))
			return;
	text_add(t, "cannot be on duty then");
}

/* ---- the message ---- */

/* Marks in pf->can the people with a var counting toward m in [a, b). */
static void mark_can(struct proof *pf)
{
	const struct problem *pb = pf->pb;
	size_t t = problem_track(pb, pf->m->service, pf->m->scope, pf->u,
				 pf->m->role);
	size_t c, i;

	memset(pf->can, 0, pb->sc->n_staff + 1);
	for (c = first_cell(pb, t, pf->a); c < pb->track_first[t + 1] &&
	     pb->cells[c].from < pf->b; c++) {
		for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++)
			if (counts(pb, pf->m, pb->cell_vars[i]))
				pf->can[pb->vars[pb->cell_vars[i]].p] = 1;
	}
}

/* Who could have met the rule, and why each cannot. */
static void people(const struct proof *pf, struct text *t)
{
	const struct scenario *sc = pf->pb->sc;
	size_t p, named = 0, more = 0, far = 0, any = 0;

	for (p = 0; p < sc->n_staff; p++) {
		const struct staff *st = &sc->staff[p];

		if (!fills(sc, st, pf->m->role) || pf->can[p])
			continue;
		any++;
		if (!reaches(sc, st, pf->m->scope, pf->u)) {
			far++;
			continue;
		}
		if (named == DAYPROOF_MAX_NAMED) {
			more++;
			continue;
		}
		text_add(t, "%s", named++ ? "; " : ": ");
		why_not(pf, p, t);
	}
	if (more)
		text_add(t, "; and %zu more", more);
	if (far)
		text_add(t, "%s%zu other%s of role '%s' may not work in '%s'",
			 named ? "; " : ": ", far, far == 1 ? "" : "s",
			 sc->roles[pf->m->role].id,
			 scenario_unit_id(sc, pf->m->scope, (size_t)pf->u));
	if (!any && !pf->most)
		text_add(t, ": nobody's role is or covers '%s'",
			 sc->roles[pf->m->role].id);
}

static int report(struct proof *pf, struct rota_error *err)
{
	const struct scenario *sc = pf->pb->sc;
	const char *unit = scenario_unit_id(sc, pf->m->scope, (size_t)pf->u);
	struct rota_place at = ROTA_PLACE_NONE;
	char date[CIVIL_DATE_LEN], from[8], to[8];
	struct text t = {0};
	size_t p, n = 0;
	int rc;

	mark_can(pf);
	civil_format_date(scenario_date(sc, pf->d), date);
	clock_of(pf, pf->a, from);
	clock_of(pf, pf->b, to);
	text_add(&t, "senior cover ($.skill_mix[%zu]): %d '%s' of band %d or "
		 "above needed in '%s' on %s from %s to %s, and at most %d can "
		 "be on duty", pf->mi, pf->m->count, sc->roles[pf->m->role].id,
		 pf->m->min_band, unit, date, from, to, pf->most);
	for (p = 0; p < sc->n_staff; p++)
		if (pf->can[p])
			text_add(&t, "%s%s", n++ ? ", " : " (", sc->staff[p].id);
	if (n)
		text_add(&t, ")");
	people(pf, &t);
	at.rule = "skill-mix";
	at.who = unit;
	at.first_day = at.last_day = pf->d;
	if (t.oom)
		rc = rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	else
		rc = rota_error_at(err, ROTA_EINFEASIBLE, &at, "no rota keeps the "
				   "hard rules: %s", t.s);
	free(t.s);
	return rc;
}

int dayproof_find(const struct problem *pb, struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	struct proof pf = {0};
	int found = 0;
	size_t u;

	pf.pb = pb;
	pf.can = malloc(sc->n_staff + 1);
	if (!pf.can)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (pf.mi = 0; pf.mi < sc->n_mix; pf.mi++) {
		pf.m = &sc->mix[pf.mi];
		if (pf.m->type != MIX_SENIOR || pf.m->count <= 0)
			continue;
		for (pf.d = 0; pf.d < pb->days; pf.d++) {
			if (!applies(sc, pf.m, pf.d))
				continue;
			for (u = 0; u < scenario_units(sc, pf.m->scope); u++) {
				pf.u = (int)u;
				if (!short_stretch(&pf))
					continue;
				found = 1;
				/* Past the messages kept, only counted: no
				 * reasons to work out. */
				if (err && err->kept < ROTA_ERROR_CAP)
					report(&pf, err);
				else
					rota_error_add(err, ROTA_EINFEASIBLE, "senior "
						       "cover cannot be met");
			}
		}
	}
	free(pf.can);
	return found ? -1 : 0;
}
