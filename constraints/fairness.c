/*
 * fairness: the shared shape of weekend and unsocial-hours fairness.
 * Not a family of its own; weekends.c and unsocial.c use it.
 */
#include "build.h"

#include <stdlib.h>

static double role_fte(const struct scenario *sc, int role)
{
	double f = 0;
	size_t p;

	for (p = 0; p < sc->n_staff; p++)
		if (sc->staff[p].role == role)
			f += sc->staff[p].fte;
	return f;
}

int build_fairness(struct build *b, const char *name, double weight,
		   int (*terms)(struct build *b, int p, double scale, void *ctx),
		   void *ctx)
{
	const struct scenario *sc = b->pb->sc;
	size_t r, p;

	if (weight <= 0)
		return 0;
	for (r = 0; r < sc->n_roles; r++) {
		double fte = role_fte(sc, (int)r);
		int t;

		if (fte <= 0)
			continue;
		t = model_col(b->m, 0, MODEL_INF, 0, 0, "%s_total[%s]", name,
			      sc->roles[r].id);
		if (t < 0)
			return -1;
		build_begin(b);
		for (p = 0; p < sc->n_staff; p++)
			if (sc->staff[p].role == (int)r && terms(b, (int)p, -1, ctx))
				return -1;
		if (build_term(b, t, 1) ||
		    model_row(b->m, 0, 0, b->n, b->cols, b->vals, "%s_sum[%s]",
			      name, sc->roles[r].id) < 0)
			return -1;
		for (p = 0; p < sc->n_staff; p++) {
			int e;

			if (sc->staff[p].role != (int)r)
				continue;
			e = model_col(b->m, 0, MODEL_INF, 0, weight, "%s[%s]", name,
				      sc->staff[p].id);
			build_begin(b);
			if (e < 0 || terms(b, (int)p, 1, ctx) ||
			    build_term(b, t, -sc->staff[p].fte / fte) ||
			    build_term(b, e, -1) ||
			    build_row(b, -MODEL_INF, 0, "%s_excess[%s]", name,
				      sc->staff[p].id))
				return -1;
		}
	}
	return 0;
}

double fairness_excess(const struct problem *pb, const struct roster *r,
		       int p, double (*measure)(const struct problem *pb,
						const struct roster *r, int p))
{
	const struct scenario *sc = pb->sc;
	int role = sc->staff[p].role;
	double total = 0, fte = 0, share, mine = 0;
	size_t q;

	for (q = 0; q < sc->n_staff; q++) {
		double m;

		if (sc->staff[q].role != role)
			continue;
		m = measure(pb, r, (int)q);
		total += m;
		fte += sc->staff[q].fte;
		if ((int)q == p)
			mine = m;
	}
	share = fte > 0 ? sc->staff[p].fte / fte * total : 0;
	return mine > share + 1e-9 ? mine - share : 0;
}
