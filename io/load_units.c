/* The loader's places: neighbourhoods and the groups of them that
 * scopes name (a PCN, a locality). */
#include "load_parts.h"

#include <string.h>

static const char *const nbhd_keys[] = {
	"id", "name", "weighted_population", NULL
};

/* A neighbourhood id before entry `upto` that differs only in case. */
static void nbhd_case_twin(struct jv *v, const struct scenario *sc,
			   size_t upto, const char *id, const char *path)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (sc->neighbourhoods[i].id &&
		    ld_case_twins(sc->neighbourhoods[i].id, id)) {
			jv_bad(v, path, "neighbourhood id '%s' differs only in "
			       "case from '%s' ($.neighbourhoods[%zu]): their "
			       "calendar files would be one on Windows and macOS",
			       id, sc->neighbourhoods[i].id, i);
			return;
		}
}

/* Neighbourhood i.  They are counted by position, a bad entry too, so
 * an index into the list is an index into sc->neighbourhoods. */
static void nbhd_entry(struct jv *v, json_t *e, const char *path, size_t i,
		       void *arg)
{
	struct ld *l = ld_of(v);
	struct scenario *sc = l->sc;
	struct neighbourhood *nb = &sc->neighbourhoods[i];
	const char *id;

	(void)arg;
	sc->n_neighbourhoods = i + 1;
	jv_known_keys(v, e, path, nbhd_keys);
	id = ld_id(l, e, path);
	if (id && scenario_find_neighbourhood(sc, id) >= 0)
		jv_bad(v, path, "duplicate neighbourhood id '%s'", id);
	else if (id)
		nbhd_case_twin(v, sc, i, id, path);
	nb->id = ld_dup(l, id ? id : "");
	nb->name = ld_name(l, e, path, nb->id);
	jv_number(v, e, path, "weighted_population", 1, 0, 0, 1e9,
		  &nb->weighted_population);
}

void load_neighbourhoods(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *a;

	a = ld_array_max(l, root, "$", "neighbourhoods", 1,
			 LOAD_MAX_NEIGHBOURHOODS);
	if (!a)
		return;
	if (!json_array_size(a)) {
		jv_bad(&l->v, "$.neighbourhoods", "no neighbourhoods given");
		return;
	}
	sc->neighbourhoods = ld_alloc(l, json_array_size(a),
				      sizeof(*sc->neighbourhoods));
	if (!sc->neighbourhoods)
		return;
	jv_each(&l->v, a, "$.neighbourhoods", JSON_OBJECT, nbhd_entry, NULL);
	sc->n_neighbourhoods = json_array_size(a);
}

/* ---- groups: "groups": {KIND: {GROUP: [neighbourhood, ...]}} ---- */

static int reserved_scope(const char *s)
{
	return !strcmp(s, "neighbourhood") || !strcmp(s, "borough");
}

/* One member of the group being read, the kind's last. */
static void member_entry(struct jv *v, json_t *e, const char *path,
			 size_t i, void *kind)
{
	struct scenario *sc = ld_of(v)->sc;
	struct group_kind *gk = kind;
	int g = (int)gk->n_groups - 1;
	struct group *gr = &gk->groups[g];
	int n = scenario_find_neighbourhood(sc, json_string_value(e));

	(void)i;
	if (n < 0) {
		jv_bad(v, path, "unknown neighbourhood '%s'",
		       json_string_value(e));
		return;
	}
	if (gk->group_of[n] >= 0) {
		jv_bad(v, path, "neighbourhood '%s' is already in group '%s' "
		       "of kind '%s'", sc->neighbourhoods[n].id,
		       gk->groups[gk->group_of[n]].id, gk->id);
		return;
	}
	gk->group_of[n] = g;
	gr->members[gr->n_members++] = n;
	gr->weighted_population += sc->neighbourhoods[n].weighted_population;
}

/*
 * A group with no neighbourhood is refused: a band of its kind puts
 * demand on it that nobody can meet, and the FTE gap, which shares a
 * group's demand among its neighbourhoods, would have nowhere to put it,
 * so its totals would fall short of rota.json's (issue 15).
 */
static void refuse_empty_group(struct jv *v, const struct group *gr,
			       json_t *members, const char *path)
{
	if (json_array_size(members) == 0)
		jv_bad(v, path, "group '%s' has no neighbourhoods", gr->id);
}

static void group_member(struct jv *v, const char *gid, json_t *members,
			 const char *path, void *kind)
{
	struct ld *l = ld_of(v);
	struct group_kind *gk = kind;
	struct group *gr = &gk->groups[gk->n_groups++];

	if (!*gid || strlen(gid) > LOAD_MAX_ID_LEN)
		jv_bad(v, path, "group id must be 1 to %d bytes",
		       LOAD_MAX_ID_LEN);
	gr->id = ld_dup(l, gid);
	if (!jv_is(v, members, path, JSON_ARRAY))
		return;
	gr->members = ld_alloc(l, json_array_size(members), sizeof(int));
	if (gr->members)
		jv_each(v, members, path, JSON_STRING, member_entry, gk);
	refuse_empty_group(v, gr, members, path);
}

/* A kind starts with no neighbourhood in any of its groups. */
static int kind_index(struct ld *l, struct group_kind *gk)
{
	size_t n, count = l->sc->n_neighbourhoods;

	gk->group_of = ld_alloc(l, count, sizeof(int));
	if (!gk->group_of)
		return -1;
	for (n = 0; n < count; n++)
		gk->group_of[n] = -1;
	return 0;
}

static void kind_member(struct jv *v, const char *kid, json_t *obj,
			const char *path, void *arg)
{
	struct ld *l = ld_of(v);
	struct group_kind *gk = &l->sc->kinds[l->sc->n_kinds++];

	(void)arg;
	gk->id = ld_dup(l, kid);
	if (kind_index(l, gk))
		return;
	if (reserved_scope(kid))
		jv_bad(v, path, "group kind may not be named '%s'", kid);
	if (strlen(kid) > LOAD_MAX_ID_LEN)
		jv_bad(v, path, "group kind name longer than %d bytes",
		       LOAD_MAX_ID_LEN);
	if (!jv_is(v, obj, path, JSON_OBJECT))
		return;
	if (json_object_size(obj) > LOAD_MAX_NEIGHBOURHOODS) {
		jv_bad(v, path, "too many groups, %zu, at most %d",
		       json_object_size(obj), LOAD_MAX_NEIGHBOURHOODS);
		return;
	}
	gk->groups = ld_alloc(l, json_object_size(obj), sizeof(*gk->groups));
	if (gk->groups)
		jv_each_member(v, obj, path, group_member, gk);
}

void load_groups(struct ld *l, json_t *root)
{
	struct scenario *sc = l->sc;
	json_t *obj;

	obj = jv_member(&l->v, root, "$", "groups", JSON_OBJECT, 0);
	if (!obj || !sc->neighbourhoods)
		return;
	/* Each kind holds an index over every neighbourhood. */
	if (json_object_size(obj) > LOAD_MAX_GROUP_KINDS) {
		jv_bad(&l->v, "$.groups", "too many group kinds, %zu, at most %d",
		       json_object_size(obj), LOAD_MAX_GROUP_KINDS);
		return;
	}
	sc->kinds = ld_alloc(l, json_object_size(obj), sizeof(*sc->kinds));
	if (sc->kinds)
		jv_each_member(&l->v, obj, "$.groups", kind_member, NULL);
}
