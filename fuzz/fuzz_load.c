/*
 * libFuzzer target: the scenario loader, then what runs on every loaded
 * scenario before any solve (demand expansion and the FTE plan), since
 * a value the loader lets through can still overflow there.
 *
 * Any input must end in either a scenario or messages with exit status 2
 * (or 1 out of memory); a crash, a sanitizer report, a leak or an input
 * refused without a message is a bug.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "demand.h"
#include "diag.h"
#include "plan.h"
#include "scenario.h"
#include "load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario sc;
	struct demand d;
	struct plan p;
	struct rota_error err;

	scenario_init(&sc);
	demand_init(&d);
	plan_init(&p);
	rota_error_init(&err);
	if (scenario_load_buffer((const char *)data, size, "fuzz.json", &sc,
				 &err)) {
		/* A refusal must say why, with an input or memory status. */
		if (!err.count || (err.status != ROTA_EINPUT &&
				   err.status != ROTA_EINTERNAL))
			abort();
		goto out;
	}
	if (demand_expand(&sc, &d, &err) || plan_compute(&sc, &d, &p, &err))
		goto out;
out:
	rota_error_release(&err);
	plan_release(&p);
	demand_release(&d);
	scenario_release(&sc);
	return 0;
}
