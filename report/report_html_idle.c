/* report.html: the staff in post who can never work where demand is
 * (core/idle.h), said under the summary so the FTE in post is not read
 * as cover it cannot give. */
#include "html_internal.h"

#include "idle.h"
#include "plan.h"
#include "problem.h"

static void names(const struct page *pg)
{
	const struct problem *pb = pg->s->pb;
	enum idle_reason why;
	size_t p;
	int first = 1;

	fputs(":", pg->f);
	for (p = 0; p < pb->sc->n_staff; p++) {
		if (!idle_person(pb, (int)p, &why))
			continue;
		fputs(first ? " " : "; ", pg->f);
		html_esc(pg->f, pb->sc->staff[p].id);
		fputs(" (", pg->f);
		html_esc(pg->f, idle_reason_text(why));
		fputs(")", pg->f);
		first = 0;
	}
}

void html_idle(const struct page *pg)
{
	const struct plan_cell *t = &pg->p->total;

	if (!pg->p->idle_known || !t->idle_staff)
		return;
	fprintf(pg->f, "<p class=\"note\" id=\"idle\">%d in post (", t->idle_staff);
	html_num(pg->f, t->idle_fte, 2);
	fputs(" FTE) can never work where demand is, yet count in the FTE in "
	      "post", pg->f);
	if (pg->s)
		names(pg);
	fputs(".</p>\n", pg->f);
}
