#include "reroster.h"

#include <stdio.h>
#include <string.h>

#include "previous.h"
#include "reference.h"
#include "restart.h"

static int has_fixed(const struct scenario *sc)
{
	size_t p;

	for (p = 0; p < sc->n_staff; p++)
		if (sc->staff[p].n_fixed)
			return 1;
	return 0;
}

static int load_reference(struct reroster *rr, struct scenario *sc,
			  struct rota_error *err)
{
	struct reference *ref = NULL;
	int32_t until = 0, today = 0;

	if (rr->freeze_until && !rr->previous)
		return rota_error_add(err, ROTA_EINPUT, "--freeze-until needs "
				      "--previous: there is nothing to freeze");
	if (rr->freeze_until && civil_parse_date(rr->freeze_until, &until))
		return rota_error_add(err, ROTA_EINPUT, "invalid value '%s' for "
				      "--freeze-until: a date YYYY-MM-DD expected",
				      rr->freeze_until);
	if (rr->today && !rr->previous)
		return rota_error_add(err, ROTA_EINPUT, "--today needs "
				      "--previous: there is nothing to change");
	if (rr->today && civil_parse_date(rr->today, &today))
		return rota_error_add(err, ROTA_EINPUT, "invalid value '%s' for "
				      "--today: a date YYYY-MM-DD expected",
				      rr->today);
	if (!rr->previous) {
		reference_price_fixed(sc);
		return 0;
	}
	if (previous_load(rr->previous, rr->freeze_until != NULL, until, &ref,
			  err))
		return -1;
	ref->has_today = rr->today != NULL;
	ref->today = today;
	return reference_apply(sc, ref, err);
}

int reroster_build(struct reroster *rr, struct scenario *sc,
		   const struct demand *d, struct problem *pb,
		   struct rota_error *err)
{
	long drop = -1;
	enum restart_result rc;

	rr->have_start = 0;
	if (load_reference(rr, sc, err))
		return -1;
	for (;;) {
		if (problem_build(pb, sc, d, err))
			return -1;
		if (!sc->reference && !has_fixed(sc))
			return 0;
		roster_release(&rr->start);
		rc = restart_build(pb, &rr->start, &drop, err);
		if (rc == RESTART_READY) {
			rr->have_start = 1;
			return 0;
		}
		if (rc == RESTART_FAILED)
			return -1;
		if (rc == RESTART_UNFREEZE) {
			/* Set free on its frozen day to keep a ratio: each
			 * round frees one, so this ends too. */
			if (reference_unfreeze(sc, (size_t)drop))
				return rota_error_add(err, ROTA_EINTERNAL,
						      "out of memory");
			problem_release(pb);
			continue;
		}
		/* A frozen assignment that breaks a rule with its frozen
		 * neighbours: removed, reported, and the problem built
		 * without it.  Each round drops one, so this ends. */
		reference_drop(sc, (size_t)drop, "rule");
		problem_release(pb);
	}
}

/* Whether the start r is exactly the reference: every assignment of it
 * kept, with its shift, deployment and role, and nothing more. */
static int start_is_reference(const struct reference *ref,
			      const struct problem *pb, const struct roster *r)
{
	size_t i, n = 0, p;
	int d;

	for (i = 0; i < ref->n; i++) {
		const struct ref_assignment *a = &ref->a[i];
		size_t v;
		const struct option *o;

		if (a->dropped || a->p < 0 || a->day < 0 || a->day >= pb->days)
			return 0;
		v = roster_get(r, a->p, a->day);
		if (v == ROSTER_NONE)
			return 0;
		o = &pb->people[a->p].opts[pb->vars[v].k];
		if (pb->vars[v].s != a->s || o->nbhd != a->n || o->role != a->r)
			return 0;
	}
	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			n += roster_get(r, (int)p, d) != ROSTER_NONE;
	return n == ref->n;
}

/* Both have the date, and it is the same, or neither has one. */
static int same_date(int has_a, int32_t a, int has_b, int32_t b)
{
	return has_a == has_b && (!has_a || a == b);
}

int reroster_same(const struct reroster *rr, const struct problem *pb,
		  const struct solve_opts *o)
{
	const struct reference *ref = pb->sc->reference;
	const struct rota_origin *m = ref ? &ref->origin : NULL;
	char engine[SOLVE_ENGINE_LEN];

	if (!rr->have_start || !m || !m->present || !pb->sc->digest[0])
		return 0;
	solve_engine(engine, sizeof(engine));
	/* A reference made against its own --previous stays the engine's
	 * own rota only under the same frozen days and notice: a later
	 * freeze or notice only adds rules it keeps, an earlier one would
	 * free days its run could not touch. */
	if (m->previous && !(same_date(m->has_freeze, m->freeze_until,
				       ref->has_freeze, ref->freeze_until) &&
			     same_date(m->has_today, m->today, ref->has_today,
				       ref->today)))
		return 0;
	return m->stopped_clean && !strcmp(m->engine, engine) &&
	       !strcmp(m->scenario_sha256, pb->sc->digest) &&
	       !strcmp(m->assignments_sha256, m->assignments_read) &&
	       m->seed == o->seed && m->work == solve_work(o) &&
	       m->gap == o->gap && start_is_reference(ref, pb, &rr->start);
}

int reroster_after(const struct problem *pb, const struct roster *r,
		   struct rota_error *err)
{
	if (restart_check_fixed(pb, r, err))
		return -1;
	if (!pb->sc->reference)
		return 0;
	return reference_changes(pb->sc->reference, pb, r, err);
}

void reroster_print(const struct scenario *sc)
{
	const struct reference *ref = sc->reference;
	size_t n;

	if (!ref)
		return;
	n = reference_changed_people(ref);
	printf("%zu shift%s changed for %zu %s; %d shift%s left to fill\n",
	       ref->n_changes, ref->n_changes == 1 ? "" : "s", n,
	       n == 1 ? "person" : "people", ref->left_to_fill,
	       ref->left_to_fill == 1 ? "" : "s");
}

void reroster_release(struct reroster *rr)
{
	roster_release(&rr->start);
	rr->have_start = 0;
}
