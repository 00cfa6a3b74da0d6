/*
 * report_changes: what a solve against --previous changed
 * (reference.h's changes), as rota.json's "changes" list and as
 * DIR/changes.csv: staff,name,date,before,after,reason.  Internal to
 * report/ (report_rota.c calls it); written only when the scenario has
 * a reference.
 *
 * Memory: report_changes_json returns a new reference the caller
 * decrefs, or NULL out of memory.
 */
#ifndef ROTA7_REPORT_CHANGES_H
#define ROTA7_REPORT_CHANGES_H

#include <jansson.h>

#include "diag.h"
#include "scenario.h"

json_t *report_changes_json(const struct scenario *sc);
/* 0, or -1 with err set; nothing written without a reference. */
int report_write_changes(const char *dir, const struct scenario *sc,
			 struct rota_error *err);

#endif
