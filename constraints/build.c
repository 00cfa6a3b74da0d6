/*
 * build: the helpers that family files write their rows and report a
 * broken rule with (build.h).
 */
#include "build.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "grow.h"

void build_begin(struct build *b)
{
	b->n = 0;
	b->constant = 0;
}

int build_term(struct build *b, int col, double val)
{
	if (col < 0)
		return 0;
	if (b->n == b->cap) {
		/* Two arrays of one length: each grows from the same
		 * capacity to the same one. */
		size_t cap_cols = b->cap, cap_vals = b->cap;

		if (grow(&b->cols, &cap_cols, b->n + 1, sizeof(*b->cols)) ||
		    grow(&b->vals, &cap_vals, b->n + 1, sizeof(*b->vals)))
			return -1;
		b->cap = cap_cols;
	}
	b->cols[b->n] = col;
	b->vals[b->n++] = val;
	return 0;
}

int build_cell(struct build *b, size_t c, double coef,
	       int (*keep)(const struct problem *pb, size_t var,
			   const void *ctx),
	       const void *ctx)
{
	const struct problem *pb = b->pb;
	size_t i;

	if (c == (size_t)-1)
		return 0;
	for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++) {
		size_t v = pb->cell_vars[i];

		if (keep && !keep(pb, v, ctx))
			continue;
		if (b->x[v] >= 0) {
			if (build_term(b, b->x[v], coef))
				return -1;
		}
	}
	return 0;
}

int build_day(struct build *b, int p, int d,
	      int (*keep)(const struct problem *pb, int s), double val)
{
	size_t first, end, i;

	if (d < 0 || d >= b->pb->days)
		return 0;
	problem_day_vars(b->pb, p, d, &first, &end);
	for (i = first; i < end; i++)
		if ((!keep || keep(b->pb, b->pb->vars[i].s)) &&
		    build_term(b, b->x[i], val))
			return -1;
	return 0;
}

int build_row(struct build *b, double lb, double ub, const char *fmt, ...)
{
	char name[MODEL_NAME_MAX];
	va_list ap;

	if (!b->n)
		return 0;   /* nothing to constrain */
	b->entries += b->n;
	if (b->entries > CONSTRAINTS_MAX_ENTRIES)
		return -1;  /* build_all says why */
	va_start(ap, fmt);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	/* Fixed vars moved to the right-hand side. */
	return model_row(b->m, lb - b->constant, ub - b->constant, b->n, b->cols,
			 b->vals, "%s", name) < 0 ? -1 : 0;
}

int build_max_in_a_row(struct build *b, int p, int m, int before,
		       int (*keep)(const struct problem *pb, int s),
		       const char *name)
{
	const struct problem *pb = b->pb;
	char date[CIVIL_DATE_LEN];
	int d, j;

	/* With `before` days already in a row, days 0 to m - before may not
	 * all be worked (before >= m: problem.c leaves day 0 off). */
	if (before > 0 && before < m) {
		build_begin(b);
		for (j = 0; j <= m - before && j < pb->days; j++)
			if (build_day(b, p, j, keep, 1))
				return -1;
		if (b->n > (size_t)(m - before) &&
		    build_row(b, -MODEL_INF, m - before, "%s_start[%s]", name,
			      pb->sc->staff[p].id))
			return -1;
	}
	for (d = 0; d + m < pb->days; d++) {
		build_begin(b);
		for (j = 0; j <= m; j++)
			if (build_day(b, p, d + j, keep, 1))
				return -1;
		/* Fewer terms than the limit cannot break it. */
		if (b->n > (size_t)m &&
		    build_row(b, -MODEL_INF, m, "%s[%s,%s]", name,
			      pb->sc->staff[p].id, build_date(pb, d, date)))
			return -1;
	}
	return 0;
}

const char *build_date(const struct problem *pb, int d, char *buf)
{
	civil_format_date(scenario_date(pb->sc, d), buf);
	return buf;
}

int build_broken(struct rota_error *err, int first, int last,
		 const char *fmt, ...)
{
	struct rota_place at = ROTA_PLACE_NONE;
	va_list ap;

	if (!err)
		return -1;   /* the caller only asks whether the rule holds */
	at.first_day = first;
	at.last_day = last;
	va_start(ap, fmt);
	rota_error_vat(err, ROTA_EINFEASIBLE, &at, fmt, ap);
	va_end(ap);
	return -1;
}
