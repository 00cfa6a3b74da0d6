/* plan --until's files: plan-by-quarter.csv and plan-by-quarter.json
 * (plan_time.h says what each figure is). */
#include "report.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "outfile.h"
#include "plan_time.h"

/* Below this an FTE to advertise is rounding, not a post. */
#define ADVERTISE_MIN_FTE 0.0005

static json_t *num(double v)
{
	double r = round(v * 1000) / 1000;

	return json_real(r == 0 ? 0 : r);
}

static json_t *cell_json(json_t *o, const struct plan_quarter *q,
			 const struct plan_time_cell *c)
{
	char date[CIVIL_DATE_LEN];

	json_object_set_new(o, "demand_hours_per_week",
			    num(c->demand_hours_week));
	json_object_set_new(o, "required_fte", num(c->required_fte));
	json_object_set_new(o, "in_post_fte", num(c->in_post_fte));
	json_object_set_new(o, "starters", json_integer(c->starters));
	json_object_set_new(o, "leavers", json_integer(c->leavers));
	json_object_set_new(o, "gap_fte", num(c->gap_fte));
	json_object_set_new(o, "advertise_fte", num(c->advertise_fte));
	civil_format_date(q->advertise_by, date);
	json_object_set_new(o, "advertise_by",
			    c->advertise_fte >= ADVERTISE_MIN_FTE
			    ? json_string(date) : json_null());
	return o;
}

static json_t *quarter_json(const struct scenario *sc,
			    const struct plan_time *pt, size_t q)
{
	const struct plan_quarter *pq = &pt->quarters[q];
	char label[32], a[CIVIL_DATE_LEN], b[CIVIL_DATE_LEN];
	json_t *rows = json_array(), *roles = json_array(), *o;
	size_t n, r;

	plan_quarter_label(pq, label, sizeof(label));
	civil_format_date(pq->first, a);
	civil_format_date(pq->last, b);
	for (n = 0; n < pt->n_neighbourhoods; n++)
		for (r = 0; r < pt->n_roles; r++)
			json_array_append_new(rows, cell_json(json_pack(
				"{s:s, s:s}", "neighbourhood",
				sc->neighbourhoods[n].id, "role", sc->roles[r].id),
				pq, plan_time_cell(pt, q, n, r)));
	for (r = 0; r < pt->n_roles; r++)
		json_array_append_new(roles, cell_json(json_pack("{s:s}",
			"role", sc->roles[r].id), pq,
			&pt->by_role[q * pt->n_roles + r]));
	o = json_pack("{s:s, s:s, s:s, s:o}", "quarter", label, "first_day", a,
		      "last_day", b, "years_from_start", num(pq->years));
	json_object_set_new(o, "rows", rows);
	json_object_set_new(o, "by_role", roles);
	json_object_set_new(o, "total", cell_json(json_object(), pq,
						  &pt->total[q]));
	return o;
}

static json_t *plan_time_json(const struct scenario *sc,
			      const struct plan_time *pt)
{
	const struct planning *pl = &sc->planning;
	json_t *root, *qs = json_array();
	size_t q;

	for (q = 0; q < pt->n_quarters; q++)
		json_array_append_new(qs, quarter_json(sc, pt, q));
	root = json_pack("{s:i, s:s, s:s, s:{s:o, s:o, s:o, s:o, s:o}}",
			 "rota7", 1, "scenario", sc->name, "quarters_are",
			 "NHS financial quarters: Q1 April-June",
			 "planning", "uplift_pct", num(pl->uplift_pct),
			 "hours_per_fte_week", num(pl->hours_per_fte_week),
			 "demand_growth_pct_per_year",
			 num(pl->demand_growth_pct_per_year),
			 "attrition_pct_per_year", num(pl->attrition_pct_per_year),
			 "recruitment_lead_weeks",
			 num(pl->recruitment_lead_weeks));
	if (root)
		json_object_set_new(root, "quarters", qs);
	return root;
}

static int write_json(const char *dir, const struct scenario *sc,
		      const struct plan_time *pt, struct rota_error *err)
{
	json_t *root = plan_time_json(sc, pt);
	int ret;

	if (!root)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	ret = outfile_write_json(dir, "plan-by-quarter.json", root, JSON_INDENT(2) |
				 JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12),
				 err);
	json_decref(root);
	return ret;
}

static void csv_int(FILE *f, int v)
{
	char s[24];

	snprintf(s, sizeof(s), "%d", v);
	csv_field(f, s, 0);
}

static void csv_row(FILE *f, const struct plan_quarter *q, const char *level,
		    const char *nbhd, const char *role,
		    const struct plan_time_cell *c)
{
	char label[32], date[CIVIL_DATE_LEN];

	plan_quarter_label(q, label, sizeof(label));
	csv_field(f, label, 1);
	civil_format_date(q->first, date);
	csv_field(f, date, 0);
	civil_format_date(q->last, date);
	csv_field(f, date, 0);
	csv_field(f, level, 0);
	csv_field(f, nbhd, 0);
	csv_field(f, role, 0);
	csv_number(f, c->demand_hours_week, 3);
	csv_number(f, c->required_fte, 3);
	csv_number(f, c->in_post_fte, 3);
	csv_int(f, c->starters);
	csv_int(f, c->leavers);
	csv_number(f, c->gap_fte, 3);
	csv_number(f, c->advertise_fte, 3);
	civil_format_date(q->advertise_by, date);
	csv_field(f, c->advertise_fte >= ADVERTISE_MIN_FTE ? date : "", 0);
	csv_end(f);
}

static int write_csv(const char *dir, const struct scenario *sc,
		     const struct plan_time *pt, struct rota_error *err)
{
	struct outfile o;
	size_t q, n, r;

	if (outfile_open(&o, dir, "plan-by-quarter.csv", err))
		return -1;
	fputs("quarter,first_day,last_day,level,neighbourhood,role,"
	      "demand_hours_per_week,required_fte,in_post_fte,starters,leavers,"
	      "gap_fte,advertise_fte,advertise_by", o.f);
	csv_end(o.f);
	for (q = 0; q < pt->n_quarters; q++) {
		const struct plan_quarter *pq = &pt->quarters[q];

		for (n = 0; n < pt->n_neighbourhoods; n++)
			for (r = 0; r < pt->n_roles; r++)
				csv_row(o.f, pq, "neighbourhood",
					sc->neighbourhoods[n].id, sc->roles[r].id,
					plan_time_cell(pt, q, n, r));
		for (r = 0; r < pt->n_roles; r++)
			csv_row(o.f, pq, "role_total", "", sc->roles[r].id,
				&pt->by_role[q * pt->n_roles + r]);
		csv_row(o.f, pq, "total", "", "", &pt->total[q]);
	}
	return outfile_commit(&o, err);
}

int report_write_plan_time(const char *dir, const struct scenario *sc,
			   const struct plan_time *pt, struct rota_error *err)
{
	if (outfile_mkdir(dir, err) || write_json(dir, sc, pt, err))
		return -1;
	return write_csv(dir, sc, pt, err);
}
