/*
 * roster: one rota in memory - for each person and day, the variable
 * worked (shift and option) or none - with the head-count on duty in
 * every coverage cell kept up to date as it changes.
 *
 * Memory: the struct is the caller's; roster_setup allocates its arrays
 * and roster_release frees them (releasing twice is harmless).  The
 * problem is borrowed and must outlive the roster.
 */
#ifndef ROTA7_ROSTER_H
#define ROTA7_ROSTER_H

#include <stddef.h>

#include "diag.h"
#include "problem.h"

#define ROSTER_NONE ((size_t)-1)

struct roster {
	const struct problem *pb;
	size_t *pick;      /* [n_staff * days]: var index or ROSTER_NONE */
	int *on_duty;      /* [n_cells] */
};

/* The empty rota of pb: nobody works.  0, or -1 with err "out of
 * memory" (r then holds nothing to release). */
int roster_setup(struct roster *r, const struct problem *pb,
		 struct rota_error *err);
void roster_release(struct roster *r);
/* Copies src's picks and counts into dst (same problem). */
void roster_copy(struct roster *dst, const struct roster *src);

/* Var worked by person p on day d, or ROSTER_NONE. */
static inline size_t roster_get(const struct roster *r, int p, int d)
{
	return r->pick[(size_t)p * (size_t)r->pb->days + (size_t)d];
}

/* Sets what p works on d (a var of p on d, or ROSTER_NONE). */
void roster_set(struct roster *r, int p, int d, size_t var);

/* Shift worked by p on day d (may be outside the horizon: -1). */
int roster_shift(const struct roster *r, int p, int d);
/* Paid hours of p over the horizon. */
double roster_paid_hours(const struct roster *r, int p);

#endif
