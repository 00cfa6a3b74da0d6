/* Calendars of the rota, one per person and one per neighbourhood: their
 * events, text and files (the VTIMEZONE is ical_tz.c, the comparison with
 * --previous ical_previous.c). */
#include "ical_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "grow.h"
#include "problem.h"
#include "roster.h"
#include "outfile.h"
#include "reference.h"
#include "sha256.h"
#include "tz.h"

#ifndef ROTA7_VERSION
#define ROTA7_VERSION "0.0.0"
#endif

/* Subscribed clients fetch again this often: twice a day, so a change
 * to the rota reaches people before their next shift. */
#define REFRESH_ISO "PT12H"
#define REFRESH_SECONDS (12 * 3600)

/* Everything one run of the writer shares between files. */
struct run {
	const struct problem *pb;
	const struct roster *r;
	struct tz *tz;
	icalcomponent *vtz;        /* the VTIMEZONE each file embeds a copy of */
	instant_t now;
	const char *previous;      /* NULL: no earlier output to compare */
	char *period;              /* "March 2018" */
	char *staff_dir, *nbhd_dir;
};

/* One event of a file: a shift of this rota, or one an earlier file had
 * that this rota no longer has (var ROSTER_NONE). */
struct item {
	instant_t start;
	char uid[ICAL_UID_LEN];
	size_t var;
	const struct ical_event *old;   /* the earlier file's event, if any */
	int kept;                       /* old is of an earlier horizon:
	                                   published again as it was */
};

/* The events of one file and the earlier file it replaces. */
struct cal_file {
	struct item *items;
	size_t n_items, cap;
	struct ical_previous prev;
};

/* ---- text ---- */

/* A growing string; oom makes every later append a no-op. */
struct text {
	char *s;
	size_t len, cap;
	int oom;
};

static void text_add(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	char *piece;
	size_t n;

	va_start(ap, fmt);
	piece = t->oom ? NULL : rota_vstrdupf(fmt, ap);
	va_end(ap);
	if (!piece) {
		t->oom = 1;
		return;
	}
	n = strlen(piece);
	if (grow(&t->s, &t->cap, t->len + n + 1, 1)) {
		free(piece);
		t->oom = 1;
		return;
	}
	memcpy(t->s + t->len, piece, n + 1);
	t->len += n;
	free(piece);
}

/* The string, or NULL (and nothing leaked) when out of memory. */
static char *text_take(struct text *t)
{
	if (t->oom || !t->s) {
		free(t->s);
		return t->oom ? NULL : strdup("");
	}
	return t->s;
}

/* Names from a scenario may hold control characters (JSON allows them);
 * RFC 5545 TEXT does not, so they become spaces.  In a category a comma
 * or semicolon would split it in two, and libical does not escape them
 * there. */
static char *clean(const char *s, int category)
{
	char *out = strdup(s ? s : ""), *p;

	for (p = out; p && *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f ||
		    (category && (*p == ',' || *p == ';' || *p == '\\')))
			*p = ' ';
	return out;
}

static const char *or_id(const char *name, const char *id)
{
	return name && *name ? name : id;
}

/* "7.5", "8", "7.25": hours as people write them. */
static void fmt_hours(double h, char out[24])
{
	char *end;

	snprintf(out, 24, "%.2f", h);
	end = out + strlen(out) - 1;
	while (*end == '0')
		*end-- = '\0';
	if (*end == '.')
		*end = '\0';
}

/* "Late shift" from the id "late": the scenario gives shifts no name. */
static char *shift_label(const char *id)
{
	size_t n = strlen(id);
	int has_shift = n >= 5 && !strcmp(id + n - 5, "shift");
	char *s = rota_strdupf("%s%s", id, has_shift ? "" : " shift"), *p;

	if (!s)
		return NULL;
	for (p = s; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
	return s;
}

/* ---- UIDs and file names ---- */

/* Each field is length-prefixed so that no two keys run together. */
static void hash_field(struct sha256 *h, const char *s)
{
	char len[24];

	snprintf(len, sizeof(len), "%zu:", strlen(s));
	sha256_update(h, len, strlen(len));
	sha256_update(h, s, strlen(s));
}

/* The UID of version `v`: 1 hashed the scenario's name as well (until
 * 2026-12), so renaming a scenario cancelled and re-created every event;
 * 2 hashes only the calendar, person, date and shift. */
static void uid_of(int v, const char *scenario, const char *nbhd,
		   const char *staff, int32_t date, const char *shift,
		   char out[ICAL_UID_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[SHA256_LEN];
	char day[CIVIL_DATE_LEN];
	struct sha256 h;
	int i;

	civil_format_date(date, day);
	sha256_init(&h);
	hash_field(&h, v == 1 ? "rota7 calendar uid 1" : "rota7 calendar uid 2");
	if (v == 1)
		hash_field(&h, scenario ? scenario : "");
	hash_field(&h, nbhd ? "neighbourhood" : "staff");
	hash_field(&h, nbhd ? nbhd : "");
	hash_field(&h, staff);
	hash_field(&h, day);
	hash_field(&h, shift);
	sha256_final(&h, md);
	/* 128 bits: collisions are out of reach at any rota's size. */
	for (i = 0; i < 16; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	memcpy(out + 32, "@rota7", 7);
}

void ical_uid(const char *nbhd, const char *staff, int32_t date,
	      const char *shift, char out[ICAL_UID_LEN])
{
	uid_of(2, NULL, nbhd, staff, date, shift, out);
}

void ical_uid_v1(const char *scenario, const char *nbhd, const char *staff,
		 int32_t date, const char *shift, char out[ICAL_UID_LEN])
{
	uid_of(1, scenario, nbhd, staff, date, shift, out);
}

/* ---- time ---- */

/*
 * Whether t's wall-clock time names t alone.  In the hour repeated in
 * autumn it does not, and clients disagree on which occurrence is meant
 * (RFC 5545 says the first, pytz the second), so such an instant is
 * written in UTC instead.
 */
static int unambiguous(const struct tz *tz, instant_t t)
{
	instant_t local = t + tz_offset(tz, t);
	int cand[2], i;

	cand[0] = tz_offset(tz, t - 14 * 3600);
	cand[1] = tz_offset(tz, t + 14 * 3600);
	for (i = 0; i < 2; i++) {
		instant_t other = local - cand[i];

		if (other != t && other + tz_offset(tz, other) == local)
			return 0;
	}
	return 1;
}

static icalproperty *new_time(int end, struct icaltimetype tt)
{
	return end ? icalproperty_new_dtend(tt) : icalproperty_new_dtstart(tt);
}

/* DTSTART or DTEND: local time with the zone's TZID, never floating. */
static icalproperty *time_prop(const struct run *run, int end, instant_t t)
{
	struct icaltimetype tt = icaltime_null_time();
	icalproperty *p;
	int32_t day;
	int secs;

	if (!unambiguous(run->tz, t))
		return new_time(end, icaltime_from_timet_with_zone(
			(time_t)t, 0, icaltimezone_get_utc_timezone()));
	tz_local(run->tz, t, &day, &secs);
	civil_to_ymd(day, &tt.year, &tt.month, &tt.day);
	tt.hour = secs / 3600;
	tt.minute = secs / 60 % 60;
	tt.second = secs % 60;
	tt.is_date = 0;
	p = new_time(end, tt);
	if (p)
		icalproperty_add_parameter(p, icalparameter_new_tzid(
			run->pb->sc->timezone));
	return p;
}

/* ---- what an event says ---- */

void ical_content_release(struct ical_content *c)
{
	free(c->summary);
	free(c->location);
	free(c->categories);
	free(c->description);
	memset(c, 0, sizeof(*c));
}

/* Minutes a shift lasts by the wall clock: what the rota promised. */
static int wall_minutes(const struct shift *sh)
{
	int m = sh->end_min - sh->start_min;

	return m > 0 ? m : m + 1440;
}

static void describe_duty(struct text *t, const struct shift *sh,
			  instant_t start, instant_t end)
{
	int real = (int)((end - start) / 60), wall = wall_minutes(sh);
	char on[24], nominal[24];

	fmt_hours(real / 60.0, on);
	fmt_hours(wall / 60.0, nominal);
	text_add(t, "On duty: %s hours", on);
	if (sh->break_minutes > 0)
		text_add(t, " with a %d-minute break", sh->break_minutes);
	if (real != wall)
		text_add(t, "\nThe clocks go %s during this shift: %s hours on "
			 "duty instead of %s", real < wall ? "forward" : "back",
			 on, nominal);
}

static char *description(const struct problem *pb, size_t v, int for_nbhd)
{
	const struct scenario *sc = pb->sc;
	const struct var *x = &pb->vars[v];
	const struct staff *st = &sc->staff[x->p];
	const struct option *o = &pb->people[x->p].opts[x->k];
	const struct shift *sh = &sc->shifts[x->s];
	struct text t = {0};
	char paid[24];

	fmt_hours(x->paid_hours, paid);
	if (for_nbhd)
		text_add(&t, "Staff: %s\n", or_id(st->name, st->id));
	text_add(&t, "Paid hours: %s\n", paid);
	describe_duty(&t, sh, sh->start_at[x->d], sh->end_at[x->d]);
	if (o->role != st->role)
		text_add(&t, "\nCovering a %s's place (own role: %s)",
			 or_id(sc->roles[o->role].name, sc->roles[o->role].id),
			 or_id(sc->roles[st->role].name, sc->roles[st->role].id));
	if (o->nbhd != st->home)
		text_add(&t, "\nCovering in %s (home neighbourhood: %s)",
			 or_id(sc->neighbourhoods[o->nbhd].name,
			       sc->neighbourhoods[o->nbhd].id),
			 or_id(sc->neighbourhoods[st->home].name,
			       sc->neighbourhoods[st->home].id));
	return text_take(&t);
}

static char *summary(const struct problem *pb, size_t v, int for_nbhd)
{
	const struct scenario *sc = pb->sc;
	const struct var *x = &pb->vars[v];
	const struct option *o = &pb->people[x->p].opts[x->k];
	const struct staff *st = &sc->staff[x->p];
	char *label = shift_label(sc->shifts[x->s].id), *s;

	if (!label)
		return NULL;
	s = rota_strdupf("%s: %s, %s%s%s%s", label,
			 or_id(sc->roles[o->role].name, sc->roles[o->role].id),
			 or_id(sc->neighbourhoods[o->nbhd].name,
			       sc->neighbourhoods[o->nbhd].id),
			 for_nbhd ? " (" : "",
			 for_nbhd ? or_id(st->name, st->id) : "",
			 for_nbhd ? ")" : "");
	free(label);
	return s;
}

/* Text of a shift of this rota; every field cleaned for RFC 5545. */
static int shift_content(const struct problem *pb, size_t v, int for_nbhd,
			 struct ical_content *c)
{
	const struct scenario *sc = pb->sc;
	const struct var *x = &pb->vars[v];
	const struct neighbourhood *nb =
		&sc->neighbourhoods[pb->people[x->p].opts[x->k].nbhd];
	const struct service *sv = &sc->services[sc->shifts[x->s].service];
	char *sum = summary(pb, v, for_nbhd), *desc = description(pb, v, for_nbhd);

	c->summary = clean(sum, 0);
	c->location = clean(or_id(nb->name, nb->id), 0);
	c->categories = clean(or_id(sv->name, sv->id), 1);
	/* The description's line breaks are ours; only names were cleaned. */
	c->description = desc;
	free(sum);
	if (!sum || !c->summary || !c->location || !c->categories ||
	    !c->description) {
		ical_content_release(c);
		return -1;
	}
	return 0;
}

/* ---- components ---- */

/* Adds p to c; a NULL p (out of memory in libical) is counted. */
static void add(icalcomponent *c, icalproperty *p, int *oom)
{
	if (!p) {
		*oom = 1;
		return;
	}
	icalcomponent_add_property(c, p);
}

/* libical escapes backslashes and line breaks in X- values but, on
 * purpose, not commas; readers (python icalendar, Apple, Google) take
 * X-WR-* values that way. */
static icalproperty *x_text(const char *name, const char *value)
{
	char *v = clean(value, 0);
	icalproperty *p = v ? icalproperty_new_x(v) : NULL;

	free(v);
	if (p)
		icalproperty_set_x_name(p, name);
	return p;
}

static icalproperty *utc_stamp(instant_t t)
{
	return icalproperty_new_dtstamp(icaltime_from_timet_with_zone(
		(time_t)t, 0, icaltimezone_get_utc_timezone()));
}

/* ORGANIZER;CN=name:mailto:address, which RFC 5546 (3.2.1) asks of a
 * published event; libical quotes the name where it must. */
static icalproperty *organizer(const struct organiser *o)
{
	char *uri = rota_strdupf("mailto:%s", o->email);
	icalproperty *p = uri ? icalproperty_new_organizer(uri) : NULL;
	icalparameter *cn;

	free(uri);
	if (p && o->name) {
		cn = icalparameter_new_cn(o->name);
		if (!cn) {
			icalproperty_free(p);
			return NULL;
		}
		icalproperty_add_parameter(p, cn);
	}
	return p;
}

static icalcomponent *vevent(const struct run *run, const struct item *it,
			     instant_t end, int seq, int cancelled,
			     const struct ical_content *c)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	int oom = !ev;

	if (oom)
		return NULL;
	add(ev, icalproperty_new_uid(it->uid), &oom);
	add(ev, utc_stamp(run->now), &oom);
	add(ev, time_prop(run, 0, it->start), &oom);
	add(ev, time_prop(run, 1, end), &oom);
	add(ev, icalproperty_new_sequence(seq), &oom);
	add(ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
					: ICAL_STATUS_CONFIRMED), &oom);
	add(ev, icalproperty_new_summary(c->summary), &oom);
	add(ev, icalproperty_new_location(c->location), &oom);
	add(ev, icalproperty_new_categories(c->categories), &oom);
	add(ev, icalproperty_new_description(c->description), &oom);
	add(ev, icalproperty_new_transp(cancelled ? ICAL_TRANSP_TRANSPARENT
					: ICAL_TRANSP_OPAQUE), &oom);
	if (run->pb->sc->organiser.email)
		add(ev, organizer(&run->pb->sc->organiser), &oom);
	if (oom) {
		icalcomponent_free(ev);
		return NULL;
	}
	return ev;
}

/* The event of one item, with its SEQUENCE decided. */
static icalcomponent *item_event(const struct run *run, const struct item *it,
				 const char *nbhd)
{
	struct ical_content c = {0};
	icalcomponent *ev;
	instant_t end;
	int seq, cancelled = it->var == ROSTER_NONE;

	if (it->kept) {
		if (ical_kept_content(it->old, &c))
			return NULL;
		end = it->old->end;
		seq = it->old->sequence;
		cancelled = it->old->cancelled;
	} else if (cancelled) {
		if (ical_cancelled_content(it->old, &c))
			return NULL;
		end = it->old->end;
		seq = ical_cancelled_sequence(it->old);
	} else {
		const struct var *x = &run->pb->vars[it->var];

		if (shift_content(run->pb, it->var, nbhd != NULL, &c))
			return NULL;
		end = run->pb->sc->shifts[x->s].end_at[x->d];
		seq = ical_live_sequence(it->old, it->start, end, &c);
	}
	ev = vevent(run, it, end, seq, cancelled, &c);
	ical_content_release(&c);
	return ev;
}

static icalcomponent *vcalendar(const struct run *run)
{
	const struct scenario *sc = run->pb->sc;
	icalcomponent *cal = icalcomponent_new_vcalendar(), *vtz;
	icalproperty *refresh;
	int oom = !cal;

	if (!cal)
		return NULL;
	add(cal, icalproperty_new_prodid("-//rota7//rota7 " ROTA7_VERSION "//EN"),
	    &oom);
	add(cal, icalproperty_new_version("2.0"), &oom);
	add(cal, icalproperty_new_calscale("GREGORIAN"), &oom);
	add(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH), &oom);
	/* X-WR-CALNAME and X-WR-CALDESC: calendar_names(). */
	add(cal, x_text("X-WR-TIMEZONE", sc->timezone), &oom);
	refresh = icalproperty_new_refreshinterval(
		icaldurationtype_from_int(REFRESH_SECONDS));
	if (refresh)
		icalproperty_add_parameter(refresh,
					   icalparameter_new_value(ICAL_VALUE_DURATION));
	add(cal, refresh, &oom);
	/* Outlook's name for REFRESH-INTERVAL. */
	add(cal, x_text("X-PUBLISHED-TTL", REFRESH_ISO), &oom);
	vtz = oom ? NULL : icalcomponent_new_clone(run->vtz);
	if (!vtz) {
		icalcomponent_free(cal);
		return NULL;
	}
	icalcomponent_add_component(cal, vtz);
	return cal;
}

/* The calendar's name and description as escaped TEXT lines: names hold
 * commas and semicolons, which libical leaves bare in an X- property. */
static char *calendar_names(const struct run *run, const char *who)
{
	const char *desc = run->pb->sc->name;
	char *name = rota_strdupf("%s: rota for %s", who, run->period);
	char *a = name ? ical_text_line("X-WR-CALNAME", name) : NULL;
	char *b = a && desc && *desc ? ical_text_line("X-WR-CALDESC", desc)
		  : NULL;
	char *out = a && (b || !desc || !*desc)
		    ? rota_strdupf("%s%s", a, b ? b : "") : NULL;

	free(name);
	free(a);
	free(b);
	return out;
}

/* ---- one file ---- */

static void cal_file_release(struct cal_file *f)
{
	free(f->items);
	ical_previous_release(&f->prev);
	memset(f, 0, sizeof(*f));
}

static int push(struct cal_file *f, const struct item *it)
{
	if (grow(&f->items, &f->cap, f->n_items + 1, sizeof(*f->items)))
		return -1;
	f->items[f->n_items++] = *it;
	return 0;
}

static int add_shift(const struct run *run, struct cal_file *f, size_t v,
		     const char *nbhd)
{
	const struct scenario *sc = run->pb->sc;
	const struct var *x = &run->pb->vars[v];
	struct item it;

	it.var = v;
	it.kept = 0;
	it.start = sc->shifts[x->s].start_at[x->d];
	ical_uid(nbhd, sc->staff[x->p].id, scenario_date(sc, x->d),
		 sc->shifts[x->s].id, it.uid);
	it.old = ical_previous_find(&f->prev, it.uid);
	if (!it.old) {
		/* An event published under the old UID (scenario name
		 * hashed in) keeps it, so that clients update it. */
		char v1[ICAL_UID_LEN];

		ical_uid_v1(sc->name, nbhd, sc->staff[x->p].id,
			    scenario_date(sc, x->d), sc->shifts[x->s].id, v1);
		it.old = ical_previous_find(&f->prev, v1);
		if (it.old)
			memcpy(it.uid, v1, sizeof(v1));
	}
	return push(f, &it);
}

/* Events of the earlier file this rota no longer has, to cancel, and
 * those of earlier horizons, to keep. */
static int add_cancelled(const struct run *run, struct cal_file *f)
{
	const struct ical_event *e;
	size_t i = 0;

	while ((e = ical_previous_gone(&f->prev, &run->pb->sc->horizon, &i))) {
		struct item it;

		memcpy(it.uid, e->uid, strlen(e->uid) + 1);
		it.start = e->start;
		it.var = ROSTER_NONE;
		it.old = e;
		it.kept = 0;
		if (push(f, &it))
			return -1;
	}
	i = 0;
	while ((e = ical_previous_earlier(&f->prev, &run->pb->sc->horizon, &i))) {
		struct item it;

		memcpy(it.uid, e->uid, strlen(e->uid) + 1);
		it.start = e->start;
		it.var = ROSTER_NONE;
		it.old = e;
		it.kept = 1;
		if (push(f, &it))
			return -1;
	}
	return 0;
}

static int by_start(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return strcmp(x->uid, y->uid);
}

static int write_text(const char *dir, const char *name, const char *text,
		      struct rota_error *err)
{
	struct outfile o;

	if (outfile_open(&o, dir, name, err))
		return -1;
	if (fputs(text, o.f) == EOF) {
		outfile_fail(&o, err);
		return -1;
	}
	return outfile_commit(&o, err);
}

/* Builds and writes one calendar from f's items. */
static int write_calendar(const struct run *run, struct cal_file *f,
			  const char *dir, const char *name, const char *who,
			  const char *nbhd, struct rota_error *err)
{
	icalcomponent *cal = vcalendar(run);
	char *text = NULL, *names = NULL, *whole = NULL;
	size_t i;
	int ret = -1;

	if (f->n_items)
		qsort(f->items, f->n_items, sizeof(*f->items), by_start);
	for (i = 0; cal && i < f->n_items; i++) {
		icalcomponent *ev = item_event(run, &f->items[i], nbhd);

		if (!ev)
			goto out;
		icalcomponent_add_component(cal, ev);
	}
	text = cal ? icalcomponent_as_ical_string_r(cal) : NULL;
	names = text ? calendar_names(run, who) : NULL;
	whole = names ? ical_insert_after(text, "METHOD:PUBLISH\r\n", names)
		: NULL;
	if (whole)
		ret = write_text(dir, name, whole, err);
out:
	if (!whole)
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	free(whole);
	free(names);
	free(text);
	if (cal)
		icalcomponent_free(cal);
	return ret;
}

/* ---- every file ---- */

static int staff_calendar(const struct run *run, int p, struct rota_error *err)
{
	const struct staff *st = &run->pb->sc->staff[p];
	struct cal_file f = {0};
	char *name = ical_file_name(st->id);
	int d, ret = -1;

	if (!name)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (ical_previous_load(&f.prev, run->previous, "staff", name, err))
		goto out;
	for (d = 0; d < run->pb->days; d++) {
		size_t v = roster_get(run->r, p, d);

		if (v != ROSTER_NONE && add_shift(run, &f, v, NULL))
			goto oom;
	}
	if (run->previous && add_cancelled(run, &f))
		goto oom;
	/* Nobody needs an empty calendar; one that only cancels is needed. */
	ret = f.n_items ? write_calendar(run, &f, run->staff_dir, name,
					 or_id(st->name, st->id), NULL, err) : 0;
	goto out;
oom:
	rota_error_add(err, ROTA_EINTERNAL, "out of memory");
out:
	cal_file_release(&f);
	free(name);
	return ret;
}

/* A person of the --previous rota no longer in the scenario: every event
 * of their earlier calendar inside this horizon, cancelled, so that a
 * subscribed calendar drops them rather than keep shifts nobody works. */
static int gone_calendar(const struct run *run, const char *id,
			 struct rota_error *err)
{
	struct cal_file f = {0};
	char *name = ical_file_name(id);
	int ret = -1;

	if (!name)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (ical_previous_load(&f.prev, run->previous, "staff", name, err))
		goto out;
	if (add_cancelled(run, &f)) {
		rota_error_add(err, ROTA_EINTERNAL, "out of memory");
		goto out;
	}
	ret = f.n_items ? write_calendar(run, &f, run->staff_dir, name, id, NULL,
					 err) : 0;
out:
	cal_file_release(&f);
	free(name);
	return ret;
}

static int nbhd_calendar(const struct run *run, int n, struct rota_error *err)
{
	const struct problem *pb = run->pb;
	const struct neighbourhood *nb = &pb->sc->neighbourhoods[n];
	struct cal_file f = {0};
	char *name = ical_file_name(nb->id);
	size_t p;
	int d, ret = -1;

	if (!name)
		return rota_error_add(err, ROTA_EINTERNAL, "out of memory");
	if (ical_previous_load(&f.prev, run->previous, "neighbourhood", name,
			       err))
		goto out;
	for (p = 0; p < pb->sc->n_staff; p++)
		for (d = 0; d < pb->days; d++) {
			size_t v = roster_get(run->r, (int)p, d);

			if (v != ROSTER_NONE &&
			    pb->people[p].opts[pb->vars[v].k].nbhd == n &&
			    add_shift(run, &f, v, nb->id))
				goto oom;
		}
	if (run->previous && add_cancelled(run, &f))
		goto oom;
	ret = write_calendar(run, &f, run->nbhd_dir, name, or_id(nb->name, nb->id),
			     nb->id, err);
	goto out;
oom:
	rota_error_add(err, ROTA_EINTERNAL, "out of memory");
out:
	cal_file_release(&f);
	free(name);
	return ret;
}

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* "March 2018", "October to November 2018", "December 2018 to January
 * 2019": the months the horizon touches. */
static char *period(const struct scenario *sc)
{
	int y1, m1, d1, y2, m2, d2;

	civil_to_ymd(sc->horizon.start, &y1, &m1, &d1);
	civil_to_ymd(sc->horizon.start + sc->horizon.days - 1, &y2, &m2, &d2);
	if (y1 == y2 && m1 == m2)
		return rota_strdupf("%s %d", month_names[m1 - 1], y1);
	if (y1 == y2)
		return rota_strdupf("%s to %s %d", month_names[m1 - 1],
				    month_names[m2 - 1], y1);
	return rota_strdupf("%s %d to %s %d", month_names[m1 - 1], y1,
			    month_names[m2 - 1], y2);
}

static void run_close(struct run *run)
{
	if (run->vtz)
		icalcomponent_free(run->vtz);
	tz_close(run->tz);
	free(run->period);
	free(run->staff_dir);
	free(run->nbhd_dir);
}


static int run_open(struct run *run, const char *dir, const char *previous,
		    const struct problem *pb, const struct roster *r,
		    instant_t now, struct rota_error *err)
{
	memset(run, 0, sizeof(*run));
	run->pb = pb;
	run->r = r;
	run->now = now;
	run->previous = previous;
	if (ical_previous_check(previous, err))
		return -1;
	run->tz = tz_open(pb->sc->timezone);
	run->period = period(pb->sc);
	run->staff_dir = rota_strdupf("%s/calendars/staff", dir);
	run->nbhd_dir = rota_strdupf("%s/calendars/neighbourhood", dir);
	if (!run->tz || !run->period || !run->staff_dir || !run->nbhd_dir)
		return rota_error_add(err, ROTA_EINTERNAL, run->tz ?
				      "out of memory" : "timezone vanished");
	run->vtz = ical_vtimezone(pb->sc, run->tz, err);
	if (!run->vtz || outfile_mkdir(run->staff_dir, err) ||
	    outfile_mkdir(run->nbhd_dir, err))
		return -1;
	return 0;
}

int ical_write_at(const char *dir, const char *previous,
		  const struct problem *pb, const struct roster *r,
		  instant_t now, struct rota_error *err)
{
	struct run run;
	size_t i;
	int ret = -1;

	if (run_open(&run, dir, previous, pb, r, now, err))
		goto out;
	for (i = 0; i < pb->sc->n_staff; i++)
		if (staff_calendar(&run, (int)i, err))
			goto out;
	for (i = 0; pb->sc->reference && i < pb->sc->reference->n_gone; i++)
		if (gone_calendar(&run, pb->sc->reference->gone[i], err))
			goto out;
	for (i = 0; i < pb->sc->n_neighbourhoods; i++)
		if (nbhd_calendar(&run, (int)i, err))
			goto out;
	ret = 0;
out:
	run_close(&run);
	return ret;
}

int ical_write_all(const char *dir, const char *previous,
		   const struct problem *pb, const struct roster *r,
		   struct rota_error *err)
{
	return ical_write_at(dir, previous, pb, r, (instant_t)time(NULL), err);
}