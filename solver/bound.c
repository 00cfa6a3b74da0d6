#include "bound.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static int paid_minutes(const struct var *v)
{
	return (int)lround(v->paid_hours * 60);
}

static int cap_units(const struct bound *b, int p)
{
	double u = measure_hours_cap(b->pb, p) * 60.0 / b->unit;

	return u < 0 ? 0 : (int)floor(u + 1e-9);
}

void bound_release(struct bound *b)
{
	free(b->lambda);
	free(b->price);
	free(b->grad);
	free(b->dir);
	free(b->rc);
	free(b->units);
	free(b->f);
	free(b->g);
	free(b->choice);
	memset(b, 0, sizeof(*b));
}

int bound_setup(struct bound *b, const struct problem *pb,
		struct rota_error *err)
{
	size_t c, v, p;
	int u = 0;

	memset(b, 0, sizeof(*b));
	b->pb = pb;
	b->best = -HUGE_VAL;
	b->theta = 1.0;
	b->upper = HUGE_VAL;
	atomic_store(&b->published, -HUGE_VAL);
	for (v = 0; v < pb->n_vars; v++)
		u = gcd(u, paid_minutes(&pb->vars[v]));
	b->unit = u > 0 ? u : 60;
	for (p = 0; p < pb->sc->n_staff; p++)
		if (cap_units(b, (int)p) > b->cap_max)
			b->cap_max = cap_units(b, (int)p);
	b->lambda = calloc(pb->n_cells + 1, sizeof(double));
	b->price = calloc(pb->n_cells + 1, sizeof(double));
	b->grad = calloc(pb->n_cells + 1, sizeof(double));
	b->dir = calloc(pb->n_cells + 1, sizeof(double));
	b->rc = calloc(pb->n_vars + 1, sizeof(double));
	b->units = calloc(pb->n_vars + 1, sizeof(int));
	b->f = calloc((size_t)b->cap_max + 1, sizeof(double));
	b->g = calloc((size_t)b->cap_max + 1, sizeof(double));
	b->choice = calloc((size_t)pb->days * ((size_t)b->cap_max + 1) + 1,
			   sizeof(int));
	if (!b->lambda || !b->price || !b->grad || !b->dir || !b->rc || !b->units ||
	    !b->f || !b->g || !b->choice) {
		bound_release(b);
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	for (c = 0; c < pb->n_cells; c++)
		if (pb->cells[c].required > 0)
			b->price[c] = b->lambda[c] = pb->cells[c].under_cost;
	for (v = 0; v < pb->n_vars; v++)
		b->units[v] = paid_minutes(&pb->vars[v]) / b->unit;
	return 0;
}

/* Request costs of a day's choice (var, or none), as the objective has
 * them: "on" refused when not worked, "off" refused when worked. */
static double request_cost(const struct problem *pb, int p, int d, int s)
{
	const struct staff *st = &pb->sc->staff[p];
	double c = 0;
	size_t q;

	for (q = 0; q < st->n_requests; q++) {
		const struct request *rq = &st->requests[q];
		int hit = s >= 0 && (rq->shift < 0 || rq->shift == s);

		if (rq->day == d && (rq->on ? !hit : hit))
			c += pb->sc->weights.request * rq->weight;
	}
	return c;
}

static void reduced_costs(struct bound *b)
{
	const struct problem *pb = b->pb;
	size_t v, i;

	for (v = 0; v < pb->n_vars; v++) {
		const struct var *x = &pb->vars[v];
		double rc = x->paid_hours *
			    pb->people[x->p].opts[x->k].cost_per_hour;

		for (i = 0; i < x->n_cells; i++)
			rc -= b->lambda[pb->var_cells[x->first_cell + i]];
		b->rc[v] = rc + request_cost(pb, x->p, x->d, x->s);
	}
}

/* One day of the DP: g from f by staying off or working one var. */
static void dp_day(struct bound *b, int p, int d, int cap)
{
	const struct problem *pb = b->pb;
	int *ch = b->choice + (size_t)d * ((size_t)b->cap_max + 1);
	double off = request_cost(pb, p, d, -1);
	size_t first, end, v;
	int h;

	for (h = 0; h <= cap; h++) {
		b->g[h] = b->f[h] + off;
		ch[h] = -1;
	}
	problem_day_vars(pb, p, d, &first, &end);
	for (v = first; v < end; v++) {
		int u = b->units[v];

		for (h = cap - u; h >= 0; h--) {
			double cand = b->f[h] + b->rc[v];

			if (cand < b->g[h + u]) {
				b->g[h + u] = cand;
				ch[h + u] = (int)v;
			}
		}
	}
	memcpy(b->f, b->g, ((size_t)cap + 1) * sizeof(double));
}

/* Best schedule of p at the current prices; its vars are counted into
 * grad (as coverage) and its cost returned. */
static double person(struct bound *b, int p)
{
	const struct problem *pb = b->pb;
	double target = pb->people[p].target_hours, best = HUGE_VAL;
	int cap = cap_units(b, p), h, bh = 0, d;

	for (h = 0; h <= cap; h++)
		b->f[h] = HUGE_VAL;
	b->f[0] = 0;
	for (d = 0; d < pb->days; d++)
		dp_day(b, p, d, cap);
	for (h = 0; h <= cap; h++) {
		double paid = h * b->unit / 60.0;
		double c = b->f[h] + pb->sc->weights.contract_under_hour *
				     (paid < target ? target - paid : 0);

		if (c < best) {
			best = c;
			bh = h;
		}
	}
	for (d = pb->days - 1; d >= 0; d--) {
		int v = b->choice[(size_t)d * ((size_t)b->cap_max + 1) + (size_t)bh];
		size_t i;

		if (v < 0)
			continue;
		for (i = 0; i < pb->vars[v].n_cells; i++)
			b->grad[pb->var_cells[pb->vars[v].first_cell + i]] -= 1;
		bh -= b->units[v];
	}
	return best;
}

double bound_person_at(struct bound *b, int p, const double *dual)
{
	const struct problem *pb = b->pb;
	size_t first, end, v;

	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++) {
		const struct var *x = &pb->vars[v];

		b->rc[v] = x->paid_hours * pb->people[p].opts[x->k].cost_per_hour +
			   request_cost(pb, p, x->d, x->s) - dual[v];
	}
	return person(b, p);
}

/* L(lambda); leaves the subgradient in b->grad. */
static double evaluate(struct bound *b)
{
	const struct problem *pb = b->pb;
	double l = 0;
	size_t c, p;

	reduced_costs(b);
	for (c = 0; c < pb->n_cells; c++) {
		b->grad[c] = pb->cells[c].required;
		l += b->lambda[c] * pb->cells[c].required;
	}
	for (p = 0; p < pb->sc->n_staff; p++)
		l += person(b, (int)p);
	return l;
}

/*
 * The direction of the next step: the subgradient with the components
 * that would only push a price out of [0, price] dropped (projected),
 * plus BOUND_DEFLECT of the last direction (Camerini, Fratta and
 * Maffioli's deflected subgradient), which damps the zig-zag between
 * neighbouring cells that plain steps spend most of their work on.
 * Stockport, 600 steps: 1,484,318 before either, 1,485,828 projected
 * alone, 1,509,513 and 1,511,455 with 0.5 and 0.7 of the last direction
 * (0.7 reached 1,502,134 by step 400, 0.5 1,473,389).
 */
#define BOUND_DEFLECT 0.7

/* The direction into b->dir; its squared norm.  *gnorm: the projected
 * subgradient's, 0 only at optimal prices. */
static double direction(struct bound *b, double *gnorm)
{
	const struct problem *pb = b->pb;
	double norm = 0;
	size_t c;

	*gnorm = 0;
	for (c = 0; c < pb->n_cells; c++) {
		double g = b->grad[c];

		if (b->price[c] <= 0)
			continue;
		if ((b->lambda[c] <= 0 && g < 0) ||
		    (b->lambda[c] >= b->price[c] && g > 0))
			g = 0;
		*gnorm += g * g;
		b->dir[c] = g + BOUND_DEFLECT * b->dir[c];
		norm += b->dir[c] * b->dir[c];
	}
	return norm;
}

/* One subgradient step: evaluates L(lambda) and moves lambda.  1 when
 * the bound can rise no further. */
static int step(struct bound *b)
{
	const struct problem *pb = b->pb;
	double l = evaluate(b), norm, gnorm, ub, t;
	size_t c;

	b->iterations++;
	if (l > b->best + 1e-9 * fabs(l)) {
		b->best = l;
		atomic_store(&b->published, l);
		b->idle = 0;
	} else if (++b->idle >= 15) {
		b->theta /= 2;
		b->idle = 0;
	}
	norm = direction(b, &gnorm);
	if (gnorm < 1e-12)
		return 1;   /* no price can move: lambda is optimal */
	if (norm < 1e-12)
		return 0;   /* the deflection cancelled it: the next one won't */
	/* Polyak's step toward b->upper, a fixed objective of a legal rota:
	 * not the search's best, which depends on how far the other thread
	 * has got.  (Stockport, 600 steps: 1.42 M toward the empty rota's
	 * 2.97 M, -1.6 M toward 5% above the value itself.) */
	ub = b->upper > l ? b->upper : l + fabs(l) * 0.05 + 1;
	t = b->theta * (ub - l) / norm;
	for (c = 0; c < pb->n_cells; c++) {
		double nl = b->lambda[c] + t * b->dir[c];

		if (b->price[c] <= 0)
			continue;
		b->lambda[c] = nl < 0 ? 0 : nl > b->price[c] ? b->price[c] : nl;
	}
	return b->theta <= 1e-5;
}

int bound_steps(struct bound *b, long n)
{
	long i;

	if (b->done)
		return 1;
	for (i = 0; i < n && !b->done; i++)
		b->done = step(b);
	return b->done;
}
