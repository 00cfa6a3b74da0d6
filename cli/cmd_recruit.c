/*
 * rota7 recruit: whole posts that bring a rota's cover to a target,
 * each batch confirmed by solving the scenario with them.
 *
 * Round 0 solves the scenario as given.  While the rota leaves more
 * person-hours short than the target allows, solver/recruit ranks posts
 * on that rota's short cells and sizes a batch (scaled by how much of
 * what the last batch promised its rota delivered), the posts are
 * written into the scenario's own JSON (report/recruit_out) and that
 * text is loaded and solved again: the rota and every figure reported
 * are the last text's, which is the scenario-recruited.json written, so
 * 'rota7 solve scenario-recruited.json' with the same --seed and --work
 * gives the same rota.  A round with no rota (a senior rule no rota
 * met) gets one post at the band that rule needs, and is solved again.
 *
 * On a large scenario (or with --draft-work) the rounds are drafts, each
 * a cheaper solve that only ranks and sizes the next batch; when the
 * drafts stop, their posts are solved once more in full, with all the
 * time left, and that solve is the last round and the one reported.
 */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colphase.h"
#include "demand.h"
#include "diag.h"
#include "fte_gap.h"
#include "ical.h"
#include "load.h"
#include "outfile.h"
#include "plan.h"
#include "problem.h"
#include "readfile.h"
#include "recruit.h"
#include "recruit_out.h"
#include "recruitment.h"
#include "report.h"
#include "roster.h"
#include "scenario.h"
#include "solve.h"
#include "timer.h"

/* Batches after round 0: each is confirmed by a full solve or a draft
 * (Stockport: 35-45 s a full solve at the default --work), and the
 * third batch met the target on every example tried, the fourth is
 * room for the search's noise; on Essex (2026-12-02) four batches of
 * drafts left 1.02% short and their full solve 0.79%. */
#define RECRUIT_MAX_BATCHES 4
/* The cap on the whole run when --time-limit is not given: five
 * Stockport solves at the default --work fit well inside it, so no
 * solve is cut and the run is the same on any machine. */
#define RECRUIT_DEFAULT_TIME_LIMIT 900.0
#define RECRUIT_DEFAULT_MAX_POSTS 200
/* What a batch's simulation is trusted with at first, and at least:
 * the share of promised hours its rota delivered. */
#define EFFICIENCY_START 1.0
#define EFFICIENCY_MIN 0.25
/* Above this many assignment columns the rounds before the last are
 * drafts unless --draft-work says otherwise: Stockport's 72,222 take
 * 30-50 s a full solve, so five fit the default 900 s uncut; on Mid and
 * South Essex's 453,645 (2026-12-02, load 2-4, --time-limit 900) a full
 * solve took 136 s with no posts and 183 s with 118, and the clock cut
 * the last three of the five rounds, the reported one too. */
#define RECRUIT_DRAFT_VARS 150000
/* A draft's --work: the least at which the column generation runs.
 * Essex as given, --seed 1, 2026-12-02 at load 3-4: 5,617.0 h short in
 * 81 s wall (97 cpu s), against 5,535.0 h in 136 s at the full 2000 and
 * the plain search's 5,983.0 h in 26 s at 200, a rota too far from the
 * full solve's to rank posts on. */
#define RECRUIT_DRAFT_WORK COLPHASE_MIN_WORK

struct recruit_opts {
	struct solve_opts solve;   /* time_limit: the whole run's */
	double cover_pct;
	size_t max_posts;
	long draft_work;           /* --draft-work: 0 none, < 0 by size */
};

/* One round: the text solved and what came of it. */
struct round {
	char *text;
	size_t len;
	struct scenario sc;
	struct demand d;
	struct problem pb;
	struct roster r;
	struct solve_result res;
	int solved;
};

static void round_init(struct round *k)
{
	memset(k, 0, sizeof(*k));
	scenario_init(&k->sc);
	demand_init(&k->d);
	problem_init(&k->pb);
}

static void round_release(struct round *k)
{
	roster_release(&k->r);
	problem_release(&k->pb);
	demand_release(&k->d);
	scenario_release(&k->sc);
	free(k->text);
	round_init(k);
}

/* Loads k->text into k's problem. */
static int round_build(struct round *k, const char *name,
		       struct rota_error *err)
{
	return scenario_load_buffer(k->text, k->len, name, &k->sc, err) ||
	       demand_expand(&k->sc, &k->d, err) ||
	       problem_build(&k->pb, &k->sc, &k->d, err) ? -1 : 0;
}

/* Solves k's problem.  0 with k->solved set (0: no rota keeps the hard
 * rules, why in err), -1 on any other failure. */
static int round_solve(struct round *k, const struct solve_opts *o,
		       struct rota_error *err)
{
	if (solve_run(&k->pb, o, &k->r, &k->res, err))
		return err->status == ROTA_EINFEASIBLE ? 0 : -1;
	k->solved = 1;
	return 0;
}

static double demand_hours(const struct problem *pb)
{
	double h = 0;
	size_t c;

	for (c = 0; c < pb->n_cells; c++)
		h += pb->cells[c].required * pb->cells[c].hours;
	return h;
}

static int id_taken(const struct scenario *sc, const struct recruitment *rc,
		    const char *id)
{
	size_t i;

	if (scenario_find_staff(sc, id) >= 0)
		return 1;
	for (i = 0; i < rc->n_posts; i++)
		if (!strcmp(rc->posts[i].id, id))
			return 1;
	return 0;
}

/* Adds pick as a post of batch `batch`: "vac-ROLE-HOME-N", N counting
 * that role's posts in that home. */
static int add_post(struct recruitment *rc, const struct scenario *sc,
		    const struct recruit_pick *k, int batch,
		    struct rota_error *err)
{
	const struct staff *like = &sc->staff[k->like];
	const char *role = sc->roles[like->role].id;
	const char *home = sc->neighbourhoods[like->home].id;
	struct recruit_post p = {0};
	int n = 1;

	for (;;) {
		p.id = rota_strdupf("vac-%s-%s-%d", role, home, n);
		if (!p.id || !id_taken(sc, rc, p.id))
			break;
		free(p.id);
		n++;
	}
	p.name = rota_strdupf("Vacancy: %s, %s (%d)", sc->roles[like->role].name,
			      sc->neighbourhoods[like->home].name, n);
	p.like = k->like;
	p.role = like->role;
	p.band = k->band;
	p.home = like->home;
	p.fte = k->fte;
	p.batch = batch;
	p.senior = k->senior;
	return recruitment_add_post(rc, &p, err);
}

static int record_round(struct recruitment *rc, const struct round *k,
			int draft, struct rota_error *err)
{
	struct recruit_round r = {0};
	size_t i;

	r.draft = draft;
	r.posts = rc->n_posts;
	for (i = 0; i < rc->n_posts; i++)
		r.fte += rc->posts[i].fte;
	r.solved = k->solved;
	if (k->solved) {
		r.uncovered_hours = k->res.uncovered_hours;
		r.objective = k->res.objective;
		r.stopped_by = k->res.stopped_by;
	}
	return recruitment_add_round(rc, &r, err);
}

/* The post for the senior rule the failed round names; -1 (why still in
 * err) when there is none to add. */
static int senior_batch(struct recruitment *rc, const struct scenario *sc0,
			struct rota_error *why, int batch,
			struct rota_error *err)
{
	struct rota_error_entry *e = rota_error_last(why);
	struct recruit_pick k;

	if (!e || recruit_senior(sc0, sc0->n_staff, e->who, e->first_day, &k))
		return -1;
	rota_error_release(why);
	return add_post(rc, sc0, &k, batch, err);
}

/* What the batches so far promised against what their rotas delivered:
 * counted from the first solved round, not batch by batch, so that one
 * rota the search made a little worse (Stockport: 252 h short with 45
 * posts, 286 h with 47) does not make the next batch four times larger. */
struct progress {
	double first;        /* person-hours short in the first rota */
	double promised;     /* hours the batches since promised */
	int have_first;
};

static double efficiency(const struct progress *g, const struct round *k)
{
	double e;

	if (!g->have_first || g->promised <= 0)
		return EFFICIENCY_START;
	e = (g->first - k->res.uncovered_hours) / g->promised;
	return fmin(1.0, fmax(EFFICIENCY_MIN, e));
}

/* A batch on solved round k: how many posts it added (0: none would
 * help), or -1.  *promised: the hours the simulation gave them. */
static int solved_batch(struct recruitment *rc, const struct round *k,
			const struct recruit_opts *o, struct progress *g,
			int batch, struct rota_error *err)
{
	double want = (k->res.uncovered_hours -
		       recruitment_allowed_short(rc)) / efficiency(g, k);
	double promised;
	size_t room = o->max_posts - rc->n_posts, n, i;
	struct recruit_pick *picks = calloc(room + 1, sizeof(*picks));
	size_t n_like = k->sc.n_staff - rc->n_posts;
	int ret = -1;

	if (!picks)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (recruit_propose(&k->pb, &k->r, n_like, want, room, picks, &n,
			    &promised, err))
		goto out;
	g->promised += promised;
	for (i = 0; i < n; i++)
		if (add_post(rc, &k->sc, &picks[i], batch, err))
			goto out;
	ret = (int)n;
out:
	free(picks);
	return ret;
}

struct run {
	const char *input, *name;
	char *text0;
	size_t len0;
	struct scenario sc0;       /* as given: what posts copy */
	struct round k;            /* the round solved last */
	struct recruitment rc;
	const struct recruit_opts *o;
	long draft_work;           /* a draft's --work; 0: no drafts */
	int drafting;              /* this round is a draft */
	int last;                  /* the full solve after the drafts */
	int batches;               /* added so far */
};

/* The drafts' --work for a run on pb (round 0's problem), 0 for none:
 * --draft-work, or by pb's size.  Drafts at the full --work would only
 * solve the last text twice. */
static long draft_work(const struct recruit_opts *o, const struct problem *pb)
{
	long w = o->draft_work >= 0 ? o->draft_work :
		 pb->n_vars > RECRUIT_DRAFT_VARS ? RECRUIT_DRAFT_WORK : 0;

	return w == solve_work(&o->solve) ? 0 : w;
}

/* The time a round may take: what is left, shared among the rounds that
 * may still come (this one included, and the full solve after drafts);
 * that full solve, the last, has all the rest, so that it is not cut
 * and solving scenario-recruited.json gives its rota. */
static double round_limit(const struct run *ru, double t0)
{
	double left = ru->o->solve.time_limit - (timer_now() - t0);

	if (ru->last)
		return fmax(1.0, left);
	return fmax(1.0, left / (RECRUIT_MAX_BATCHES + 1 - ru->batches +
				 ru->drafting));
}

/* The next round's text: the input with every post so far. */
static int next_text(struct run *ru, struct round *next,
		     struct rota_error *err)
{
	return recruit_scenario_json(ru->text0, ru->len0, &ru->sc0, &ru->rc,
				     &next->text, &next->len, err);
}

/* Why no batch follows solved round ru->k, or NULL: one is wanted. */
static const char *stop_before_batch(const struct run *ru)
{
	if (ru->rc.n_posts >= ru->o->max_posts)
		return "--max-posts reached";
	if (ru->batches == RECRUIT_MAX_BATCHES)
		return "rounds used up";
	if (ru->k.res.uncovered_hours <= recruitment_allowed_short(&ru->rc))
		return "target met";
	return NULL;
}

/* After solved round ru->k: 1 another round is wanted, 0 done (why in
 * rc.stop), -1 failed.  Whatever stops the drafts, the same posts are
 * then solved in full, and that rota is the one reported. */
static int after_solved(struct run *ru, struct progress *g,
			struct rota_error *err)
{
	const char *stop;
	int n;

	if (ru->k.res.stopped_by == SOLVE_STOP_INTERRUPT) {
		ru->rc.stop = "interrupted";
		return 0;
	}
	if (ru->last) {
		/* Short of the target, what stopped the drafts says why. */
		if (ru->k.res.uncovered_hours <=
		    recruitment_allowed_short(&ru->rc))
			ru->rc.stop = "target met";
		else if (!strcmp(ru->rc.stop, "target met"))
			ru->rc.stop = "the full solve missed the target the "
				      "draft met";
		return 0;
	}
	stop = stop_before_batch(ru);
	if (!stop) {
		n = solved_batch(&ru->rc, &ru->k, ru->o, g, ru->batches + 1, err);
		if (n < 0)
			return -1;
		if (n > 0) {
			ru->batches++;
			return 1;
		}
		stop = "no post would meet more of the demand";
	}
	ru->rc.stop = stop;
	if (!ru->drafting)
		return 0;
	ru->drafting = 0;
	ru->last = 1;
	return 1;
}

/* Round `round` of a run, solved into ru->k; then what follows it: 1
 * another round is wanted, 0 done (why in rc.stop), -1 failed. */
static int one_round(struct run *ru, int round, double t0, struct progress *g,
		     struct rota_error *err)
{
	struct solve_opts so = ru->o->solve;
	struct rota_error why;

	rota_error_init(&why);
	if (round_build(&ru->k, round ? "scenario-recruited.json" : ru->name,
			&why))
		goto fail;
	if (round == 0) {
		ru->rc.demand_hours = demand_hours(&ru->k.pb);
		ru->draft_work = draft_work(ru->o, &ru->k.pb);
		ru->drafting = ru->draft_work > 0;
	}
	so.time_limit = round_limit(ru, t0);
	if (ru->drafting)
		so.work = ru->draft_work;
	if (round_solve(&ru->k, &so, &why) ||
	    record_round(&ru->rc, &ru->k, ru->drafting, err))
		goto fail;
	if (ru->k.solved && !g->have_first) {
		g->first = ru->k.res.uncovered_hours;
		g->have_first = 1;
	}
	diag_progress("recruit  round %d: %zu posts, %s%s", round,
		      ru->rc.n_posts, ru->k.solved ? "solved" :
		      "no rota (a senior rule)", ru->drafting ? " (draft)" : "");
	if (ru->k.solved)
		return after_solved(ru, g, err);
	if (ru->rc.n_posts >= ru->o->max_posts || ru->batches ==
	    RECRUIT_MAX_BATCHES || senior_batch(&ru->rc, &ru->sc0, &why,
						ru->batches + 1, err))
		goto fail;
	ru->batches++;
	return 1;
fail:
	if (why.status) {
		/* The round's own failure, said as solve says it. */
		diag_print(&why);
		err->status = why.status;
	}
	rota_error_release(&why);
	return -1;
}

/* Rounds until the target, --max-posts or the rounds' end: ru->k is
 * then the last round, solved. */
static int rounds(struct run *ru, struct rota_error *err)
{
	struct progress g = {0, 0, 0};
	double t0 = timer_now();
	int round, more;

	ru->k.text = malloc(ru->len0 + 1);
	if (!ru->k.text)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	memcpy(ru->k.text, ru->text0, ru->len0 + 1);
	ru->k.len = ru->len0;
	for (round = 0;; round++) {
		more = one_round(ru, round, t0, &g, err);
		if (more <= 0)
			return more;
		round_release(&ru->k);
		if (next_text(ru, &ru->k, err))
			return -1;
	}
}

/* Each post's hours in the last rota: the posts are its last staff. */
static void post_hours(struct run *ru)
{
	const struct round *k = &ru->k;
	size_t first = k->sc.n_staff - ru->rc.n_posts, i;

	for (i = 0; i < ru->rc.n_posts; i++) {
		recruit_post_hours(&k->pb, &k->r, (int)(first + i),
				   &ru->rc.posts[i].worked_hours,
				   &ru->rc.posts[i].covered_hours);
		ru->rc.posts[i].annual_cost = k->sc.pay.given ?
			pay_person_annual(&k->pb, &k->r, (int)(first + i)) : -1;
	}
}

/* Everything solve writes, for the last round, and recruit's own. */
static int write_outputs(struct run *ru, const char *stage,
			 struct rota_error *err)
{
	struct round *k = &ru->k;
	struct report_solved s;
	struct plan p;
	struct fte_gap g;
	int ret = -1;

	plan_init(&p);
	fte_gap_init(&g);
	s.demand = &k->d;
	s.pb = &k->pb;
	s.r = &k->r;
	s.res = &k->res;
	s.gap = &g;
	if (plan_compute(&k->sc, &k->d, &p, err) ||
	    report_write_rota(stage, &k->pb, &k->r, &k->res, err) ||
	    ical_write_all(stage, NULL, &k->pb, &k->r, err) ||
	    fte_gap_compute(&k->pb, &k->r, &g, err) ||
	    report_write_gap(stage, &k->sc, &p, &g, err) ||
	    report_write_html_recruit(stage, &k->sc, &p, &s, &ru->rc, err) ||
	    recruit_write_csv(stage, &k->sc, &ru->rc, err) ||
	    recruit_write_scenario(stage, k->text, k->len, err))
		goto out;
	ret = 0;
out:
	fte_gap_release(&g);
	plan_release(&p);
	return ret;
}

static void print_rounds(const struct recruitment *rc)
{
	size_t i;

	printf("%-6s %6s %7s %12s %9s %6s\n", "round", "posts", "fte",
	       "uncovered_h", "of_demand", "solve");
	for (i = 0; i < rc->n_rounds; i++) {
		const struct recruit_round *r = &rc->rounds[i];
		const char *how = r->draft ? "draft" : "full";

		if (r->solved)
			printf("%-6zu %6zu %7.1f %12.1f %8.2f%% %6s\n", i,
			       r->posts, r->fte, r->uncovered_hours,
			       rc->demand_hours > 0 ? 100 * r->uncovered_hours /
			       rc->demand_hours : 0, how);
		else
			printf("%-6zu %6zu %7.1f %12s %9s %6s\n", i, r->posts,
			       r->fte, "no rota", "", how);
	}
}

static void print_posts(const struct scenario *sc,
			const struct recruitment *rc)
{
	double fte = 0;
	size_t i;

	printf("\n%-28s %-6s %4s %-16s %5s %5s %8s %8s\n", "post", "role",
	       "band", "neighbourhood", "fte", "batch", "worked_h", "met_h");
	for (i = 0; i < rc->n_posts; i++) {
		const struct recruit_post *k = &rc->posts[i];

		printf("%-28s %-6s %4d %-16s %5.2f %5d %8.1f %8.1f\n", k->id,
		       sc->roles[k->role].id, k->band,
		       sc->neighbourhoods[k->home].id, k->fte, k->batch,
		       k->worked_hours, k->covered_hours);
		fte += k->fte;
	}
	printf("%-28s %-6s %4s %-16s %5.2f\n", "total", "", "", "", fte);
	if (recruitment_cost(rc) >= 0)
		printf("cost a year of the posts: %.0f (their fte's pay, the "
		       "last rota's enhancements, on-costs %g%%)\n",
		       recruitment_cost(rc), sc->pay.on_cost_pct);
}

static void print_summary(const struct scenario *sc,
			  const struct recruitment *rc)
{
	const struct recruit_round *last = recruitment_last(rc);
	double allowed = recruitment_allowed_short(rc);

	print_rounds(rc);
	print_posts(sc, rc);
	printf("\ntarget      %.1f%% of %.1f demand person-hours covered: at most "
	       "%.1f short\n", rc->cover_pct, rc->demand_hours, allowed);
	if (last->uncovered_hours <= allowed)
		printf("result      %zu posts, %.1f person-hours short: target "
		       "met\n", rc->n_posts, last->uncovered_hours);
	else
		printf("result      %zu posts, %.1f person-hours short: target "
		       "not met (%s)\n", rc->n_posts, last->uncovered_hours,
		       rc->stop);
}

/* The input's text, read once (standard input cannot be read twice);
 * a failure is said in the loader's words. */
static int read_input(struct run *ru)
{
	enum readfile_res rr = readfile(ru->input, (size_t)READFILE_MAX_BYTES,
					&ru->text0, &ru->len0);
	int e = errno;

	switch (rr) {
	case READFILE_OK:
		return 0;
	case READFILE_CANNOT_OPEN:
		diag_error("%s: cannot open: %s", ru->name, strerror(e));
		break;
	case READFILE_TOO_BIG:
		diag_error("%s: file larger than %ld bytes", ru->name,
			   READFILE_MAX_BYTES);
		break;
	case READFILE_CANNOT_READ:
		diag_error("%s: cannot read: %s", ru->name, strerror(e));
		break;
	case READFILE_NO_MEMORY:
		diag_error("%s: out of memory", ru->name);
		return ROTA_EINTERNAL;
	}
	return ROTA_EINPUT;
}

/* Loads the input as given, for the posts to copy; prints errors. */
static int load_given(struct run *ru)
{
	struct rota_error err;
	int ret = 0;

	rota_error_init(&err);
	if (scenario_load_buffer(ru->text0, ru->len0, ru->name, &ru->sc0, &err)) {
		diag_print(&err);
		ret = err.status;
	}
	rota_error_release(&err);
	return ret;
}

static int recruit(struct run *ru, const char *dir)
{
	struct rota_error err;
	struct outdir od = {NULL, NULL, 0, 0};
	int status;

	rota_error_init(&err);
	status = read_input(ru);
	if (!status)
		status = load_given(ru);
	if (status)
		goto out;
	if (outdir_begin(&od, dir, &err))
		goto fail;
	cli_catch_signals();
	if (rounds(ru, &err))
		goto fail;
	post_hours(ru);
	if (write_outputs(ru, od.stage, &err) || outdir_commit(&od, &err))
		goto fail;
	print_summary(&ru->k.sc, &ru->rc);
	diag_progress("wrote %s/recruitment.csv, scenario-recruited.json, "
		      "rota.json, rota.csv, fte-gap.json, fte-gap.csv, "
		      "report.html", dir);
	goto out;
fail:
	diag_print(&err);
	status = err.status ? err.status : ROTA_EINTERNAL;
out:
	outdir_abort(&od);
	rota_error_release(&err);
	return status;
}

static int check_whole(const char *opt, double v, double max)
{
	if (v == floor(v) && v <= max)
		return 0;
	diag_error("invalid value '%g' for %s: a whole number up to %.0f "
		   "expected", v, opt, max);
	return -1;
}

static int cmd_recruit(int argc, char **argv)
{
	const char *input = NULL, *dir = "rota-out";
	double time_limit = 0, work = 0, cover = 99;
	double max_posts = RECRUIT_DEFAULT_MAX_POSTS;
	double draft = -1;
	unsigned long seed = 0;
	int quiet = 0, status;
	const struct cli_option options[] = {
		CLI_OPT_ARG(&input, "input file"),
		CLI_OPT_DIR(&dir),
		CLI_OPT_NUMBER("--cover", &cover, "PCT",
			       "share of demand hours to cover (default 99)"),
		CLI_OPT_NUMBER("--max-posts", &max_posts, "N",
			       "posts to propose at most (default 200)"),
		CLI_OPT_NUMBER("--time-limit", &time_limit, "SEC",
			       "cap on the whole run, shared among its solves "
			       "(default 900)"),
		CLI_OPT_SEED(&seed),
		CLI_OPT_NUMBER("--work", &work, "N",
			       "rounds of search per solve (default "
			       SOLVE_DEFAULT_WORK_TEXT ")"),
		CLI_OPT_NUMBER("--draft-work", &draft, "N",
			       "--work of drafts, the solves that only rank a "
			       "batch (default 800 above 150,000 columns, "
			       "else 0: none)"),
		CLI_OPT_QUIET(&quiet),
		CLI_OPT_END(),
	};
	struct recruit_opts o;
	struct run ru;
	enum cli_parsed r = cli_parse_options(argc, argv, &cli_recruit, options);

	if (r != CLI_RUN)
		return r == CLI_HELP_SHOWN ? ROTA_OK : ROTA_EINPUT;
	if (check_whole("--work", work, 1e12) ||
	    check_whole("--max-posts", max_posts, LOAD_MAX_STAFF) ||
	    (draft != -1 && check_whole("--draft-work", draft, 1e12)))
		return ROTA_EINPUT;
	if (cover > 100) {
		diag_error("invalid value '%g' for --cover: a percentage from 0 "
			   "to 100 expected", cover);
		return ROTA_EINPUT;
	}
	diag_set_quiet(quiet);
	/* Every round starts from nothing (no start rota). */
	solve_opts_init(&o.solve, time_limit > 0 ? time_limit :
			RECRUIT_DEFAULT_TIME_LIMIT);
	o.solve.work = (long)work;
	o.solve.seed = seed;
	o.cover_pct = cover;
	o.max_posts = (size_t)max_posts;
	o.draft_work = (long)draft;
	memset(&ru, 0, sizeof(ru));
	ru.input = input;
	ru.name = strcmp(input, "-") ? input : "<stdin>";
	ru.o = &o;
	scenario_init(&ru.sc0);
	round_init(&ru.k);
	recruitment_init(&ru.rc);
	ru.rc.cover_pct = cover;
	status = recruit(&ru, dir);
	recruitment_release(&ru.rc);
	round_release(&ru.k);
	scenario_release(&ru.sc0);
	free(ru.text0);
	return status;
}

const struct cli_command cli_recruit = {
	"recruit", "recruit SCENARIO [-o DIR] [--cover PCT] [--max-posts N] "
	"[--time-limit SEC] [--seed N] [--work N] [--draft-work N] [-q]",
	"propose posts to recruit that bring the rota's cover to a target,\n"
	"each batch confirmed by a solved rota; write recruitment.csv,\n"
	"scenario-recruited.json and the rota",
	cmd_recruit,
};
