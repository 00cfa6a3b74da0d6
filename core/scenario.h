/*
 * scenario: the problem rota7 solves, as plain C data.
 *
 * This is what ../shared/spec/scenario.md describes, after validation and
 * with every default applied.  io/load fills it; everything else reads it.
 * No JSON and no timezone library types appear here: local times have
 * already been turned into real instants (instant_t) by the loader, so no
 * code downstream ever handles a clock change again.
 *
 * References between objects are indexes into the owning arrays (role,
 * service, shift, neighbourhood), never pointers, so the whole structure
 * can be freed in one pass and copied without fix-ups.
 *
 * Days are indexes into the horizon: day 0 is horizon.start.  Dates
 * outside the horizon (leave that began earlier, say) keep their day
 * index, which may be negative or >= horizon.days.
 *
 * Memory: a struct scenario owns every string and array it points to.
 * scenario_release() frees them all; scenario_free() also the struct.
 */
#ifndef ROTA7_SCENARIO_H
#define ROTA7_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "civil.h"

struct reference;
struct scenario;

/* Scope of a band, skill-mix rule or deployment: a neighbourhood, the
 * borough, or an index (>= 0) into scenario.kinds. */
#define SCOPE_NEIGHBOURHOOD (-1)
#define SCOPE_BOROUGH (-2)

/* Day-of-week sets: bit 0 = Monday ... bit 6 = Sunday. */
#define DAYS_WEEKDAY 0x1fu
#define DAYS_WEEKEND 0x60u
#define DAYS_DAILY 0x7fu

struct neighbourhood {
	char *id;
	char *name;
	double weighted_population;
};

struct group {
	char *id;
	size_t n_members;
	int *members;                /* neighbourhood indexes */
	double weighted_population;  /* sum over members */
};

/* A group kind ("locality", "base") partitions some neighbourhoods. */
struct group_kind {
	char *id;
	size_t n_groups;
	struct group *groups;
	int *group_of;               /* [n_neighbourhoods]: group index or -1 */
};

struct role_cover {
	int role;                    /* the role that may be filled */
	double penalty;              /* objective cost per hour */
};

struct role {
	char *id;
	char *name;
	size_t n_covers;
	struct role_cover *covers;   /* also_covers */
};

/*
 * A span of civil days, both ends inclusive (an addition to the spec:
 * a band's or service's from/until, a person's start/end).  All zero is
 * open at both ends, so a scenario built in memory (benchmarks) that
 * never sets one is always in force.
 */
struct date_window {
	int32_t from, until;         /* civil day numbers */
	unsigned char has_from, has_until;
};

/* Whether civil day `day` lies inside w. */
int date_window_holds(const struct date_window *w, int32_t day);

enum req_kind { REQ_COUNT, REQ_TOTAL, REQ_PER_100K };

struct requirement {
	int role;
	enum req_kind kind;
	double value;                /* count, total or per-100k figure */
	int min;                     /* floor per unit (total, per_100k) */
};

struct band {
	char *label;
	unsigned days;               /* DAYS_* bits */
	int from_min, to_min;        /* wall clock, minutes after midnight */
	int scope;                   /* SCOPE_* or kind index */
	size_t n_reqs;
	struct requirement *reqs;
	instant_t *from_at, *to_at;  /* [horizon.days]: real instants */
	struct date_window dates;    /* its own from_date/until within its
	                                service's from/until: no demand on
	                                a day outside */
};

struct service {
	char *id;
	char *name;
	struct date_window dates;    /* from/until: its bands and skill-mix
	                                rules are in force only inside */
	size_t n_bands;
	struct band *bands;
};

struct shift {
	char *id;
	int service;
	int start_min, end_min;      /* wall clock */
	int break_minutes;
	int night;                   /* given, or derived by the 3-hour rule */
	instant_t *start_at, *end_at;/* [horizon.days]: real instants */
	unsigned char *forbid_next;  /* [n_shifts]: 1 where that shift may
	                                not be worked the day after this
	                                one; NULL: none (benchmarks) */
};

enum mix_type { MIX_RATIO, MIX_SENIOR };

struct skill_mix {
	enum mix_type type;
	int service;
	int scope;
	int role;
	double at_most;              /* ratio */
	int per;                     /* ratio: the other role */
	int min_band;                /* senior */
	int count;                   /* senior */
	unsigned days;               /* senior, and ratio if given */
	int from_min, to_min;        /* -1 when the rule has no window */
	instant_t *from_at, *to_at;  /* [horizon.days]: the window, or the
	                                whole local day when none is given */
	struct date_window dates;    /* its from_date/until within its
	                                service's from/until: in force only
	                                inside (scenario_mix_applies) */
};

/* Whether rule m applies on horizon day `day`: its days (read as a
 * band's, bank holidays included) and its dates. */
int scenario_mix_applies(const struct scenario *sc, const struct skill_mix *m,
			 int day);

/* Working-time rules, resolved per person (global, then overrides). */
struct rules {
	double min_rest_hours;
	double weekly_rest_hours;
	int weekly_rest_per_days;
	int max_days_in_a_row;
	int min_days_in_a_row;
	int min_days_off_in_a_row;
	int max_nights_in_a_row;
	double max_avg_weekly_hours;
	double hours_per_fte_week;
	double contract_tolerance_hours;
	int max_weekends;
	int weekend_window;          /* weekends max_weekends counts over;
	                                0: the whole horizon (benchmarks) */
	double min_total_hours;      /* hard bounds on paid hours over the */
	double max_total_hours;      /* horizon; < 0: none (benchmarks) */
	int *max_shifts;             /* [n_shifts]: limit, or -1 for none */
	int change_notice_days;      /* a change on a date less than this
	                                many days after --today (today
	                                included) is at short notice; 0:
	                                none */
};

/* A shift worked before the horizon (history). */
struct past_shift {
	int32_t date;                /* civil day */
	int shift;                   /* index in the scenario's shifts, or -1
	                                when it is no longer one (a night
	                                then is not known) */
	instant_t start, end;
};

/* How many days before the horizon the history reaches back at most,
 * and for which horizon.before holds local midnights: four weeks, the
 * longest weekly-rest window (per_days <= 28) and the default window of
 * four weekends. */
#define HISTORY_DAYS 28

struct leave {
	int from_day, to_day;        /* horizon day indexes, inclusive */
	char *kind;
};

/*
 * Who asked.  Re-rostering against a --previous rota (reference.h) adds
 * its costs as requests, so that every phase of the engine, which
 * already prices requests, prices them too; only REQUEST_STAFF ones are
 * the person's own and counted as such in the reports.
 */
enum request_kind {
	REQUEST_STAFF = 0,           /* staff[].requests */
	REQUEST_CHANGE,              /* keep the reference's day: costs
	                                weights.change when not kept */
	REQUEST_FIXED                /* work a pinned or frozen shift */
};

struct request {
	int day;                     /* horizon day index */
	int shift;                   /* shift index, or -1 for any shift */
	int on;                      /* 1: wants to work; 0: wants it off */
	double weight;
	int kind;                    /* enum request_kind */
	int nbhd;                    /* REQUEST_CHANGE "on" only: and in
	                                this neighbourhood (others: unread,
	                                any neighbourhood) */
};

/*
 * A pin (staff[].fixed) or a frozen day of the reference: on that day the
 * person works exactly that shift, or nothing.  Hard: the prepared
 * problem (problem.h) keeps no other choice for the day, and the shift
 * is priced as a REQUEST_FIXED request so far above anything else that
 * the engine always works it.
 */
struct fixed {
	int day;                     /* horizon day index */
	int shift;                   /* shift index, or -1: off */
	int nbhd, role;              /* the deployment, or -1 any */
	int frozen;                  /* 1: --freeze-until; 0: a pin */
};

struct staff {
	char *id;
	char *name;
	int role;
	int band;                    /* Agenda for Change band; 0 if none */
	double fte;
	int home;                    /* neighbourhood index */
	unsigned char *may_work;     /* [n_neighbourhoods]: 0/1 */
	unsigned char *allowed;      /* [n_shifts]: 0/1 */
	size_t n_leave;
	struct leave *leave;
	unsigned days_off_weekly;    /* DAYS_* bits */
	size_t n_requests;
	struct request *requests;
	size_t n_fixed;
	struct fixed *fixed;         /* sorted by day, one per day at most */
	struct rules rules;
	/* History: what the person worked before the horizon, from the
	 * scenario's `history` or a --previous rota that reaches the day
	 * before it (history.h); nothing without. */
	size_t n_past;
	struct past_shift *past;     /* sorted by date, one per date */
	int has_past;                /* the history covers past_from to the
	                                day before the horizon: a day there
	                                without a shift was off */
	int32_t past_from;           /* civil day, when has_past */
	/* Derived by history_derive: */
	instant_t history_rest_until;/* no shift may start before: the last
	                                shift's end plus min_rest_hours */
	int history_days;            /* days worked in a row up to day -1 */
	int history_open;            /* and as far back as the history goes:
	                                when that run began is not known */
	int history_nights;          /* nights worked in a row up to day -1 */
	int history_off;             /* days off in a row up to day -1 after
	                                a shift the history shows; 0 when
	                                day -1 was worked or none is shown */
	struct date_window post;     /* start/end: in post only inside
	                                (staff_in_post) */
};

/* Whether person st is in post on horizon day `day` (start/end). */
int staff_in_post(const struct scenario *sc, const struct staff *st,
		  int day);

/* The fixed entry of person st on horizon day `day`, or NULL. */
const struct fixed *staff_fixed(const struct staff *st, int day);

struct weights {
	double uncovered_hour;
	double over_cover_hour;
	double substitution_hour;    /* default also_covers penalty */
	double cross_cover_hour;
	double contract_under_hour;
	double request;
	double weekend_fairness;
	double unsocial_fairness;
	double change;               /* per assignment changed, added or
	                                removed against --previous */
	double short_notice_change;  /* on top of change, for a change
	                                within rules.change_notice_days of
	                                --today */
};

/*
 * Default weights.change: 2000, the price of two person-hours of missing
 * cover.  A change is made only when it buys more cover than that: a
 * sick nurse's 7.5-hour shift is worth one change (someone's day off
 * turned into that shift) or a swap of two; contract hours (5 an hour),
 * requests (1) and fairness (10 a weekend) never justify moving a
 * published shift on their own.
 */
#define WEIGHTS_DEFAULT_CHANGE 2000.0

/*
 * Default weights.short_notice_change: 4000 on top of weights.change, so
 * a change at short notice costs 6000, six person-hours of missing
 * cover.  One call-in still fills a lost 7.5-hour shift (7,500 of cover
 * for 6,000), but two short-notice changes (a swap, 12,000) never buy one
 * shift, and a change outside the notice (2,000) is always preferred:
 * notice is asked for because short-notice changes are what staff mind.
 */
#define WEIGHTS_DEFAULT_SHORT_NOTICE 4000.0

struct planning {
	double uplift_pct;
	double hours_per_fte_week;
	/* plan --until only (plan_time.h): demand grows and staff leave at
	 * these compound yearly rates from the horizon's start; a post is
	 * advertised this many weeks before it must be filled. */
	double demand_growth_pct_per_year;
	double attrition_pct_per_year;
	double recruitment_lead_weeks;
};

/*
 * Pay (an addition to the spec, README "Pay and cost"): rates per role
 * and/or band, on-costs, and unsocial-hours enhancements by local time.
 * Used only to report costs; nothing here enters the objective.
 */
struct pay_rate {
	int role;                    /* role index, or -1: any role */
	int band;                    /* band, or -1: any band */
	double hourly;               /* basic pay per paid hour */
};

struct pay_unsocial {
	unsigned bands;              /* bit b: applies to band b; 0: all */
	unsigned days;               /* DAYS_* bits of the local date's own
	                                weekday (not bank_holiday_pattern) */
	int bank_holidays;           /* 1: also on every bank holiday */
	int from_min, to_min;        /* wall clock; to <= from: next day */
	double pct;                  /* time plus pct% */
	instant_t *from_at, *to_at;  /* [horizon.days + 1]: real instants
	                                of the range on each local date */
};

struct pay {
	int given;                   /* the scenario has "pay" */
	double on_cost_pct;          /* employer's on-costs on all pay */
	size_t n_rates;
	struct pay_rate *rates;
	size_t n_unsocial;
	struct pay_unsocial *unsocial;
};

struct horizon {
	int32_t start;               /* civil day number of day 0 */
	int days;
	instant_t *day_start;        /* [days + 1]: local midnights */
	instant_t *before;           /* [HISTORY_DAYS]: before[i] is the
	                                local midnight of day -1-i (history);
	                                NULL when not computed */
};

/* Who publishes the calendars (RFC 5546 asks for an ORGANIZER on a
 * published event); both NULL when the scenario names nobody, name NULL
 * when it gives only the address. */
struct organiser {
	char *name;
	char *email;
};

struct scenario {
	char *name;
	char *timezone;
	char *source;                /* the file it was read from as given,
	                                "<stdin>" for -; NULL when built
	                                in memory */
	char digest[65];             /* SHA-256 of the bytes read, in hex
	                                (rota.json's made_from); "" when
	                                built in memory */
	struct organiser organiser;
	struct horizon horizon;
	int32_t *bank_holidays;      /* civil day numbers, sorted, unique */
	size_t n_bank_holidays;
	int bank_holiday_pattern;    /* 0..6 (mon..sun), or -1 for "none" */

	size_t n_neighbourhoods;
	struct neighbourhood *neighbourhoods;
	size_t n_kinds;
	struct group_kind *kinds;
	size_t n_roles;
	struct role *roles;
	size_t n_services;
	struct service *services;
	size_t n_shifts;
	struct shift *shifts;
	size_t n_mix;
	struct skill_mix *mix;
	struct rules rules;          /* scenario-wide defaults */
	struct planning planning;
	size_t n_staff;
	struct staff *staff;
	struct weights weights;
	struct pay pay;              /* all zero when not given */
	struct reference *reference; /* --previous (reference.h); NULL:
	                                none.  Owned. */
};

void scenario_init(struct scenario *sc);
void scenario_release(struct scenario *sc);
void scenario_free(struct scenario *sc);

/* Fills r with the defaults of the spec's rules table; max_shifts NULL. */
void rules_defaults(struct rules *r);
void weights_defaults(struct weights *w);

/* Index lookups by id; -1 when absent. */
int scenario_find_role(const struct scenario *sc, const char *id);
int scenario_find_service(const struct scenario *sc, const char *id);
int scenario_find_shift(const struct scenario *sc, const char *id);
int scenario_find_neighbourhood(const struct scenario *sc, const char *id);
int scenario_find_kind(const struct scenario *sc, const char *id);
int scenario_find_staff(const struct scenario *sc, const char *id);

/* Civil day number of horizon day `day`. */
int32_t scenario_date(const struct scenario *sc, int day);
int scenario_is_bank_holiday(const struct scenario *sc, int day);
/*
 * The day of the week whose pattern applies on horizon day `day`: its own,
 * or bank_holiday_pattern on a bank holiday.  Bands and skill-mix rules
 * read their `days` against this.
 */
int scenario_pattern_weekday(const struct scenario *sc, int day);

/* Number of units of a scope: neighbourhoods, groups of a kind, or 1. */
size_t scenario_units(const struct scenario *sc, int scope);
/* Id of unit `unit` of a scope ("borough" for the borough). */
const char *scenario_unit_id(const struct scenario *sc, int scope, size_t unit);
/* Unit of `scope` holding neighbourhood n, or -1 if none. */
int scenario_unit_of(const struct scenario *sc, int scope, int n);
/* Weighted population of a unit. */
double scenario_unit_population(const struct scenario *sc, int scope,
				size_t unit);
/* "neighbourhood", "borough" or the kind's id. */
const char *scenario_scope_name(const struct scenario *sc, int scope);

/* Paid hours of shift s started on horizon day `day` (real instants). */
double scenario_paid_hours(const struct scenario *sc, int s, int day);

#endif
