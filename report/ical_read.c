/* Reading calendars back: --previous and the tests. */
#include "ical.h"

#include <errno.h>
#include <libical/ical.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readfile.h"

void ical_calendar_init(struct ical_calendar *cal)
{
	memset(cal, 0, sizeof(*cal));
}

static void event_release(struct ical_event *e)
{
	free(e->uid);
	free(e->start_tzid);
	free(e->summary);
	free(e->location);
	free(e->categories);
	free(e->description);
}

void ical_calendar_release(struct ical_calendar *cal)
{
	size_t i;

	for (i = 0; i < cal->n_events; i++)
		event_release(&cal->events[i]);
	free(cal->events);
	free(cal->name);
	free(cal->timezone);
	ical_calendar_init(cal);
}

/* What is wrong with the calendar file at path. */
static int bad(struct rota_error *err, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bad(struct rota_error *err, const char *path, const char *fmt, ...)
{
	struct rota_place at = ROTA_PLACE_NONE;
	va_list ap;

	at.file = path;
	va_start(ap, fmt);
	rota_error_vat(err, ROTA_EINPUT, &at, fmt, ap);
	va_end(ap);
	return -1;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The whole file as a string; *text NULL and 0 returned when the file is
 * missing and that is allowed. */
static int slurp(const char *path, int missing_ok, char **text,
		 struct rota_error *err)
{
	size_t len;

	switch (readfile(path, (size_t)READFILE_MAX_BYTES, text, &len)) {
	case READFILE_OK:
		return 0;
	case READFILE_CANNOT_OPEN:
		if (missing_ok && errno == ENOENT)
			return 0;
		return rota_error_add(err, ROTA_EINPUT, "cannot read '%s': %s",
				      path, strerror(errno));
	case READFILE_TOO_BIG:
	case READFILE_CANNOT_READ:
		return bad(err, path, "not a readable calendar file of at "
			   "most %ld bytes", READFILE_MAX_BYTES);
	case READFILE_NO_MEMORY:
		break;
	}
	return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
}

/* libical marks what it could not parse with X-LIC-ERROR properties
 * instead of failing; the first one is the message. */
static const char *first_error(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c,
							   ICAL_XLICERROR_PROPERTY);
	icalcomponent *sub;

	if (p)
		return icalproperty_get_xlicerror(p);
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     sub; sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		const char *m = first_error(sub);

		if (m)
			return m;
	}
	return NULL;
}

static const char *x_property(icalcomponent *cal, const char *name)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY))
		if (!strcmp(icalproperty_get_x_name(p), name))
			return icalproperty_get_x(p);
	return NULL;
}

/* An instant from DTSTART or DTEND, through the file's own VTIMEZONE. */
static int read_time(icalcomponent *cal, icalproperty *p, const char *path,
		     const char *what, instant_t *t, char **tzid,
		     struct rota_error *err)
{
	struct icaltimetype tt = icalvalue_get_datetime(icalproperty_get_value(p));
	icalparameter *tzp = icalproperty_get_first_parameter(p,
							      ICAL_TZID_PARAMETER);
	icaltimezone *zone = icaltimezone_get_utc_timezone();

	if (tt.is_date || icaltime_is_null_time(tt))
		return bad(err, path, "%s is not a date and time", what);
	if (tzp) {
		const char *id = icalparameter_get_tzid(tzp);

		zone = icalcomponent_get_timezone(cal, id);
		if (!zone)
			return bad(err, path, "%s: no VTIMEZONE for TZID '%s'",
				   what, id);
		if (tzid && !(*tzid = strdup(id)))
			return rota_error_add(err, ROTA_EINTERNAL,
					      "out of memory");
	} else if (!icaltime_is_utc(tt))
		return bad(err, path, "%s is a floating time", what);
	tt.zone = NULL;
	*t = (instant_t)icaltime_as_timet_with_zone(tt, zone);
	return 0;
}

static const char *text_of(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);

	return p ? icalvalue_as_ical_string(icalproperty_get_value(p)) : NULL;
}

/* TEXT values as the user reads them (libical keeps them unescaped). */
static const char *plain_text(icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	icalvalue *v = p ? icalproperty_get_value(p) : NULL;

	if (!v)
		return NULL;
	return icalvalue_isa(v) == ICAL_TEXT_VALUE ? icalvalue_get_text(v)
	       : text_of(ev, kind);
}

static int copy_texts(icalcomponent *ev, struct ical_event *e)
{
	const char *uid = plain_text(ev, ICAL_UID_PROPERTY);
	const char *sum = plain_text(ev, ICAL_SUMMARY_PROPERTY);
	const char *loc = plain_text(ev, ICAL_LOCATION_PROPERTY);
	const char *cat = plain_text(ev, ICAL_CATEGORIES_PROPERTY);
	const char *desc = plain_text(ev, ICAL_DESCRIPTION_PROPERTY);

	e->uid = dup_or_null(uid);
	e->summary = dup_or_null(sum);
	e->location = dup_or_null(loc);
	e->categories = dup_or_null(cat);
	e->description = dup_or_null(desc);
	return (uid && !e->uid) || (sum && !e->summary) ||
	       (loc && !e->location) || (cat && !e->categories) ||
	       (desc && !e->description) ? -1 : 0;
}

static int read_event(icalcomponent *cal, icalcomponent *ev, const char *path,
		      struct ical_event *e, struct rota_error *err)
{
	icalproperty *ds = icalcomponent_get_first_property(ev,
							    ICAL_DTSTART_PROPERTY);
	icalproperty *de = icalcomponent_get_first_property(ev,
							    ICAL_DTEND_PROPERTY);
	icalproperty *seq = icalcomponent_get_first_property(ev,
							     ICAL_SEQUENCE_PROPERTY);
	icalproperty *st = icalcomponent_get_first_property(ev,
							    ICAL_STATUS_PROPERTY);

	memset(e, 0, sizeof(*e));
	if (copy_texts(ev, e))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (!e->uid || !ds || !de) {
		return bad(err, path, "an event without %s",
			   !e->uid ? "UID" : !ds ? "DTSTART" : "DTEND");
	}
	e->sequence = seq ? icalproperty_get_sequence(seq) : 0;
	e->cancelled = st && icalproperty_get_status(st) == ICAL_STATUS_CANCELLED;
	if (read_time(cal, ds, path, "DTSTART", &e->start, &e->start_tzid, err) ||
	    read_time(cal, de, path, "DTEND", &e->end, NULL, err))
		return -1;
	return 0;
}

static int read_events(icalcomponent *cal, const char *path,
		       struct ical_calendar *out, struct rota_error *err)
{
	int n = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
	icalcomponent *ev;

	if (n <= 0)
		return 0;
	out->events = calloc((size_t)n, sizeof(*out->events));
	if (!out->events)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev && out->n_events < (size_t)n;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		/* Counted before reading, so a failed event is released too. */
		out->n_events++;
		if (read_event(cal, ev, path, &out->events[out->n_events - 1], err))
			return -1;
	}
	return 0;
}

static int read_calendar(icalcomponent *cal, const char *path,
			 struct ical_calendar *out, struct rota_error *err)
{
	const char *msg = first_error(cal), *name, *zone;

	if (msg) {
		return bad(err, path, "%s", msg);
	}
	if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		return bad(err, path, "not a VCALENDAR");
	}
	name = x_property(cal, "X-WR-CALNAME");
	zone = x_property(cal, "X-WR-TIMEZONE");
	out->name = dup_or_null(name);
	out->timezone = dup_or_null(zone);
	if ((name && !out->name) || (zone && !out->timezone))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	return read_events(cal, path, out, err);
}

int ical_read(const char *path, int missing_ok, struct ical_calendar *cal,
	      struct rota_error *err)
{
	icalcomponent *root;
	char *text;
	int ret;

	ical_calendar_init(cal);
	if (slurp(path, missing_ok, &text, err))
		return -1;
	if (!text)
		return 0;
	root = icalparser_parse_string(text);
	free(text);
	if (!root) {
		return bad(err, path, "not an iCalendar file");
	}
	ret = read_calendar(root, path, cal, err);
	icalcomponent_free(root);
	if (ret)
		ical_calendar_release(cal);
	return ret;
}
