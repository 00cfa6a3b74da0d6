/* The loader's weights, working-time rules (scenario-wide and, through
 * ld_rules_into, per person), planning figures and skill mix. */
#include "load_parts.h"

#include <string.h>

/* ---- weights ---- */

static const char *const weight_keys[] = {
	"uncovered_hour", "over_cover_hour", "substitution_hour",
	"cross_cover_hour", "contract_under_hour", "request",
	"weekend_fairness", "unsocial_fairness", "change",
	"short_notice_change", NULL
};

void load_weights(struct ld *l, json_t *root)
{
	struct weights *w = &l->sc->weights;
	double *slot[] = {
		&w->uncovered_hour, &w->over_cover_hour, &w->substitution_hour,
		&w->cross_cover_hour, &w->contract_under_hour, &w->request,
		&w->weekend_fairness, &w->unsocial_fairness, &w->change,
		&w->short_notice_change
	};
	json_t *obj = jv_member(&l->v, root, "$", "weights", JSON_OBJECT, 0);
	size_t i;

	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.weights", weight_keys);
	for (i = 0; weight_keys[i]; i++)
		jv_number(&l->v, obj, "$.weights", weight_keys[i], 0, 0, 0, 1e9,
			  slot[i]);
}

/* ---- working-time rules ---- */

static const char *const rule_keys[] = {
	"min_rest_hours", "weekly_rest", "max_days_in_a_row",
	"min_days_in_a_row", "min_days_off_in_a_row", "max_nights_in_a_row",
	"max_avg_weekly_hours", "hours_per_fte_week",
	"contract_tolerance_hours", "max_weekends", "max_shifts",
	"change_notice_days", NULL
};
static const char *const weekly_rest_keys[] = {"hours", "per_days", NULL};

static void int_rule(struct ld *l, json_t *obj, const char *path,
		     const char *key, long long lo, long long hi, int *slot)
{
	long long n;

	if (jv_integer(&l->v, obj, path, key, 0, lo, hi, &n) == JV_OK)
		*slot = (int)n;
}

static void load_weekly_rest(struct ld *l, struct rules *r, json_t *obj,
			     const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *wr = jv_member(&l->v, obj, path, "weekly_rest", JSON_OBJECT, 0);
	long long days;

	if (!wr)
		return;
	jv_key_path(sub, path, "weekly_rest");
	jv_known_keys(&l->v, wr, sub, weekly_rest_keys);
	if (jv_integer(&l->v, wr, sub, "per_days", 1, 1, 28, &days) == JV_OK)
		r->weekly_rest_per_days = (int)days;
	jv_number(&l->v, wr, sub, "hours", 1, 0, 0,
		  24.0 * r->weekly_rest_per_days - 1, &r->weekly_rest_hours);
}

/* "max_shifts": {SHIFT: N}: the rules it caps, the object and its path. */
struct max_shifts_arg {
	struct rules *r;
	json_t *in;
	const char *path;
};

static void max_shift_member(struct jv *v, const char *key, json_t *val,
			     const char *path, void *arg)
{
	struct max_shifts_arg *m = arg;
	struct ld *l = ld_of(v);
	int s = scenario_find_shift(l->sc, key);

	(void)val;
	if (s < 0) {
		jv_bad(v, path, "unknown shift '%s'", key);
		return;
	}
	int_rule(l, m->in, m->path, key, 0, LOAD_MAX_DAYS,
		 &m->r->max_shifts[s]);
}

static void load_max_shifts(struct ld *l, struct rules *r, json_t *obj,
			    const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *ms = jv_member(&l->v, obj, path, "max_shifts", JSON_OBJECT, 0);
	struct max_shifts_arg m = {r, ms, sub};

	if (!ms || !r->max_shifts)
		return;
	jv_key_path(sub, path, "max_shifts");
	jv_each_member(&l->v, ms, sub, max_shift_member, &m);
}

/* The day and night counts, each an int bounded by the horizon's most. */
static void run_rules(struct ld *l, struct rules *r, json_t *obj,
		      const char *path)
{
	int_rule(l, obj, path, "max_days_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->max_days_in_a_row);
	int_rule(l, obj, path, "min_days_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->min_days_in_a_row);
	int_rule(l, obj, path, "min_days_off_in_a_row", 1, LOAD_MAX_DAYS,
		 &r->min_days_off_in_a_row);
	int_rule(l, obj, path, "max_nights_in_a_row", 0, LOAD_MAX_DAYS,
		 &r->max_nights_in_a_row);
}

void ld_rules_into(struct ld *l, struct rules *r, json_t *obj,
		   const char *path)
{
	jv_known_keys(&l->v, obj, path, rule_keys);
	jv_number(&l->v, obj, path, "min_rest_hours", 0, 0, 0, 48,
		  &r->min_rest_hours);
	load_weekly_rest(l, r, obj, path);
	run_rules(l, r, obj, path);
	jv_number(&l->v, obj, path, "max_avg_weekly_hours", 0, 1, 0, 168,
		  &r->max_avg_weekly_hours);
	jv_number(&l->v, obj, path, "hours_per_fte_week", 0, 0, 1, 168,
		  &r->hours_per_fte_week);
	jv_number(&l->v, obj, path, "contract_tolerance_hours", 0, 0, 0, 1000,
		  &r->contract_tolerance_hours);
	int_rule(l, obj, path, "max_weekends", 0, 4, &r->max_weekends);
	int_rule(l, obj, path, "change_notice_days", 0, 366,
		 &r->change_notice_days);
	load_max_shifts(l, r, obj, path);
	if (r->min_days_in_a_row > r->max_days_in_a_row)
		jv_bad(&l->v, path, "min_days_in_a_row %d is more than "
		       "max_days_in_a_row %d", r->min_days_in_a_row,
		       r->max_days_in_a_row);
}

int ld_rules_copy(struct ld *l, struct rules *dst, const struct rules *src)
{
	size_t n = l->sc->n_shifts;

	*dst = *src;
	dst->max_shifts = ld_alloc(l, n, sizeof(int));
	if (!dst->max_shifts)
		return -1;
	if (src->max_shifts)
		memcpy(dst->max_shifts, src->max_shifts, n * sizeof(int));
	else
		for (size_t i = 0; i < n; i++)
			dst->max_shifts[i] = -1;
	return 0;
}

void load_rules(struct ld *l, json_t *root)
{
	struct rules base = l->sc->rules;
	json_t *obj;

	if (ld_rules_copy(l, &l->sc->rules, &base))
		return;
	obj = jv_member(&l->v, root, "$", "rules", JSON_OBJECT, 0);
	if (obj)
		ld_rules_into(l, &l->sc->rules, obj, "$.rules");
}

/* ---- planning ---- */

static const char *const planning_keys[] = {
	"uplift_pct", "hours_per_fte_week", "demand_growth_pct_per_year",
	"attrition_pct_per_year", "recruitment_lead_weeks", NULL
};

void load_planning(struct ld *l, json_t *root)
{
	struct planning *p = &l->sc->planning;
	json_t *obj = jv_member(&l->v, root, "$", "planning", JSON_OBJECT, 0);

	p->hours_per_fte_week = l->sc->rules.hours_per_fte_week;
	if (!obj)
		return;
	jv_known_keys(&l->v, obj, "$.planning", planning_keys);
	jv_number(&l->v, obj, "$.planning", "uplift_pct", 0, 0, 0, 500,
		  &p->uplift_pct);
	jv_number(&l->v, obj, "$.planning", "hours_per_fte_week", 0, 0, 1, 168,
		  &p->hours_per_fte_week);
	ld_planning_time(l, obj);
}

/* ---- skill mix ---- */

static const char *const ratio_keys[] = {
	"type", "service", "scope", "role", "at_most", "per", "days", "from",
	"to", "from_date", "until", NULL
};
static const char *const senior_keys[] = {
	"type", "service", "scope", "role", "min_band", "count", "days",
	"from", "to", "from_date", "until", NULL
};

static void load_window(struct ld *l, struct skill_mix *m, json_t *e,
			const char *path)
{
	int has_from = json_object_get(e, "from") != NULL;
	int has_to = json_object_get(e, "to") != NULL;

	m->from_min = m->to_min = -1;
	m->days = ld_days_member(l, e, path, "days", DAYS_DAILY);
	if (has_from != has_to) {
		jv_bad(&l->v, path, "give both 'from' and 'to', or neither");
		return;
	}
	if (has_from && (ld_time_member(l, e, path, "from", 1, &m->from_min) !=
			 JV_OK ||
			 ld_time_member(l, e, path, "to", 1, &m->to_min) != JV_OK))
		m->from_min = m->to_min = -1;
}

/* The type's own keys; 0, or -1 for an unknown type. */
static int mix_type(struct ld *l, struct skill_mix *m, json_t *e,
		    const char *path, const char *type)
{
	char sub[JV_PATH_MAX];
	long long n;

	if (!strcmp(type, "ratio")) {
		m->type = MIX_RATIO;
		jv_known_keys(&l->v, e, path, ratio_keys);
		jv_number(&l->v, e, path, "at_most", 1, 0, 0, 1000, &m->at_most);
		m->per = ld_role_ref(l, e, path, "per", 1);
	} else if (!strcmp(type, "senior")) {
		m->type = MIX_SENIOR;
		jv_known_keys(&l->v, e, path, senior_keys);
		if (jv_integer(&l->v, e, path, "min_band", 1, 0, 9, &n) == JV_OK)
			m->min_band = (int)n;
		m->count = 1;
		if (jv_integer(&l->v, e, path, "count", 0, 0, 1000, &n) == JV_OK)
			m->count = (int)n;
	} else {
		jv_bad(&l->v, jv_key_path(sub, path, "type"), "unknown skill-mix "
		       "type '%s', expected ratio or senior", type);
		return -1;
	}
	return 0;
}

static void mix_entry(struct jv *v, json_t *e, const char *path, size_t i,
		      void *arg)
{
	struct ld *l = ld_of(v);
	struct skill_mix *m = &l->sc->mix[l->sc->n_mix++];
	char sub[JV_PATH_MAX];
	const char *type, *svc;

	(void)i;
	(void)arg;
	m->service = m->role = m->per = -1;
	if (jv_string(v, e, path, "type", 1, 32, &type) != JV_OK ||
	    mix_type(l, m, e, path, type))
		return;
	if (jv_string(v, e, path, "service", 1, LOAD_MAX_ID_LEN, &svc) ==
	    JV_OK) {
		m->service = scenario_find_service(l->sc, svc);
		if (m->service < 0)
			jv_bad(v, jv_key_path(sub, path, "service"),
			       "unknown service '%s'", svc);
	}
	m->scope = ld_scope(l, e, path, "scope", SCOPE_NEIGHBOURHOOD);
	m->role = ld_role_ref(l, e, path, "role", 1);
	load_window(l, m, e, path);
	if (m->service >= 0)
		ld_dates_within(l, e, path, &l->sc->services[m->service].dates,
				&m->dates);
}

void load_skill_mix(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a;

	a = ld_array_max(l, root, "$", "skill_mix", 0, LOAD_MAX_SKILL_MIX);
	if (!a)
		return;
	sc->mix = ld_alloc(l, json_array_size(a), sizeof(*sc->mix));
	if (sc->mix)
		jv_each(&l->v, a, "$.skill_mix", JSON_OBJECT, mix_entry, NULL);
}
