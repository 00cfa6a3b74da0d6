/*
 * nolegal: what solve says when it ends without a legal rota.
 *
 * Three endings, each an error naming the rule and its place (the last
 * entry of a rota_error filled by constraints_check, which the caller
 * owns): the hard rules provably admit no rota (ROTA_EINFEASIBLE, exit
 * 3), or the search found none in time or was stopped (ROTA_ELIMIT,
 * ROTA_EINTERRUPTED), which is no proof.  Kept apart from solve.c so
 * that the engine's file is its phases, and so that every way of
 * failing reads alike.
 */
#ifndef ROTA7_NOLEGAL_H
#define ROTA7_NOLEGAL_H

#include "diag.h"
#include "problem.h"

/* The rule why's last entry names is broken by every rota: err gets
 * ROTA_EINFEASIBLE with its place.  Releases why; returns -1. */
int nolegal_infeasible(struct rota_error *why, struct rota_error *err);

/* No legal rota and no proof that none exists: err gets
 * ROTA_EINTERRUPTED when a stop was requested, else ROTA_ELIMIT naming
 * limit (seconds) and what the best rota still breaks (why's last
 * entry).  Releases why; returns -1. */
int nolegal_unproven(struct rota_error *why, double limit,
		     struct rota_error *err);

/* GLPK proved that senior cover cannot be met: err gets
 * ROTA_EINFEASIBLE listing the senior rules, the people who could give
 * it, and where found's last entry says the closest rota falls short
 * (the proof is over the whole horizon; that day is a pointer, not its
 * culprit).  found stays the caller's. */
void nolegal_seniors_proved(const struct problem *pb,
			    struct rota_error *found, struct rota_error *err);

#endif
