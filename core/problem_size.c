/* The prepared problem's size, counted before anything is built. */
#include "problem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demand.h"

/* What one service contributes: its breakpoints, and how many of the
 * intervals between them anything (a shift or a band) is present in. */
struct svc_count {
	instant_t *bp;
	size_t nbp;
	size_t present;
};

static void mark(long *on, const struct svc_count *c, instant_t from,
		 instant_t to)
{
	on[problem_breakpoint(c->bp, c->nbp, from)]++;
	on[problem_breakpoint(c->bp, c->nbp, to)]--;
}

/* Intervals of service sv where a shift occurs or a band applies: a
 * cell of a track can lie only there. */
static int count_present(const struct scenario *sc, int sv,
			 struct svc_count *c)
{
	const struct service *s = &sc->services[sv];
	long *on = calloc(c->nbp + 1, sizeof(long));
	size_t i, b;
	int d;

	if (!on)
		return -1;
	for (d = 0; d < sc->horizon.days; d++) {
		for (b = 0; b < s->n_bands; b++)
			if (demand_band_applies(sc, &s->bands[b], d))
				mark(on, c, s->bands[b].from_at[d],
				     s->bands[b].to_at[d]);
		for (i = 0; i < sc->n_shifts; i++)
			if (sc->shifts[i].service == sv &&
			    demand_shift_occurs(sc, (int)i, d))
				mark(on, c, sc->shifts[i].start_at[d],
				     sc->shifts[i].end_at[d]);
	}
	c->present = 0;
	for (i = 0; i + 1 < c->nbp; i++) {
		if (i)
			on[i] += on[i - 1];
		c->present += on[i] > 0;
	}
	free(on);
	return 0;
}

/* Units of every scope times the live roles: the tracks of a service. */
static size_t live_tracks(const struct scenario *sc, int sv)
{
	size_t units = sc->n_neighbourhoods + 1, k, r, live = 0;

	for (k = 0; k < sc->n_kinds; k++)
		units += sc->kinds[k].n_groups;
	for (r = 0; r < sc->n_roles; r++)
		live += (size_t)problem_live_role(sc, sv, (int)r);
	return units * live;
}

/* Tracks (scopes) neighbourhood n counts toward: its own, the borough
 * and each kind that groups it. */
static size_t scopes_of(const struct scenario *sc, size_t n)
{
	size_t k, m = 2;

	for (k = 0; k < sc->n_kinds; k++)
		m += sc->kinds[k].group_of[n] >= 0;
	return m;
}

/* One person's options per service, as problem.c keeps them: every one
 * of a live role, and one other if there are others at all. */
struct per_person {
	size_t *kept;     /* [n_services]: columns per shift worked */
	size_t *refs;     /* [n_services]: cell pairs per interval covered */
	unsigned char *off;
};

/* Options of role r: every neighbourhood p may work in, and home in the
 * own role whatever may_work says (problem.c's option 0). */
static void role_options(const struct scenario *sc, const struct staff *st,
			 int r, size_t m, size_t scopes, size_t *cnt,
			 size_t *refs)
{
	int extra = r == st->role && !st->may_work[st->home];

	*cnt = m + (size_t)extra;
	*refs = scopes + (extra ? scopes_of(sc, (size_t)st->home) : 0);
}

static void person_options(const struct scenario *sc, const struct staff *st,
			   const unsigned char *live, struct per_person *pp)
{
	const struct role *own = &sc->roles[st->role];
	size_t n, m = 0, scopes = 0, sv, c;

	for (n = 0; n < sc->n_neighbourhoods; n++)
		if (st->may_work[n]) {
			m++;
			scopes += scopes_of(sc, n);
		}
	for (sv = 0; sv < sc->n_services; sv++) {
		size_t lk = 0, other = 0, refs = 0;

		for (c = 0; c <= own->n_covers; c++) {
			int r = c ? own->covers[c - 1].role : st->role;
			size_t cnt, rf;

			role_options(sc, st, r, m, scopes, &cnt, &rf);
			if (live[sv * sc->n_roles + (size_t)r]) {
				lk += cnt;
				refs += rf;
			} else {
				other += cnt;
			}
		}
		pp->kept[sv] = lk + (other > 0);
		pp->refs[sv] = refs;
	}
}

static void person_off(const struct scenario *sc, const struct staff *st,
		       unsigned char *off)
{
	int d, days = sc->horizon.days;
	size_t l;

	for (d = 0; d < days; d++)
		off[d] = (unsigned char)((st->days_off_weekly >>
			  civil_weekday(scenario_date(sc, d))) & 1u);
	for (l = 0; l < st->n_leave; l++)
		for (d = st->leave[l].from_day < 0 ? 0 : st->leave[l].from_day;
		     d <= st->leave[l].to_day && d < days; d++)
			off[d] = 1;
}

/* Intervals of its service shift s covers on day d, or -1 when it does
 * not occur (or has no service). */
static long shift_intervals(const struct scenario *sc,
			    const struct svc_count *svc, size_t s, int d)
{
	const struct shift *sh = &sc->shifts[s];
	const struct svc_count *c;

	if (sh->service < 0 || !demand_shift_occurs(sc, (int)s, d))
		return -1;
	c = &svc[sh->service];
	return (long)(problem_breakpoint(c->bp, c->nbp, sh->end_at[d]) -
		      problem_breakpoint(c->bp, c->nbp, sh->start_at[d]));
}

static void count_people(const struct scenario *sc, const long *nint,
			 const unsigned char *live, struct per_person *pp,
			 struct problem_size *z)
{
	size_t p, s, days = (size_t)sc->horizon.days;
	int d;

	for (p = 0; p < sc->n_staff; p++) {
		const struct staff *st = &sc->staff[p];

		person_options(sc, st, live, pp);
		person_off(sc, st, pp->off);
		for (d = 0; d < sc->horizon.days; d++) {
			if (pp->off[d])
				continue;
			for (s = 0; s < sc->n_shifts; s++) {
				long k = nint[s * days + (size_t)d];
				int sv = sc->shifts[s].service;

				if (!st->allowed[s] || k < 0)
					continue;
				z->columns += pp->kept[sv];
				z->cell_refs += pp->refs[sv] * (size_t)k;
			}
		}
	}
}

static int count_services(const struct scenario *sc, struct svc_count *svc,
			  struct problem_size *z)
{
	size_t sv;

	for (sv = 0; sv < sc->n_services; sv++) {
		svc[sv].bp = problem_breakpoints(sc, (int)sv, &svc[sv].nbp);
		if (!svc[sv].bp || count_present(sc, (int)sv, &svc[sv]))
			return -1;
		z->cells += svc[sv].present * live_tracks(sc, (int)sv);
	}
	return 0;
}

int problem_measure(const struct scenario *sc, struct problem_size *z,
		    struct rota_error *err)
{
	size_t ns = sc->n_services, days = (size_t)sc->horizon.days, s, r;
	struct svc_count *svc = calloc(ns + 1, sizeof(*svc));
	long *nint = malloc((sc->n_shifts * days + 1) * sizeof(long));
	unsigned char *live = malloc(ns * sc->n_roles + 1);
	struct per_person pp = {calloc(ns + 1, sizeof(size_t)),
				calloc(ns + 1, sizeof(size_t)),
				malloc(days + 1)};
	int d, ret = -1;

	memset(z, 0, sizeof(*z));
	if (!svc || !nint || !live || !pp.kept || !pp.refs || !pp.off ||
	    count_services(sc, svc, z))
		goto out;
	for (s = 0; s < ns; s++)
		for (r = 0; r < sc->n_roles; r++)
			live[s * sc->n_roles + r] = (unsigned char)
				problem_live_role(sc, (int)s, (int)r);
	for (s = 0; s < sc->n_shifts; s++)
		for (d = 0; d < sc->horizon.days; d++)
			nint[s * days + (size_t)d] = shift_intervals(sc, svc, s, d);
	count_people(sc, nint, live, &pp, z);
	ret = 0;
out:
	if (ret)
		rota_error_add(err, ROTA_EINTERNAL,
			       "out of memory measuring the model");
	for (s = 0; svc && s < ns; s++)
		free(svc[s].bp);
	free(svc);
	free(nint);
	free(live);
	free(pp.kept);
	free(pp.refs);
	free(pp.off);
	return ret;
}

/* 12500000 -> "12,500,000"; out needs 32 bytes. */
static const char *thousands(size_t v, char out[32])
{
	char digits[24];
	int n = snprintf(digits, sizeof(digits), "%zu", v), i, j = 0;

	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[j++] = ',';
		out[j++] = digits[i];
	}
	out[j] = '\0';
	return out;
}

int problem_too_large(struct rota_error *err, size_t got, size_t limit,
		      const char *what)
{
	char a[32], b[32];

	return rota_error_add(err, ROTA_EINPUT, "model too large: %s %s "
			      "(limit %s)", thousands(got, a), what,
			      thousands(limit, b));
}

int problem_size_check(const struct problem_size *z, struct rota_error *err)
{
	if (z->columns > PROBLEM_MAX_COLUMNS)
		return problem_too_large(err, z->columns, PROBLEM_MAX_COLUMNS,
					 "assignment columns");
	if (z->cells > PROBLEM_MAX_CELLS)
		return problem_too_large(err, z->cells, PROBLEM_MAX_CELLS,
					 "coverage cells");
	if (z->cell_refs > PROBLEM_MAX_CELL_REFS)
		return problem_too_large(err, z->cell_refs,
					 PROBLEM_MAX_CELL_REFS,
					 "coverage entries");
	return 0;
}
