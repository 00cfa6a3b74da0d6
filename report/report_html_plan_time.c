/*
 * report.html's section for plan --until: required FTE and FTE in post
 * per financial quarter (all roles, the borough) as an inline SVG of
 * two lines, the gap the distance between them; then per quarter and
 * role the figures and the date by which to advertise (plan_time.h).
 */
#include "html_internal.h"

#include <math.h>

#include "plan_time.h"

#define CH_W 720
#define CH_H 300
#define CH_L 70         /* room for the FTE axis labels */
#define CH_B 48         /* room for the quarter labels */
#define CH_T 16
#define CH_R 20

static double qx(const struct plan_time *pt, size_t q)
{
	double span = pt->n_quarters > 1 ? (double)(pt->n_quarters - 1) : 1;

	return CH_L + (double)q / span * (CH_W - CH_L - CH_R);
}

static double fy(double max, double fte)
{
	return CH_H - CH_B - fte / max * (CH_H - CH_B - CH_T);
}

static void line(FILE *f, const struct plan_time *pt, double max, int which,
		 const char *cls, const char *colour)
{
	size_t q;

	fprintf(f, "<polyline class=\"%s\" fill=\"none\" stroke=\"%s\" "
		"stroke-width=\"2\" points=\"", cls, colour);
	for (q = 0; q < pt->n_quarters; q++)
		fprintf(f, "%s%.1f,%.1f", q ? " " : "", qx(pt, q),
			fy(max, which ? pt->total[q].in_post_fte
				      : pt->total[q].required_fte));
	fputs("\"/>\n", f);
}

static void frame(FILE *f, const struct plan_time *pt, double max)
{
	char label[32];
	size_t q, every = pt->n_quarters / 12 + 1;

	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\""
		"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#111\"/>"
		"\n<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CH_L, CH_T,
		CH_L, CH_H - CH_B, CH_L, CH_H - CH_B, CH_W - CH_R, CH_H - CH_B,
		CH_L - 6, CH_T + 4);
	html_num(f, max, 0);
	fprintf(f, " FTE</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">0"
		"</text>\n", CH_L - 6, CH_H - CH_B + 4);
	for (q = 0; q < pt->n_quarters; q += every) {
		plan_quarter_label(&pt->quarters[q], label, sizeof(label));
		fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			"font-size=\"11\">%s</text>\n", qx(pt, q), CH_H - CH_B + 18,
			label);
	}
}

static void chart(const struct page *pg, const struct plan_time *pt)
{
	FILE *f = pg->f;
	double max = 1;
	size_t q;

	for (q = 0; q < pt->n_quarters; q++)
		max = fmax(max, fmax(pt->total[q].required_fte,
				     pt->total[q].in_post_fte));
	max = ceil(max * 1.1);
	fprintf(f, "<figure id=\"plan-time-chart\">\n<svg xmlns=\"http://www.w3."
		"org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"plan-time-title\">\n<title id=\""
		"plan-time-title\">Required FTE and FTE in post by quarter"
		"</title>\n", CH_W, CH_H, CH_W, CH_H);
	frame(f, pt, max);
	line(f, pt, max, 0, "required", "#b22");
	line(f, pt, max, 1, "in-post", "#1d4f87");
	for (q = 0; q < pt->n_quarters; q++) {
		char label[32];

		plan_quarter_label(&pt->quarters[q], label, sizeof(label));
		fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#b22\">"
			"<title>%s: required ", qx(pt, q),
			fy(max, pt->total[q].required_fte), label);
		html_num(f, pt->total[q].required_fte, 1);
		fputs(" FTE, in post ", f);
		html_num(f, pt->total[q].in_post_fte, 1);
		fputs(", gap ", f);
		html_num(f, pt->total[q].gap_fte, 1);
		fputs("</title></circle>\n", f);
	}
	fputs("</svg>\n<figcaption>Required FTE (red) and FTE in post after "
	      "attrition, starters and leavers (blue), all roles and "
	      "neighbourhoods, per NHS financial quarter (Q1 April-June); the "
	      "gap is the distance between them.</figcaption>\n</figure>\n", f);
}

static void table(const struct page *pg, const struct plan_time *pt)
{
	char label[32], date[CIVIL_DATE_LEN];
	FILE *f = pg->f;
	size_t q, r;

	fputs("<table id=\"plan-time-table\">\n<caption>By quarter and role "
	      "(all neighbourhoods; per neighbourhood in plan-by-quarter.csv)"
	      "</caption>\n<thead><tr><th scope=\"col\">Quarter</th><th "
	      "scope=\"col\">Role</th><th scope=\"col\">Required FTE</th><th "
	      "scope=\"col\">In post</th><th scope=\"col\">Starters</th><th "
	      "scope=\"col\">Leavers</th><th scope=\"col\">Gap</th><th "
	      "scope=\"col\">New posts (FTE)</th><th scope=\"col\">Advertise by"
	      "</th></tr></thead>\n<tbody>\n", f);
	for (q = 0; q < pt->n_quarters; q++)
		for (r = 0; r < pt->n_roles; r++) {
			const struct plan_time_cell *c =
				&pt->by_role[q * pt->n_roles + r];

			plan_quarter_label(&pt->quarters[q], label,
					   sizeof(label));
			fprintf(f, "<tr><th scope=\"row\">%s</th><td>", label);
			html_esc(f, pg->sc->roles[r].name);
			fputs("</td>", f);
			html_td_num(f, c->required_fte, 2);
			html_td_num(f, c->in_post_fte, 2);
			fprintf(f, "<td class=\"n\">%d</td><td class=\"n\">%d</td>",
				c->starters, c->leavers);
			html_td_num(f, c->gap_fte, 2);
			html_td_num(f, c->advertise_fte, 2);
			civil_format_date(pt->quarters[q].advertise_by, date);
			fprintf(f, "<td>%s</td></tr>\n",
				c->advertise_fte >= 0.0005 ? date : "");
		}
	fputs("</tbody>\n</table>\n", f);
}

void html_plan_time(const struct page *pg)
{
	const struct plan_time *pt = pg->pt;
	const struct planning *pl = &pg->sc->planning;

	if (!pt || !pt->n_quarters)
		return;
	fputs("<section id=\"plan-time\">\n<h2>Workforce plan by quarter</h2>\n"
	      "<p class=\"note\">NHS financial quarters (Q1 April-June). Demand "
	      "is the horizon's week of the offer tables, each band counted on "
	      "the share of the quarter's days it runs (from/until), grown ",
	      pg->f);
	html_num(pg->f, pl->demand_growth_pct_per_year, 1);
	fputs("% a year; in post loses ", pg->f);
	html_num(pg->f, pl->attrition_pct_per_year, 1);
	fputs("% a year to attrition and follows starters' and leavers' dates; "
	      "a post is advertised ", pg->f);
	html_num(pg->f, pl->recruitment_lead_weeks, 0);
	fputs(" weeks before the quarter it is needed in. New posts are the gap "
	      "above the largest gap of the quarters before.</p>\n", pg->f);
	chart(pg, pt);
	table(pg, pt);
	fputs("</section>\n", pg->f);
}
