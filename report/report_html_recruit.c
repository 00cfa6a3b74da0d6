/*
 * report.html's recruitment section (rota7 recruit): the curve of posts
 * added against the person-hours each confirming rota still left short,
 * as an inline SVG, so diminishing returns show; then the rounds and
 * the posts as tables.  Every point is a solved rota.
 */
#include "html_internal.h"

#include <math.h>

#include "recruitment.h"

#define CURVE_W 640
#define CURVE_H 300
#define CURVE_L 70      /* room for the hours axis labels */
#define CURVE_B 40      /* room for the posts axis labels */
#define CURVE_T 16
#define CURVE_R 20

struct axes {
	double max_posts, max_hours;
};

static double px(const struct axes *a, double posts)
{
	return CURVE_L + posts / a->max_posts * (CURVE_W - CURVE_L - CURVE_R);
}

static double py(const struct axes *a, double hours)
{
	return CURVE_H - CURVE_B -
	       hours / a->max_hours * (CURVE_H - CURVE_B - CURVE_T);
}

static struct axes curve_axes(const struct recruitment *rc)
{
	struct axes a = {1, 1};
	size_t i;

	for (i = 0; i < rc->n_rounds; i++) {
		a.max_posts = fmax(a.max_posts, (double)rc->rounds[i].posts);
		if (rc->rounds[i].solved)
			a.max_hours = fmax(a.max_hours,
					   rc->rounds[i].uncovered_hours);
	}
	a.max_hours = fmax(a.max_hours, recruitment_allowed_short(rc));
	return a;
}

static void curve_frame(FILE *f, const struct recruitment *rc,
			const struct axes *a)
{
	double target = recruitment_allowed_short(rc);

	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		"stroke=\"#111\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		"stroke=\"#111\"/>\n", CURVE_L, CURVE_T, CURVE_L,
		CURVE_H - CURVE_B, CURVE_L, CURVE_H - CURVE_B, CURVE_W - CURVE_R,
		CURVE_H - CURVE_B);
	fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", CURVE_L - 6,
		CURVE_T + 4);
	html_num(f, a->max_hours, 0);
	fprintf(f, " h short</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>"
		"\n", CURVE_L - 6, CURVE_H - CURVE_B + 4);
	fprintf(f, "<text x=\"%d\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\" "
		"text-anchor=\"end\">%.0f posts</text>\n", CURVE_L,
		CURVE_H - CURVE_B + 18, CURVE_W - CURVE_R, CURVE_H - CURVE_B + 18,
		a->max_posts);
	fprintf(f, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
		"y2=\"%.1f\" stroke=\"#b22\" stroke-dasharray=\"6 4\"/>"
		"<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b22\">"
		"target: ", CURVE_L, py(a, target), CURVE_W - CURVE_R,
		py(a, target), CURVE_W - CURVE_R, py(a, target) - 4);
	html_num(f, target, 0);
	fputs(" h short</text>\n", f);
}

static void curve(const struct page *pg, const struct recruitment *rc)
{
	struct axes a = curve_axes(rc);
	FILE *f = pg->f;
	size_t i;
	int first = 0;

	fprintf(f, "<figure id=\"recruit-curve\">\n<svg xmlns=\"http://www.w3."
		"org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
		"role=\"img\" aria-labelledby=\"recruit-curve-title\">\n<title "
		"id=\"recruit-curve-title\">Posts added against person-hours "
		"still short</title>\n", CURVE_W, CURVE_H, CURVE_W, CURVE_H);
	curve_frame(f, rc, &a);
	fputs("<polyline fill=\"none\" stroke=\"#1d4f87\" stroke-width=\"2\" "
	      "points=\"", f);
	for (i = 0; i < rc->n_rounds; i++)
		if (rc->rounds[i].solved)
			fprintf(f, "%s%.1f,%.1f", first++ ? " " : "",
				px(&a, (double)rc->rounds[i].posts),
				py(&a, rc->rounds[i].uncovered_hours));
	fputs("\"/>\n", f);
	for (i = 0; i < rc->n_rounds; i++) {
		const struct recruit_round *r = &rc->rounds[i];

		if (!r->solved)
			continue;
		fprintf(f, "<circle class=\"round\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" "
			"fill=\"#4f86c6\" data-posts=\"%zu\" data-hours=\"%.3f\">"
			"<title>%zu post%s%s: ", px(&a, (double)r->posts),
			py(&a, r->uncovered_hours), r->posts, r->uncovered_hours,
			r->posts, r->posts == 1 ? "" : "s",
			r->draft ? " (draft)" : "");
		html_num(f, r->uncovered_hours, 1);
		fputs(" person-hours short</title></circle>\n", f);
	}
	fputs("</svg>\n<figcaption>Person-hours of demand each rota left short "
	      "against the posts it had; every point is a solved rota, checked "
	      "against every hard rule.</figcaption>\n</figure>\n", f);
}

static void rounds_table(const struct page *pg, const struct recruitment *rc)
{
	FILE *f = pg->f;
	size_t i;

	fputs("<table id=\"recruit-rounds\">\n<caption>Rotas solved</caption>\n"
	      "<thead><tr><th scope=\"col\">Round</th><th scope=\"col\">Posts"
	      "</th><th scope=\"col\">Their FTE</th><th scope=\"col\">Uncovered "
	      "person-hours</th><th scope=\"col\">Share of demand</th></tr>"
	      "</thead>\n<tbody>\n", f);
	for (i = 0; i < rc->n_rounds; i++) {
		const struct recruit_round *r = &rc->rounds[i];

		fprintf(f, "<tr><th scope=\"row\">%zu%s</th><td class=\"n\">%zu"
			"</td>", i, r->draft ? " (draft)" : "", r->posts);
		html_td_num(f, r->fte, 1);
		if (r->solved) {
			html_td_num(f, r->uncovered_hours, 1);
			html_td_num(f, rc->demand_hours > 0 ? 100 *
				    r->uncovered_hours / rc->demand_hours : 0, 2);
		} else {
			fputs("<td colspan=\"2\">no rota: a senior rule is short"
			      "</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void posts_table(const struct page *pg, const struct recruitment *rc)
{
	FILE *f = pg->f;
	size_t i;

	fputs("<table id=\"recruit-posts\">\n<caption>Posts proposed</caption>\n"
	      "<thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Role</th>"
	      "<th scope=\"col\">Band</th><th scope=\"col\">Neighbourhood</th>"
	      "<th scope=\"col\">FTE</th><th scope=\"col\">Round</th>"
	      "<th scope=\"col\">Hours worked</th><th scope=\"col\">Hours of "
	      "demand met</th></tr></thead>\n<tbody>\n", f);
	for (i = 0; i < rc->n_posts; i++) {
		const struct recruit_post *k = &rc->posts[i];

		fputs("<tr><th scope=\"row\">", f);
		html_esc(f, k->id);
		fputs("</th><td>", f);
		html_esc(f, pg->sc->roles[k->role].name);
		fprintf(f, "</td><td class=\"n\">%d%s</td><td>", k->band,
			k->senior ? " (senior)" : "");
		html_esc(f, pg->sc->neighbourhoods[k->home].name);
		fputs("</td>", f);
		html_td_num(f, k->fte, 2);
		fprintf(f, "<td class=\"n\">%d</td>", k->batch);
		html_td_num(f, k->worked_hours, 1);
		html_td_num(f, k->covered_hours, 1);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

void html_recruit(const struct page *pg)
{
	const struct recruitment *rc = pg->rc;

	fputs("<section id=\"recruitment\">\n<h2>Recruitment</h2>\n"
	      "<p class=\"note\">Posts proposed by rota7 recruit, each a copy "
	      "of someone in post (role, home, where they may work, shifts and "
	      "rules), added in rounds and confirmed by solving the scenario "
	      "with them (scenario-recruited.json); the rota on this page is "
	      "the last round's. Target: ", pg->f);
	html_num(pg->f, rc->cover_pct, 1);
	fputs("% of demand hours covered.</p>\n", pg->f);
	if (recruitment_cost(rc) >= 0) {
		fputs("<p id=\"recruit-cost\">The posts cost ", pg->f);
		html_num(pg->f, recruitment_cost(rc), 0);
		fputs(" a year: basic pay of their FTE and the unsocial-hours "
		      "enhancements of what they work in this rota, with "
		      "on-costs.</p>\n", pg->f);
	}
	curve(pg, rc);
	rounds_table(pg, rc);
	posts_table(pg, rc);
	fputs("</section>\n", pg->f);
}
