#include "recruit_out.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "outfile.h"

/* The staff entry of post k: a copy of its like's entry. */
static json_t *post_json(const json_t *like, const struct scenario *sc,
			 const struct recruit_post *k)
{
	json_t *e = json_deep_copy(like);

	if (!e)
		return NULL;
	json_object_del(e, "leave");
	json_object_del(e, "requests");
	json_object_del(e, "days_off_weekly");
	/* A post is filled for the whole horizon: not the like's start or
	 * end (a leaver's post would end with them) nor their pins. */
	json_object_del(e, "start");
	json_object_del(e, "end");
	json_object_del(e, "fixed");
	json_object_del(e, "x-note");
	if (json_object_set_new(e, "id", json_string(k->id)) ||
	    json_object_set_new(e, "name", json_string(k->name)) ||
	    json_object_set_new(e, "fte", json_real(k->fte)) ||
	    (k->band > 0 &&
	     json_object_set_new(e, "band", json_integer(k->band))) ||
	    json_object_set_new(e, "x-vacancy", json_pack("{s:i, s:s, s:b}",
				"batch", k->batch, "like", sc->staff[k->like].id,
				"senior", k->senior))) {
		json_decref(e);
		return NULL;
	}
	return e;
}

static int add_posts(json_t *root, const struct scenario *sc,
		     const struct recruitment *rc)
{
	json_t *staff = json_object_get(root, "staff");
	size_t i;

	if (!json_is_array(staff) || json_array_size(staff) < sc->n_staff)
		return -1;
	for (i = 0; i < rc->n_posts; i++) {
		const struct recruit_post *k = &rc->posts[i];
		json_t *like = json_array_get(staff, (size_t)k->like);

		if (!json_is_object(like) ||
		    json_array_append_new(staff, post_json(like, sc, k)))
			return -1;
	}
	return 0;
}

int recruit_scenario_json(const char *text, size_t len,
			  const struct scenario *sc,
			  const struct recruitment *rc, char **out,
			  size_t *out_len, struct rota_error *err)
{
	json_t *root = json_loadb(text, len, 0, NULL);
	char *s = NULL;

	*out = NULL;
	if (!json_is_object(root) || add_posts(root, sc, rc))
		goto fail;
	/* 15 significant digits: 0.6 reads back as 0.6, as written. */
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
		       JSON_REAL_PRECISION(15));
	if (!s)
		goto fail;
	*out_len = strlen(s);
	*out = malloc(*out_len + 2);
	if (!*out)
		goto fail;
	memcpy(*out, s, *out_len);
	(*out)[(*out_len)++] = '\n';
	(*out)[*out_len] = '\0';
	free(s);
	json_decref(root);
	return 0;
fail:
	free(s);
	json_decref(root);
	return rota_error_add(err, ROTA_EINTERNAL, "cannot add the posts to "
			      "the scenario: out of memory");
}

int recruit_write_scenario(const char *dir, const char *text, size_t len,
			   struct rota_error *err)
{
	struct outfile o;

	if (outfile_open(&o, dir, "scenario-recruited.json", err))
		return -1;
	if (fwrite(text, 1, len, o.f) != len) {
		outfile_fail(&o, err);
		return -1;
	}
	return outfile_commit(&o, err);
}

/* The uncovered hours of the last round solved with n posts (a draft is
 * followed by a full solve of the same posts), empty where that round
 * had no rota (a senior rule none met) or there was none. */
static void round_hours(FILE *f, const struct recruitment *rc, size_t n)
{
	size_t i = rc->n_rounds;

	while (i > 0 && rc->rounds[i - 1].posts != n)
		i--;
	if (i > 0 && rc->rounds[i - 1].solved)
		csv_number(f, rc->rounds[i - 1].uncovered_hours, 3);
	else
		csv_field(f, "", 0);
}

/* Posts added in batches before `batch`. */
static size_t posts_before(const struct recruitment *rc, int batch)
{
	size_t i, n = 0;

	for (i = 0; i < rc->n_posts; i++)
		n += rc->posts[i].batch < batch;
	return n;
}

static void post_row(FILE *f, const struct scenario *sc,
		     const struct recruitment *rc, const struct recruit_post *k)
{
	char num[32];

	csv_field(f, k->id, 1);
	csv_field(f, sc->roles[k->role].id, 0);
	snprintf(num, sizeof(num), "%d", k->band);
	csv_field(f, k->band > 0 ? num : "", 0);
	csv_field(f, sc->neighbourhoods[k->home].id, 0);
	csv_number(f, k->fte, 3);
	round_hours(f, rc, posts_before(rc, k->batch));
	round_hours(f, rc, posts_before(rc, k->batch + 1));
	snprintf(num, sizeof(num), "%d", k->batch);
	csv_field(f, num, 0);
	csv_number(f, k->worked_hours, 3);
	csv_number(f, k->covered_hours, 3);
	csv_field(f, sc->staff[k->like].id, 0);
	if (k->annual_cost >= 0)
		csv_number(f, k->annual_cost, 2);
	else
		csv_field(f, "", 0);
	csv_end(f);
}

int recruit_write_csv(const char *dir, const struct scenario *sc,
		      const struct recruitment *rc, struct rota_error *err)
{
	struct outfile o;
	size_t i;

	if (outfile_open(&o, dir, "recruitment.csv", err))
		return -1;
	fputs("post,role,band,neighbourhood,fte,uncovered_hours_before,"
	      "uncovered_hours_after,batch,worked_hours,covered_hours,like,"
	      "annual_cost", o.f);
	csv_end(o.f);
	for (i = 0; i < rc->n_posts; i++)
		post_row(o.f, sc, rc, &rc->posts[i]);
	return outfile_commit(&o, err);
}
