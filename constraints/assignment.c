/*
 * assignment: at most one shift a day; shifts only where allowed, never on
 * leave or a weekly day off (those variables do not exist at all); and
 * the price of deployment: working outside home (cross_cover_hour) or in
 * another role (also_covers penalty), per paid hour.
 */
#include "build.h"

static int assignment_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	size_t v;
	int p, d;

	for (v = 0; v < pb->n_vars; v++) {
		const struct var *x = &pb->vars[v];
		double c = pb->people[x->p].opts[x->k].cost_per_hour;

		if (b->x[v] >= 0)
			model_set_cost(b->m, b->x[v], c * x->paid_hours);
	}
	for (p = 0; p < (int)pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			build_begin(b);
			if (build_day(b, p, d, NULL, 1))
				return -1;
			if (b->n > 1 && build_row(b, -MODEL_INF, 1, "one[%s,%s]",
						  pb->sc->staff[p].id,
						  build_date(pb, d, date)))
				return -1;
		}
	return 0;
}

static int assignment_check(const struct problem *pb, const struct roster *r,
			    int p, struct rota_error *err)
{
	char date[CIVIL_DATE_LEN];
	size_t first, end, x;
	int d;

	for (d = 0; d < pb->days; d++) {
		x = roster_get(r, p, d);
		if (x == ROSTER_NONE)
			continue;
		problem_day_vars(pb, p, d, &first, &end);
		if (x < first || x >= end) {
			return build_broken(err, d, d, "assignment: '%s' works "
					    "'%s' on %s, which is not allowed",
					    pb->sc->staff[p].id,
					    pb->sc->shifts[pb->vars[x].s].id,
					    build_date(pb, d, date));
		}
	}
	return 0;
}

static double assignment_cost(const struct problem *pb, const struct roster *r,
			      int p)
{
	double c = 0;
	int d;

	if (p < 0)
		return 0;
	for (d = 0; d < pb->days; d++) {
		size_t x = roster_get(r, p, d);

		if (x != ROSTER_NONE)
			c += pb->vars[x].paid_hours *
			     pb->people[p].opts[pb->vars[x].k].cost_per_hour;
	}
	return c;
}

const struct family assignment_family = {
	.name = "assignment", .rows = assignment_rows,
	.check = assignment_check, .cost = assignment_cost,
};
