#include "master.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

/* PDLP's restart thresholds on the duality gap, as a share of the gap
 * at the last restart: sufficient, necessary (while no longer falling)
 * and artificial (a share of the iterations run). */
#define RESTART_SUFFICIENT 0.2
#define RESTART_NECESSARY 0.8
#define RESTART_ARTIFICIAL 0.36
/* Relative duality gap at which the iterations stop early, unless
 * told otherwise. */
#define CONVERGED 1e-7
/* Iterations between restart checks: each costs two products more. */
#define CHECK_EVERY 64
/* The step is below 1 / ||A||, for a norm found from below. */
#define STEP_SHARE 0.9
#define POWER_ITERATIONS 40

void master_init(struct master *m)
{
	memset(m, 0, sizeof(*m));
	m->tol = CONVERGED;
}

void master_release(struct master *m)
{
	free(m->b);
	free(m->u);
	free(m->o);
	free(m->c);
	free(m->col_group);
	free(m->group_first);
	free(m->col_first);
	free(m->row);
	free(m->val);
	free(m->x);
	free(m->y);
	free(m->ax);
	free(m->axn);
	free(m->aty);
	free(m->xa);
	free(m->ya);
	free(m->x0);
	free(m->y0);
	free(m->sc);
	free(m->v);
	free(m->ord);
	memset(m, 0, sizeof(*m));
}

static int grow_rows(struct master *m, size_t n)
{
	size_t cap = m->cap_rows, c;
	double **arr[] = {&m->b, &m->u, &m->o, &m->y, &m->ax, &m->axn, &m->ya,
			  &m->y0};
	size_t i;

	if (n <= cap)
		return 0;
	for (i = 0; i < sizeof(arr) / sizeof(arr[0]); i++) {
		c = cap;
		if (grow((void **)arr[i], &c, n, sizeof(double)))
			return -1;
	}
	m->cap_rows = c;
	return 0;
}

static int grow_cols(struct master *m, size_t n)
{
	size_t cap = m->cap_cols, c = cap, i;
	double **arr[] = {&m->c, &m->x, &m->aty, &m->xa, &m->x0, &m->sc,
			  &m->v};

	if (n + 1 <= cap)
		return 0;
	for (i = 0; i < sizeof(arr) / sizeof(arr[0]); i++) {
		c = cap;
		if (grow((void **)arr[i], &c, n + 1, sizeof(double)))
			return -1;
	}
	c = cap;
	if (grow((void **)&m->col_group, &c, n + 1, sizeof(size_t)))
		return -1;
	c = cap;
	if (grow((void **)&m->col_first, &c, n + 1, sizeof(size_t)))
		return -1;
	m->cap_cols = c;
	return 0;
}

int master_begin(struct master *m, size_t n_rows, const double *b,
		 const double *u, const double *o)
{
	size_t old = m->n_rows, i;

	if (grow_rows(m, n_rows + 1) || grow_cols(m, 1))
		return -1;
	for (i = 0; i < n_rows; i++) {
		m->b[i] = b[i];
		m->u[i] = u[i];
		m->o[i] = o ? o[i] : 0;
		if (old != n_rows)
			m->y[i] = 0;
		else if (m->y[i] > u[i])
			m->y[i] = u[i];
		else if (m->y[i] < -m->o[i])
			m->y[i] = -m->o[i];
	}
	m->n_rows = n_rows;
	m->n_cols = 0;
	m->n_groups = 0;
	m->nnz = 0;
	m->col_first[0] = 0;
	return 0;
}

int master_add_col(struct master *m, size_t group, double c, size_t nnz,
		   const size_t *rows, const double *vals, double x0)
{
	size_t j = m->n_cols, cap;

	if (grow_cols(m, j + 1))
		return -1;
	cap = m->cap_nnz;
	if (grow((void **)&m->row, &cap, m->nnz + nnz + 1, sizeof(size_t)))
		return -1;
	cap = m->cap_nnz;
	if (grow((void **)&m->val, &cap, m->nnz + nnz + 1, sizeof(double)))
		return -1;
	m->cap_nnz = cap;
	if (nnz) {   /* an empty column may come with no arrays */
		memcpy(m->row + m->nnz, rows, nnz * sizeof(size_t));
		memcpy(m->val + m->nnz, vals, nnz * sizeof(double));
	}
	m->nnz += nnz;
	m->c[j] = c;
	m->x[j] = x0;
	m->col_group[j] = group;
	m->col_first[j + 1] = m->nnz;
	m->n_cols = j + 1;
	return 0;
}

int master_end(struct master *m, size_t n_groups)
{
	size_t cap = m->cap_groups, g, j, most = 0;

	if (grow((void **)&m->group_first, &cap, n_groups + 2, sizeof(size_t)))
		return -1;
	m->cap_groups = cap;
	m->n_groups = n_groups;
	for (g = 0, j = 0; g <= n_groups; g++) {
		m->group_first[g] = j;
		while (j < m->n_cols && m->col_group[j] == g)
			j++;
	}
	for (g = 0; g < n_groups; g++) {
		size_t a = m->group_first[g], z = m->group_first[g + 1];
		double s = 0;

		if (z - a > most)
			most = z - a;
		for (j = a; j < z; j++)
			s += m->x[j] > 0 ? m->x[j] : 0;
		for (j = a; j < z; j++)
			m->x[j] = s > 0 ? (m->x[j] > 0 ? m->x[j] / s : 0)
				  : j == a;
	}
	if (grow((void **)&m->ord, &m->cap_ord, most + 1, sizeof(size_t)))
		return -1;
	m->norm = 0;   /* estimated again at the next solve */
	return 0;
}

void master_set_b(struct master *m, size_t i, double b)
{
	m->b[i] = b;
}

/* Column j of A times y. */
static double col_dot(const struct master *m, size_t j, const double *y)
{
	double s = 0;
	size_t i;

	for (i = m->col_first[j]; i < m->col_first[j + 1]; i++)
		s += m->val[i] * y[m->row[i]];
	return s;
}

/* out += column j of A times xj. */
static void col_add(const struct master *m, size_t j, double xj, double *out)
{
	size_t i;

	for (i = m->col_first[j]; i < m->col_first[j + 1]; i++)
		out[m->row[i]] += m->val[i] * xj;
}

/* out = A x, over the columns with weight. */
static void times_x(const struct master *m, const double *x, double *out)
{
	size_t i, j;

	for (i = 0; i < m->n_rows; i++)
		out[i] = 0;
	for (j = 0; j < m->n_cols; j++)
		if (x[j] != 0)
			col_add(m, j, x[j], out);
}

/* out = A'y. */
static void times_y(const struct master *m, const double *y, double *out)
{
	size_t j;

	for (j = 0; j < m->n_cols; j++)
		out[j] = col_dot(m, j, y);
}

/*
 * Projects v[0..n) onto the simplex, s as scratch.  The threshold is at
 * least (sum - 1) / count over any set of values that holds the
 * support (Michelot 1986), so passes of that drop all but the support,
 * usually a few of a person's many months; those alone are sorted,
 * by insertion, and summed largest first as a full sort would.  The
 * passes keep a margin below each threshold, so that a value the full
 * sort's rounding would keep by a hair is kept too: the same x, bit
 * for bit (Stockport's rota unchanged).
 */
#define PROJECT_MARGIN 1e-9
static void project_simplex(double *v, size_t n, double *s)
{
	double sum = 0, theta = 0, t;
	size_t k, m = n, kept;

	for (k = 0; k < n; k++)
		sum += s[k] = v[k];
	for (;;) {
		t = (sum - 1) / (double)m - PROJECT_MARGIN;
		for (k = 0, kept = 0, sum = 0; k < m; k++)
			if (s[k] > t)
				sum += s[kept++] = s[k];
		if (kept == m || !kept)
			break;
		m = kept;
	}
	for (k = 1; k < m; k++) {
		double x = s[k];
		size_t i = k;

		for (; i > 0 && s[i - 1] < x; i--)
			s[i] = s[i - 1];
		s[i] = x;
	}
	for (k = 0, sum = 0; k < m; k++) {
		sum += s[k];
		t = (sum - 1) / (double)(k + 1);
		if (s[k] - t > 0)
			theta = t;
	}
	for (k = 0; k < n; k++)
		v[k] = v[k] > theta ? v[k] - theta : 0;
}

/* Subtracts each group's mean: the tangent space of the simplices. */
static void to_tangent(const struct master *m, double *v)
{
	size_t g, j;

	for (g = 0; g < m->n_groups; g++) {
		size_t a = m->group_first[g], z = m->group_first[g + 1];
		double s = 0;

		for (j = a; j < z; j++)
			s += v[j];
		s /= (double)(z - a);
		for (j = a; j < z; j++)
			v[j] -= s;
	}
}

static double dot(const double *a, const double *b, size_t n)
{
	double s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += a[i] * b[i];
	return s;
}

/* ||A|| on the tangent space, by power iterations on P A'A P from a
 * fixed start. */
static double estimate_norm(struct master *m)
{
	double *v = m->v, *w = m->axn, lam = 0, nv;
	size_t j;
	int k;

	for (j = 0; j < m->n_cols; j++)
		v[j] = (double)((j * 2654435761u) % 1000u) / 1000.0 - 0.5;
	to_tangent(m, v);
	for (k = 0; k < POWER_ITERATIONS; k++) {
		nv = sqrt(dot(v, v, m->n_cols));
		if (nv <= 0)
			return 0;
		for (j = 0; j < m->n_cols; j++)
			v[j] /= nv;
		times_x(m, v, w);
		times_y(m, w, v);
		to_tangent(m, v);
		lam = sqrt(dot(v, v, m->n_cols));
	}
	return sqrt(lam);
}

/* The values of (x, y); uses axn and aty as scratch. */
static void eval_at(struct master *m, const double *x, const double *y,
		    struct master_eval *e)
{
	size_t i, g, j;

	times_x(m, x, m->axn);
	times_y(m, y, m->aty);
	e->primal = dot(m->c, x, m->n_cols);
	e->short_cost = 0;
	e->dual = dot(m->b, y, m->n_rows);
	for (i = 0; i < m->n_rows; i++)
		if (m->b[i] > m->axn[i])
			e->short_cost += m->u[i] * (m->b[i] - m->axn[i]);
		else
			e->short_cost += m->o[i] * (m->axn[i] - m->b[i]);
	e->primal += e->short_cost;
	for (g = 0; g < m->n_groups; g++) {
		double best = HUGE_VAL;

		for (j = m->group_first[g]; j < m->group_first[g + 1]; j++)
			if (m->c[j] - m->aty[j] < best)
				best = m->c[j] - m->aty[j];
		e->dual += best;
	}
}

void master_eval(struct master *m, struct master_eval *e)
{
	eval_at(m, m->x, m->y, e);
}

static double gap_at(struct master *m, const double *x, const double *y,
		     double *primal)
{
	struct master_eval e;

	eval_at(m, x, y, &e);
	if (primal)
		*primal = e.primal;
	return e.primal - e.dual;
}

/* The primal weight balances the steps by the sizes of y and x: y is
 * at most u, x has one unit of weight a group.  (||c|| / ||b||, PDLP's
 * start, is a hundred times too small here: demand rows are small
 * head-counts, their prices are large.) */
static void first_weight(struct master *m)
{
	double nu = sqrt(dot(m->u, m->u, m->n_rows));

	m->omega = nu > 0 && m->n_groups ? nu / sqrt((double)m->n_groups) : 1;
}

/* One step from (x, y); ax holds A x on entry and on exit. */
static void step(struct master *m, double tau, double sigma)
{
	size_t g, j, i;

	/* A'y, the step and A x group by group, while the group's columns
	 * are in cache: the sums are those of times_y and times_x. */
	for (i = 0; i < m->n_rows; i++)
		m->axn[i] = 0;
	for (g = 0; g < m->n_groups; g++) {
		size_t a = m->group_first[g], z = m->group_first[g + 1];

		for (j = a; j < z; j++) {
			m->aty[j] = col_dot(m, j, m->y);
			m->x[j] -= tau * (m->c[j] - m->aty[j]);
		}
		project_simplex(m->x + a, z - a, m->sc);
		for (j = a; j < z; j++)
			if (m->x[j] != 0)
				col_add(m, j, m->x[j], m->axn);
	}
	for (i = 0; i < m->n_rows; i++) {
		double yi = m->y[i] + sigma * (m->b[i] -
					       (2 * m->axn[i] - m->ax[i]));

		m->y[i] = yi < -m->o[i] ? -m->o[i] : yi > m->u[i] ? m->u[i] : yi;
		m->ax[i] = m->axn[i];
	}
}

struct anchor {
	double gap, last_gap;     /* at the last restart, at the last check */
	double value;             /* a primal value, for the scale */
	long since;               /* iterations since the last restart */
};

static void set_anchor(struct master *m, struct anchor *an, double gap)
{
	memcpy(m->x0, m->x, m->n_cols * sizeof(double));
	memcpy(m->y0, m->y, m->n_rows * sizeof(double));
	memcpy(m->xa, m->x, m->n_cols * sizeof(double));
	memcpy(m->ya, m->y, m->n_rows * sizeof(double));
	an->gap = an->last_gap = gap;
	an->since = 0;
}

/* Restarts (x, y) at the average or the current point when the gap
 * has fallen enough; the primal weight follows how far each moved. */
static int maybe_restart(struct master *m, struct anchor *an, long done)
{
	double gc = gap_at(m, m->x, m->y, &an->value);
	double ga = gap_at(m, m->xa, m->ya, NULL);
	int avg = ga < gc;
	double gap = avg ? ga : gc, dx = 0, dy = 0;
	size_t j, i;

	if (gc <= m->tol * fmax(1, fabs(an->value)))
		return 1;   /* the current point is optimal enough */
	if (!(gap <= RESTART_SUFFICIENT * an->gap ||
	      (gap <= RESTART_NECESSARY * an->gap && gap > an->last_gap) ||
	      an->since >= RESTART_ARTIFICIAL * (double)done)) {
		an->last_gap = gap;
		return 0;
	}
	if (avg) {
		memcpy(m->x, m->xa, m->n_cols * sizeof(double));
		memcpy(m->y, m->ya, m->n_rows * sizeof(double));
	}
	for (j = 0; j < m->n_cols; j++)
		dx += (m->x[j] - m->x0[j]) * (m->x[j] - m->x0[j]);
	for (i = 0; i < m->n_rows; i++)
		dy += (m->y[i] - m->y0[i]) * (m->y[i] - m->y0[i]);
	/* Near an exact solution the moves are rounding noise: their ratio
	 * would throw the weight anywhere, and the next round's columns
	 * would meet steps of any size. */
	if (dx > 1e-12 && dy > 1e-12) {
		double ratio = sqrt(dy / dx) / m->omega;

		ratio = ratio < 0.01 ? 0.01 : ratio > 100 ? 100 : ratio;
		m->omega *= sqrt(ratio);
	}
	m->restarts++;
	set_anchor(m, an, gap);
	times_x(m, m->x, m->ax);
	return 0;
}

void master_pdhg(struct master *m, long iters)
{
	struct anchor an;
	long k;
	size_t j, i;

	if (!m->n_cols || !m->n_rows)
		return;
	if (m->norm <= 0)
		m->norm = estimate_norm(m) * 1.02;
	if (m->norm <= 0)
		m->norm = 1;
	if (m->omega <= 0)
		first_weight(m);
	set_anchor(m, &an, gap_at(m, m->x, m->y, &an.value));
	times_x(m, m->x, m->ax);
	for (k = 1; k <= iters; k++) {
		double eta = STEP_SHARE / m->norm, w;

		step(m, eta / m->omega, eta * m->omega);
		an.since++;
		w = 1.0 / (double)an.since;
		for (j = 0; j < m->n_cols; j++)
			m->xa[j] += w * (m->x[j] - m->xa[j]);
		for (i = 0; i < m->n_rows; i++)
			m->ya[i] += w * (m->y[i] - m->ya[i]);
		if (k % CHECK_EVERY == 0 &&
		    maybe_restart(m, &an, m->iterations + k))
			break;
	}
	m->iterations += k < iters ? k : iters;
}
