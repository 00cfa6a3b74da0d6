#include "refill.h"

#include <math.h>
#include <stdlib.h>

#include "constraints.h"
#include "measure.h"
#include "month.h"
#include "reference.h"
#include "timer.h"

/*
 * Months remade at most.  Stockport's sick-leave case (issue 16's
 * benchmark: 21 cells, 4 moves kept) remakes 11,292 in about 10 s on
 * the project's loaded 2-core machine, the last pass finding nothing;
 * the cap is about three times that, so a larger re-roster cannot spend
 * minutes here.
 */
#define REFILL_MAX_TRIES 30000L

/* People one move remakes at most: the refill, the ratio's partner and
 * whoever takes over a shift either had to leave. */
#define REFILL_PEOPLE 3

struct refill {
	struct search *s;
	const struct problem *pb;
	size_t *cells, n_cells;    /* the cells of shifts the start left out */
	int moved[REFILL_PEOPLE];  /* the people of the move so far */
	size_t *saved[REFILL_PEOPLE];  /* their months before it */
	int n_moved;
	size_t *pick;
	double *price;             /* [n_vars] */
	unsigned char *breaks;     /* [n_vars]: v alone breaks a ratio */
	long *seen[REFILL_PEOPLE]; /* [n_vars]: the epoch a var was last
	                              tried in, per place in the move */
	long epoch[REFILL_PEOPLE];
	double pull;               /* price pulling the wanted shift in */
	double cost;               /* constraints_cost of s->r */
	double best, best_short;   /* the best move found for a cell: its
	                              cost and uncovered hours */
	int best_n, best_who[REFILL_PEOPLE];  /* its people */
	size_t *best_month[REFILL_PEOPLE];    /* and their months */
	long tries;
};

/* Whether the start left reference assignment a out. */
static int left_out(const struct ref_assignment *a)
{
	return a->dropped || a->unfrozen;
}

int refill_wanted(const struct problem *pb)
{
	const struct reference *ref = pb->sc->reference;
	size_t i;

	for (i = 0; ref && i < ref->n; i++)
		if (left_out(&ref->a[i]))
			return 1;
	return 0;
}

/* Whether var v works the shift, place and role reference assignment a
 * worked (on whichever person). */
static int works_as(const struct problem *pb, size_t v,
		    const struct ref_assignment *a)
{
	const struct var *x = &pb->vars[v];
	const struct option *o = &pb->people[x->p].opts[x->k];

	return x->d == a->day && x->s == a->s &&
	       (a->n < 0 || o->nbhd == a->n) && (a->r < 0 || o->role == a->r);
}

/* Marks the cells a's shift covers, whoever works it. */
static void mark_cells(const struct problem *pb,
		       const struct ref_assignment *a, char *mark)
{
	size_t q, first, end, v, i;

	for (q = 0; q < pb->sc->n_staff; q++) {
		problem_day_vars(pb, (int)q, a->day, &first, &end);
		for (v = first; v < end; v++)
			for (i = 0; works_as(pb, v, a) &&
			     i < pb->vars[v].n_cells; i++)
				mark[pb->var_cells[pb->vars[v].first_cell + i]] = 1;
	}
}

/* f->cells: the cells with required cover of every shift the start
 * left out, in index order. */
static int find_cells(struct refill *f)
{
	const struct problem *pb = f->pb;
	const struct reference *ref = pb->sc->reference;
	char *mark = calloc(pb->n_cells + 1, 1);
	size_t i;

	f->cells = malloc((pb->n_cells + 1) * sizeof(size_t));
	if (!mark || !f->cells) {
		free(mark);
		return -1;
	}
	for (i = 0; i < ref->n; i++)
		if (left_out(&ref->a[i]) && ref->a[i].day >= 0 &&
		    ref->a[i].day < pb->days && ref->a[i].s >= 0)
			mark_cells(pb, &ref->a[i], mark);
	for (i = 0; i < pb->n_cells; i++)
		if (mark[i] && pb->cells[i].required > 0)
			f->cells[f->n_cells++] = i;
	free(mark);
	return 0;
}

static int is_short(const struct refill *f, size_t c)
{
	return f->s->r.on_duty[c] < f->pb->cells[c].required;
}

/* Whether time and the budget are left; the clock or a stop cutting
 * the phase marks the run as cut, as the search does. */
static int running(struct refill *f)
{
	if (f->tries >= REFILL_MAX_TRIES)
		return 0;
	if (!timer_stop_requested() && timer_now() < f->s->deadline)
		return 1;
	f->s->cut = 1;
	return 0;
}

/* Whether var v could be tried as the next step of the move: its
 * person not yet moved, not working it already, the day neither off nor
 * pinned or frozen, and v not tried yet at this step. */
static int candidate(const struct refill *f, size_t v)
{
	const struct var *x = &f->pb->vars[v];
	int i;

	for (i = 0; i < f->n_moved; i++)
		if (f->moved[i] == x->p)
			return 0;
	return f->seen[f->n_moved][v] != f->epoch[f->n_moved] &&
	       roster_get(&f->s->r, x->p, x->d) != v &&
	       !f->pb->people[x->p].off[x->d] &&
	       !staff_fixed(&f->pb->sc->staff[x->p], x->d);
}

static void restore(struct refill *f, int p, const size_t *saved)
{
	int d;

	for (d = 0; d < f->pb->days; d++)
		search_set(f->s, p, d, saved[d], NAN);
}

/* The last person moved back to their month before the move. */
static void undo(struct refill *f)
{
	f->n_moved--;
	restore(f, f->moved[f->n_moved], f->saved[f->n_moved]);
}

/*
 * The next step of the move: u's person's month remade as the best
 * answer to everyone else with u in it.  Each var is priced at what it
 * alone changes from the empty month (so the reference's days cost
 * weights.change to leave, as in the search), u pulled in by f->pull.
 * 1 applied, 0 when no month of the person's sequence rules has u (the
 * month as it was), -1 out of memory.
 */
static int step(struct refill *f, size_t u)
{
	struct search *s = f->s;
	const struct problem *pb = f->pb;
	int p = pb->vars[u].p, d;
	size_t first, end, v, *saved = f->saved[f->n_moved];
	enum month_result rc;

	f->seen[f->n_moved][u] = f->epoch[f->n_moved];
	f->tries++;
	for (d = 0; d < pb->days; d++)
		saved[d] = roster_get(&s->r, p, d);
	search_price_month(s, p, f->price, f->breaks);
	/* The program knows no ratio: a shift that breaks one as things
	 * stand is priced out, but for u, which a partner may make legal. */
	problem_person_vars(pb, p, &first, &end);
	for (v = first; v < end; v++)
		if (v == u)
			f->price[v] -= f->pull;
		else if (f->breaks[v])
			f->price[v] = f->pull;
	rc = month_pick(pb, p, f->price, f->pick);
	if (rc != MONTH_FOUND || f->pick[pb->vars[u].d] != u) {
		restore(f, p, saved);
		return rc == MONTH_ENOMEM ? -1 : 0;
	}
	for (d = 0; d < pb->days; d++)
		search_set(s, p, d, f->pick[d], NAN);
	f->moved[f->n_moved++] = p;
	return 1;
}

/* Whether the ratios around every day of p changed since `saved`
 * hold. */
static int ratios_ok(const struct refill *f, int p, const size_t *saved)
{
	int d;

	for (d = 0; d < f->pb->days; d++) {
		size_t v = roster_get(&f->s->r, p, d);

		if (v != saved[d] && (!search_ratio_ok(f->s, v) ||
				      !search_ratio_ok(f->s, saved[d])))
			return 0;
	}
	return 1;
}

/* Whether the move made pays: the search's objective and then the
 * whole one down, the ratios around it held (extend has checked each
 * person's own rules).  The best of the cell's so far is remembered. */
static int pays(struct refill *f, double before)
{
	double c, h;
	int i, d;

	if (f->s->objective >= before - 1e-7)
		return 0;
	for (i = 0; i < f->n_moved; i++)
		if (!ratios_ok(f, f->moved[i], f->saved[i]))
			return 0;
	c = constraints_cost(f->pb, &f->s->r);
	if (c >= f->cost - 1e-7)
		return 0;
	h = measure_uncovered_hours(f->pb, &f->s->r);
	if (h < f->best_short - 1e-9 ||
	    (h < f->best_short + 1e-9 && c < f->best - 1e-7)) {
		f->best = c;
		f->best_short = h;
		f->best_n = f->n_moved;
		for (i = 0; i < f->n_moved; i++) {
			f->best_who[i] = f->moved[i];
			for (d = 0; d < f->pb->days; d++)
				f->best_month[i][d] = roster_get(&f->s->r,
								 f->moved[i], d);
		}
	}
	return 1;
}

/* Whether a ratio ties var w to var u: w fills the role a ratio limits
 * in a cell where u fills the role it is counted per. */
static int tied(const struct refill *f, size_t u, size_t w)
{
	const struct search *s = f->s;
	const struct problem *pb = f->pb;
	const struct var *x = &pb->vars[w], *y = &pb->vars[u];
	size_t i, j, k;

	for (i = 0; i < x->n_cells; i++) {
		size_t c = pb->var_cells[x->first_cell + i];

		for (j = s->cell_pair_first[c]; j < s->cell_pair_first[c + 1];
		     j++) {
			const struct pair *pr = &s->pairs[s->cell_pairs[j]];

			for (k = 0; pr->role_cell == c && k < y->n_cells; k++)
				if (pb->var_cells[y->first_cell + k] == pr->per_cell)
					return 1;
		}
	}
	return 0;
}

/*
 * Whether var z as the next step may make the move pay: always but for
 * the last step, which is tried only where z alone on its day (its
 * cover, its person's costs and change) would.  Its remade month could
 * do better only by changing other days for their own sake, which the
 * search before this phase found nothing in; and this spares most of
 * the months the last step would remake (on Stockport's case 13,000 of
 * 15,000 did not pay).
 */
static int may_pay(struct refill *f, size_t z, double before)
{
	const struct var *x = &f->pb->vars[z];
	size_t was = roster_get(&f->s->r, x->p, x->d);
	double alone;

	if (f->n_moved < REFILL_PEOPLE - 1)
		return 1;
	alone = search_set(f->s, x->p, x->d, z, NAN);
	search_set(f->s, x->p, x->d, was, NAN);
	return f->s->objective - before + alone < -1e-7;
}

static int extend(struct refill *f, size_t u, double before);

/* Tries w as the next step, and the steps after it, then takes them
 * back (pays() remembers the best); 0, or -1 out of memory. */
static int try_step(struct refill *f, size_t w, size_t u, double before)
{
	int rc = step(f, w);

	if (rc <= 0)
		return rc;
	rc = extend(f, u, before);
	undo(f);
	return rc;
}

/* The ratio's partner of the first step u: a shift on u's day that u's
 * role lets in, or that lets u in, covering a cell still short. */
static int try_tied(struct refill *f, size_t u, double before)
{
	const struct problem *pb = f->pb;
	size_t i, j;
	int rc;

	for (i = 0; i < f->n_cells; i++) {
		size_t c = f->cells[i];

		for (j = pb->cell_var_first[c]; is_short(f, c) &&
		     j < pb->cell_var_first[c + 1]; j++) {
			size_t w = pb->cell_vars[j];

			if (pb->vars[w].d != pb->vars[u].d || !candidate(f, w) ||
			    (!tied(f, u, w) && !tied(f, w, u)) ||
			    !may_pay(f, w, before))
				continue;
			if (!running(f))
				return 0;
			rc = try_step(f, w, u, before);
			if (rc)
				return rc;
		}
	}
	return 0;
}

/* Calls fn(f, var, cell) for each shift a moved person left (each var
 * of a month before the move that is gone from it) and each of its
 * cells now short; stops at the first non-zero return. */
static int each_vacated(struct refill *f, int (*fn)(struct refill *, size_t,
						    size_t, void *), void *ctx)
{
	const struct problem *pb = f->pb;
	int i, d, rc, n = f->n_moved;
	size_t k;

	for (i = 0; i < n; i++)
		for (d = 0; d < pb->days; d++) {
			size_t v = f->saved[i][d];

			if (v == ROSTER_NONE ||
			    roster_get(&f->s->r, f->moved[i], d) == v)
				continue;
			for (k = 0; k < pb->vars[v].n_cells; k++) {
				size_t c = pb->var_cells[pb->vars[v].first_cell + k];

				if (is_short(f, c) && (rc = fn(f, v, c, ctx)) != 0)
					return rc;
			}
		}
	return 0;
}

static int add_gain(struct refill *f, size_t v, size_t c, void *ctx)
{
	(void)v;
	*(double *)ctx += f->pb->cells[c].under_cost;
	return 0;
}

struct vacated_try {
	size_t u;
	double before;
};

/* What var z could gain at most by the cells it covers that are short
 * (each at its under_cost): where that cannot pay for the move so far,
 * its month is not remade (the rest of the month could gain too, but
 * the search has had its chance at that). */
static double short_gain(const struct refill *f, size_t z)
{
	const struct var *x = &f->pb->vars[z];
	double gain = 0;
	size_t i;

	for (i = 0; i < x->n_cells; i++) {
		size_t c = f->pb->var_cells[x->first_cell + i];

		if (is_short(f, c))
			gain += f->pb->cells[c].under_cost;
	}
	return gain;
}

/* Each person who could take over cell c on the day of v, as the next
 * step. */
static int take_over(struct refill *f, size_t v, size_t c, void *ctx)
{
	const struct vacated_try *t = ctx;
	const struct problem *pb = f->pb;
	size_t j;
	int rc;

	for (j = pb->cell_var_first[c]; is_short(f, c) &&
	     j < pb->cell_var_first[c + 1]; j++) {
		size_t z = pb->cell_vars[j];

		if (pb->vars[z].d != pb->vars[v].d || !candidate(f, z) ||
		    f->s->objective - t->before >= short_gain(f, z) - 1e-7 ||
		    !may_pay(f, z, t->before))
			continue;
		if (!running(f))
			return 0;
		rc = try_step(f, z, t->u, t->before);
		if (rc)
			return rc;
	}
	return 0;
}

/* Someone taking over what the moved people left, where refilling the
 * cells now short there (each at its under_cost) could still make the
 * move pay. */
static int try_vacated(struct refill *f, size_t u, double before)
{
	struct vacated_try t = {u, before};
	double gain = 0;

	each_vacated(f, add_gain, &gain);
	if (f->s->objective - before >= gain - 1e-7)
		return 0;
	return each_vacated(f, take_over, &t);
}

/* The move so far (first step u) priced, and where it does not pay yet,
 * grown by a step and tried again.  0, or -1 out of memory. */
static int extend(struct refill *f, size_t u, double before)
{
	int rc = 0;

	/* No later step mends a rule of the last person's own. */
	if (constraints_check_person(f->pb, &f->s->r, f->moved[f->n_moved - 1],
				     NULL))
		return 0;
	if (pays(f, before))
		return 0;
	if (f->n_moved >= REFILL_PEOPLE)
		return 0;
	f->epoch[f->n_moved]++;
	if (f->n_moved == 1)
		rc = try_tied(f, u, before);
	return rc ? rc : try_vacated(f, u, before);
}

/* The best move that refills cell c, applied: 1 applied, 0 none pays,
 * -1 out of memory.  Of the moves that pay, the one leaving the fewest
 * hours uncovered, as the phase is there to win back the cover the start
 * lost; then the cheapest, so of two that refill the same, the one that
 * changes less (a support worker back on their published evening rather
 * than another taking it). */
static int refill_cell(struct refill *f, size_t c)
{
	const struct problem *pb = f->pb;
	size_t j;
	int i, d;

	f->best = f->cost;
	f->best_short = HUGE_VAL;
	f->best_n = 0;
	for (j = pb->cell_var_first[c]; j < pb->cell_var_first[c + 1] &&
	     running(f); j++) {
		size_t u = pb->cell_vars[j];

		if (candidate(f, u) && try_step(f, u, u, f->s->objective) < 0)
			return -1;
	}
	for (i = 0; i < f->best_n; i++)
		for (d = 0; d < pb->days; d++)
			search_set(f->s, f->best_who[i], d,
				   f->best_month[i][d], NAN);
	f->cost = f->best;
	return f->best_n > 0;
}

/* Passes over the cells until one keeps no move; the moves kept. */
static int refill_passes(struct refill *f)
{
	int any = 1, moves = 0, rc;
	size_t i;

	while (any && running(f)) {
		any = 0;
		for (i = 0; i < f->n_cells; i++) {
			f->epoch[0]++;
			while (is_short(f, f->cells[i]) &&
			       (rc = refill_cell(f, f->cells[i])) != 0) {
				if (rc < 0)
					return -1;
				moves++;
				any = 1;
				f->epoch[0]++;
			}
		}
	}
	return moves;
}

int refill_run(struct search *s, double deadline)
{
	const struct problem *pb = s->pb;
	size_t days = (size_t)pb->days + 1;
	struct refill f = {0};
	int rc = -1, i, ok = 1;

	if (!pb->sc->reference)
		return 0;
	f.s = s;
	f.pb = pb;
	s->deadline = deadline;
	/* Half a frozen day's price: more than any one month can buy
	 * (reference.h), less than leaving a frozen day unworked. */
	f.pull = reference_fixed_price(pb->sc) / 2;
	for (i = 0; i < REFILL_PEOPLE; i++) {
		f.saved[i] = malloc(days * sizeof(size_t));
		f.seen[i] = calloc(pb->n_vars + 1, sizeof(long));
		f.best_month[i] = malloc(days * sizeof(size_t));
		ok = ok && f.saved[i] && f.seen[i] && f.best_month[i];
	}
	f.pick = malloc(days * sizeof(size_t));
	f.price = malloc((pb->n_vars + 1) * sizeof(double));
	f.breaks = malloc(pb->n_vars + 1);
	if (!ok || !f.pick || !f.price || !f.breaks || find_cells(&f))
		goto out;
	f.cost = constraints_cost(pb, &s->r);
	rc = refill_passes(&f);
out:
	for (i = 0; i < REFILL_PEOPLE; i++) {
		free(f.saved[i]);
		free(f.seen[i]);
		free(f.best_month[i]);
	}
	free(f.cells);
	free(f.pick);
	free(f.price);
	free(f.breaks);
	return rc;
}
