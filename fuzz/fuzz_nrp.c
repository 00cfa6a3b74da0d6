/*
 * libFuzzer target: the benchmark instance parser (io/nrp.h) and the
 * mapping of a parsed instance onto a scenario.  Every input must end in
 * an instance or a located exit-2 message; anything else is a bug.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "demand.h"
#include "diag.h"
#include "scenario.h"
#include "nrp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nrp in;
	struct scenario sc;
	struct demand d;
	struct rota_error err;

	nrp_init(&in);
	scenario_init(&sc);
	demand_init(&d);
	rota_error_init(&err);
	(void)nrp_sniff((const char *)data, size);
	if (nrp_parse(&in, "fuzz.txt", (const char *)data, size, &err)) {
		if (!err.count || (err.status != ROTA_EINPUT &&
				   err.status != ROTA_EINTERNAL))
			abort();
		goto out;
	}
	(void)nrp_to_scenario(&in, &sc, &d, &err);
out:
	rota_error_release(&err);
	demand_release(&d);
	scenario_release(&sc);
	nrp_release(&in);
	return 0;
}
