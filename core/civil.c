#include "civil.h"

#include <string.h>

static const char *const wd_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* Howard Hinnant's days_from_civil: exact for the whole proleptic
 * Gregorian calendar, no tables, no loops. */
int32_t civil_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void civil_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int32_t z = day + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int civil_days_in_month(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && leap);
}

int civil_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday (3 in Monday-first order). */
	int32_t r = (day + 3) % 7;

	return (int)(r < 0 ? r + 7 : r);
}

static int digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int civil_parse_month(const char *s, int *y, int *m)
{
	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	if (digits(s, 4, y) || digits(s + 5, 2, m))
		return -1;
	if (*y < CIVIL_YEAR_MIN || *y > CIVIL_YEAR_MAX || *m < 1 || *m > 12)
		return -1;
	return 0;
}

int civil_parse_date(const char *s, int32_t *day)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
		return -1;
	if (y < CIVIL_YEAR_MIN || y > CIVIL_YEAR_MAX || m < 1 || m > 12)
		return -1;
	if (d < 1 || d > civil_days_in_month(y, m))
		return -1;
	*day = civil_from_ymd(y, m, d);
	return 0;
}

int civil_parse_hhmm(const char *s, int *minutes)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	if (digits(s, 2, &h) || digits(s + 3, 2, &m))
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

static void put_digits(char *out, int n, int v)
{
	int i;

	if (v < 0)
		v = 0;
	for (i = n - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

void civil_format_date(int32_t day, char out[CIVIL_DATE_LEN])
{
	int y, m, d;

	civil_to_ymd(day, &y, &m, &d);
	/* By hand: snprintf cannot prove to the compiler that it fits. */
	put_digits(out, 4, y);
	out[4] = '-';
	put_digits(out + 5, 2, m);
	out[7] = '-';
	put_digits(out + 8, 2, d);
	out[10] = '\0';
}

int civil_weekday_from_name(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (!strcmp(s, wd_names[i]))
			return i;
	return -1;
}

const char *civil_weekday_name(int wd)
{
	return wd >= 0 && wd < 7 ? wd_names[wd] : "?";
}
