#include "report_changes.h"

#include <stdio.h>

#include "csv.h"
#include "outfile.h"
#include "reference.h"

json_t *report_changes_json(const struct scenario *sc)
{
	const struct reference *ref = sc->reference;
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && ref && i < ref->n_changes; i++) {
		const struct change *c = &ref->changes[i];
		char date[CIVIL_DATE_LEN];

		civil_format_date(c->date, date);
		if (json_array_append_new(a, json_pack(
			    "{s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "staff",
			    c->staff, "name", c->name, "date", date, "before",
			    c->before, "after", c->after, "reason", c->reason,
			    "short_notice", c->short_notice))) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

int report_write_changes(const char *dir, const struct scenario *sc,
			 struct rota_error *err)
{
	const struct reference *ref = sc->reference;
	struct outfile o;
	size_t i;

	if (!ref)
		return 0;
	if (outfile_open(&o, dir, "changes.csv", err))
		return -1;
	fputs("staff,name,date,before,after,reason,short_notice\r\n", o.f);
	for (i = 0; i < ref->n_changes; i++) {
		const struct change *c = &ref->changes[i];
		char date[CIVIL_DATE_LEN];

		civil_format_date(c->date, date);
		csv_field(o.f, c->staff, 1);
		csv_field(o.f, c->name, 0);
		csv_field(o.f, date, 0);
		csv_field(o.f, c->before, 0);
		csv_field(o.f, c->after, 0);
		csv_field(o.f, c->reason, 0);
		csv_field(o.f, c->short_notice ? "true" : "false", 0);
		csv_end(o.f);
	}
	return outfile_commit(&o, err);
}
