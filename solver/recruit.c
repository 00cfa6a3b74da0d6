#include "recruit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A post that would meet less than this (person-hours) is not worth a
 * post: a quarter of a shortest shift of the examples (7.5 h). */
#define MIN_VALUE 2.0
/* A smaller contract is chosen when it gives this share of what the
 * largest would (the batch may still want less). */
#define NEARLY 0.95

/* The simulation's state: cells still short, and scratch per day. */
struct sim {
	const struct problem *pb;
	int *shortage;        /* [n_cells]: people short */
	size_t *pick;         /* [days]: best var of a day, or ROSTER_NONE */
	double *val;          /* [days]: its short hours */
	int *order;           /* [days]: days by val, best first */
	double *sizes;        /* [n_staff]: contract sizes of one role */
};

static double var_value(const struct sim *s, size_t v)
{
	const struct problem *pb = s->pb;
	const struct var *x = &pb->vars[v];
	double h = 0;
	size_t i;

	for (i = 0; i < x->n_cells; i++) {
		size_t c = pb->var_cells[x->first_cell + i];

		if (s->shortage[c] > 0)
			h += pb->cells[c].hours;
	}
	return h;
}

/* s->pick and s->val: p's best own-role shift each day. */
static void best_days(struct sim *s, int p)
{
	const struct problem *pb = s->pb;
	int role = pb->sc->staff[p].role, d;
	size_t first, end, v;

	for (d = 0; d < pb->days; d++) {
		s->pick[d] = ROSTER_NONE;
		s->val[d] = 0;
		problem_day_vars(pb, p, d, &first, &end);
		for (v = first; v < end; v++) {
			double h;

			if (pb->people[p].opts[pb->vars[v].k].role != role)
				continue;
			h = var_value(s, v);
			if (h > s->val[d]) {
				s->val[d] = h;
				s->pick[d] = v;
			}
		}
	}
}

static const struct sim *sort_sim;

static int by_value(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	double vx = sort_sim->val[x], vy = sort_sim->val[y];

	if (vx != vy)
		return vx > vy ? -1 : 1;
	return x - y;
}

/* Sorts the days by value: qsort with a file-level pointer, as the
 * comparison needs the values (the calls are never concurrent: one
 * recruit runs at a time, on the main thread). */
static void sort_days(struct sim *s)
{
	int d;

	for (d = 0; d < s->pb->days; d++)
		s->order[d] = d;
	sort_sim = s;
	qsort(s->order, (size_t)s->pb->days, sizeof(*s->order), by_value);
	sort_sim = NULL;
}

/* The hours a post like p at `fte` may be paid over the horizon. */
static double hours_cap(const struct problem *pb, int p, double fte)
{
	const struct rules *ru = &pb->sc->staff[p].rules;

	return fte * ru->hours_per_fte_week * pb->days / 7.0 +
	       ru->contract_tolerance_hours;
}

/* Value of a post like p at `fte` from the sorted days; with `apply`,
 * its days stop counting as short. */
static double take_days(struct sim *s, int p, double fte, int apply)
{
	const struct problem *pb = s->pb;
	double cap = hours_cap(pb, p, fte), paid = 0, got = 0;
	int i;

	for (i = 0; i < pb->days; i++) {
		int d = s->order[i];
		size_t v = s->pick[d], j;

		if (v == ROSTER_NONE || s->val[d] <= 0)
			break;
		if (paid + pb->vars[v].paid_hours > cap)
			continue;
		paid += pb->vars[v].paid_hours;
		got += s->val[d];
		if (!apply)
			continue;
		for (j = 0; j < pb->vars[v].n_cells; j++) {
			size_t c = pb->var_cells[pb->vars[v].first_cell + j];

			if (s->shortage[c] > 0)
				s->shortage[c]--;
		}
	}
	return got;
}

/* The distinct contract sizes of p's role among the first n_like staff,
 * ascending, into s->sizes; how many. */
static size_t role_sizes(struct sim *s, size_t n_like, int role)
{
	const struct scenario *sc = s->pb->sc;
	size_t n = 0, q, i, j;

	for (q = 0; q < n_like; q++) {
		double f = sc->staff[q].fte;

		if (sc->staff[q].role != role)
			continue;
		for (i = 0; i < n && s->sizes[i] < f; i++)
			;
		if (i < n && s->sizes[i] == f)
			continue;
		for (j = n; j > i; j--)
			s->sizes[j] = s->sizes[j - 1];
		s->sizes[i] = f;
		n++;
	}
	return n;
}

static int off_days(const struct problem *pb, int p)
{
	int d, n = 0;

	for (d = 0; d < pb->days; d++)
		n += pb->people[p].off[d];
	return n;
}

static int same_rules(const struct rules *a, const struct rules *b,
		      size_t n_shifts)
{
	size_t s;

	if (a->min_rest_hours != b->min_rest_hours ||
	    a->weekly_rest_hours != b->weekly_rest_hours ||
	    a->weekly_rest_per_days != b->weekly_rest_per_days ||
	    a->max_days_in_a_row != b->max_days_in_a_row ||
	    a->min_days_in_a_row != b->min_days_in_a_row ||
	    a->min_days_off_in_a_row != b->min_days_off_in_a_row ||
	    a->max_nights_in_a_row != b->max_nights_in_a_row ||
	    a->max_avg_weekly_hours != b->max_avg_weekly_hours ||
	    a->hours_per_fte_week != b->hours_per_fte_week ||
	    a->contract_tolerance_hours != b->contract_tolerance_hours ||
	    a->max_weekends != b->max_weekends ||
	    a->weekend_window != b->weekend_window ||
	    a->min_total_hours != b->min_total_hours ||
	    a->max_total_hours != b->max_total_hours)
		return 0;
	if (!a->max_shifts || !b->max_shifts)
		return a->max_shifts == b->max_shifts;
	for (s = 0; s < n_shifts; s++)
		if (a->max_shifts[s] != b->max_shifts[s])
			return 0;
	return 1;
}

/* Whether q could stand for p: everything a post copies is the same. */
static int same_post(const struct scenario *sc, int p, int q)
{
	const struct staff *a = &sc->staff[p], *b = &sc->staff[q];

	return a->role == b->role && a->home == b->home &&
	       a->band == b->band &&
	       !memcmp(a->may_work, b->may_work, sc->n_neighbourhoods) &&
	       !memcmp(a->allowed, b->allowed, sc->n_shifts) &&
	       same_rules(&a->rules, &b->rules, sc->n_shifts);
}

/*
 * The staff a post may copy, one of each kind (same_post), the one with
 * fewest days off standing for its kind: the vars a copy would have are
 * that person's, and a day off has none.  Returns how many.
 */
static size_t kinds(const struct problem *pb, size_t n_like, int *like)
{
	size_t n = 0, p, i;

	for (p = 0; p < n_like; p++) {
		for (i = 0; i < n && !same_post(pb->sc, like[i], (int)p); i++)
			;
		if (i == n)
			like[n++] = (int)p;
		else if (off_days(pb, (int)p) < off_days(pb, like[i]))
			like[i] = (int)p;
	}
	return n;
}

/* The fte for a post like p: the smallest size nearly as good as the
 * largest, or as what is still wanted. */
static double choose_fte(struct sim *s, size_t n_like, int p, double want,
			 double *value)
{
	size_t n = role_sizes(s, n_like, s->pb->sc->staff[p].role), i;
	double full = take_days(s, p, s->sizes[n - 1], 0);
	double enough = fmin(want, NEARLY * full);

	for (i = 0; i + 1 < n; i++) {
		double v = take_days(s, p, s->sizes[i], 0);

		if (v >= enough) {
			*value = v;
			return s->sizes[i];
		}
	}
	*value = full;
	return s->sizes[n - 1];
}

/* The kind whose post, full size, meets most; -1 when none reaches
 * MIN_VALUE.  Leaves s's days for it. */
static int best_kind(struct sim *s, size_t n_like, const int *like,
		     size_t n_kinds)
{
	double best = MIN_VALUE;
	size_t i;
	int p = -1;

	for (i = 0; i < n_kinds; i++) {
		size_t n = role_sizes(s, n_like, s->pb->sc->staff[like[i]].role);
		double v;

		best_days(s, like[i]);
		sort_days(s);
		v = take_days(s, like[i], s->sizes[n - 1], 0);
		if (v > best) {
			best = v;
			p = like[i];
		}
	}
	if (p >= 0) {
		best_days(s, p);
		sort_days(s);
	}
	return p;
}

static int sim_setup(struct sim *s, const struct problem *pb,
		     const struct roster *r)
{
	size_t c, days = (size_t)pb->days + 1;

	s->pb = pb;
	s->shortage = calloc(pb->n_cells + 1, sizeof(*s->shortage));
	s->pick = calloc(days, sizeof(*s->pick));
	s->val = calloc(days, sizeof(*s->val));
	s->order = calloc(days, sizeof(*s->order));
	s->sizes = calloc(pb->sc->n_staff + 1, sizeof(*s->sizes));
	if (!s->shortage || !s->pick || !s->val || !s->order || !s->sizes)
		return -1;
	for (c = 0; c < pb->n_cells; c++)
		s->shortage[c] = pb->cells[c].required - r->on_duty[c];
	return 0;
}

static void sim_release(struct sim *s)
{
	free(s->shortage);
	free(s->pick);
	free(s->val);
	free(s->order);
	free(s->sizes);
}

int recruit_propose(const struct problem *pb, const struct roster *r,
		    size_t n_like, double hours, size_t max_posts,
		    struct recruit_pick *out, size_t *n_out,
		    double *simulated, struct rota_error *err)
{
	struct sim s = {0};
	int *like = calloc(n_like + 1, sizeof(*like));
	size_t n_kinds;
	int ret = -1;

	*n_out = 0;
	*simulated = 0;
	if (!like || sim_setup(&s, pb, r)) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto out;
	}
	n_kinds = kinds(pb, n_like, like);
	while (*n_out < max_posts && *simulated < hours) {
		int p = best_kind(&s, n_like, like, n_kinds);
		struct recruit_pick *k = &out[*n_out];

		if (p < 0)
			break;
		k->like = p;
		k->fte = choose_fte(&s, n_like, p, hours - *simulated, &k->value);
		k->band = pb->sc->staff[p].band;
		k->senior = 0;
		take_days(&s, p, k->fte, 1);
		*simulated += k->value;
		++*n_out;
	}
	ret = 0;
out:
	sim_release(&s);
	free(like);
	return ret;
}

/* The unit of a senior rule called `who` applying on `day`: the rule's
 * index, with *unit; -1 when none. */
static int senior_rule(const struct scenario *sc, const char *who, int day,
		       int *unit)
{
	unsigned wd = 1u << scenario_pattern_weekday(sc, day);
	size_t m, u;

	for (m = 0; m < sc->n_mix; m++) {
		const struct skill_mix *x = &sc->mix[m];

		if (x->type != MIX_SENIOR || !(x->days & wd))
			continue;
		for (u = 0; u < scenario_units(sc, x->scope); u++)
			if (!strcmp(scenario_unit_id(sc, x->scope, u), who)) {
				*unit = (int)u;
				return (int)m;
			}
	}
	return -1;
}

/* The first of the role's staff homed in the unit with band >= min (0:
 * any band); -1 when none. */
static int find_like(const struct scenario *sc, size_t n_like,
		     const struct skill_mix *x, int unit, int min)
{
	size_t q;

	for (q = 0; q < n_like; q++) {
		const struct staff *st = &sc->staff[q];

		if (st->role == x->role && st->band >= min &&
		    scenario_unit_of(sc, x->scope, st->home) == unit)
			return (int)q;
	}
	return -1;
}

int recruit_senior(const struct scenario *sc, size_t n_like, const char *who,
		   int day, struct recruit_pick *out)
{
	int unit, m = who ? senior_rule(sc, who, day, &unit) : -1, q;
	const struct skill_mix *x;

	if (m < 0)
		return -1;
	x = &sc->mix[m];
	q = find_like(sc, n_like, x, unit, x->min_band);
	if (q < 0)
		q = find_like(sc, n_like, x, unit, 0);
	if (q < 0)
		return -1;   /* a copy from elsewhere would not count here */
	out->like = q;
	out->fte = sc->staff[q].fte;
	out->band = sc->staff[q].band >= x->min_band ? sc->staff[q].band :
		    x->min_band;
	out->senior = 1;
	out->value = 0;
	return 0;
}

void recruit_post_hours(const struct problem *pb, const struct roster *r,
			int p, double *worked, double *covered)
{
	int d;

	*worked = roster_paid_hours(r, p);
	*covered = 0;
	for (d = 0; d < pb->days; d++) {
		size_t v = roster_get(r, p, d), i;

		if (v == ROSTER_NONE)
			continue;
		for (i = 0; i < pb->vars[v].n_cells; i++) {
			const struct cell *c =
				&pb->cells[pb->var_cells[pb->vars[v].first_cell + i]];
			int on = r->on_duty[c - pb->cells];

			if (c->required > 0 && on > 0)
				*covered += c->hours *
					    (on <= c->required ? 1.0 :
					     (double)c->required / on);
		}
	}
}
