#include "colgen.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "colstate.h"
#include "constraints.h"
#include "diag.h"
#include "month.h"
#include "timer.h"
#include "grow.h"

#define NONE ((size_t)-1)
/* The dive's first threshold, the method's 0.75: on Stockport (25
 * rounds, work 2000) 0.99 gave a dived rota of 2,075,740 against
 * 2,040,026 and the same polished rota (1,703,069 / 1,702,998). */
#define DIVE_FIRST 0.75
/* Pricing rounds after each fixing step.  One left the master far
 * above where it stood: fixing a day leaves its person few months in
 * the pool that keep it, and one round adds one each.  Measured on
 * Stockport (60 rounds, seed 1, 2026-12-03): one round a step gave a
 * dived rota of 1,923,414 from a master of 1,561,101, three 1,767,956
 * (polished 1,607,442 against 1,650,013), five at 100 rounds 1,707,446
 * and no better polished, for 40% more time.  On Curtois & Qu 5, 6, 8
 * and 9 (best of four dives) 1,149 / 2,052 / 1,530 / 530 against
 * 1,247 / 1,952 / 1,524 / 603, with DIVE_OFF. */
#define DIVE_PRICES 3
/* A day off counts 0.8 of its weight when the days are ranked: fixing
 * a day off takes away the cover its other months give, fixing a shift
 * gives cover, so the shifts go first.  Stockport (as above, three
 * prices a step): dived 1,695,824 at 0.8 against 1,767,956 at 1,
 * 1,728,939 at 0.9, 1,790,568 at 0.6, 1,969,188 at 0 (days off fixed
 * only when no shift is left); polished, seeds 0/1/2, 1,620,540 /
 * 1,610,977 / 1,610,767 against 1,623,174 / 1,607,442 / 1,619,163. */
#define DIVE_OFF 0.8

void colgen_opts_default(struct colgen_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->rounds = 25;
	o->iters = 300;
	o->dive_iters = 300;
	o->max_idle = 5;
	o->smooth = 0.5;
	o->dive_share = 0.05;
	o->dive_first = DIVE_FIRST;
	o->dive_prices = DIVE_PRICES;
	o->dive_off = DIVE_OFF;
	o->deadline = HUGE_VAL;
	o->rounds_deadline = HUGE_VAL;
}


/* ---- the pool's columns by person ---- */

int cg_index_people(struct cg *g)
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
int cg_compatible(const struct cg *g, size_t j)
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
	/* Two arrays of one length: each grows from the same capacity to
	 * the same one (as build_term's). */
	size_t cap_rows = g->cap_terms, cap_vals = g->cap_terms;

	if (grow(&g->rows, &cap_rows, n, sizeof(size_t)) ||
	    grow(&g->vals, &cap_vals, n, sizeof(double)))
		return -1;
	g->cap_terms = cap_rows;
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
		g->ol[i] = cp->o[cp->part_row_ids[r0 + i]];
	}
	if (master_begin(m, nr, g->bl, g->ul, g->ol))
		return -1;
	for (a = cp->part_people[k]; a < cp->part_people[k + 1]; a++) {
		size_t p = cp->part_person_ids[a], q;

		if (g->fixed[p])
			continue;
		for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
			size_t j = g->by_person[q], t0 = cp->term_first[j];
			size_t nt = cp->term_first[j + 1] - t0, t;

			if (!cg_compatible(g, j))
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
			if (grow(&g->col_of[k], &g->cap_col_of[k], ncols + 1,
				 sizeof(size_t)))
				return -1;
			g->col_of[k][ncols++] = j;
		}
		group++;
	}
	return master_end(m, group);
}

/* Part k's master built, its y from start_y the first time. */
static int ready_part(struct cg *g, size_t k)
{
	struct cg_pool *cp = &g->cp;
	struct master *m = &g->m[k];
	size_t i, r0 = cp->part_rows[k];

	if (build_master(g, k))
		return -1;
	if (m->n_groups && !m->iterations && g->o->start_y)
		for (i = 0; i < m->n_rows; i++)
			m->y[i] = g->y[cp->part_row_ids[r0 + i]];
	return 0;
}

/* Part k's x and y taken back, its values added (in part order). */
static void take_part(struct cg *g, size_t k, long before)
{
	struct cg_pool *cp = &g->cp;
	struct master *m = &g->m[k];
	struct master_eval e;
	size_t j, i, r0 = cp->part_rows[k];

	if (!m->n_groups)
		return;
	g->st->iterations += m->iterations - before;
	master_eval(m, &e);
	g->st->primal += e.primal;
	g->st->dual += e.dual;
	for (j = 0; j < m->n_cols; j++)
		cp->x[g->col_of[k][j]] = m->x[j];
	for (i = 0; i < m->n_rows; i++)
		g->y[cp->part_row_ids[r0 + i]] = m->y[i];
}

/* The parts' iterations on CG_THREADS threads, each thread taking the
 * next part not begun, the largest first.  A part's iterates depend on
 * its master alone, so which thread ran it changes nothing.  On
 * Stockport the largest of five parts holds 60% of the nonzeros. */
struct pdhg_job {
	struct cg *g;
	const size_t *order;
	size_t n;
	long iters;
	atomic_size_t next;
};

static void *pdhg_thread(void *arg)
{
	struct pdhg_job *j = arg;
	size_t i;

	while ((i = atomic_fetch_add(&j->next, 1)) < j->n)
		master_pdhg(&j->g->m[j->order[i]], j->iters);
	return NULL;
}

/* Whether part a goes before part b: more nonzeros, then lower index. */
static int before_part(const struct master *m, size_t a, size_t b)
{
	return m[a].nnz != m[b].nnz ? m[a].nnz > m[b].nnz : a < b;
}

static void run_parts(struct cg *g, size_t *order, long iters)
{
	struct pdhg_job j = {g, order, 0, iters, 0};
	pthread_t th;
	size_t k;
	int started;

	for (k = 0; k < g->cp.n_parts; k++) {
		size_t i;

		if (!g->m[k].n_groups)
			continue;
		for (i = j.n++; i > 0 && before_part(g->m, k, order[i - 1]); i--)
			order[i] = order[i - 1];
		order[i] = k;
	}
	started = j.n > 1 && pthread_create(&th, NULL, pdhg_thread, &j) == 0;
	pdhg_thread(&j);
	if (started)
		pthread_join(th, NULL);
}

int cg_solve_all(struct cg *g, long iters)
{
	double t = timer_now();
	size_t k, *order = malloc((g->cp.n_parts + 1) * sizeof(size_t));
	long *before = malloc((g->cp.n_parts + 1) * sizeof(long));
	int rc = -1;

	if (!order || !before)
		goto out;
	g->st->primal = g->st->dual = 0;
	for (k = 0; k < g->cp.n_parts; k++) {
		if (ready_part(g, k))
			goto out;
		before[k] = g->m[k].iterations;
	}
	run_parts(g, order, iters);
	for (k = 0; k < g->cp.n_parts; k++)
		take_part(g, k, before[k]);
	g->st->pdhg_seconds += timer_now() - t;
	rc = 0;
out:
	free(order);
	free(before);
	return rc;
}

/* ---- pricing, on CG_THREADS threads ---- */

/* Least reduced cost of p's columns in the pool at y. */
static double pool_beat(const struct cg *g, size_t p)
{
	const struct cg_pool *cp = &g->cp;
	double best = HUGE_VAL;
	size_t q, t;

	for (q = g->person_first[p]; q < g->person_first[p + 1]; q++) {
		size_t j = g->by_person[q];
		double rc = cp->cost[j];

		if (!cg_compatible(g, j))
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

	for (p = (size_t)jb->thread; p < n; p += CG_THREADS) {
		if (g->fixed[p]) {
			g->n_offers[p] = 0;
			continue;
		}
		g->beat[p] = pool_beat(g, p);
		if (cg_price_person(pr, (int)p, g->ys, g->beat[p],
				    g->forced + p * days, &g->lb[p], &g->nu[p],
				    g->mu + p * g->pb->sc->n_shifts)) {
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

/* ---- offering a month to people like its owner ---- */

static int index_vars(struct cg *g)
{
	const struct problem *pb = g->pb;
	size_t days = (size_t)pb->days, n = pb->sc->n_staff * days, v, *fill;

	g->pd_first = calloc(n + 2, sizeof(size_t));
	g->pd_vars = malloc((pb->n_vars + 1) * sizeof(size_t));
	g->twin = malloc((days + 1) * sizeof(size_t));
	fill = calloc(n + 1, sizeof(size_t));
	if (!g->pd_first || !g->pd_vars || !g->twin || !fill) {
		free(fill);
		return -1;
	}
	for (v = 0; v < pb->n_vars; v++)
		g->pd_first[(size_t)pb->vars[v].p * days +
			    (size_t)pb->vars[v].d + 1]++;
	for (v = 0; v < n; v++)
		g->pd_first[v + 1] += g->pd_first[v];
	for (v = 0; v < pb->n_vars; v++) {
		size_t c = (size_t)pb->vars[v].p * days + (size_t)pb->vars[v].d;

		g->pd_vars[g->pd_first[c] + fill[c]++] = v;
	}
	free(fill);
	return 0;
}

/* q's var doing what v does (day, shift, neighbourhood, role), or NONE
 * (ROSTER_NONE too: the caller tells the two apart by v). */
static size_t twin_var(const struct cg *g, size_t v, int q)
{
	const struct problem *pb = g->pb;
	const struct var *x = &pb->vars[v];
	const struct option *o = &pb->people[x->p].opts[x->k];
	size_t c = (size_t)q * (size_t)pb->days + (size_t)x->d, i;

	for (i = g->pd_first[c]; i < g->pd_first[c + 1]; i++) {
		const struct var *y = &pb->vars[g->pd_vars[i]];
		const struct option *oy = &pb->people[q].opts[y->k];

		if (y->s == x->s && oy->nbhd == o->nbhd && oy->role == o->role)
			return g->pd_vars[i];
	}
	return NONE;
}

static int alike(const struct scenario *sc, size_t p, size_t q)
{
	const struct staff *a = &sc->staff[p], *b = &sc->staff[q];

	return a->role == b->role && a->band == b->band && a->fte == b->fte;
}

/* p's month pick offered to up to o->spread others not fixed, of p's
 * part, alike (role, band, contract), where it is legal for them: the
 * next after p in person order, so the same input adds the same
 * columns.  Returns the columns added, or -1. */
static long spread(struct cg *g, size_t p, const size_t *pick)
{
	const struct problem *pb = g->pb;
	const struct cg_pool *cp = &g->cp;
	size_t k = cp->part_of_person[p], a0 = cp->part_people[k];
	size_t na = cp->part_people[k + 1] - a0, at, i, col;
	size_t days = (size_t)pb->days;
	long added = 0;
	int tried = 0;

	for (at = 0; at < na && cp->part_person_ids[a0 + at] != p; at++)
		;
	for (i = 1; i < na && tried < g->o->spread; i++) {
		size_t q = cp->part_person_ids[a0 + (at + i) % na], d;
		double cost;
		int rc;

		if (g->fixed[q] || !alike(pb->sc, p, q))
			continue;
		tried++;
		for (d = 0; d < days; d++) {
			g->twin[d] = pick[d] == ROSTER_NONE ? ROSTER_NONE
							     : twin_var(g, pick[d], (int)q);
			if ((pick[d] != ROSTER_NONE && g->twin[d] == NONE) ||
			    (g->forced[q * days + d] != CG_FREE &&
			     g->forced[q * days + d] != g->twin[d]))
				break;
		}
		if (d < days || cg_month_cost(pb, &g->pr[0].scratch, (int)q,
					      g->twin, &cost))
			continue;
		if ((rc = cg_pool_add(&g->cp, (int)q, g->twin, cost, &col)) < 0)
			return -1;
		added += rc == 0;
	}
	return added;
}

/* Prices everyone not fixed and adds the offers to the pool, in person
 * order.  Returns the columns added, or -1. */
long cg_price_all(struct cg *g)
{
	struct job jobs[CG_THREADS];
	pthread_t th[CG_THREADS];
	int started[CG_THREADS], t;
	size_t days = (size_t)g->pb->days, p, i, col;
	long added = 0;
	double t0 = timer_now();

	for (t = 0; t < CG_THREADS; t++) {
		jobs[t] = (struct job){g, t, 0};
		started[t] = t > 0 &&
			     pthread_create(&th[t], NULL, price_thread, &jobs[t]) == 0;
	}
	for (t = 0; t < CG_THREADS; t++)
		if (!started[t])
			price_thread(&jobs[t]);
	for (t = 1; t < CG_THREADS; t++)
		if (started[t])
			pthread_join(th[t], NULL);
	for (t = 0; t < CG_THREADS; t++)
		if (jobs[t].rc)
			return -1;
	for (t = 0; t < CG_THREADS; t++) {
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
			if (rc == 0 && g->o->spread > 0) {
				long more = spread(g, p, g->offer +
						   (p * CG_OFFERS + i) * days);

				if (more < 0)
					return -1;
				added += more;
			}
		}
	g->st->price_seconds += timer_now() - t0;
	return cg_index_people(g) ? -1 : added;
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
int cg_drop_idle(struct cg *g)
{
	struct cg_pool *cp = &g->cp;
	unsigned char *keep = malloc(cp->n_cols + 1);
	size_t j;

	if (!keep)
		return -1;
	for (j = 0; j < cp->n_cols; j++) {
		if (cp->idle[j] >= 0)
			cp->idle[j] = cp->x[j] > 1e-9 ? 0 : cp->idle[j] + 1;
		keep[j] = cp->idle[j] < g->o->max_idle && cg_compatible(g, j);
	}
	cg_pool_keep(cp, keep, NULL);
	free(keep);
	return cg_index_people(g);
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
	cg_archive_release(&g->arch);
	free(g->y);
	free(g->yc);
	free(g->ys);
	free(g->nu);
	free(g->mu);
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
	free(g->ol);
	free(g->offer);
	free(g->offer_cost);
	free(g->n_offers);
	for (t = 0; t < CG_THREADS; t++)
		cg_pricer_release(&g->pr[t]);
	free(g->pd_first);
	free(g->pd_vars);
	free(g->twin);
}

/* The empty month (or, where it breaks a rule, month_pick's) and the
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
		if (!legal && !month_pick(pb, (int)p, NULL, pick))
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
	rc = cg_index_people(g);
out:
	free(pick);
	return rc;
}

void cg_unfix(struct cg *g)
{
	size_t n = g->pb->sc->n_staff, k;

	memset(g->fixed, 0, n);
	for (k = 0; k < n * (size_t)g->pb->days; k++)
		g->forced[k] = CG_FREE;
	memcpy(g->bcur, g->cp.b, g->cp.n_rows * sizeof(double));
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
	cg_archive_init(&g->arch, days);
	if (cg_pool_init(&g->cp, pb))
		return -1;
	if (o->mip_nodes > 0)
		g->cp.arch = &g->arch;
	for (t = 0; t < CG_THREADS; t++) {
		if (cg_pricer_init(&g->pr[t], pb, &g->cp))
			return -1;
		g->pr[t].exact_hours = o->exact_hours;
	}
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
	g->mu = calloc(n * g->pb->sc->n_shifts + 1, sizeof(double));
	g->bcur = malloc((g->cp.n_rows + 1) * sizeof(double));
	g->fixed = calloc(n + 1, 1);
	g->forced = malloc((n * days + 1) * sizeof(size_t));
	g->lb = calloc(n + 1, sizeof(double));
	g->beat = calloc(n + 1, sizeof(double));
	g->bl = malloc((most + 1) * sizeof(double));
	g->ul = malloc((most + 1) * sizeof(double));
	g->ol = malloc((most + 1) * sizeof(double));
	g->offer = malloc((n * CG_OFFERS * days + 1) * sizeof(size_t));
	g->offer_cost = malloc((n * CG_OFFERS + 1) * sizeof(double));
	g->n_offers = calloc(n + 1, sizeof(size_t));
	if (!g->m || !g->col_of || !g->cap_col_of || !g->y || !g->bcur ||
	    !g->yc || !g->ys || !g->nu || !g->mu ||
	    !g->fixed || !g->forced || !g->lb || !g->beat || !g->bl || !g->ul || !g->ol || !g->offer ||
	    !g->offer_cost || !g->n_offers)
		return -1;
	for (k = 0; k < g->cp.n_parts; k++) {
		master_init(&g->m[k]);
		if (o->tol > 0)
			g->m[k].tol = o->tol;
	}
	if (o->spread > 0 && index_vars(g))
		return -1;
	cg_unfix(g);
	for (k = 0; o->start_y && k < g->cp.n_rows; k++)
		if (g->cp.kind[k] == CG_COVER)
			g->y[k] = fmin(o->start_y[g->cp.row_cell[k]], g->cp.u[k]);
	return seed(g);
}

/* Pricing at alpha x the best bound's duals + (1 - alpha) x the
 * master's (Wentges' smoothing): the master's duals swing from round
 * to round, and any duals give a valid bound. */
void cg_smooth(struct cg *g, double alpha)
{
	size_t r;

	for (r = 0; r < g->cp.n_rows; r++)
		g->ys[r] = alpha * g->yc[r] + (1 - alpha) * g->y[r];
}

int cg_stopped(const struct cg *g)
{
	return timer_stop_requested() || timer_now() >= g->o->deadline;
}

/* Rounds `from` up to `to` (0: the first, after the start prices). */
static int rounds(struct cg *g, int from, int to)
{
	struct colgen_stats *st = g->st;
	int r;

	if (!from && g->o->start_y) {
		/* Columns for the prices given before any master: the first
		 * master then starts from months that answer them. */
		long added;

		memcpy(g->ys, g->y, g->cp.n_rows * sizeof(double));
		if ((added = cg_price_all(g)) < 0)
			return -1;
		st->bound = bound_of(g);
		memcpy(g->yc, g->ys, g->cp.n_rows * sizeof(double));
		g->have_center = 1;
		if (g->o->verbose)
			diag_progress("%5.1fs  colgen  start prices: bound %.1f  "
				      "columns %zu (+%ld)", timer_now() - g->o->t0,
				      st->bound, g->cp.n_cols, added);
	}
	for (r = from; r < to; r++) {
		long added;
		double lb;

		if (cg_stopped(g) || timer_now() >= g->o->rounds_deadline) {
			st->stopped = 1;
			break;
		}

		if (cg_solve_all(g, g->o->iters))
			return -1;
		cg_smooth(g, g->have_center ? g->o->smooth : 0);
		if ((added = cg_price_all(g)) < 0)
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
				      "(+%ld)  pdhg %ld (%.1fs)  dp %ld (%.1fs)",
				      timer_now() - g->o->t0, r, st->primal, st->dual, lb,
				      st->bound, g->cp.n_cols, added, st->iterations,
				      st->pdhg_seconds, st->dp_calls, st->price_seconds);
		if (cg_drop_idle(g))
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

/* GLPK's choice of a month per person among all those priced, kept
 * when it is cheaper than the dived rota and no less legal. */
static int mip(struct cg *g, struct roster *out)
{
	const struct problem *pb = g->pb;
	struct roster r;
	double value = HUGE_VAL, before, after;
	int proven = 0, rc;

	if (roster_setup(&r, pb, NULL))
		return -1;
	roster_copy(&r, out);
	rc = colmip_run(&g->cp, &g->arch, out, g->o->mip_nodes, g->o->deadline,
			&r, &value, &proven);
	before = constraints_cost(pb, out);
	after = rc == 0 ? constraints_cost(pb, &r) : HUGE_VAL;
	if (after < before - 1e-9 &&
	    (!constraints_check(pb, &r, NULL) ||
	     constraints_check(pb, out, NULL)))
		roster_copy(out, &r);
	g->st->mip_value = rc == 0 ? value : HUGE_VAL;
	g->st->mip_columns = g->arch.n;
	g->st->mip_proven = proven;
	if (g->o->verbose)
		diag_progress("%5.1fs  colgen  mip over %zu months: %s %.1f%s, "
			      "rota %.1f", timer_now() - g->o->t0, g->arch.n,
			      rc == 0 ? "value" : "none", rc == 0 ? value : 0,
			      proven ? " (best of them)" : "",
			      constraints_cost(pb, out));
	roster_release(&r);
	return rc < 0 ? -1 : 0;
}

/* Snapshots kept at once: one for each rounds count the dives ask for
 * (colphase.c asks for two). */
#define SNAPS 4

struct colgen {
	struct cg g;
	struct cg_snap snap[SNAPS];  /* by the rounds asked for */
	int n_snaps;
	int at;                      /* the snapshot g is at, unchanged since
	                                (-1: a dive has run since) */
};

/* The snapshot of g's state now, for o->rounds; kept in place of the
 * last one when all are in use.  0 or -1. */
static int keep(struct colgen *c, const struct colgen_opts *o)
{
	int i = c->n_snaps < SNAPS ? c->n_snaps++ : SNAPS - 1;

	if (cg_snap_take(&c->g, &c->snap[i]))
		return -1;
	c->snap[i].asked = o->rounds;
	c->snap[i].done = c->g.st->rounds;
	c->snap[i].stopped = c->g.st->stopped;
	c->at = i;
	return 0;
}

struct colgen *colgen_new(const struct problem *pb,
			  const struct colgen_opts *o, struct colgen_stats *st)
{
	struct colgen *c = calloc(1, sizeof(*c));
	int i;

	if (!c)
		return NULL;
	for (i = 0; i < SNAPS; i++)
		cg_snap_init(&c->snap[i]);
	memset(st, 0, sizeof(*st));
	st->bound = -HUGE_VAL;
	if (cg_init(&c->g, pb, o, st) || rounds(&c->g, 0, o->rounds) ||
	    (o->probe && probe(&c->g)) || keep(c, o)) {
		colgen_free(c);
		return NULL;
	}
	return c;
}

/* g at snapshot i.  0 or -1. */
static int go_to(struct colgen *c, int i)
{
	if (c->at != i && cg_snap_restore(&c->g, &c->snap[i]))
		return -1;
	c->at = i;
	c->g.st->rounds = c->snap[i].done;
	c->g.st->stopped = c->snap[i].stopped;
	return 0;
}

/* g at the end of o->rounds rounds (g->o is o): a snapshot's, or the
 * most rounds kept below that (else colgen_new's) run on.  0 or -1. */
static int ready(struct colgen *c, const struct colgen_opts *o)
{
	struct cg *g = &c->g;
	int i, most = 0;

	for (i = 0; i < c->n_snaps; i++) {
		if (c->snap[i].asked == o->rounds)
			return go_to(c, i);
		if (c->snap[i].asked < o->rounds &&
		    c->snap[i].asked > c->snap[most].asked)
			most = i;
	}
	if (go_to(c, most))
		return -1;
	if (!g->st->stopped && rounds(g, g->st->rounds, o->rounds))
		return -1;
	return keep(c, o);
}

int colgen_dive(struct colgen *c, const struct colgen_opts *o,
		struct roster *out)
{
	struct cg *g = &c->g;
	const struct problem *pb = g->pb;
	size_t p;
	int rc, d;

	g->o = o;
	if (ready(c, o))
		return -1;
	c->at = -1;
	g->st->dives = 0;
	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			roster_set(out, (int)p, d, ROSTER_NONE);
	rc = cg_dive(g, out);
	if (rc < 0)
		return -1;
	cg_finish(g, out);
	if (!rc && o->mip_nodes > 0 && mip(g, out))
		return -1;
	g->st->stopped |= rc;
	g->st->columns = g->cp.n_cols;
	return g->st->stopped;
}

void colgen_free(struct colgen *c)
{
	int i;

	if (!c)
		return;
	cg_release(&c->g);
	for (i = 0; i < SNAPS; i++)
		cg_snap_release(&c->snap[i]);
	free(c);
}

int colgen_run(const struct problem *pb, const struct colgen_opts *o,
	       struct roster *out, struct colgen_stats *st)
{
	struct colgen *c = colgen_new(pb, o, st);
	int rc;

	if (!c)
		return -1;
	rc = colgen_dive(c, o, out);
	colgen_free(c);
	return rc;
}
