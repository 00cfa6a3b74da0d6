/* The loader's pins, staff[].fixed: a day a person must work a shift, or
 * must be off.  Read after the person's shifts, leave and weekly days
 * off, since a pin that contradicts one of them is refused naming both. */
#include "load_parts.h"

#include <stdlib.h>
#include <string.h>

#include "reference.h"

static const char *const fixed_keys[] = {"date", "shift", "off", NULL};

/* The leave entry covering day, or -1. */
static long leave_at(const struct staff *p, int day)
{
	size_t i;

	for (i = 0; i < p->n_leave; i++)
		if (day >= p->leave[i].from_day && day <= p->leave[i].to_day)
			return (long)i;
	return -1;
}

static const char *const weekday_ids[] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

/* A pin to work on a day the person's own hard rules keep free. */
static void contradicts(struct ld *l, const struct staff *p, const char *path,
			const char *shift, int32_t date, int day)
{
	const char *base = strstr(path, ".fixed[");
	int len = base ? (int)(base - path) : (int)strlen(path);
	long lv = leave_at(p, day);
	int wd = civil_weekday(date);
	char d[CIVIL_DATE_LEN];

	civil_format_date(date, d);
	if (!date_window_holds(&p->post, date))
		jv_bad(&l->v, path, "pin to shift '%s' on %s contradicts the "
		       "start/end of '%s' (%.*s.%s)", shift, d, p->id, len, path,
		       p->post.has_from && date < p->post.from ? "start" : "end");
	else if (lv >= 0)
		jv_bad(&l->v, path, "pin to shift '%s' on %s contradicts the "
		       "leave of '%s' (%.*s.leave[%ld])", shift, d, p->id, len,
		       path, lv);
	else if ((p->days_off_weekly >> wd) & 1u)
		jv_bad(&l->v, path, "pin to shift '%s' on %s contradicts the "
		       "weekly day off '%s' of '%s' (%.*s.days_off_weekly)",
		       shift, d, weekday_ids[wd], p->id, len, path);
}

static void fixed_entry(struct jv *v, json_t *x, const char *path, size_t i,
			void *person)
{
	struct ld *l = ld_of(v);
	struct staff *p = person;
	struct fixed *fx = &p->fixed[p->n_fixed];
	const char *shift = NULL;
	int off = 0, base_len;
	int32_t date;
	char sub[JV_PATH_MAX];

	(void)i;
	jv_known_keys(v, x, path, fixed_keys);
	if (ld_date_member(l, x, path, "date", 1, &date) != JV_OK)
		return;
	jv_boolean(v, x, path, "off", 0, &off);
	if (jv_string(v, x, path, "shift", 0, LOAD_MAX_ID_LEN, &shift) != JV_OK)
		shift = NULL;
	if (!shift == !off) {
		jv_bad(v, path, "a pin needs exactly one of \"shift\" and "
		       "\"off\": true");
		return;
	}
	memset(fx, 0, sizeof(*fx));
	fx->day = (int)(date - l->sc->horizon.start);
	fx->shift = -1;
	fx->nbhd = fx->role = -1;
	if (shift) {
		fx->shift = scenario_find_shift(l->sc, shift);
		if (fx->shift < 0) {
			jv_bad(v, jv_key_path(sub, path, "shift"),
			       "unknown shift '%s'", shift);
			return;
		}
		base_len = strstr(path, ".fixed[") ?
			   (int)(strstr(path, ".fixed[") - path) : 0;
		if (p->allowed && !p->allowed[fx->shift])
			jv_bad(v, jv_key_path(sub, path, "shift"),
			       "pin to shift '%s' contradicts the shifts '%s' "
			       "may work (%.*s.shifts)", shift, p->id, base_len,
			       path);
		contradicts(l, p, path, shift, date, fx->day);
	}
	if (staff_fixed(p, fx->day)) {
		jv_bad(v, path, "a second pin for the same date");
		return;
	}
	/* A pin outside the horizon has nothing to hold. */
	if (fx->day >= 0 && fx->day < l->sc->horizon.days)
		p->n_fixed++;
}

/* What a pin to work costs when not worked: far above anything else
 * (reference.h), so that the engine works it. */
static int pin_requests(struct ld *l, struct staff *p)
{
	size_t i, n = p->n_requests;
	struct request *rq;

	for (i = 0; i < p->n_fixed; i++)
		n += p->fixed[i].shift >= 0;
	if (n == p->n_requests)
		return 0;
	rq = realloc(p->requests, n * sizeof(*rq));
	if (!rq) {
		l->oom = 1;
		return -1;
	}
	p->requests = rq;
	for (i = 0; i < p->n_fixed; i++)
		if (p->fixed[i].shift >= 0)
			p->requests[p->n_requests++] = (struct request){
				p->fixed[i].day, p->fixed[i].shift, 1,
				/* weights are read before staff; with
				 * weights.request 0, reference_price_fixed
				 * prices it for solve */
				l->sc->weights.request > 0 ?
				reference_fixed_price(l->sc) /
				l->sc->weights.request : 0,
				REQUEST_FIXED, -1};
	return 0;
}

void load_fixed(struct ld *l, struct staff *p, json_t *e, const char *path)
{
	char sub[JV_PATH_MAX];
	json_t *a = ld_array(l, e, path, "fixed", 0);

	if (!a)
		return;
	p->fixed = ld_alloc(l, json_array_size(a), sizeof(*p->fixed));
	if (!p->fixed)
		return;
	jv_each(&l->v, a, jv_key_path(sub, path, "fixed"), JSON_OBJECT,
		fixed_entry, p);
	pin_requests(l, p);
}
