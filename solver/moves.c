#include "moves.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "grow.h"
#include "rng.h"
#include "local_search.h"
#include "timer.h"

/* Longest run of days one move changes. */
#define MOVE_MAX_DAYS 7
/* Late acceptance: compare with the rota this many moves ago.  5,000
 * beat 400 on Instance3, 5 and 7 (30 s each); 20,000 was mixed. */
#define LAHC_LEN 5000

struct change {
	int p, d;
	size_t var, old;
};

struct moves {
	const struct problem *pb;
	struct roster *r;
	uint64_t rng;
	double *pcost;             /* [n_staff]: local person costs */
	unsigned *stamp;           /* [n_cells]: dedup of touched cells */
	unsigned tick;
	size_t *cells, n_cells, cap_cells;
	struct change ch[2 * MOVE_MAX_DAYS];
	int n_ch;
};

static int below(struct moves *m, int n)
{
	return n > 0 ? (int)rng_below(&m->rng, (size_t)n) : 0;
}

/* Person p's plain assignment (option 0) of shift s on day d, or
 * ROSTER_NONE for s < 0; (size_t)-2 when there is none. */
#define NO_VAR ((size_t)-2)

static size_t var_of(const struct problem *pb, int p, int d, int s)
{
	size_t first, end, v;

	if (s < 0)
		return ROSTER_NONE;
	problem_day_vars(pb, p, d, &first, &end);
	for (v = first; v < end; v++)
		if (pb->vars[v].s == s && pb->vars[v].k == 0)
			return v;
	return NO_VAR;
}

static int add_change(struct moves *m, int p, int d, size_t var)
{
	if (var == NO_VAR)
		return -1;
	if (var == roster_get(m->r, p, d))
		return 0;
	m->ch[m->n_ch++] = (struct change){p, d, var, roster_get(m->r, p, d)};
	return 0;
}

static int touch_var(struct moves *m, size_t v)
{
	const struct var *x;
	size_t i;

	if (v == ROSTER_NONE)
		return 0;
	x = &m->pb->vars[v];
	for (i = 0; i < x->n_cells; i++) {
		size_t c = m->pb->var_cells[x->first_cell + i];

		if (m->stamp[c] == m->tick)
			continue;
		m->stamp[c] = m->tick;
		if (grow(&m->cells, &m->cap_cells, m->n_cells + 1,
			 sizeof(*m->cells)))
			return -1;
		m->cells[m->n_cells++] = c;
	}
	return 0;
}

static double cells_cost(const struct moves *m)
{
	double c = 0;
	size_t i;

	for (i = 0; i < m->n_cells; i++)
		c += cell_cost(&m->pb->cells[m->cells[i]],
			       m->r->on_duty[m->cells[i]]);
	return c;
}

/* Swap what p and q work over [d0, d0 + len). */
static int propose_swap(struct moves *m, int p, int q, int d0, int len)
{
	int d;

	for (d = d0; d < d0 + len && d < m->pb->days; d++) {
		int sp = roster_shift(m->r, p, d), sq = roster_shift(m->r, q, d);

		if (sp == sq)
			continue;
		if (add_change(m, p, d, var_of(m->pb, p, d, sq)) ||
		    add_change(m, q, d, var_of(m->pb, q, d, sp)))
			return -1;
	}
	return 0;
}

/* Set p's days [d0, d0 + len) to shift s (or off). */
static int propose_set(struct moves *m, int p, int d0, int len, int s)
{
	int d;

	for (d = d0; d < d0 + len && d < m->pb->days; d++)
		if (add_change(m, p, d, var_of(m->pb, p, d, s)))
			return -1;
	return 0;
}

static int propose(struct moves *m)
{
	const struct problem *pb = m->pb;
	int n = (int)pb->sc->n_staff, p = below(m, n);
	int len = 1 + below(m, MOVE_MAX_DAYS), d0 = below(m, pb->days);

	m->n_ch = 0;
	if (n > 1 && below(m, 2)) {
		int q = below(m, n - 1);

		return propose_swap(m, p, q >= p ? q + 1 : q, d0, len);
	}
	len = 1 + below(m, 3);
	return propose_set(m, p, d0, len, below(m, (int)pb->sc->n_shifts + 1) - 1);
}

static void undo(struct moves *m)
{
	int i;

	for (i = m->n_ch - 1; i >= 0; i--)
		roster_set(m->r, m->ch[i].p, m->ch[i].d, m->ch[i].old);
}

static int touched(const struct moves *m, int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (m->ch[j].p == m->ch[i].p)
			return 1;
	return 0;
}

/* Applies the proposed changes; the cost delta, or HUGE_VAL (undone)
 * when a hard rule breaks. */
static double apply(struct moves *m, double *newcost)
{
	double before, d;
	int i;

	m->n_cells = 0;
	m->tick++;
	for (i = 0; i < m->n_ch; i++)
		if (touch_var(m, m->ch[i].old) || touch_var(m, m->ch[i].var))
			return HUGE_VAL;
	before = cells_cost(m);
	for (i = 0; i < m->n_ch; i++)
		roster_set(m->r, m->ch[i].p, m->ch[i].d, m->ch[i].var);
	for (i = 0; i < m->n_ch; i++)
		if (!touched(m, i) &&
		    constraints_check_person(m->pb, m->r, m->ch[i].p, NULL)) {
			undo(m);
			return HUGE_VAL;
		}
	d = cells_cost(m) - before;
	for (i = 0; i < m->n_ch; i++)
		if (!touched(m, i)) {
			newcost[i] = constraints_person_cost_local(m->pb, m->r,
								   m->ch[i].p);
			d += newcost[i] - m->pcost[m->ch[i].p];
		}
	return d;
}

static void keep(struct moves *m, const double *newcost)
{
	int i;

	for (i = 0; i < m->n_ch; i++)
		if (!touched(m, i))
			m->pcost[m->ch[i].p] = newcost[i];
}

static int setup(struct moves *m, const struct problem *pb, struct roster *r,
		 uint64_t seed)
{
	size_t p;

	memset(m, 0, sizeof(*m));
	m->pb = pb;
	m->r = r;
	m->rng = seed ^ 0x5eedULL;
	m->pcost = malloc((pb->sc->n_staff + 1) * sizeof(double));
	m->stamp = calloc(pb->n_cells + 1, sizeof(unsigned));
	if (!m->pcost || !m->stamp)
		return -1;
	for (p = 0; p < pb->sc->n_staff; p++)
		m->pcost[p] = constraints_person_cost_local(pb, r, (int)p);
	return 0;
}

int moves_run(const struct problem *pb, struct roster *r, uint64_t seed,
	      long tries, double deadline)
{
	struct moves m;
	struct roster best;
	double *hist;
	double cur = 0, best_cost, newcost[2 * MOVE_MAX_DAYS];
	long k = 0;
	int rc = -1, i;

	/* Only the people moved are checked: rules over many people at once
	 * (skill mix) would need the whole rota checked per move. */
	if (pb->sc->n_mix)
		return 0;
	hist = malloc(LAHC_LEN * sizeof(double));
	if (!hist || roster_setup(&best, pb, NULL)) {
		free(hist);
		return -1;
	}
	if (setup(&m, pb, r, seed))
		goto out;
	roster_copy(&best, r);
	best_cost = cur;
	for (i = 0; i < LAHC_LEN; i++)
		hist[i] = cur;
	while (k < tries && !timer_stop_requested() &&
	       ((k & 255) || timer_now() < deadline)) {
		double d;

		k++;
		if (propose(&m) || !m.n_ch)
			continue;
		d = apply(&m, newcost);
		if (isinf(d))
			continue;
		if (cur + d <= cur + 1e-9 || cur + d <= hist[k % LAHC_LEN] + 1e-9) {
			keep(&m, newcost);
			cur += d;
			if (cur < best_cost - 1e-9) {
				best_cost = cur;
				roster_copy(&best, r);
			}
		} else {
			undo(&m);
		}
		hist[k % LAHC_LEN] = cur;
	}
	roster_copy(r, &best);
	rc = 0;
out:
	roster_release(&best);
	free(hist);
	free(m.pcost);
	free(m.stamp);
	free(m.cells);
	return rc;
}
