#include "colmip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "timer.h"

#define NONE ((size_t)-1)

/* ---- the program ---- */

struct mip {
	const struct cg_pool *cp;
	const struct cg_archive *a;
	struct model *m;
	double *acc;              /* [n_rows]: a column's terms, summed */
	size_t *touched;
};

/* Month j's terms into acc; the rows touched in m->touched, their
 * count returned. */
static size_t terms_of(struct mip *m, size_t j)
{
	const struct cg_pool *cp = m->cp;
	const size_t *pick = m->a->pick + j * m->a->days;
	size_t n = 0, d, i;

	for (d = 0; d < m->a->days; d++) {
		size_t v = pick[d];

		if (v == ROSTER_NONE)
			continue;
		for (i = cp->var_first[v]; i < cp->var_first[v + 1]; i++) {
			size_t r = cp->var_row[i];

			if (m->acc[r] == 0)
				m->touched[n++] = r;
			m->acc[r] += cp->var_val[i];
		}
	}
	return n;
}

/* Builds the model: the month binaries first (column j of the archive is
 * model column j), then the slacks; rows: one month per person, then the
 * pool's rows. */
static int build(struct mip *m)
{
	const struct cg_pool *cp = m->cp;
	const struct problem *pb = cp->pb;
	const struct cg_archive *a = m->a;
	size_t n_staff = pb->sc->n_staff, j, r, p, i;
	int *person_cols = NULL;
	double *ones = NULL;
	size_t *first = NULL, *fill = NULL;
	int **rc = NULL, rcode = -1;
	double **rv = NULL;
	size_t *rn = NULL, *rcap = NULL;

	for (j = 0; j < a->n; j++)
		if (model_col(m->m, 0, 1, 1, a->cost[j], "month(%s,%zu)",
			      pb->sc->staff[a->person[j]].id, j) < 0)
			goto out;
	/* rows of terms, gathered column by column */
	rn = calloc(cp->n_rows + 1, sizeof(size_t));
	rcap = calloc(cp->n_rows + 1, sizeof(size_t));
	rc = calloc(cp->n_rows + 1, sizeof(int *));
	rv = calloc(cp->n_rows + 1, sizeof(double *));
	first = calloc(n_staff + 1, sizeof(size_t));
	fill = calloc(n_staff + 1, sizeof(size_t));
	person_cols = malloc((a->n + 1) * sizeof(int));
	ones = malloc((a->n + 3) * sizeof(double));
	if (!rn || !rcap || !rc || !rv || !first || !fill || !person_cols ||
	    !ones)
		goto out;
	for (j = 0; j < a->n; j++) {
		size_t n = terms_of(m, j), k;

		for (k = 0; k < n; k++) {
			r = m->touched[k];
			if (rn[r] == rcap[r]) {
				size_t c = rcap[r] ? 2 * rcap[r] : 8;
				int *ci = realloc(rc[r], c * sizeof(int));
				double *cv;

				if (!ci)
					goto out;
				rc[r] = ci;
				if (!(cv = realloc(rv[r], c * sizeof(double))))
					goto out;
				rv[r] = cv;
				rcap[r] = c;
			}
			rc[r][rn[r]] = (int)j;
			rv[r][rn[r]++] = m->acc[r];
			m->acc[r] = 0;
		}
	}
	for (j = 0; j < a->n; j++)
		first[a->person[j] + 1]++;
	for (p = 0; p < n_staff; p++)
		first[p + 1] += first[p];
	for (j = 0; j < a->n; j++)
		person_cols[first[a->person[j]] + fill[a->person[j]]++] = (int)j;
	for (i = 0; i < a->n + 3; i++)
		ones[i] = 1;
	for (p = 0; p < n_staff; p++)
		if (model_row(m->m, 1, 1, first[p + 1] - first[p],
			      person_cols + first[p], ones, "one(%s)",
			      pb->sc->staff[p].id) < 0)
			goto out;
	for (r = 0; r < cp->n_rows; r++) {
		int sc = model_col(m->m, 0, MODEL_INF, 0, cp->u[r], "short(%zu)", r);
		int oc = cp->o[r] > 0 ? model_col(m->m, 0, MODEL_INF, 0, cp->o[r],
						  "over(%zu)", r) : -1;
		size_t n = rn[r];
		int *ci;
		double *cv;

		if (sc < 0 || (cp->o[r] > 0 && oc < 0))
			goto out;
		ci = realloc(rc[r], (n + 2) * sizeof(int));
		if (!ci)
			goto out;
		rc[r] = ci;
		if (!(cv = realloc(rv[r], (n + 2) * sizeof(double))))
			goto out;
		rv[r] = cv;
		ci[n] = sc;
		cv[n++] = 1;
		if (oc >= 0) {
			ci[n] = oc;
			cv[n++] = -1;
		}
		if (model_row(m->m, cp->b[r], oc >= 0 ? cp->b[r] : MODEL_INF, n,
			      ci, cv, "row(%zu)", r) < 0)
			goto out;
	}
	rcode = 0;
out:
	for (r = 0; rc && r < cp->n_rows; r++) {
		free(rc[r]);
		free(rv[r]);
	}
	free(rc);
	free(rv);
	free(rn);
	free(rcap);
	free(first);
	free(fill);
	free(person_cols);
	free(ones);
	return rcode;
}

/* The index in a of p's month in r, or NONE. */
static size_t month_index(const struct cg_archive *a, const struct roster *r,
			  int p, size_t *pick)
{
	size_t j;
	int d;

	for (d = 0; d < (int)a->days; d++)
		pick[d] = roster_get(r, p, d);
	for (j = 0; j < a->n; j++)
		if (a->person[j] == p &&
		    !memcmp(a->pick + j * a->days, pick, a->days * sizeof(size_t)))
			return j;
	return NONE;
}

/* The start as the model's values, or NULL when a month of it is not in
 * the archive. */
static double *start_values(struct mip *m, const struct roster *start)
{
	const struct cg_pool *cp = m->cp;
	const struct cg_archive *a = m->a;
	size_t n_staff = cp->pb->sc->n_staff, nc = model_n_cols(m->m), p, r, k;
	double *x = calloc(nc + 1, sizeof(double)), *ax = NULL;
	size_t *pick = malloc((a->days + 1) * sizeof(size_t));
	int col = (int)a->n;

	ax = calloc(cp->n_rows + 1, sizeof(double));
	if (!x || !pick || !ax)
		goto fail;
	for (p = 0; p < n_staff; p++) {
		size_t j = month_index(a, start, (int)p, pick), n;

		if (j == NONE)
			goto fail;
		x[j] = 1;
		n = terms_of(m, j);
		for (k = 0; k < n; k++) {
			ax[m->touched[k]] += m->acc[m->touched[k]];
			m->acc[m->touched[k]] = 0;
		}
	}
	for (r = 0; r < cp->n_rows; r++) {
		double gap = cp->b[r] - ax[r];

		x[col++] = gap > 0 ? gap : 0;
		if (cp->o[r] > 0)
			x[col++] = gap < 0 ? -gap : 0;
	}
	free(ax);
	free(pick);
	return x;
fail:
	free(x);
	free(ax);
	free(pick);
	return NULL;
}

int colmip_run(const struct cg_pool *cp, const struct cg_archive *a,
	       const struct roster *start, long max_nodes, double deadline,
	       struct roster *out, double *value, int *proven)
{
	const struct problem *pb = cp->pb;
	struct mip m;
	struct model_opts mo;
	struct model_result res;
	double *x0 = NULL;
	size_t j;
	int rc = -1, d;

	memset(&m, 0, sizeof(m));
	memset(&mo, 0, sizeof(mo));
	*proven = 0;
	m.cp = cp;
	m.a = a;
	m.m = model_new("months");
	m.acc = calloc(cp->n_rows + 1, sizeof(double));
	m.touched = malloc((cp->n_rows + 1) * sizeof(size_t));
	if (!m.m || !m.acc || !m.touched || build(&m))
		goto out;
	if (start)
		x0 = start_values(&m, start);
	mo.time_limit = deadline - timer_now();
	if (mo.time_limit <= 0) {
		rc = 1;
		goto out;
	}
	mo.node_limit = max_nodes;
	mo.start = x0;
	mo.stop = timer_stop_requested;
	if (model_solve_mip(m.m, &mo, &res))
		goto out;
	if (res.status != MODEL_OPTIMAL && res.status != MODEL_FEASIBLE) {
		rc = 1;
		goto out;
	}
	for (j = 0; j < a->n; j++) {
		if (model_value(m.m, (int)j) < 0.5)
			continue;
		for (d = 0; d < pb->days; d++)
			roster_set(out, a->person[j], d, a->pick[j * a->days +
							   (size_t)d]);
	}
	*value = res.objective;
	*proven = res.status == MODEL_OPTIMAL;
	rc = 0;
out:
	free(x0);
	free(m.acc);
	free(m.touched);
	model_free(m.m);
	return rc;
}
