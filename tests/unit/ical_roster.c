#include "ical_roster.h"

#include <string.h>

#include "load.h"

static int prepare(struct ical_rota *x, struct rota_error *err)
{
	if (demand_expand(&x->sc, &x->d, err) ||
	    problem_build(&x->pb, &x->sc, &x->d, err))
		return -1;
	return roster_setup(&x->r, &x->pb, err);
}

static void begin(struct ical_rota *x)
{
	memset(x, 0, sizeof(*x));
	scenario_init(&x->sc);
	demand_init(&x->d);
	problem_init(&x->pb);
}

static int finish(struct rota_error *err, int failed)
{
	if (failed)
		diag_print(err);
	rota_error_release(err);
	return failed ? -1 : 0;
}

int ical_rota_load(struct ical_rota *x, const char *path)
{
	struct rota_error err;

	begin(x);
	rota_error_init(&err);
	return finish(&err, scenario_load(path, &x->sc, &err) ||
		      prepare(x, &err));
}

int ical_rota_load_text(struct ical_rota *x, const char *json)
{
	struct rota_error err;

	begin(x);
	rota_error_init(&err);
	return finish(&err, scenario_load_buffer(json, strlen(json), "test.json",
						 &x->sc, &err) ||
		      prepare(x, &err));
}

void ical_rota_alternate(struct ical_rota *x)
{
	size_t p;
	int d;

	for (p = 0; p < x->sc.n_staff; p++)
		for (d = 0; d < x->pb.days; d++) {
			size_t first, end;

			problem_day_vars(&x->pb, (int)p, d, &first, &end);
			if ((d + (int)p) % 2 || first == end)
				continue;
			roster_set(&x->r, (int)p, d,
				   first + (p + (size_t)d / 2) % (end - first));
		}
}

void ical_rota_release(struct ical_rota *x)
{
	roster_release(&x->r);
	problem_release(&x->pb);
	demand_release(&x->d);
	scenario_release(&x->sc);
}
