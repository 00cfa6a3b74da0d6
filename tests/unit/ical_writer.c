/*
 * ical_writer SCENARIO DIR: writes DIR/calendars/ and a minimal
 * DIR/rota.json (horizon and assignments, as outputs.md has them) for the
 * rota of ical_roster.h, so that tests/calendars.py can check the
 * calendars of the large examples with an independent parser whether or
 * not the search finds a rota for them today.
 */
#include <stdio.h>

#include "civil.h"
#include "ical.h"
#include "tz.h"
#include "ical_roster.h"

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void field(FILE *f, const char *key, const char *value)
{
	fprintf(f, "\"%s\": ", key);
	json_str(f, value);
	fputs(", ", f);
}

static void assignment(FILE *f, const struct ical_rota *x, const struct tz *tz,
		       size_t v)
{
	const struct scenario *sc = &x->sc;
	const struct var *w = &x->pb.vars[v];
	const struct option *o = &x->pb.people[w->p].opts[w->k];
	const struct shift *sh = &sc->shifts[w->s];
	char date[CIVIL_DATE_LEN], start[TZ_ISO_LEN], end[TZ_ISO_LEN];

	civil_format_date(scenario_date(sc, w->d), date);
	tz_format_iso(tz, sh->start_at[w->d], start);
	tz_format_iso(tz, sh->end_at[w->d], end);
	fputs("  {", f);
	field(f, "staff", sc->staff[w->p].id);
	field(f, "date", date);
	field(f, "shift", sh->id);
	field(f, "service", sc->services[sh->service].id);
	field(f, "neighbourhood", sc->neighbourhoods[o->nbhd].id);
	field(f, "role", sc->roles[o->role].id);
	field(f, "start", start);
	field(f, "end", end);
	fprintf(f, "\"paid_hours\": %.2f}", w->paid_hours);
}

static int write_rota(const struct ical_rota *x, const char *dir)
{
	char path[4096], date[CIVIL_DATE_LEN];
	struct tz *tz = tz_open(x->sc.timezone);
	const char *sep = "\n";
	FILE *f;
	size_t p;
	int d, bad;

	snprintf(path, sizeof(path), "%s/rota.json", dir);
	f = fopen(path, "w");
	if (!f || !tz) {
		if (f)
			fclose(f);
		tz_close(tz);
		return -1;
	}
	civil_format_date(x->sc.horizon.start, date);
	fprintf(f, "{\"rota7\": 1, \"horizon\": {\"start\": \"%s\", \"days\": %d},"
		"\n \"assignments\": [", date, x->sc.horizon.days);
	for (p = 0; p < x->sc.n_staff; p++)
		for (d = 0; d < x->pb.days; d++) {
			size_t v = roster_get(&x->r, (int)p, d);

			if (v == ROSTER_NONE)
				continue;
			fputs(sep, f);
			sep = ",\n";
			assignment(f, x, tz, v);
		}
	fputs("]}\n", f);
	bad = ferror(f);
	tz_close(tz);
	return fclose(f) || bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct ical_rota x;
	struct rota_error err;
	int ret = 1;

	if (argc != 3) {
		fputs("usage: ical_writer SCENARIO DIR\n", stderr);
		return 2;
	}
	rota_error_init(&err);
	if (ical_rota_load(&x, argv[1]) == 0) {
		ical_rota_alternate(&x);
		if (ical_write_all(argv[2], NULL, &x.pb, &x.r, &err) == 0 &&
		    write_rota(&x, argv[2]) == 0)
			ret = 0;
		else
			diag_print(&err);
	}
	ical_rota_release(&x);
	rota_error_release(&err);
	tz_shutdown();
	return ret;
}
