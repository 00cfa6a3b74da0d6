#include "idle.h"

#include <stdlib.h>

#include "demand.h"
#include "grow.h"

void idle_list_init(struct idle_list *l)
{
	l->n = 0;
	l->items = NULL;
}

void idle_list_release(struct idle_list *l)
{
	free(l->items);
	idle_list_init(l);
}

const char *idle_reason_text(enum idle_reason r)
{
	switch (r) {
	case IDLE_NO_SHIFTS:
		return "no shifts to work: none listed, or by default none of "
		       "a service that demands their role";
	case IDLE_NEVER_FREE:
		return "on leave, a weekly day off or not in post (start/end) "
		       "every day of the horizon";
	case IDLE_NO_SHIFT_DAY:
		return "no allowed shift on any day they are free";
	case IDLE_NO_DEMAND:
		break;
	}
	return "no demand for their role, or a role they cover, on their "
	       "shifts where they may work";
}

static int any_allowed(const struct scenario *sc, const struct staff *st)
{
	size_t s;

	for (s = 0; s < sc->n_shifts; s++)
		if (st->allowed[s])
			return 1;
	return 0;
}

static int never_free(const struct problem *pb, int p)
{
	int d;

	for (d = 0; d < pb->days; d++)
		if (!pb->people[p].off[d])
			return 0;
	return 1;
}

/* Whether var v counts toward a cell where someone is required. */
static int meets_demand(const struct problem *pb, size_t v)
{
	const struct var *x = &pb->vars[v];
	size_t i;

	for (i = 0; i < x->n_cells; i++)
		if (pb->cells[pb->var_cells[x->first_cell + i]].required > 0)
			return 1;
	return 0;
}

int idle_person(const struct problem *pb, int p, enum idle_reason *reason)
{
	const struct scenario *sc = pb->sc;
	enum idle_reason r = IDLE_NO_DEMAND;
	size_t first, end, v;

	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++)
		if (meets_demand(pb, v))
			return 0;
	if (!any_allowed(sc, &sc->staff[p]))
		r = IDLE_NO_SHIFTS;
	else if (never_free(pb, p))
		r = IDLE_NEVER_FREE;
	else if (first == end)
		r = IDLE_NO_SHIFT_DAY;
	if (reason)
		*reason = r;
	return 1;
}

int idle_find(const struct problem *pb, struct idle_list *l,
	      struct rota_error *err)
{
	size_t p, cap = 0;
	enum idle_reason r;

	for (p = 0; p < pb->sc->n_staff; p++) {
		if (!idle_person(pb, (int)p, &r))
			continue;
		if (grow(&l->items, &cap, l->n + 1, sizeof(*l->items))) {
			idle_list_release(l);
			return rota_error_add(err, ROTA_EINTERNAL,
					      "out of memory");
		}
		l->items[l->n++] = (struct idle_person){(int)p, r};
	}
	return 0;
}

int idle_request_impossible(const struct problem *pb, int p, size_t q,
			    const char **why)
{
	const struct scenario *sc = pb->sc;
	const struct request *rq = &sc->staff[p].requests[q];
	size_t first, end, v;

	if (!rq->on || rq->day < 0 || rq->day >= pb->days)
		return 0;
	problem_day_vars(pb, p, rq->day, &first, &end);
	for (v = first; v < end; v++)
		if (rq->shift < 0 || pb->vars[v].s == rq->shift)
			return 0;
	if (rq->shift >= 0 && !sc->staff[p].allowed[rq->shift])
		*why = "a shift they may not work";
	else if (pb->people[p].off[rq->day])
		*why = "a day of leave, a weekly day off or not in post";
	else if (rq->shift >= 0 && !demand_shift_occurs(sc, rq->shift, rq->day))
		*why = "the shift does not occur that day";
	else
		*why = "no shift they may work that day";
	return 1;
}
