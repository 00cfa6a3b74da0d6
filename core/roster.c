#include "roster.h"

#include <stdlib.h>
#include <string.h>

int roster_setup(struct roster *r, const struct problem *pb,
		 struct rota_error *err)
{
	size_t i, n = pb->sc->n_staff * (size_t)pb->days;

	r->pb = pb;
	r->pick = malloc((n ? n : 1) * sizeof(size_t));
	r->on_duty = calloc(pb->n_cells ? pb->n_cells : 1, sizeof(int));
	if (!r->pick || !r->on_duty) {
		roster_release(r);
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	for (i = 0; i < n; i++)
		r->pick[i] = ROSTER_NONE;
	return 0;
}

void roster_release(struct roster *r)
{
	free(r->pick);
	free(r->on_duty);
	r->pick = NULL;
	r->on_duty = NULL;
}

void roster_copy(struct roster *dst, const struct roster *src)
{
	const struct problem *pb = src->pb;

	memcpy(dst->pick, src->pick,
	       pb->sc->n_staff * (size_t)pb->days * sizeof(size_t));
	memcpy(dst->on_duty, src->on_duty, pb->n_cells * sizeof(int));
}

static void count(struct roster *r, size_t var, int delta)
{
	const struct var *v = &r->pb->vars[var];
	size_t i;

	for (i = 0; i < v->n_cells; i++)
		r->on_duty[r->pb->var_cells[v->first_cell + i]] += delta;
}

void roster_set(struct roster *r, int p, int d, size_t var)
{
	size_t *slot = &r->pick[(size_t)p * (size_t)r->pb->days + (size_t)d];

	if (*slot == var)
		return;
	if (*slot != ROSTER_NONE)
		count(r, *slot, -1);
	*slot = var;
	if (var != ROSTER_NONE)
		count(r, var, +1);
}

int roster_shift(const struct roster *r, int p, int d)
{
	size_t v;

	if (d < 0 || d >= r->pb->days)
		return -1;
	v = roster_get(r, p, d);
	return v == ROSTER_NONE ? -1 : r->pb->vars[v].s;
}

double roster_paid_hours(const struct roster *r, int p)
{
	double h = 0;
	int d;

	for (d = 0; d < r->pb->days; d++) {
		size_t v = roster_get(r, p, d);

		if (v != ROSTER_NONE)
			h += r->pb->vars[v].paid_hours;
	}
	return h;
}
