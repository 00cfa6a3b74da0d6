#include "tz.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

struct tz {
	icaltimezone *zone;   /* owned by libical's builtin cache */
};

struct tz *tz_open(const char *name)
{
	icaltimezone *zone;
	struct tz *tz;

	if (!name || !*name)
		return NULL;
	zone = icaltimezone_get_builtin_timezone(name);
	if (!zone)
		return NULL;
	tz = malloc(sizeof(*tz));
	if (!tz)
		return NULL;
	tz->zone = zone;
	return tz;
}

void tz_close(struct tz *tz)
{
	free(tz);
}

int tz_offset(const struct tz *tz, instant_t t)
{
	icaltimezone *utc = icaltimezone_get_utc_timezone();
	struct icaltimetype tt;
	int dst = 0;

	tt = icaltime_from_timet_with_zone((time_t)t, 0, utc);
	return icaltimezone_get_utc_offset_of_utc_time(tz->zone, &tt, &dst);
}

/*
 * Seconds of wall-clock time since the epoch, as if the local clock were
 * UTC.  Working in these "local seconds" turns the zone question into:
 * which offset o makes local - o an instant whose offset is o?
 */
static instant_t local_seconds(int32_t day, int minutes)
{
	return (instant_t)day * 86400 + (instant_t)minutes * 60;
}

instant_t tz_instant(const struct tz *tz, int32_t day, int minutes)
{
	instant_t local = local_seconds(day, minutes);
	/* Offsets around any instant: zone transitions are days apart, so
	 * the offsets 14 hours either side cover every candidate. */
	int before = tz_offset(tz, local - 14 * 3600);
	int after = tz_offset(tz, local + 14 * 3600);
	instant_t first = local - before, second = local - after;
	int ok1 = tz_offset(tz, first) == before;
	int ok2 = tz_offset(tz, second) == after;

	if (ok1 && ok2)
		return first < second ? first : second;
	if (ok1)
		return first;
	if (ok2)
		return second;
	/* In the gap: read with the offset before it (RFC 5545 3.3.5). */
	return first;
}

void tz_local(const struct tz *tz, instant_t t, int32_t *day, int *seconds)
{
	instant_t local = t + tz_offset(tz, t);
	instant_t d = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

	*day = (int32_t)d;
	*seconds = (int)(local - d * 86400);
}

void tz_format_iso(const struct tz *tz, instant_t t, char out[TZ_ISO_LEN])
{
	char date[CIVIL_DATE_LEN];
	int32_t day;
	int secs, off = tz_offset(tz, t), aoff;

	tz_local(tz, t, &day, &secs);
	civil_format_date(day, date);
	aoff = off < 0 ? -off : off;
	snprintf(out, TZ_ISO_LEN, "%sT%02d:%02d:%02d%c%02d:%02d", date,
		 secs / 3600, secs / 60 % 60, secs % 60, off < 0 ? '-' : '+',
		 aoff / 3600, aoff / 60 % 60);
}

void tz_shutdown(void)
{
	icaltimezone_free_builtin_timezones();
}
