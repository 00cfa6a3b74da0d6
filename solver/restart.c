#include "restart.h"

#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "reference.h"

/* The var of p on d working shift s, in neighbourhood n and role r when
 * those are >= 0 and such a var exists; ROSTER_NONE when none works s. */
static size_t find_var(const struct problem *pb, int p, int d, int s, int n,
		       int r)
{
	size_t first, end, i, any = ROSTER_NONE;

	if (d < 0 || d >= pb->days || s < 0)
		return ROSTER_NONE;
	problem_day_vars(pb, p, d, &first, &end);
	for (i = first; i < end; i++) {
		const struct option *o = &pb->people[p].opts[pb->vars[i].k];

		if (pb->vars[i].s != s)
			continue;
		if ((n < 0 || o->nbhd == n) && (r < 0 || o->role == r))
			return i;
		if (any == ROSTER_NONE)
			any = i;
	}
	return any;
}

static long frozen_index(const struct problem *pb, int p, int d)
{
	const struct reference *ref = pb->sc->reference;

	return ref ? reference_frozen_at(ref, p, d) : -1;
}

/* The last assignment of p in [lo, hi] not fixed (fixed 0) or frozen
 * (fixed 1), or -1. */
static int last_in(const struct problem *pb, const struct roster *r, int p,
		   int lo, int hi, int fixed)
{
	const struct staff *st = &pb->sc->staff[p];
	int d;

	if (lo < 0 || hi < 0) {
		lo = 0;
		hi = pb->days - 1;
	}
	for (d = hi; d >= lo; d--) {
		const struct fixed *fx = staff_fixed(st, d);

		if (roster_get(r, p, d) == ROSTER_NONE)
			continue;
		if (!fixed && !fx)
			return d;
		if (fixed && fx && fx->frozen)
			return d;
	}
	return -1;
}

static enum restart_result pins_broken(const struct problem *pb, int p,
				       struct rota_error *why,
				       struct rota_error *err)
{
	struct rota_place at = rota_error_place(rota_error_last(why));

	rota_error_at(err, ROTA_EINFEASIBLE, &at, "no rota keeps the hard "
		      "rules: the pins of '%s' (staff[].fixed) break a rule: %s",
		      pb->sc->staff[p].id, rota_error_last_text(why));
	return RESTART_FAILED;
}

/* p's fixed days as fixed; a frozen day whose var is gone is dropped. */
static enum restart_result set_fixed(const struct problem *pb,
				     struct roster *r, int p, long *drop,
				     struct rota_error *err)
{
	const struct staff *st = &pb->sc->staff[p];
	size_t f;

	for (f = 0; f < st->n_fixed; f++) {
		const struct fixed *fx = &st->fixed[f];
		size_t v;

		if (fx->shift < 0 || fx->day < 0 || fx->day >= pb->days)
			continue;
		v = find_var(pb, p, fx->day, fx->shift, fx->nbhd, fx->role);
		if (v != ROSTER_NONE) {
			roster_set(r, p, fx->day, v);
			continue;
		}
		if (fx->frozen && frozen_index(pb, p, fx->day) >= 0) {
			*drop = frozen_index(pb, p, fx->day);
			return RESTART_DROP;
		}
		rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard "
			       "rules: '%s' is pinned to shift '%s' on day %d, "
			       "which no deployment of theirs can work",
			       st->id, pb->sc->shifts[fx->shift].id, fx->day + 1);
		return RESTART_FAILED;
	}
	return RESTART_READY;
}

/* p's unfixed reference days. */
static void set_reference(const struct problem *pb, struct roster *r, int p)
{
	const struct reference *ref = pb->sc->reference;
	size_t i;

	if (!ref)
		return;
	for (i = 0; i < ref->n; i++) {
		const struct ref_assignment *a = &ref->a[i];
		size_t v;

		if (a->p != p || a->dropped || a->unfrozen || a->day < 0 ||
		    a->day >= pb->days ||
		    staff_fixed(&pb->sc->staff[p], a->day))
			continue;
		v = find_var(pb, p, a->day, a->s, a->n, a->r);
		if (v == ROSTER_NONE)
			ref->a[i].dropped = "shift";
		else
			roster_set(r, p, a->day, v);
	}
}

static void mark_rule(const struct problem *pb, int p, int d)
{
	const struct reference *ref = pb->sc->reference;
	long i = ref ? reference_at(ref, p, d) : -1;

	if (i >= 0)
		ref->a[i].dropped = "rule";
}

/* The reference's assignments of p inside the days a rule broke over
 * (all of them for a rule over the horizon): their changes are for it. */
static void mark_window(const struct problem *pb, int p,
			const struct rota_place *at)
{
	const struct reference *ref = pb->sc->reference;
	size_t i;

	for (i = 0; ref && i < ref->n; i++) {
		struct ref_assignment *a = &ref->a[i];

		if (a->p == p && (at->first_day < 0 || at->last_day < 0 ||
				  (a->day >= at->first_day &&
				   a->day <= at->last_day)))
			a->rule = 1;
	}
}

/* Leaves out assignments of p until p's rules hold. */
static enum restart_result make_legal(const struct problem *pb,
				      struct roster *r, int p, long *drop,
				      struct rota_error *err)
{
	struct rota_error why;
	enum restart_result rc = RESTART_READY;

	rota_error_init(&why);
	while (constraints_check_person(pb, r, p, &why)) {
		struct rota_place at = rota_error_place(rota_error_last(&why));
		int d = last_in(pb, r, p, at.first_day, at.last_day, 0);

		mark_window(pb, p, &at);
		if (d < 0)
			d = last_in(pb, r, p, -1, -1, 0);
		if (d >= 0) {
			mark_rule(pb, p, d);
			roster_set(r, p, d, ROSTER_NONE);
			rota_error_release(&why);
			rota_error_init(&why);
			continue;
		}
		d = last_in(pb, r, p, at.first_day, at.last_day, 1);
		if (d < 0)
			d = last_in(pb, r, p, -1, -1, 1);
		if (d >= 0 && frozen_index(pb, p, d) >= 0) {
			*drop = frozen_index(pb, p, d);
			rc = RESTART_DROP;
		} else {
			rc = pins_broken(pb, p, &why, err);
		}
		break;
	}
	rota_error_release(&why);
	return rc;
}

/* Whether var v (of p on d) fills rule m's role in unit `who`. */
static int in_rule(const struct problem *pb, const struct skill_mix *m,
		   int p, size_t v, const char *who, int role)
{
	const struct option *o = &pb->people[p].opts[pb->vars[v].k];
	int u = scenario_unit_of(pb->sc, m->scope, o->nbhd);

	return o->role == role && u >= 0 &&
	       pb->sc->shifts[pb->vars[v].s].service == m->service &&
	       !strcmp(scenario_unit_id(pb->sc, m->scope, (size_t)u), who);
}

/* A frozen assignment of the role of a ratio broken in `who` on day d. */
static long ratio_frozen(const struct problem *pb, const struct roster *r,
			 int d, const char *who)
{
	size_t mi;
	int p;

	for (mi = 0; mi < pb->sc->n_mix; mi++) {
		const struct skill_mix *m = &pb->sc->mix[mi];

		if (m->type != MIX_RATIO)
			continue;
		for (p = (int)pb->sc->n_staff - 1; p >= 0; p--) {
			size_t v = roster_get(r, p, d);
			long i = frozen_index(pb, p, d);

			if (v != ROSTER_NONE && i >= 0 &&
			    in_rule(pb, m, p, v, who, m->role))
				return i;
		}
	}
	return -1;
}

/* "b4 early, c1 early (removed: leave)": the reference's frozen
 * assignments on day d in a unit called `who`. */
static char *frozen_list(const struct problem *pb, int d, const char *who)
{
	const struct reference *ref = pb->sc->reference;
	char *list = strdup(""), *more;
	size_t i, mi;

	for (i = 0; list && i < ref->n; i++) {
		const struct ref_assignment *a = &ref->a[i];
		int here = 0;

		if (a->day != d || !a->frozen || a->n < 0)
			continue;
		for (mi = 0; mi < pb->sc->n_mix && !here; mi++) {
			int u = scenario_unit_of(pb->sc, pb->sc->mix[mi].scope,
						 a->n);

			here = u >= 0 && !strcmp(scenario_unit_id(
				pb->sc, pb->sc->mix[mi].scope, (size_t)u), who);
		}
		if (!here)
			continue;
		more = rota_strdupf("%s%s'%s' %s%s%s%s", list, *list ? ", " : "",
				    a->staff, a->shift, a->dropped ?
				    " (removed: " : "", a->dropped ? a->dropped :
				    "", a->dropped ? ")" : "");
		free(list);
		list = more;
	}
	return list;
}

/* The first skill-mix rule broken on a frozen day, found by walking
 * every cell of every rule's window (constraints_check stops at the
 * first rule broken anywhere, which may be a later day's). */
struct frozen_walk {
	const struct problem *pb;
	const struct roster *r;
	int32_t until;
	int found, have;
	size_t rule;
	int unit, day;
};

static int seniors_on(const struct problem *pb, const struct roster *r,
		      const struct skill_mix *m, size_t c)
{
	size_t i;
	int n = 0;

	for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++) {
		size_t v = pb->cell_vars[i];

		n += roster_get(r, pb->vars[v].p, pb->vars[v].d) == v &&
		     pb->people[pb->vars[v].p].opts[pb->vars[v].k].role ==
		     m->role && skill_mix_is_senior(pb, m, v);
	}
	return n;
}

static int frozen_cell(void *ctx, size_t rule, int unit, int day, size_t cell,
		       size_t per_cell)
{
	struct frozen_walk *w = ctx;
	const struct skill_mix *m = &w->pb->sc->mix[rule];
	int broken, have = 0;

	if (w->found || scenario_date(w->pb->sc, day) > w->until)
		return 0;
	if (m->type == MIX_RATIO)
		broken = w->r->on_duty[cell] > m->at_most *
			 (per_cell == (size_t)-1 ? 0 : w->r->on_duty[per_cell]) +
			 1e-9;
	else
		broken = (have = seniors_on(w->pb, w->r, m, cell)) < m->count;
	if (broken) {
		w->found = 1;
		w->rule = rule;
		w->unit = unit;
		w->day = day;
		w->have = have;
	}
	return 0;
}

static enum restart_result frozen_fail(const struct problem *pb,
				       const struct frozen_walk *w,
				       struct rota_error *err)
{
	const struct skill_mix *m = &pb->sc->mix[w->rule];
	const char *unit = scenario_unit_id(pb->sc, m->scope, (size_t)w->unit);
	char date[CIVIL_DATE_LEN], until[CIVIL_DATE_LEN];
	char *list = frozen_list(pb, w->day, unit);

	civil_format_date(scenario_date(pb->sc, w->day), date);
	civil_format_date(w->until, until);
	if (m->type == MIX_RATIO)
		rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard "
			       "rules with the days frozen until %s: skill mix "
			       "($.skill_mix[%zu]): more than %g '%s' per '%s' in "
			       "'%s' on %s; frozen there: %s", until, w->rule,
			       m->at_most, pb->sc->roles[m->role].id,
			       pb->sc->roles[m->per].id, unit, date,
			       list ? list : "");
	else
		rota_error_add(err, ROTA_EINFEASIBLE, "no rota keeps the hard "
			       "rules with the days frozen until %s: senior cover "
			       "($.skill_mix[%zu]): %d of %d '%s' of band %d or "
			       "above in '%s' on %s; frozen there: %s", until,
			       w->rule, w->have, m->count,
			       pb->sc->roles[m->role].id, m->min_band, unit, date,
			       list ? list : "");
	free(list);
	return RESTART_FAILED;
}

/*
 * The skill mix of the frozen days, which the search cannot change: a
 * ratio broken there sets one frozen assignment of its role free; any
 * other rule broken there cannot be kept with the frozen days (they are
 * hard), and is exit 3.
 */
static enum restart_result frozen_mix(const struct problem *pb,
				      const struct roster *r, long *drop,
				      struct rota_error *err)
{
	const struct reference *ref = pb->sc->reference;
	struct frozen_walk w = {pb, r, 0, 0, 0, 0, 0, 0};
	struct rota_error why;
	const struct skill_mix *m;
	const char *unit;

	if (!ref || !ref->has_freeze || !pb->sc->n_mix)
		return RESTART_READY;
	w.until = ref->freeze_until;
	rota_error_init(&why);
	/* A senior window no shift can reach is the day proof's: skipped. */
	skill_mix_cells(pb, frozen_cell, &w, &why);
	rota_error_release(&why);
	if (!w.found)
		return RESTART_READY;
	m = &pb->sc->mix[w.rule];
	unit = scenario_unit_id(pb->sc, m->scope, (size_t)w.unit);
	if (m->type == MIX_RATIO) {
		*drop = ratio_frozen(pb, r, w.day, unit);
		if (*drop >= 0)
			return RESTART_UNFREEZE;
	}
	return frozen_fail(pb, &w, err);
}

/* Most assignments the ratio repair takes out before it leaves the
 * rest to the search (a generous cap: each costs a whole check). */
#define REPAIR_MAX 200

/* Whether an assignment in neighbourhood n filling role r counts
 * against a ratio rule of unit `who` (its `role`, not its `per`):
 * taking it out never breaks a ratio. */
static int ratio_limited(const struct scenario *sc, int n, int r,
			 const char *who)
{
	size_t m;

	for (m = 0; m < sc->n_mix; m++) {
		const struct skill_mix *x = &sc->mix[m];
		int u;

		if (x->type != MIX_RATIO || x->role != r)
			continue;
		u = scenario_unit_of(sc, x->scope, n);
		if (u >= 0 && who &&
		    !strcmp(scenario_unit_id(sc, x->scope, (size_t)u), who))
			return 1;
	}
	return 0;
}

/* Whether r's first broken rule is no longer the one `text` said. */
static int moved_on(const struct problem *pb, const struct roster *r,
		    const char *text)
{
	struct rota_error why;
	int moved;

	rota_error_init(&why);
	moved = !constraints_check(pb, r, &why) ||
		strcmp(rota_error_last_text(&why), text) != 0;
	rota_error_release(&why);
	return moved;
}

/* Takes p's assignment on day e out of r if a ratio rule of unit `who`
 * limits it, p's own rules still hold without it and, with `text`, the
 * broken rule `text` said is mended.  0 when taken out. */
static int try_out(const struct problem *pb, struct roster *r, int p, int e,
		   const char *who, const char *text)
{
	size_t v = roster_get(r, p, e);
	const struct option *o;

	if (v == ROSTER_NONE || staff_fixed(&pb->sc->staff[p], e))
		return -1;
	o = &pb->people[p].opts[pb->vars[v].k];
	if (!ratio_limited(pb->sc, o->nbhd, o->role, who))
		return -1;
	roster_set(r, p, e, ROSTER_NONE);
	if (!constraints_check_person(pb, r, p, NULL) &&
	    (!text || moved_on(pb, r, text))) {
		mark_rule(pb, p, e);
		return 0;
	}
	roster_set(r, p, e, v);
	return -1;
}

/* Takes out one assignment on day d or the day before (a night reaches
 * into d) that a ratio rule of unit `who` limits: first one whose
 * removal mends the broken rule `text`, else one that only lessens the
 * count (a cell over by several needs more than one out before its text
 * changes).  0 when one was taken out. */
static int mend_ratio(const struct problem *pb, struct roster *r, int d,
		      const char *who, const char *text)
{
	int pass, p, e;

	for (pass = 0; pass < 2; pass++)
		for (e = d; e >= d - 1 && e >= 0; e--)
			for (p = 0; p < (int)pb->sc->n_staff; p++)
				if (!try_out(pb, r, p, e, who,
					     pass ? NULL : text))
					return 0;
	return -1;
}

/*
 * A ratio rule the start breaks (a sick qn's shift taken out leaves too
 * many support workers on duty): the search only makes legal moves, so
 * it would keep the break to the end.  Support workers' reference
 * shifts are taken out until the ratios hold; what this cannot mend is
 * left, and solve's final check says so.
 */
static void repair_ratios(const struct problem *pb, struct roster *r)
{
	struct rota_error why;
	int n;

	for (n = 0; n < REPAIR_MAX; n++) {
		struct rota_place at;
		int mended;

		rota_error_init(&why);
		if (!constraints_check(pb, r, &why)) {
			rota_error_release(&why);
			return;
		}
		at = rota_error_place(rota_error_last(&why));
		mended = at.first_day >= 0 &&
			 !mend_ratio(pb, r, at.first_day, at.who,
				     rota_error_last_text(&why));
		rota_error_release(&why);
		if (!mended)
			return;
	}
}

enum restart_result restart_build(const struct problem *pb,
				  struct roster *start, long *drop,
				  struct rota_error *err)
{
	size_t p;
	enum restart_result rc;

	if (roster_setup(start, pb, err))
		return RESTART_FAILED;
	for (p = 0; p < pb->sc->n_staff; p++) {
		rc = set_fixed(pb, start, (int)p, drop, err);
		if (rc == RESTART_READY) {
			set_reference(pb, start, (int)p);
			rc = make_legal(pb, start, (int)p, drop, err);
		}
		if (rc != RESTART_READY)
			return rc;
	}
	rc = frozen_mix(pb, start, drop, err);
	if (rc == RESTART_READY)
		repair_ratios(pb, start);
	return rc;
}

int restart_check_fixed(const struct problem *pb, const struct roster *r,
			struct rota_error *err)
{
	size_t p, f;

	for (p = 0; p < pb->sc->n_staff; p++) {
		const struct staff *st = &pb->sc->staff[p];

		for (f = 0; f < st->n_fixed; f++) {
			const struct fixed *fx = &st->fixed[f];
			int s;

			if (fx->day < 0 || fx->day >= pb->days)
				continue;
			s = roster_shift(r, (int)p, fx->day);
			if (s != fx->shift)
				return rota_error_add(err, ROTA_EINTERNAL,
						      "the rota found leaves the "
						      "fixed day %d of '%s' (a bug)",
						      fx->day + 1, st->id);
		}
	}
	return 0;
}
