/* rota.json, rota.csv and uncovered.csv: the rota itself, its gaps and its
 * people. */
#include "report.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "problem.h"
#include "roster.h"
#include "result.h"
#include "csv.h"
#include "idle_internal.h"
#include "outfile.h"
#include "tz.h"
#include "measure.h"
#include "report_changes.h"
#include "origin.h"
#include "reference.h"

static json_t *num(double v, double unit)
{
	double r = round(v / unit) * unit;

	return json_real(r == 0 ? 0 : r);
}

static void hhmm(const struct tz *tz, instant_t t, char out[8], int32_t *day)
{
	int secs;

	tz_local(tz, t, day, &secs);
	snprintf(out, 8, "%02d:%02d", secs / 3600 % 24, secs / 60 % 60);
}

static json_t *assignment(const struct problem *pb, const struct tz *tz,
			  size_t v)
{
	const struct scenario *sc = pb->sc;
	const struct var *x = &pb->vars[v];
	const struct shift *sh = &sc->shifts[x->s];
	const struct option *o = &pb->people[x->p].opts[x->k];
	char date[CIVIL_DATE_LEN], start[TZ_ISO_LEN], end[TZ_ISO_LEN];

	civil_format_date(scenario_date(sc, x->d), date);
	tz_format_iso(tz, sh->start_at[x->d], start);
	tz_format_iso(tz, sh->end_at[x->d], end);
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}",
			 "staff", sc->staff[x->p].id, "date", date, "shift", sh->id,
			 "service", sc->services[sh->service].id,
			 "neighbourhood", sc->neighbourhoods[o->nbhd].id,
			 "role", sc->roles[o->role].id, "start", start, "end", end,
			 "paid_hours", num(x->paid_hours, 0.01));
}

static json_t *assignments(const struct problem *pb, const struct roster *r,
			   const struct tz *tz)
{
	json_t *a = json_array();
	size_t p;
	int d;

	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(r, (int)p, d);

			if (v != ROSTER_NONE)
				json_array_append_new(a, assignment(pb, tz, v));
		}
	return a;
}

/* One uncovered range, cut at local midnight when longer than a day so
 * that `date`, `from` and `to` always say which hours are meant. */
static void add_range(json_t *a, const struct problem *pb, const struct tz *tz,
		      const struct cell *c, instant_t from, instant_t to,
		      int staffed)
{
	const struct scenario *sc = pb->sc;
	char date[CIVIL_DATE_LEN], f[8], t[8], fs[TZ_ISO_LEN], ts[TZ_ISO_LEN];
	int32_t day, day2;

	while (from < to) {
		instant_t cut = to;

		hhmm(tz, from, f, &day);
		if (to - from > 86400) {
			int secs;

			tz_local(tz, from, &day, &secs);
			cut = tz_instant(tz, day + 1, 0);
		}
		hhmm(tz, cut, t, &day2);
		civil_format_date(day, date);
		tz_format_iso(tz, from, fs);
		tz_format_iso(tz, cut, ts);
		json_array_append_new(a, json_pack(
			"{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:i, s:s, s:s, s:o}",
			"service", sc->services[c->service].id,
			"scope", scenario_scope_name(sc, c->scope),
			"unit", scenario_unit_id(sc, c->scope, (size_t)c->unit),
			"role", sc->roles[c->role].id, "date", date, "from", f,
			"to", t, "required", c->required, "staffed", staffed,
			"start", fs, "end", ts, "hours",
			num((c->required - staffed) * (double)(cut - from) / 3600.0,
			    0.001)));
		from = cut;
	}
}

/* Maximal ranges of cells in one track with the same shortfall. */
static json_t *uncovered(const struct problem *pb, const struct roster *r,
			 const struct tz *tz)
{
	json_t *a = json_array();
	size_t t, c;

	for (t = 0; t < pb->n_tracks; t++) {
		size_t lo = pb->track_first[t], hi = pb->track_first[t + 1];

		for (c = lo; c < hi; c++) {
			const struct cell *ce = &pb->cells[c];
			size_t e = c;

			if (r->on_duty[c] >= ce->required)
				continue;
			while (e + 1 < hi && pb->cells[e + 1].from == pb->cells[e].to &&
			       pb->cells[e + 1].required == ce->required &&
			       r->on_duty[e + 1] == r->on_duty[c])
				e++;
			add_range(a, pb, tz, ce, ce->from, pb->cells[e].to,
				  r->on_duty[c]);
			c = e;
		}
	}
	return a;
}

static json_t *staff_summary(const struct problem *pb, const struct roster *r)
{
	const struct scenario *sc = pb->sc;
	json_t *a = json_array();
	size_t p;

	for (p = 0; p < sc->n_staff; p++)
		json_array_append_new(a, json_pack(
			"{s:s, s:o, s:o, s:i, s:i, s:i, s:i}", "staff",
			sc->staff[p].id,
			"paid_hours", num(roster_paid_hours(r, (int)p), 0.01),
			"target_hours", num(pb->people[p].target_hours, 0.01),
			"weekends", measure_weekends(pb, r, (int)p),
			"nights", measure_nights(pb, r, (int)p),
			"requests_granted", measure_requests_granted(pb, r, (int)p),
			"requests_total", measure_requests_total(pb, (int)p)));
	return a;
}

/* rota.json's stopped_by, by enum solve_stop. */
static const char *const stop_names[] = {
	"work", "optimal", "gap", "time-limit", "interrupted"
};

/* The SHA-256 of the assignments as assignments() writes them. */
static void assignments_digest(const struct problem *pb,
			       const struct roster *r, char out[ORIGIN_HEX])
{
	const struct scenario *sc = pb->sc;
	struct sha256 h;
	size_t p;
	int d;

	sha256_init(&h);
	for (p = 0; p < sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(r, (int)p, d);
			const struct var *x;
			const struct option *o;
			char date[CIVIL_DATE_LEN];

			if (v == ROSTER_NONE)
				continue;
			x = &pb->vars[v];
			o = &pb->people[x->p].opts[x->k];
			civil_format_date(scenario_date(sc, x->d), date);
			origin_add_assignment(&h, sc->staff[x->p].id, date,
					      sc->shifts[x->s].id,
					      sc->neighbourhoods[o->nbhd].id,
					      sc->roles[o->role].id);
		}
	sha256_final_hex(&h, out);
}

static json_t *date_or_null(int has, int32_t day)
{
	char date[CIVIL_DATE_LEN];

	if (!has)
		return json_null();
	civil_format_date(day, date);
	return json_string(date);
}

/* made_from (an addition to the spec): what a later --previous run
 * needs to tell whether it is the same run again (origin.h). */
static json_t *made_from(const struct problem *pb, const struct roster *r,
			 const struct solve_result *res)
{
	const struct scenario *sc = pb->sc;
	const struct reference *ref = sc->reference;
	char digest[ORIGIN_HEX];
	json_t *m;

	assignments_digest(pb, r, digest);
	m = json_pack("{s:s, s:s, s:I, s:I, s:f, s:b}", "engine", res->engine,
		      "scenario_sha256", sc->digest, "seed",
		      (json_int_t)res->seed, "work",
		      (json_int_t)res->work_budget, "gap", res->gap_option,
		      "previous", ref != NULL);
	if (!m)
		return NULL;
	json_object_set_new(m, "freeze_until",
			    date_or_null(ref && ref->has_freeze,
					 ref ? ref->freeze_until : 0));
	json_object_set_new(m, "today", date_or_null(ref && ref->has_today,
						     ref ? ref->today : 0));
	json_object_set_new(m, "reproduced", json_boolean(res->reproduced));
	json_object_set_new(m, "assignments_sha256", json_string(digest));
	return m;
}

static json_t *rota_json(const struct problem *pb, const struct roster *r,
			 const struct solve_result *res, const struct tz *tz)
{
	const struct scenario *sc = pb->sc;
	char date[CIVIL_DATE_LEN];
	json_t *root;

	civil_format_date(sc->horizon.start, date);
	root = json_pack("{s:i, s:s, s:{s:s, s:i, s:s}, s:s, s:o}", "rota7", 1,
			 "scenario", sc->name, "horizon", "start", date, "days",
			 pb->days, "timezone", sc->timezone, "status",
			 res->optimal ? "optimal" : "feasible", "objective",
			 num(res->objective, 0.001));
	if (!root)
		return NULL;
	json_object_set_new(root, "bound", isinf(res->bound) ? json_null()
				 : num(res->bound, 0.001));
	json_object_set_new(root, "gap", isinf(res->gap) ? json_null()
				 : num(res->gap, 1e-6));
	json_object_set_new(root, "solve_seconds", num(res->seconds, 0.01));
	json_object_set_new(root, "work", json_integer(res->work));
	json_object_set_new(root, "stopped_by",
			    json_string(stop_names[res->stopped_by]));
	json_object_set_new(root, "uncovered_hours",
			    num(res->uncovered_hours, 0.001));
	json_object_set_new(root, "made_from", made_from(pb, r, res));
	json_object_set_new(root, "assignments", assignments(pb, r, tz));
	json_object_set_new(root, "uncovered", uncovered(pb, r, tz));
	json_object_set_new(root, "staff_summary", staff_summary(pb, r));
	if (sc->reference)
		json_object_set_new(root, "changes", report_changes_json(sc));
	json_object_set_new(root, "idle_staff", report_idle_json(pb));
	return root;
}

static int write_json(const char *dir, json_t *root, struct rota_error *err)
{
	return outfile_write_json(dir, "rota.json", root, JSON_INDENT(1) |
				  JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15),
				  err);
}

/* "2018-03-01 08:00", local: the form Excel and LibreOffice read as a
 * date and time (the ISO columns with their offset they read as text). */
#define LOCAL_LEN 32   /* 16 used; room for what the compiler cannot bound */
static void local_time(const struct tz *tz, instant_t t, char out[LOCAL_LEN])
{
	char date[CIVIL_DATE_LEN];
	int32_t day;
	int secs;

	tz_local(tz, t, &day, &secs);
	civil_format_date(day, date);
	snprintf(out, LOCAL_LEN, "%s %02d:%02d", date, secs / 3600 % 24,
		 secs / 60 % 60);
}

static int write_csv(const char *dir, const struct problem *pb,
		     const struct roster *r, const struct tz *tz,
		     struct rota_error *err)
{
	const struct scenario *sc = pb->sc;
	struct outfile o;
	size_t p;
	int d;

	if (outfile_open(&o, dir, "rota.csv", err))
		return -1;
	/* The spec's columns first, in place; ours after them. */
	fputs("staff,name,role,neighbourhood,service,date,shift,start,end,"
	      "paid_hours,start_local,end_local,role_name,neighbourhood_name"
	      "\r\n", o.f);
	for (p = 0; p < sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(r, (int)p, d);
			const struct var *x;
			const struct option *op;
			char date[CIVIL_DATE_LEN], st[TZ_ISO_LEN], en[TZ_ISO_LEN];
			char lst[LOCAL_LEN], lend[LOCAL_LEN];

			if (v == ROSTER_NONE)
				continue;
			x = &pb->vars[v];
			op = &pb->people[p].opts[x->k];
			civil_format_date(scenario_date(sc, d), date);
			tz_format_iso(tz, sc->shifts[x->s].start_at[d], st);
			tz_format_iso(tz, sc->shifts[x->s].end_at[d], en);
			csv_field(o.f, sc->staff[p].id, 1);
			csv_field(o.f, sc->staff[p].name, 0);
			csv_field(o.f, sc->roles[op->role].id, 0);
			csv_field(o.f, sc->neighbourhoods[op->nbhd].id, 0);
			csv_field(o.f, sc->services[sc->shifts[x->s].service].id, 0);
			csv_field(o.f, date, 0);
			csv_field(o.f, sc->shifts[x->s].id, 0);
			csv_field(o.f, st, 0);
			csv_field(o.f, en, 0);
			csv_number(o.f, x->paid_hours, 2);
			local_time(tz, sc->shifts[x->s].start_at[d], lst);
			local_time(tz, sc->shifts[x->s].end_at[d], lend);
			csv_field(o.f, lst, 0);
			csv_field(o.f, lend, 0);
			csv_field(o.f, sc->roles[op->role].name, 0);
			csv_field(o.f, sc->neighbourhoods[op->nbhd].name, 0);
			csv_end(o.f);
		}
	return outfile_commit(&o, err);
}

/* uncovered.csv (a spec addition): rota.json's uncovered, row for row,
 * for the bank office; written from the JSON so the two cannot differ. */
static int write_uncovered(const char *dir, json_t *unc,
			   struct rota_error *err)
{
	static const char *const text[] = {
		"service", "scope", "unit", "role", "date", "from", "to"
	};
	struct outfile o;
	json_t *u;
	size_t i, k;

	if (outfile_open(&o, dir, "uncovered.csv", err))
		return -1;
	fputs("service,scope,unit,role,date,from,to,people_short\r\n", o.f);
	json_array_foreach(unc, i, u) {
		for (k = 0; k < sizeof(text) / sizeof(*text); k++)
			csv_field(o.f, json_string_value(json_object_get(
				u, text[k])), k == 0);
		csv_number(o.f, (double)(json_integer_value(json_object_get(
			u, "required")) - json_integer_value(json_object_get(
			u, "staffed"))), 0);
		csv_end(o.f);
	}
	return outfile_commit(&o, err);
}

int report_write_rota(const char *dir, const struct problem *pb,
		      const struct roster *r, const struct solve_result *res,
		      struct rota_error *err)
{
	struct tz *tz = tz_open(pb->sc->timezone);
	json_t *root = NULL;
	int ret = -1;

	if (!tz)
		return rota_error_add(err, ROTA_EINTERNAL, "timezone '%s' "
				      "vanished", pb->sc->timezone);
	if (outfile_mkdir(dir, err))
		goto out;
	root = rota_json(pb, r, res, tz);
	if (!root) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto out;
	}
	if (write_json(dir, root, err) || write_csv(dir, pb, r, tz, err) ||
	    write_uncovered(dir, json_object_get(root, "uncovered"), err) ||
	    report_write_changes(dir, pb->sc, err))
		goto out;
	ret = 0;
out:
	json_decref(root);
	tz_close(tz);
	return ret;
}
