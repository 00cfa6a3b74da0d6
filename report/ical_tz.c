/*
 * The VTIMEZONE each calendar embeds: the scenario's zone as libical has
 * it, cut to the horizon, its split rules joined again for Outlook, and
 * read back against the zone data before any file is written.
 */
#include "ical_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scenario.h"
#include "tz.h"

/* More observances than this after truncation means a zone with an odd
 * history; its halves are then left as libical wrote them. */
#define MAX_OBSERVANCES 32

static const char *obs_name(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c,
							   ICAL_TZNAME_PROPERTY);

	return p ? icalproperty_get_tzname(p) : NULL;
}

static int offset(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);

	if (!p)
		return -100000;
	return kind == ICAL_TZOFFSETTO_PROPERTY ? icalproperty_get_tzoffsetto(p)
	       : icalproperty_get_tzoffsetfrom(p);
}

/* An observance's only RRULE, or NULL when it has RDATEs or several. */
static icalproperty *sole_rule(icalcomponent *c)
{
	if (icalcomponent_count_properties(c, ICAL_RRULE_PROPERTY) != 1 ||
	    icalcomponent_count_properties(c, ICAL_RDATE_PROPERTY) != 0)
		return NULL;
	return icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
}

static int same_rule(struct icalrecurrencetype a, struct icalrecurrencetype b)
{
	char *sa = icalrecurrencetype_as_string_r(&a);
	char *sb = icalrecurrencetype_as_string_r(&b);
	int same = sa && sb && !strcmp(sa, sb);

	free(sa);
	free(sb);
	return same;
}

/* Whether b carries on a's yearly rule from the year after a's UNTIL. */
static int continues(icalcomponent *a, icalcomponent *b)
{
	icalproperty *pa = sole_rule(a), *pb = sole_rule(b), *start;
	struct icalrecurrencetype ra, rb;

	if (!pa || !pb || icalcomponent_isa(a) != icalcomponent_isa(b) ||
	    offset(a, ICAL_TZOFFSETFROM_PROPERTY) !=
	    offset(b, ICAL_TZOFFSETFROM_PROPERTY) ||
	    offset(a, ICAL_TZOFFSETTO_PROPERTY) !=
	    offset(b, ICAL_TZOFFSETTO_PROPERTY) ||
	    !ical_same_str(obs_name(a), obs_name(b)))
		return 0;
	ra = icalproperty_get_rrule(pa);
	rb = icalproperty_get_rrule(pb);
	start = icalcomponent_get_first_property(b, ICAL_DTSTART_PROPERTY);
	if (!start || ra.freq != ICAL_YEARLY_RECURRENCE || ra.interval != 1 ||
	    ra.count || rb.count || icaltime_is_null_time(ra.until) ||
	    !icaltime_is_null_time(rb.until) ||
	    icalproperty_get_dtstart(start).year != ra.until.year + 1)
		return 0;
	ra.until = icaltime_null_time();
	return same_rule(ra, rb);
}

static int is_observance(icalcomponent *c)
{
	icalcomponent_kind k = icalcomponent_isa(c);

	return k == ICAL_XSTANDARD_COMPONENT || k == ICAL_XDAYLIGHT_COMPONENT;
}

/*
 * libical cuts an ongoing rule in two at 2037, where a zone file's list
 * of transitions ends and its rule takes over.  Outlook reads a zone best
 * as one STANDARD and one DAYLIGHT rule without end, so where the second
 * half is the first carried on, the two are joined again.
 */
static void join_split_rules(icalcomponent *vtz)
{
	icalcomponent *obs[MAX_OBSERVANCES], *c;
	size_t n = 0, i, j;

	for (c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		if (!is_observance(c))
			continue;
		if (n == MAX_OBSERVANCES)
			return;
		obs[n++] = c;
	}
	for (i = 0; i < n; i++)
		for (j = 0; obs[i] && j < n; j++) {
			icalproperty *rule;
			struct icalrecurrencetype r;

			if (i == j || !obs[j] || !continues(obs[i], obs[j]))
				continue;
			rule = sole_rule(obs[i]);
			r = icalproperty_get_rrule(rule);
			r.until = icaltime_null_time();
			icalproperty_set_rrule(rule, r);
			icalcomponent_remove_component(vtz, obs[j]);
			icalcomponent_free(obs[j]);
			obs[j] = NULL;
		}
}

static int offset_differs(icaltimezone *zone, const struct tz *tz, instant_t t)
{
	struct icaltimetype tt = icaltime_from_timet_with_zone(
		(time_t)t, 0, icaltimezone_get_utc_timezone());

	return icaltimezone_get_utc_offset_of_utc_time(zone, &tt, NULL) !=
	       tz_offset(tz, t);
}

/* Whether zone gives the offset of the zone data at every shift's start
 * and end, and every half hour of the horizon (where the times of an
 * earlier file's cancelled events fall). */
static int zone_agrees(icaltimezone *zone, const struct scenario *sc,
		       const struct tz *tz)
{
	const struct horizon *h = &sc->horizon;
	instant_t t;
	size_t s;
	int d;

	/* Two days past the end: the last nights end the next morning. */
	for (t = h->day_start[0]; t <= h->day_start[h->days] + 2 * 86400;
	     t += 1800)
		if (offset_differs(zone, tz, t))
			return 0;
	for (s = 0; s < sc->n_shifts; s++)
		for (d = 0; d < h->days; d++)
			if (offset_differs(zone, tz, sc->shifts[s].start_at[d]) ||
			    offset_differs(zone, tz, sc->shifts[s].end_at[d]))
				return 0;
	return 1;
}

/* A VTIMEZONE that put a shift at the wrong time would be believed by
 * every client, so the one built is read back and compared. */
static int check_vtimezone(icalcomponent *vtz, const struct scenario *sc,
			   const struct tz *tz, struct rota_error *err)
{
	icaltimezone *zone = icaltimezone_new();
	icalcomponent *copy = icalcomponent_new_clone(vtz);
	int owned = zone && copy && icaltimezone_set_component(zone, copy);
	int ok = owned && zone_agrees(zone, sc, tz);

	if (!owned && copy)
		icalcomponent_free(copy);
	if (zone)
		icaltimezone_free(zone, 1);
	if (!ok)
		rota_error_add(err, ROTA_EINTERNAL, "the calendar time zone for "
			       "'%s' disagrees with the zone data",
			       sc->timezone);
	return ok ? 0 : -1;
}

icalcomponent *ical_vtimezone(const struct scenario *sc, const struct tz *tz,
			      struct rota_error *err)
{
	icaltimezone *zone = icaltimezone_get_builtin_timezone(sc->timezone);
	icalcomponent *full = zone ? icaltimezone_get_component(zone) : NULL;
	icalcomponent *vtz = full ? icalcomponent_new_clone(full) : NULL;
	icalproperty *tzid;
	struct icaltimetype from;

	if (!vtz) {
		rota_error_add(err, ROTA_EINTERNAL, "no VTIMEZONE for '%s'",
			       sc->timezone);
		return NULL;
	}
	from = icaltime_from_timet_with_zone(
		(time_t)(sc->horizon.day_start[0] - 86400), 0,
		icaltimezone_get_utc_timezone());
	/* ms_compatible keeps each rule's first DTSTART, the form Outlook
	 * expects, instead of restarting rules at the horizon. */
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 1);
	join_split_rules(vtz);
	/* libical names its zones "/freeassociation.sourceforge.net/..."; the
	 * plain IANA name is what other clients recognise. */
	tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (tzid)
		icalproperty_set_tzid(tzid, sc->timezone);
	if (check_vtimezone(vtz, sc, tz, err)) {
		icalcomponent_free(vtz);
		return NULL;
	}
	return vtz;
}
