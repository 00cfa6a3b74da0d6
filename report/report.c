#include "report.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "csv.h"
#include "outfile.h"

static json_t *num(double v)
{
	double r = round(v * 1000) / 1000;

	return json_real(r == 0 ? 0 : r);
}

/* Of those in post, who can never work where demand is (idle.h); only
 * when the plan counted them. */
static json_t *idle_json(json_t *obj, const struct plan *p,
			 const struct plan_cell *c)
{
	if (!p->idle_known)
		return obj;
	json_object_set_new(obj, "in_post_idle_fte", num(c->idle_fte));
	json_object_set_new(obj, "in_post_idle_staff",
			    json_integer(c->idle_staff));
	return obj;
}

/* Adds the figures of a plan cell to obj. */
static json_t *cell_json(json_t *obj, const struct plan_cell *c)
{
	json_object_set_new(obj, "demand_hours_per_week",
			    num(c->demand_hours_week));
	json_object_set_new(obj, "required_fte", num(c->required_fte));
	json_object_set_new(obj, "in_post_fte", num(c->in_post_fte));
	json_object_set_new(obj, "in_post_staff", json_integer(c->staff));
	json_object_set_new(obj, "gap_fte", num(c->gap_fte));
	return obj;
}

/* Adds what the rota showed, when there is one, after the plan's figures
 * (the order of the CSV columns). */
static json_t *gap_json(json_t *obj, const struct fte_gap_cell *g)
{
	if (!g)
		return obj;
	json_object_set_new(obj, "demand_hours", num(g->demand_hours));
	json_object_set_new(obj, "covered_hours",
			    num(g->demand_hours - g->uncovered_hours));
	json_object_set_new(obj, "uncovered_hours", num(g->uncovered_hours));
	json_object_set_new(obj, "uncovered_fte", num(g->uncovered_fte));
	json_object_set_new(obj, "worked_hours", num(g->worked_hours));
	json_object_set_new(obj, "worked_outside_home_hours",
			    num(g->outside_home_hours));
	json_object_set_new(obj, "covered_from_outside_hours",
			    num(g->from_outside_hours));
	json_object_set_new(obj, "substitution_hours",
			    num(g->substitution_hours));
	return obj;
}

/* The rota's figures of a row, or NULL without a rota. */
static const struct fte_gap_cell *gap_row(const struct fte_gap *g,
					     size_t n, size_t r)
{
	return g ? fte_gap_cell(g, n, r) : NULL;
}

static const struct fte_gap_cell *gap_nbhd(const struct fte_gap *g,
					      size_t n)
{
	return g ? &g->by_nbhd[n] : NULL;
}

static const struct fte_gap_cell *gap_role(const struct fte_gap *g,
					      size_t r)
{
	return g ? &g->by_role[r] : NULL;
}

static json_t *by_service_json(const struct scenario *sc,
			       const struct fte_gap *g)
{
	json_t *a = json_array();
	size_t s;

	for (s = 0; s < sc->n_services; s++)
		json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "service",
			sc->services[s].id, "demand_hours",
			num(g->demand_by_service[s]), "uncovered_hours",
			num(g->uncovered_by_service[s])));
	return a;
}

/* What the offer, the staff and the rota cost a year (pay.h, an
 * addition to the spec); only when the scenario gives pay. */
static json_t *cost_json(const struct scenario *sc, const struct plan *p,
			 const struct fte_gap *g)
{
	json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o}", "per", "year",
			      "on_cost_pct", num(sc->pay.on_cost_pct),
			      "offer", num(p->cost.annual),
			      "offer_unpriced_hours", num(p->cost.unpriced_hours),
			      "staff_in_post", num(p->cost.staff_annual));
	json_t *bands = json_array();
	size_t s, b, k = 0;

	for (s = 0; s < sc->n_services; s++)
		for (b = 0; b < sc->services[s].n_bands; b++, k++)
			json_array_append_new(bands, json_pack("{s:s, s:s, s:o}",
				"service", sc->services[s].id, "band",
				sc->services[s].bands[b].label, "offer",
				num(k < p->cost.n_bands ? p->cost.by_band[k] : 0)));
	json_object_set_new(o, "offer_by_band", bands);
	if (g) {
		json_object_set_new(o, "rota", num(g->cost.annual));
		json_object_set_new(o, "rota_enhancements",
				    num(g->cost.enhancements));
		json_object_set_new(o, "rota_unpriced_hours",
				    num(g->cost.unpriced_hours));
	}
	return o;
}

static json_t *horizon_json(const struct scenario *sc)
{
	char date[CIVIL_DATE_LEN];

	civil_format_date(sc->horizon.start, date);
	return json_pack("{s:s, s:i, s:s}", "start", date, "days",
			 sc->horizon.days, "timezone", sc->timezone);
}

static json_t *plan_json(const struct scenario *sc, const struct plan *p,
			 const struct fte_gap *g)
{
	json_t *root, *rows, *by_role, *by_nbhd;
	size_t n, r;

	rows = json_array();
	by_role = json_array();
	by_nbhd = json_array();
	for (n = 0; n < p->n_neighbourhoods; n++)
		for (r = 0; r < p->n_roles; r++)
			json_array_append_new(rows, idle_json(gap_json(cell_json(
				json_pack("{s:s, s:s}", "neighbourhood",
				sc->neighbourhoods[n].id, "role", sc->roles[r].id),
				plan_cell(p, n, r)),
				gap_row(g, n, r)), p, plan_cell(p, n, r)));
	for (r = 0; r < p->n_roles; r++)
		json_array_append_new(by_role, idle_json(gap_json(cell_json(
			json_pack("{s:s}", "role", sc->roles[r].id),
			&p->by_role[r]), gap_role(g, r)), p, &p->by_role[r]));
	for (n = 0; n < p->n_neighbourhoods; n++)
		json_array_append_new(by_nbhd, idle_json(gap_json(cell_json(
			json_pack("{s:s}", "neighbourhood",
				  sc->neighbourhoods[n].id),
			&p->by_nbhd[n]), gap_nbhd(g, n)), p, &p->by_nbhd[n]));
	root = json_pack("{s:i, s:s, s:o, s:{s:o, s:o}}", "rota7", 1,
			 "scenario", sc->name, "horizon", horizon_json(sc),
			 "planning", "uplift_pct", num(sc->planning.uplift_pct),
			 "hours_per_fte_week",
			 num(sc->planning.hours_per_fte_week));
	if (!root)
		return NULL;
	json_object_set_new(root, "rows", rows);
	json_object_set_new(root, "by_role", by_role);
	json_object_set_new(root, "by_neighbourhood", by_nbhd);
	json_object_set_new(root, "total", idle_json(gap_json(cell_json(
			    json_object(), &p->total), g ? &g->total : NULL),
			    p, &p->total));
	if (g)
		json_object_set_new(root, "by_service", by_service_json(sc, g));
	if (sc->pay.given)
		json_object_set_new(root, "cost", cost_json(sc, p, g));
	return root;
}

static int write_json(const char *dir, const struct scenario *sc,
		      const struct plan *p, const struct fte_gap *g,
		      struct rota_error *err)
{
	json_t *root = plan_json(sc, p, g);
	int ret;

	if (!root)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	ret = outfile_write_json(dir, "fte-gap.json", root, JSON_INDENT(2) |
				 JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12),
				 err);
	json_decref(root);
	return ret;
}

static void csv_row(FILE *f, const char *level, const char *nbhd,
		    const char *role, const struct plan_cell *c,
		    const struct fte_gap_cell *g, int idle)
{
	char staff[32];

	csv_field(f, level, 1);
	csv_field(f, nbhd, 0);
	csv_field(f, role, 0);
	csv_number(f, c->demand_hours_week, 3);
	csv_number(f, c->required_fte, 3);
	csv_number(f, c->in_post_fte, 3);
	snprintf(staff, sizeof(staff), "%d", c->staff);
	csv_field(f, staff, 0);
	csv_number(f, c->gap_fte, 3);
	if (g) {
		csv_number(f, g->demand_hours, 3);
		csv_number(f, g->demand_hours - g->uncovered_hours, 3);
		csv_number(f, g->uncovered_hours, 3);
		csv_number(f, g->uncovered_fte, 3);
		csv_number(f, g->worked_hours, 3);
		csv_number(f, g->outside_home_hours, 3);
		csv_number(f, g->from_outside_hours, 3);
		csv_number(f, g->substitution_hours, 3);
	}
	if (idle) {
		snprintf(staff, sizeof(staff), "%d", c->idle_staff);
		csv_number(f, c->idle_fte, 3);
		csv_field(f, staff, 0);
	}
	csv_end(f);
}

static int write_csv(const char *dir, const struct scenario *sc,
		     const struct plan *p, const struct fte_gap *g,
		     struct rota_error *err)
{
	struct outfile o;
	size_t n, r;

	if (outfile_open(&o, dir, "fte-gap.csv", err))
		return -1;
	fputs("level,neighbourhood,role,demand_hours_per_week,required_fte,"
	      "in_post_fte,in_post_staff,gap_fte", o.f);
	if (g)
		fputs(",demand_hours,covered_hours,uncovered_hours,uncovered_fte,"
		      "worked_hours,worked_outside_home_hours,"
		      "covered_from_outside_hours,substitution_hours", o.f);
	if (p->idle_known)
		fputs(",in_post_idle_fte,in_post_idle_staff", o.f);
	csv_end(o.f);
	for (n = 0; n < p->n_neighbourhoods; n++)
		for (r = 0; r < p->n_roles; r++)
			csv_row(o.f, "neighbourhood", sc->neighbourhoods[n].id,
				sc->roles[r].id, plan_cell(p, n, r),
				gap_row(g, n, r), p->idle_known);
	for (n = 0; n < p->n_neighbourhoods; n++)
		csv_row(o.f, "neighbourhood_total", sc->neighbourhoods[n].id, "",
			&p->by_nbhd[n], gap_nbhd(g, n), p->idle_known);
	for (r = 0; r < p->n_roles; r++)
		csv_row(o.f, "role_total", "", sc->roles[r].id, &p->by_role[r],
			gap_role(g, r), p->idle_known);
	csv_row(o.f, "total", "", "", &p->total, g ? &g->total : NULL,
		p->idle_known);
	return outfile_commit(&o, err);
}

int report_write_gap(const char *dir, const struct scenario *sc,
		     const struct plan *p, const struct fte_gap *g,
		     struct rota_error *err)
{
	if (outfile_mkdir(dir, err))
		return -1;
	if (write_json(dir, sc, p, g, err))
		return -1;
	return write_csv(dir, sc, p, g, err);
}

int report_write_plan(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err)
{
	return report_write_gap(dir, sc, p, NULL, err);
}
