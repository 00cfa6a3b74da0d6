/*
 * unsocial: unsocial_fairness, per hour of evening, night or weekend work
 * above the fair share of a person's role.  A shift's unsocial hours are
 * all its paid hours when it is a night shift or starts on a Saturday,
 * Sunday or bank holiday (read by bank_holiday_pattern), and otherwise
 * its wall-clock hours after 20:00 (evening).
 */
#include "build.h"

static int unsocial_terms(struct build *b, int p, double scale, void *ctx)
{
	size_t first, end, i;
	int d;

	(void)ctx;
	for (d = 0; d < b->pb->days; d++) {
		problem_day_vars(b->pb, p, d, &first, &end);
		for (i = first; i < end; i++) {
			double h = measure_unsocial_hours(b->pb, i);

			if (h > 0 && build_term(b, b->x[i], scale * h))
				return -1;
		}
	}
	return 0;
}

static int unsocial_rows(struct build *b)
{
	/* Fairness costs are >= 0: the bound may leave them out. */
	if (b->relaxation == BUILD_RELAXED || b->feasibility)
		return 0;
	return build_fairness(b, "unsocial_fair",
			      b->pb->sc->weights.unsocial_fairness,
			      unsocial_terms, NULL);
}

static double measure(const struct problem *pb, const struct roster *r, int p)
{
	double h = 0;
	int d;

	for (d = 0; d < pb->days; d++) {
		size_t v = roster_get(r, p, d);

		if (v != ROSTER_NONE)
			h += measure_unsocial_hours(pb, v);
	}
	return h;
}

static double unsocial_cost(const struct problem *pb, const struct roster *r,
			    int p)
{
	if (p < 0)
		return 0;
	return fairness_excess(pb, r, p, measure) *
	       pb->sc->weights.unsocial_fairness;
}

const struct family unsocial_family = {
	.name = "unsocial", .rows = unsocial_rows, .cost = unsocial_cost,
	.fair = 1,
};
