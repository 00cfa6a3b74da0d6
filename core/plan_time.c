#include "plan_time.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demand.h"

/* Days in a year on average over the Gregorian cycle: t in years. */
#define DAYS_PER_YEAR 365.25

void plan_time_init(struct plan_time *pt)
{
	memset(pt, 0, sizeof(*pt));
}

void plan_time_release(struct plan_time *pt)
{
	free(pt->quarters);
	free(pt->cells);
	free(pt->by_role);
	free(pt->total);
	plan_time_init(pt);
}

int plan_time_parse_until(const char *s, int32_t *until,
			  struct rota_error *err)
{
	int y, m;

	if (!civil_parse_date(s, until))
		return 0;
	if (!civil_parse_month(s, &y, &m) && y >= CIVIL_YEAR_MIN &&
	    y <= CIVIL_YEAR_MAX) {
		*until = civil_from_ymd(y, m, civil_days_in_month(y, m));
		return 0;
	}
	return rota_error_add(err, ROTA_EINPUT, "--until: invalid date '%s', "
			      "expected YYYY-MM or YYYY-MM-DD", s);
}

void plan_quarter_label(const struct plan_quarter *q, char *out, size_t size)
{
	snprintf(out, size, "%d/%02d Q%d", q->year, (q->year + 1) % 100, q->q);
}

/* The financial quarter holding civil day `day`. */
static void quarter_of(int32_t day, struct plan_quarter *q)
{
	int y, m, d, m0;

	civil_to_ymd(day, &y, &m, &d);
	/* April is month 0 of the financial year. */
	m0 = (m + 8) % 12;
	q->year = m >= 4 ? y : y - 1;
	q->q = m0 / 3 + 1;
	m = (q->q - 1) * 3 + 4;
	y = q->year;
	if (m > 12) {
		m -= 12;
		y++;
	}
	q->first = civil_from_ymd(y, m, 1);
	m += 2;
	q->last = civil_from_ymd(y, m, civil_days_in_month(y, m));
}

static int make_quarters(const struct scenario *sc, int32_t until,
			 struct plan_time *pt, struct rota_error *err)
{
	struct plan_quarter q;
	double lead = sc->planning.recruitment_lead_weeks * 7;
	int32_t day = sc->horizon.start;
	size_t n = 0;

	if (until < sc->horizon.start) {
		char a[CIVIL_DATE_LEN], b[CIVIL_DATE_LEN];

		civil_format_date(until, a);
		civil_format_date(sc->horizon.start, b);
		return rota_error_add(err, ROTA_EINPUT, "--until %s is before "
				      "the horizon's first day %s", a, b);
	}
	pt->quarters = calloc(PLAN_TIME_MAX_QUARTERS, sizeof(*pt->quarters));
	if (!pt->quarters)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	do {
		if (n == PLAN_TIME_MAX_QUARTERS)
			return rota_error_add(err, ROTA_EINPUT, "--until: more "
					      "than %d quarters (fifty years) "
					      "from the horizon's start",
					      PLAN_TIME_MAX_QUARTERS);
		quarter_of(day, &q);
		q.advertise_by = q.first - (int32_t)ceil(lead - 1e-9);
		q.years = q.first > sc->horizon.start
			? (q.first - sc->horizon.start) / DAYS_PER_YEAR : 0;
		pt->quarters[n++] = q;
		day = q.last + 1;
	} while (day <= until);
	pt->n_quarters = n;
	return 0;
}

/* Days of [first, last] inside w, as a share of the span. */
static double share_inside(const struct date_window *w, int32_t first,
			   int32_t last)
{
	int32_t a = first, b = last;

	if (w->has_from && w->from > a)
		a = w->from;
	if (w->has_until && w->until < b)
		b = w->until;
	return b < a ? 0 : (double)(b - a + 1) / (double)(last - first + 1);
}

static int add_demand(const struct scenario *sc, struct plan_time *pt,
		      struct rota_error *err)
{
	size_t nn = sc->n_neighbourhoods, i, n, q;
	double weeks = sc->horizon.days / 7.0, growth =
		1 + sc->planning.demand_growth_pct_per_year / 100.0;
	double *hours = calloc(nn ? nn : 1, sizeof(double));
	struct demand d;
	int ret = -1;

	demand_init(&d);
	if (!hours || demand_expand_pattern(sc, &d, err))
		goto out;
	for (i = 0; i < d.n; i++) {
		const struct demand_item *it = &d.items[i];
		const struct band *b =
			&sc->services[it->service].bands[it->band];

		memset(hours, 0, nn * sizeof(double));
		demand_share_hours(sc, it, hours);
		for (q = 0; q < pt->n_quarters; q++) {
			const struct plan_quarter *pq = &pt->quarters[q];
			double f = share_inside(&b->dates, pq->first, pq->last) *
				   pow(growth, pq->years) / weeks;

			for (n = 0; f > 0 && n < nn; n++)
				plan_time_cell(pt, q, n, (size_t)it->role)
					->demand_hours_week += hours[n] * f;
		}
	}
	ret = 0;
out:
	if (ret && !hours)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	free(hours);
	demand_release(&d);
	return ret;
}

static void add_person(const struct scenario *sc, const struct staff *st,
		       struct plan_time *pt)
{
	double keep = 1 - sc->planning.attrition_pct_per_year / 100.0;
	int32_t from = sc->horizon.start;
	size_t q;

	if (st->post.has_from && st->post.from > from)
		from = st->post.from;
	for (q = 0; q < pt->n_quarters; q++) {
		const struct plan_quarter *pq = &pt->quarters[q];
		struct plan_time_cell *c = plan_time_cell(pt, q,
			(size_t)st->home, (size_t)st->role);
		double t = pq->first > from
			? (pq->first - from) / DAYS_PER_YEAR : 0;

		c->in_post_fte += st->fte * share_inside(&st->post, pq->first,
							 pq->last) *
				  pow(keep, t);
		c->starters += st->post.has_from &&
			       st->post.from >= pq->first &&
			       st->post.from <= pq->last;
		c->leavers += st->post.has_until &&
			      st->post.until >= pq->first &&
			      st->post.until <= pq->last;
	}
}

static void add_to(struct plan_time_cell *to, const struct plan_time_cell *c)
{
	to->demand_hours_week += c->demand_hours_week;
	to->required_fte += c->required_fte;
	to->in_post_fte += c->in_post_fte;
	to->gap_fte += c->gap_fte;
	to->advertise_fte += c->advertise_fte;
	to->starters += c->starters;
	to->leavers += c->leavers;
}

/* Required, gap and what to advertise, then the totals. */
static void finish(const struct scenario *sc, struct plan_time *pt)
{
	double factor = (1 + sc->planning.uplift_pct / 100.0) /
			sc->planning.hours_per_fte_week;
	size_t q, n, r;

	for (n = 0; n < pt->n_neighbourhoods; n++)
		for (r = 0; r < pt->n_roles; r++) {
			double asked = 0;

			for (q = 0; q < pt->n_quarters; q++) {
				struct plan_time_cell *c =
					plan_time_cell(pt, q, n, r);

				c->required_fte = c->demand_hours_week * factor;
				c->gap_fte = c->required_fte - c->in_post_fte;
				if (c->gap_fte > asked) {
					c->advertise_fte = c->gap_fte - asked;
					asked = c->gap_fte;
				}
				add_to(&pt->by_role[q * pt->n_roles + r], c);
				add_to(&pt->total[q], c);
			}
		}
}

int plan_time_compute(const struct scenario *sc, int32_t until,
		      struct plan_time *pt, struct rota_error *err)
{
	size_t i, cells;

	plan_time_init(pt);
	if (make_quarters(sc, until, pt, err))
		goto fail;
	pt->n_neighbourhoods = sc->n_neighbourhoods;
	pt->n_roles = sc->n_roles;
	cells = pt->n_quarters * pt->n_neighbourhoods * pt->n_roles;
	pt->cells = calloc(cells + 1, sizeof(*pt->cells));
	pt->by_role = calloc(pt->n_quarters * pt->n_roles + 1,
			     sizeof(*pt->by_role));
	pt->total = calloc(pt->n_quarters, sizeof(*pt->total));
	if (!pt->cells || !pt->by_role || !pt->total) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto fail;
	}
	if (add_demand(sc, pt, err))
		goto fail;
	for (i = 0; i < sc->n_staff; i++)
		add_person(sc, &sc->staff[i], pt);
	finish(sc, pt);
	return 0;
fail:
	plan_time_release(pt);
	return -1;
}
