#include "colgen.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "colpool.h"
#include "colprice.h"
#include "constraints.h"
#include "diag.h"
#include "master.h"
#include "pattern.h"
#include "timer.h"

#define NONE ((size_t)-1)
#define THREADS 2
/* Diving thresholds: the first, the factor down, the last. */
#define DIVE_FIRST 0.75
#define DIVE_FACTOR 0.9
#define DIVE_LAST 0.5

void colgen_opts_default(struct colgen_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rounds = 30;
	o->iters = 300;
	o->dive_iters = 300;
	o->max_idle = 5;
	o->smooth = 0.5;
	o->deadline = HUGE_VAL;
}

struct cg {
	const struct problem *pb;
	const struct colgen_opts *o;
	struct colgen_stats *st;
	struct cg_pool cp;
	struct master *m;            /* [n_parts] */
	size_t **col_of;             /* [n_parts][master column]: pool column */
	size_t *cap_col_of;
	double *y;                   /* [n_rows]: duals by pool row */
	double *yc;                  /* [n_rows]: the duals of the best bound */
	double *ys;                  /* [n_rows]: where pricing is done */
	int have_center;
	double *bcur;                /* [n_rows]: demand left after fixing */
	unsigned char *fixed;        /* [n_staff] */
	size_t *forced;              /* [n_staff * days]: days fixed by the
	                                dive (CG_FREE: not) */
	double *lb;                  /* [n_staff]: pricing bounds */
	double *beat;                /* [n_staff]: least reduced cost in pool */
	double *nu;                  /* [n_staff]: best hour price, kept */
	size_t *by_person, *person_first;   /* pool columns by person */
	/* scratch for one column's terms in a part */
	size_t *rows;
	double *vals;
	double *bl, *ul;
	size_t cap_terms;
	/* offers of the last pricing, by person */
	size_t *offer;               /* [n_staff * CG_OFFERS * days] */
	double *offer_cost;          /* [n_staff * CG_OFFERS] */
	size_t *n_offers;            /* [n_staff] */
	struct cg_pricer pr[THREADS];
	int failed;
};

/* ---- the pool's columns by person ---- */

static int index_people(struct cg *g)
{
	size_t n = g->pb->sc->n_staff, j, *fill;

	free(g->by_person);
	free(g->person_first);
	g->person_first = calloc(n + 2, sizeof(size_t));
	g->by_person = malloc((g->cp.n_cols + 1) * sizeof(size_t));
	fill = calloc(n + 1, sizeof(size_t));
	if (!g->person_first || !g->by_person || !fill) {
		free(fill);
		return -1;
	}
	for (j = 0; j < g->cp.n_cols; j++)
		g->person_first[g->cp.person[j] + 1]++;
	for (j = 0; j < n; j++)
		g->person_first[j + 1] += g->person_first[j];
	for (j = 0; j < g->cp.n_cols; j++) {
		size_t p = (size_t)g->cp.person[j];

		g->by_person[g->person_first[p] + fill[p]++] = j;
	}
	free(fill);
	return 0;
}

/* Whether column j keeps the days its person has fixed. */
static int compatible(const struct cg *g, size_t j)
{
	size_t days = (size_t)g->pb->days, d;
	const size_t *f = g->forced + (size_t)g->cp.person[j] * days;
	const size_t *pick = cg_pool_pick(&g->cp, j);

	for (d = 0; d < days; d++)
		if (f[d] != CG_FREE && f[d] != pick[d])
			return 0;
	return 1;
}

/* ---- masters ---- */

static int room(struct cg *g, size_t n)
{
	size_t nc = g->cap_terms ? g->cap_terms : 256;
	size_t *r;
	double *v;

	if (n <= g->cap_terms)
		return 0;
	while (nc < n)
		nc *= 2;
	r = realloc(g->rows, nc * sizeof(size_t));
	if (!r)
		return -1;
	g->rows = r;
	v = realloc(g->vals, nc * sizeof(double));
	if (!v)
		return -1;
	g->vals = v;
	g->cap_terms = nc;
	return 0;
}

/* Master of part k over its people not fixed, warm from the pool's
 * weights and the last y. */
static int build_master(struct cg *g, size_t k)
{
	const struct cg_pool *cp = &g->cp;
	struct master *m = &g->m[k];
	size_t r0 = cp->part_rows[k], nr = cp->part_rows[k + 1] - r0;
	size_t i, a, group = 0, ncols = 0;

	for (i = 0; i < nr; i++) {
		g->bl[i] = g->bcur[cp->part_row_ids[r0 + i]];
		g->ul[i] = cp->u[cp->part_row_ids[r0 + i]];
	}
	if (master_begin(m, nr, g->bl, g->ul))
		return -1;
	for (a = cp->part_people[k]; a < cp->part_people[k + 1]; a++) {
		size_t p = cp->part_person_ids[a], q;

		if (g->fixed[p])
			continue;
		for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
			size_t j = g->by_person[q], t0 = cp->term_first[j];
			size_t nt = cp->term_first[j + 1] - t0, t;

			if (!compatible(g, j))
				continue;
			if (room(g, nt + 1))
				return -1;
			for (t = 0; t < nt; t++) {
				g->rows[t] = cp->row_local[cp->term_row[t0 + t]];
				g->vals[t] = cp->term_val[t0 + t];
			}
			if (master_add_col(m, group, cp->cost[j], nt, g->rows,
					   g->vals, cp->x[j]))
				return -1;
			if (ncols + 1 > g->cap_col_of[k]) {
				size_t nc = g->cap_col_of[k] ? 2 * g->cap_col_of[k] : 256;
				size_t *n2 = realloc(g->col_of[k], nc * sizeof(size_t));

				if (!n2)
					return -1;
				g->col_of[k] = n2;
				g->cap_col_of[k] = nc;
			}
			g->col_of[k][ncols++] = j;
		}
		group++;
	}
	return master_end(m, group);
}

/* Solves part k's master for `iters` and takes back x and y. */
static int solve_part(struct cg *g, size_t k, long iters)
{
	struct cg_pool *cp = &g->cp;
	struct master *m = &g->m[k];
	struct master_eval e;
	size_t j, i, r0 = cp->part_rows[k];
	long done;

	if (build_master(g, k))
		return -1;
	if (!m->n_groups)
		return 0;
	done = m->iterations;
	master_pdhg(m, iters);
	g->st->iterations += m->iterations - done;
	master_eval(m, &e);
	g->st->primal += e.primal;
	g->st->dual += e.dual;
	for (j = 0; j < m->n_cols; j++)
		cp->x[g->col_of[k][j]] = m->x[j];
	for (i = 0; i < m->n_rows; i++)
		g->y[cp->part_row_ids[r0 + i]] = m->y[i];
	return 0;
}

static int solve_all(struct cg *g, long iters)
{
	size_t k;

	g->st->primal = g->st->dual = 0;
	for (k = 0; k < g->cp.n_parts; k++)
		if (solve_part(g, k, iters))
			return -1;
	return 0;
}

/* ---- pricing, on THREADS threads ---- */

/* Least reduced cost of p's columns in the pool at y. */
static double pool_beat(const struct cg *g, size_t p)
{
	const struct cg_pool *cp = &g->cp;
	double best = HUGE_VAL;
	size_t q, t;

	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
		size_t j = g->by_person[q];
		double rc = cp->cost[j];

		if (!compatible(g, j))
			continue;
		for (t = cp->term_first[j]; t < cp->term_first[j + 1]; t++)
			rc -= cp->term_val[t] * g->ys[cp->term_row[t]];
		if (rc < best)
			best = rc;
	}
	return best;
}

struct job {
	struct cg *g;
	int thread;
	int rc;
};

static void *price_thread(void *arg)
{
	struct job *jb = arg;
	struct cg *g = jb->g;
	struct cg_pricer *pr = &g->pr[jb->thread];
	size_t days = (size_t)g->pb->days, p, n = g->pb->sc->n_staff, i;

	for (p = (size_t)jb->thread; p < n; p += THREADS) {
		if (g->fixed[p]) {
			g->n_offers[p] = 0;
			continue;
		}
		g->beat[p] = pool_beat(g, p);
		if (cg_price_person(pr, (int)p, g->ys, g->beat[p],
				    g->forced + p * days, &g->lb[p], &g->nu[p])) {
			jb->rc = -1;
			return NULL;
		}
		g->n_offers[p] = pr->n_found;
		for (i = 0; i < pr->n_found; i++) {
			memcpy(g->offer + (p * CG_OFFERS + i) * days,
			       pr->found + i * days, days * sizeof(size_t));
			g->offer_cost[p * CG_OFFERS + i] = pr->found_cost[i];
		}
	}
	return NULL;
}

/* Prices everyone not fixed and adds the offers to the pool, in person
 * order.  Returns the columns added, or -1. */
static long price_all(struct cg *g)
{
	struct job jobs[THREADS];
	pthread_t th[THREADS];
	int started[THREADS], t;
	size_t days = (size_t)g->pb->days, p, i, col;
	long added = 0;

	for (t = 0; t < THREADS; t++) {
		jobs[t] = (struct job){g, t, 0};
		started[t] = t > 0 &&
			     pthread_create(&th[t], NULL, price_thread, &jobs[t]) == 0;
	}
	for (t = 0; t < THREADS; t++)
		if (!started[t])
			price_thread(&jobs[t]);
	for (t = 1; t < THREADS; t++)
		if (started[t])
			pthread_join(th[t], NULL);
	for (t = 0; t < THREADS; t++)
		if (jobs[t].rc)
			return -1;
	for (t = 0; t < THREADS; t++) {
		g->st->dp_calls += g->pr[t].dp_calls + g->pr[t].picks;
		g->pr[t].dp_calls = g->pr[t].picks = 0;
	}
	for (p = 0; p < g->pb->sc->n_staff; p++)
		for (i = 0; i < g->n_offers[p]; i++) {
			int rc = cg_pool_add(&g->cp, (int)p,
					     g->offer + (p * CG_OFFERS + i) * days,
					     g->offer_cost[p * CG_OFFERS + i], &col);

			if (rc < 0)
				return -1;
			added += rc == 0;
		}
	return index_people(g) ? -1 : added;
}

/* b'y + every person's bound + what no one can cover. */
static double bound_of(const struct cg *g)
{
	const struct cg_pool *cp = &g->cp;
	double lb = 0;
	size_t r, p;

	for (r = 0; r < cp->n_rows; r++)
		lb += cp->part_of_row[r] == NONE ? cp->b[r] * cp->u[r]
						 : cp->b[r] * g->ys[r];
	for (p = 0; p < g->pb->sc->n_staff; p++)
		lb += g->lb[p];
	return lb;
}

/* Columns unused for max_idle rounds go (not the protected). */
static int drop_idle(struct cg *g)
{
	struct cg_pool *cp = &g->cp;
	unsigned char *keep = malloc(cp->n_cols + 1);
	size_t j;

	if (!keep)
		return -1;
	for (j = 0; j < cp->n_cols; j++) {
		if (cp->idle[j] >= 0)
			cp->idle[j] = cp->x[j] > 1e-9 ? 0 : cp->idle[j] + 1;
		keep[j] = cp->idle[j] < g->o->max_idle && compatible(g, j);
	}
	cg_pool_keep(cp, keep, NULL);
	free(keep);
	return index_people(g);
}

/* ---- diving ---- */

/* p's heaviest column in the pool, its weight in *w. */
static size_t heaviest(const struct cg *g, size_t p, double *w)
{
	size_t q, best = NONE;

	*w = -1;
	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
		size_t j = g->by_person[q];

		if (compatible(g, j) && g->cp.x[j] > *w) {
			*w = g->cp.x[j];
			best = j;
		}
	}
	return best;
}

static void fix(struct cg *g, size_t p, size_t j, struct roster *out)
{
	const struct cg_pool *cp = &g->cp;
	const size_t *pick = cg_pool_pick(cp, j);
	size_t t;
	int d;

	for (d = 0; d < g->pb->days; d++)
		roster_set(out, (int)p, d, pick[d]);
	for (t = cp->term_first[j]; t < cp->term_first[j + 1]; t++)
		g->bcur[cp->term_row[t]] -= cp->term_val[t];
	g->fixed[p] = 1;
}

/* A day of a person the dive may fix: the var (or ROSTER_NONE) its
 * compatible months weigh most on, and that weight. */
struct slot {
	size_t p;
	int d;
	size_t v;
	double w;
};

static int by_weight_down(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->w != y->w)
		return x->w < y->w ? 1 : -1;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return x->d < y->d ? -1 : x->d > y->d;
}

/* Each free day of p: its heaviest choice over p's compatible months
 * (cols: scratch for their indices), appended to sl[*n]. */
static void heaviest_days(const struct cg *g, size_t p, size_t *cols,
			  struct slot *sl, size_t *n)
{
	size_t days = (size_t)g->pb->days, q, m = 0, i, k;
	size_t v[64];
	double w[64];
	int d;

	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++)
		if (compatible(g, g->by_person[q]))
			cols[m++] = g->by_person[q];
	for (d = 0; d < (int)days; d++) {
		size_t nv = 0, best = 0;

		if (g->forced[p * days + (size_t)d] != CG_FREE)
			continue;
		for (i = 0; i < m; i++) {
			size_t x = cg_pool_pick(&g->cp, cols[i])[d];

			for (k = 0; k < nv && v[k] != x; k++)
				;
			if (k == nv) {
				if (nv == 64)
					continue;
				v[nv] = x;
				w[nv++] = 0;
			}
			w[k] += g->cp.x[cols[i]];
		}
		for (k = 1; k < nv; k++)
			if (w[k] > w[best] || (w[k] == w[best] && v[k] < v[best]))
				best = k;
		sl[*n] = (struct slot){p, d, nv ? v[best] : ROSTER_NONE,
				       nv ? w[best] : 0};
		(*n)++;
	}
}

/* Fixes p's day d to v if some compatible month keeps it; whether. */
static int force(struct cg *g, const struct slot *s)
{
	size_t days = (size_t)g->pb->days, q;
	size_t *f = g->forced + s->p * days + (size_t)s->d;

	*f = s->v;
	for (q = g->person_first[s->p]; q < g->person_first[s->p + 1]; q++)
		if (compatible(g, g->by_person[q]))
			return 1;
	*f = CG_FREE;
	return 0;
}

/* People with every day fixed are fixed to their month. */
static size_t fix_done(struct cg *g, struct roster *out)
{
	size_t days = (size_t)g->pb->days, p, d, left = 0;
	double w;

	for (p = 0; p < g->pb->sc->n_staff; p++) {
		if (g->fixed[p])
			continue;
		for (d = 0; d < days && g->forced[p * days + d] != CG_FREE; d++)
			;
		if (d < days)
			left++;
		else
			fix(g, p, heaviest(g, p, &w), out);
	}
	return left;
}

/*
 * One fixing step: the days whose heaviest choice weighs at least the
 * highest threshold some day reaches (0.75, x0.9, down to 0.5), and at
 * least a twentieth of the days still free, the heaviest first.  Days,
 * not whole months: the first-order master's solution is spread over
 * many months of nearly equal value (few weigh over 0.5), while most
 * days are clear.  A day is fixed only while some month in the pool
 * keeps every fixed day of its person, so a legal month always
 * remains.  Returns the days fixed.
 */
static size_t dive_step(struct cg *g, struct slot *sl, size_t *cols)
{
	size_t n = 0, p, i, least, done = 0;
	double theta;

	for (p = 0; p < g->pb->sc->n_staff; p++)
		if (!g->fixed[p])
			heaviest_days(g, p, cols, sl, &n);
	if (!n)
		return 0;
	qsort(sl, n, sizeof(*sl), by_weight_down);
	for (theta = DIVE_FIRST; theta > DIVE_LAST && sl[0].w < theta;
	     theta *= DIVE_FACTOR)
		;
	least = (n + 19) / 20;
	for (i = 0; i < n && (done < least || sl[i].w >= theta); i++)
		done += (size_t)force(g, &sl[i]);
	return done;
}

/* ---- ratio cells broken by the rounding ---- */

/* The role's people on duty in a ratio row's cell, one shift at a time
 * (the latest person first), are taken off where their month stays
 * legal, else their whole month goes, until the row holds. */
static void repair_ratio(struct cg *g, size_t r, struct roster *out)
{
	const struct problem *pb = g->pb;
	const struct cg_pool *cp = &g->cp;
	size_t c = cp->row_cell[r], per = cp->row_per[r], i;

	while (out->on_duty[c] > cp->row_at_most[r] *
				 (per == NONE ? 0 : out->on_duty[per]) + 1e-9) {
		size_t victim = NONE;

		for (i = pb->cell_var_first[c + 1]; i > pb->cell_var_first[c]; i--) {
			size_t v = pb->cell_vars[i - 1];
			const struct var *x = &pb->vars[v];

			if (roster_get(out, x->p, x->d) != v)
				continue;
			roster_set(out, x->p, x->d, ROSTER_NONE);
			if (!constraints_check_person(pb, out, x->p, NULL)) {
				victim = v;
				break;
			}
			roster_set(out, x->p, x->d, v);
			if (victim == NONE)
				victim = v;
		}
		if (victim == NONE)
			return;   /* nobody on duty here: cannot be broken */
		if (roster_get(out, pb->vars[victim].p, pb->vars[victim].d) ==
		    victim) {
			int d;

			for (d = 0; d < pb->days; d++)
				roster_set(out, pb->vars[victim].p, d, ROSTER_NONE);
		}
	}
}

static void repair_ratios(struct cg *g, struct roster *out)
{
	size_t r;

	for (r = 0; r < g->cp.n_rows; r++)
		if (g->cp.kind[r] == CG_RATIO)
			repair_ratio(g, r, out);
}

/* ---- set-up ---- */

static void cg_release(struct cg *g)
{
	size_t k;
	int t;

	for (k = 0; g->m && k < g->cp.n_parts; k++) {
		master_release(&g->m[k]);
		free(g->col_of[k]);
	}
	free(g->m);
	free(g->col_of);
	free(g->cap_col_of);
	cg_pool_release(&g->cp);
	free(g->y);
	free(g->yc);
	free(g->ys);
	free(g->nu);
	free(g->bcur);
	free(g->fixed);
	free(g->forced);
	free(g->lb);
	free(g->beat);
	free(g->by_person);
	free(g->person_first);
	free(g->rows);
	free(g->vals);
	free(g->bl);
	free(g->ul);
	free(g->offer);
	free(g->offer_cost);
	free(g->n_offers);
	for (t = 0; t < THREADS; t++)
		cg_pricer_release(&g->pr[t]);
}

/* The empty month (or, where it breaks a rule, pattern_pick's) and the
 * start rota's, kept whatever their weight. */
static int seed(struct cg *g)
{
	const struct problem *pb = g->pb;
	size_t n = pb->sc->n_staff, p, col;
	size_t *pick = malloc(((size_t)pb->days + 1) * sizeof(size_t));
	double cost;
	int d, rc = -1, legal;

	if (!pick)
		return -1;
	for (p = 0; p < n; p++) {
		for (d = 0; d < pb->days; d++)
			pick[d] = ROSTER_NONE;
		legal = !cg_month_cost(pb, &g->pr[0].scratch, (int)p, pick, &cost);
		if (!legal && !pattern_pick(pb, (int)p, NULL, pick))
			legal = !cg_month_cost(pb, &g->pr[0].scratch, (int)p, pick,
					       &cost);
		if (cg_pool_add(&g->cp, (int)p, pick, cost, &col) < 0)
			goto out;
		g->cp.idle[col] = -1;
		g->cp.x[col] = 1;
		if (!g->o->start)
			continue;
		for (d = 0; d < pb->days; d++)
			pick[d] = roster_get(g->o->start, (int)p, d);
		if (cg_month_cost(pb, &g->pr[0].scratch, (int)p, pick, &cost))
			continue;
		if (cg_pool_add(&g->cp, (int)p, pick, cost, &col) < 0)
			goto out;
		g->cp.idle[col] = -1;
		g->cp.x[col] = 2;   /* renormalised: the start rota's weighs 2/3 */
	}
	rc = index_people(g);
out:
	free(pick);
	return rc;
}

static int cg_init(struct cg *g, const struct problem *pb,
		   const struct colgen_opts *o, struct colgen_stats *st)
{
	size_t n = pb->sc->n_staff, days = (size_t)pb->days, k, most = 0;
	int t;

	memset(g, 0, sizeof(*g));
	g->pb = pb;
	g->o = o;
	g->st = st;
	if (cg_pool_init(&g->cp, pb))
		return -1;
	for (t = 0; t < THREADS; t++)
		if (cg_pricer_init(&g->pr[t], pb, &g->cp))
			return -1;
	for (k = 0; k < g->cp.n_parts; k++)
		if (g->cp.part_rows[k + 1] - g->cp.part_rows[k] > most)
			most = g->cp.part_rows[k + 1] - g->cp.part_rows[k];
	g->m = calloc(g->cp.n_parts + 1, sizeof(*g->m));
	g->col_of = calloc(g->cp.n_parts + 1, sizeof(size_t *));
	g->cap_col_of = calloc(g->cp.n_parts + 1, sizeof(size_t));
	g->y = calloc(g->cp.n_rows + 1, sizeof(double));
	g->yc = calloc(g->cp.n_rows + 1, sizeof(double));
	g->ys = calloc(g->cp.n_rows + 1, sizeof(double));
	g->nu = calloc(n + 1, sizeof(double));
	g->bcur = malloc((g->cp.n_rows + 1) * sizeof(double));
	g->fixed = calloc(n + 1, 1);
	g->forced = malloc((n * days + 1) * sizeof(size_t));
	g->lb = calloc(n + 1, sizeof(double));
	g->beat = calloc(n + 1, sizeof(double));
	g->bl = malloc((most + 1) * sizeof(double));
	g->ul = malloc((most + 1) * sizeof(double));
	g->offer = malloc((n * CG_OFFERS * days + 1) * sizeof(size_t));
	g->offer_cost = malloc((n * CG_OFFERS + 1) * sizeof(double));
	g->n_offers = calloc(n + 1, sizeof(size_t));
	if (!g->m || !g->col_of || !g->cap_col_of || !g->y || !g->bcur ||
	    !g->yc || !g->ys || !g->nu ||
	    !g->fixed || !g->forced || !g->lb || !g->beat || !g->bl || !g->ul || !g->offer ||
	    !g->offer_cost || !g->n_offers)
		return -1;
	for (k = 0; k < g->cp.n_parts; k++) {
		master_init(&g->m[k]);
		if (o->tol > 0)
			g->m[k].tol = o->tol;
	}
	for (k = 0; k < n * days; k++)
		g->forced[k] = CG_FREE;
	memcpy(g->bcur, g->cp.b, g->cp.n_rows * sizeof(double));
	return seed(g);
}

/* Pricing at alpha x the best bound's duals + (1 - alpha) x the
 * master's (Wentges' smoothing): the master's duals swing from round
 * to round, and any duals give a valid bound. */
static void smooth(struct cg *g, double alpha)
{
	size_t r;

	for (r = 0; r < g->cp.n_rows; r++)
		g->ys[r] = alpha * g->yc[r] + (1 - alpha) * g->y[r];
}

static int stopped(const struct cg *g)
{
	return timer_stop_requested() || timer_now() >= g->o->deadline;
}

static int rounds(struct cg *g)
{
	struct colgen_stats *st = g->st;
	int r;

	for (r = 0; r < g->o->rounds && !stopped(g); r++) {
		long added;
		double lb;

		if (solve_all(g, g->o->iters))
			return -1;
		smooth(g, g->have_center ? g->o->smooth : 0);
		if ((added = price_all(g)) < 0)
			return -1;
		lb = bound_of(g);
		if (lb > st->bound) {
			st->bound = lb;
			memcpy(g->yc, g->ys, g->cp.n_rows * sizeof(double));
			g->have_center = 1;
		}
		st->rounds++;
		if (g->o->verbose)
			diag_progress("%5.1fs  colgen  round %d  master %.1f  dual "
				      "%.1f  bound %.1f (best %.1f)  columns %zu "
				      "(+%ld)  pdhg %ld  dp %ld", timer_now() - g->o->t0,
				      r, st->primal, st->dual, lb, st->bound,
				      g->cp.n_cols, added, st->iterations, st->dp_calls);
		if (drop_idle(g))
			return -1;
	}
	return 0;
}

/* Each part's master run on alone, its values every 100 iterations:
 * how the first-order solve converges on a fixed set of columns. */
static int probe(struct cg *g)
{
	size_t k;
	long it;

	for (k = 0; k < g->cp.n_parts; k++) {
		struct master *m = &g->m[k];
		struct master_eval e;
		double t = timer_now();

		if (build_master(g, k))
			return -1;
		diag_progress("probe part %zu: %zu rows, %zu columns, %zu nonzeros, "
			      "%zu groups", k, m->n_rows, m->n_cols, m->nnz,
			      m->n_groups);
		for (it = 0; it < g->o->probe; it += 100) {
			master_pdhg(m, 100);
			master_eval(m, &e);
			diag_progress("probe part %zu  iter %ld  %.2fs  primal %.1f  "
				      "dual %.1f  short %.1f  norm %.3g  omega %.3g  "
				      "restarts %ld", k, it + 100, timer_now() - t,
				      e.primal, e.dual, e.short_cost, m->norm,
				      m->omega, m->restarts);
		}
	}
	return 0;
}

static int dive(struct cg *g, struct roster *out)
{
	size_t n = g->pb->sc->n_staff * (size_t)g->pb->days, left, forced;
	struct slot *sl = malloc((n + 1) * sizeof(*sl));
	size_t *cols = NULL;
	int rc = -1;

	if (!sl)
		return -1;
	left = fix_done(g, out);
	while (left && !stopped(g)) {
		if (solve_all(g, g->o->dive_iters))
			goto out;
		smooth(g, 0);
		free(cols);
		if (!(cols = malloc((g->cp.n_cols + 1) * sizeof(size_t))))
			goto out;
		forced = dive_step(g, sl, cols);
		left = fix_done(g, out);
		g->st->dives++;
		if (g->o->verbose)
			diag_progress("%5.1fs  colgen  dive %d  master %.1f  days fixed "
				      "%zu  people left %zu", timer_now() - g->o->t0,
				      g->st->dives, g->st->primal, forced, left);
		if (left && (price_all(g) < 0 || drop_idle(g)))
			goto out;
	}
	rc = left ? 1 : 0;
out:
	free(sl);
	free(cols);
	return rc;
}

int colgen_run(const struct problem *pb, const struct colgen_opts *o,
	       struct roster *out, struct colgen_stats *st)
{
	struct cg g;
	size_t p;
	int rc = -1, d;
	double w;

	memset(st, 0, sizeof(*st));
	st->bound = -HUGE_VAL;
	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			roster_set(out, (int)p, d, ROSTER_NONE);
	if (cg_init(&g, pb, o, st) || rounds(&g))
		goto out;
	if (o->probe && probe(&g))
		goto out;
	rc = dive(&g, out);
	if (rc < 0)
		goto out;
	for (p = 0; p < pb->sc->n_staff; p++)
		if (!g.fixed[p])
			fix(&g, p, heaviest(&g, p, &w), out);
	repair_ratios(&g, out);
	st->stopped = rc;
out:
	st->columns = g.cp.n_cols;
	cg_release(&g);
	return rc;
}
