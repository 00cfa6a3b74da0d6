/*
 * idle_internal: the report's words for staff who can never work where
 * demand is (core/idle.h), shared by rota.json and report.html.
 *
 * Memory: report_idle_json returns a new reference the caller owns (or
 * NULL out of memory).
 */
#ifndef ROTA7_IDLE_INTERNAL_H
#define ROTA7_IDLE_INTERNAL_H

#include <jansson.h>

#include "problem.h"

/* rota.json's "idle_staff": [{"staff": id, "reason": words}], in staff
 * order, empty when everyone can work. */
json_t *report_idle_json(const struct problem *pb);

#endif
