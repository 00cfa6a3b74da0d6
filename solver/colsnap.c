#include "colstate.h"

#include <stdlib.h>
#include <string.h>

/* The rounds' end kept, so that each further dive starts where the
 * first did without running the rounds again: the pool's columns in
 * order with their weights and idle counts, the duals, the pricing's
 * kept prices and each master's primal weight and iteration count (its
 * y is the pool's): a dive from the restored state is the first's. */

void cg_snap_init(struct cg_snap *s)
{
	memset(s, 0, sizeof(*s));
}

void cg_snap_release(struct cg_snap *s)
{
	free(s->person);
	free(s->cost);
	free(s->pick);
	free(s->idle);
	free(s->x);
	free(s->y);
	free(s->yc);
	free(s->ys);
	free(s->nu);
	free(s->mu);
	free(s->omega);
	free(s->iterations);
	cg_snap_init(s);
}

/* *dst: a copy of n elements of `size` bytes at src.  0 or -1. */
static int dup_array(void *dst, const void *src, size_t n, size_t size)
{
	void *p = malloc(n * size + 1);

	if (!p)
		return -1;
	if (n)
		memcpy(p, src, n * size);
	*(void **)dst = p;
	return 0;
}

int cg_snap_take(const struct cg *g, struct cg_snap *s)
{
	const struct cg_pool *cp = &g->cp;
	size_t n = g->pb->sc->n_staff, days = (size_t)g->pb->days, k;

	cg_snap_release(s);
	s->n_cols = cp->n_cols;
	s->have_center = g->have_center;
	if (dup_array(&s->person, cp->person, cp->n_cols, sizeof(int)) ||
	    dup_array(&s->cost, cp->cost, cp->n_cols, sizeof(double)) ||
	    dup_array(&s->pick, cp->pick, cp->n_cols * days, sizeof(size_t)) ||
	    dup_array(&s->idle, cp->idle, cp->n_cols, sizeof(int)) ||
	    dup_array(&s->x, cp->x, cp->n_cols, sizeof(double)) ||
	    dup_array(&s->y, g->y, cp->n_rows, sizeof(double)) ||
	    dup_array(&s->yc, g->yc, cp->n_rows, sizeof(double)) ||
	    dup_array(&s->ys, g->ys, cp->n_rows, sizeof(double)) ||
	    dup_array(&s->nu, g->nu, n, sizeof(double)) ||
	    dup_array(&s->mu, g->mu, n * g->pb->sc->n_shifts, sizeof(double)) ||
	    !(s->omega = malloc((cp->n_parts + 1) * sizeof(double))) ||
	    !(s->iterations = malloc((cp->n_parts + 1) * sizeof(long))))
		return -1;
	for (k = 0; k < cp->n_parts; k++) {
		s->omega[k] = g->m[k].omega;
		s->iterations[k] = g->m[k].iterations;
	}
	return 0;
}

/* The pool given the snapshot's columns again, in their order. */
static int restore_columns(struct cg *g, const struct cg_snap *s)
{
	struct cg_pool *cp = &g->cp;
	size_t days = (size_t)g->pb->days, j, col;
	unsigned char *none = calloc(cp->n_cols + 1, 1);

	if (!none)
		return -1;
	cg_pool_keep(cp, none, NULL);
	free(none);
	for (j = 0; j < s->n_cols; j++) {
		if (cg_pool_add(cp, s->person[j], s->pick + j * days, s->cost[j],
				&col) < 0)
			return -1;
		cp->idle[col] = s->idle[j];
		cp->x[col] = s->x[j];
	}
	return 0;
}

/* Each built master's y from the pool's duals, its primal weight and
 * iteration count (which paces its restarts) from the snapshot. */
static void restore_masters(struct cg *g, const struct cg_snap *s)
{
	const struct cg_pool *cp = &g->cp;
	size_t k, i;

	for (k = 0; k < cp->n_parts; k++) {
		struct master *m = &g->m[k];
		size_t r0 = cp->part_rows[k];

		m->omega = s->omega[k];
		m->iterations = s->iterations[k];
		if (m->n_rows != cp->part_rows[k + 1] - r0)
			continue;   /* never built: it starts from 0 as before */
		for (i = 0; i < m->n_rows; i++)
			m->y[i] = g->y[cp->part_row_ids[r0 + i]];
	}
}

int cg_snap_restore(struct cg *g, const struct cg_snap *s)
{
	const struct cg_pool *cp = &g->cp;
	size_t n = g->pb->sc->n_staff;

	if (restore_columns(g, s))
		return -1;
	memcpy(g->y, s->y, cp->n_rows * sizeof(double));
	memcpy(g->yc, s->yc, cp->n_rows * sizeof(double));
	memcpy(g->ys, s->ys, cp->n_rows * sizeof(double));
	memcpy(g->nu, s->nu, n * sizeof(double));
	memcpy(g->mu, s->mu, n * g->pb->sc->n_shifts * sizeof(double));
	g->have_center = s->have_center;
	cg_unfix(g);
	restore_masters(g, s);
	return cg_index_people(g);
}
