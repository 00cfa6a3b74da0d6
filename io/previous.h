/*
 * previous: the reference rota of `solve --previous DIR`, read from
 * DIR/rota.json (../shared/spec/outputs.md, "rota.json").
 *
 * Only what re-rostering needs is read: the horizon's start and length,
 * each assignment's staff, date, shift, neighbourhood and role, and what
 * the rota was made from (made_from and stopped_by, into ref->origin;
 * origin.h), with the digest of the assignments as read.  The
 * file is our own output, but it is read as input: bad JSON is refused
 * with its line and column, a missing or mistyped field with its JSON
 * path (exit 2).
 *
 * Memory: on success *out is a new struct reference (reference.h) the
 * caller owns (reference_apply hands it to the scenario); on failure
 * *out is NULL and err says why.
 */
#ifndef ROTA7_PREVIOUS_H
#define ROTA7_PREVIOUS_H

#include "diag.h"
#include "reference.h"

/* dir: the earlier output directory.  freeze_until: a civil day, used
 * when has_freeze.  0, or -1 with err set (ROTA_EINPUT). */
int previous_load(const char *dir, int has_freeze, int32_t freeze_until,
		  struct reference **out, struct rota_error *err);

#endif
