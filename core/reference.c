#include "reference.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "history.h"
#include "problem.h"
#include "roster.h"

struct reference *reference_new(void)
{
	return calloc(1, sizeof(struct reference));
}

void reference_free(struct reference *ref)
{
	size_t i;

	if (!ref)
		return;
	for (i = 0; i < ref->n; i++) {
		free(ref->a[i].staff);
		free(ref->a[i].shift);
		free(ref->a[i].nbhd);
		free(ref->a[i].role);
	}
	free(ref->a);
	for (i = 0; i < ref->n_gone; i++)
		free(ref->gone[i]);
	free(ref->gone);
	for (i = 0; i < ref->n_changes; i++) {
		free(ref->changes[i].before);
		free(ref->changes[i].after);
	}
	free(ref->changes);
	free(ref->path);
	free(ref);
}

double reference_fixed_price(const struct scenario *sc)
{
	double p = 1e4 * sc->weights.uncovered_hour;

	return p > 1e7 ? p : 1e7;
}

static int find_role(const struct scenario *sc, const char *id)
{
	return id ? scenario_find_role(sc, id) : -1;
}

static int on_leave(const struct staff *st, int day)
{
	size_t l;

	for (l = 0; l < st->n_leave; l++)
		if (day >= st->leave[l].from_day && day <= st->leave[l].to_day)
			return 1;
	return 0;
}

/* Where the new input no longer allows assignment a, and why. */
static const char *why_gone(const struct scenario *sc,
			    const struct ref_assignment *a)
{
	const struct staff *st;
	const struct fixed *fx;

	if (a->p < 0)
		return "removed";
	st = &sc->staff[a->p];
	/* Out of post (start/end, an addition to the spec) is leave too. */
	if (on_leave(st, a->day) || !staff_in_post(sc, st, a->day))
		return "leave";
	fx = staff_fixed(st, a->day);
	if (fx && (fx->shift != a->s || fx->shift < 0))
		return "pin";
	if (a->s < 0 || !st->allowed[a->s] || a->n < 0 || !st->may_work[a->n] ||
	    ((st->days_off_weekly >> civil_weekday(a->date)) & 1u))
		return "shift";
	return NULL;
}

static int map(struct scenario *sc, struct reference *ref)
{
	size_t i;

	for (i = 0; i < ref->n; i++) {
		struct ref_assignment *a = &ref->a[i];

		a->p = scenario_find_staff(sc, a->staff);
		a->day = (int)(a->date - sc->horizon.start);
		a->s = scenario_find_shift(sc, a->shift);
		a->n = a->nbhd ? scenario_find_neighbourhood(sc, a->nbhd) : -1;
		a->r = find_role(sc, a->role);
		a->frozen = ref->has_freeze && a->date <= ref->freeze_until;
		if (a->day < 0 || a->day >= sc->horizon.days)
			continue;
		a->dropped = why_gone(sc, a);
	}
	return 0;
}

static int add_request(struct staff *st, size_t *cap, struct request rq)
{
	if (grow(&st->requests, cap, st->n_requests + 1, sizeof(*st->requests)))
		return -1;
	st->requests[st->n_requests++] = rq;
	return 0;
}

static int cmp_fixed(const void *x, const void *y)
{
	const struct fixed *a = x, *b = y;

	return (a->day > b->day) - (a->day < b->day);
}

static int add_fixed(struct staff *st, size_t *cap, struct fixed fx)
{
	if (grow(&st->fixed, cap, st->n_fixed + 1, sizeof(*st->fixed)))
		return -1;
	st->fixed[st->n_fixed++] = fx;
	return 0;
}

long reference_at(const struct reference *ref, int p, int d)
{
	size_t i;

	/* A scan: a month of Stockport is 3,400 assignments, and this runs
	 * once per person-day when the reference is applied and compared. */
	for (i = 0; i < ref->n; i++)
		if (ref->a[i].p == p && ref->a[i].day == d)
			return (long)i;
	return -1;
}

long reference_frozen_at(const struct reference *ref, int p, int d)
{
	long i = reference_at(ref, p, d);

	return i >= 0 && ref->a[i].frozen && !ref->a[i].unfrozen &&
	       !ref->a[i].dropped ? i : -1;
}

int reference_short_notice(const struct reference *ref,
			   const struct rules *r, int32_t date)
{
	return ref->has_today && date >= ref->today &&
	       date - ref->today < r->change_notice_days;
}

/* What a change of person st on civil day date costs. */
static double change_price(const struct scenario *sc, const struct staff *st,
			   int32_t date)
{
	return sc->weights.change +
	       (reference_short_notice(sc->reference, &st->rules, date) ?
		sc->weights.short_notice_change : 0);
}

/* Whether horizon day d of the new scenario is a day of the reference. */
static int in_reference(const struct scenario *sc, const struct reference *ref,
			int d)
{
	int32_t date = scenario_date(sc, d);

	return date >= ref->start && date < ref->start + ref->days;
}

/* Person p's share: frozen days fixed, the others priced. */
static int apply_person(struct scenario *sc, struct reference *ref, int p,
			double unit)
{
	struct staff *st = &sc->staff[p];
	size_t cap_rq = st->n_requests, cap_fx = st->n_fixed;
	int d;

	for (d = 0; d < sc->horizon.days; d++) {
		long i = reference_at(ref, p, d);
		const struct ref_assignment *a = i >= 0 ? &ref->a[i] : NULL;
		int32_t date = scenario_date(sc, d);

		if (!in_reference(sc, ref, d) || staff_fixed(st, d))
			continue;   /* a pin of the scenario wins */
		if (a && a->dropped)
			a = NULL;   /* its day is a day off now */
		if (ref->has_freeze && date <= ref->freeze_until) {
			struct fixed fx = {d, a ? a->s : -1, a ? a->n : -1,
					   a ? a->r : -1, 1};

			if (add_fixed(st, &cap_fx, fx))
				return -1;
			if (a && add_request(st, &cap_rq, (struct request){
				    d, a->s, 1, reference_fixed_price(sc) / unit,
				    REQUEST_FIXED, a->n}))
				return -1;
			continue;
		}
		if (add_request(st, &cap_rq, (struct request){
			    d, a ? a->s : -1, a != NULL,
			    change_price(sc, st, date) / unit,
			    REQUEST_CHANGE, a ? a->n : -1}))
			return -1;
	}
	if (st->n_fixed)
		qsort(st->fixed, st->n_fixed, sizeof(*st->fixed), cmp_fixed);
	return 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static int list_gone(struct reference *ref)
{
	size_t i, j, cap = 0;

	for (i = 0; i < ref->n; i++) {
		char *id;

		if (ref->a[i].p >= 0)
			continue;
		if (grow(&ref->gone, &cap, ref->n_gone + 1, sizeof(char *)))
			return -1;
		id = strdup(ref->a[i].staff);
		if (!id)
			return -1;
		ref->gone[ref->n_gone++] = id;
	}
	if (!ref->n_gone)
		return 0;
	qsort(ref->gone, ref->n_gone, sizeof(char *), cmp_str);
	for (i = j = 0; i < ref->n_gone; i++)
		if (j && !strcmp(ref->gone[j - 1], ref->gone[i]))
			free(ref->gone[i]);
		else
			ref->gone[j++] = ref->gone[i];
	ref->n_gone = j;
	return 0;
}

void reference_price_fixed(struct scenario *sc)
{
	size_t p, q;

	if (sc->weights.request == 0) {
		for (p = 0; p < sc->n_staff; p++)
			for (q = 0; q < sc->staff[p].n_requests; q++)
				if (sc->staff[p].requests[q].kind == REQUEST_STAFF)
					sc->staff[p].requests[q].weight = 0;
		sc->weights.request = 1;
	}
	for (p = 0; p < sc->n_staff; p++)
		for (q = 0; q < sc->staff[p].n_requests; q++) {
			struct request *rq = &sc->staff[p].requests[q];

			if (rq->kind == REQUEST_FIXED)
				rq->weight = reference_fixed_price(sc) /
					     sc->weights.request;
		}
}

/* The reference's days before sc's horizon, person by person, as
 * history (history.h), when it reaches the day before the horizon (last
 * month's run): each assignment with its times; the days from the
 * reference's start (or HISTORY_DAYS back) without one were off. */
int reference_history(struct scenario *sc, const struct reference *ref)
{
	int32_t start = sc->horizon.start;
	struct past_shift *buf;
	size_t i, p;
	int ret = 0;

	if (ref->start >= start || ref->start + ref->days < start)
		return 0;   /* it does not reach the day before the horizon */
	buf = malloc((ref->n + 1) * sizeof(*buf));
	if (!buf)
		return -1;
	for (p = 0; p < sc->n_staff && !ret; p++) {
		size_t n = 0;

		for (i = 0; i < ref->n; i++) {
			const struct ref_assignment *a = &ref->a[i];

			if (a->p != (int)p || a->date >= start || !a->end)
				continue;
			buf[n].date = a->date;
			buf[n].shift = a->s;
			buf[n].start = a->start ? a->start : a->end;
			buf[n].end = a->end;
			n++;
		}
		ret = history_set(&sc->staff[p], ref->start, buf, n);
	}
	free(buf);
	history_derive(sc);
	return ret;
}

int reference_apply(struct scenario *sc, struct reference *ref,
		    struct rota_error *err)
{
	size_t p;

	sc->reference = ref;
	map(sc, ref);
	if (reference_history(sc, ref))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	reference_price_fixed(sc);
	for (p = 0; p < sc->n_staff; p++)
		if (apply_person(sc, ref, (int)p, sc->weights.request))
			return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (list_gone(ref))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	reference_price_fixed(sc);
	return 0;
}

void reference_drop(struct scenario *sc, size_t i, const char *why)
{
	struct ref_assignment *a = &sc->reference->a[i];
	struct staff *st = &sc->staff[a->p];
	size_t q, f;

	a->dropped = why;
	for (f = 0; f < st->n_fixed; f++)
		if (st->fixed[f].day == a->day && st->fixed[f].frozen) {
			st->fixed[f].shift = -1;
			st->fixed[f].nbhd = st->fixed[f].role = -1;
		}
	for (q = f = 0; q < st->n_requests; q++)
		if (st->requests[q].kind != REQUEST_FIXED ||
		    st->requests[q].day != a->day)
			st->requests[f++] = st->requests[q];
	st->n_requests = f;
}

int reference_unfreeze(struct scenario *sc, size_t i)
{
	struct ref_assignment *a = &sc->reference->a[i];
	struct staff *st = &sc->staff[a->p];
	size_t cap = st->n_requests, q, f;

	a->unfrozen = a->rule = 1;
	for (q = f = 0; q < st->n_fixed; q++)
		if (st->fixed[q].day != a->day || !st->fixed[q].frozen)
			st->fixed[f++] = st->fixed[q];
	st->n_fixed = f;
	for (q = f = 0; q < st->n_requests; q++)
		if (st->requests[q].kind != REQUEST_FIXED ||
		    st->requests[q].day != a->day)
			st->requests[f++] = st->requests[q];
	st->n_requests = f;
	return add_request(st, &cap, (struct request){
		a->day, a->s, 1, change_price(sc, st, a->date) /
		sc->weights.request,
		REQUEST_CHANGE, a->n});
}

/* ---- what changed ---- */

static char *label(const struct scenario *sc, int p, const char *shift,
		   const char *nbhd)
{
	if (!shift)
		return strdup("");
	if (!nbhd || (p >= 0 && !strcmp(sc->neighbourhoods[sc->staff[p].home].id,
					 nbhd)))
		return strdup(shift);
	return rota_strdupf("%s@%s", shift, nbhd);
}

struct changes {
	struct reference *ref;
	size_t cap;
};

static int push(struct changes *c, struct change ch)
{
	struct reference *ref = c->ref;

	if (!ch.before || !ch.after ||
	    grow(&ref->changes, &c->cap, ref->n_changes + 1, sizeof(ch))) {
		free(ch.before);
		free(ch.after);
		return -1;
	}
	ref->changes[ref->n_changes++] = ch;
	return 0;
}

static const char *reason(const struct scenario *sc,
			  const struct ref_assignment *a, int p, int d)
{
	const struct fixed *fx = staff_fixed(&sc->staff[p], d);

	if (a && a->dropped)
		return a->dropped;
	if (fx && !fx->frozen)
		return "pin";
	return a && a->rule ? "rule" : "cover";
}

static int person_changes(struct changes *c, const struct problem *pb,
			  const struct roster *r, int p)
{
	const struct scenario *sc = pb->sc;
	int d;

	for (d = 0; d < pb->days; d++) {
		long i = reference_at(c->ref, p, d);
		const struct ref_assignment *a = i >= 0 ? &c->ref->a[i] : NULL;
		size_t v = roster_get(r, p, d);
		const char *sh = NULL, *nb = NULL;
		struct change ch;

		if (!in_reference(sc, c->ref, d))
			continue;
		if (v != ROSTER_NONE) {
			sh = sc->shifts[pb->vars[v].s].id;
			nb = sc->neighbourhoods[pb->people[p].opts[pb->vars[v].k].nbhd].id;
		}
		if (!a && !sh)
			continue;
		if (a && sh && !strcmp(a->shift, sh) &&
		    (!a->nbhd || !strcmp(a->nbhd, nb)))
			continue;
		ch.staff = sc->staff[p].id;
		ch.name = sc->staff[p].name;
		ch.date = scenario_date(sc, d);
		ch.before = label(sc, p, a ? a->shift : NULL, a ? a->nbhd : NULL);
		ch.after = label(sc, p, sh, nb);
		ch.reason = reason(sc, a, p, d);
		ch.short_notice = reference_short_notice(c->ref,
							 &sc->staff[p].rules,
							 ch.date);
		ch.service = v != ROSTER_NONE ? sc->shifts[pb->vars[v].s].service :
			     a && a->s >= 0 ? sc->shifts[a->s].service : -1;
		if (push(c, ch))
			return -1;
	}
	return 0;
}

static int gone_changes(struct changes *c, const struct scenario *sc)
{
	size_t g, i;

	for (g = 0; g < c->ref->n_gone; g++)
		for (i = 0; i < c->ref->n; i++) {
			const struct ref_assignment *a = &c->ref->a[i];
			struct change ch;

			if (strcmp(a->staff, c->ref->gone[g]) || a->day < 0 ||
			    a->day >= sc->horizon.days)
				continue;
			ch.staff = c->ref->gone[g];
			ch.name = "";
			ch.date = a->date;
			ch.before = label(sc, -1, a->shift, a->nbhd);
			ch.after = strdup("");
			ch.reason = "removed";
			ch.short_notice = reference_short_notice(
				c->ref, &sc->rules, ch.date);
			ch.service = a->s >= 0 ? sc->shifts[a->s].service : -1;
			if (push(c, ch))
				return -1;
		}
	return 0;
}

static int cmp_gone_date(const void *x, const void *y)
{
	const struct change *a = x, *b = y;
	int c = strcmp(a->staff, b->staff);

	return c ? c : (a->date > b->date) - (a->date < b->date);
}

/* Per date and service: shifts the input took away less shifts taken up
 * by changes, at least 0. */
static void count_left(struct reference *ref)
{
	size_t i, j;

	ref->left_to_fill = 0;
	for (i = 0; i < ref->n_changes; i++) {
		const struct change *ch = &ref->changes[i];
		int lost = 0, taken = 0, first = 1;

		for (j = 0; j < i && first; j++)
			first = ref->changes[j].date != ch->date ||
				ref->changes[j].service != ch->service;
		if (!first || ch->service < 0)
			continue;
		for (j = i; j < ref->n_changes; j++) {
			const struct change *o = &ref->changes[j];

			if (o->date != ch->date || o->service != ch->service)
				continue;
			lost += *o->before && strcmp(o->reason, "cover") &&
				strcmp(o->reason, "pin");
			taken += *o->after != 0;
		}
		if (lost > taken)
			ref->left_to_fill += lost - taken;
	}
}

int reference_changes(struct reference *ref, const struct problem *pb,
		      const struct roster *r, struct rota_error *err)
{
	struct changes c = {ref, 0};
	size_t p, first_gone;

	for (p = 0; p < pb->sc->n_staff; p++)
		if (person_changes(&c, pb, r, (int)p))
			return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	first_gone = ref->n_changes;
	if (gone_changes(&c, pb->sc))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (ref->n_changes > first_gone)
		qsort(ref->changes + first_gone, ref->n_changes - first_gone,
		      sizeof(*ref->changes), cmp_gone_date);
	count_left(ref);
	return 0;
}

size_t reference_changed_people(const struct reference *ref)
{
	size_t i, n = 0;

	for (i = 0; i < ref->n_changes; i++)
		n += !i || strcmp(ref->changes[i].staff, ref->changes[i - 1].staff);
	return n;
}
