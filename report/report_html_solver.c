/*
 * report.html's solver figures, in a section of their own near the end:
 * what the people who run rota7 look at (objective, bound, gap, why the
 * search stopped, its work), kept out of the summary that leads and HR
 * read.
 */
#include "html_internal.h"

#include <math.h>

#include "result.h"

static const char *const stop_text[] = {
	"its work budget (--work) was spent",
	"proven optimal",
	"within --gap of the bound",
	"the time limit cut it short (another machine may give another rota)",
	"interrupted"
};

void html_solver(const struct page *pg)
{
	const struct solve_result *res = pg->s->res;
	FILE *f = pg->f;

	fputs("<section id=\"solver\">\n<h2>How the rota was solved</h2>\n"
	      "<table id=\"solver-table\">\n<caption>Solver figures</caption>\n"
	      "<tbody>\n", f);
	fprintf(f, "<tr id=\"status\"><th scope=\"row\">Status</th><td>%s</td>"
		"</tr>\n", res->optimal ? "optimal" : "feasible");
	html_row_num(f, "objective", "Objective", res->objective, 1);
	if (isinf(res->bound))
		fputs("<tr id=\"bound\"><th scope=\"row\">Bound</th><td>none "
		      "found within the time limit</td></tr>\n", f);
	else
		html_row_num(f, "bound", "Bound", res->bound, 1);
	if (isinf(res->gap) || isinf(res->bound))
		fputs("<tr id=\"solver-gap\"><th scope=\"row\">Gap to bound (%)"
		      "</th><td>unknown</td></tr>\n", f);
	else
		html_row_num(f, "solver-gap", "Gap to bound (%)", 100 * res->gap, 2);
	fprintf(f, "<tr id=\"stopped-by\"><th scope=\"row\">Stopped</th>"
		"<td>%s</td></tr>\n", stop_text[res->stopped_by]);
	fprintf(f, "<tr id=\"work\"><th scope=\"row\">Rounds of search</th>"
		"<td class=\"n\">%ld</td></tr>\n", res->work);
	fprintf(f, "<tr id=\"seed\"><th scope=\"row\">Seed</th>"
		"<td class=\"n\">%llu</td></tr>\n", res->seed);
	html_row_num(f, "seconds", "Solve time (s)", res->seconds, 1);
	fputs("</tbody>\n</table>\n<p class=\"note\">The objective is the "
	      "rota's cost by the scenario's weights: person-hours short, "
	      "substitution and cover from outside the home neighbourhood, "
	      "contract hours unused, refused requests and unfair shares of "
	      "weekends and unsocial hours. The bound is a cost no rota can go "
	      "below; the gap is how far this rota may be from the best one. "
	      "The same scenario, seed and rounds of search give the same "
	      "rota, unless the time limit cut the search short.</p>\n"
	      "</section>\n", f);
}
