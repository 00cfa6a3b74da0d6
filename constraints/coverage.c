/*
 * coverage: the offer tables as head-counts per cell.  A shortfall is
 * never infeasible: it is priced at uncovered_hour per person-hour and
 * reported.  Over-cover, priced at over_cover_hour, is counted in the
 * cells that have demand, per unit of each scope.
 */
#include "constraints.h"

int coverage_rows(struct build *b)
{
	const struct problem *pb = b->pb;
	const struct scenario *sc = pb->sc;
	const struct weights *w = &sc->weights;
	size_t c;

	if (b->feasibility)
		return 0;
	for (c = 0; c < pb->n_cells; c++) {
		const struct cell *ce = &pb->cells[c];
		double h = cell_hours(ce);
		int u, o;

		if (ce->required <= 0)
			continue;
		/* Names: service, unit, role, cell index. */
		u = model_col(b->m, 0, ce->required, 0, w->uncovered_hour * h,
			      "short[%s,%s,%s,%zu]", sc->services[ce->service].id,
			      scenario_unit_id(sc, ce->scope, (size_t)ce->unit),
			      sc->roles[ce->role].id, c);
		if (u < 0)
			return -1;
		build_begin(b);
		if (build_cell(b, c, 1, NULL))
			return -1;
		if (w->over_cover_hour > 0 && b->n) {
			o = model_col(b->m, 0, MODEL_INF, 0, w->over_cover_hour * h,
				      "over[%zu]", c);
			if (o < 0 || build_term(b, o, -1))
				return -1;
		}
		if (build_term(b, u, 1) ||
		    build_row(b, ce->required,
			      w->over_cover_hour > 0 ? ce->required : MODEL_INF,
			      "cover[%s,%s,%s,%zu]", sc->services[ce->service].id,
			      scenario_unit_id(sc, ce->scope, (size_t)ce->unit),
			      sc->roles[ce->role].id, c))
			return -1;
	}
	return 0;
}

double coverage_cost(const struct problem *pb, const struct roster *r, int p)
{
	const struct weights *w = &pb->sc->weights;
	double cost = 0;
	size_t c;

	if (p >= 0)
		return 0;
	for (c = 0; c < pb->n_cells; c++) {
		const struct cell *ce = &pb->cells[c];
		int gap = ce->required - r->on_duty[c];

		if (ce->required <= 0)
			continue;
		if (gap > 0)
			cost += w->uncovered_hour * gap * cell_hours(ce);
		else
			cost += w->over_cover_hour * -gap * cell_hours(ce);
	}
	return cost;
}
