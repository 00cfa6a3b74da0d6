/*
 * recruit_out: the files of rota7 recruit - the scenario with its posts
 * added as staff (scenario-recruited.json) and one row per post
 * (recruitment.csv, ../shared/spec/outputs.md "Recruitment").
 *
 * The recruited scenario is the input's own JSON with one staff entry
 * appended per post: a copy of the entry of the person the post is like
 * (recruitment.h), with the post's id, name, fte and band, without
 * leave, days off, requests, pins or start/end, and an "x-vacancy"
 * object saying which batch added it and whom it copies.  Everything else is the input's,
 * in its order, so the file is valid input for every command, and rota7
 * recruit solves exactly this text to confirm its posts.
 *
 * Memory: recruit_scenario_json's *out is the caller's to free.  The
 * writers borrow everything and keep nothing.
 */
#ifndef ROTA7_RECRUIT_OUT_H
#define ROTA7_RECRUIT_OUT_H

#include <stddef.h>

#include "diag.h"
#include "recruitment.h"
#include "scenario.h"

/* The recruited scenario's text (NUL-terminated, *out_len bytes) from
 * the input's text[0 .. len) and its loaded form sc.  0, or -1 with err
 * set (out of memory; input that is not a JSON object). */
int recruit_scenario_json(const char *text, size_t len,
			  const struct scenario *sc,
			  const struct recruitment *rc, char **out,
			  size_t *out_len, struct rota_error *err);

/* Writes text to DIR/scenario-recruited.json. */
int recruit_write_scenario(const char *dir, const char *text, size_t len,
			   struct rota_error *err);

/* Writes DIR/recruitment.csv: post, role, band, neighbourhood, fte,
 * uncovered_hours_before, uncovered_hours_after (the rota's uncovered
 * person-hours in the rounds before and after the post's batch), batch,
 * worked_hours and covered_hours (in the last rota), like. */
int recruit_write_csv(const char *dir, const struct scenario *sc,
		      const struct recruitment *rc, struct rota_error *err);

#endif
