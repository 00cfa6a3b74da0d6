/*
 * build: the helpers of the family files, for them alone; everyone else
 * reaches the rules through constraints.h.
 */
#ifndef ROTA7_BUILD_H
#define ROTA7_BUILD_H

#include "constraints.h"

/* Starts a row; adds a term (col < 0, an absent var, adds nothing);
 * finishes with bounds and a name. */
void build_begin(struct build *b);
int build_term(struct build *b, int col, double val);
/* Adds the vars covering cell c (none when c is (size_t)-1) that pass
 * keep(pb, var, ctx) (NULL: all), each with coefficient coef. */
int build_cell(struct build *b, size_t c, double coef,
	       int (*keep)(const struct problem *pb, size_t var,
			   const void *ctx),
	       const void *ctx);
/* Adds all columns of person p on day d whose shift passes `keep`
 * (NULL: all), each with coefficient val. */
int build_day(struct build *b, int p, int d,
	      int (*keep)(const struct problem *pb, int s), double val);
int build_row(struct build *b, double lb, double ub, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* At most m days in any m + 1 in a row with a shift passing `keep` (NULL:
 * any) for person p; rows named name[staff,first date]. */
int build_max_in_a_row(struct build *b, int p, int m,
		       int (*keep)(const struct problem *pb, int s),
		       const char *name);

/*
 * Fairness, shared by weekends and unsocial hours: for a measure W_p of
 * each person, the role total T_r = sum of W_p over the role, and a
 * priced excess e_p >= W_p - fte_p / F_r x T_r (F_r: the role's FTE).
 * `terms` adds scale x W_p to the row being built.
 */
int build_fairness(struct build *b, const char *name, double weight,
		   int (*terms)(struct build *b, int p, double scale, void *ctx),
		   void *ctx);
/* max(0, W_p - share) for a rota, with W given by `measure`. */
double fairness_excess(const struct problem *pb, const struct roster *r,
		       int p, double (*measure)(const struct problem *pb,
						const struct roster *r, int p));
/* "2018-03-04" for horizon day d. */
const char *build_date(const struct problem *pb, int d, char *buf);

/* violation text, printf-style. */
void violation_set(struct violation *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
