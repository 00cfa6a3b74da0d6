/*
 * Coverage by unit, day and band: a rota's on-duty counts read off the
 * coverage cells, one track at a time, into the rows report.html shows.
 */
#include "coverage.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "demand.h"
#include "grow.h"
#include "problem.h"
#include "roster.h"
#include "scenario.h"

/* What one computation reads; all borrowed. */
struct source {
	const struct problem *pb;
	const struct scenario *sc;
	const struct demand *dm;
	const struct roster *r;
	coverage_local_fn *local;
	const void *zone;
};

/* A demand item by coverage track, for walking a track's items in time. */
struct item_ref {
	size_t track;
	instant_t from, to;
	size_t item;
};

/* A window being read off the cells: consecutive cells with the same
 * head-count required, not crossing the edge of a demand band. */
struct window {
	instant_t from, to;
	int required, staffed, most;
	double short_hours;
	int n_spans, spans_merged;
	struct {
		instant_t from, to;
		int people;
	} span[COVERAGE_SPANS];
};

void coverage_init(struct coverage *cv)
{
	memset(cv, 0, sizeof(*cv));
}

void coverage_release(struct coverage *cv)
{
	size_t i;

	for (i = 0; i < cv->n; i++) {
		free(cv->rows[i].label);
		free(cv->rows[i].day);
	}
	free(cv->rows);
	coverage_init(cv);
}

static int cmp_ref(const void *a, const void *b)
{
	const struct item_ref *x = a, *y = b;

	if (x->track != y->track)
		return x->track < y->track ? -1 : 1;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return (x->item > y->item) - (x->item < y->item);
}

static int cmp_instant(const void *a, const void *b)
{
	instant_t x = *(const instant_t *)a, y = *(const instant_t *)b;

	return (x > y) - (x < y);
}

/* Labels of the bands whose items cover instant t, joined by " + ". */
static char *window_label(const struct source *src,
			  const struct item_ref *refs, size_t n, instant_t t)
{
	const struct demand *dm = src->dm;
	char *label = NULL;
	size_t lo = 0, hi = n, i;

	while (lo < hi) {   /* items are at most a day long (and DST) */
		size_t mid = lo + (hi - lo) / 2;

		if (refs[mid].from < t - 2 * 86400)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < n && refs[i].from <= t; i++) {
		const struct demand_item *it = &dm->items[refs[i].item];
		const struct service *sv = &src->sc->services[it->service];
		const char *l = sv->bands[it->band].label;
		char *joined;

		if (refs[i].to <= t || !l[0])
			continue;
		joined = label ? rota_strdupf("%s + %s", label, l)
			       : rota_strdupf("%s", l);
		free(label);
		if (!joined)
			return NULL;
		label = joined;
	}
	return label ? label
		     : rota_strdupf("%s", src->sc->services[
			dm->items[refs[0].item].service].name);
}

static struct coverage_row *row_find(struct coverage *cv, size_t first,
				     const struct coverage_row *key)
{
	size_t i;

	for (i = first; i < cv->n; i++) {
		struct coverage_row *w = &cv->rows[i];

		if (w->from_min == key->from_min && w->to_min == key->to_min &&
		    w->required == key->required && !strcmp(w->label, key->label))
			return w;
	}
	return NULL;
}

static struct coverage_row *row_push(struct coverage *cv,
				     const struct coverage_row *key)
{
	struct coverage_row *w;
	int d;

	if (grow(&cv->rows, &cv->cap, cv->n + 1, sizeof(*cv->rows)))
		return NULL;
	w = &cv->rows[cv->n];
	*w = *key;
	w->day = malloc((size_t)cv->days * sizeof(*w->day));
	if (!w->day)
		return NULL;
	for (d = 0; d < cv->days; d++) {
		w->day[d].staffed = -1;
		w->day[d].most = 0;
		w->day[d].short_hours = 0;
		w->day[d].n_spans = 0;
		w->day[d].spans_merged = 0;
	}
	cv->n++;
	return w;
}

/* Minutes from local midnight of civil day `day` to instant t. */
static int minutes_after(const struct source *src, int32_t day, instant_t t)
{
	int32_t at;
	int secs;

	src->local(src->zone, t, &at, &secs);
	return (int)(at - day) * 1440 + secs / 60;
}

static int32_t day_of(const struct source *src, int d)
{
	return src->sc->horizon.start + d;
}

/* Adds a short stretch to the n kept in span[]: joined to the last when
 * it follows on, widening the last when there is no room. */
static void span_add(struct coverage_day *cd, int from, int to, int people,
		     int merged)
{
	struct coverage_span *last = cd->n_spans ? &cd->span[cd->n_spans - 1]
				     : NULL;

	if (last && (last->to_min == from || cd->n_spans == COVERAGE_SPANS)) {
		cd->spans_merged |= merged || last->to_min != from;
		last->to_min = to;
		last->people = people > last->people ? people : last->people;
		return;
	}
	cd->span[cd->n_spans].from_min = from;
	cd->span[cd->n_spans].to_min = to;
	cd->span[cd->n_spans].people = people;
	cd->spans_merged |= merged;
	cd->n_spans++;
}

static void file_spans(const struct source *src, struct coverage_day *cd,
		       int32_t day, const struct window *w)
{
	int i;

	for (i = 0; i < w->n_spans; i++)
		span_add(cd, minutes_after(src, day, w->span[i].from),
			 minutes_after(src, day, w->span[i].to),
			 w->span[i].people,
			 w->spans_merged && i == w->n_spans - 1);
}

/* Files a finished window under its row (made on first sight). */
static int file_window(const struct source *src, struct coverage *cv,
		       size_t first, const struct item_ref *refs, size_t n,
		       const struct window *w)
{
	const struct demand_item *it = &src->dm->items[refs[0].item];
	struct coverage_row key, *row;
	struct coverage_day *cd;
	int32_t day;
	int secs, d;

	src->local(src->zone, w->from, &day, &secs);
	d = (int)(day - src->sc->horizon.start);
	if (d < 0 || d >= cv->days)
		return 0;
	key.service = it->service;
	key.scope = it->scope;
	key.unit = it->unit;
	key.role = it->role;
	key.from_min = secs / 60;
	src->local(src->zone, w->to, &day, &secs);
	key.to_min = secs / 60;
	key.required = w->required;
	key.day = NULL;
	key.label = window_label(src, refs, n, w->from);
	if (!key.label)
		return -1;
	row = row_find(cv, first, &key);
	if (row)
		free(key.label);
	else if (!(row = row_push(cv, &key))) {
		free(key.label);
		return -1;
	}
	cd = &row->day[d];
	cd->staffed = cd->staffed < 0 ? w->staffed : (cd->staffed < w->staffed
		      ? cd->staffed : w->staffed);
	cd->most = cd->most > w->most ? cd->most : w->most;
	cd->short_hours += w->short_hours;
	file_spans(src, cd, day_of(src, d), w);
	return 0;
}

/* Sorted, unique start and end instants of a track's demand items. */
static instant_t *track_edges(const struct item_ref *refs, size_t n,
			      size_t *ne)
{
	instant_t *e = malloc(2 * n * sizeof(*e));
	size_t i, k = 0;

	if (!e)
		return NULL;
	for (i = 0; i < n; i++) {
		e[2 * i] = refs[i].from;
		e[2 * i + 1] = refs[i].to;
	}
	qsort(e, 2 * n, sizeof(*e), cmp_instant);
	for (i = 0; i < 2 * n; i++)
		if (!k || e[k - 1] != e[i])
			e[k++] = e[i];
	*ne = k;
	return e;
}

/* As span_add, on instants, while the window is read. */
static void window_short(struct window *w, const struct cell *c, int people)
{
	int last = w->n_spans - 1;

	if (last >= 0 && (w->span[last].to == c->from ||
			  w->n_spans == COVERAGE_SPANS)) {
		w->spans_merged |= w->span[last].to != c->from;
		w->span[last].to = c->to;
		if (people > w->span[last].people)
			w->span[last].people = people;
		return;
	}
	w->span[w->n_spans].from = c->from;
	w->span[w->n_spans].to = c->to;
	w->span[w->n_spans].people = people;
	w->n_spans++;
}

static void window_add(struct window *w, const struct cell *c, int on)
{
	w->to = c->to;
	w->staffed = on < w->staffed ? on : w->staffed;
	w->most = on > w->most ? on : w->most;
	if (on < c->required) {
		w->short_hours += (c->required - on) * c->hours;
		window_short(w, c, c->required - on);
	}
}

static int read_track(const struct source *src, struct coverage *cv,
		      const struct item_ref *refs, size_t n)
{
	const struct problem *pb = src->pb;
	size_t t = refs[0].track, first = cv->n, ne, e = 0, c;
	instant_t *edges = track_edges(refs, n, &ne);
	struct window w;
	int open = 0, ret = -1;

	memset(&w, 0, sizeof(w));
	if (!edges)
		return -1;
	for (c = pb->track_first[t]; c < pb->track_first[t + 1]; c++) {
		const struct cell *ce = &pb->cells[c];

		while (e < ne && edges[e] < ce->from)
			e++;
		if (open && (ce->required <= 0 || ce->from != w.to ||
			     ce->required != w.required ||
			     (e < ne && edges[e] == ce->from))) {
			if (file_window(src, cv, first, refs, n, &w))
				goto out;
			open = 0;
		}
		if (ce->required <= 0)
			continue;
		if (!open) {
			w.from = ce->from;
			w.required = ce->required;
			w.staffed = INT_MAX;
			w.most = 0;
			w.short_hours = 0;
			w.n_spans = 0;
			w.spans_merged = 0;
			open = 1;
		}
		window_add(&w, ce, src->r->on_duty[c]);
	}
	if (open && file_window(src, cv, first, refs, n, &w))
		goto out;
	ret = 0;
out:
	free(edges);
	return ret;
}

/* Neighbourhoods first, then group kinds in order, the borough last:
 * from the finest unit to the widest. */
static int scope_rank(int scope)
{
	if (scope == SCOPE_NEIGHBOURHOOD)
		return -1;
	return scope == SCOPE_BOROUGH ? INT_MAX : scope;
}

static int cmp_row(const void *a, const void *b)
{
	const struct coverage_row *x = a, *y = b;
	int k[2][6] = {{x->service, scope_rank(x->scope), x->unit, x->role,
			x->from_min, x->to_min},
		       {y->service, scope_rank(y->scope), y->unit, y->role,
			y->from_min, y->to_min}};
	int i;

	for (i = 0; i < 6; i++)
		if (k[0][i] != k[1][i])
			return k[0][i] < k[1][i] ? -1 : 1;
	return (x->required > y->required) - (x->required < y->required);
}

static int build(const struct source *src, struct coverage *cv)
{
	const struct demand *dm = src->dm;
	struct item_ref *refs = malloc((dm->n + 1) * sizeof(*refs));
	size_t i, a;
	int ret = -1;

	cv->days = src->sc->horizon.days;
	if (!refs)
		return -1;
	for (i = 0; i < dm->n; i++) {
		const struct demand_item *it = &dm->items[i];

		refs[i].track = problem_track(src->pb, it->service, it->scope,
					      it->unit, it->role);
		refs[i].from = it->from;
		refs[i].to = it->to;
		refs[i].item = i;
	}
	qsort(refs, dm->n, sizeof(*refs), cmp_ref);
	for (a = 0; a < dm->n; a = i) {
		for (i = a; i < dm->n && refs[i].track == refs[a].track; i++)
			;
		if (read_track(src, cv, refs + a, i - a))
			goto out;
	}
	if (cv->n)
		qsort(cv->rows, cv->n, sizeof(*cv->rows), cmp_row);
	ret = 0;
out:
	free(refs);
	return ret;
}

int coverage_compute(struct coverage *cv, const struct problem *pb,
		     const struct demand *dm, const struct roster *r,
		     coverage_local_fn *local, const void *zone,
		     struct rota_error *err)
{
	struct source src = {pb, pb->sc, dm, r, local, zone};

	coverage_init(cv);
	if (build(&src, cv)) {
		coverage_release(cv);
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	return 0;
}
