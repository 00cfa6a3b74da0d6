#include "colphase.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "colgen.h"
#include "constraints.h"
#include "diag.h"
#include "measure.h"
#include "timer.h"

int colphase_wanted(struct colphase_opts *o)
{
	const char *env = getenv("ROTA7_COLGEN"), *p;

	o->rounds = 30;
	o->iters = 300;
	o->dive_iters = 300;
	o->warm = 0;
	o->probe = 0;
	o->smooth = 0.5;
	o->tol = 0;
	if (!env)
		return 0;
	for (p = env; p && *p; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
		if (!strncmp(p, "rounds=", 7))
			o->rounds = atoi(p + 7);
		else if (!strncmp(p, "iters=", 6))
			o->iters = atol(p + 6);
		else if (!strncmp(p, "dive=", 5))
			o->dive_iters = atol(p + 5);
		else if (!strncmp(p, "probe=", 6))
			o->probe = atol(p + 6);
		else if (!strncmp(p, "smooth=", 7))
			o->smooth = atof(p + 7);
		else if (!strncmp(p, "tol=", 4))
			o->tol = atof(p + 4);
		else if (!strncmp(p, "warm=", 5))
			o->warm = atof(p + 5);
	}
	return 1;
}

/* The dived rota's figures, before the polish. */
static void say_rota(const struct problem *pb, const struct roster *r,
		     double t0, const char *what)
{
	struct violation v;
	int bad = constraints_check(pb, r, &v);

	diag_progress("%5.1fs  colgen  %s rota %.1f  uncovered %.1f h  %s%s",
		      timer_now() - t0, what, constraints_cost(pb, r),
		      measure_uncovered_hours(pb, r), bad ? "breaks: " : "legal",
		      bad ? v.text : "");
}

int colphase_run(const struct colphase_opts *co, struct search *s, double t0,
		 double deadline, double *bound,
		 int (*progress)(void *ctx, const struct search *s), void *ctx)
{
	const struct problem *pb = s->pb;
	struct colgen_opts o;
	struct colgen_stats st;
	struct roster dived;
	int rc;

	if (roster_init(&dived, pb))
		return -1;
	colgen_opts_default(&o);
	o.rounds = co->rounds;
	o.iters = co->iters;
	o.dive_iters = co->dive_iters;
	o.deadline = deadline;
	o.t0 = t0;
	o.verbose = 1;
	o.probe = co->probe;
	o.smooth = co->smooth;
	o.tol = co->tol;
	if (co->warm > 0) {
		search_run(s, fmin(deadline, t0 + co->warm), progress, ctx);
		o.start = &s->r;
		say_rota(pb, &s->r, t0, "start");
	}
	rc = colgen_run(pb, &o, &dived, &st);
	*bound = st.bound;
	if (rc < 0) {
		roster_release(&dived);
		return -1;
	}
	diag_progress("%5.1fs  colgen  %d rounds, %d dives, %ld pdhg iterations, "
		      "%ld dp calls, %zu columns, bound %.1f%s", timer_now() - t0,
		      st.rounds, st.dives, st.iterations, st.dp_calls, st.columns,
		      st.bound, rc ? " (stopped)" : "");
	say_rota(pb, &dived, t0, "dived");
	search_load(s, &dived);
	search_seniors(s, deadline);
	say_rota(pb, &s->r, t0, "repaired");
	search_run(s, deadline, progress, ctx);
	say_rota(pb, &s->r, t0, "polished");
	roster_release(&dived);
	return 0;
}
