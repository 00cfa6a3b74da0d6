/*
 * hours: max_avg_weekly_hours over the horizon and the contract's upper
 * bound (target + contract_tolerance_hours), both hard; falling short of
 * the target is priced at contract_under_hour per hour.  The benchmarks'
 * minimum and maximum total minutes are hard bounds on the same sum
 * (min_total_hours, max_total_hours).  Hours are paid hours on real
 * instants.
 */
#include "build.h"

static double floor_hours(const struct problem *pb, int p)
{
	double min = pb->sc->staff[p].rules.min_total_hours;

	return min > 0 ? min : -MODEL_INF;
}

static int person_hours(struct build *b, int p)
{
	const struct problem *pb = b->pb;
	const char *id = pb->sc->staff[p].id;
	double target = pb->people[p].target_hours;
	size_t first, end, i;
	int under;

	build_begin(b);
	problem_person_vars(pb, p, &first, &end);
	for (i = first; i < end; i++)
		if (build_term(b, b->x[i], pb->vars[i].paid_hours))
			return -1;
	if (build_row(b, floor_hours(pb, p), measure_hours_cap(pb, p), "hours[%s]", id))
		return -1;
	if (b->feasibility || target <= 0 ||
	    pb->sc->weights.contract_under_hour <= 0)
		return 0;
	under = model_col(b->m, 0, target, 0,
			  pb->sc->weights.contract_under_hour,
			  "contract_under[%s]", id);
	if (under < 0)
		return -1;
	if (!b->n) {   /* cannot work at all: the whole target is short */
		model_set_bounds(b->m, under, target, target);
		return 0;
	}
	return build_term(b, under, 1) ||
	       build_row(b, target, MODEL_INF, "contract[%s]", id) ? -1 : 0;
}

static int hours_rows(struct build *b)
{
	size_t p;

	for (p = 0; p < b->pb->sc->n_staff; p++)
		if (person_hours(b, (int)p))
			return -1;
	return 0;
}

static int total_check(const struct problem *pb, int p, double paid,
		       struct rota_error *err)
{
	const struct rules *ru = &pb->sc->staff[p].rules;

	if (ru->max_total_hours >= 0 && paid > ru->max_total_hours + 1e-6) {
		return build_broken(err, -1, -1, "total hours: '%s' is paid "
				    "%.2f hours, at most %.2f allowed",
				    pb->sc->staff[p].id, paid,
				    ru->max_total_hours);
	}
	if (ru->min_total_hours > 0 && paid < ru->min_total_hours - 1e-6) {
		return build_broken(err, -1, -1, "total hours: '%s' is paid "
				    "%.2f hours, at least %.2f required",
				    pb->sc->staff[p].id, paid,
				    ru->min_total_hours);
	}
	return 0;
}

static int hours_check(const struct problem *pb, const struct roster *r, int p,
		       struct rota_error *err)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	double paid = roster_paid_hours(r, p);
	double avg = ru->max_avg_weekly_hours * pb->days / 7.0;
	double contract = pb->people[p].target_hours + ru->contract_tolerance_hours;

	if (paid > avg + 1e-6) {
		return build_broken(err, -1, -1, "average weekly hours: '%s' is "
				    "paid %.2f hours, limit %.2f over the "
				    "horizon", pb->sc->staff[p].id, paid, avg);
	}
	if (paid > contract + 1e-6) {
		return build_broken(err, -1, -1, "contract hours: '%s' is paid "
				    "%.2f hours, target %.2f plus tolerance %g",
				    pb->sc->staff[p].id, paid,
				    pb->people[p].target_hours,
				    ru->contract_tolerance_hours);
	}
	return total_check(pb, p, paid, err);
}

static double hours_cost(const struct problem *pb, const struct roster *r,
			 int p)
{
	double short_by;

	if (p < 0)
		return 0;
	short_by = pb->people[p].target_hours - roster_paid_hours(r, p);
	return short_by > 1e-9 ? short_by * pb->sc->weights.contract_under_hour
			       : 0;
}

const struct family hours_family = {
	.name = "hours", .rows = hours_rows, .check = hours_check,
	.cost = hours_cost,
};
