/*
 * ical_internal: what the calendar files of report/ share.  Internal to
 * report/: nothing outside it includes this header; the public API is
 * ical.h.
 *
 *   ical.c           the events and calendars, and writing every file
 *   ical_tz.c        the VTIMEZONE each file embeds
 *   ical_previous.c  --previous: the earlier calendars compared, SEQUENCE
 *                    and cancellations decided
 *   ical_read.c      a calendar file read back (ical_read)
 *   ical_text.c      content lines written by hand (escaped and folded),
 *                    and an id as a file name
 *
 * Memory: ical_vtimezone returns a component the caller frees with
 * icalcomponent_free.  struct ical_content owns its four strings and
 * struct ical_previous the earlier calendar; their _release functions
 * free them.  Nothing here keeps a pointer to a problem or scenario.
 */
#ifndef ROTA7_ICAL_INTERNAL_H
#define ROTA7_ICAL_INTERNAL_H

#include <libical/ical.h>
#include <stddef.h>
#include <string.h>

#include "ical.h"

struct horizon;
struct scenario;
struct tz;

/* Both NULL or the same text. */
static inline int ical_same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* ---- ical_text.c ---- */

/*
 * "NAME:value\r\n" with value escaped as RFC 5545 TEXT (\\ \; \, \n;
 * other control characters as spaces) and folded at 75 octets without
 * splitting a UTF-8 sequence; malloc'd, NULL when out of memory.
 */
char *ical_text_line(const char *name, const char *value);

/* A copy of text with insert after the first occurrence of line; NULL
 * when line is not in text or out of memory.  malloc'd. */
char *ical_insert_after(const char *text, const char *line,
			const char *insert);

/* The file name of an id's calendar ("n001.ics", "%63on.ics" for
 * "con"), safe on Linux, macOS and Windows; malloc'd, NULL when out of
 * memory. */
char *ical_file_name(const char *id);

/* ---- ical_tz.c ---- */

/*
 * The VTIMEZONE of sc's zone as libical has it, cut to what the horizon
 * needs, in the plain RRULE form Outlook reads, and checked against tz
 * (the zone data) at every shift's start and end.  NULL with err set
 * (ROTA_EINTERNAL) when libical has no such zone or disagrees.
 */
icalcomponent *ical_vtimezone(const struct scenario *sc, const struct tz *tz,
			      struct rota_error *err);

/* ---- the text of an event (ical.c) ---- */

/* The published text of an event; every field non-NULL once filled. */
struct ical_content {
	char *summary, *location, *categories, *description;
};

void ical_content_release(struct ical_content *c);

/* ---- ical_previous.c ---- */

/* The earlier file a calendar replaces. */
struct ical_previous {
	struct ical_calendar cal;  /* events sorted by UID, the newest
	                              SEQUENCE of a UID first */
	unsigned char *matched;    /* [cal.n_events]: 1 once a shift of this
	                              rota took the event, and for the older
	                              copies of a repeated UID */
};

/* Whether previous (NULL: none) is a directory; ROTA_EINPUT if not. */
int ical_previous_check(const char *previous, struct rota_error *err);

/*
 * Reads previous/calendars/sub/name into pv, which must be zeroed or
 * released; with previous NULL, or no such file, pv stays empty.  0, or
 * -1 with err set (ROTA_EINPUT: the file cannot be read as a calendar).
 */
int ical_previous_load(struct ical_previous *pv, const char *previous,
		       const char *sub, const char *name,
		       struct rota_error *err);

void ical_previous_release(struct ical_previous *pv);

/* The earlier event with this UID (its newest copy), marked as taken;
 * NULL when the earlier file has none. */
const struct ical_event *ical_previous_find(struct ical_previous *pv,
					    const char *uid);

/*
 * The next event of the earlier file, from *i on, that no shift of this
 * rota took and that starts inside h: a shift that is gone, to publish
 * as cancelled.  Earlier months are not this file's business.  Advances
 * *i past it; NULL when there are no more.
 */
const struct ical_event *ical_previous_gone(const struct ical_previous *pv,
					    const struct horizon *h, size_t *i);

/*
 * The next event of the earlier file, from *i on, that starts before h:
 * an event of an earlier horizon (last month), which this rota does not
 * touch.  It is published again unchanged, the same UID, SEQUENCE, times
 * and text, so that a subscribed feed keeps last month when this one is
 * published.  Advances *i past it; NULL when there are no more.
 */
const struct ical_event *ical_previous_earlier(const struct ical_previous *pv,
					       const struct horizon *h,
					       size_t *i);

/* The text of an event of an earlier horizon, as it was.  0, or -1 out
 * of memory (c left empty). */
int ical_kept_content(const struct ical_event *old, struct ical_content *c);

/* SEQUENCE of a shift of this rota with content c from start to end,
 * against the earlier event old (NULL: new, 0): one higher when anything
 * a client shows has changed, else the same. */
int ical_live_sequence(const struct ical_event *old, instant_t start,
		       instant_t end, const struct ical_content *c);

/* SEQUENCE of a gone shift: one higher, unless old was cancelled already. */
int ical_cancelled_sequence(const struct ical_event *old);

/* The text of a gone shift: the earlier event's, marked cancelled.  0, or
 * -1 out of memory (c left empty). */
int ical_cancelled_content(const struct ical_event *old,
			   struct ical_content *c);

#endif
