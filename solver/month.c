#include "month.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "constraints.h"

struct dp {
	const struct problem *pb;
	const double *price;  /* month_dp's: the prices chosen at */
	int p, days, n_loc;                /* n_loc: shifts p may work */
	int *loc;                          /* [n_loc]: their shift ids */
	int max_on, min_on, min_off, cap;  /* run limits; cap: run lengths kept */
	int max_wk, n_wk, track_wk;        /* weekend limit, in the state
	                                      (n_wk values) when tracked:
	                                      1 a count over the horizon,
	                                      2 a mask of the window's last
	                                      weekends */
	int max_nl, n_nl;                  /* nights in a row, when tracked */
	int n_fs;             /* 2 when runs touching the start matter */
	int n_h;              /* paid hours in the state: levels 0..n_h-1
	                         of `unit` hours (1: not tracked) */
	double unit;
	unsigned char *lvl;   /* [days * n_loc]: levels a shift adds */
	int tc, n_c;          /* with exact hours, the shifts of local type
	                         tc worked so far (0..n_c-1) when its limit
	                         is in the state (tc -1: none, n_c 1) */
	int n_r;              /* the state's last part, h x n_c + count */
	double longest;       /* paid hours of p's longest shift */
	unsigned char *wd;    /* [days]: weekday, Monday 0 */
	size_t n_states;
	size_t *var;          /* [days * n_loc]: the var worked, or NONE */
	short *dec;           /* [n_states * 6]: each state's fields, decoded
	                         once (last, len, fs, wk, nl, h; h below
	                         SHRT_MAX, see fits) */
	unsigned char *follow;   /* [days * n_loc * n_loc]: may_follow */
	double *cost, *next;  /* [n_states] */
	int *from;            /* [n_states]: next[]'s previous states */
	/* The days' back-pointers, only for the states each day reached:
	 * day d's are bk_state/bk_from[bk_first[d] .. bk_first[d + 1]),
	 * states ascending. */
	int *bk_state, *bk_from;
	size_t *bk_first, bk_cap;
	unsigned char *night; /* [n_loc]: whether the shift is a night */
	size_t per_shift;     /* states a shift of `last` spans */
	double *pv, *lp;      /* [n_loc]: the day's prices and hours' worth */
	uint64_t *mark;       /* [n_states / 64]: states next[] has reached */
	size_t *live, n_live; /* the states cost[] holds, ascending */
};

#define NONE ((size_t)-1)
/* States (with hours) a program may keep, and states times days (the
 * back-pointers are kept only for the states a day reaches, but each
 * day's dense arrays are made each pricing, one program a thread):
 * 524,288 states are about 21 MB of those; Instance14 (42 days, up to
 * 21,800 states with its hours, times 11 for a limit of 10) needs 10
 * million state-days, the year-long 22-24 more than the cap. */
#define MONTH_EXACT_STATES 524288
#define MONTH_EXACT_BACK 16777216

static size_t state(const struct dp *g, int last, int len, int fs, int wk,
		    int nl, int h)
{
	size_t f = g->n_fs > 1 ? (size_t)fs : 0;

	return (((((size_t)(last + 1) * (size_t)g->cap + (size_t)(len - 1)) *
		   (size_t)g->n_fs + f) * (size_t)g->n_wk + (size_t)wk) *
			(size_t)g->n_nl + (size_t)nl) * (size_t)g->n_r + (size_t)h;
}

static void unstate(const struct dp *g, size_t s, int *last, int *len,
		    int *fs, int *wk, int *nl, int *h)
{
	*h = (int)(s % (size_t)g->n_r);
	s /= (size_t)g->n_r;
	*nl = (int)(s % (size_t)g->n_nl);
	s /= (size_t)g->n_nl;
	*wk = (int)(s % (size_t)g->n_wk);
	s /= (size_t)g->n_wk;
	*fs = (int)(s % (size_t)g->n_fs);
	s /= (size_t)g->n_fs;
	*len = (int)(s % (size_t)g->cap) + 1;
	*last = (int)(s / (size_t)g->cap) - 1;
}

static int weekday(const struct problem *pb, int d)
{
	return civil_weekday(scenario_date(pb->sc, d));
}

/* Whether local shift s on day d may follow local shift `last` on day
 * d - 1. */
static int may_follow(const struct dp *g, int d, int last, int s)
{
	const struct scenario *sc = g->pb->sc;
	const struct rules *ru = &sc->staff[g->p].rules;
	int a = g->loc[last], z = g->loc[s];

	if (sc->shifts[a].forbid_next && sc->shifts[a].forbid_next[z])
		return 0;
	return (double)(sc->shifts[z].start_at[d] - sc->shifts[a].end_at[d - 1]) >=
	       ru->min_rest_hours * 3600.0;
}

static void relax(struct dp *g, size_t from, size_t to, double c)
{
	if (c < g->next[to]) {
		g->next[to] = c;
		g->mark[to / 64] |= (uint64_t)1 << (to % 64);
		g->from[to] = (int)from;
	}
}

static int popcount(int x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

/* The weekend part of the state after day d, worked or not: 0 when the
 * limit is broken (*wk untouched), 1 otherwise. */
static int next_weekend(const struct dp *g, int d, int last, int work,
			int *wk)
{
	int wd = g->wd[d], w = *wk;
	int starts = wd == 5 || (wd == 6 && d == 0);

	if (!g->track_wk || (wd != 5 && wd != 6))
		return 1;
	if (g->track_wk == 1) {
		/* A count: a weekend counts on its first day worked. */
		if (work && (wd == 5 || d == 0 || last < 0))
			w++;
		if (w > g->max_wk)
			return 0;
	} else {
		if (starts)
			w = (w << 1) & (g->n_wk - 1);
		if (work)
			w |= 1;
		if (popcount(w) > g->max_wk)
			return 0;
	}
	*wk = w;
	return 1;
}

/* Extends state `from` (day d - 1; d == 0: the start) by day d, at the
 * day's shift prices solve() left in pv and lp. */
static void step(struct dp *g, int d, size_t from, double c0)
{
	int last = -1, len = 1, fs = 1, wk = 0, nl = 0, h = 0, s, w, ww,
	    nlen = 1, nfs = d == 0;
	const unsigned char *follow = NULL;
	const size_t *var = g->var + (size_t)d * (size_t)g->n_loc;
	const unsigned char *lvl = g->lvl + (size_t)d * (size_t)g->n_loc;
	size_t base;

	if (d > 0) {
		const short *f = g->dec + from * 6;

		last = f[0];
		len = f[1];
		fs = f[2];
		wk = f[3];
		nl = f[4];
		h = f[5];
		if (last >= 0)
			follow = g->follow + ((size_t)d * (size_t)g->n_loc +
					      (size_t)last) * (size_t)g->n_loc;
	}
	/* Off. */
	w = wk;
	if (next_weekend(g, d, last, 0, &w)) {
		if (d == 0)
			relax(g, from, state(g, -1, 1, 1, w, 0, 0), c0);
		else if (last < 0)
			relax(g, from, state(g, -1, len < g->cap ? len + 1 : len,
						fs, w, 0, h), c0);
		else if (len >= g->min_on || fs)
			relax(g, from, state(g, -1, 1, 0, w, 0, h), c0);
	}
	/* A shift: the run and weekend parts are the same for every shift,
	 * so the new state differs by shift and nights alone. */
	ww = wk;
	if (!next_weekend(g, d, last, 1, &ww))
		return;
	if (d > 0 && last >= 0) {
		if (len >= g->max_on)
			return;
		nlen = len + 1;
		nfs = fs;
	} else if (d > 0 && len < g->min_off && !fs) {
		return;
	}
	base = state(g, -1, nlen, nfs, ww, 0, 0);
	for (s = 0; s < g->n_loc; s++) {
		int nnl = 0, nh = h + lvl[s] * g->n_c + (s == g->tc);

		if (var[s] == NONE || (follow && !follow[s]) ||
		    h / g->n_c + lvl[s] >= g->n_h ||
		    (s == g->tc && h % g->n_c + 1 >= g->n_c))
			continue;
		if (g->n_nl > 1 && g->night[s] && (nnl = nl + 1) > g->max_nl)
			continue;
		relax(g, from, base + (size_t)(s + 1) * g->per_shift +
					  (size_t)nnl * (size_t)g->n_r + (size_t)nh,
		      c0 + g->pv[s] - g->lp[s]);
	}
}

/* Day d's price of each shift and its hours' worth at lambda, apart so
 * that step() adds them in the order it always has (c0 + price - lambda
 * x hours): the same rotas, bit for bit. */
static void day_prices(struct dp *g, int d, double lambda,
		       const double *price)
{
	const size_t *var = g->var + (size_t)d * (size_t)g->n_loc;
	int s;

	for (s = 0; s < g->n_loc; s++)
		if (var[s] != NONE) {
			g->pv[s] = price[var[s]];
			g->lp[s] = lambda * g->pb->vars[var[s]].paid_hours;
		}
}

/* The states next[] reached, ascending, into live; the marks cleared. */
static void collect(struct dp *g)
{
	size_t w, words = (g->n_states + 63) / 64;

	g->n_live = 0;
	for (w = 0; w < words; w++) {
		uint64_t bits = g->mark[w];

		g->mark[w] = 0;
		for (; bits; bits &= bits - 1)
			g->live[g->n_live++] = w * 64 + (size_t)__builtin_ctzll(bits);
	}
}

/* Day d's back-pointers, from the states collect() left in live.
 * 0, or -1 out of memory. */
static int record(struct dp *g, int d)
{
	size_t at = g->bk_first[d], i;

	if (at + g->n_live > g->bk_cap) {
		size_t cap = 2 * g->bk_cap > at + g->n_live ? 2 * g->bk_cap
							   : at + g->n_live;
		int *a = realloc(g->bk_state, cap * sizeof(int)), *b;

		if (!a)
			return -1;
		g->bk_state = a;
		if (!(b = realloc(g->bk_from, cap * sizeof(int))))
			return -1;
		g->bk_from = b;
		g->bk_cap = cap;
	}
	for (i = 0; i < g->n_live; i++) {
		g->bk_state[at + i] = (int)g->live[i];
		g->bk_from[at + i] = g->from[g->live[i]];
	}
	g->bk_first[d + 1] = at + g->n_live;
	return 0;
}

/* The state before `s` of day d (which reached it). */
static size_t back_of(const struct dp *g, int d, size_t s)
{
	size_t lo = g->bk_first[d], hi = g->bk_first[d + 1];

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if ((size_t)g->bk_state[mid] <= s)
			lo = mid;
		else
			hi = mid;
	}
	return (size_t)g->bk_from[lo];
}

/* Best rota for a price per paid hour, each end state's cost plus
 * tail[its hour level] when tail is given (HUGE_VAL: not an end); its
 * hours in *hours, its vars by day in pick.  0, 1 when no rota meets
 * the sequence rules, -1 out of memory.  Only the states reached are
 * stepped from, in ascending order as a scan of all would (on Stockport
 * a day reaches about one state in nine); cost and next hold HUGE_VAL
 * everywhere else, before and after. */
static int solve_tail(struct dp *g, double lambda, const double *price,
		      const double *tail, double *hours, size_t *pick)
{
	double end_best = HUGE_VAL;
	size_t i, best = NONE;
	double *t;
	int d;

	g->n_live = 0;
	g->bk_first[0] = 0;
	for (d = 0; d < g->days; d++) {
		day_prices(g, d, lambda, price);
		if (d == 0)
			step(g, 0, 0, 0);
		for (i = 0; i < g->n_live; i++) {
			step(g, d, g->live[i], g->cost[g->live[i]]);
			g->cost[g->live[i]] = HUGE_VAL;
		}
		t = g->cost;
		g->cost = g->next;
		g->next = t;
		collect(g);
		if (record(g, d)) {
			for (i = 0; i < g->n_live; i++)
				g->cost[g->live[i]] = HUGE_VAL;
			return -1;
		}
	}
	for (i = 0; i < g->n_live; i++) {
		size_t s = g->live[i];
		double c = g->cost[s] + (tail ? tail[s % (size_t)g->n_r /
						      (size_t)g->n_c] : 0);

		if (c < end_best) {
			end_best = c;
			best = s;
		}
	}
	for (i = 0; i < g->n_live; i++)
		g->cost[g->live[i]] = HUGE_VAL;
	if (best == NONE)
		return 1;
	*hours = 0;
	for (d = g->days - 1; d >= 0; d--) {
		int last, len, fs, wk, nl, h;

		unstate(g, best, &last, &len, &fs, &wk, &nl, &h);
		pick[d] = last < 0 ? ROSTER_NONE
			  : g->var[(size_t)d * (size_t)g->n_loc + (size_t)last];
		if (pick[d] != ROSTER_NONE)
			*hours += g->pb->vars[pick[d]].paid_hours;
		best = back_of(g, d, best);
	}
	return 0;
}

static int solve(struct dp *g, double lambda, const double *price,
		 double *hours, size_t *pick)
{
	return solve_tail(g, lambda, price, NULL, hours, pick);
}

/* Local index of shift s for p, or -1. */
static int local_shift(const struct dp *g, int s)
{
	int i;

	for (i = 0; i < g->n_loc; i++)
		if (g->loc[i] == s)
			return i;
	return -1;
}

/* The var p works for each day and shift: the cheapest option at the
 * caller's prices (the first without them). */
static void choose_vars(struct dp *g, const double *price)
{
	const struct problem *pb = g->pb;
	size_t first, end, v, *slot;
	int d;

	for (v = 0; v < (size_t)g->days * (size_t)g->n_loc; v++)
		g->var[v] = NONE;
	for (d = 0; d < g->days; d++) {
		if (pb->people[g->p].off[d])
			continue;
		problem_day_vars(pb, g->p, d, &first, &end);
		for (v = first; v < end; v++) {
			slot = &g->var[(size_t)d * (size_t)g->n_loc +
				       (size_t)local_shift(g, pb->vars[v].s)];
			if (*slot == NONE ||
			    (price && price[v] < price[*slot]))
				*slot = v;
		}
	}
}

/* What the state keeps of weekends: 0 nothing (no limit can bind),
 * 1 a count over the horizon, 2 a mask over the window. */
static int weekend_mode(const struct problem *pb, int p,
			const struct rules *ru, int *n_wk)
{
	int nw = measure_n_weekends(pb), win = measure_weekend_window(pb, p, nw);

	*n_wk = 1;
	if (ru->max_weekends >= win)
		return 0;
	if (win == nw) {
		*n_wk = ru->max_weekends + 1;
		return 1;
	}
	if (win > 12)
		return 0;   /* left to the exact check */
	*n_wk = 1 << win;
	return 2;
}

/* The decoded states and which shift may follow which, once: step()
 * reads them for every state of every day. */
static void tables(struct dp *g)
{
	int f[6], d, a, b;
	size_t s;

	for (s = 0; s < g->n_states; s++) {
		unstate(g, s, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]);
		for (a = 0; a < 6; a++)
			g->dec[s * 6 + (size_t)a] = (short)f[a];
	}
	for (d = 0; d < g->days; d++)
		for (a = 0; a < g->n_loc; a++)
			for (b = 0; b < g->n_loc; b++)
				g->follow[((size_t)d * (size_t)g->n_loc + (size_t)a) *
					  (size_t)g->n_loc + (size_t)b] =
					(unsigned char)(d > 0 && may_follow(g, d, a, b));
}

/* Whole minutes of paid hours h, or -1 when h is not a whole minute. */
static long minutes(double h)
{
	double m = h * 60;

	return fabs(m - floor(m + 0.5)) < 1e-6 && m > 0.5 ? (long)floor(m + 0.5)
							     : -1;
}

static long gcd(long a, long b)
{
	while (b) {
		long t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* Whether the state's last part may take n_r values over `base`
 * states: within the short it is decoded into and both caps above. */
static int fits(const struct dp *g, long n_r, size_t base)
{
	return n_r <= SHRT_MAX && (size_t)n_r * base <= MONTH_EXACT_STATES &&
	       (size_t)n_r * base * (size_t)g->days <= MONTH_EXACT_BACK;
}

/* Levels of paid hours p's program keeps in its state: 1 + the hours
 * cap in units of the greatest common divisor of p's shifts' minutes,
 * or 1 (not kept) when a shift is not whole minutes, there is no cap
 * or the states would not fit. */
static int hour_levels(struct dp *g, size_t base)
{
	const struct problem *pb = g->pb;
	double cap = measure_hours_cap(pb, g->p);
	size_t first, end, v;
	long u = 0, m, n;

	problem_person_vars(pb, g->p, &first, &end);
	for (v = first; v < end; v++) {
		if ((m = minutes(pb->vars[v].paid_hours)) < 0)
			return 1;
		u = gcd(m, u);
	}
	if (!u || !(cap < 1e6))
		return 1;
	g->unit = (double)u / 60;
	n = (long)floor(cap / g->unit + 1e-9) + 1;
	if (n < 2 || !fits(g, n, base))
		return 1;
	return (int)n;
}

/* With exact hours, the limit on shifts of a type kept in the state:
 * of the types p may work with a limit (at least 1) below the horizon's
 * days and the hours cap's levels, the tightest, if the states stay
 * within the caps (Instance8: N at most 4 of 17-18 shifts).  The levels
 * are a loose test where the unit is shorter than a shift (a limit the
 * hours already keep then costs states, not months).  The other limits
 * stay priced (colprice.c). */
static void type_in_state(struct dp *g, size_t base)
{
	const int *lim = g->pb->sc->staff[g->p].rules.max_shifts;
	int s, most = g->n_h - 1, best = -1;

	g->tc = -1;
	g->n_c = 1;
	if (g->n_h < 2 || !lim)
		return;
	for (s = 0; s < g->n_loc; s++) {
		int l = lim[g->loc[s]];

		if (l >= 1 && l < most && l < g->days &&
		    (best < 0 || l < lim[g->loc[best]]) &&
		    fits(g, (long)(l + 1) * g->n_h, base))
			best = s;
	}
	if (best >= 0) {
		g->tc = best;
		g->n_c = lim[g->loc[best]] + 1;
	}
}

/* Each day's and shift's levels, from the var chosen there. */
static void level_table(struct dp *g)
{
	size_t i, n = (size_t)g->days * (size_t)g->n_loc;

	for (i = 0; i < n; i++)
		g->lvl[i] = (unsigned char)(g->n_h > 1 && g->var[i] != NONE
			? floor(g->pb->vars[g->var[i]].paid_hours / g->unit + 0.5)
			: 0);
}

static int setup(struct dp *g, const struct problem *pb, int p,
		 const double *price, int exact)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	size_t first, end, v;
	int d, night = 0;

	memset(g, 0, sizeof(*g));
	g->pb = pb;
	g->p = p;
	g->days = pb->days;
	g->loc = malloc((pb->sc->n_shifts + 1) * sizeof(int));
	g->wd = malloc((size_t)pb->days + 1);
	if (!g->loc || !g->wd)
		return -1;
	for (d = 0; d < pb->days; d++)
		g->wd[d] = (unsigned char)weekday(pb, d);
	for (d = 0; d < pb->days; d++) {
		problem_day_vars(pb, p, d, &first, &end);
		for (v = first; v < end; v++) {
			if (pb->vars[v].paid_hours > g->longest)
				g->longest = pb->vars[v].paid_hours;
			if (local_shift(g, pb->vars[v].s) < 0) {
				g->loc[g->n_loc++] = pb->vars[v].s;
				night |= pb->sc->shifts[pb->vars[v].s].night;
			}
		}
	}
	g->max_on = ru->max_days_in_a_row > 0 ? ru->max_days_in_a_row : pb->days;
	g->min_on = ru->min_days_in_a_row;
	g->min_off = ru->min_days_off_in_a_row;
	g->cap = g->max_on;
	if (g->min_off > g->cap)
		g->cap = g->min_off;
	g->max_wk = ru->max_weekends;
	g->track_wk = weekend_mode(pb, p, ru, &g->n_wk);
	g->max_nl = ru->max_nights_in_a_row;
	g->n_nl = night && g->max_nl < g->max_on ? g->max_nl + 1 : 1;
	/* Whether a run touches the start matters only to the minimums. */
	g->n_fs = g->min_on > 1 || g->min_off > 1 ? 2 : 1;
	g->n_states = (size_t)(g->n_loc + 1) * (size_t)g->cap * (size_t)g->n_fs *
		      (size_t)g->n_wk * (size_t)g->n_nl;
	g->n_h = exact ? hour_levels(g, g->n_states) : 1;
	type_in_state(g, g->n_states);
	g->n_r = g->n_h * g->n_c;
	g->n_states *= (size_t)g->n_r;
	g->lvl = malloc((size_t)pb->days * (size_t)g->n_loc + 1);
	g->var = malloc((size_t)pb->days * (size_t)g->n_loc * sizeof(size_t) + 1);
	g->cost = malloc(g->n_states * sizeof(double));
	g->next = malloc(g->n_states * sizeof(double));
	g->from = malloc(g->n_states * sizeof(int));
	g->bk_first = malloc(((size_t)pb->days + 1) * sizeof(size_t));
	g->dec = malloc((g->n_states * 6 + 1) * sizeof(short));
	g->follow = malloc((size_t)pb->days * (size_t)g->n_loc *
			   (size_t)g->n_loc + 1);
	g->night = malloc((size_t)g->n_loc + 1);
	g->pv = malloc(((size_t)g->n_loc + 1) * sizeof(double));
	g->lp = malloc(((size_t)g->n_loc + 1) * sizeof(double));
	g->mark = calloc(g->n_states / 64 + 1, sizeof(uint64_t));
	g->live = malloc((g->n_states + 1) * sizeof(size_t));
	if (!g->var || !g->cost || !g->next || !g->from || !g->bk_first ||
	    !g->dec ||
	    !g->follow || !g->night || !g->pv || !g->lp || !g->mark ||
	    !g->live || !g->lvl)
		return -1;
	for (v = 0; v < g->n_states; v++)
		g->cost[v] = g->next[v] = HUGE_VAL;
	for (d = 0; d < g->n_loc; d++)
		g->night[d] = (unsigned char)pb->sc->shifts[g->loc[d]].night;
	g->per_shift = g->n_states / (size_t)(g->n_loc + 1);
	tables(g);
	choose_vars(g, price);
	level_table(g);
	return 0;
}

static void release(struct dp *g)
{
	free(g->loc);
	free(g->wd);
	free(g->var);
	free(g->cost);
	free(g->next);
	free(g->from);
	free(g->bk_first);
	free(g->bk_state);
	free(g->bk_from);
	free(g->dec);
	free(g->follow);
	free(g->night);
	free(g->pv);
	free(g->lp);
	free(g->mark);
	free(g->live);
	free(g->lvl);
}

/* Whether hours h are within [lo, hi]. */
static int in_window(double h, double lo, double hi)
{
	return h >= lo - 1e-9 && h <= hi + 1e-9;
}

/* In the window and within one shift of the edge crossed (the upper
 * when dir < 0): near enough to stop looking. */
static int near_edge(const struct dp *g, double h, int dir, double lo,
		     double hi)
{
	return in_window(h, lo, hi) &&
	       (dir > 0 ? h < lo + g->longest : h > hi - g->longest);
}

/* Whether hours h have reached the window from the side the search
 * started on (below it when dir > 0, above it when dir < 0). */
static int crossed(double h, int dir, double lo, double hi)
{
	return dir > 0 ? h >= lo - 1e-9 : h <= hi + 1e-9;
}

/*
 * The price per paid hour that brings the hours into [lo, hi], by
 * bisection; the rota found for it is left in pick.  The least such
 * price, not the first found: past it the hours can fall far below the
 * window's edge at once (when every shift is priced alike per hour, all
 * days drop out at the same price), leaving hours unworked that the
 * window allows.
 */
static int search_lambda(struct dp *g, const double *price, double lo,
			 double hi, size_t *pick)
{
	double a = 0, b = 0, m, h, step = 1, good = 0;
	int i, dir, have_good = 0, rc;

	if ((rc = solve(g, 0, price, &h, pick)))
		return rc;
	if (in_window(h, lo, hi))
		return 0;
	dir = h < lo ? 1 : -1;
	for (i = 0; i < 40; i++, step *= 2) {
		b = dir * step;
		if ((rc = solve(g, b, price, &h, pick)))
			return rc;
		if (crossed(h, dir, lo, hi))
			break;
		a = b;
	}
	/* b has crossed and a has not; h is the month at m, first b. */
	for (i = 0, m = b;; i++) {
		if (near_edge(g, h, dir, lo, hi))
			return 0;
		if (in_window(h, lo, hi)) {
			good = m;
			have_good = 1;
		}
		if (i == 60 || fabs(b - a) <= 1e-4)
			break;
		m = (a + b) / 2;
		if ((rc = solve(g, m, price, &h, pick)))
			return rc;
		if (crossed(h, dir, lo, hi))
			b = m;
		else
			a = m;
	}
	if ((rc = solve(g, b, price, &h, pick)))
		return rc;
	if (in_window(h, lo, hi))
		return 0;
	if (!have_good)
		return 1;
	if ((rc = solve(g, good, price, &h, pick)))
		return rc;
	return !in_window(h, lo, hi);
}

/* Shifts of each type over the limit in pick: the total excess. */
static int over_limits(const struct problem *pb, int p, const size_t *pick,
		       int *count)
{
	const int *lim = pb->sc->staff[p].rules.max_shifts;
	int d, s, over = 0;

	memset(count, 0, pb->sc->n_shifts * sizeof(int));
	for (d = 0; d < pb->days; d++)
		if (pick[d] != ROSTER_NONE)
			count[pb->vars[pick[d]].s]++;
	for (s = 0; lim && s < (int)pb->sc->n_shifts; s++)
		if (lim[s] >= 0 && count[s] > lim[s])
			over += count[s] - lim[s];
	return over;
}

/*
 * The limits on shifts of a type are not in the state either: a price
 * per shift of each type over its limit (subgradient steps, doubling)
 * steers the rota under them, with the hours price searched again each
 * round.
 */
static int with_limits(struct dp *g, const double *price, double lo,
		       double hi, size_t *pick, unsigned tiebreak)
{
	const struct problem *pb = g->pb;
	const int *lim = pb->sc->staff[g->p].rules.max_shifts;
	size_t n = pb->n_vars, v, lo_v, hi_v;
	double *mu = calloc(pb->sc->n_shifts + 1, sizeof(double));
	double *pr = malloc((n + 1) * sizeof(double));
	int *count = malloc((pb->sc->n_shifts + 1) * sizeof(int));
	int round, s, rc = -1;

	if (!mu || !pr || !count)
		goto out;
	problem_person_vars(pb, g->p, &lo_v, &hi_v);
	for (round = 0; round < 30; round++) {
		/* Distinct tie-breaks below any whole-number cost difference,
		 * so that as the hours price moves, days change a few at a
		 * time instead of all at once. */
		for (v = lo_v; v < hi_v; v++)
			pr[v] = (price ? price[v] : 0) + mu[pb->vars[v].s] +
				(double)(((v + tiebreak * 7919u) * 2654435761u) %
					 1000) / 2000.0;
		rc = search_lambda(g, pr, lo, hi, pick);
		if (rc || !over_limits(pb, g->p, pick, count))
			goto out;
		for (s = 0; s < (int)pb->sc->n_shifts; s++)
			if (lim[s] >= 0 && count[s] > lim[s])
				mu[s] = mu[s] > 0 ? 2 * mu[s] : 1;
	}
	rc = 1;
out:
	free(mu);
	free(pr);
	free(count);
	return rc;
}

enum month_result month_pick(const struct problem *pb, int p,
			     const double *price, size_t *pick)
{
	const struct rules *ru = &pb->sc->staff[p].rules;
	struct dp g;
	double lo = ru->min_total_hours > 0 ? ru->min_total_hours : 0;
	double hi = measure_hours_cap(pb, p);
	int rc = MONTH_ENOMEM;
	unsigned tiebreak;

	memset(&g, 0, sizeof(g));
	if (setup(&g, pb, p, price, 0))
		goto out;
	/* Another set of tie-breaks may cross the gap in hours that one
	 * jumps over. */
	for (tiebreak = 0, rc = MONTH_NONE; rc == MONTH_NONE && tiebreak < 8;
	     tiebreak++)
		rc = with_limits(&g, price, lo, hi, pick, tiebreak);
	/* Prices far apart make the hours jump past the window as the
	 * hours price moves; without them the days change one by one. */
	for (tiebreak = 0; rc == MONTH_NONE && tiebreak < 4; tiebreak++)
		rc = with_limits(&g, NULL, lo, hi, pick, tiebreak);
out:
	release(&g);
	return (enum month_result)rc;
}

enum month_result month_person(const struct problem *pb, int p,
			       const double *price, struct roster *r)
{
	size_t *pick = malloc(((size_t)pb->days + 1) * sizeof(size_t));
	enum month_result rc = MONTH_ENOMEM;
	int d;

	if (pick && (rc = month_pick(pb, p, price, pick)) == MONTH_FOUND)
		for (d = 0; d < pb->days; d++)
			roster_set(r, p, d, pick[d]);
	free(pick);
	return rc;
}

struct month_dp {
	struct dp g;
};

struct month_dp *month_dp_new(const struct problem *pb, int p,
				  const double *price, int exact)
{
	struct month_dp *h = malloc(sizeof(*h));

	if (!h)
		return NULL;
	if (setup(&h->g, pb, p, price, exact)) {
		release(&h->g);
		free(h);
		return NULL;
	}
	h->g.price = price;
	return h;
}

int month_dp_solve(struct month_dp *h, double hour_price, size_t *pick,
		     double *value)
{
	struct dp *g = &h->g;
	double hours, v = 0;
	int d, rc = solve(g, -hour_price, g->price, &hours, pick);

	if (rc)
		return rc;
	for (d = 0; d < g->days; d++)
		if (pick[d] != ROSTER_NONE)
			v += g->price[pick[d]] +
			     hour_price * g->pb->vars[pick[d]].paid_hours;
	*value = v;
	return 0;
}

void month_dp_free(struct month_dp *h)
{
	if (!h)
		return;
	release(&h->g);
	free(h);
}

int month_dp_exact(const struct month_dp *h)
{
	return h->g.n_h > 1;
}

int month_dp_solve_window(struct month_dp *h, double least, double target,
			  double under, size_t *pick, double *value)
{
	struct dp *g = &h->g;
	double *tail = malloc((size_t)g->n_h * sizeof(double)), hours, v = 0;
	int d, l, rc;

	if (!tail)
		return -1;
	for (l = 0; l < g->n_h; l++) {
		double at = l * g->unit;

		tail[l] = at < least - 1e-9 ? HUGE_VAL
		        : at < target ? under * (target - at) : 0;
	}
	rc = solve_tail(g, 0, g->price, tail, &hours, pick);
	free(tail);
	if (rc)
		return rc;
	for (d = 0; d < g->days; d++)
		if (pick[d] != ROSTER_NONE)
			v += g->price[pick[d]];
	*value = v + (hours < target ? under * (target - hours) : 0);
	return 0;
}
