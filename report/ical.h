/*
 * ical: the rota as iCalendar files (RFC 5545) that staff subscribe to.
 *
 * `rota7 solve` writes DIR/calendars/staff/<staff-id>.ics for every person
 * with a shift and DIR/calendars/neighbourhood/<id>.ics for every
 * neighbourhood (../shared/spec/outputs.md, "Calendars").  Each shift is
 * a VEVENT whose DTSTART and DTEND carry the scenario's TZID and an
 * embedded VTIMEZONE in the plain RRULE form Outlook reads, so a night
 * over a clock change shows its real length in every client.
 *
 * UIDs are a SHA-256 of the calendar, person, date and shift: the same
 * shift has the same UID in every run (clients update it rather than
 * adding a copy) and the UID gives away no one's id or name.
 *
 * With --previous DIR, each calendar is compared with the same file in
 * DIR: an event whose content changed gets SEQUENCE one above the earlier
 * one, an unchanged event keeps it, and an event of the earlier file
 * inside this horizon that is gone is published again with
 * STATUS:CANCELLED and a higher SEQUENCE, so subscribed clients drop it.
 *
 * Only this module writes and reads .ics files.  Its files: ical.c (the
 * events and calendars), ical_tz.c (the VTIMEZONE), ical_previous.c (the
 * comparison with --previous), ical_read.c (reading a file back); they
 * share ical_internal.h, which nothing outside report/ includes.
 *
 * Memory: struct ical_calendar owns its events and their strings;
 * ical_calendar_release frees them.  Functions that take a problem and a
 * roster only borrow them.
 */
#ifndef ROTA7_ICAL_H
#define ROTA7_ICAL_H

#include <stddef.h>

#include "civil.h"
#include "diag.h"

struct problem;
struct roster;

/* "<32 hex digits>@rota7" and its NUL. */
#define ICAL_UID_LEN 40

/*
 * UID of person `staff` working shift `shift` starting on civil day
 * `date`, in the calendar of a person (nbhd NULL) or of neighbourhood
 * `nbhd`.  The two calendars get different UIDs so that a client holding
 * both never mistakes one event for the other.  No free text goes in
 * (the scenario's name did until 2026-12: renaming a scenario then
 * re-created every event); ical_uid_v1 is that older UID, which an event
 * of a --previous calendar published under it keeps.
 */
void ical_uid(const char *nbhd, const char *staff, int32_t date,
	      const char *shift, char out[ICAL_UID_LEN]);
void ical_uid_v1(const char *scenario, const char *nbhd, const char *staff,
		 int32_t date, const char *shift, char out[ICAL_UID_LEN]);

/*
 * Writes every calendar under dir/calendars/, comparing with the
 * calendars under previous/calendars/ when previous is not NULL.
 * DTSTAMP is the current time.  0, or -1 with err set: ROTA_EOUTPUT when
 * a file cannot be written (files already written stay whole),
 * ROTA_EINPUT when a previous calendar cannot be read.
 */
int ical_write_all(const char *dir, const char *previous,
		   const struct problem *pb, const struct roster *r,
		   struct rota_error *err);

/* How many calendars (.ics files) dir/calendars/ holds, into *n: 0, or
 * -1 with err set (ROTA_EOUTPUT) when a folder cannot be read. */
int ical_count(const char *dir, size_t *n, struct rota_error *err);

/* The same with DTSTAMP `now`, for tests that compare whole files. */
int ical_write_at(const char *dir, const char *previous,
		  const struct problem *pb, const struct roster *r,
		  instant_t now, struct rota_error *err);

/* One VEVENT as read back from a file. */
struct ical_event {
	char *uid;
	int sequence;
	int cancelled;       /* STATUS:CANCELLED */
	instant_t start, end;
	char *start_tzid;    /* TZID of DTSTART; NULL for a UTC time */
	char *summary;       /* NULL when absent, like the rest */
	char *location;
	char *categories;
	char *description;
};

/* What a calendar file says, as plain C data. */
struct ical_calendar {
	char *name;          /* X-WR-CALNAME */
	char *timezone;      /* X-WR-TIMEZONE */
	size_t n_events;
	struct ical_event *events;
};

void ical_calendar_init(struct ical_calendar *cal);
void ical_calendar_release(struct ical_calendar *cal);

/*
 * Parses the calendar at path with libical.  Times with a TZID are read
 * through the file's own VTIMEZONE, never the system's, so a reader sees
 * what a client sees.  Refused (ROTA_EINPUT, the path first): anything
 * libical flags as malformed, a TZID without its VTIMEZONE, a floating or
 * all-day time, an event without UID or DTEND.  When missing_ok is set, a
 * file that does not exist reads as an empty calendar.
 */
int ical_read(const char *path, int missing_ok, struct ical_calendar *cal,
	      struct rota_error *err);

#endif
