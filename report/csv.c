#include "csv.h"

#include <string.h>

void csv_field(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

void csv_number(FILE *f, double v, int decimals)
{
	char buf[64];
	char *end;

	if (v == 0)   /* no "-0" */
		v = 0;
	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	if (strchr(buf, '.')) {
		end = buf + strlen(buf) - 1;
		while (*end == '0')
			*end-- = '\0';
		if (*end == '.')
			*end = '\0';
	}
	if (!strcmp(buf, "-0"))
		buf[0] = '0', buf[1] = '\0';
	fputc(',', f);
	fputs(buf, f);
}

void csv_end(FILE *f)
{
	fputs("\r\n", f);
}
