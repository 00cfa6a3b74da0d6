/*
 * report: files for people - the rota (rota.json, rota.csv) and the FTE
 * gap (fte-gap.json, fte-gap.csv).
 *
 * Every file goes through outfile, so it appears whole or not at all.
 * Figures are rounded to 3 decimals in files; totals are summed before
 * rounding, so a spreadsheet sum may differ in the last place.
 */
#ifndef ROTA7_REPORT_H
#define ROTA7_REPORT_H

#include "../core/diag.h"
#include "../core/plan.h"
#include "../core/scenario.h"

struct problem;
struct roster;
struct solve_result;

/* Writes DIR/rota.json and DIR/rota.csv (../shared/spec/outputs.md). */
int report_write_rota(const char *dir, const struct problem *pb,
		      const struct roster *r, const struct solve_result *res,
		      struct rota_error *err);

/* Writes DIR/fte-gap.json and DIR/fte-gap.csv; creates DIR. */
int report_write_plan(const char *dir, const struct scenario *sc,
		      const struct plan *p, struct rota_error *err);

#endif
