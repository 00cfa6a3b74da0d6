/*
 * tz: real instants from local wall-clock times, on libical's zone data.
 *
 * The only place rota7 asks a timezone database anything.  The loader
 * calls it once per date and time; reports call it to show an instant as
 * local time with its UTC offset.
 *
 * Local times that do not exist (the hour skipped in spring) and that
 * exist twice (the hour repeated in autumn) are resolved as RFC 5545
 * section 3.3.5 says for DTSTART: a skipped time is read with the offset
 * in force before the gap (so 01:30 on 25 March 2018 in London is 02:30
 * BST), and a repeated time is its first occurrence.
 *
 * Memory: tz_open returns a handle the caller closes with tz_close; the
 * zone data itself belongs to libical and lives until tz_shutdown.
 */
#ifndef ROTA7_TZ_H
#define ROTA7_TZ_H

#include "civil.h"

struct tz;

/* NULL when the name is not a zone libical knows. */
struct tz *tz_open(const char *name);
void tz_close(struct tz *tz);

/* Instant of `minutes` after local midnight of civil day `day`;
 * minutes may exceed 1440 to mean the following day. */
instant_t tz_instant(const struct tz *tz, int32_t day, int minutes);

/* UTC offset in seconds (east positive) in force at an instant. */
int tz_offset(const struct tz *tz, instant_t t);

/* Local civil day and seconds after local midnight of an instant. */
void tz_local(const struct tz *tz, instant_t t, int32_t *day, int *seconds);

/* "2018-03-25T09:00:00+01:00"; out needs TZ_ISO_LEN bytes. */
#define TZ_ISO_LEN 48
void tz_format_iso(const struct tz *tz, instant_t t, char out[TZ_ISO_LEN]);

/* Frees libical's cached zone data (for leak checkers at exit). */
void tz_shutdown(void);

#endif
