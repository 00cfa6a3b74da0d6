/*
 * seed: a rota that meets every `senior` rule, found by GLPK.
 *
 * Senior cover is the one hard rule an empty rota breaks, and the one
 * local search can fail to meet when seniors are few: meeting it on one
 * weekend may need another senior moved off another weekend, and so on.
 * An integer program sees all of that at once.  The model is the whole
 * model (every rule, exactly or stricter), with every cost set to zero and
 * every variable of a person who cannot meet a senior rule fixed at zero,
 * so what is left is the seniors' feasibility problem; GLPK's presolver
 * removes the rest.
 */
#ifndef ROTA7_SEED_H
#define ROTA7_SEED_H

#include "problem.h"
#include "roster.h"

enum seed_result { SEED_FOUND, SEED_IMPOSSIBLE, SEED_UNKNOWN, SEED_ERROR };

/* Fills r (initialised, empty) with a senior-feasible rota.  With
 * SEED_IMPOSSIBLE, GLPK proved that no rota meets the senior rules. */
enum seed_result seed_seniors(const struct problem *pb, double seconds,
			      struct roster *r);

#endif
