#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "idle.h"

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
}

void plan_release(struct plan *p)
{
	free(p->cells);
	free(p->by_role);
	free(p->by_nbhd);
	free(p->service_role_hours);
	pay_offer_release(&p->cost);
	plan_init(p);
}

static void add_cell(struct plan_cell *to, const struct plan_cell *c)
{
	to->demand_hours_week += c->demand_hours_week;
	to->required_fte += c->required_fte;
	to->in_post_fte += c->in_post_fte;
	to->gap_fte += c->gap_fte;
	to->staff += c->staff;
	to->idle_fte += c->idle_fte;
	to->idle_staff += c->idle_staff;
}

/* Weekly demand hours per neighbourhood and role into the cells. */
static int share_demand(const struct scenario *sc, const struct demand *d,
			struct plan *p)
{
	size_t nn = sc->n_neighbourhoods, i, n;
	double weeks = sc->horizon.days / 7.0;
	double *hours = calloc(nn, sizeof(double));

	if (!hours)
		return -1;
	for (i = 0; i < d->n; i++) {
		const struct demand_item *it = &d->items[i];
		size_t r = (size_t)it->role;

		memset(hours, 0, nn * sizeof(double));
		demand_share_hours(sc, it, hours);
		for (n = 0; n < nn; n++)
			plan_cell(p, n, r)->demand_hours_week += hours[n] / weeks;
		p->service_role_hours[(size_t)it->service * p->n_roles + r] +=
			demand_item_hours(it) / weeks;
	}
	free(hours);
	return 0;
}

static double in_post_share(const struct scenario *sc, const struct staff *s)
{
	int d, in = 0;

	if (!s->post.has_from && !s->post.has_until)
		return 1;
	for (d = 0; d < sc->horizon.days; d++)
		in += staff_in_post(sc, s, d);
	return sc->horizon.days ? (double)in / sc->horizon.days : 0;
}

static void fill_cells(const struct scenario *sc, struct plan *p)
{
	double factor = (1 + sc->planning.uplift_pct / 100.0) /
			sc->planning.hours_per_fte_week;
	size_t i, n, r;

	for (i = 0; i < sc->n_staff; i++) {
		const struct staff *s = &sc->staff[i];
		struct plan_cell *c = plan_cell(p, (size_t)s->home,
						(size_t)s->role);
		double share = in_post_share(sc, s);

		/* A starter or leaver (start/end) is in post for the share
		 * of the horizon's days inside their dates; counted as one
		 * of the staff if in post on any of them. */
		c->in_post_fte += s->fte * share;
		c->staff += share > 0;
	}
	for (n = 0; n < p->n_neighbourhoods; n++)
		for (r = 0; r < p->n_roles; r++) {
			struct plan_cell *c = plan_cell(p, n, r);

			c->required_fte = c->demand_hours_week * factor;
			c->gap_fte = c->required_fte - c->in_post_fte;
			add_cell(&p->by_role[r], c);
			add_cell(&p->by_nbhd[n], c);
			add_cell(&p->total, c);
		}
}

int plan_compute(const struct scenario *sc, const struct demand *d,
		 struct plan *p, struct rota_error *err)
{
	p->n_neighbourhoods = sc->n_neighbourhoods;
	p->n_roles = sc->n_roles;
	p->n_services = sc->n_services;
	p->cells = calloc(sc->n_neighbourhoods * sc->n_roles + 1,
			  sizeof(*p->cells));
	p->by_role = calloc(sc->n_roles + 1, sizeof(*p->by_role));
	p->by_nbhd = calloc(sc->n_neighbourhoods + 1, sizeof(*p->by_nbhd));
	p->service_role_hours = calloc(sc->n_services * sc->n_roles + 1,
				       sizeof(double));
	if (!p->cells || !p->by_role || !p->by_nbhd || !p->service_role_hours ||
	    share_demand(sc, d, p)) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory planning");
		plan_release(p);
		return -1;
	}
	fill_cells(sc, p);
	if (pay_offer_compute(sc, d, &p->cost, err)) {
		plan_release(p);
		return -1;
	}
	return 0;
}

static void add_idle(struct plan_cell *c, double fte)
{
	c->idle_fte += fte;
	c->idle_staff++;
}

int plan_count_idle(struct plan *p, const struct problem *pb,
		    struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	struct idle_list l;
	size_t i;

	idle_list_init(&l);
	if (idle_find(pb, &l, err))
		return -1;
	for (i = 0; i < l.n; i++) {
		const struct staff *st = &sc->staff[l.items[i].staff];

		add_idle(plan_cell(p, (size_t)st->home, (size_t)st->role),
			 st->fte);
		add_idle(&p->by_role[st->role], st->fte);
		add_idle(&p->by_nbhd[st->home], st->fte);
		add_idle(&p->total, st->fte);
	}
	p->idle_known = 1;
	idle_list_release(&l);
	return 0;
}
