/*
 * report.html's rota: the shift types with their codes, and one row per
 * person and a cell per day, grouped by home neighbourhood and role.
 */
#include "html_internal.h"

#include <string.h>

#include "problem.h"
#include "roster.h"
#include "tz.h"

/* Shift colours, light enough for black text and distinct in print. */
#define N_COLOURS 12

static void hhmm(const struct tz *tz, instant_t t, char out[8])
{
	int32_t day;
	int secs;

	tz_local(tz, t, &day, &secs);
	snprintf(out, 8, "%02d:%02d", secs / 3600 % 24, secs / 60 % 60);
}

static int code_taken(const struct page *pg, size_t upto, const char *c)
{
	size_t i;

	for (i = 0; i < upto; i++)
		if (!strcmp(pg->codes[i], c))
			return 1;
	return 0;
}

/* Candidate k for a shift's code, from its id's ASCII letters and digits:
 * the initials of its words, then its first 1, 2 or 3 characters. */
static void code_candidate(const char *id, int k, char out[CODE_LEN])
{
	size_t o = 0;
	int word = 1, len = k == 0 ? 3 : k;
	const char *s;

	for (s = id; *s && o < (size_t)len; s++) {
		int alnum = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
			    (*s >= '0' && *s <= '9');

		if (alnum && (k > 0 || word))
			out[o++] = (char)(*s >= 'a' && *s <= 'z' ? *s - 32 : *s);
		word = !alnum;
	}
	out[o] = '\0';
}

void html_shift_codes(const struct page *pg)
{
	size_t s;
	int k;

	for (s = 0; s < pg->sc->n_shifts; s++) {
		for (k = 0; k < 4; k++) {
			code_candidate(pg->sc->shifts[s].id, k, pg->codes[s]);
			if (pg->codes[s][0] && !code_taken(pg, s, pg->codes[s]))
				break;
		}
		if (k == 4)   /* nothing short is free: number it */
			snprintf(pg->codes[s], CODE_LEN, "%zu", s + 1);
	}
}

static void shift_legend(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	char a[8], b[8];
	size_t s;

	fputs("<table id=\"shifts\">\n<caption>Shift types</caption>\n<thead>"
	      "<tr><th scope=\"col\">Code</th><th scope=\"col\">Shift</th>"
	      "<th scope=\"col\">Service</th><th scope=\"col\">Times</th>"
	      "<th scope=\"col\">Break (min)</th><th scope=\"col\">Night</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (s = 0; s < sc->n_shifts; s++) {
		const struct shift *sh = &sc->shifts[s];

		html_wall(sh->start_min, a);
		html_wall(sh->end_min, b);
		fprintf(f, "<tr><td class=\"s%zu\">%s</td><td>", s % N_COLOURS,
			pg->codes[s]);
		html_esc(f, sh->id);
		fputs("</td><td>", f);
		html_esc(f, sc->services[sh->service].name);
		fprintf(f, "</td><td>%s&ndash;%s</td><td class=\"n\">%d</td>"
			"<td>%s</td></tr>\n", a, b, sh->break_minutes,
			sh->night ? "yes" : "no");
	}
	fputs("</tbody>\n</table>\n", f);
}

static const char *leave_kind(const struct staff *st, int d)
{
	size_t i;

	for (i = 0; i < st->n_leave; i++)
		if (d >= st->leave[i].from_day && d <= st->leave[i].to_day)
			return st->leave[i].kind && st->leave[i].kind[0]
			       ? st->leave[i].kind : "leave";
	return NULL;
}

static void off_cell(const struct page *pg, size_t p, int d)
{
	const struct staff *st = &pg->sc->staff[p];
	const char *kind = leave_kind(st, d);
	FILE *f = pg->f;

	if (kind) {
		fputs("<td class=\"d lv\" title=\"", f);
		html_day_title(f, pg->sc, d);
		fputs(": ", f);
		html_esc(f, kind);
		fputs(" leave\">lv</td>", f);
	} else if (pg->s->pb->people[p].off[d]) {
		fprintf(f, "<td class=\"d off %s\" title=\"", html_day_class(pg->sc, d));
		html_day_title(f, pg->sc, d);
		fputs(": weekly day off\">&middot;</td>", f);
	} else {
		fprintf(f, "<td class=\"d %s\"></td>", html_day_class(pg->sc, d));
	}
}

static void shift_cell(const struct page *pg, size_t p, int d, size_t v)
{
	const struct scenario *sc = pg->sc;
	const struct var *x = &pg->s->pb->vars[v];
	const struct shift *sh = &sc->shifts[x->s];
	const struct option *o = &pg->s->pb->people[p].opts[x->k];
	int away = o->nbhd != sc->staff[p].home;
	int sub = o->role != sc->staff[p].role;
	char a[8], b[8];
	FILE *f = pg->f;

	hhmm(pg->tz, sh->start_at[d], a);
	hhmm(pg->tz, sh->end_at[d], b);
	fprintf(f, "<td class=\"d s%d %s\" title=\"", x->s % N_COLOURS,
		html_day_class(sc, d));
	html_day_title(f, sc, d);
	fputs(": ", f);
	html_esc(f, sh->id);
	fprintf(f, " %s&ndash;%s, ", a, b);
	html_num(f, x->paid_hours, 2);
	fputs(" paid hours, ", f);
	html_esc(f, sc->neighbourhoods[o->nbhd].name);
	fputs(", ", f);
	html_esc(f, sc->roles[o->role].name);
	fprintf(f, "%s%s\">%s%s%s</td>", away ? ", outside home" : "",
		sub ? ", in another role" : "", pg->codes[x->s],
		away ? "*" : "", sub ? "+" : "");
}

static void person_row(const struct page *pg, size_t p)
{
	const struct staff *st = &pg->sc->staff[p];
	FILE *f = pg->f;
	int d;

	fputs("<tr data-staff=\"", f);
	html_esc(f, st->id);
	fputs("\"><th scope=\"row\" title=\"", f);
	html_esc(f, st->id);
	if (st->band)
		fprintf(f, ", band %d", st->band);
	fprintf(f, ", %.2f FTE\">", st->fte);
	html_esc(f, st->name);
	fputs("</th>", f);
	for (d = 0; d < pg->sc->horizon.days; d++) {
		size_t v = roster_get(pg->s->r, (int)p, d);

		if (v == ROSTER_NONE)
			off_cell(pg, p, d);
		else
			shift_cell(pg, p, d, v);
	}
	fputs("</tr>\n", f);
}

/* People of one home and role, under a heading row; none, no group. */
static void grid_group(const struct page *pg, int n, int r)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	size_t p, count = 0;

	for (p = 0; p < sc->n_staff; p++)
		count += sc->staff[p].home == n && sc->staff[p].role == r;
	if (!count)
		return;
	fprintf(f, "<tbody>\n<tr class=\"grp\"><th scope=\"rowgroup\" "
		"colspan=\"%d\">", sc->horizon.days + 1);
	html_esc(f, sc->neighbourhoods[n].name);
	fputs(" &middot; ", f);
	html_esc(f, sc->roles[r].name);
	fprintf(f, " (%zu)</th></tr>\n", count);
	for (p = 0; p < sc->n_staff; p++)
		if (sc->staff[p].home == n && sc->staff[p].role == r)
			person_row(pg, p);
	fputs("</tbody>\n", f);
}

void html_rota_grid(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	FILE *f = pg->f;
	size_t n, r;

	fputs("<section id=\"rota\">\n<h2>Rota</h2>\n<p class=\"note\">One row "
	      "per person, grouped by home neighbourhood and role; each cell "
	      "gives the shift's code (hover for its times). The table "
	      "scrolls in its box, names and days staying in view. Weekends "
	      "are shaded grey, bank holidays blue, and marked by a bar under "
	      "the cell.</p>\n", f);
	fprintf(f, "<dl class=\"legend\" id=\"rota-legend\">"
	      "<dt class=\"s0\">%s*</dt><dd>a shift worked outside the home "
	      "neighbourhood</dd><dt class=\"s0\">%s+</dt><dd>in another role "
	      "(substitution)</dd>"
	      "<dt class=\"lv\" data-mark=\"leave\">lv</dt><dd>leave (hover "
	      "for its kind)</dd>"
	      "<dt class=\"off\" data-mark=\"weekly-off\">&middot;</dt>"
	      "<dd>weekly day off</dd>"
	      "<dt data-mark=\"off\">&nbsp;</dt><dd>not rostered (a day off)"
	      "</dd></dl>\n", pg->codes[0], pg->codes[0]);
	shift_legend(pg);
	fputs("<div class=\"wide\">\n<table id=\"rota-grid\" class=\"grid\">\n"
	      "<caption>Rota</caption>\n<thead><tr><th scope=\"col\">Person"
	      "</th>", f);
	html_day_headers(f, sc);
	fputs("</tr></thead>\n", f);
	for (n = 0; n < sc->n_neighbourhoods; n++)
		for (r = 0; r < sc->n_roles; r++)
			grid_group(pg, (int)n, (int)r);
	fputs("</table>\n</div>\n</section>\n", f);
}
