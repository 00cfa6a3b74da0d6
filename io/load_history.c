/* The loader's history (an addition to the spec): what each person
 * worked in the days before the horizon, for the rules that look back
 * across its start (history.h):
 *	"history": {"from": "2018-02-22",
 *	            "shifts": [{"staff": "n001", "date": "2018-02-27",
 *	                        "shift": "late"}]}
 * Every person is known from `from` (default: the first date listed) to
 * the day before the horizon; a day there without a shift was off.
 * Read after the staff (their rules give the rest owed) and the
 * instants (the timezone gives the shifts' times on those days). */
#include "load_parts.h"

#include <stdlib.h>
#include <string.h>

#include "history.h"
#include "tz.h"

static const char *const history_keys[] = {"from", "shifts", NULL};
static const char *const entry_keys[] = {"staff", "date", "shift", NULL};

/* Most entries: a year of history for the most staff a scenario holds
 * is far more than the four weeks the rules read. */
#define HISTORY_MAX_ENTRIES 200000

struct hist {
	struct ld *l;
	struct past_shift *a;        /* [n entries], in file order */
	int *who;                    /* [n]: staff index, -1 when bad */
	size_t n;
	int32_t first;               /* earliest date read */
};

static void entry(struct jv *v, json_t *x, const char *path, size_t i,
		  void *arg)
{
	struct hist *h = arg;
	struct ld *l = h->l;
	const struct scenario *sc = l->sc;
	const char *staff = NULL, *shift = NULL;
	char sub[JV_PATH_MAX], d[CIVIL_DATE_LEN];
	struct past_shift *ps = &h->a[i];
	int32_t date;
	int p, s, len;

	h->who[i] = -1;
	jv_known_keys(v, x, path, entry_keys);
	if (jv_string(v, x, path, "staff", 1, LOAD_MAX_ID_LEN, &staff) != JV_OK ||
	    ld_date_member(l, x, path, "date", 1, &date) != JV_OK ||
	    jv_string(v, x, path, "shift", 1, LOAD_MAX_ID_LEN, &shift) != JV_OK)
		return;
	if ((p = scenario_find_staff(sc, staff)) < 0) {
		jv_bad(v, jv_key_path(sub, path, "staff"), "unknown staff '%s'",
		       staff);
		return;
	}
	if ((s = scenario_find_shift(sc, shift)) < 0) {
		jv_bad(v, jv_key_path(sub, path, "shift"), "unknown shift '%s'",
		       shift);
		return;
	}
	if (date >= sc->horizon.start) {
		civil_format_date(sc->horizon.start, d);
		jv_bad(v, jv_key_path(sub, path, "date"), "a date before the "
		       "horizon's start %s expected", d);
		return;
	}
	len = ld_wall_length(sc->shifts[s].start_min, sc->shifts[s].end_min);
	ps->date = date;
	ps->shift = s;
	ps->start = tz_instant(l->tz, date, sc->shifts[s].start_min);
	ps->end = tz_instant(l->tz, date, sc->shifts[s].start_min + len);
	h->who[i] = p;
	if (date < h->first)
		h->first = date;
}

struct key {
	int who;
	int32_t date;
	size_t i;
};

static int by_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->who != y->who)
		return (x->who > y->who) - (x->who < y->who);
	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return (x->i > y->i) - (x->i < y->i);
}

/* No person twice on one date: reported with both entries (sorted by
 * person and date, so a long history is not compared pair by pair). */
static void duplicates(struct hist *h, const char *path)
{
	struct key *k = ld_alloc(h->l, h->n + 1, sizeof(*k));
	char sub[JV_PATH_MAX], d[CIVIL_DATE_LEN];
	size_t i, n = 0;

	if (!k)
		return;
	for (i = 0; i < h->n; i++)
		if (h->who[i] >= 0)
			k[n++] = (struct key){h->who[i], h->a[i].date, i};
	qsort(k, n, sizeof(*k), by_key);
	for (i = 1; i < n; i++)
		if (k[i].who == k[i - 1].who && k[i].date == k[i - 1].date) {
			civil_format_date(k[i].date, d);
			jv_bad(&h->l->v, jv_index_path(sub, path, k[i].i),
			       "a second shift of '%s' on %s (also %s[%zu])",
			       h->l->sc->staff[k[i].who].id, d, path, k[i - 1].i);
		}
	free(k);
}

/* Each person's entries to their staff history, known from `from`. */
static void hand_over(struct hist *h, int32_t from)
{
	struct scenario *sc = h->l->sc;
	struct past_shift *mine = ld_alloc(h->l, h->n + 1, sizeof(*mine));
	size_t p, i;

	if (!mine)
		return;
	for (p = 0; p < sc->n_staff; p++) {
		size_t n = 0;

		for (i = 0; i < h->n; i++)
			if (h->who[i] == (int)p)
				mine[n++] = h->a[i];
		if (history_set(&sc->staff[p], from, mine, n)) {
			h->l->oom = 1;
			break;
		}
	}
	free(mine);
	history_derive(sc);
}

void load_history(struct ld *l, json_t *root)
{
	const char *path = "$.history";
	json_t *obj = jv_member(&l->v, root, "$", "history", JSON_OBJECT, 0);
	struct hist h = {l, NULL, NULL, 0, 0};
	char sub[JV_PATH_MAX], d[CIVIL_DATE_LEN];
	json_t *arr;
	int32_t from = 0;
	enum jv_res fr;
	size_t errs = l->v.err->count, i;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, path, history_keys);
	fr = ld_date_member(l, obj, path, "from", 0, &from);
	arr = ld_array_max(l, obj, path, "shifts", 0, HISTORY_MAX_ENTRIES);
	h.n = arr ? json_array_size(arr) : 0;
	h.first = l->sc->horizon.start;
	h.a = ld_alloc(l, h.n + 1, sizeof(*h.a));
	h.who = ld_alloc(l, h.n + 1, sizeof(*h.who));
	if (!h.a || !h.who)
		goto out;
	/* An entry that is not an object is reported and never read. */
	for (i = 0; i < h.n; i++)
		h.who[i] = -1;
	if (arr)
		jv_each(&l->v, arr, jv_key_path(sub, path, "shifts"),
			JSON_OBJECT, entry, &h);
	duplicates(&h, jv_key_path(sub, path, "shifts"));
	if (fr == JV_ABSENT)
		from = h.first < l->sc->horizon.start ? h.first
						      : l->sc->horizon.start - 1;
	civil_format_date(l->sc->horizon.start, d);
	if (fr == JV_OK && from >= l->sc->horizon.start)
		jv_bad(&l->v, jv_key_path(sub, path, "from"), "a date before "
		       "the horizon's start %s expected", d);
	else if (fr == JV_OK && h.first < from)
		jv_bad(&l->v, jv_key_path(sub, path, "from"), "a shift listed "
		       "before it: \"from\" is the first day the history "
		       "covers");
	if (l->v.err->count == errs && !l->oom)
		hand_over(&h, from);
out:
	free(h.a);
	free(h.who);
}
