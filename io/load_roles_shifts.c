/* The loader's roles (and whom each also covers) and shifts. */
#include "load_parts.h"

#include <string.h>

/* ---- roles ---- */

static const char *const role_keys[] = {"id", "name", "also_covers", NULL};
static const char *const cover_keys[] = {"role", "penalty", NULL};

/* Whether ro already lists role r among those it covers. */
static int covers_already(const struct role *ro, int r)
{
	size_t j;

	for (j = 0; j < ro->n_covers; j++)
		if (ro->covers[j].role == r)
			return 1;
	return 0;
}

/* One entry of role self's also_covers: kept only when it is sound. */
static void cover_entry(struct jv *v, json_t *e, const char *path, size_t i,
			void *self)
{
	struct ld *l = ld_of(v);
	struct role *ro = &l->sc->roles[*(const int *)self];
	struct role_cover *c = &ro->covers[ro->n_covers];

	(void)i;
	jv_known_keys(v, e, path, cover_keys);
	c->role = ld_role_ref(l, e, path, "role", 1);
	c->penalty = l->sc->weights.substitution_hour;
	jv_number(v, e, path, "penalty", 0, 0, 0, 1e9, &c->penalty);
	if (c->role < 0)
		return;
	if (c->role == *(const int *)self) {
		jv_bad(v, path, "role '%s' covers itself", ro->id);
		return;
	}
	if (covers_already(ro, c->role)) {
		jv_bad(v, path, "role '%s' listed twice",
		       l->sc->roles[c->role].id);
		return;
	}
	ro->n_covers++;
}

static void load_covers(struct ld *l, int self, json_t *a, const char *path)
{
	struct role *ro = &l->sc->roles[self];

	ro->covers = ld_alloc(l, json_array_size(a), sizeof(*ro->covers));
	if (ro->covers)
		jv_each(&l->v, a, path, JSON_OBJECT, cover_entry, &self);
}

/* Role i.  Roles keep their position in the list, so n_roles counts up
 * to the last good one. */
static void role_entry(struct jv *v, json_t *e, const char *path, size_t i,
		       void *arg)
{
	struct ld *l = ld_of(v);
	struct scenario *sc = l->sc;
	struct role *ro = &sc->roles[i];
	const char *id;

	(void)arg;
	jv_known_keys(v, e, path, role_keys);
	id = ld_id(l, e, path);
	if (id && scenario_find_role(sc, id) >= 0)
		jv_bad(v, path, "duplicate role id '%s'", id);
	ro->id = ld_dup(l, id ? id : "");
	ro->name = ld_name(l, e, path, ro->id);
	sc->n_roles = i + 1;
}

void load_roles(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	char path[JV_PATH_MAX], sub[JV_PATH_MAX];
	json_t *a, *e, *cov;
	size_t i;

	a = ld_array_max(l, root, "$", "roles", 1, LOAD_MAX_ROLES);
	if (!a)
		return;
	sc->roles = ld_alloc(l, json_array_size(a), sizeof(*sc->roles));
	if (!sc->roles)
		return;
	jv_each(&l->v, a, "$.roles", JSON_OBJECT, role_entry, NULL);
	/* Second pass: covers may name roles defined further down.  An entry
	 * that is not an object was reported on the first. */
	json_array_foreach(a, i, e) {
		jv_index_path(path, "$.roles", i);
		if (!json_is_object(e))
			continue;
		cov = ld_array(l, e, path, "also_covers", 0);
		if (cov)
			load_covers(l, (int)i, cov,
				    jv_key_path(sub, path, "also_covers"));
	}
}

/* ---- shifts ---- */

static const char *const shift_keys[] = {
	"id", "service", "start", "end", "break_minutes", "night", NULL
};

/* Minutes of [from, from+len) inside 23:00-06:00 on any night. */
static int night_minutes(int from, int len)
{
	int t, n = 0;

	for (t = from; t < from + len; t++) {
		int m = t % 1440;

		n += m >= 23 * 60 || m < 6 * 60;
	}
	return n;
}

static void shift_service(struct ld *l, struct shift *sh, json_t *e,
			  const char *path)
{
	char sub[JV_PATH_MAX];
	const char *svc;

	sh->service = -1;
	if (jv_string(&l->v, e, path, "service", 1, LOAD_MAX_ID_LEN, &svc) !=
	    JV_OK)
		return;
	sh->service = scenario_find_service(l->sc, svc);
	if (sh->service < 0)
		jv_bad(&l->v, jv_key_path(sub, path, "service"),
		       "unknown service '%s'", svc);
}

static void shift_entry(struct jv *v, json_t *e, const char *path, size_t i,
			void *arg)
{
	struct ld *l = ld_of(v);
	struct shift *sh = &l->sc->shifts[l->sc->n_shifts++];
	char sub[JV_PATH_MAX];
	const char *id;
	long long brk = 0;
	int len, night;

	(void)i;
	(void)arg;
	jv_known_keys(v, e, path, shift_keys);
	id = ld_id(l, e, path);
	if (id && scenario_find_shift(l->sc, id) >= 0)
		jv_bad(v, path, "duplicate shift id '%s'", id);
	sh->id = ld_dup(l, id ? id : "");
	shift_service(l, sh, e, path);
	if (ld_time_member(l, e, path, "start", 1, &sh->start_min) != JV_OK ||
	    ld_time_member(l, e, path, "end", 1, &sh->end_min) != JV_OK)
		return;
	len = ld_wall_length(sh->start_min, sh->end_min);
	if (jv_integer(v, e, path, "break_minutes", 0, 0, 1440, &brk) ==
	    JV_OK && brk >= len)
		jv_bad(v, jv_key_path(sub, path, "break_minutes"),
		       "break of %lld minutes is not shorter than the "
		       "%d-minute shift", brk, len);
	sh->break_minutes = (int)brk;
	sh->night = night_minutes(sh->start_min, len) >= 180;
	if (jv_boolean(v, e, path, "night", 0, &night) == JV_OK)
		sh->night = night;
}

void load_shifts(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a;

	a = ld_array_max(l, root, "$", "shifts", 0, LOAD_MAX_SHIFTS);
	if (!a)
		return;
	sc->shifts = ld_alloc(l, json_array_size(a), sizeof(*sc->shifts));
	if (sc->shifts)
		jv_each(&l->v, a, "$.shifts", JSON_OBJECT, shift_entry, NULL);
}
