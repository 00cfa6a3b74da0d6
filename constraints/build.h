/*
 * build: what a family file is made of, for the family files and the
 * table alone; everyone else reaches the rules through constraints.h.
 *
 * A family file defines its rows, check and cost as static functions and
 * names them in one struct family, name_family, that table.c lists.  The
 * rows are written with the helpers below, one row at a time:
 *	build_begin(b);
 *	build_day(b, p, d, NULL, 1) ... build_term(b, col, -1) ...
 *	build_row(b, lb, ub, "rest[%s,%s]", id, build_date(pb, d, date));
 * Terms go to the scratch row in b; build_row hands it to the model and
 * leaves out a row with no terms.  Row and column names must not change
 * with a refactoring: they and their order are the LP and MPS files.
 *
 * Memory: the scratch row grows as terms are added and is b's, freed by
 * constraints_build_release; build_date writes into the caller's buffer
 * of CIVIL_DATE_LEN; build_broken records into the caller's err (which
 * may be NULL).  Nothing here keeps a pointer to what it is given.
 */
#ifndef ROTA7_BUILD_H
#define ROTA7_BUILD_H

#include "constraints.h"

struct family {
	const char *name;
	/* Adds the family's rows and columns; 0 or -1 (out of memory). */
	int (*rows)(struct build *b);
	/* Person p (>= 0), or the whole rota (p == -1) for families that
	 * are global.  0 if kept; -1 if broken, with one entry in err
	 * (build_broken; err may be NULL: only the answer is wanted).  The
	 * table names the entry's rule and person where the check did not.
	 * NULL for soft families. */
	int (*check)(const struct problem *pb, const struct roster *r, int p,
		     struct rota_error *err);
	/* Objective share of person p (>= 0) or of the whole rota beyond
	 * persons (p == -1; 0 from a family that is not global).  NULL
	 * when the family costs nothing. */
	double (*cost)(const struct problem *pb, const struct roster *r, int p);
	int global;              /* 1: check and cost work on p == -1 only */
	int fair;                /* 1: cost compares people with each other,
	                            so it is not a sum of independent parts */
};

/* ---- rows ---- */

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
 * any) for person p; rows named name[staff,first date].  before: such
 * days in a row up to the day before the horizon (history), which count
 * toward a run from day 0 (history.h). */
int build_max_in_a_row(struct build *b, int p, int m, int before,
		       int (*keep)(const struct problem *pb, int s),
		       const char *name);

/*
 * Fairness, shared by weekends and unsocial hours (fairness.c): for a
 * measure W_p of each person, the role total T_r = sum of W_p over the
 * role, and a priced excess e_p >= W_p - fte_p / F_r x T_r (F_r: the
 * role's FTE).  `terms` adds scale x W_p to the row being built.
 */
int build_fairness(struct build *b, const char *name, double weight,
		   int (*terms)(struct build *b, int p, double scale, void *ctx),
		   void *ctx);
/* max(0, W_p - share) for a rota, with W given by `measure`. */
double fairness_excess(const struct problem *pb, const struct roster *r,
		       int p, double (*measure)(const struct problem *pb,
						const struct roster *r, int p));

/* ---- names ---- */

/* "2018-03-04" for horizon day d, in buf (CIVIL_DATE_LEN). */
const char *build_date(const struct problem *pb, int d, char *buf);

/* Records a broken hard rule (ROTA_EINFEASIBLE) over horizon days first
 * to last (-1: none) and returns -1; err NULL: nothing to say. */
int build_broken(struct rota_error *err, int first, int last,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
