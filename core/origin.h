/*
 * origin: what a rota was made from, as rota.json's `made_from` says it
 * (an addition to the spec; README, "Re-rostering"): the engine, the
 * scenario's SHA-256, the seed, --work and --gap, whether it was made
 * against a --previous rota (with its --freeze-until and --today), why
 * its run stopped, and a SHA-256 of its assignments.
 *
 * report_rota writes it; io/load_previous reads it back with the
 * --previous rota, and digests the assignments it read the same way, so
 * a rota.json edited by hand no longer claims to be the engine's own.
 * The command line then decides whether the new run is the same run
 * (cli/reroster.c).
 *
 * Memory: plain data, nothing allocated.
 */
#ifndef ROTA7_ORIGIN_H
#define ROTA7_ORIGIN_H

#include <stdint.h>

#include "result.h"
#include "sha256.h"

#define ORIGIN_HEX (2 * SHA256_LEN + 1)

struct rota_origin {
	int present;                   /* made_from read, and well formed */
	char engine[SOLVE_ENGINE_LEN];
	char scenario_sha256[ORIGIN_HEX];
	unsigned long long seed;
	long work;
	double gap;
	int previous;                  /* made with --previous */
	int has_freeze, has_today;
	int32_t freeze_until, today;   /* civil days, when has_ */
	int stopped_clean;             /* stopped_by work, optimal or gap:
	                                  not cut by the clock or a signal,
	                                  so the same command makes it again */
	char assignments_sha256[ORIGIN_HEX];  /* as recorded */
	char assignments_read[ORIGIN_HEX];    /* of the assignments read */
};

/* Adds one assignment to h, in rota.json's order, the same way for the
 * writer and the reader: its ids and date, each field ended by 0x1f. */
void origin_add_assignment(struct sha256 *h, const char *staff,
			   const char *date, const char *shift,
			   const char *nbhd, const char *role);

#endif
