/*
 * report.html's FTE gap: required FTE against FTE in post per
 * neighbourhood and role as an inline SVG chart, and the same figures
 * (with the rota's columns when there is one) as a table.
 */
#include "html_internal.h"

#include <math.h>
#include <string.h>

#include "fte_gap.h"
#include "plan.h"

/* Whether a neighbourhood and role has anything to show. */
static int gap_row_shown(const struct page *pg, size_t n, size_t r)
{
	const struct plan_cell *c = plan_cell(pg->p, n, r);
	const struct fte_gap_cell *g;

	if (c->required_fte > 0.0005 || c->staff > 0)
		return 1;
	if (!pg->s)
		return 0;
	g = fte_gap_cell(pg->s->gap, n, r);
	return g->worked_hours > 0 || g->outside_home_hours > 0 ||
	       g->uncovered_hours > 0;
}

#define CHART_W 960
#define CHART_LABEL 210
#define CHART_BAR 500
#define CHART_ROW 24
#define CHART_GROUP 22
#define CHART_TOP 34

static double chart_max(const struct page *pg)
{
	double m = 0;
	size_t n, r;

	for (n = 0; n < pg->p->n_neighbourhoods; n++)
		for (r = 0; r < pg->p->n_roles; r++) {
			const struct plan_cell *c = plan_cell(pg->p, n, r);

			m = fmax(m, fmax(c->required_fte, c->in_post_fte));
		}
	return m > 0 ? m : 1;
}

static int chart_height(const struct page *pg)
{
	int h = CHART_TOP;
	size_t n, r;

	for (n = 0; n < pg->p->n_neighbourhoods; n++) {
		h += CHART_GROUP;
		for (r = 0; r < pg->p->n_roles; r++)
			h += gap_row_shown(pg, n, r) ? CHART_ROW : 0;
	}
	return h + 6;
}

static void chart_legend(FILE *f)
{
	fprintf(f, "<rect x=\"%d\" y=\"6\" width=\"22\" height=\"9\" "
		"fill=\"#fff\" stroke=\"#111\"/><text x=\"%d\" y=\"15\">required"
		"</text><rect x=\"%d\" y=\"6\" width=\"22\" height=\"9\" "
		"fill=\"#4f86c6\" stroke=\"#1d4f87\"/><text x=\"%d\" y=\"15\">in "
		"post</text>\n", CHART_LABEL, CHART_LABEL + 28, CHART_LABEL + 110,
		CHART_LABEL + 138);
}

static void chart_bar(const struct page *pg, int y, const char *kind,
		      double v, double scale, size_t n, size_t r)
{
	FILE *f = pg->f;

	fprintf(f, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" "
		"height=\"9\" %s><title>", kind, CHART_LABEL, y, v * scale,
		strcmp(kind, "required") ? "fill=\"#4f86c6\" stroke=\"#1d4f87\""
		: "fill=\"#fff\" stroke=\"#111\"");
	html_esc(f, pg->sc->neighbourhoods[n].name);
	fputs(", ", f);
	html_esc(f, pg->sc->roles[r].name);
	fprintf(f, ": %s ", kind);
	html_num(f, v, 2);
	fputs(" FTE</title></rect>\n", f);
}

static void chart_row(const struct page *pg, int y, double scale, size_t n,
		      size_t r)
{
	const struct plan_cell *c = plan_cell(pg->p, n, r);
	double w = fmax(c->required_fte, c->in_post_fte) * scale;
	FILE *f = pg->f;

	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CHART_LABEL - 8,
		y + 15);
	html_esc(f, pg->sc->roles[r].name);
	fputs("</text>\n", f);
	chart_bar(pg, y + 2, "required", c->required_fte, scale, n, r);
	chart_bar(pg, y + 12, "in-post", c->in_post_fte, scale, n, r);
	fprintf(f, "<text class=\"val\" x=\"%.1f\" y=\"%d\" data-nbhd=\"",
		CHART_LABEL + w + 6, y + 15);
	html_esc(f, pg->sc->neighbourhoods[n].id);
	fputs("\" data-role=\"", f);
	html_esc(f, pg->sc->roles[r].id);
	fputs("\">", f);
	html_num(f, c->required_fte, 2);
	fputs(" required, ", f);
	html_num(f, c->in_post_fte, 2);
	fputs(" in post, gap ", f);
	html_num(f, c->gap_fte, 2);
	fputs("</text>\n", f);
}

static void chart(const struct page *pg)
{
	double scale = CHART_BAR / chart_max(pg);
	int y = CHART_TOP, h = chart_height(pg);
	FILE *f = pg->f;
	size_t n, r;

	fprintf(f, "<figure id=\"gap-chart\">\n<svg xmlns=\"http://www.w3.org/"
		"2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"gap-chart-title\">\n"
		"<title id=\"gap-chart-title\">Required FTE against FTE in post, "
		"per neighbourhood and role</title>\n", CHART_W, h, CHART_W, h);
	chart_legend(f);
	for (n = 0; n < pg->p->n_neighbourhoods; n++) {
		fprintf(f, "<text class=\"grp\" x=\"4\" y=\"%d\">", y + 16);
		html_esc(f, pg->sc->neighbourhoods[n].name);
		fputs("</text>\n", f);
		y += CHART_GROUP;
		for (r = 0; r < pg->p->n_roles; r++) {
			if (!gap_row_shown(pg, n, r))
				continue;
			chart_row(pg, y, scale, n, r);
			y += CHART_ROW;
		}
	}
	fputs("</svg>\n<figcaption>Required FTE (outlined) against FTE in post "
	      "(filled), per neighbourhood and role; the table below has the "
	      "same figures.</figcaption>\n</figure>\n", f);
}

static void gap_head(const struct page *pg)
{
	fputs("<thead><tr><th scope=\"col\">Neighbourhood</th>"
	      "<th scope=\"col\">Role</th><th scope=\"col\">Demand hours per "
	      "week</th><th scope=\"col\">Required FTE</th><th scope=\"col\">In "
	      "post FTE</th><th scope=\"col\">Staff</th><th scope=\"col\">FTE "
	      "gap</th>", pg->f);
	if (pg->s)
		fputs("<th scope=\"col\">Uncovered person-hours</th>"
		      "<th scope=\"col\">FTE the rota shows short</th>"
		      "<th scope=\"col\">Hours worked outside home</th>"
		      "<th scope=\"col\">Hours covered from outside</th>"
		      "<th scope=\"col\">Hours covered by substitution</th>", pg->f);
	fputs("</tr></thead>\n", pg->f);
}

static void gap_cells(const struct page *pg, const struct plan_cell *c,
		      const struct fte_gap_cell *g)
{
	FILE *f = pg->f;

	html_td_num(f, c->demand_hours_week, 1);
	html_td_num(f, c->required_fte, 2);
	html_td_num(f, c->in_post_fte, 2);
	fprintf(f, "<td class=\"n\">%d</td>", c->staff);
	html_td_num(f, c->gap_fte, 2);
	if (!g)
		return;
	html_td_num(f, g->uncovered_hours, 1);
	html_td_num(f, g->uncovered_fte, 2);
	html_td_num(f, g->outside_home_hours, 1);
	html_td_num(f, g->from_outside_hours, 1);
	html_td_num(f, g->substitution_hours, 1);
}

static void gap_table(const struct page *pg)
{
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;
	size_t n, r;

	fputs("<table id=\"fte-gap\">\n<caption>FTE gap per neighbourhood and "
	      "role</caption>\n", f);
	gap_head(pg);
	fputs("<tbody>\n", f);
	for (n = 0; n < pg->p->n_neighbourhoods; n++)
		for (r = 0; r < pg->p->n_roles; r++) {
			if (!gap_row_shown(pg, n, r))
				continue;
			fputs("<tr data-nbhd=\"", f);
			html_esc(f, pg->sc->neighbourhoods[n].id);
			fputs("\" data-role=\"", f);
			html_esc(f, pg->sc->roles[r].id);
			fputs("\"><th scope=\"row\">", f);
			html_esc(f, pg->sc->neighbourhoods[n].name);
			fputs("</th><td>", f);
			html_esc(f, pg->sc->roles[r].name);
			fputs("</td>", f);
			gap_cells(pg, plan_cell(pg->p, n, r),
				  g ? fte_gap_cell(g, n, r) : NULL);
			fputs("</tr>\n", f);
		}
	fputs("</tbody>\n<tfoot>\n<tr><th scope=\"row\" colspan=\"2\">Total"
	      "</th>", f);
	gap_cells(pg, &pg->p->total, g ? &g->total : NULL);
	fputs("</tr>\n</tfoot>\n</table>\n", f);
}

/* With pay (an addition to the spec): one line of what the offer, the
 * staff and the rota cost a year. */
static void cost_line(const struct page *pg)
{
	const struct scenario *sc = pg->sc;
	const struct fte_gap *g = pg->s ? pg->s->gap : NULL;
	FILE *f = pg->f;

	if (!sc->pay.given)
		return;
	fputs("<p id=\"cost\">Cost a year, with on-costs of ", f);
	html_num(f, sc->pay.on_cost_pct, 1);
	fputs("%: the offer (demand hours with the planning uplift) ", f);
	html_num(f, pg->p->cost.annual, 0);
	fputs(", the staff in post ", f);
	html_num(f, pg->p->cost.staff_annual, 0);
	if (g) {
		fputs(", this rota ", f);
		html_num(f, g->cost.annual, 0);
		fputs(" (unsocial-hours enhancements ", f);
		html_num(f, g->cost.enhancements, 0);
		fputs(")", f);
	}
	fputs(".</p>\n", f);
}

void html_fte_gap(const struct page *pg)
{
	fputs("<section id=\"fte-gap-section\">\n<h2>FTE gap</h2>\n", pg->f);
	cost_line(pg);
	chart(pg);
	gap_table(pg);
	fputs("</section>\n", pg->f);
}
