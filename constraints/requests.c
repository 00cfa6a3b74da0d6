/*
 * requests: soft, priced at weights.request x the request's weight when
 * refused.  "on" (a shift, or any shift) is refused when not worked;
 * "off" (the day, or one shift) is refused when worked.  No rows: a
 * refusal is linear in the shift variables, with a constant for "on".
 * The costs of re-rostering against --previous are requests too
 * (REQUEST_CHANGE, REQUEST_FIXED; scenario.h), linear as long as a person
 * works at most one shift a day, which every var of a day shares.
 */
#include "build.h"

static int requests_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	size_t p, q, first, end, i;

	if (b->feasibility)
		return 0;
	for (p = 0; p < sc->n_staff; p++)
		for (q = 0; q < sc->staff[p].n_requests; q++) {
			const struct request *rq = &sc->staff[p].requests[q];
			double w = sc->weights.request * rq->weight;

			if (rq->on)
				model_add_obj_constant(b->m, w);
			problem_day_vars(pb, (int)p, rq->day, &first, &end);
			for (i = first; i < end; i++)
				if (b->x[i] >= 0 && measure_request_matches(pb, rq, i))
					model_set_cost(b->m, b->x[i],
						       model_cost(b->m, b->x[i]) +
							       (rq->on ? -w : w));
		}
	return 0;
}

static double requests_cost(const struct problem *pb, const struct roster *r,
			    int p)
{
	const struct scenario *sc = pb->sc;
	double c = 0;
	size_t q;

	if (p < 0)
		return 0;
	for (q = 0; q < sc->staff[p].n_requests; q++)
		if (!measure_request_granted(r, p, &sc->staff[p].requests[q]))
			c += sc->weights.request * sc->staff[p].requests[q].weight;
	return c;
}

const struct family requests_family = {
	.name = "requests", .rows = requests_rows, .cost = requests_cost,
};
