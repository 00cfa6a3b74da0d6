/* The loader's staff: who they are, where and what they may work, their
 * leave, requests and own rules. */
#include "load_parts.h"

#include <string.h>

static const char *const staff_keys[] = {
	"id", "name", "role", "band", "fte", "neighbourhood", "may_work_in",
	"shifts", "leave", "days_off_weekly", "requests", "rules", "fixed",
	"start", "end", NULL
};
static const char *const leave_keys[] = {"from", "to", "kind", NULL};
static const char *const request_keys[] = {
	"date", "shift", "on", "off", "weight", NULL
};

/* ---- where: "may_work_in", a list of neighbourhoods or a scope ---- */

static void may_work_entry(struct jv *v, json_t *x, const char *path,
			   size_t i, void *person)
{
	struct staff *p = person;
	const char *id = json_string_value(x);
	int nb = scenario_find_neighbourhood(ld_of(v)->sc, id);

	(void)i;
	if (nb < 0)
		jv_bad(v, path, "unknown neighbourhood '%s'", id);
	else
		p->may_work[nb] = 1;
}

static void load_may_work(struct ld *l, struct staff *p, json_t *e,
			  const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	json_t *m = json_object_get(e, "may_work_in");
	size_t n;
	int scope, unit;

	p->may_work[p->home] = 1;
	if (!m)
		return;
	jv_key_path(sub, path, "may_work_in");
	if (json_is_array(m)) {
		jv_each(&l->v, m, sub, JSON_STRING, may_work_entry, p);
		return;
	}
	if (!json_is_string(m)) {
		jv_bad(&l->v, sub, "expected a string or an array, got %s",
		       jv_type_name(m));
		return;
	}
	scope = ld_scope(l, e, path, "may_work_in", SCOPE_NEIGHBOURHOOD);
	unit = scenario_unit_of(sc, scope, p->home);
	for (n = 0; unit >= 0 && n < sc->n_neighbourhoods; n++)
		if (scenario_unit_of(sc, scope, (int)n) == unit)
			p->may_work[n] = 1;
}

/* ---- what: "shifts", or by default what their role is asked for ---- */

static void allowed_entry(struct jv *v, json_t *x, const char *path,
			  size_t i, void *person)
{
	struct staff *p = person;
	int s = scenario_find_shift(ld_of(v)->sc, json_string_value(x));

	(void)i;
	if (s < 0)
		jv_bad(v, path, "unknown shift '%s'", json_string_value(x));
	else
		p->allowed[s] = 1;
}

/* Returns 1 when the person lists their shifts, 0 for the default. */
static int load_allowed(struct ld *l, struct staff *p, json_t *e,
			const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *a = ld_array(l, e, path, "shifts", 0);

	if (!a)
		return json_object_get(e, "shifts") != NULL;
	jv_each(&l->v, a, jv_key_path(sub, path, "shifts"), JSON_STRING,
		allowed_entry, p);
	return 1;
}

static int service_demands(const struct service *sv, int role)
{
	size_t b, r;

	for (b = 0; b < sv->n_bands; b++)
		for (r = 0; r < sv->bands[b].n_reqs; r++)
			if (sv->bands[b].reqs[r].role == role)
				return 1;
	return 0;
}

/* The spec's default: every shift of a service with demand for the
 * person's role or a role it also covers. */
static void default_allowed(struct scenario *sc, struct staff *p)
{
	const struct role *ro;
	size_t s, c;

	if (p->role < 0)
		return;
	ro = &sc->roles[p->role];
	for (s = 0; s < sc->n_shifts; s++) {
		const struct service *sv;
		int sid = sc->shifts[s].service;

		if (sid < 0)
			continue;
		sv = &sc->services[sid];
		p->allowed[s] = (unsigned char)service_demands(sv, p->role);
		for (c = 0; c < ro->n_covers; c++)
			if (service_demands(sv, ro->covers[c].role))
				p->allowed[s] = 1;
	}
}

/* ---- when not: leave ---- */

static void leave_entry(struct jv *v, json_t *x, const char *path, size_t i,
			void *person)
{
	struct ld *l = ld_of(v);
	struct staff *p = person;
	struct leave *lv = &p->leave[p->n_leave];
	int32_t start = l->sc->horizon.start, from, to;
	const char *kind;

	(void)i;
	jv_known_keys(v, x, path, leave_keys);
	if (jv_string(v, x, path, "kind", 0, LOAD_MAX_ID_LEN, &kind) != JV_OK)
		kind = "annual";
	if (ld_date_member(l, x, path, "from", 1, &from) != JV_OK ||
	    ld_date_member(l, x, path, "to", 1, &to) != JV_OK)
		return;
	if (to < from) {
		jv_bad(v, path, "leave ends before it starts");
		return;
	}
	lv->from_day = (int)(from - start);
	lv->to_day = (int)(to - start);
	lv->kind = ld_dup(l, kind);
	p->n_leave++;
}

static void load_leave(struct ld *l, struct staff *p, json_t *e,
		       const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *a = ld_array(l, e, path, "leave", 0);

	if (!a)
		return;
	p->leave = ld_alloc(l, json_array_size(a), sizeof(*p->leave));
	if (p->leave)
		jv_each(&l->v, a, jv_key_path(sub, path, "leave"), JSON_OBJECT,
			leave_entry, p);
}

/* ---- wishes: requests for a shift or a day off ---- */

/* The request's shift, if it names one; -1 after an error. */
static int request_shift(struct ld *l, struct request *rq, json_t *x,
			 const char *path)
{
	char sub[JV_PATH_MAX];
	const char *shift;

	if (jv_string(&l->v, x, path, "shift", 0, LOAD_MAX_ID_LEN, &shift) !=
	    JV_OK)
		return 0;
	rq->shift = scenario_find_shift(l->sc, shift);
	if (rq->shift >= 0)
		return 0;
	jv_bad(&l->v, jv_key_path(sub, path, "shift"), "unknown shift '%s'",
	       shift);
	return -1;
}

static void request_entry(struct jv *v, json_t *x, const char *path,
			  size_t i, void *person)
{
	struct ld *l = ld_of(v);
	struct staff *p = person;
	struct request *rq = &p->requests[p->n_requests];
	int on = 0, off = 0;
	int32_t date;

	(void)i;
	jv_known_keys(v, x, path, request_keys);
	rq->shift = -1;
	rq->weight = 1;
	if (ld_date_member(l, x, path, "date", 1, &date) != JV_OK)
		return;
	jv_boolean(v, x, path, "on", 0, &on);
	jv_boolean(v, x, path, "off", 0, &off);
	if (on == off) {
		jv_bad(v, path, "a request needs exactly one of "
		       "\"on\": true and \"off\": true");
		return;
	}
	if (request_shift(l, rq, x, path))
		return;
	jv_number(v, x, path, "weight", 0, 0, 0, 1e6, &rq->weight);
	rq->on = on;
	rq->day = (int)(date - l->sc->horizon.start);
	/* A request outside the horizon cannot be met or refused here. */
	if (rq->day >= 0 && rq->day < l->sc->horizon.days)
		p->n_requests++;
}

static void load_requests(struct ld *l, struct staff *p, json_t *e,
			  const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *a = ld_array(l, e, path, "requests", 0);

	if (!a)
		return;
	p->requests = ld_alloc(l, json_array_size(a), sizeof(*p->requests));
	if (p->requests)
		jv_each(&l->v, a, jv_key_path(sub, path, "requests"),
			JSON_OBJECT, request_entry, p);
}

/* ---- the person ---- */

static void load_person_basics(struct ld *l, struct staff *p, json_t *e,
			       const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	const char *id, *nb;
	long long band;

	id = ld_id(l, e, path);
	p->id = ld_dup(l, id ? id : "");
	p->name = ld_name(l, e, path, p->id);
	p->role = ld_role_ref(l, e, path, "role", 1);
	if (jv_integer(&l->v, e, path, "band", 0, 1, 9, &band) == JV_OK)
		p->band = (int)band;
	p->fte = 1.0;
	jv_number(&l->v, e, path, "fte", 0, 0, 1, 1.5, &p->fte);
	p->home = -1;
	if (jv_string(&l->v, e, path, "neighbourhood", 1, LOAD_MAX_ID_LEN, &nb) ==
	    JV_OK) {
		p->home = scenario_find_neighbourhood(sc, nb);
		if (p->home < 0)
			jv_bad(&l->v, jv_key_path(sub, path, "neighbourhood"),
			       "unknown neighbourhood '%s'", nb);
	}
}

static void load_person(struct ld *l, struct staff *p, json_t *e,
			const char *path)
{
	struct scenario *sc = l->sc;
	char sub[JV_PATH_MAX];
	json_t *x;

	jv_known_keys(&l->v, e, path, staff_keys);
	load_person_basics(l, p, e, path);
	ld_dates(l, e, path, "start", "end", &p->post);
	p->may_work = ld_alloc(l, sc->n_neighbourhoods, 1);
	p->allowed = ld_alloc(l, sc->n_shifts, 1);
	if (ld_rules_copy(l, &p->rules, &sc->rules) || !p->may_work ||
	    !p->allowed)
		return;
	if (p->home >= 0)
		load_may_work(l, p, e, path);
	if (!load_allowed(l, p, e, path))
		default_allowed(sc, p);
	load_leave(l, p, e, path);
	x = jv_member(&l->v, e, path, "days_off_weekly", JSON_ARRAY, 0);
	if (x)
		p->days_off_weekly = ld_days(l, x, jv_key_path(sub, path,
					     "days_off_weekly"), 1);
	load_requests(l, p, e, path);
	load_fixed(l, p, e, path);
	x = jv_member(&l->v, e, path, "rules", JSON_OBJECT, 0);
	if (x)
		ld_rules_into(l, &p->rules, x, jv_key_path(sub, path, "rules"));
}

static int staff_id_taken(const struct scenario *sc, size_t upto,
			  const char *id)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (sc->staff[i].id && !strcmp(sc->staff[i].id, id))
			return 1;
	return 0;
}

/* A staff id before person `upto` that differs only in case. */
static void staff_case_twin(struct jv *v, const struct scenario *sc,
			    size_t upto, const char *path)
{
	const char *id = sc->staff[upto].id;
	size_t i;

	for (i = 0; i < upto; i++)
		if (sc->staff[i].id && ld_case_twins(sc->staff[i].id, id)) {
			jv_bad(v, path, "staff id '%s' differs only in case from "
			       "'%s' ($.staff[%zu]): their calendar files would "
			       "be one on Windows and macOS", id,
			       sc->staff[i].id, i);
			return;
		}
}

static void staff_entry(struct jv *v, json_t *e, const char *path, size_t i,
			void *arg)
{
	struct ld *l = ld_of(v);
	struct scenario *sc = l->sc;
	struct staff *p = &sc->staff[sc->n_staff++];

	(void)i;
	(void)arg;
	load_person(l, p, e, path);
	if (*p->id && staff_id_taken(sc, sc->n_staff - 1, p->id))
		jv_bad(v, path, "duplicate staff id '%s'", p->id);
	else if (*p->id)
		staff_case_twin(v, sc, sc->n_staff - 1, path);
}

void load_staff(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a;

	a = ld_array_max(l, root, "$", "staff", 0, LOAD_MAX_STAFF);
	if (!a)
		return;
	sc->staff = ld_alloc(l, json_array_size(a), sizeof(*sc->staff));
	if (sc->staff)
		jv_each_named(&l->v, a, "$.staff", staff_entry, NULL);
}
