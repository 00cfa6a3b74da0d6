/*
 * ical_harness: what the calendar suites (test_ical, test_ical_previous)
 * share - a scratch directory, reading back what was written, the checks
 * on its lines, and the small scenario the tests write calendars of.
 *
 * Every function fails the running test (ck_assert) rather than return an
 * error.  Strings returned are malloc'd and the caller's to free.
 */
#ifndef ROTA7_TEST_ICAL_HARNESS_H
#define ROTA7_TEST_ICAL_HARNESS_H

#include <stddef.h>

#include "civil.h"
#include "ical.h"
#include "ical_roster.h"

/* A fixed DTSTAMP, so that two writes can be compared byte for byte. */
#define NOW ((instant_t)1520000000)

/* Names that are not ASCII, in UTF-8. */
#define SIAN "Si\xc3\xa2n Evans"
#define ZOE "Zo\xc3\xab Kershaw"
#define LUKASZ "\xc5\x81ukasz Nowak"

/* Makes a new empty directory under /tmp; returns its path. */
char *tmpdir(void);

/* Removes path and, if a directory, everything under it; never follows
 * a symbolic link. */
void rm_rf(const char *path);

/* The whole of the file at path, NUL-terminated; its length in *len
 * unless len is NULL. */
char *slurp(const char *path, size_t *len);

/* The text of dir/calendars/sub/name. */
char *file_in(const char *dir, const char *sub, const char *name);

/* Whether dir/calendars/sub/name exists. */
int exists(const char *dir, const char *sub, const char *name);

/* Reads dir/calendars/sub/name with ical_read into cal (the caller
 * releases it); the test fails if it does not read. */
void read_cal(const char *dir, const char *sub, const char *name,
	      struct ical_calendar *cal);

/* Writes x's calendars into dir at NOW, against the earlier output
 * directory previous (or NULL); the test fails if they are not written. */
void write_ok(const struct ical_rota *x, const char *dir,
	      const char *previous);

/* Whether s[0..n) is whole UTF-8 sequences only. */
int utf8_valid(const unsigned char *s, size_t n);

/* Fails unless text is CRLF lines only, at most 75 octets a line, no
 * UTF-8 sequence cut in two. */
void assert_lines(const char *text);

/* How many times needle occurs in hay, overlaps counted. */
int count_of(const char *hay, const char *needle);

/* The var of person p on day d with this shift, neighbourhood and role
 * (ids); the test fails if there is none. */
size_t var_of(const struct ical_rota *x, int p, int d, const char *shift,
	      const char *nbhd, const char *role);

/* Puts person p on that var on day d. */
void work(struct ical_rota *x, int p, int d, const char *shift,
	  const char *nbhd, const char *role);

/* The event of cal that starts at start, or NULL. */
const struct ical_event *event_at(const struct ical_calendar *cal,
				  instant_t start);

/* Fails unless every person's calendar in dir (read strictly) has one
 * event for each shift of the roster, at its start and end, and no more;
 * adds the number of events to *events. */
void assert_matches_roster(const struct ical_rota *x, const char *dir,
			   size_t *events);

/* Loads the test scenario: two neighbourhoods in a locality, a nurse
 * (named name) who may cover the other neighbourhood and a support
 * worker's place, a support worker (ZOE) and a nurse in Cheadle
 * (LUKASZ); shifts early (early_from to early_to), late, night and
 * small-hours; four days from start in zone. */
void load_base(struct ical_rota *x, const char *zone, const char *start,
	       const char *early_from, const char *early_to,
	       const char *name);

/* load_base in Europe/London, early 08:00-16:00, the nurse SIAN. */
void load_london(struct ical_rota *x, const char *start);

#endif
