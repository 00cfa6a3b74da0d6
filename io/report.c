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

static json_t *horizon_json(const struct scenario *sc)
{
	char date[CIVIL_DATE_LEN];

	civil_format_date(sc->horizon.start, date);
	return json_pack("{s:s, s:i, s:s}", "start", date, "days",
			 sc->horizon.days, "timezone", sc->timezone);
}

static json_t *plan_json(const struct scenario *sc, const struct plan *p)
{
	json_t *root, *rows, *by_role, *by_nbhd;
	size_t n, r;

	rows = json_array();
	by_role = json_array();
	by_nbhd = json_array();
	for (n = 0; n < p->n_neighbourhoods; n++)
		for (r = 0; r < p->n_roles; r++)
			json_array_append_new(rows, cell_json(json_pack(
				"{s:s, s:s}", "neighbourhood",
				sc->neighbourhoods[n].id, "role", sc->roles[r].id),
				plan_cell(p, n, r)));
	for (r = 0; r < p->n_roles; r++)
		json_array_append_new(by_role, cell_json(json_pack("{s:s}",
			"role", sc->roles[r].id), &p->by_role[r]));
	for (n = 0; n < p->n_neighbourhoods; n++)
		json_array_append_new(by_nbhd, cell_json(json_pack("{s:s}",
			"neighbourhood", sc->neighbourhoods[n].id),
			&p->by_nbhd[n]));
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
	json_object_set_new(root, "total", cell_json(json_object(), &p->total));
	return root;
}

static int write_json(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err)
{
	struct outfile o;
	json_t *root = plan_json(sc, p);
	int ret = -1;

	if (!root) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		return -1;
	}
	if (outfile_open(&o, dir, "fte-gap.json", err))
		goto out;
	if (json_dumpf(root, o.f, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		       JSON_REAL_PRECISION(12)) || fputc('\n', o.f) == EOF) {
		outfile_abort(&o);
		rota_error_add(err, ROTA_EOUTPUT, "cannot write '%s/fte-gap.json'",
			       dir);
		goto out;
	}
	ret = outfile_commit(&o, err);
out:
	json_decref(root);
	return ret;
}

static void csv_row(FILE *f, const char *level, const char *nbhd,
		    const char *role, const struct plan_cell *c)
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
	csv_end(f);
}

static int write_csv(const char *dir, const struct scenario *sc,
		     const struct plan *p, struct rota_error *err)
{
	struct outfile o;
	size_t n, r;

	if (outfile_open(&o, dir, "fte-gap.csv", err))
		return -1;
	fputs("level,neighbourhood,role,demand_hours_per_week,required_fte,"
	      "in_post_fte,in_post_staff,gap_fte\r\n", o.f);
	for (n = 0; n < p->n_neighbourhoods; n++)
		for (r = 0; r < p->n_roles; r++)
			csv_row(o.f, "neighbourhood", sc->neighbourhoods[n].id,
				sc->roles[r].id, plan_cell(p, n, r));
	for (n = 0; n < p->n_neighbourhoods; n++)
		csv_row(o.f, "neighbourhood_total", sc->neighbourhoods[n].id, "",
			&p->by_nbhd[n]);
	for (r = 0; r < p->n_roles; r++)
		csv_row(o.f, "role_total", "", sc->roles[r].id, &p->by_role[r]);
	csv_row(o.f, "total", "", "", &p->total);
	return outfile_commit(&o, err);
}

int report_write_plan(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err)
{
	if (outfile_mkdir(dir, err))
		return -1;
	if (write_json(dir, sc, p, err))
		return -1;
	return write_csv(dir, sc, p, err);
}
