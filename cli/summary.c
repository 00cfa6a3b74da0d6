/*
 * The table `plan` and `solve` print on standard output: per
 * neighbourhood, then per role, then in all, in under 100 columns so it
 * reads in any terminal and pastes into an e-mail.  The files have the
 * detail per neighbourhood and role.
 */
#include "cli.h"

#include <stdio.h>

#include "plan.h"
#include "scenario.h"
#include "report.h"

#define NAME_W 18
#define ROLE_W 10

/*
 * Prints s left-aligned in `width` columns, cut if longer.  Counts one
 * column per UTF-8 character rather than per byte, so a name with an
 * accent neither misaligns the row nor is cut inside a character.
 */
static void text_cell(const char *s, int width)
{
	const char *end = s;
	int cols = 0;

	while (*end && cols < width) {
		end++;
		while ((*end & 0xC0) == 0x80)
			end++;
		cols++;
	}
	fwrite(s, 1, (size_t)(end - s), stdout);
	while (cols++ < width)
		putchar(' ');
}

/* A line of dashes under the heading and between the blocks. */
static void rule(int width)
{
	while (width-- > 0)
		putchar('-');
	putchar('\n');
}

static void row_plan(const char *name, const char *role,
		     const struct plan_cell *c)
{
	text_cell(name, NAME_W);
	putchar(' ');
	text_cell(role, ROLE_W);
	printf(" %12.1f %12.2f %12.2f %6d %10.2f\n", c->demand_hours_week,
	       c->required_fte, c->in_post_fte, c->staff, c->gap_fte);
}

static void row_rota(const char *name, const char *role,
		     const struct plan_cell *c, const struct fte_gap_cell *g)
{
	double covered = g->demand_hours - g->uncovered_hours;

	text_cell(name, NAME_W);
	putchar(' ');
	text_cell(role, ROLE_W);
	printf(" %10.1f %10.1f %11.1f %9.1f %10.2f %10.2f\n", g->demand_hours,
	       covered, g->uncovered_hours,
	       g->demand_hours > 0 ? 100 * covered / g->demand_hours : 100.0,
	       g->uncovered_fte, c->gap_fte);
}

/* Columns of the table: the two names, then each figure and its space. */
static int table_width(const struct fte_gap *g)
{
	return NAME_W + 1 + ROLE_W + (g ? 11 + 11 + 12 + 10 + 11 + 11
					: 13 + 13 + 13 + 7 + 11);
}

static void head(const struct fte_gap *g)
{
	text_cell("neighbourhood", NAME_W);
	putchar(' ');
	text_cell("role", ROLE_W);
	if (g) {
		printf(" %10s %10s %11s %9s %10s %10s\n", "demand h", "covered h",
		       "uncovered h", "covered %", "cover FTE", "FTE gap");
	} else {
		printf(" %12s %12s %12s %6s %10s\n", "demand h/wk",
		       "required FTE", "in post FTE", "staff", "FTE gap");
	}
	rule(table_width(g));
}

static void row(const char *name, const char *role, const struct plan_cell *c,
		const struct fte_gap_cell *g)
{
	if (g)
		row_rota(name, role, c, g);
	else
		row_plan(name, role, c);
}

void cli_print_gap(const struct scenario *sc, const struct plan *p,
		   const struct fte_gap *g)
{
	size_t n, r;

	if (g)
		printf("hours over the horizon; cover FTE: FTE that would cover "
		       "the uncovered hours\n");
	head(g);
	for (n = 0; n < p->n_neighbourhoods; n++)
		row(sc->neighbourhoods[n].id, "all", &p->by_nbhd[n],
		    g ? &g->by_nbhd[n] : NULL);
	rule(table_width(g));
	for (r = 0; r < p->n_roles; r++)
		row("all", sc->roles[r].id, &p->by_role[r],
		    g ? &g->by_role[r] : NULL);
	row("all", "all", &p->total, g ? &g->total : NULL);
	cli_print_cost(sc, p, g);
}

void cli_print_cost(const struct scenario *sc, const struct plan *p,
		    const struct fte_gap *g)
{
	if (!sc->pay.given)
		return;
	/* Two lines, as the table: under 100 columns. */
	printf("cost a year, on-costs %g%%: offer %.0f (demand hours, %g%% "
	       "uplift), staff in post %.0f\n", sc->pay.on_cost_pct,
	       p->cost.annual, sc->planning.uplift_pct, p->cost.staff_annual);
	if (g)
		printf("cost a year of this rota: %.0f (unsocial-hours "
		       "enhancements %.0f)\n", g->cost.annual,
		       g->cost.enhancements);
	if (p->cost.unpriced_hours > 0 || (g && g->cost.unpriced_hours > 0))
		printf("not priced (no rate for the role or band): %.1f demand "
		       "hours, %.1f rota hours\n", p->cost.unpriced_hours,
		       g ? g->cost.unpriced_hours : 0.0);
}
