#include "colpool.h"

#include <stdlib.h>
#include <string.h>

#include "constraints.h"
#include "grow.h"

/* Price per hour short of a senior or ratio row, in uncovered hours:
 * far above cover, as the rule is hard. */
#define HARD_HOURS 10.0

#define NONE ((size_t)-1)

/* ---- rows ---- */

/* A row term of var v, while building: (var, row, coef). */
struct term {
	size_t var, row;
	double val;
};

struct builder {
	struct cg_pool *cp;
	struct term *t;
	size_t n, cap;
	double hard;              /* price per hour short of a hard row */
};

/* Reallocates *p to n items of `size` bytes. */
static int resize(void **p, size_t n, size_t size)
{
	void *q = realloc(*p, n * size);

	if (!q)
		return -1;
	*p = q;
	return 0;
}

static int add_row(struct cg_pool *cp, double b, double u, double o,
		   int kind, size_t cell, size_t per, double at_most)
{
	size_t r = cp->n_rows, nc = cp->cap_rows ? cp->cap_rows : 256;

	if (r + 1 > cp->cap_rows) {
		while (nc < r + 1)
			nc *= 2;
		if (resize((void **)&cp->b, nc, sizeof(double)) ||
		    resize((void **)&cp->u, nc, sizeof(double)) ||
		    resize((void **)&cp->o, nc, sizeof(double)) ||
		    resize((void **)&cp->kind, nc, 1) ||
		    resize((void **)&cp->row_cell, nc, sizeof(size_t)) ||
		    resize((void **)&cp->row_per, nc, sizeof(size_t)) ||
		    resize((void **)&cp->row_at_most, nc, sizeof(double)))
			return -1;
		cp->cap_rows = nc;
	}
	cp->b[r] = b;
	cp->u[r] = u;
	cp->o[r] = o;
	cp->kind[r] = (unsigned char)kind;
	cp->row_cell[r] = cell;
	cp->row_per[r] = per;
	cp->row_at_most[r] = at_most;
	cp->n_rows = r + 1;
	return 0;
}

/* Terms coef for the vars covering cell c (seniors of rule m only, when
 * given) in the last row. */
static int add_cell_terms(struct builder *bd, size_t c, double coef,
			  const struct skill_mix *m)
{
	const struct problem *pb = bd->cp->pb;
	size_t i;

	if (c == NONE)
		return 0;
	for (i = pb->cell_var_first[c]; i < pb->cell_var_first[c + 1]; i++) {
		size_t v = pb->cell_vars[i];

		if (m && !skill_mix_is_senior(pb, m, v))
			continue;
		if (grow((void **)&bd->t, &bd->cap, bd->n + 1, sizeof(*bd->t)))
			return -1;
		bd->t[bd->n++] = (struct term){v, bd->cp->n_rows - 1, coef};
	}
	return 0;
}

static int mix_row(void *ctx, size_t rule, int unit, int day, size_t cell,
		   size_t per_cell)
{
	struct builder *bd = ctx;
	const struct problem *pb = bd->cp->pb;
	const struct skill_mix *m = &pb->sc->mix[rule];
	double u = bd->hard * cell_hours(&pb->cells[cell]);

	(void)unit;
	(void)day;
	if (m->type == MIX_SENIOR) {
		if (m->count <= 0)
			return 0;
		return add_row(bd->cp, m->count, u, 0, CG_SENIOR, cell, NONE, 0) ||
		       add_cell_terms(bd, cell, 1, m) ? 1 : 0;
	}
	return add_row(bd->cp, 0, u, 0, CG_RATIO, cell, per_cell, m->at_most) ||
	       add_cell_terms(bd, per_cell, m->at_most, NULL) ||
	       add_cell_terms(bd, cell, -1, NULL) ? 1 : 0;
}

static int by_var_row(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	if (x->var != y->var)
		return x->var < y->var ? -1 : 1;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Sorts the terms by var and row, sums repeats, and keeps them as CSR. */
static int index_terms(struct builder *bd)
{
	struct cg_pool *cp = bd->cp;
	size_t n_vars = cp->pb->n_vars, i, k = 0;

	if (bd->n)   /* bd->t is NULL when no month has a term */
		qsort(bd->t, bd->n, sizeof(*bd->t), by_var_row);
	cp->var_first = calloc(n_vars + 2, sizeof(size_t));
	cp->var_row = malloc((bd->n + 1) * sizeof(size_t));
	cp->var_val = malloc((bd->n + 1) * sizeof(double));
	if (!cp->var_first || !cp->var_row || !cp->var_val)
		return -1;
	for (i = 0; i < bd->n; i++) {
		if (k && cp->var_row[k - 1] == bd->t[i].row &&
		    bd->t[i - 1].var == bd->t[i].var) {
			cp->var_val[k - 1] += bd->t[i].val;
			continue;
		}
		cp->var_row[k] = bd->t[i].row;
		cp->var_val[k] = bd->t[i].val;
		cp->var_first[bd->t[i].var + 1]++;
		k++;
	}
	for (i = 0; i < n_vars; i++)
		cp->var_first[i + 1] += cp->var_first[i];
	return 0;
}

static int build_rows(struct cg_pool *cp)
{
	const struct problem *pb = cp->pb;
	struct builder bd = {cp, NULL, 0, 0, 0};
	double hour = pb->sc->weights.uncovered_hour;
	size_t c;
	int rc = -1;

	bd.hard = HARD_HOURS * (hour > 1 ? hour : 1);
	for (c = 0; c < pb->n_cells; c++) {
		const struct cell *ce = &pb->cells[c];

		if (ce->required <= 0 && ce->over_cost <= 0)
			continue;
		if (add_row(cp, ce->required, ce->under_cost, ce->over_cost,
			    CG_COVER, c, NONE, 0) ||
		    add_cell_terms(&bd, c, 1, NULL))
			goto out;
	}
	/* A senior window no shift reaches was refused before (search). */
	if (skill_mix_cells(pb, mix_row, &bd, NULL))
		goto out;
	rc = index_terms(&bd);
out:
	free(bd.t);
	return rc;
}

double cg_pool_var_dual(const struct cg_pool *cp, size_t v, const double *y)
{
	double s = 0;
	size_t i;

	for (i = cp->var_first[v]; i < cp->var_first[v + 1]; i++)
		s += cp->var_val[i] * y[cp->var_row[i]];
	return s;
}

/* ---- parts ---- */

static size_t find(size_t *up, size_t i)
{
	while (up[i] != i)
		i = up[i] = up[up[i]];
	return i;
}

/* Counting sort of ids 0..n-1 by key into ranges first[n_keys + 1]. */
static int group_by(const size_t *key, size_t n, size_t n_keys,
		    size_t **first, size_t **ids)
{
	size_t i, *fill;

	*first = calloc(n_keys + 2, sizeof(size_t));
	*ids = malloc((n + 1) * sizeof(size_t));
	fill = calloc(n_keys + 1, sizeof(size_t));
	if (!*first || !*ids || !fill) {
		free(fill);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (key[i] != NONE)
			(*first)[key[i] + 1]++;
	for (i = 0; i < n_keys; i++)
		(*first)[i + 1] += (*first)[i];
	for (i = 0; i < n; i++)
		if (key[i] != NONE)
			(*ids)[(*first)[key[i]] + fill[key[i]]++] = i;
	free(fill);
	return 0;
}

static int build_parts(struct cg_pool *cp)
{
	const struct problem *pb = cp->pb;
	size_t n_staff = pb->sc->n_staff, p, v, i, r;
	size_t *up = malloc((n_staff + 1) * sizeof(size_t));
	size_t *row_person = malloc((cp->n_rows + 1) * sizeof(size_t));
	size_t *root_part = malloc((n_staff + 1) * sizeof(size_t));
	int rc = -1;

	cp->part_of_person = malloc((n_staff + 1) * sizeof(size_t));
	cp->part_of_row = malloc((cp->n_rows + 1) * sizeof(size_t));
	cp->row_local = malloc((cp->n_rows + 1) * sizeof(size_t));
	if (!up || !row_person || !root_part || !cp->part_of_person ||
	    !cp->part_of_row || !cp->row_local)
		goto out;
	for (p = 0; p < n_staff; p++)
		up[p] = p;
	for (r = 0; r < cp->n_rows; r++)
		row_person[r] = NONE;
	for (v = 0; v < pb->n_vars; v++)
		for (i = cp->var_first[v]; i < cp->var_first[v + 1]; i++) {
			size_t *rp = &row_person[cp->var_row[i]];
			size_t a = find(up, (size_t)pb->vars[v].p), b;

			if (*rp == NONE) {
				*rp = a;
				continue;
			}
			b = find(up, *rp);
			if (a != b)
				up[a > b ? a : b] = a < b ? a : b;
		}
	/* Parts numbered in order of their first person. */
	cp->n_parts = 0;
	for (p = 0; p < n_staff; p++)
		root_part[p] = NONE;
	for (p = 0; p < n_staff; p++) {
		size_t a = find(up, p);

		if (root_part[a] == NONE)
			root_part[a] = cp->n_parts++;
		cp->part_of_person[p] = root_part[a];
	}
	for (r = 0; r < cp->n_rows; r++)
		cp->part_of_row[r] = row_person[r] == NONE ? NONE :
				     root_part[find(up, row_person[r])];
	if (group_by(cp->part_of_person, n_staff, cp->n_parts,
		     &cp->part_people, &cp->part_person_ids) ||
	    group_by(cp->part_of_row, cp->n_rows, cp->n_parts, &cp->part_rows,
		     &cp->part_row_ids))
		goto out;
	for (r = 0; r < cp->n_rows; r++)
		cp->row_local[r] = NONE;
	for (p = 0; p < cp->n_parts; p++)
		for (i = cp->part_rows[p]; i < cp->part_rows[p + 1]; i++)
			cp->row_local[cp->part_row_ids[i]] = i - cp->part_rows[p];
	rc = 0;
out:
	free(up);
	free(row_person);
	free(root_part);
	return rc;
}

int cg_pool_init(struct cg_pool *cp, const struct problem *pb)
{
	memset(cp, 0, sizeof(*cp));
	cp->pb = pb;
	cp->term_first = malloc(sizeof(size_t));
	if (!cp->term_first || build_rows(cp) || build_parts(cp)) {
		cg_pool_release(cp);
		return -1;
	}
	cp->term_first[0] = 0;
	return 0;
}

void cg_pool_release(struct cg_pool *cp)
{
	free(cp->b);
	free(cp->u);
	free(cp->o);
	free(cp->kind);
	free(cp->row_cell);
	free(cp->row_per);
	free(cp->row_at_most);
	free(cp->var_first);
	free(cp->var_row);
	free(cp->var_val);
	free(cp->person);
	free(cp->cost);
	free(cp->pick);
	free(cp->hash);
	free(cp->idle);
	free(cp->x);
	free(cp->term_first);
	free(cp->term_row);
	free(cp->term_val);
	free(cp->part_of_person);
	free(cp->part_of_row);
	free(cp->row_local);
	free(cp->part_rows);
	free(cp->part_row_ids);
	free(cp->part_people);
	free(cp->part_person_ids);
	memset(cp, 0, sizeof(*cp));
}

/* ---- columns ---- */

static uint64_t hash_pick(const size_t *pick, int days)
{
	uint64_t h = 1469598103934665603ULL;
	int d;

	for (d = 0; d < days; d++) {
		h ^= (uint64_t)pick[d] + 1;
		h *= 1099511628211ULL;
	}
	return h;
}

static int grow_cols(struct cg_pool *cp, size_t n)
{
	size_t days = (size_t)cp->pb->days, nc = cp->cap_cols ? cp->cap_cols : 64;

	if (n <= cp->cap_cols)
		return 0;
	while (nc < n)
		nc *= 2;
	if (resize((void **)&cp->person, nc, sizeof(int)) ||
	    resize((void **)&cp->cost, nc, sizeof(double)) ||
	    resize((void **)&cp->hash, nc, sizeof(uint64_t)) ||
	    resize((void **)&cp->idle, nc, sizeof(int)) ||
	    resize((void **)&cp->x, nc, sizeof(double)) ||
	    resize((void **)&cp->term_first, nc + 1, sizeof(size_t)) ||
	    resize((void **)&cp->pick, nc * days, sizeof(size_t)))
		return -1;
	cp->cap_cols = nc;
	return 0;
}

static int by_row(const void *a, const void *b)
{
	const struct term *x = a, *y = b;

	return x->row < y->row ? -1 : x->row > y->row;
}

/* Column j's terms: its vars' terms, by row, repeats summed. */
static int add_terms(struct cg_pool *cp, const size_t *pick)
{
	const struct problem *pb = cp->pb;
	size_t n = 0, i, k, start = cp->n_terms, c1, c2;
	struct term *t;
	int d;

	for (d = 0; d < pb->days; d++)
		if (pick[d] != ROSTER_NONE)
			n += cp->var_first[pick[d] + 1] - cp->var_first[pick[d]];
	t = malloc((n + 1) * sizeof(*t));
	c1 = c2 = cp->cap_terms;
	if (!t || grow((void **)&cp->term_row, &c1, start + n + 1,
		       sizeof(size_t)) ||
	    grow((void **)&cp->term_val, &c2, start + n + 1, sizeof(double))) {
		free(t);
		return -1;
	}
	cp->cap_terms = c1;
	for (n = 0, d = 0; d < pb->days; d++) {
		size_t v = pick[d];

		if (v == ROSTER_NONE)
			continue;
		for (i = cp->var_first[v]; i < cp->var_first[v + 1]; i++)
			t[n++] = (struct term){v, cp->var_row[i], cp->var_val[i]};
	}
	qsort(t, n, sizeof(*t), by_row);
	for (i = 0, k = start; i < n; i++) {
		if (k > start && cp->term_row[k - 1] == t[i].row) {
			cp->term_val[k - 1] += t[i].val;
			continue;
		}
		cp->term_row[k] = t[i].row;
		cp->term_val[k++] = t[i].val;
	}
	cp->n_terms = k;
	free(t);
	return 0;
}

int cg_pool_add(struct cg_pool *cp, int p, const size_t *pick, double cost,
		size_t *col)
{
	size_t days = (size_t)cp->pb->days, j = cp->n_cols;
	uint64_t h = hash_pick(pick, cp->pb->days);
	size_t k;

	for (k = 0; k < cp->n_cols; k++)
		if (cp->person[k] == p && cp->hash[k] == h &&
		    !memcmp(cg_pool_pick(cp, k), pick, days * sizeof(size_t))) {
			*col = k;
			return 1;
		}
	if (grow_cols(cp, j + 1) || add_terms(cp, pick) ||
	    (cp->arch && cg_archive_add(cp->arch, p, pick, h, cost)))
		return -1;
	cp->person[j] = p;
	cp->cost[j] = cost;
	cp->hash[j] = h;
	cp->idle[j] = 0;
	cp->x[j] = 0;
	memcpy(cp->pick + j * days, pick, days * sizeof(size_t));
	cp->term_first[j + 1] = cp->n_terms;
	cp->n_cols = j + 1;
	*col = j;
	return 0;
}

void cg_pool_keep(struct cg_pool *cp, const unsigned char *keep, size_t *map)
{
	size_t days = (size_t)cp->pb->days, j, k = 0, t = 0, i;

	for (j = 0; j < cp->n_cols; j++) {
		size_t a = cp->term_first[j], z = cp->term_first[j + 1];

		if (map)
			map[j] = keep[j] ? k : NONE;
		if (!keep[j])
			continue;
		cp->person[k] = cp->person[j];
		cp->cost[k] = cp->cost[j];
		cp->hash[k] = cp->hash[j];
		cp->idle[k] = cp->idle[j];
		cp->x[k] = cp->x[j];
		memmove(cp->pick + k * days, cp->pick + j * days,
			days * sizeof(size_t));
		cp->term_first[k] = t;
		for (i = a; i < z; i++, t++) {
			cp->term_row[t] = cp->term_row[i];
			cp->term_val[t] = cp->term_val[i];
		}
		k++;
	}
	cp->term_first[k] = t;
	cp->n_cols = k;
	cp->n_terms = t;
}

int cg_month_cost(const struct problem *pb, struct roster *scratch, int p,
		  const size_t *pick, double *cost)
{
	int d, rc;

	for (d = 0; d < pb->days; d++)
		roster_set(scratch, p, d, pick[d]);
	*cost = constraints_person_cost_local(pb, scratch, p);
	rc = constraints_check_person(pb, scratch, p, NULL) ? -1 : 0;
	for (d = 0; d < pb->days; d++)
		roster_set(scratch, p, d, ROSTER_NONE);
	return rc;
}

/* ---- the archive ---- */

void cg_archive_init(struct cg_archive *a, size_t days)
{
	memset(a, 0, sizeof(*a));
	a->days = days;
}

void cg_archive_release(struct cg_archive *a)
{
	free(a->person);
	free(a->cost);
	free(a->pick);
	free(a->hash);
	free(a->slot);
	memset(a, 0, sizeof(*a));
}

static uint64_t key_of(int p, uint64_t h)
{
	return h ^ ((uint64_t)(unsigned)p * 0x9e3779b97f4a7c15ULL);
}

/* The slot holding p's month pick, or the empty slot it would take. */
static size_t find_slot(const struct cg_archive *a, int p, const size_t *pick,
			uint64_t h)
{
	size_t i = (size_t)(key_of(p, h) % a->n_slots);

	for (;; i = (i + 1) % a->n_slots) {
		size_t j = a->slot[i];

		if (!j)
			return i;
		j--;
		if (a->person[j] == p && a->hash[j] == h &&
		    !memcmp(a->pick + j * a->days, pick,
			    a->days * sizeof(size_t)))
			return i;
	}
}

static int rehash(struct cg_archive *a, size_t n_slots)
{
	size_t *old = a->slot, j;

	a->slot = calloc(n_slots, sizeof(size_t));
	if (!a->slot) {
		a->slot = old;
		return -1;
	}
	a->n_slots = n_slots;
	for (j = 0; j < a->n; j++)
		a->slot[find_slot(a, a->person[j], a->pick + j * a->days,
				  a->hash[j])] = j + 1;
	free(old);
	return 0;
}

static int grow_archive(struct cg_archive *a)
{
	size_t c = a->cap ? 2 * a->cap : 256;

	if (resize((void **)&a->person, c, sizeof(int)) ||
	    resize((void **)&a->cost, c, sizeof(double)) ||
	    resize((void **)&a->pick, c * a->days, sizeof(size_t)) ||
	    resize((void **)&a->hash, c, sizeof(uint64_t)))
		return -1;
	a->cap = c;
	return rehash(a, 2 * c + 1);
}

int cg_archive_add(struct cg_archive *a, int p, const size_t *pick,
		   uint64_t h, double cost)
{
	size_t i;

	if (a->n + 1 > a->cap && grow_archive(a))
		return -1;
	i = find_slot(a, p, pick, h);
	if (a->slot[i])
		return 0;
	a->person[a->n] = p;
	a->cost[a->n] = cost;
	a->hash[a->n] = h;
	memcpy(a->pick + a->n * a->days, pick, a->days * sizeof(size_t));
	a->slot[i] = ++a->n;
	return 0;
}
