#include "local_search.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "constraints.h"
#include "grow.h"
#include "month.h"
#include "rng.h"
#include "timer.h"

/* Price of an hour of unmet senior cover: above any soft cost, so the
 * search meets the hard rule whenever a move can. */
#define SENIOR_HOUR 1e7

/* Steering: paid hours priced at this share of uncovered_hour early on,
 * so the first rotas waste less of people's contract hours (0.4, from
 * the Stockport runs of the session that added it), for at most
 * STEER_FIFTHS fifths of the rounds (three, as the old clock-driven
 * phases used 60% of the time). */
#define STEER_HOUR 0.4
#define STEER_FIFTHS 3

static size_t below(struct search *s, size_t n)
{
	return rng_below(&s->rng, n);
}

/* Whether time is left; a phase that ends because none is marks the
 * run as cut, since what it left depends on the machine's speed. */
static int running(struct search *s)
{
	if (!timer_stop_requested() && timer_now() < s->deadline)
		return 1;
	s->cut = 1;
	return 0;
}

static void set_hour_price(struct search *s, double mu)
{
	s->hour_price = mu;
	s->steered = s->objective + mu * s->paid;
}

static void shuffle(struct search *s, size_t *a, size_t n)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j = below(s, i), t = a[i - 1];

		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* ---- skill-mix bookkeeping ---- */

static int add_cell_rule(void *ctx, size_t rule, int unit, int day,
			 size_t cell, size_t per_cell)
{
	struct search *s = ctx;
	const struct skill_mix *m = &s->pb->sc->mix[rule];

	(void)unit;
	(void)day;
	if (m->type == MIX_SENIOR) {
		if (m->count <= 0)
			return 0;
		if (grow(&s->needs, &s->cap_needs, s->n_needs + 1,
			 sizeof(*s->needs)))
			return -1;
		s->needs[s->n_needs++] = (struct need){cell, (int)rule, m->count, 0};
		return 0;
	}
	if (grow(&s->pairs, &s->cap_pairs, s->n_pairs + 1, sizeof(*s->pairs)))
		return -1;
	s->pairs[s->n_pairs++] = (struct pair){cell, per_cell, m->at_most};
	return 0;
}

/* Cells an item (need or pair) watches: up to two. */
static size_t need_cell(const struct search *s, size_t i, int which)
{
	return which ? (size_t)-1 : s->needs[i].cell;
}

static size_t pair_cell(const struct search *s, size_t i, int which)
{
	const struct pair *pr = &s->pairs[i];

	if (!which)
		return pr->role_cell;
	return pr->per_cell == pr->role_cell ? (size_t)-1 : pr->per_cell;
}

/* Cell -> items, as first[cell] .. first[cell + 1] into ids. */
static int index_by_cell(const struct search *s, size_t n,
			 size_t (*cell_of)(const struct search *, size_t, int),
			 size_t **first, size_t **ids)
{
	size_t n_cells = s->pb->n_cells, i, *fill;
	int w;

	*first = calloc(n_cells + 2, sizeof(size_t));
	*ids = malloc((2 * n + 1) * sizeof(size_t));
	fill = calloc(n_cells + 1, sizeof(size_t));
	if (!*first || !*ids || !fill) {
		free(fill);
		return -1;
	}
	for (i = 0; i < n; i++)
		for (w = 0; w < 2; w++)
			if (cell_of(s, i, w) != (size_t)-1)
				(*first)[cell_of(s, i, w) + 1]++;
	for (i = 0; i < n_cells; i++)
		(*first)[i + 1] += (*first)[i];
	for (i = 0; i < n; i++)
		for (w = 0; w < 2; w++) {
			size_t c = cell_of(s, i, w);

			if (c != (size_t)-1)
				(*ids)[(*first)[c] + fill[c]++] = i;
		}
	free(fill);
	return 0;
}

int search_setup(struct search *s, const struct problem *pb, uint64_t seed,
		 struct rota_error *err)
{
	size_t p;

	memset(s, 0, sizeof(*s));
	s->pb = pb;
	s->rng = seed;
	if (roster_setup(&s->r, pb, NULL))
		goto oom;
	if (skill_mix_cells(pb, add_cell_rule, s, err)) {
		search_release(s);
		return -1;
	}
	if (index_by_cell(s, s->n_needs, need_cell, &s->cell_need_first,
			  &s->cell_needs) ||
	    index_by_cell(s, s->n_pairs, pair_cell, &s->cell_pair_first,
			  &s->cell_pairs))
		goto oom;
	s->person_cost = calloc(pb->sc->n_staff + 1, sizeof(double));
	if (!s->person_cost)
		goto oom;
	for (p = 0; p < pb->sc->n_staff; p++) {
		s->person_cost[p] = constraints_person_cost_local(pb, &s->r, (int)p);
		s->objective += s->person_cost[p];
	}
	for (p = 0; p < s->n_needs; p++)
		s->objective += SENIOR_HOUR * s->needs[p].count *
				cell_hours(&pb->cells[s->needs[p].cell]);
	s->objective += constraints_global_cost(pb, &s->r);
	s->steered = s->objective;
	s->steer_fifths = STEER_FIFTHS;
	return 0;
oom:
	search_release(s);
	return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
}

void search_release(struct search *s)
{
	roster_release(&s->r);
	free(s->needs);
	free(s->cell_need_first);
	free(s->cell_needs);
	free(s->pairs);
	free(s->cell_pair_first);
	free(s->cell_pairs);
	free(s->person_cost);
	memset(s, 0, sizeof(*s));
}

/* ---- moves ---- */

/* What a slot (person x days + day) held before a compound move. */
struct saved {
	size_t slot;
	size_t var;
};

/* Change in coverage and senior cost when var v comes (dir +1) or goes
 * (dir -1), with the counts as they are before the change. */
static double var_delta(struct search *s, size_t v, int dir)
{
	const struct problem *pb = s->pb;
	const struct var *x = &pb->vars[v];
	double d = 0;
	size_t i, j;

	for (i = 0; i < x->n_cells; i++) {
		size_t c = pb->var_cells[x->first_cell + i];
		const struct cell *ce = &pb->cells[c];
		int n = s->r.on_duty[c];
		double h = cell_hours(ce);

		if (ce->required > 0 || ce->over_cost > 0) {
			if (dir > 0)
				d += n < ce->required ? -ce->under_cost
						      : ce->over_cost;
			else
				d += n <= ce->required ? ce->under_cost
						       : -ce->over_cost;
		}
		for (j = s->cell_need_first[c]; j < s->cell_need_first[c + 1];
		     j++) {
			struct need *nd = &s->needs[s->cell_needs[j]];

			if (!skill_mix_is_senior(pb, &pb->sc->mix[nd->rule], v))
				continue;
			if (dir > 0 && nd->have < nd->count)
				s->senior_delta -= SENIOR_HOUR * h;
			if (dir < 0 && nd->have <= nd->count)
				s->senior_delta += SENIOR_HOUR * h;
			nd->have += dir;
		}
	}
	return d;
}

/*
 * Sets what p works on d, keeping every count and cost up to date, and
 * returns the change in the steered objective (the objective plus
 * hour_price per paid hour).  Legality is the caller's business (see
 * legal()).  `known`: p's own costs after the change when the caller
 * knows them, NAN to work them out.
 */
static double apply_as(struct search *s, int p, int d, size_t nv,
		       double known)
{
	size_t ov = roster_get(&s->r, p, d);
	double delta = 0, pc, dpaid;

	if (ov == nv)
		return 0;
	s->senior_delta = 0;
	if (ov != ROSTER_NONE) {
		delta += var_delta(s, ov, -1);
		roster_set(&s->r, p, d, ROSTER_NONE);
	}
	if (nv != ROSTER_NONE) {
		delta += var_delta(s, nv, +1);
		roster_set(&s->r, p, d, nv);
	}
	pc = isnan(known) ? constraints_person_cost_local(s->pb, &s->r, p)
			  : known;
	delta += pc - s->person_cost[p] + s->senior_delta;
	s->person_cost[p] = pc;
	s->objective += delta;
	dpaid = (nv == ROSTER_NONE ? 0 : s->pb->vars[nv].paid_hours) -
		(ov == ROSTER_NONE ? 0 : s->pb->vars[ov].paid_hours);
	s->paid += dpaid;
	delta += s->hour_price * dpaid;
	s->steered += delta;
	s->moves++;
	return s->senior_first ? s->senior_delta : delta;
}

static double apply(struct search *s, int p, int d, size_t nv)
{
	return apply_as(s, p, d, nv, NAN);
}

static int pairs_ok(const struct search *s, size_t v)
{
	const struct problem *pb = s->pb;
	const struct var *x;
	size_t i, j;

	if (v == ROSTER_NONE)
		return 1;
	x = &pb->vars[v];
	for (i = 0; i < x->n_cells; i++) {
		size_t c = pb->var_cells[x->first_cell + i];

		for (j = s->cell_pair_first[c]; j < s->cell_pair_first[c + 1];
		     j++) {
			const struct pair *pr = &s->pairs[s->cell_pairs[j]];
			int per = pr->per_cell == (size_t)-1
					  ? 0 : s->r.on_duty[pr->per_cell];

			if (s->r.on_duty[pr->role_cell] > pr->at_most * per + 1e-9)
				return 0;
		}
	}
	return 1;
}

/* Whether p's rota keeps every rule, and the ratio rules around the
 * vars that changed. */
static int legal(const struct search *s, int p, size_t v1, size_t v2)
{
	return pairs_ok(s, v1) && pairs_ok(s, v2) &&
	       !constraints_check_person(s->pb, &s->r, p, NULL);
}

double search_set(struct search *s, int p, int d, size_t v, double known)
{
	return apply_as(s, p, d, v, known);
}

int search_ratio_ok(const struct search *s, size_t v)
{
	return pairs_ok(s, v);
}

void search_price_month(struct search *s, int p, double *price,
			unsigned char *breaks)
{
	const struct problem *pb = s->pb;
	size_t first, end, v;
	double empty;
	int d;

	problem_person_vars(pb, p, &first, &end);
	for (d = 0; d < pb->days; d++)
		apply(s, p, d, ROSTER_NONE);
	/* Back to the empty month, whose cost is known: half the person
	 * costs to work out. */
	empty = s->person_cost[p];
	for (v = first; v < end; v++) {
		price[v] = apply(s, p, pb->vars[v].d, v);
		if (breaks)
			breaks[v] = !pairs_ok(s, v);
		apply_as(s, p, pb->vars[v].d, ROSTER_NONE, empty);
	}
}

/* Best legal change of what p works on d; applied if it improves. */
static int improve_day(struct search *s, int p, int d)
{
	const struct problem *pb = s->pb;
	size_t first, end, i, cur = roster_get(&s->r, p, d);
	size_t best = cur;
	double best_delta = -1e-7;

	if (pb->people[p].off[d])
		return 0;
	problem_day_vars(pb, p, d, &first, &end);
	for (i = first; i <= end; i++) {
		size_t cand = i == end ? ROSTER_NONE : i;
		double delta;

		if (cand == cur)
			continue;
		delta = apply(s, p, d, cand);
		if (delta < best_delta && legal(s, p, cand, cur)) {
			best_delta = delta;
			best = cand;
		}
		apply(s, p, d, cur);
	}
	if (best == cur)
		return 0;
	apply(s, p, d, best);
	return 1;
}

/* Passes of improve_day over the given (person, day) slots, in a fresh
 * random order each pass, until a pass changes nothing. */
static int descend(struct search *s, size_t *slots, size_t n)
{
	int any = 0, changed = 1;
	size_t i, days = (size_t)s->pb->days;

	while (changed && running(s)) {
		changed = 0;
		shuffle(s, slots, n);
		for (i = 0; i < n; i++)
			changed |= improve_day(s, (int)(slots[i] / days),
					       (int)(slots[i] % days));
		any |= changed;
	}
	return any;
}

/* Moves one of p's shifts to another day, when that helps. */
static int shift_day(struct search *s, int p)
{
	const struct problem *pb = s->pb;
	int d1 = (int)below(s, (size_t)pb->days), d2;
	size_t v1 = roster_get(&s->r, p, d1), first, end, i;
	double out;

	if (v1 == ROSTER_NONE)
		return 0;
	out = apply(s, p, d1, ROSTER_NONE);
	for (d2 = 0; d2 < pb->days; d2++) {
		if (d2 == d1 || roster_get(&s->r, p, d2) != ROSTER_NONE ||
		    pb->people[p].off[d2])
			continue;
		problem_day_vars(pb, p, d2, &first, &end);
		for (i = first; i < end; i++) {
			double in = apply(s, p, d2, i);

			if (out + in < -1e-7 && legal(s, p, i, v1))
				return 1;
			apply(s, p, d2, ROSTER_NONE);
		}
	}
	apply(s, p, d1, v1);
	return 0;
}

/* ---- one person's whole rota ---- */

/*
 * Person p's best answer to everyone else, applied: p's days cleared,
 * each of p's vars priced at what it alone would change (coverage,
 * senior cover, p's own costs, the hour price), and the cheapest rota
 * under p's sequence rules found by dynamic programming (pattern.h).
 * Whether it keeps every rule: p's own, exactly (the dynamic program
 * leaves weekly rest and the exact hours out), and the ratio rules
 * around every shift changed.  The caller keeps it or restores `saved`.
 */
static int reroster_apply(struct search *s, int p, const size_t *saved,
			  size_t *pick, double *price)
{
	const struct problem *pb = s->pb;
	int d, ok = 1;

	search_price_month(s, p, price, NULL);
	if (month_pick(pb, p, price, pick) != MONTH_FOUND)
		ok = 0;
	for (d = 0; ok && d < pb->days; d++)
		apply(s, p, d, pick[d]);
	for (d = 0; ok && d < pb->days; d++)
		ok = pairs_ok(s, saved[d]) && pairs_ok(s, pick[d]);
	return ok && !constraints_check_person(pb, &s->r, p, NULL);
}

static void save_person(const struct search *s, int p, size_t *saved)
{
	int d;

	for (d = 0; d < s->pb->days; d++)
		saved[d] = roster_get(&s->r, p, d);
}

static void restore_person(struct search *s, int p, const size_t *saved)
{
	int d;

	for (d = 0; d < s->pb->days; d++)
		apply(s, p, d, saved[d]);
}

static int reroster(struct search *s, int p, size_t *saved, size_t *pick,
		    double *price)
{
	double before = s->steered;

	save_person(s, p, saved);
	if (reroster_apply(s, p, saved, pick, price) &&
	    s->steered < before - 1e-7)
		return 1;
	restore_person(s, p, saved);
	return 0;
}

/*
 * An ejection chain of two: person q, if free on a day and with the
 * hours to spare, takes over a shift b works (the same shift, place and
 * role, so the same cover), and b's whole rota is made again (reroster),
 * free to use the day and hours released where cover is short.  Neither
 * step helps alone: q's shift duplicates b's, and b cannot leave it
 * uncovered.
 */
static int transfer(struct search *s, int q, size_t *saved, size_t *pick,
		    double *price)
{
	const struct problem *pb = s->pb;
	int e = (int)below(s, (size_t)pb->days), b;
	size_t first, end, u, w, c, i, n = 0, cand[64][2];
	double before = s->steered;

	if (pb->people[q].off[e] || roster_get(&s->r, q, e) != ROSTER_NONE)
		return 0;
	problem_day_vars(pb, q, e, &first, &end);
	for (u = first; u < end; u++) {
		const struct var *x = &pb->vars[u];

		if (!x->n_cells)
			continue;
		c = pb->var_cells[x->first_cell];
		for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1] &&
		     n < 64; i++) {
			const struct var *y = &pb->vars[w = pb->cell_vars[i]];
			const struct option *ox = &pb->people[q].opts[x->k];
			const struct option *oy = &pb->people[y->p].opts[y->k];

			if (y->d == e && y->s == x->s && y->p != q &&
			    ox->nbhd == oy->nbhd && ox->role == oy->role &&
			    roster_get(&s->r, y->p, e) == w) {
				cand[n][0] = u;
				cand[n++][1] = w;
			}
		}
	}
	if (!n)
		return 0;
	i = below(s, n);
	u = cand[i][0];
	b = pb->vars[cand[i][1]].p;
	apply(s, q, e, u);
	if (!legal(s, q, u, ROSTER_NONE)) {
		apply(s, q, e, ROSTER_NONE);
		return 0;
	}
	save_person(s, b, saved);
	if (reroster_apply(s, b, saved, pick, price) &&
	    s->steered < before - 1e-7)
		return 1;
	restore_person(s, b, saved);
	apply(s, q, e, ROSTER_NONE);
	return 0;
}

/* ---- repairing senior cover ---- */

/*
 * Puts senior person p on var v, clearing p's other days nearest first
 * until p's rota is legal again.  Kept if unmet senior cover does not
 * grow (sideways moves let the shortage travel to where someone can
 * meet it: min-conflicts); undone otherwise.
 */
static int try_senior(struct search *s, size_t v, size_t *saved)
{
	const struct problem *pb = s->pb;
	int p = pb->vars[v].p, d0 = pb->vars[v].d, k, d, ok;
	double before = search_senior_short(s);

	save_person(s, p, saved);
	apply(s, p, d0, v);
	ok = legal(s, p, v, saved[d0]);
	for (k = 1; !ok && k < pb->days; k++)
		for (d = d0 - k; d <= d0 + k && !ok; d += 2 * k) {
			if (d < 0 || d >= pb->days || saved[d] == ROSTER_NONE)
				continue;
			apply(s, p, d, ROSTER_NONE);
			ok = legal(s, p, v, saved[d]);
		}
	/* legal() looked at the ratio cells of the last day cleared only:
	 * a shift taken off earlier may have left a ratio short. */
	for (d = 0; ok && d < pb->days; d++)
		ok = roster_get(&s->r, p, d) == saved[d] || pairs_ok(s, saved[d]);
	if (ok && search_senior_short(s) <= before + 1e-9)
		return 1;
	restore_person(s, p, saved);
	return 0;
}

static void repair_need(struct search *s, size_t n, size_t *saved)
{
	const struct problem *pb = s->pb;
	const struct need *nd = &s->needs[n];
	const struct skill_mix *m = &pb->sc->mix[nd->rule];
	size_t first = pb->cell_var_first[nd->cell];
	size_t count = pb->cell_var_first[nd->cell + 1] - first, k, tries;

	for (tries = 0; nd->have < nd->count && tries < count; tries++) {
		size_t v = pb->cell_vars[first + below(s, count)];

		k = roster_get(&s->r, pb->vars[v].p, pb->vars[v].d);
		if (skill_mix_is_senior(pb, m, v) && k != v)
			try_senior(s, v, saved);
	}
}

static void repair_seniors(struct search *s)
{
	size_t *saved = malloc(((size_t)s->pb->days + 1) * sizeof(size_t));
	size_t *order = malloc((s->n_needs + 1) * sizeof(size_t));
	size_t n, round;

	if (!saved || !order)
		goto out;
	for (n = 0; n < s->n_needs; n++)
		order[n] = n;
	for (round = 0; round < 30 && search_senior_short(s) > 0 &&
			running(s); round++) {
		shuffle(s, order, s->n_needs);
		for (n = 0; n < s->n_needs; n++)
			if (s->needs[order[n]].have < s->needs[order[n]].count)
				repair_need(s, order[n], saved);
	}
out:
	free(saved);
	free(order);
}

/* ---- ruin and recreate ---- */

/* Clears the people of one neighbourhood over a few days and refills
 * greedily; kept if the rota is legal and no worse, undone otherwise. */
static int ruin_recreate(struct search *s, size_t *slots, struct saved *sv)
{
	const struct problem *pb = s->pb;
	const struct scenario *sc = pb->sc;
	size_t days = (size_t)pb->days, n = 0, i, p;
	int home = sc->staff[below(s, sc->n_staff)].home;
	int len = 3 + (int)below(s, 5);
	int d0 = (int)below(s, days), d, ok = 1;
	double before = s->steered;

	for (p = 0; p < sc->n_staff; p++) {
		if (sc->staff[p].home != home)
			continue;
		for (d = d0; d < d0 + len && d < pb->days; d++) {
			if (pb->people[p].off[d])
				continue;
			slots[n] = p * days + (size_t)d;
			sv[n].slot = slots[n];
			sv[n].var = roster_get(&s->r, (int)p, d);
			n++;
		}
	}
	for (i = 0; i < n; i++)
		apply(s, (int)(sv[i].slot / days), (int)(sv[i].slot % days),
		      ROSTER_NONE);
	descend(s, slots, n);
	for (i = 0; i < n && ok; i++) {
		int pp = (int)(sv[i].slot / days), dd = (int)(sv[i].slot % days);

		ok = legal(s, pp, roster_get(&s->r, pp, dd), sv[i].var);
	}
	if (ok && s->steered <= before + 1e-7)
		return s->steered < before - 1e-7;
	for (i = 0; i < n; i++)
		apply(s, (int)(sv[i].slot / days), (int)(sv[i].slot % days),
		      sv[i].var);
	return 0;
}

static size_t all_slots(const struct search *s, size_t *slots)
{
	const struct problem *pb = s->pb;
	size_t days = (size_t)pb->days, n = 0, p;

	for (p = 0; p < pb->sc->n_staff * days; p++)
		if (!pb->people[p / days].off[p % days])
			slots[n++] = p;
	return n;
}

void search_seniors(struct search *s, double deadline)
{
	const struct problem *pb = s->pb;
	size_t *slots = malloc((pb->sc->n_staff * (size_t)pb->days + 1) *
			       sizeof(size_t));

	if (!slots || !s->n_needs) {
		free(slots);
		return;
	}
	s->deadline = deadline;
	/* Senior cover first, on its own: once met, the full objective
	 * prices breaking it far above anything else, so it stays met. */
	s->senior_first = 1;
	descend(s, slots, all_slots(s, slots));
	if (search_senior_short(s) > 0)
		repair_seniors(s);
	s->senior_first = 0;
	free(slots);
}

void search_load(struct search *s, const struct roster *r)
{
	const struct problem *pb = s->pb;
	size_t p;
	int d;

	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++)
			apply(s, (int)p, d, roster_get(r, (int)p, d));
}

double search_senior_short(const struct search *s)
{
	double h = 0;
	size_t i;

	for (i = 0; i < s->n_needs; i++)
		if (s->needs[i].have < s->needs[i].count)
			h += (s->needs[i].count - s->needs[i].have) *
			     cell_hours(&s->pb->cells[s->needs[i].cell]);
	return h;
}

/* Everyone's month remade once, in random order, where steering ends:
 * the hours it freed are filled month by month before day by day
 * (Stockport, seeds 1-3 at 60 s: 1.754 M against 1.765 M on average, a
 * small gain next to the few per cent runs differ by). */
static void sweep(struct search *s, size_t *saved, size_t *pick,
		  double *price)
{
	size_t n = s->pb->sc->n_staff, i;
	size_t *order = malloc((n + 1) * sizeof(size_t));

	if (!order)
		return;
	for (i = 0; i < n; i++)
		order[i] = i;
	shuffle(s, order, n);
	for (i = 0; i < n && running(s); i++)
		reroster(s, (int)order[i], saved, pick, price);
	free(order);
}

/* One round of the improvement loop; non-zero when a move helped. */
static int round_of_moves(struct search *s, size_t *slots, struct saved *sv,
			  size_t *saved, size_t *pick, double *price)
{
	size_t n_staff = s->pb->sc->n_staff, i;
	int better = ruin_recreate(s, slots, sv);

	if (!n_staff)
		return better;
	better |= reroster(s, (int)below(s, n_staff), saved, pick, price);
	for (i = 0; i < 16; i++)
		better |= transfer(s, (int)below(s, n_staff), saved, pick, price);
	for (i = 0; i < 4; i++)
		better |= shift_day(s, (int)below(s, n_staff));
	return better;
}

/*
 * A shake where the moves have stalled: everyone's month remade once
 * while paid hours carry a random price (a quarter to the whole of the
 * steering price), then once more at the objective's own prices, so
 * the rota leaves its local minimum by whole months and settles again.
 */
static void shake(struct search *s, size_t *slots, size_t n, size_t *saved,
		  size_t *pick, double *price)
{
	double u = 0.25 + 0.75 * (double)below(s, 1000) / 1000.0;

	set_hour_price(s, u * STEER_HOUR * s->pb->sc->weights.uncovered_hour);
	sweep(s, saved, pick, price);
	set_hour_price(s, 0);
	sweep(s, saved, pick, price);
	descend(s, slots, n);
}

void search_run(struct search *s, double deadline, long work,
		int (*check)(void *ctx, const struct search *s), void *ctx)
{
	const struct problem *pb = s->pb;
	size_t n_staff = pb->sc->n_staff, days = (size_t)pb->days, n;
	size_t *slots = malloc((n_staff * days + 1) * sizeof(size_t));
	struct saved *sv = malloc((n_staff * days + 1) * sizeof(*sv));
	size_t *saved = malloc((days + 1) * sizeof(size_t));
	size_t *pick = malloc((days + 1) * sizeof(size_t));
	double *price = malloc((pb->n_vars + 1) * sizeof(double));
	long idle = 0, max_idle = 200 + 5 * (long)n_staff;
	struct roster best;
	double best_obj = HUGE_VAL;
	int have_best = !roster_setup(&best, pb, NULL);

	s->deadline = deadline;
	s->rounds = 0;
	if (!slots || !sv || !saved || !pick || !price || !have_best)
		goto out;
	n = all_slots(s, slots);
	if (s->steer_fifths > 0)
		set_hour_price(s, STEER_HOUR * pb->sc->weights.uncovered_hour);
	descend(s, slots, n);
	while (s->rounds < work && running(s)) {
		if (s->hour_price > 0 &&
		    (idle >= max_idle / 4 || s->rounds >= work / 5 * s->steer_fifths)) {
			/* Steering done: from here on, the objective itself. */
			set_hour_price(s, 0);
			sweep(s, saved, pick, price);
			descend(s, slots, n);
			idle = 0;
		} else if (idle >= max_idle) {
			if (s->objective < best_obj - 1e-7) {
				best_obj = s->objective;
				roster_copy(&best, &s->r);
			}
			shake(s, slots, n, saved, pick, price);
			idle = 0;
		}
		idle = round_of_moves(s, slots, sv, saved, pick, price) ? 0
									 : idle + 1;
		s->rounds++;
		if (check && s->rounds % SEARCH_CHECK_ROUNDS == 0 &&
		    s->rounds < work && check(ctx, s))
			break;
	}
	set_hour_price(s, 0);
	if (s->objective > best_obj + 1e-7)
		search_load(s, &best);
	if (check)
		check(ctx, s);
out:
	if (have_best)
		roster_release(&best);
	free(slots);
	free(sv);
	free(saved);
	free(pick);
	free(price);
}
