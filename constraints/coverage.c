/*
 * coverage: the offer tables as head-counts per cell.  A shortfall is
 * never infeasible: it is priced (uncovered_hour per person-hour, or a
 * benchmark's own weight per cover line) and reported.  Over-cover is
 * priced where the cell says so: over_cover_hour in cells with demand,
 * or a benchmark's over weight, even where nobody is required.
 */
#include "build.h"

static int cover_row(struct build *b, size_t c)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	const struct cell *ce = &pb->cells[c];
	const char *sv = sc->services[ce->service].id;
	const char *unit = scenario_unit_id(sc, ce->scope, (size_t)ce->unit);
	const char *role = sc->roles[ce->role].id;
	int u = -1, o = -1;

	/* Names: service, unit, role, cell index. */
	if (ce->required > 0) {
		u = model_col(b->m, 0, ce->required, 0, ce->under_cost,
			      "short[%s,%s,%s,%zu]", sv, unit, role, c);
		if (u < 0)
			return -1;
	}
	build_begin(b);
	if (build_cell(b, c, 1, NULL, NULL))
		return -1;
	if (!b->n && u < 0)
		return 0;
	if (ce->over_cost > 0 && b->n) {
		o = model_col(b->m, 0, MODEL_INF, 0, ce->over_cost, "over[%zu]", c);
		if (o < 0 || build_term(b, o, -1))
			return -1;
	}
	if (u >= 0 && build_term(b, u, 1))
		return -1;
	return build_row(b, ce->required, o >= 0 ? ce->required : MODEL_INF,
			 "cover[%s,%s,%s,%zu]", sv, unit, role, c);
}

static int coverage_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	size_t c;

	if (b->feasibility)
		return 0;
	for (c = 0; c < pb->n_cells; c++) {
		const struct cell *ce = &pb->cells[c];

		if (ce->required <= 0 && ce->over_cost <= 0)
			continue;
		if (cover_row(b, c))
			return -1;
	}
	return 0;
}

static double coverage_cost(const struct problem *pb, const struct roster *r,
			    int p)
{
	double cost = 0;
	size_t c;

	if (p >= 0)
		return 0;
	for (c = 0; c < pb->n_cells; c++)
		cost += cell_cost(&pb->cells[c], r->on_duty[c]);
	return cost;
}

const struct family coverage_family = {
	.name = "coverage", .rows = coverage_rows, .cost = coverage_cost,
	.global = 1,
};
