/* rota.json's "idle_staff" (an addition to the spec, README). */
#include "idle_internal.h"

#include "idle.h"

json_t *report_idle_json(const struct problem *pb)
{
	json_t *a = json_array();
	size_t p;
	enum idle_reason why;

	if (!a)
		return NULL;
	for (p = 0; p < pb->sc->n_staff; p++)
		if (idle_person(pb, (int)p, &why))
			json_array_append_new(a, json_pack("{s:s, s:s}", "staff",
				pb->sc->staff[p].id, "reason",
				idle_reason_text(why)));
	return a;
}
