#include "recruitment.h"

#include <stdlib.h>
#include <string.h>

#include "grow.h"

void recruitment_init(struct recruitment *rc)
{
	memset(rc, 0, sizeof(*rc));
	rc->cover_pct = 99;
	rc->stop = "";
}

void recruitment_release(struct recruitment *rc)
{
	size_t i;

	for (i = 0; i < rc->n_posts; i++) {
		free(rc->posts[i].id);
		free(rc->posts[i].name);
	}
	free(rc->posts);
	free(rc->rounds);
	recruitment_init(rc);
}

int recruitment_add_post(struct recruitment *rc, struct recruit_post *p,
			 struct rota_error *err)
{
	if (!p->id || !p->name ||
	    grow(&rc->posts, &rc->cap_posts, rc->n_posts + 1,
		 sizeof(*rc->posts))) {
		free(p->id);
		free(p->name);
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	}
	rc->posts[rc->n_posts++] = *p;
	return 0;
}

int recruitment_add_round(struct recruitment *rc,
			  const struct recruit_round *r,
			  struct rota_error *err)
{
	if (grow(&rc->rounds, &rc->cap_rounds, rc->n_rounds + 1,
		 sizeof(*rc->rounds)))
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	rc->rounds[rc->n_rounds++] = *r;
	return 0;
}

double recruitment_allowed_short(const struct recruitment *rc)
{
	return rc->demand_hours * (1 - rc->cover_pct / 100);
}

const struct recruit_round *recruitment_last(const struct recruitment *rc)
{
	return rc->n_rounds ? &rc->rounds[rc->n_rounds - 1] : NULL;
}

double recruitment_cost(const struct recruitment *rc)
{
	double sum = -1;
	size_t i;

	for (i = 0; i < rc->n_posts; i++)
		if (rc->posts[i].annual_cost >= 0)
			sum = (sum < 0 ? 0 : sum) + rc->posts[i].annual_cost;
	return sum;
}
