/* The loader's pay (an addition to the spec, README "Pay and cost"):
 * rates per role and/or band, on-costs, unsocial-hours ranges. */
#include "load_parts.h"

#include <string.h>

/* An enhancement table is a handful of ranges per group of bands (Agenda
 * for Change: 3 ranges x 4 groups); 32 leaves room and bounds the work
 * of pricing one hour (pay.c). */
#define MAX_UNSOCIAL 32
/* A year's salary or an hour's pay beyond these is a typo. */
#define MAX_ANNUAL 10000000.0
#define MAX_PCT 1000.0

static const char *const pay_keys[] = {
	"on_cost_pct", "rates", "unsocial", NULL
};
static const char *const rate_keys[] = {
	"role", "band", "annual", "hourly", NULL
};
static const char *const unsocial_keys[] = {
	"bands", "days", "bank_holidays", "from", "to", "pct", NULL
};

static void one_rate(struct jv *v, json_t *e, const char *path, size_t i,
		     void *arg)
{
	struct ld *l = ld_of(v);
	struct pay *py = &l->sc->pay;
	struct pay_rate *pr = &py->rates[i];
	long long band;
	double annual = 0, hourly = 0;
	int has_a, has_h;
	size_t k;

	(void)arg;
	pr->role = -1;
	pr->band = -1;
	jv_known_keys(v, e, path, rate_keys);
	if (json_object_get(e, "role"))
		pr->role = ld_role_ref(l, e, path, "role", 0);
	if (jv_integer(v, e, path, "band", 0, 1, 9, &band) == JV_OK)
		pr->band = (int)band;
	has_a = json_object_get(e, "annual") != NULL;
	has_h = json_object_get(e, "hourly") != NULL;
	if (has_a == has_h)
		jv_bad(v, path, "expected one of 'annual' or 'hourly'%s",
		       has_a ? ", not both" : "");
	if (has_a)
		jv_number(v, e, path, "annual", 1, 0, 1, MAX_ANNUAL, &annual);
	if (has_h)
		jv_number(v, e, path, "hourly", 1, 0, 1, MAX_ANNUAL / 1000,
			  &hourly);
	pr->hourly = has_h ? hourly : annual /
		     (l->sc->planning.hours_per_fte_week * 365.0 / 7);
	for (k = 0; k < i; k++)
		if (py->rates[k].role == pr->role &&
		    py->rates[k].band == pr->band) {
			jv_bad(v, path, "a second rate for the same role and "
			       "band as $.pay.rates[%zu]", k);
			break;
		}
	py->n_rates = i + 1;
}

static unsigned read_bands(struct ld *l, json_t *e, const char *path)
{
	char sub[JV_PATH_MAX], el[JV_PATH_MAX];
	json_t *a = jv_member(&l->v, e, path, "bands", JSON_ARRAY, 0), *b;
	unsigned mask = 0;
	size_t i;

	if (!a)
		return 0;
	jv_key_path(sub, path, "bands");
	if (!json_array_size(a))
		jv_bad(&l->v, sub, "empty list, expected bands 1 to 9");
	json_array_foreach(a, i, b) {
		double x = json_is_number(b) ? json_number_value(b) : -1;

		if (x < 1 || x > 9 || x != (int)x) {
			jv_bad(&l->v, jv_index_path(el, sub, i),
			       "expected a band from 1 to 9");
			continue;
		}
		mask |= 1u << (int)x;
	}
	return mask;
}

static void one_unsocial(struct jv *v, json_t *e, const char *path,
			 size_t i, void *arg)
{
	struct ld *l = ld_of(v);
	struct pay_unsocial *u = &l->sc->pay.unsocial[i];

	(void)arg;
	jv_known_keys(v, e, path, unsocial_keys);
	u->bands = read_bands(l, e, path);
	u->days = ld_days_member(l, e, path, "days", 0);
	jv_boolean(v, e, path, "bank_holidays", 0, &u->bank_holidays);
	if (!u->days && !u->bank_holidays && !json_object_get(e, "days"))
		jv_bad(v, path, "applies on no day: give 'days' or "
		       "'bank_holidays': true");
	ld_time_member(l, e, path, "from", 1, &u->from_min);
	ld_time_member(l, e, path, "to", 1, &u->to_min);
	jv_number(v, e, path, "pct", 1, 0, 0, MAX_PCT, &u->pct);
	l->sc->pay.n_unsocial = i + 1;
}

void load_pay(struct ld *l, json_t *root)
{
	struct pay *py = &l->sc->pay;
	json_t *obj = jv_member(&l->v, root, "$", "pay", JSON_OBJECT, 0);
	json_t *rates, *uns;

	if (!obj)
		return;
	py->given = 1;
	jv_known_keys(&l->v, obj, "$.pay", pay_keys);
	jv_number(&l->v, obj, "$.pay", "on_cost_pct", 0, 0, 0, 200,
		  &py->on_cost_pct);
	rates = ld_array(l, obj, "$.pay", "rates", 1);
	if (rates && !json_array_size(rates))
		jv_bad(&l->v, "$.pay.rates", "empty list, expected at least "
		       "one rate");
	if (rates && json_array_size(rates)) {
		py->rates = ld_alloc(l, json_array_size(rates),
				     sizeof(*py->rates));
		if (py->rates)
			jv_each(&l->v, rates, "$.pay.rates", JSON_OBJECT,
				one_rate, NULL);
	}
	uns = ld_array_max(l, obj, "$.pay", "unsocial", 0, MAX_UNSOCIAL);
	if (uns && json_array_size(uns)) {
		py->unsocial = ld_alloc(l, json_array_size(uns),
					sizeof(*py->unsocial));
		if (py->unsocial)
			jv_each(&l->v, uns, "$.pay.unsocial", JSON_OBJECT,
				one_unsocial, NULL);
	}
}

int load_pay_instants(struct ld *l)
{
	struct scenario *sc = l->sc;
	int d, n = sc->horizon.days;
	size_t i;

	for (i = 0; i < sc->pay.n_unsocial; i++) {
		struct pay_unsocial *u = &sc->pay.unsocial[i];
		int len = ld_wall_length(u->from_min, u->to_min);

		u->from_at = ld_alloc(l, (size_t)n + 1, sizeof(instant_t));
		u->to_at = ld_alloc(l, (size_t)n + 1, sizeof(instant_t));
		if (!u->from_at || !u->to_at)
			return -1;
		for (d = 0; d <= n; d++) {
			int32_t date = scenario_date(sc, d);

			u->from_at[d] = tz_instant(l->tz, date, u->from_min);
			u->to_at[d] = tz_instant(l->tz, date,
						 u->from_min + len);
		}
	}
	return 0;
}
