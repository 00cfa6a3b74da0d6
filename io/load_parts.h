/*
 * load_parts: what the scenario loader's files share.
 *
 * Internal to io/: only io/load*.c include it.  The loader's API is
 * load.h; this header is how its parts talk to one another.
 *
 * load.c parses the document and calls the parts in the order the
 * scenario needs them, each reading what an earlier one made (a shift
 * names a service, a person a role, a neighbourhood and shifts):
 *
 *   load_horizon.c       version, name, timezone, horizon, bank holidays;
 *                        at the end, every local time as a real instant
 *   load_units.c         neighbourhoods and the groups they form
 *   load_roles_shifts.c  roles (and whom each also covers), shifts
 *   load_services.c      services, their bands and requirements
 *   load_rules.c         weights, working-time rules, planning, skill mix
 *   load_staff.c         staff, their leave, shifts and requests
 *   load_fixed.c         staff's pins (staff[].fixed)
 *   load_history.c       the days before the horizon (history)
 *   load_pay.c           pay rates and unsocial-hours ranges (an
 *                        addition to the spec)
 *   load_dates.c         from/until, start/end and the planning rates
 *                        of plan --until (additions to the spec)
 *   load_fields.c        the reads the parts share (the ld_ functions)
 *
 * Every read goes through jv (jv.h): a problem is reported with its path
 * and the part goes on, so one run reports everything wrong.  Lists are
 * walked with jv_each and jv_each_member; their callbacks get the ld
 * back from the jv with ld_of.
 *
 * Memory: what a part allocates hangs off l->sc and is freed with it
 * (scenario_release).  A failed allocation sets l->oom and the part
 * skips what it would have filled; the loader then fails with "out of
 * memory", leaving a scenario that scenario_release can still free.
 */
#ifndef ROTA7_LOAD_PARTS_H
#define ROTA7_LOAD_PARTS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "jv.h"
#include "load.h"
#include "scenario.h"
#include "tz.h"

/* Loader state: the validation context plus what later parts need. */
struct ld {
	struct jv v;            /* first, so that ld_of finds the rest */
	struct scenario *sc;
	struct tz *tz;          /* the scenario's zone; NULL if unknown */
	int oom;                /* an allocation failed */
};

/* The ld whose jv a walk's callback was given. */
static inline struct ld *ld_of(struct jv *v)
{
	return (struct ld *)(void *)v;
}

/* ---- load_fields.c: allocation, and the reads the parts share ---- */

/* strdup and calloc (at least one element) that set l->oom on failure. */
char *ld_dup(struct ld *l, const char *s);
void *ld_alloc(struct ld *l, size_t n, size_t size);

/* The array member `key` of obj holding at most `max` entries ("too many
 * entries" otherwise), or NULL; ld_array bounds it by LOAD_MAX_ITEMS. */
json_t *ld_array_max(struct ld *l, json_t *obj, const char *path,
		     const char *key, int required, size_t max);
json_t *ld_array(struct ld *l, json_t *obj, const char *path,
		 const char *key, int required);

/* The required "id": a string of at most LOAD_MAX_ID_LEN bytes, or NULL. */
const char *ld_id(struct ld *l, json_t *obj, const char *path);
/* Whether two ids differ only in the case of ASCII letters ("Ann",
 * "ann").  Staff and neighbourhood ids name calendar files, and Windows,
 * macOS and FAT ignore case in file names, so such twins are refused
 * (the spec gives ids no case rule; a scenario needing both is unlikely
 * and would lose a calendar). */
int ld_case_twins(const char *a, const char *b);
/* A copy of the optional "name", or of id (which may be NULL: "") when
 * there is none. */
char *ld_name(struct ld *l, json_t *obj, const char *path, const char *id);

/* A days list ("mon", "weekday", "daily", ...) as DAYS_* bits; an empty
 * one is reported unless allow_empty.  ld_days_member reads the member
 * `key`, dflt when it is absent. */
unsigned ld_days(struct ld *l, json_t *arr, const char *path,
		 int allow_empty);
unsigned ld_days_member(struct ld *l, json_t *obj, const char *path,
			const char *key, unsigned dflt);

/* "YYYY-MM-DD" as a civil day and "HH:MM" as minutes after midnight. */
enum jv_res ld_date_member(struct ld *l, json_t *obj, const char *path,
			   const char *key, int required, int32_t *day);
enum jv_res ld_time_member(struct ld *l, json_t *obj, const char *path,
			   const char *key, int required, int *minutes);

/* A scope name ("neighbourhood", "borough" or a group kind), dflt when
 * absent or unknown. */
int ld_scope(struct ld *l, json_t *obj, const char *path, const char *key,
	     int dflt);

/* A role named by id; -1 (and an error) when unknown. */
int ld_role_ref(struct ld *l, json_t *obj, const char *path,
		const char *key, int required);

/* Wall-clock minutes from `from` to `to`; an end not after the start is
 * on the next day. */
int ld_wall_length(int from, int to);

/* ---- the parts, file by file (load_root in load.c calls them) ---- */

/* load_horizon.c */
void load_header(struct ld *l, json_t *root);
void load_horizon(struct ld *l, json_t *root);
void load_bank_holidays(struct ld *l, json_t *root);
/* Last, once everything is valid: each shift, band and skill-mix window
 * on each day as instants, through the timezone.  0 or -1 (l->oom). */
int load_instants(struct ld *l);

/* load_units.c */
void load_neighbourhoods(struct ld *l, json_t *root);
void load_groups(struct ld *l, json_t *root);

/* load_roles_shifts.c */
void load_roles(struct ld *l, json_t *root);
void load_shifts(struct ld *l, json_t *root);

/* load_services.c */
void load_services(struct ld *l, json_t *root);

/* load_rules.c.  Weights are read before roles: they give also_covers
 * its default penalty. */
void load_weights(struct ld *l, json_t *root);
void load_skill_mix(struct ld *l, json_t *root);
void load_rules(struct ld *l, json_t *root);
void load_planning(struct ld *l, json_t *root);
/* Copies src into dst with its own max_shifts array (-1: no limit);
 * 0 or -1 (l->oom). */
int ld_rules_copy(struct ld *l, struct rules *dst, const struct rules *src);
/* Reads the overrides in obj into r, which holds the inherited values:
 * "$.rules" over the defaults, a person's "rules" over "$.rules". */
void ld_rules_into(struct ld *l, struct rules *r, json_t *obj,
		   const char *path);

/* load_pay.c: $.pay (an addition to the spec), after the planning
 * figures (an annual salary is hours_per_fte_week x 365/7 hours); its
 * unsocial ranges as instants, from load_instants. */
void load_pay(struct ld *l, json_t *root);
int load_pay_instants(struct ld *l);

/* load_staff.c */
void load_staff(struct ld *l, json_t *root);

/* load_fixed.c: person p's pins (staff[].fixed), read last of p's lists;
 * each pin to work adds a REQUEST_FIXED request, priced later
 * (reference_price_fixed). */
void load_fixed(struct ld *l, struct staff *p, json_t *e, const char *path);

/* load_history.c: the scenario's history (the days before the horizon);
 * after the staff and the instants. */
void load_history(struct ld *l, json_t *root);

/* load_dates.c.  ld_dates reads the optional dates from_key and
 * until_key of obj into w (open where absent) and refuses an until
 * before its from.  ld_dates_within reads a band's or skill-mix rule's
 * from_date/until (its "from" is a time of day) and narrows them to s,
 * its service's from/until (read first). */
void ld_dates(struct ld *l, json_t *obj, const char *path,
	      const char *from_key, const char *until_key,
	      struct date_window *w);
void ld_dates_within(struct ld *l, json_t *obj, const char *path,
		     const struct date_window *s, struct date_window *w);
/* The planning figures of plan --until from obj ($.planning). */
void ld_planning_time(struct ld *l, json_t *obj);

#endif
