/*
 * The rota's side of the FTE gap: what a rota left uncovered and how it
 * was staffed, per neighbourhood and role, summed so that every total is
 * the sum of its rows.
 */
#include "fte_gap.h"

#include <stdlib.h>
#include <string.h>

#include "demand.h"
#include "problem.h"
#include "roster.h"

void fte_gap_init(struct fte_gap *g)
{
	memset(g, 0, sizeof(*g));
}

void fte_gap_release(struct fte_gap *g)
{
	free(g->cells);
	free(g->by_nbhd);
	free(g->by_role);
	free(g->demand_by_service);
	free(g->uncovered_by_service);
	fte_gap_init(g);
}

static struct fte_gap_cell *cell_at(struct fte_gap *g, int n, int r)
{
	return &g->cells[(size_t)n * g->n_roles + (size_t)r];
}

/* Shares `heads` people over a coverage cell out to neighbourhoods the
 * way the plan shares demand, so shortfall and demand use one rule. */
static void share(const struct scenario *sc, const struct cell *c, int heads,
		  double *hours)
{
	struct demand_item it;

	memset(&it, 0, sizeof(it));
	it.service = c->service;
	it.scope = c->scope;
	it.unit = c->unit;
	it.role = c->role;
	it.from = c->from;
	it.to = c->to;
	it.required = heads;
	memset(hours, 0, sc->n_neighbourhoods * sizeof(double));
	demand_share_hours(sc, &it, hours);
}

static void add_coverage(struct fte_gap *g, const struct problem *pb,
			 const struct roster *r, double *hours)
{
	const struct scenario *sc = pb->sc;
	size_t c, n;

	for (c = 0; c < pb->n_cells; c++) {
		const struct cell *ce = &pb->cells[c];
		int gap = ce->required - r->on_duty[c];

		if (ce->required <= 0)
			continue;
		g->demand_by_service[ce->service] += ce->required * ce->hours;
		share(sc, ce, ce->required, hours);
		for (n = 0; n < sc->n_neighbourhoods; n++)
			cell_at(g, (int)n, ce->role)->demand_hours += hours[n];
		if (gap <= 0)
			continue;
		g->uncovered_by_service[ce->service] += gap * ce->hours;
		share(sc, ce, gap, hours);
		for (n = 0; n < sc->n_neighbourhoods; n++)
			cell_at(g, (int)n, ce->role)->uncovered_hours += hours[n];
	}
}

static void add_work(struct fte_gap *g, const struct problem *pb,
		     const struct roster *r)
{
	const struct scenario *sc = pb->sc;
	size_t p;
	int d;

	for (p = 0; p < sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			const struct staff *st = &sc->staff[p];
			size_t v = roster_get(r, (int)p, d);
			const struct option *o;
			double h;

			if (v == ROSTER_NONE)
				continue;
			o = &pb->people[p].opts[pb->vars[v].k];
			h = pb->vars[v].paid_hours;
			cell_at(g, o->nbhd, o->role)->worked_hours += h;
			if (o->nbhd != st->home) {
				cell_at(g, st->home, st->role)->outside_home_hours += h;
				cell_at(g, o->nbhd, o->role)->from_outside_hours += h;
			}
			if (o->role != st->role)
				cell_at(g, o->nbhd, o->role)->substitution_hours += h;
		}
}

static void add_to(struct fte_gap_cell *to, const struct fte_gap_cell *c)
{
	to->demand_hours += c->demand_hours;
	to->uncovered_hours += c->uncovered_hours;
	to->uncovered_fte += c->uncovered_fte;
	to->worked_hours += c->worked_hours;
	to->outside_home_hours += c->outside_home_hours;
	to->from_outside_hours += c->from_outside_hours;
	to->substitution_hours += c->substitution_hours;
}

/* FTE per uncovered hour: hours a week over the horizon, with the uplift,
 * in the plan's full-time weeks - the plan's own rule for demand. */
static void totals(struct fte_gap *g, const struct scenario *sc)
{
	double per_hour = 7.0 / sc->horizon.days *
			  (1 + sc->planning.uplift_pct / 100.0) /
			  sc->planning.hours_per_fte_week;
	size_t n, r;

	for (n = 0; n < g->n_neighbourhoods; n++)
		for (r = 0; r < g->n_roles; r++) {
			struct fte_gap_cell *c = cell_at(g, (int)n, (int)r);

			c->uncovered_fte = c->uncovered_hours * per_hour;
			add_to(&g->by_nbhd[n], c);
			add_to(&g->by_role[r], c);
			add_to(&g->total, c);
		}
}

int fte_gap_compute(const struct problem *pb, const struct roster *r,
		    struct fte_gap *g, struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	double *hours;

	fte_gap_init(g);
	g->n_neighbourhoods = sc->n_neighbourhoods;
	g->n_roles = sc->n_roles;
	g->n_services = sc->n_services;
	g->cells = calloc(sc->n_neighbourhoods * sc->n_roles + 1,
			  sizeof(*g->cells));
	g->by_nbhd = calloc(sc->n_neighbourhoods + 1, sizeof(*g->by_nbhd));
	g->by_role = calloc(sc->n_roles + 1, sizeof(*g->by_role));
	g->demand_by_service = calloc(sc->n_services + 1, sizeof(double));
	g->uncovered_by_service = calloc(sc->n_services + 1, sizeof(double));
	hours = calloc(sc->n_neighbourhoods + 1, sizeof(double));
	if (!g->cells || !g->by_nbhd || !g->by_role || !g->demand_by_service ||
	    !g->uncovered_by_service || !hours) {
		free(hours);
		fte_gap_release(g);
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	add_coverage(g, pb, r, hours);
	add_work(g, pb, r);
	totals(g, sc);
	pay_rota_compute(pb, r, &g->cost);
	free(hours);
	return 0;
}
