/*
 * skill mix: hard rules on who is on duty together, per unit of a scope,
 * at every instant of a window on the days a rule applies.
 *   ratio  - on duty in `role` <= at_most x on duty in `per`;
 *   senior - at least `count` of `role` with band >= min_band on duty.
 * Counts are by role filled, in the cells of the rule's service, which
 * are elementary: nobody comes or goes inside one.
 */
#include "build.h"

#include <stdlib.h>

static int applies(const struct problem *pb, const struct skill_mix *m,
		   int d)
{
	/* Outside its dates (or its service's) it has no one to supervise. */
	return scenario_mix_applies(pb->sc, m, d);
}

/* Cells of a track overlapping [from, to): [*lo, *hi). */
static void window_cells(const struct problem *pb, size_t t, instant_t from,
			 instant_t to, size_t *lo, size_t *hi)
{
	size_t a = pb->track_first[t], b = pb->track_first[t + 1];

	while (a < b && pb->cells[a].to <= from)
		a++;
	*lo = a;
	while (a < b && pb->cells[a].from < to)
		a++;
	*hi = a;
}

/* The cell of track t starting at `from`, or (size_t)-1. */
static size_t cell_at(const struct problem *pb, size_t t, instant_t from)
{
	size_t a = pb->track_first[t], b = pb->track_first[t + 1];

	while (a < b) {
		size_t mid = a + (b - a) / 2;

		if (pb->cells[mid].from < from)
			a = mid + 1;
		else
			b = mid;
	}
	return a < pb->track_first[t + 1] && pb->cells[a].from == from
		       ? a : (size_t)-1;
}

int skill_mix_is_senior(const struct problem *pb, const struct skill_mix *m,
			size_t v)
{
	return pb->sc->staff[pb->vars[v].p].band >= m->min_band;
}

/* build_cell's filter for a senior rule (ctx): who can count. */
static int senior(const struct problem *pb, size_t v, const void *ctx)
{
	return skill_mix_is_senior(pb, ctx, v);
}

static int rule_unit_day(struct build *b, size_t mi, int u, int d)
{
	const struct problem *pb = b->pb;
	const struct skill_mix *m = &pb->sc->mix[mi];
	const char *unit = scenario_unit_id(pb->sc, m->scope, (size_t)u);
	size_t t = problem_track(pb, m->service, m->scope, u, m->role);
	size_t lo, hi, c;
	char date[CIVIL_DATE_LEN];
	instant_t covered = m->from_at[d];

	build_date(pb, d, date);
	window_cells(pb, t, m->from_at[d], m->to_at[d], &lo, &hi);
	for (c = lo; c < hi; c++) {
		const struct cell *ce = &pb->cells[c];

		build_begin(b);
		if (m->type == MIX_RATIO) {
			size_t pt = problem_track(pb, m->service, m->scope, u, m->per);

			if (build_cell(b, c, 1, NULL, NULL) ||
			    build_cell(b, cell_at(pb, pt, ce->from), -m->at_most,
				       NULL, NULL) ||
			    build_row(b, -MODEL_INF, 0, "ratio[%zu,%s,%s,%zu]", mi,
				      unit, date, c))
				return -1;
			continue;
		}
		if (ce->from > covered)
			break;   /* a gap no shift reaches: infeasible below */
		covered = ce->to;
		if (build_cell(b, c, 1, senior, m))
			return -1;
		if (!b->n && b->constant < m->count) {
			covered = ce->from;   /* nobody left to meet it */
			break;
		}
		if (build_row(b, m->count, MODEL_INF, "senior[%zu,%s,%s,%zu]", mi,
			      unit, date, c))
			return -1;
	}
	if (m->type == MIX_SENIOR && m->count > 0 && covered < m->to_at[d] &&
	    model_row(b->m, m->count, MODEL_INF, 0, NULL, NULL,
		      "senior_unreachable[%zu,%s,%s]", mi, unit, date) < 0)
		return -1;
	return 0;
}

static int skill_mix_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	size_t mi, u;
	int d;

	for (mi = 0; mi < pb->sc->n_mix; mi++) {
		const struct skill_mix *m = &pb->sc->mix[mi];

		for (d = 0; d < pb->days; d++) {
			if (!applies(pb, m, d))
				continue;
			for (u = 0; u < scenario_units(pb->sc, m->scope); u++)
				if (rule_unit_day(b, mi, (int)u, d))
					return -1;
		}
	}
	return 0;
}

/* Seniors of rule m on duty per cell, by walking the rota. */
static void count_seniors(const struct problem *pb, const struct roster *r,
			  const struct skill_mix *m, int *n)
{
	size_t p, i;
	int d;

	for (i = 0; i < pb->n_cells; i++)
		n[i] = 0;
	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(r, (int)p, d);

			if (v == ROSTER_NONE || !skill_mix_is_senior(pb, m, v))
				continue;
			for (i = 0; i < pb->vars[v].n_cells; i++)
				n[pb->var_cells[pb->vars[v].first_cell + i]]++;
		}
}

/* The rule broken in unit u on day d at instant `at`: the unit is who
 * breaks it. */
static int fail(const struct problem *pb, const struct skill_mix *m, int u,
		int d, instant_t at, int have, struct rota_error *err)
{
	struct rota_place where = ROTA_PLACE_NONE;
	char date[CIVIL_DATE_LEN];
	long mins = (long)(at - pb->sc->horizon.day_start[d]) / 60;
	const char *unit = scenario_unit_id(pb->sc, m->scope, (size_t)u);

	if (!err)
		return -1;   /* the caller only asks whether the rule holds */
	build_date(pb, d, date);
	where.who = unit;
	where.first_day = where.last_day = d;
	if (m->type == MIX_RATIO)
		return rota_error_at(err, ROTA_EINFEASIBLE, &where, "skill mix: "
				     "more than %g '%s' per '%s' in '%s' on %s, "
				     "%ld minutes after midnight", m->at_most,
				     pb->sc->roles[m->role].id,
				     pb->sc->roles[m->per].id, unit, date, mins);
	return rota_error_at(err, ROTA_EINFEASIBLE, &where, "senior cover: %d "
			     "of %d '%s' of band %d or above in '%s' on %s, %ld "
			     "minutes after midnight", have, m->count,
			     pb->sc->roles[m->role].id, m->min_band, unit, date,
			     mins);
}

static int check_rule_day(const struct problem *pb, const struct roster *r,
			  const struct skill_mix *m, int u, int d,
			  const int *seniors, struct rota_error *err)
{
	size_t t = problem_track(pb, m->service, m->scope, u, m->role);
	size_t lo, hi, c;
	instant_t covered = m->from_at[d];

	window_cells(pb, t, m->from_at[d], m->to_at[d], &lo, &hi);
	for (c = lo; c < hi; c++) {
		const struct cell *ce = &pb->cells[c];

		if (m->type == MIX_RATIO) {
			size_t pt = problem_track(pb, m->service, m->scope, u, m->per);
			size_t pc = cell_at(pb, pt, ce->from);
			int per = pc == (size_t)-1 ? 0 : r->on_duty[pc];

			if (r->on_duty[c] > m->at_most * per + 1e-9)
				return fail(pb, m, u, d, ce->from, 0, err);
			continue;
		}
		if (ce->from > covered)
			return fail(pb, m, u, d, covered, 0, err);
		if (seniors[c] < m->count)
			return fail(pb, m, u, d, ce->from > m->from_at[d] ?
				    ce->from : m->from_at[d], seniors[c], err);
		covered = ce->to;
	}
	if (m->type == MIX_SENIOR && m->count > 0 && covered < m->to_at[d])
		return fail(pb, m, u, d, covered, 0, err);
	return 0;
}

static int skill_mix_check(const struct problem *pb, const struct roster *r,
			   int p, struct rota_error *err)
{
	int *seniors = malloc((pb->n_cells + 1) * sizeof(int));
	size_t mi, u;
	int d, ret = 0;

	(void)p;
	if (!seniors) {
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	for (mi = 0; mi < pb->sc->n_mix && !ret; mi++) {
		const struct skill_mix *m = &pb->sc->mix[mi];

		if (m->type == MIX_SENIOR)
			count_seniors(pb, r, m, seniors);
		for (d = 0; d < pb->days && !ret; d++) {
			if (!applies(pb, m, d))
				continue;
			for (u = 0; u < scenario_units(pb->sc, m->scope) && !ret; u++)
				ret = check_rule_day(pb, r, m, (int)u, d, seniors, err);
		}
	}
	free(seniors);
	return ret;
}

static int walk_rule_day(const struct problem *pb, size_t mi, int u, int d,
			 int (*fn)(void *, size_t, int, int, size_t, size_t),
			 void *ctx, struct rota_error *err)
{
	const struct skill_mix *m = &pb->sc->mix[mi];
	size_t t = problem_track(pb, m->service, m->scope, u, m->role);
	size_t pt = m->type == MIX_RATIO ?
		problem_track(pb, m->service, m->scope, u, m->per) : 0;
	instant_t covered = m->from_at[d];
	size_t lo, hi, c;

	window_cells(pb, t, m->from_at[d], m->to_at[d], &lo, &hi);
	for (c = lo; c < hi; c++) {
		const struct cell *ce = &pb->cells[c];

		if (m->type == MIX_SENIOR && ce->from > covered)
			break;
		covered = ce->to;
		if (fn(ctx, mi, u, d, c, m->type == MIX_RATIO ?
		       cell_at(pb, pt, ce->from) : (size_t)-1))
			return rota_error_add(err, ROTA_EINTERNAL,
					      "out of memory");
	}
	if (m->type == MIX_SENIOR && m->count > 0 && covered < m->to_at[d])
		return fail(pb, m, u, d, covered, 0, err);
	return 0;
}

int skill_mix_cells(const struct problem *pb,
		    int (*fn)(void *ctx, size_t rule, int unit, int day,
			      size_t cell, size_t per_cell),
		    void *ctx, struct rota_error *err)
{
	size_t mi, u;
	int d;

	for (mi = 0; mi < pb->sc->n_mix; mi++)
		for (d = 0; d < pb->days; d++) {
			if (!applies(pb, &pb->sc->mix[mi], d))
				continue;
			for (u = 0; u < scenario_units(pb->sc, pb->sc->mix[mi].scope);
			     u++)
				if (walk_rule_day(pb, mi, (int)u, d, fn, ctx, err))
					return -1;
		}
	return 0;
}

const struct family skill_mix_family = {
	.name = "skill-mix", .rows = skill_mix_rows, .check = skill_mix_check,
	.global = 1,
};
