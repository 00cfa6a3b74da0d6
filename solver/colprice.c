#include "colprice.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"
#include "month.h"

/* Bisection steps on the price per paid hour. */
#define HOUR_STEPS 6
/* A limit's price moves by this share of the dearest cell's price short
 * a shift over or under the limit, a round: a limit broken by ten
 * shifts (Instance8's N=4 of 28 days) is then priced as high as that
 * cell's dual in five rounds. */
#define CG_TYPE_STEP 0.02
/* Price that makes the program keep a day fixed by diving. */
#define FORCE 1e9

int cg_pricer_init(struct cg_pricer *pr, const struct problem *pb,
		   const struct cg_pool *cp)
{
	size_t days = (size_t)pb->days, c;

	memset(pr, 0, sizeof(*pr));
	pr->pb = pb;
	pr->cp = cp;
	for (c = 0; c < pb->n_cells; c++)
		if (pb->cells[c].under_cost > pr->under_most)
			pr->under_most = pb->cells[c].under_cost;
	if (roster_setup(&pr->scratch, pb, NULL))
		return -1;
	if (bound_setup(&pr->bd, pb, NULL)) {
		roster_release(&pr->scratch);
		memset(pr, 0, sizeof(*pr));
		return -1;
	}
	pr->dual = calloc(pb->n_vars + 1, sizeof(double));
	pr->price = calloc(pb->n_vars + 1, sizeof(double));
	pr->hprice = calloc(pb->n_vars + 1, sizeof(double));
	pr->pick = malloc((days + 1) * sizeof(size_t));
	pr->best_pick = malloc((days + 1) * sizeof(size_t));
	pr->found = malloc((CG_OFFERS * days + 1) * sizeof(size_t));
	if (!pr->dual || !pr->price || !pr->hprice || !pr->pick ||
	    !pr->best_pick || !pr->found) {
		cg_pricer_release(pr);
		return -1;
	}
	return 0;
}

void cg_pricer_release(struct cg_pricer *pr)
{
	if (pr->pb) {
		roster_release(&pr->scratch);
		bound_release(&pr->bd);
	}
	free(pr->dual);
	free(pr->price);
	free(pr->hprice);
	free(pr->pick);
	free(pr->best_pick);
	free(pr->found);
	memset(pr, 0, sizeof(*pr));
}

/* Prices of p's vars at y; returns the constant part of p's cost (the
 * "on" requests, refused unless worked). */
static double set_prices(struct cg_pricer *pr, int p, const double *y)
{
	const struct problem *pb = pr->pb;
	const struct staff *st = &pb->sc->staff[p];
	double w = pb->sc->weights.request, k = 0;
	size_t first, end, v, q;

	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++) {
		const struct var *x = &pb->vars[v];

		pr->dual[v] = cg_pool_var_dual(pr->cp, v, y);
		pr->price[v] = x->paid_hours *
			       pb->people[p].opts[x->k].cost_per_hour - pr->dual[v];
	}
	for (q = 0; q < st->n_requests; q++) {
		const struct request *rq = &st->requests[q];
		size_t a, z;

		if (rq->on)
			k += w * rq->weight;
		problem_day_vars(pb, p, rq->day, &a, &z);
		for (v = a; v < z; v++)
			if (rq->shift < 0 || rq->shift == pb->vars[v].s)
				pr->price[v] += (rq->on ? -w : w) * rq->weight;
	}
	return k;
}

/* Offers month pick when it is legal and its reduced cost beats `beat`
 * and the offers kept, which stay sorted best first. */
static void consider(struct cg_pricer *pr, int p, const size_t *pick,
		     double beat, const size_t *forced)
{
	size_t days = (size_t)pr->pb->days, i, k;
	double cost, rc;
	int d;

	for (d = 0; forced && d < pr->pb->days; d++)
		if (forced[d] != CG_FREE && forced[d] != pick[d])
			return;
	for (i = 0; i < pr->n_found; i++)
		if (!memcmp(pr->found + i * days, pick, days * sizeof(size_t)))
			return;
	if (cg_month_cost(pr->pb, &pr->scratch, p, pick, &cost))
		return;
	rc = cost;
	for (d = 0; d < pr->pb->days; d++)
		if (pick[d] != ROSTER_NONE)
			rc -= pr->dual[pick[d]];
	if (rc >= beat - 1e-6)
		return;
	for (i = pr->n_found; i > 0 && pr->found_rc[i - 1] > rc; i--)
		;
	if (i >= CG_OFFERS)
		return;
	k = pr->n_found < CG_OFFERS ? pr->n_found : CG_OFFERS - 1;
	for (; k > i; k--) {
		memcpy(pr->found + k * days, pr->found + (k - 1) * days,
		       days * sizeof(size_t));
		pr->found_rc[k] = pr->found_rc[k - 1];
		pr->found_cost[k] = pr->found_cost[k - 1];
	}
	memcpy(pr->found + i * days, pick, days * sizeof(size_t));
	pr->found_rc[i] = rc;
	pr->found_cost[i] = cost;
	if (pr->n_found < CG_OFFERS)
		pr->n_found++;
}

struct lagrange {
	struct cg_pricer *pr;
	const size_t *forced;     /* or NULL */
	struct month_dp *dp;
	int p;
	double k;            /* constant part of the cost */
	double t, cap;       /* contract target (or hard least), hours cap */
	double left;         /* the least hour price */
	double beat;
	double best;         /* the best bound so far */
	int none;            /* no month keeps the sequence rules */
	int oom;             /* a program ran out of memory */
};

/* The bound at hour price nu (>= -shortfall price), offering its month;
 * the month's paid hours in *hours. */
static void at_price(struct lagrange *lg, double nu, double *hours)
{
	struct cg_pricer *pr = lg->pr;
	const struct problem *pb = pr->pb;
	double value, g;
	int d, rc;

	pr->dp_calls++;
	if ((rc = month_dp_solve(lg->dp, nu, pr->pick, &value))) {
		lg->none = 1;
		lg->oom |= rc < 0;
		*hours = 0;
		return;
	}
	*hours = 0;
	for (d = 0; d < pb->days; d++)
		if (pr->pick[d] != ROSTER_NONE)
			*hours += pb->vars[pr->pick[d]].paid_hours;
	g = value + lg->k - nu * (nu >= 0 ? lg->cap : lg->t);
	if (g > lg->best) {
		lg->best = g;
		memcpy(pr->best_pick, pr->pick, (size_t)pb->days * sizeof(size_t));
	}
	consider(pr, lg->p, pr->pick, lg->beat, lg->forced);
}

/* The slope of the bound at nu, whose month works `hours`: the bound
 * rises toward 0 (see lagrange()). */
static double slope(const struct lagrange *lg, double nu, double hours)
{
	if (nu > 0)
		return hours - lg->cap;
	if (nu < 0)
		return hours - lg->t;
	return hours > lg->cap ? hours - lg->cap : hours < lg->t ? hours - lg->t
								  : 0;
}

/*
 * max over nu of min over months keeping the sequence rules of
 *   price + nu x paid hours + k - nu x (cap when nu >= 0, else target),
 * each a lower bound on the least reduced cost of a legal month: with
 * nu >= 0 it prices the hours cap, with -cu <= nu < 0 it is a linear
 * minorant of the contract shortfall cu x max(0, target - hours).
 * Concave in nu: from the last round's best nu, steps growing fourfold
 * until the slope turns, then bisection on its sign.
 */
static void lagrange(struct lagrange *lg, double *nu)
{
	double h, s, lo, hi, left = lg->left, at = *nu, step, best;
	int i;

	if (at < left)
		at = left;
	at_price(lg, at, &h);
	if (lg->none)
		return;
	best = lg->best;
	*nu = at;
	s = slope(lg, at, h);
	if (s == 0)
		return;
	step = fabs(at) > 4 ? fabs(at) / 4 : 1;
	lo = hi = at;
	for (i = 0; i < 12; i++, step *= 4) {
		double next = s > 0 ? hi + step : lo - step;

		if (next < left)
			next = left;
		at_price(lg, next, &h);
		if (lg->best > best) {
			best = lg->best;
			*nu = next;
		}
		if (s > 0 && slope(lg, next, h) > 0) {
			lo = hi = next;
			continue;
		}
		if (s < 0 && slope(lg, next, h) < 0 && next > left) {
			lo = hi = next;
			continue;
		}
		if (s > 0)
			hi = next;
		else
			lo = next;
		break;
	}
	if (s < 0 && lo <= left && slope(lg, left, h) < 0)
		return;   /* the best is at the edge, already priced */
	for (i = 0; i < HOUR_STEPS && hi > lo; i++) {
		double mid = (lo + hi) / 2;

		at_price(lg, mid, &h);
		if (lg->best > best) {
			best = lg->best;
			*nu = mid;
		}
		if (slope(lg, mid, h) > 0)
			lo = mid;
		else
			hi = mid;
	}
}

/* With the hours in the program's state (month.h): one program, the
 * hours window kept and the shortfall priced exactly.  0, or -1. */
static int price_exactly(struct lagrange *lg)
{
	struct cg_pricer *pr = lg->pr;
	const struct problem *pb = pr->pb;
	const struct staff *st = &pb->sc->staff[lg->p];
	double cu = pb->sc->weights.contract_under_hour, value;
	double least = st->rules.min_total_hours > 0 ? st->rules.min_total_hours
						     : 0;
	double t = cu > 0 ? pb->people[lg->p].target_hours : 0;
	int rc;

	pr->dp_calls++;
	rc = month_dp_solve_window(lg->dp, least, t, cu, pr->pick, &value);
	if (rc < 0)
		return -1;
	if (rc) {
		lg->none = 1;
		return 0;
	}
	lg->best = value + lg->k;
	memcpy(pr->best_pick, pr->pick, (size_t)pb->days * sizeof(size_t));
	consider(pr, lg->p, pr->pick, lg->beat, lg->forced);
	return 0;
}

/* pattern_pick within the hours window, shortfall priced per hour as
 * if the month were short: the search's way to a legal month. */
static int fallback(struct cg_pricer *pr, int p, double beat,
		    const size_t *forced)
{
	const struct problem *pb = pr->pb;
	double cu = pb->sc->weights.contract_under_hour;
	double t = pb->people[p].target_hours;
	size_t first, end, v;
	int rc;

	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++)
		pr->hprice[v] = pr->price[v] -
				(t > 0 ? cu * pb->vars[v].paid_hours : 0);
	pr->picks++;
	rc = month_pick(pb, p, pr->hprice, pr->pick);
	if (rc < 0)
		return -1;
	if (!rc)
		consider(pr, p, pr->pick, beat, forced);
	return 0;
}

/* Days fixed by diving: the var fixed far cheaper than any other,
 * the others far dearer.  Whether any day is fixed. */
static int force_prices(struct cg_pricer *pr, int p, const size_t *forced)
{
	const struct problem *pb = pr->pb;
	size_t a, z, v;
	int d, any = 0;

	for (d = 0; forced && d < pb->days; d++) {
		if (forced[d] == CG_FREE)
			continue;
		any = 1;
		problem_day_vars(pb, p, d, &a, &z);
		for (v = a; v < z; v++)
			pr->price[v] += v == forced[d] ? -FORCE : FORCE;
	}
	return any;
}

/*
 * The hours the hour price works against.  Below the contract target
 * the month pays cu an hour short, so nu down to -cu prices it; a hard
 * least (the benchmarks' minimum minutes) at or above the target holds
 * for every legal month, so any nu < 0 prices it (hours - least >= 0).
 */
static void hours_window(const struct problem *pb, int p,
			 struct lagrange *lg)
{
	double cu = pb->sc->weights.contract_under_hour;
	double least = pb->sc->staff[p].rules.min_total_hours;

	lg->t = pb->people[p].target_hours;
	lg->cap = measure_hours_cap(pb, p);
	lg->left = lg->t > 0 && cu > 0 ? -cu : 0;
	if (least > 0 && least >= lg->t) {
		lg->t = least;
		lg->left = -HUGE_VAL;
	}
}

/*
 * Limits on shifts of a type, priced: mu[s] >= 0 a shift of type s,
 * less mu[s] x the limit, keeps the bound valid (a legal month works
 * at most the limit), and steers the program toward legal months.  The
 * constant part in the return; each call moves mu by a subgradient
 * step from the month of the last bound (types_step).
 */
static double type_prices(struct cg_pricer *pr, int p, const double *mu)
{
	const struct problem *pb = pr->pb;
	const int *lim = pb->sc->staff[p].rules.max_shifts;
	size_t first, end, v, s;
	double k = 0;

	if (!lim || !mu)
		return 0;
	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++)
		if (lim[pb->vars[v].s] > 0)
			pr->price[v] += mu[pb->vars[v].s];
	for (s = 0; s < pb->sc->n_shifts; s++)
		if (lim[s] > 0)
			k -= mu[s] * lim[s];
	return k;
}

static void types_step(struct cg_pricer *pr, int p, double *mu)
{
	const struct problem *pb = pr->pb;
	const int *lim = pb->sc->staff[p].rules.max_shifts;
	double eta = CG_TYPE_STEP * pr->under_most;
	size_t s;
	int d, n;

	if (!lim || !mu)
		return;
	for (s = 0; s < pb->sc->n_shifts; s++) {
		if (lim[s] <= 0)
			continue;
		for (d = n = 0; d < pb->days; d++)
			if (pr->best_pick[d] != ROSTER_NONE &&
			    (size_t)pb->vars[pr->best_pick[d]].s == s)
				n++;
		mu[s] += eta * (n - lim[s]);
		if (mu[s] < 0)
			mu[s] = 0;
	}
}

int cg_price_person(struct cg_pricer *pr, int p, const double *y,
		    double beat, const size_t *forced, double *lb,
		    double *nu, double *mu)
{
	const struct problem *pb = pr->pb;
	struct lagrange lg;
	double relaxed;
	int any;

	pr->n_found = 0;
	memset(&lg, 0, sizeof(lg));
	lg.pr = pr;
	lg.p = p;
	lg.k = set_prices(pr, p, y) + type_prices(pr, p, mu);
	any = force_prices(pr, p, forced);
	lg.forced = forced;
	hours_window(pb, p, &lg);
	lg.beat = beat;
	lg.best = -HUGE_VAL;
	lg.dp = month_dp_new(pb, p, pr->price, pr->exact_hours);
	if (!lg.dp)
		return -1;
	if (!month_dp_exact(lg.dp))
		lagrange(&lg, nu);
	else if (price_exactly(&lg))
		lg.oom = 1;
	month_dp_free(lg.dp);
	if (lg.oom)
		return -1;
	if (!lg.none && !any)
		types_step(pr, p, mu);
	if (any) {
		*lb = -HUGE_VAL;
		return pr->n_found ? 0 : fallback(pr, p, beat, forced);
	}
	relaxed = bound_person_at(&pr->bd, p, pr->dual);
	*lb = relaxed > lg.best ? relaxed : lg.best;
	if (!pr->n_found && *lb < beat - 1e-6)
		return fallback(pr, p, beat, NULL);
	return 0;
}
