/* The loader's dates for planning over time (an addition to the spec):
 * a service's from/until, a band's from_date/until, a person's
 * start/end, and the planning figures plan --until uses. */
#include "load_parts.h"

#include <string.h>

void ld_dates(struct ld *l, json_t *obj, const char *path,
	      const char *from_key, const char *until_key,
	      struct date_window *w)
{
	char sub[JV_PATH_MAX], a[CIVIL_DATE_LEN], b[CIVIL_DATE_LEN];

	memset(w, 0, sizeof(*w));
	w->has_from = ld_date_member(l, obj, path, from_key, 0, &w->from) ==
		      JV_OK;
	w->has_until = ld_date_member(l, obj, path, until_key, 0,
				      &w->until) == JV_OK;
	if (!w->has_from || !w->has_until || w->until >= w->from)
		return;
	civil_format_date(w->from, a);
	civil_format_date(w->until, b);
	jv_bad(&l->v, jv_key_path(sub, path, until_key),
	       "%s '%s' is before %s '%s'", until_key, b, from_key, a);
	/* Open, so nothing downstream meets an empty window it did not
	 * expect; the load fails anyway. */
	memset(w, 0, sizeof(*w));
}

void ld_dates_within(struct ld *l, json_t *obj, const char *path,
		     const struct date_window *s, struct date_window *w)
{
	ld_dates(l, obj, path, "from_date", "until", w);
	/* Inside its service's: the later start, the earlier end. */
	if (s->has_from && (!w->has_from || s->from > w->from)) {
		w->from = s->from;
		w->has_from = 1;
	}
	if (s->has_until && (!w->has_until || s->until < w->until)) {
		w->until = s->until;
		w->has_until = 1;
	}
}

void ld_planning_time(struct ld *l, json_t *obj)
{
	struct planning *p = &l->sc->planning;

	/* Bounds: a rate beyond 100% a year (demand doubling) or a lead of
	 * more than two years is a typo, not a plan. */
	jv_number(&l->v, obj, "$.planning", "demand_growth_pct_per_year", 0,
		  -100, 1, 100, &p->demand_growth_pct_per_year);
	jv_number(&l->v, obj, "$.planning", "attrition_pct_per_year", 0, 0, 0,
		  100, &p->attrition_pct_per_year);
	jv_number(&l->v, obj, "$.planning", "recruitment_lead_weeks", 0, 0, 0,
		  104, &p->recruitment_lead_weeks);
}
