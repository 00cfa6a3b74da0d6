/*
 * civil: calendar dates and wall-clock times as plain numbers.
 *
 * A date is a day number: days since 1970-01-01 (negative before).  The
 * proleptic Gregorian calendar is used throughout.  Nothing here knows
 * about timezones; turning a date and a wall-clock time into a real
 * instant is io/tz's job.
 *
 * Memory: nothing is allocated; a formatted date goes into the caller's
 * buffer of CIVIL_DATE_LEN bytes.
 */
#ifndef ROTA7_CIVIL_H
#define ROTA7_CIVIL_H

#include <stdint.h>

/* Seconds since 1970-01-01T00:00:00Z: a real point in time. */
typedef int64_t instant_t;

/* Years accepted in dates; wide enough for any rota, narrow enough that
 * day arithmetic cannot overflow. */
#define CIVIL_YEAR_MIN 1900
#define CIVIL_YEAR_MAX 2199

/* Buffer size for a formatted date "YYYY-MM-DD" plus NUL. */
#define CIVIL_DATE_LEN 11

int32_t civil_from_ymd(int y, int m, int d);
void civil_to_ymd(int32_t day, int *y, int *m, int *d);
int civil_days_in_month(int y, int m);

/* 0 = Monday ... 6 = Sunday (ISO 8601 order, as the scenario's "mon".."sun"). */
int civil_weekday(int32_t day);

/* Strict "YYYY-MM-DD" with a real calendar date; 0 on success, -1 if not. */
int civil_parse_date(const char *s, int32_t *day);
/* Strict "YYYY-MM"; 0 on success, -1 if not. */
int civil_parse_month(const char *s, int *y, int *m);
/* Strict "HH:MM", 00:00 to 23:59, into minutes after midnight. */
int civil_parse_hhmm(const char *s, int *minutes);

void civil_format_date(int32_t day, char out[CIVIL_DATE_LEN]);

/* "mon".."sun" -> 0..6, or -1. */
int civil_weekday_from_name(const char *s);
/* 0..6 -> "mon".."sun". */
const char *civil_weekday_name(int wd);

#endif
