/*
 * --previous: each calendar against the same file of the earlier run.
 * An event whose content changed gets SEQUENCE one above the earlier
 * one, an unchanged event keeps it, and an earlier event inside this
 * horizon that this rota no longer has is published again as cancelled,
 * so subscribed clients update or drop it rather than keep a copy.
 */
#include "ical_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scenario.h"

#define CANCELLED_PREFIX "Cancelled: "

int ical_previous_check(const char *previous, struct rota_error *err)
{
	struct stat st;

	if (!previous)
		return 0;
	if (stat(previous, &st))
		return rota_error_add(err, ROTA_EINPUT, "--previous '%s': %s",
				      previous, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return rota_error_add(err, ROTA_EINPUT, "--previous '%s': not "
				      "a directory", previous);
	return 0;
}

void ical_previous_release(struct ical_previous *pv)
{
	ical_calendar_release(&pv->cal);
	free(pv->matched);
	pv->matched = NULL;
}

static int by_uid_then_newest(const void *a, const void *b)
{
	const struct ical_event *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);

	return c ? c : (x->sequence < y->sequence) - (x->sequence > y->sequence);
}

/* The events end up sorted by UID, a repeated UID counting once, in its
 * newest version. */
int ical_previous_load(struct ical_previous *pv, const char *previous,
		       const char *sub, const char *name,
		       struct rota_error *err)
{
	char *path;
	size_t i;
	int ret;

	if (!previous)
		return 0;
	path = rota_strdupf("%s/calendars/%s/%s", previous, sub, name);
	if (!path)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	ret = ical_read(path, 1, &pv->cal, err);
	free(path);
	if (ret)
		return -1;
	if (pv->cal.n_events)
		qsort(pv->cal.events, pv->cal.n_events, sizeof(*pv->cal.events),
		      by_uid_then_newest);
	pv->matched = calloc(pv->cal.n_events + 1, 1);
	if (!pv->matched)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	for (i = 1; i < pv->cal.n_events; i++)
		pv->matched[i] = !strcmp(pv->cal.events[i].uid,
					 pv->cal.events[i - 1].uid);
	return 0;
}

static int uid_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct ical_event *)elem)->uid);
}

const struct ical_event *ical_previous_find(struct ical_previous *pv,
					    const char *uid)
{
	const struct ical_event *e;
	size_t i;

	if (!pv->cal.n_events)
		return NULL;
	e = bsearch(uid, pv->cal.events, pv->cal.n_events,
		    sizeof(*pv->cal.events), uid_cmp);
	if (!e)
		return NULL;
	i = (size_t)(e - pv->cal.events);
	while (i > 0 && !strcmp(pv->cal.events[i - 1].uid, uid))
		i--;
	pv->matched[i] = 1;
	return &pv->cal.events[i];
}

const struct ical_event *ical_previous_gone(const struct ical_previous *pv,
					    const struct horizon *h, size_t *i)
{
	for (; *i < pv->cal.n_events; (*i)++) {
		const struct ical_event *e = &pv->cal.events[*i];

		/* A UID too long to be ours cannot be published again. */
		if (pv->matched[*i] || e->start < h->day_start[0] ||
		    e->start >= h->day_start[h->days] ||
		    strlen(e->uid) >= ICAL_UID_LEN)
			continue;
		(*i)++;
		return e;
	}
	return NULL;
}

const struct ical_event *ical_previous_earlier(const struct ical_previous *pv,
					       const struct horizon *h,
					       size_t *i)
{
	for (; *i < pv->cal.n_events; (*i)++) {
		const struct ical_event *e = &pv->cal.events[*i];

		if (pv->matched[*i] || e->start >= h->day_start[0] ||
		    strlen(e->uid) >= ICAL_UID_LEN)
			continue;
		(*i)++;
		return e;
	}
	return NULL;
}

static char *dup_text(const char *s)
{
	return strdup(s ? s : "");
}

int ical_kept_content(const struct ical_event *old, struct ical_content *c)
{
	c->summary = dup_text(old->summary);
	c->location = dup_text(old->location);
	c->categories = dup_text(old->categories);
	c->description = dup_text(old->description);
	if (!c->summary || !c->location || !c->categories || !c->description) {
		ical_content_release(c);
		return -1;
	}
	return 0;
}

int ical_live_sequence(const struct ical_event *old, instant_t start,
		       instant_t end, const struct ical_content *c)
{
	if (!old)
		return 0;
	if (old->cancelled || old->start != start || old->end != end ||
	    !ical_same_str(old->summary, c->summary) ||
	    !ical_same_str(old->location, c->location) ||
	    !ical_same_str(old->categories, c->categories) ||
	    !ical_same_str(old->description, c->description))
		return old->sequence + 1;
	return old->sequence;
}

int ical_cancelled_sequence(const struct ical_event *old)
{
	return old->sequence + !old->cancelled;
}

int ical_cancelled_content(const struct ical_event *old,
			   struct ical_content *c)
{
	const char *sum = old->summary ? old->summary : "Shift";
	int marked = !strncmp(sum, CANCELLED_PREFIX, strlen(CANCELLED_PREFIX));

	c->summary = rota_strdupf("%s%s", marked ? "" : CANCELLED_PREFIX, sum);
	c->location = strdup(old->location ? old->location : "");
	c->categories = strdup(old->categories ? old->categories : "");
	c->description = strdup("This shift is no longer on the rota.");
	if (!c->summary || !c->location || !c->categories || !c->description) {
		ical_content_release(c);
		return -1;
	}
	return 0;
}
