#include "model.h"

#include <glpk.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct model {
	glp_prob *lp;
	int last;              /* 0 none, 1 LP, 2 MIP */
	const double *start;   /* for the callback during one solve */
	int start_given;
	int (*stop)(void);     /* likewise */
	long node_limit;       /* likewise */
	long nodes;            /* the tree's size at the last callback */
	void (*tick)(void *ctx, double best, double bound);
	void *tick_ctx;
	double last_tick;
	double bound;          /* best bound of the MIP under way */
};

static int quiet_hook(void *info, const char *s)
{
	(void)info;
	(void)s;
	return 1;   /* swallow GLPK's terminal output */
}

struct model *model_new(const char *name)
{
	struct model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	glp_term_hook(quiet_hook, NULL);
	m->lp = glp_create_prob();
	glp_set_prob_name(m->lp, name);
	glp_set_obj_dir(m->lp, GLP_MIN);
	return m;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	glp_delete_prob(m->lp);
	free(m);
}

/* GLPK names: at most 255 chars, no spaces (LP and MPS cannot hold them). */
static void vname(char out[MODEL_NAME_MAX], const char *fmt, va_list ap)
{
	char *p;

	vsnprintf(out, MODEL_NAME_MAX, fmt, ap);
	for (p = out; *p; p++)
		if (*p == ' ' || (unsigned char)*p < 0x20)
			*p = '_';
}

static int bound_type(double lb, double ub)
{
	if (isinf(lb) && isinf(ub))
		return GLP_FR;
	if (isinf(ub))
		return GLP_LO;
	if (isinf(lb))
		return GLP_UP;
	return lb == ub ? GLP_FX : GLP_DB;
}

static double fin(double v)
{
	return isinf(v) ? 0 : v;
}

int model_col(struct model *m, double lb, double ub, int is_int, double cost,
	      const char *fmt, ...)
{
	char name[MODEL_NAME_MAX];
	va_list ap;
	int j;

	va_start(ap, fmt);
	vname(name, fmt, ap);
	va_end(ap);
	j = glp_add_cols(m->lp, 1);
	glp_set_col_name(m->lp, j, name);
	glp_set_col_kind(m->lp, j, is_int ? GLP_IV : GLP_CV);
	glp_set_col_bnds(m->lp, j, bound_type(lb, ub), fin(lb), fin(ub));
	glp_set_obj_coef(m->lp, j, cost);
	return j - 1;
}

int model_row(struct model *m, double lb, double ub, size_t n,
	      const int *cols, const double *vals, const char *fmt, ...)
{
	char name[MODEL_NAME_MAX];
	int *ind = malloc((n + 1) * sizeof(int));
	double *val = malloc((n + 1) * sizeof(double));
	va_list ap;
	size_t k;
	int i = -1;

	if (!ind || !val)
		goto out;
	va_start(ap, fmt);
	vname(name, fmt, ap);
	va_end(ap);
	for (k = 0; k < n; k++) {
		ind[k + 1] = cols[k] + 1;
		val[k + 1] = vals[k];
	}
	i = glp_add_rows(m->lp, 1);
	glp_set_row_name(m->lp, i, name);
	glp_set_row_bnds(m->lp, i, bound_type(lb, ub), fin(lb), fin(ub));
	glp_set_mat_row(m->lp, i, (int)n, ind, val);
	i--;
out:
	free(ind);
	free(val);
	return i;
}

size_t model_n_cols(const struct model *m)
{
	return (size_t)glp_get_num_cols(m->lp);
}

size_t model_n_rows(const struct model *m)
{
	return (size_t)glp_get_num_rows(m->lp);
}

const char *model_col_name(const struct model *m, int j)
{
	const char *s = glp_get_col_name(m->lp, j + 1);

	return s ? s : "";
}

const char *model_row_name(const struct model *m, int i)
{
	const char *s = glp_get_row_name(m->lp, i + 1);

	return s ? s : "";
}

void model_set_bounds(struct model *m, int j, double lb, double ub)
{
	glp_set_col_bnds(m->lp, j + 1, bound_type(lb, ub), fin(lb), fin(ub));
}

void model_get_bounds(const struct model *m, int j, double *lb, double *ub)
{
	int t = glp_get_col_type(m->lp, j + 1);

	*lb = t == GLP_FR || t == GLP_UP ? -MODEL_INF
					 : glp_get_col_lb(m->lp, j + 1);
	*ub = t == GLP_FR || t == GLP_LO ? MODEL_INF
					 : glp_get_col_ub(m->lp, j + 1);
}

double model_cost(const struct model *m, int j)
{
	return glp_get_obj_coef(m->lp, j + 1);
}

void model_set_cost(struct model *m, int j, double cost)
{
	glp_set_obj_coef(m->lp, j + 1, cost);
}

double model_obj_constant(const struct model *m)
{
	return glp_get_obj_coef(m->lp, 0);
}

void model_add_obj_constant(struct model *m, double c)
{
	glp_set_obj_coef(m->lp, 0, glp_get_obj_coef(m->lp, 0) + c);
}

static int ms(double seconds)
{
	if (seconds <= 0 || seconds > 2e6)
		return 0x7fffffff;
	return (int)(seconds * 1000);
}

/* Simplex settings both solves start from. */
static void simplex_params(glp_smcp *p, const struct model_opts *o, int tm_lim)
{
	glp_init_smcp(p);
	p->msg_lev = o->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
	p->tm_lim = tm_lim;
	glp_term_hook(o->verbose ? NULL : quiet_hook, NULL);
}

int model_solve_lp(struct model *m, const struct model_opts *o,
		   struct model_result *r)
{
	glp_smcp p;
	int rc, st;

	simplex_params(&p, o, ms(o->time_limit));
	p.presolve = o->presolve ? GLP_ON : GLP_OFF;
	rc = glp_simplex(m->lp, &p);
	m->last = 1;
	st = glp_get_status(m->lp);
	r->objective = r->bound = glp_get_obj_val(m->lp);
	r->nodes = 0;
	if (rc == GLP_ENOPFS || st == GLP_NOFEAS || st == GLP_INFEAS) {
		r->status = rc == GLP_ENOPFS || st == GLP_NOFEAS ? MODEL_INFEASIBLE
								 : MODEL_UNKNOWN;
		return 0;
	}
	if (rc == GLP_ETMLIM) {
		r->status = MODEL_UNKNOWN;
		return 0;
	}
	if (rc != 0 || st != GLP_OPT) {
		r->status = MODEL_ERROR;
		return -1;
	}
	r->status = MODEL_OPTIMAL;
	return 0;
}

static void callback(glp_tree *t, void *info)
{
	struct model *m = info;

	int node = glp_ios_best_node(t), total;

	glp_ios_tree_size(t, NULL, NULL, &total);
	m->nodes = total;
	if ((m->stop && m->stop()) ||
	    (m->node_limit > 0 && total > m->node_limit)) {
		glp_ios_terminate(t);
		return;
	}
	if (node)
		m->bound = glp_ios_node_bound(t, node);
	if (m->tick && glp_difftime(glp_time(), m->last_tick) >= 1.0) {
		double best = glp_mip_status(glp_ios_get_prob(t)) == GLP_FEAS
				      ? glp_mip_obj_val(glp_ios_get_prob(t))
				      : MODEL_INF;

		m->last_tick = glp_time();
		m->tick(m->tick_ctx, best, node ? m->bound : -MODEL_INF);
	}
	if (glp_ios_reason(t) == GLP_IHEUR && m->start && !m->start_given) {
		size_t n = model_n_cols(m);
		double *x = malloc((n + 1) * sizeof(double));

		m->start_given = 1;
		if (!x)
			return;
		/* GLPK wants x[1..n]. */
		memcpy(x + 1, m->start, n * sizeof(double));
		glp_ios_heur_sol(t, x);
		free(x);
	}
}

/* Without the MIP presolver GLPK wants an optimal LP basis first; the
 * LP's time comes out of the MIP's. */
static int lp_first(struct model *m, const struct model_opts *o, glp_iocp *p)
{
	glp_smcp sp;
	double t0 = glp_time();
	int rc;

	simplex_params(&sp, o, p->tm_lim);
	/* As glpsol does: scaling and a crash basis make this LP several
	 * times faster. */
	glp_scale_prob(m->lp, GLP_SF_AUTO);
	glp_adv_basis(m->lp, 0);
	rc = glp_simplex(m->lp, &sp);
	if (rc || glp_get_status(m->lp) != GLP_OPT)
		return -1;
	p->tm_lim -= (int)glp_difftime(glp_time(), t0) * 1000;
	return p->tm_lim > 0 ? 0 : -1;
}

int model_solve_mip(struct model *m, const struct model_opts *o,
		    struct model_result *r)
{
	glp_iocp p;
	int rc, st;

	glp_init_iocp(&p);
	p.msg_lev = o->verbose ? GLP_MSG_ON : GLP_MSG_OFF;
	p.tm_lim = ms(o->time_limit);
	p.presolve = o->presolve ? GLP_ON : GLP_OFF;
	p.mip_gap = o->gap > 0 ? o->gap : 0;
	if (o->first_feasible) {
		/* Feasibility is all that is asked: the pump finds it fastest,
		 * and any solution is within an unbounded gap. */
		p.fp_heur = GLP_ON;
		p.mip_gap = 1e30;
		/* Depth first: dives reach a leaf, so a first solution, soonest. */
		p.bt_tech = GLP_BT_DFS;
	}
	p.cb_func = callback;
	p.cb_info = m;
	m->start = o->start;
	m->start_given = 0;
	m->stop = o->stop;
	m->node_limit = o->node_limit;
	m->nodes = 0;
	m->tick = o->tick;
	m->tick_ctx = o->tick_ctx;
	m->last_tick = glp_time();
	m->bound = -MODEL_INF;
	glp_term_hook(o->verbose ? NULL : quiet_hook, NULL);
	r->nodes = 0;
	if (!o->presolve && lp_first(m, o, &p)) {
		r->status = MODEL_UNKNOWN;
		return 0;
	}
	rc = glp_intopt(m->lp, &p);
	r->nodes = m->nodes;
	m->start = NULL;
	m->last = 2;
	st = glp_mip_status(m->lp);
	r->objective = glp_mip_obj_val(m->lp);
	r->bound = st == GLP_OPT ? r->objective : m->bound;
	if (st == GLP_NOFEAS || rc == GLP_ENOPFS || rc == GLP_ENODFS) {
		r->status = MODEL_INFEASIBLE;
		return 0;
	}
	if (st == GLP_OPT) {
		r->status = MODEL_OPTIMAL;
		return 0;
	}
	if (st == GLP_FEAS) {
		r->status = MODEL_FEASIBLE;
		return 0;
	}
	r->status = rc == GLP_ETMLIM || rc == GLP_EMIPGAP || rc == GLP_ESTOP
			    ? MODEL_UNKNOWN : MODEL_ERROR;
	return r->status == MODEL_ERROR ? -1 : 0;
}

double model_value(const struct model *m, int j)
{
	if (m->last == 2)
		return glp_mip_col_val(m->lp, j + 1);
	return glp_get_col_prim(m->lp, j + 1);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && !strcmp(s + a - b, suffix);
}

/* Solvers disagree on the sign of an objective constant in MPS (GLPK
 * writes it as the objective row's RHS; CBC reads that as its negation)
 * and LP files keep it only in a comment.  So the constant is written
 * as a column fixed at 1 that costs it, which every solver reads alike,
 * and taken out again afterwards. */
static int write_with_constant(struct model *m, const char *path)
{
	double c = glp_get_obj_coef(m->lp, 0);
	int j = 0, rc;

	if (c != 0) {
		j = glp_add_cols(m->lp, 1);
		glp_set_col_name(m->lp, j, "objective_constant");
		glp_set_col_bnds(m->lp, j, GLP_FX, 1, 1);
		glp_set_obj_coef(m->lp, j, c);
		glp_set_obj_coef(m->lp, 0, 0);
	}
	if (ends_with(path, ".lp"))
		rc = glp_write_lp(m->lp, NULL, path);
	else
		rc = glp_write_mps(m->lp, GLP_MPS_FILE, NULL, path);
	if (c != 0) {
		int del[2] = {0, j};

		glp_del_cols(m->lp, 1, del);
		glp_set_obj_coef(m->lp, 0, c);
	}
	return rc;
}

int model_write(struct model *m, const char *path, struct rota_error *err)
{
	int rc;

	glp_term_hook(quiet_hook, NULL);
	if (!ends_with(path, ".lp") && !ends_with(path, ".mps"))
		return rota_error_add(err, ROTA_EINPUT, "'%s': unknown model "
				      "format, expected a name ending in .lp "
				      "or .mps", path);
	rc = write_with_constant(m, path);
	if (rc)
		return rota_error_add(err, ROTA_EOUTPUT, "cannot write '%s'",
				      path);
	return 0;
}
