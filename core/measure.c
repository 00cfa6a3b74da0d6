#include "measure.h"

int measure_saturday(const struct problem *pb, int i)
{
	int wd0 = civil_weekday(pb->sc->horizon.start);

	return (5 - wd0 + 7) % 7 - (wd0 == 6 ? 7 : 0) + 7 * i;
}

int measure_n_weekends(const struct problem *pb)
{
	int n = 0;

	while (measure_saturday(pb, n) < pb->days)
		n++;
	return n;
}

int measure_weekend_window(const struct problem *pb, int p, int nw)
{
	int w = pb->sc->staff[p].rules.weekend_window;

	return w <= 0 || w > nw ? nw : w;
}

int measure_works_weekend(const struct roster *r, int p, int sat)
{
	return roster_shift(r, p, sat) >= 0 || roster_shift(r, p, sat + 1) >= 0;
}

int measure_weekends(const struct problem *pb, const struct roster *r, int p)
{
	int i, n = 0;

	for (i = 0; i < measure_n_weekends(pb); i++)
		n += measure_works_weekend(r, p, measure_saturday(pb, i));
	return n;
}

int measure_nights(const struct problem *pb, const struct roster *r, int p)
{
	int d, n = 0;

	for (d = 0; d < pb->days; d++) {
		int s = roster_shift(r, p, d);

		n += s >= 0 && pb->sc->shifts[s].night;
	}
	return n;
}

double measure_hours_cap(const struct problem *pb, int p)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	double avg = ru->max_avg_weekly_hours * pb->days / 7.0;
	double contract = pb->people[p].target_hours + ru->contract_tolerance_hours;
	double cap = avg < contract ? avg : contract;

	return ru->max_total_hours >= 0 && ru->max_total_hours < cap
		       ? ru->max_total_hours : cap;
}

double measure_unsocial_hours(const struct problem *pb, size_t v)
{
	const struct var *x = &pb->vars[v];
	const struct shift *sh = &pb->sc->shifts[x->s];
	int wd = scenario_pattern_weekday(pb->sc, x->d);
	int end = sh->end_min > sh->start_min ? sh->end_min : sh->end_min + 1440;
	int from = sh->start_min > 20 * 60 ? sh->start_min : 20 * 60;

	if (sh->night || wd >= 5)
		return x->paid_hours;
	return end > from ? (end - from) / 60.0 : 0;
}

int measure_request_matches(const struct problem *pb, const struct request *rq,
			    size_t v)
{
	const struct var *x = &pb->vars[v];

	if (rq->shift >= 0 && rq->shift != x->s)
		return 0;
	return rq->kind != REQUEST_CHANGE || !rq->on ||
	       pb->people[x->p].opts[x->k].nbhd == rq->nbhd;
}

int measure_request_granted(const struct roster *r, int p,
			    const struct request *rq)
{
	size_t v = rq->day >= 0 && rq->day < r->pb->days ?
		   roster_get(r, p, rq->day) : ROSTER_NONE;
	int hit = v != ROSTER_NONE && measure_request_matches(r->pb, rq, v);

	return rq->on ? hit : !hit;
}

int measure_requests_granted(const struct problem *pb, const struct roster *r,
			     int p)
{
	const struct staff *st = &pb->sc->staff[p];
	int n = 0;
	size_t q;

	for (q = 0; q < st->n_requests; q++)
		if (st->requests[q].kind == REQUEST_STAFF)
			n += measure_request_granted(r, p, &st->requests[q]);
	return n;
}

int measure_requests_total(const struct problem *pb, int p)
{
	const struct staff *st = &pb->sc->staff[p];
	int n = 0;
	size_t q;

	for (q = 0; q < st->n_requests; q++)
		n += st->requests[q].kind == REQUEST_STAFF;
	return n;
}

double measure_uncovered_hours(const struct problem *pb,
			       const struct roster *r)
{
	double h = 0;
	size_t c;

	for (c = 0; c < pb->n_cells; c++) {
		int gap = pb->cells[c].required - r->on_duty[c];

		if (gap > 0)
			h += gap * cell_hours(&pb->cells[c]);
	}
	return h;
}
