/*
 * report.html's changes against --previous, at the top of the page: a
 * line of totals and one row per shift changed, added or removed, with
 * its reason (reference.h), the same rows as changes.csv.
 */
#include "html_internal.h"

#include "reference.h"

static void change_row(FILE *f, const struct change *c)
{
	char date[CIVIL_DATE_LEN];

	civil_format_date(c->date, date);
	fputs("<tr><td>", f);
	html_esc(f, c->staff);
	fputs("</td><th scope=\"row\">", f);
	html_esc(f, c->name);
	fprintf(f, "</th><td>%s</td><td>", date);
	html_esc(f, *c->before ? c->before : "off");
	fputs("</td><td>", f);
	html_esc(f, *c->after ? c->after : "off");
	fputs("</td><td>", f);
	html_esc(f, c->reason);
	fputs("</td></tr>\n", f);
}

void html_changes(const struct page *pg)
{
	const struct reference *ref = pg->sc->reference;
	FILE *f = pg->f;
	size_t i, n;

	if (!ref || !pg->s)
		return;
	n = reference_changed_people(ref);
	fputs("<section id=\"changes\">\n<h2>Changes to the published rota</h2>\n",
	      f);
	fprintf(f, "<p>%zu shift%s changed for %zu %s; %d shift%s left to "
		"fill.", ref->n_changes, ref->n_changes == 1 ? "" : "s", n,
		n == 1 ? "person" : "people", ref->left_to_fill,
		ref->left_to_fill == 1 ? "" : "s");
	if (ref->has_freeze) {
		char date[CIVIL_DATE_LEN];

		civil_format_date(ref->freeze_until, date);
		fprintf(f, " Frozen until %s.", date);
	}
	fputs("</p>\n", f);
	if (!ref->n_changes) {
		fputs("</section>\n", f);
		return;
	}
	fputs("<table>\n<thead><tr><th>Staff</th><th>Name</th><th>Date</th>"
	      "<th>Before</th><th>After</th><th>Reason</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (i = 0; i < ref->n_changes; i++)
		change_row(f, &ref->changes[i]);
	fputs("</tbody>\n</table>\n</section>\n", f);
}
