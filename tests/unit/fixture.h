/*
 * fixture: what the Check suites share - loading a scenario from a
 * string, and a main() that runs one suite and exits non-zero on failure.
 */
#ifndef ROTA7_TEST_FIXTURE_H
#define ROTA7_TEST_FIXTURE_H

#include <check.h>

#include "diag.h"
#include "scenario.h"

/* Loads JSON text; on failure the messages are left in err. */
int fixture_load(const char *json, struct scenario *sc,
		 struct rota_error *err);

/* Loads JSON text that must be valid (fails the test otherwise). */
void fixture_load_ok(const char *json, struct scenario *sc);

/* Whether any message of err contains needle. */
int fixture_has_message(const struct rota_error *err, const char *needle);

/* Path of a file under the source tree (ROTA7_SOURCE_DIR), in a static
 * buffer. */
const char *fixture_source_path(const char *rel);

/* The optimum the exhaustive search (tests/tools/exhaustive.py) proved
 * for tiny case `name` ("NN-....json", from tests/tiny/NN-....expect.json)
 * in *opt: 1, or 0 when the case has no legal rota (exit 3) and so no
 * optimum.  Fails the test when the expectation file is missing. */
int fixture_tiny_optimum(const char *name, double *opt);

/* Runs the suite; returns the process exit status. */
int fixture_run(Suite *s);

#endif
