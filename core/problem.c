#include "problem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

void problem_init(struct problem *pb)
{
	memset(pb, 0, sizeof(*pb));
}

void problem_release(struct problem *pb)
{
	size_t i;

	if (pb->people && pb->sc)
		for (i = 0; i < pb->sc->n_staff; i++) {
			free(pb->people[i].opts);
			free(pb->people[i].off);
		}
	free(pb->people);
	free(pb->cells);
	free(pb->vars);
	free(pb->var_cells);
	free(pb->cell_var_first);
	free(pb->cell_vars);
	free(pb->day_first);
	free(pb->track_first);
	problem_init(pb);
}

int problem_scope_index(const struct problem *pb, int scope)
{
	(void)pb;
	if (scope == SCOPE_NEIGHBOURHOOD)
		return 0;
	if (scope == SCOPE_BOROUGH)
		return 1;
	return scope + 2;
}

int problem_scope_of_index(const struct problem *pb, int idx)
{
	(void)pb;
	if (idx == 0)
		return SCOPE_NEIGHBOURHOOD;
	if (idx == 1)
		return SCOPE_BOROUGH;
	return idx - 2;
}

size_t problem_track(const struct problem *pb, int service, int scope,
		     int unit, int role)
{
	const struct scenario *sc = pb->sc;
	size_t t = (size_t)service;

	t = t * (size_t)pb->n_scopes + (size_t)problem_scope_index(pb, scope);
	t = t * pb->max_units + (size_t)unit;
	return t * sc->n_roles + (size_t)role;
}

/* ---- people: options, days off, contract target ---- */

static int role_fills(const struct scenario *sc, int own, int role,
		      double *penalty)
{
	size_t c;

	*penalty = 0;
	if (own == role)
		return 1;
	for (c = 0; c < sc->roles[own].n_covers; c++)
		if (sc->roles[own].covers[c].role == role) {
			*penalty = sc->roles[own].covers[c].penalty;
			return 1;
		}
	return 0;
}

static int build_options(const struct scenario *sc, const struct staff *st,
			 struct person *pp)
{
	size_t n, r, cap = sc->n_neighbourhoods * sc->n_roles;
	double pen;

	pp->opts = calloc(cap ? cap : 1, sizeof(*pp->opts));
	if (!pp->opts)
		return -1;
	/* Home and own role first: option 0 is the plain case. */
	pp->opts[pp->n_opts++] = (struct option){st->home, st->role, 0};
	for (n = 0; n < sc->n_neighbourhoods; n++)
		for (r = 0; r < sc->n_roles; r++) {
			double cost;

			if (!st->may_work[n] ||
			    !role_fills(sc, st->role, (int)r, &pen))
				continue;
			if ((int)n == st->home && (int)r == st->role)
				continue;
			cost = pen;
			if ((int)n != st->home)
				cost += sc->weights.cross_cover_hour;
			pp->opts[pp->n_opts++] = (struct option){(int)n, (int)r,
								 cost};
		}
	return 0;
}

static int on_leave(const struct staff *st, int day)
{
	size_t l;

	for (l = 0; l < st->n_leave; l++)
		if (day >= st->leave[l].from_day && day <= st->leave[l].to_day)
			return 1;
	return 0;
}

static int build_person(const struct scenario *sc, const struct staff *st,
			struct person *pp)
{
	int d, days = sc->horizon.days, in_post_days = 0;
	double week = st->fte * st->rules.hours_per_fte_week;

	if (build_options(sc, st, pp))
		return -1;
	pp->off = calloc((size_t)days, 1);
	if (!pp->off)
		return -1;
	for (d = 0; d < days; d++) {
		int wd = civil_weekday(scenario_date(sc, d));
		int leave = on_leave(st, d), in_post = staff_in_post(sc, st, d);

		pp->off[d] = (unsigned char)(leave || !in_post ||
					     ((st->days_off_weekly >> wd) & 1u));
		in_post_days += in_post;
		if (leave && in_post && wd < 5)
			pp->leave_weekdays++;
	}
	/* The spec's target: pro rata for the horizon, less a fifth of a
	 * week for each Monday-to-Friday day of leave.  A starter or leaver
	 * (start/end, an addition to the spec) is pro rata for the days in
	 * post: those days are off like leave, but priced by the days/7
	 * rule, not a fifth of a week a weekday (which would take nothing
	 * for a weekend out of post and a whole week for five weekdays). */
	pp->target_hours = week * in_post_days / 7.0 -
			   week / 5.0 * pp->leave_weekdays;
	if (pp->target_hours < 0)
		pp->target_hours = 0;
	return 0;
}

/* ---- coverage cells ---- */

static int cmp_instant(const void *a, const void *b)
{
	instant_t x = *(const instant_t *)a, y = *(const instant_t *)b;

	return (x > y) - (x < y);
}

instant_t *problem_breakpoints(const struct scenario *sc, int sv, size_t *n)
{
	size_t cap = 2 * (size_t)sc->horizon.days *
		     (sc->n_shifts + sc->services[sv].n_bands) + 2;
	instant_t *b = malloc(cap * sizeof(*b));
	size_t k = 0, i, j;
	int d;

	if (!b)
		return NULL;
	for (d = 0; d < sc->horizon.days; d++) {
		for (i = 0; i < sc->services[sv].n_bands; i++) {
			b[k++] = sc->services[sv].bands[i].from_at[d];
			b[k++] = sc->services[sv].bands[i].to_at[d];
		}
		for (i = 0; i < sc->n_shifts; i++)
			if (sc->shifts[i].service == sv &&
			    demand_shift_occurs(sc, (int)i, d)) {
				b[k++] = sc->shifts[i].start_at[d];
				b[k++] = sc->shifts[i].end_at[d];
			}
	}
	qsort(b, k, sizeof(*b), cmp_instant);
	for (i = j = 0; i < k; i++)
		if (!j || b[j - 1] != b[i])
			b[j++] = b[i];
	*n = j;
	return b;
}

size_t problem_breakpoint(const instant_t *b, size_t n, instant_t t)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int problem_live_role(const struct scenario *sc, int sv, int role)
{
	const struct service *s = &sc->services[sv];
	size_t b, r, m;

	for (b = 0; b < s->n_bands; b++)
		for (r = 0; r < s->bands[b].n_reqs; r++)
			if (s->bands[b].reqs[r].role == role)
				return 1;
	for (m = 0; m < sc->n_mix; m++)
		if (sc->mix[m].service == sv &&
		    (sc->mix[m].role == role || sc->mix[m].per == role))
			return 1;
	return 0;
}

struct cellbuf {
	struct cell *cells;
	size_t n, cap;
};

static int push_cell(struct cellbuf *cb, const struct cell *c)
{
	if (grow(&cb->cells, &cb->cap, cb->n + 1, sizeof(*cb->cells)))
		return -1;
	cb->cells[cb->n++] = *c;
	return 0;
}

/* Required head-count per elementary interval of one track. */
static void track_required(const struct demand *dm, int sv, int scope,
			   int unit, int role, const instant_t *bp, size_t nbp,
			   long *req)
{
	size_t i;

	memset(req, 0, nbp * sizeof(*req));
	for (i = 0; i < dm->n; i++) {
		const struct demand_item *it = &dm->items[i];

		if (it->service != sv || it->scope != scope || it->unit != unit ||
		    it->role != role)
			continue;
		req[problem_breakpoint(bp, nbp, it->from)] += it->required;
		req[problem_breakpoint(bp, nbp, it->to)] -= it->required;
	}
	for (i = 1; i < nbp; i++)
		req[i] += req[i - 1];
}

/* Intervals any shift of the service may be on duty in. */
static void shift_presence(const struct scenario *sc, int sv,
			   const instant_t *bp, size_t nbp, long *on)
{
	size_t i;
	int d;

	memset(on, 0, nbp * sizeof(*on));
	for (i = 0; i < sc->n_shifts; i++) {
		if (sc->shifts[i].service != sv)
			continue;
		for (d = 0; d < sc->horizon.days; d++) {
			if (!demand_shift_occurs(sc, (int)i, d))
				continue;
			on[problem_breakpoint(bp, nbp, sc->shifts[i].start_at[d])]++;
			on[problem_breakpoint(bp, nbp, sc->shifts[i].end_at[d])]--;
		}
	}
	for (i = 1; i < nbp; i++)
		on[i] += on[i - 1];
}

static int service_cells(struct problem *pb, const struct demand *dm, int sv,
			 struct cellbuf *cb)
{
	const struct scenario *sc = pb->sc;
	size_t nbp = 0, i, u, units;
	instant_t *bp = problem_breakpoints(sc, sv, &nbp);
	long *req = malloc((nbp + 1) * sizeof(long));
	long *on = malloc((nbp + 1) * sizeof(long));
	int si, role, ret = -1;

	if (!bp || !req || !on)
		goto out;
	shift_presence(sc, sv, bp, nbp, on);
	for (si = 0; si < pb->n_scopes; si++) {
		int scope = problem_scope_of_index(pb, si);

		units = scenario_units(sc, scope);
		for (u = 0; u < pb->max_units; u++)
			for (role = 0; role < (int)sc->n_roles; role++) {
				size_t t = problem_track(pb, sv, scope, (int)u, role);

				pb->track_first[t] = cb->n;
				if (u >= units || !problem_live_role(sc, sv, role))
					continue;
				track_required(dm, sv, scope, (int)u, role, bp, nbp,
					       req);
				for (i = 0; i + 1 < nbp; i++) {
					double h = (double)(bp[i + 1] - bp[i]) / 3600.0;
					const struct weights *w = &sc->weights;
					struct cell c = {sv, scope, (int)u, role, bp[i],
							 bp[i + 1], (int)req[i], h,
							 w->uncovered_hour * h,
							 req[i] > 0 ? w->over_cover_hour * h : 0};

					if ((req[i] > 0 || on[i] > 0) &&
					    push_cell(cb, &c))
						goto out;
				}
			}
	}
	ret = 0;
out:
	free(bp);
	free(req);
	free(on);
	return ret;
}

/* Applies item it's own prices to the cells of its track it overlaps:
 * first clearing the weights' price (pass 0), then the dearest item
 * wins (pass 1). */
static void price_item(struct problem *pb, const struct demand_item *it,
		       int pass)
{
	double span = (double)(it->to - it->from) / 3600.0;
	size_t c, t = problem_track(pb, it->service, it->scope, it->unit,
				    it->role);

	for (c = pb->track_first[t]; c < pb->track_first[t + 1]; c++) {
		struct cell *ce = &pb->cells[c];
		double share = ce->hours / span;

		if (ce->to <= it->from || ce->from >= it->to)
			continue;
		if (it->under_cost >= 0)
			ce->under_cost = pass ? fmax(ce->under_cost,
						     it->under_cost * share) : 0;
		if (it->over_cost >= 0)
			ce->over_cost = pass ? fmax(ce->over_cost,
						    it->over_cost * share) : 0;
	}
}

/* Items with prices of their own (benchmarks weigh each cover line)
 * price their cells pro rata. */
static void price_cells(struct problem *pb, const struct demand *dm)
{
	size_t i;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < dm->n; i++) {
			const struct demand_item *it = &dm->items[i];

			if ((it->under_cost >= 0 || it->over_cost >= 0) &&
			    it->to > it->from)
				price_item(pb, it, pass);
		}
}

static int build_cells(struct problem *pb, const struct demand *dm)
{
	const struct scenario *sc = pb->sc;
	struct cellbuf cb = {NULL, 0, 0};
	size_t sv, k;

	pb->n_scopes = 2 + (int)sc->n_kinds;
	pb->max_units = sc->n_neighbourhoods ? sc->n_neighbourhoods : 1;
	for (k = 0; k < sc->n_kinds; k++)
		if (sc->kinds[k].n_groups > pb->max_units)
			pb->max_units = sc->kinds[k].n_groups;
	pb->n_tracks = sc->n_services * (size_t)pb->n_scopes * pb->max_units *
		       sc->n_roles;
	pb->track_first = calloc(pb->n_tracks + 1, sizeof(size_t));
	if (!pb->track_first)
		return -1;
	for (sv = 0; sv < sc->n_services; sv++)
		if (service_cells(pb, dm, (int)sv, &cb)) {
			free(cb.cells);
			return -1;
		}
	pb->track_first[pb->n_tracks] = cb.n;
	pb->cells = cb.cells;
	pb->n_cells = cb.n;
	price_cells(pb, dm);
	return 0;
}

/* ---- variables ---- */

struct varbuf {
	struct var *vars;
	size_t n, cap;
	size_t *cells;
	size_t n_cells, cap_cells;
};

/* Appends the cells a var counts toward: one track per scope. */
static int var_cells(const struct problem *pb, struct var *v,
		     struct varbuf *vb)
{
	const struct scenario *sc = pb->sc;
	const struct shift *sh = &sc->shifts[v->s];
	const struct option *o = &pb->people[v->p].opts[v->k];
	instant_t start = sh->start_at[v->d], end = sh->end_at[v->d];
	int si;

	v->first_cell = vb->n_cells;
	for (si = 0; si < pb->n_scopes; si++) {
		int scope = problem_scope_of_index(pb, si);
		int unit = scenario_unit_of(sc, scope, o->nbhd);
		size_t t, lo, hi;

		if (unit < 0)
			continue;
		t = problem_track(pb, sh->service, scope, unit, o->role);
		lo = pb->track_first[t];
		hi = pb->track_first[t + 1];
		while (lo < hi) {   /* first cell starting at or after start */
			size_t mid = lo + (hi - lo) / 2;

			if (pb->cells[mid].from < start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < pb->track_first[t + 1] && pb->cells[lo].to <= end;
		     lo++) {
			if (grow(&vb->cells, &vb->cap_cells,
				 vb->n_cells + 1, sizeof(size_t)))
				return -1;
			vb->cells[vb->n_cells++] = lo;
		}
	}
	v->n_cells = vb->n_cells - v->first_cell;
	return 0;
}

/*
 * The deployment options kept for a shift of service sv: those whose role
 * the service demands or a skill-mix rule names, and of the rest only the
 * cheapest.  The rest cover no cell, so they differ only in their price
 * and the cheapest is as good as any; but one must stay, since working a
 * shift nobody demands in that role can still be worth its paid hours
 * (a contract's target, a request).  Found by the exhaustive search of
 * tests/tiny (cases 04, 10, 15, 22, 29), which the old rule, every
 * option but the demanded ones dropped, made dearer.
 */
static int kept_option(const struct scenario *sc, const struct person *pp,
		       int sv, size_t k)
{
	size_t j, cheapest = pp->n_opts;

	if (problem_live_role(sc, sv, pp->opts[k].role))
		return 1;
	for (j = 0; j < pp->n_opts; j++)
		if (!problem_live_role(sc, sv, pp->opts[j].role) &&
		    (cheapest == pp->n_opts ||
		     pp->opts[j].cost_per_hour <
		      pp->opts[cheapest].cost_per_hour))
			cheapest = j;
	return k == cheapest;
}

/* Whether a pin or frozen day (staff[].fixed) leaves shift s with
 * option k on day d: only its own shift and deployment, or nothing. */
static int fixed_allows(const struct staff *st, const struct person *pp,
			int d, size_t s, size_t k)
{
	const struct fixed *fx = staff_fixed(st, d);

	if (!fx)
		return 1;
	return fx->shift == (int)s &&
	       (fx->nbhd < 0 || pp->opts[k].nbhd == fx->nbhd) &&
	       (fx->role < 0 || pp->opts[k].role == fx->role);
}

/*
 * Whether history (the previous rota's last days, scenario.h) leaves
 * shift s on day d: not before the last shift's rest is over, and not on
 * day 0 once the days or nights in a row are used up.  Exactly the rest
 * and run rules across the horizon's start, as a pre-filter every phase
 * keeps; a run shorter than the limit is not carried (README).
 */
static int history_allows(const struct scenario *sc, const struct staff *st,
			  int d, size_t s)
{
	const struct shift *sh = &sc->shifts[s];

	if (sh->start_at[d] < st->history_rest_until)
		return 0;
	if (d > 0)
		return 1;
	if (st->history_days && st->history_days >= st->rules.max_days_in_a_row)
		return 0;
	return !sh->night || !st->history_nights ||
	       st->history_nights < st->rules.max_nights_in_a_row;
}

static int person_vars(struct problem *pb, int p, struct varbuf *vb)
{
	const struct scenario *sc = pb->sc;
	const struct staff *st = &sc->staff[p];
	const struct person *pp = &pb->people[p];
	size_t s, k;
	int d;

	for (d = 0; d < pb->days; d++) {
		pb->day_first[(size_t)p * (size_t)pb->days + (size_t)d] = vb->n;
		if (pp->off[d])
			continue;
		for (s = 0; s < sc->n_shifts; s++) {
			int sv = sc->shifts[s].service;

			if (!st->allowed[s] || sv < 0 ||
			    !demand_shift_occurs(sc, (int)s, d) ||
			    !history_allows(sc, st, d, s))
				continue;
			for (k = 0; k < pp->n_opts; k++) {
				struct var v = {p, d, (int)s, (int)k,
						scenario_paid_hours(sc, (int)s, d), 0, 0};

				/* A frozen deployment is kept even where
				 * kept_option would drop it. */
				if (!fixed_allows(st, pp, d, s, k) ||
				    (!kept_option(sc, pp, sv, k) &&
				     !(staff_fixed(st, d) &&
				       staff_fixed(st, d)->nbhd >= 0)))
					continue;
				if (grow(&vb->vars, &vb->cap, vb->n + 1,
					 sizeof(struct var)) || var_cells(pb, &v, vb))
					return -1;
				vb->vars[vb->n++] = v;
			}
		}
	}
	return 0;
}

static int build_vars(struct problem *pb)
{
	size_t p, n_staff = pb->sc->n_staff;
	struct varbuf vb = {0};

	pb->day_first = calloc(n_staff * (size_t)pb->days + 1, sizeof(size_t));
	if (!pb->day_first)
		return -1;
	for (p = 0; p < n_staff; p++)
		if (person_vars(pb, (int)p, &vb)) {
			free(vb.vars);
			free(vb.cells);
			return -1;
		}
	pb->day_first[n_staff * (size_t)pb->days] = vb.n;
	pb->vars = vb.vars;
	pb->n_vars = vb.n;
	pb->var_cells = vb.cells;
	return 0;
}

/* Cell -> vars covering it: the transpose of var_cells, which the model
 * (coverage and skill-mix rows) and the search (senior repair) share. */
static int build_cell_vars(struct problem *pb)
{
	size_t v, i, total = 0, *fill;

	for (v = 0; v < pb->n_vars; v++)
		total += pb->vars[v].n_cells;
	pb->cell_var_first = calloc(pb->n_cells + 2, sizeof(size_t));
	pb->cell_vars = malloc((total + 1) * sizeof(size_t));
	fill = calloc(pb->n_cells + 1, sizeof(size_t));
	if (!pb->cell_var_first || !pb->cell_vars || !fill) {
		free(fill);
		return -1;
	}
	for (v = 0; v < pb->n_vars; v++)
		for (i = 0; i < pb->vars[v].n_cells; i++)
			pb->cell_var_first[pb->var_cells[pb->vars[v].first_cell + i] +
					   1]++;
	for (i = 0; i < pb->n_cells; i++)
		pb->cell_var_first[i + 1] += pb->cell_var_first[i];
	for (v = 0; v < pb->n_vars; v++)
		for (i = 0; i < pb->vars[v].n_cells; i++) {
			size_t c = pb->var_cells[pb->vars[v].first_cell + i];

			pb->cell_vars[pb->cell_var_first[c] + fill[c]++] = v;
		}
	free(fill);
	return 0;
}

void problem_day_vars(const struct problem *pb, int p, int d, size_t *first,
		      size_t *end)
{
	size_t i = (size_t)p * (size_t)pb->days + (size_t)d;

	*first = pb->day_first[i];
	*end = pb->day_first[i + 1];
}

void problem_person_vars(const struct problem *pb, int p, size_t *first,
			 size_t *end)
{
	*first = pb->day_first[(size_t)p * (size_t)pb->days];
	*end = pb->day_first[((size_t)p + 1) * (size_t)pb->days];
}

int problem_build(struct problem *pb, const struct scenario *sc,
		  const struct demand *d, struct rota_error *err)
{
	struct problem_size z;
	size_t p;

	/* Counted first, so a model too large is refused before it is
	 * built rather than by running out of memory part way. */
	if (problem_measure(sc, &z, err) || problem_size_check(&z, err))
		return -1;
	pb->sc = sc;
	pb->days = sc->horizon.days;
	pb->people = calloc(sc->n_staff + 1, sizeof(*pb->people));
	if (!pb->people)
		goto oom;
	for (p = 0; p < sc->n_staff; p++)
		if (build_person(sc, &sc->staff[p], &pb->people[p]))
			goto oom;
	if (build_cells(pb, d) || build_vars(pb) || build_cell_vars(pb))
		goto oom;
	return 0;
oom:
	rota_error_add(err, ROTA_EINTERNAL, "out of memory preparing the model");
	problem_release(pb);
	return -1;
}
