/* The loader's services: what is offered, in bands of days and hours,
 * each asking for people by role. */
#include "load_parts.h"

#include <string.h>

static const char *const service_keys[] = {
	"id", "name", "bands", "from", "until", NULL
};
static const char *const band_keys[] = {
	"label", "days", "from", "to", "scope", "require", "from_date",
	"until", NULL
};
static const char *const req_keys[] = {
	"role", "count", "total", "per_100k", "min", NULL
};

/* How many: exactly one of "count", "total" and "per_100k". */
static void requirement_amount(struct ld *l, struct requirement *rq,
			       json_t *e, const char *path)
{
	static const char *const kinds[] = {"count", "total", "per_100k"};
	long long n;
	int given = 0, k;

	for (k = 0; k < 3; k++)
		if (json_object_get(e, kinds[k])) {
			given++;
			rq->kind = (enum req_kind)k;
		}
	if (given != 1) {
		jv_bad(&l->v, path, "give exactly one of 'count', 'total' and "
		       "'per_100k' (%d given)", given);
		return;
	}
	if (rq->kind == REQ_PER_100K) {
		jv_number(&l->v, e, path, "per_100k", 1, 0, 0, 1e6, &rq->value);
	} else if (jv_integer(&l->v, e, path, kinds[rq->kind], 1, 0,
			      LOAD_MAX_HEADCOUNT, &n) == JV_OK) {
		rq->value = (double)n;
	}
	if (json_object_get(e, "min") && rq->kind == REQ_COUNT)
		jv_bad(&l->v, path, "'min' applies only to 'total' and "
		       "'per_100k'");
	else if (jv_integer(&l->v, e, path, "min", 0, 0, LOAD_MAX_HEADCOUNT,
			    &n) == JV_OK)
		rq->min = (int)n;
}

/* One requirement of the band arg. */
static void requirement_entry(struct jv *v, json_t *e, const char *path,
			      size_t i, void *band)
{
	struct ld *l = ld_of(v);
	struct band *b = band;
	struct requirement *rq = &b->reqs[b->n_reqs++];

	(void)i;
	jv_known_keys(v, e, path, req_keys);
	rq->role = ld_role_ref(l, e, path, "role", 1);
	requirement_amount(l, rq, e, path);
}

/* One band of the service arg. */
static void band_entry(struct jv *v, json_t *e, const char *path, size_t i,
		       void *service)
{
	struct ld *l = ld_of(v);
	struct service *sv = service;
	struct band *b = &sv->bands[sv->n_bands++];
	char sub[JV_PATH_MAX];
	const char *label;
	json_t *req;

	(void)i;
	jv_known_keys(v, e, path, band_keys);
	if (jv_string(v, e, path, "label", 0, LOAD_MAX_TEXT_LEN, &label) !=
	    JV_OK)
		label = "";
	b->label = ld_dup(l, label);
	b->days = ld_days_member(l, e, path, "days", DAYS_DAILY);
	ld_time_member(l, e, path, "from", 1, &b->from_min);
	ld_time_member(l, e, path, "to", 1, &b->to_min);
	b->scope = ld_scope(l, e, path, "scope", SCOPE_NEIGHBOURHOOD);
	ld_dates_within(l, e, path, &sv->dates, &b->dates);
	req = ld_array(l, e, path, "require", 1);
	if (!req)
		return;
	b->reqs = ld_alloc(l, json_array_size(req), sizeof(*b->reqs));
	if (b->reqs)
		jv_each(v, req, jv_key_path(sub, path, "require"), JSON_OBJECT,
			requirement_entry, b);
}

static void service_entry(struct jv *v, json_t *e, const char *path,
			  size_t i, void *arg)
{
	struct ld *l = ld_of(v);
	struct service *sv = &l->sc->services[l->sc->n_services++];
	char sub[JV_PATH_MAX];
	const char *id;
	json_t *bands;

	(void)i;
	(void)arg;
	jv_known_keys(v, e, path, service_keys);
	id = ld_id(l, e, path);
	if (id && scenario_find_service(l->sc, id) >= 0)
		jv_bad(v, path, "duplicate service id '%s'", id);
	sv->id = ld_dup(l, id ? id : "");
	sv->name = ld_name(l, e, path, sv->id);
	ld_dates(l, e, path, "from", "until", &sv->dates);
	bands = ld_array_max(l, e, path, "bands", 0, LOAD_MAX_BANDS);
	if (!bands)
		return;
	sv->bands = ld_alloc(l, json_array_size(bands), sizeof(*sv->bands));
	if (sv->bands)
		jv_each(v, bands, jv_key_path(sub, path, "bands"), JSON_OBJECT,
			band_entry, sv);
}

void load_services(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a;

	a = ld_array_max(l, root, "$", "services", 0, LOAD_MAX_SERVICES);
	if (!a)
		return;
	sc->services = ld_alloc(l, json_array_size(a), sizeof(*sc->services));
	if (sc->services)
		jv_each(&l->v, a, "$.services", JSON_OBJECT, service_entry,
			NULL);
}
