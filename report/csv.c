#include "csv.h"

#include <string.h>

/* OWASP's list of what makes a spreadsheet read a cell as a formula. */
static int formula_like(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

void csv_field(FILE *f, const char *s, int first)
{
	int defuse = formula_like(s);

	if (!first)
		fputc(',', f);
	if (!strpbrk(s, ",\"\r\n")) {
		if (defuse)
			fputc('\'', f);
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (defuse)
		fputc('\'', f);
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
