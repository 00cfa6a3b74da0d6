#!/usr/bin/python3
"""Independent checker for a rota7 `rota.json` against its scenario.

Usage: check_rota.py SCENARIO.json ROTA.json [--quiet]

Everything is recomputed from first principles from the two JSON files
(spec/scenario.md and spec/outputs.md); no project code is imported or reused.
Python 3.9+ standard library only (zoneinfo for the time zone rules).

Exit status: 0 if every check passes, 1 if any fails (one line per violation,
prefixed "violation: "), 2 if a file cannot be read or the scenario itself is
malformed. The last line is always "N checks passed, M failed".

All times are handled as integer POSIX seconds ("instants"). Local wall-clock
times are turned into instants with RFC 5545 3.3.5 semantics: a time that
does not exist (spring-forward gap) is read with the UTC offset in force
before the gap; a repeated time (autumn) is its first occurrence.
"""

import argparse
import calendar
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from fractions import Fraction
from zoneinfo import ZoneInfo

DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_SETS = {
    "daily": set(range(7)),
    "weekday": {0, 1, 2, 3, 4},
    "weekend": {5, 6},
}
for _i, _n in enumerate(DAY_NAMES):
    DAY_SETS[_n] = {_i}

DEFAULT_RULES = {
    "min_rest_hours": 11,
    "weekly_rest": {"hours": 24, "per_days": 7},
    "max_days_in_a_row": 6,
    "min_days_in_a_row": 1,
    "min_days_off_in_a_row": 1,
    "max_nights_in_a_row": 4,
    "max_avg_weekly_hours": 48,
    "hours_per_fte_week": 37.5,
    "contract_tolerance_hours": 7.5,
    "max_weekends": 2,
    "max_shifts": {},
}

BOROUGH_UNIT = "borough"  # the id of the single unit of the borough scope
EPS = 1e-6
HHMM = re.compile(r"^([0-9]{2}):([0-9]{2})$")


class ScenarioError(Exception):
    """The scenario cannot be interpreted (not a rota violation)."""


# ---------------------------------------------------------------- time


def parse_hhmm(s, what, allow_24=True):
    """'HH:MM' -> minutes after local midnight (24:00 -> 1440)."""
    if not isinstance(s, str):
        raise ValueError("%s: expected \"HH:MM\", got %r" % (what, s))
    m = HHMM.match(s)
    if not m:
        raise ValueError("%s: expected \"HH:MM\", got %r" % (what, s))
    h, mi = int(m.group(1)), int(m.group(2))
    if mi > 59 or h > 24 or (h == 24 and (mi != 0 or not allow_24)):
        raise ValueError("%s: invalid time %r" % (what, s))
    return h * 60 + mi


def parse_date(s, what):
    if not isinstance(s, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", s):
        raise ValueError("%s: expected a date YYYY-MM-DD, got %r" % (what, s))
    return dt.date.fromisoformat(s)


class Clock:
    """Local wall clock <-> instants (integer POSIX seconds) in one zone."""

    def __init__(self, tzname):
        self.name = tzname
        self.tz = ZoneInfo(tzname)
        self._cache = {}

    def instant(self, date, minutes):
        """Instant of local `date` at `minutes` after its wall-clock midnight.

        minutes may be >= 1440 (then it is that wall time on a later date).
        Nonexistent times use the offset before the gap; ambiguous times are
        their first occurrence.
        """
        date = date + dt.timedelta(days=minutes // 1440)
        minutes %= 1440
        key = (date, minutes)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        naive = dt.datetime(date.year, date.month, date.day,
                            minutes // 60, minutes % 60)
        offsets = {naive.replace(tzinfo=self.tz, fold=f).utcoffset()
                   for f in (0, 1)}
        candidates = []
        for off in offsets:
            utc = (naive - off).replace(tzinfo=dt.timezone.utc)
            if utc.astimezone(self.tz).replace(tzinfo=None) == naive:
                candidates.append(utc)
        if candidates:
            t = min(candidates)          # first occurrence
        else:
            # In a gap: the offset in force before the gap is the smaller one
            # (a gap only opens when the offset increases).
            t = (naive - min(offsets)).replace(tzinfo=dt.timezone.utc)
        val = int(t.timestamp())
        self._cache[key] = val
        return val

    def span(self, date, from_min, to_min):
        """A wall-clock range on `date`; an end not after the start is on the
        next day. Returns (start, end) instants."""
        s = self.instant(date, from_min)
        if to_min > from_min:
            e = self.instant(date, to_min)
        else:
            e = self.instant(date + dt.timedelta(days=1), to_min)
        return s, e

    def local(self, t):
        return dt.datetime.fromtimestamp(t, self.tz)

    def fmt(self, t):
        d = self.local(t)
        off = d.utcoffset()
        sign = "-" if off < dt.timedelta(0) else "+"
        off = abs(off)
        return "%s %02d:%02d%s%02d:%02d" % (
            d.date().isoformat(), d.hour, d.minute, sign,
            off.seconds // 3600, off.seconds % 3600 // 60)

    def midnight(self, date):
        return self.instant(date, 0)


def hours(sec):
    return sec / 3600.0


# ---------------------------------------------------------------- scenario


def _req(obj, key, where):
    if not isinstance(obj, dict) or key not in obj:
        raise ScenarioError("%s: missing %r" % (where, key))
    return obj[key]


def _days_set(days, where):
    if days is None:
        days = ["daily"]
    if isinstance(days, str):
        days = [days]
    out = set()
    for d in days:
        if d not in DAY_SETS:
            raise ScenarioError("%s: unknown day %r" % (where, d))
        out |= DAY_SETS[d]
    return out


def night_by_wall_clock(start_min, end_min):
    """True when the wall-clock range covers >= 3 h between 23:00 and 06:00."""
    e = end_min if end_min > start_min else end_min + 1440
    total = 0
    for ws, we in ((-60, 360), (1380, 1800), (2820, 3240)):
        total += max(0, min(e, we) - max(start_min, ws))
    return total >= 180


class Scenario:
    def __init__(self, d):
        if not isinstance(d, dict):
            raise ScenarioError("scenario: top level must be an object")
        if d.get("rota7") != 1:
            raise ScenarioError("scenario: rota7 must be 1")
        self.raw = d
        self.name = d.get("name", "")
        try:
            self.clock = Clock(d.get("timezone", "Europe/London"))
        except Exception as exc:  # ZoneInfoNotFoundError, ValueError
            raise ScenarioError("scenario: bad timezone: %s" % exc)
        self._horizon(_req(d, "horizon", "scenario"))
        self.bank_holidays = set()
        for i, b in enumerate(d.get("bank_holidays", [])):
            self.bank_holidays.add(self._date(b, "bank_holidays[%d]" % i))
        pat = d.get("bank_holiday_pattern", "sun")
        if pat != "none" and pat not in DAY_NAMES:
            raise ScenarioError("bank_holiday_pattern: %r" % pat)
        self.bh_pattern = None if pat == "none" else DAY_NAMES.index(pat)
        self._places(d)
        self._roles(d)
        self._shifts(d)
        self._services(d)
        self.skill_mix = list(d.get("skill_mix", []))
        self.global_rules = d.get("rules", {}) or {}
        self._staff(d)
        self._history(d)

    # -- helpers
    def _date(self, s, where):
        try:
            return parse_date(s, where)
        except ValueError as exc:
            raise ScenarioError(str(exc))

    def _hhmm(self, s, where):
        try:
            return parse_hhmm(s, where)
        except ValueError as exc:
            raise ScenarioError(str(exc))

    def _horizon(self, h):
        if "month" in h:
            m = re.match(r"^(\d{4})-(\d{2})$", str(h["month"]))
            if not m:
                raise ScenarioError("horizon.month: %r" % h["month"])
            y, mo = int(m.group(1)), int(m.group(2))
            self.start = dt.date(y, mo, 1)
            self.days = calendar.monthrange(y, mo)[1]
        else:
            self.start = self._date(_req(h, "start", "horizon"), "horizon.start")
            self.days = _req(h, "days", "horizon")
        if not isinstance(self.days, int) or not 1 <= self.days <= 366:
            raise ScenarioError("horizon: days must be 1..366")
        self.dates = [self.start + dt.timedelta(days=i) for i in range(self.days)]
        self.end = self.dates[-1]
        self.date_index = {d: i for i, d in enumerate(self.dates)}

    def _places(self, d):
        self.nbhds = []
        self.pop = {}
        for i, n in enumerate(_req(d, "neighbourhoods", "scenario")):
            nid = _req(n, "id", "neighbourhoods[%d]" % i)
            self.nbhds.append(nid)
            self.pop[nid] = Fraction(str(n.get("weighted_population", 0)))
        self.groups = {}
        for kind, gs in (d.get("groups", {}) or {}).items():
            if kind.startswith("x-"):
                continue
            self.groups[kind] = [(g, list(m)) for g, m in gs.items()
                                 if not g.startswith("x-")]
            for g, m in self.groups[kind]:
                for n in m:
                    if n not in self.pop:
                        raise ScenarioError("groups.%s.%s: unknown neighbourhood %r"
                                            % (kind, g, n))

    def units(self, kind):
        """[(unit id, set of neighbourhoods, weighted population)] in order."""
        if kind == "neighbourhood":
            return [(n, {n}, self.pop[n]) for n in self.nbhds]
        if kind == "borough":
            return [(BOROUGH_UNIT, set(self.nbhds), sum(self.pop.values(), Fraction(0)))]
        if kind in self.groups:
            return [(g, set(m), sum((self.pop[n] for n in m), Fraction(0)))
                    for g, m in self.groups[kind]]
        raise ScenarioError("unknown scope %r" % kind)

    def units_containing(self, kind, nbhd):
        return [u for u, members, _ in self.units(kind) if nbhd in members]

    def _roles(self, d):
        self.roles = {}
        for i, r in enumerate(_req(d, "roles", "scenario")):
            rid = _req(r, "id", "roles[%d]" % i)
            covers = set()
            for c in r.get("also_covers", []) or []:
                covers.add(c["role"] if isinstance(c, dict) else c)
            self.roles[rid] = covers

    def _shifts(self, d):
        self.shifts = {}
        self.shift_order = []
        for i, s in enumerate(d.get("shifts", [])):
            where = "shifts[%d]" % i
            sid = _req(s, "id", where)
            st = self._hhmm(_req(s, "start", where), where + ".start")
            en = self._hhmm(_req(s, "end", where), where + ".end")
            night = s.get("night")
            if night is None:
                night = night_by_wall_clock(st, en)
            self.shifts[sid] = {
                "id": sid, "service": _req(s, "service", where),
                "start": st, "end": en,
                "break": s.get("break_minutes", 0) or 0,
                "night": bool(night),
            }
            self.shift_order.append(sid)

    def _history(self, d):
        """The days before the horizon (rota7's addition "history"):
        self.history_from (the first day known, or None) and per person
        the shifts worked, as the work entries of a rota."""
        self.history_from = None
        self.history = defaultdict(list)
        h = d.get("history")
        if h is None:
            return
        entries = h.get("shifts", []) or []
        dates = []
        for i, e in enumerate(entries):
            where = "history.shifts[%d]" % i
            date = self._date(_req(e, "date", where), where + ".date")
            sid, pid = _req(e, "shift", where), _req(e, "staff", where)
            if sid not in self.shifts or pid not in self.staff:
                raise ScenarioError("%s: unknown shift or staff" % where)
            st, en = self.shift_span(sid, date)
            self.history[pid].append({"date": date, "shift": sid, "start": st,
                                      "end": en, "night": self.shifts[sid]["night"]})
            dates.append(date)
        if "from" in h:
            self.history_from = self._date(h["from"], "history.from")
        elif dates:
            self.history_from = min(dates)
        else:
            self.history_from = self.start - dt.timedelta(days=1)

    def shift_span(self, sid, date):
        sh = self.shifts[sid]
        return self.clock.span(date, sh["start"], sh["end"])

    def _opt_date(self, obj, key, where):
        return self._date(obj[key], where + "." + key) if key in obj else None

    def _services(self, d):
        self.services = {}
        self.service_span = {}
        for i, sv in enumerate(_req(d, "services", "scenario")):
            where = "services[%d]" % i
            sid = _req(sv, "id", where)
            bands = []
            # Additions (plan over time): a service's from/until and a
            # band's from_date/until, both inclusive; no demand outside.
            sv_first = self._opt_date(sv, "from", where)
            sv_last = self._opt_date(sv, "until", where)
            self.service_span[sid] = (sv_first, sv_last)
            for j, b in enumerate(sv.get("bands", [])):
                bw = "%s.bands[%d]" % (where, j)
                firsts = [x for x in (sv_first, self._opt_date(b, "from_date", bw)) if x]
                lasts = [x for x in (sv_last, self._opt_date(b, "until", bw)) if x]
                band = {
                    "first": max(firsts) if firsts else None,
                    "last": min(lasts) if lasts else None,
                    "label": b.get("label", "band %d" % j),
                    "days": _days_set(b.get("days"), bw + ".days"),
                    "from": self._hhmm(_req(b, "from", bw), bw + ".from"),
                    "to": self._hhmm(_req(b, "to", bw), bw + ".to"),
                    "scope": b.get("scope", "neighbourhood"),
                    "require": list(b.get("require", [])),
                }
                self.units(band["scope"])  # validates the scope
                bands.append(band)
            self.services[sid] = bands

    def _staff(self, d):
        self.staff = {}
        self.staff_order = []
        for i, p in enumerate(d.get("staff", [])):
            where = "staff[%d]" % i
            pid = _req(p, "id", where)
            role = _req(p, "role", where)
            if role not in self.roles:
                raise ScenarioError("%s.role: unknown role %r" % (where, role))
            home = _req(p, "neighbourhood", where)
            if home not in self.pop:
                raise ScenarioError("%s.neighbourhood: unknown %r" % (where, home))
            person = {
                "id": pid, "name": p.get("name", pid), "role": role,
                "band": p.get("band", 0), "fte": p.get("fte", 1.0),
                "home": home,
                "can_fill": {role} | self.roles[role],
            }
            person["may_work_in"] = self._may_work_in(p.get("may_work_in", "neighbourhood"), home, where)
            if "shifts" in p:
                person["shifts"] = set(p["shifts"])
            else:
                person["shifts"] = self._default_shifts(person["can_fill"])
            leave = set()
            for k, lv in enumerate(p.get("leave", []) or []):
                a = self._date(_req(lv, "from", where), "%s.leave[%d].from" % (where, k))
                b = self._date(lv.get("to", lv["from"]), "%s.leave[%d].to" % (where, k))
                x = a
                while x <= b:
                    leave.add(x)
                    x += dt.timedelta(days=1)
            person["leave"] = leave
            # Addition: in post from start to end, both inclusive.
            person["start"] = self._opt_date(p, "start", where)
            person["end"] = self._opt_date(p, "end", where)
            dow = set()
            for w in p.get("days_off_weekly", []) or []:
                if w not in DAY_NAMES:
                    raise ScenarioError("%s.days_off_weekly: %r" % (where, w))
                dow.add(DAY_NAMES.index(w))
            person["days_off_weekly"] = dow
            reqs = []
            for k, q in enumerate(p.get("requests", []) or []):
                q = dict(q)
                q["_date"] = self._date(_req(q, "date", where), "%s.requests[%d].date" % (where, k))
                reqs.append(q)
            person["requests"] = reqs
            # staff[].fixed (scenario.md, Additions 2026-12): pins, hard
            pins = {}
            for k, q in enumerate(p.get("fixed", []) or []):
                d = self._date(_req(q, "date", where), "%s.fixed[%d].date" % (where, k))
                pins[d] = None if q.get("off") is True else q.get("shift")
            person["fixed"] = pins
            person["rules"] = self._rules_for(p.get("rules", {}) or {})
            self.staff[pid] = person
            self.staff_order.append(pid)

    def _may_work_in(self, mw, home, where):
        if isinstance(mw, list):
            allowed = set(mw) | {home}
        elif mw == "neighbourhood":
            allowed = {home}
        elif mw == "borough":
            allowed = set(self.nbhds)
        elif mw in self.groups:
            allowed = {home}
            for _g, members in self.groups[mw]:
                if home in members:
                    allowed |= set(members)
        else:
            raise ScenarioError("%s.may_work_in: unknown %r" % (where, mw))
        return allowed

    def _default_shifts(self, can_fill):
        svcs = set()
        for sid, bands in self.services.items():
            for b in bands:
                if any(r.get("role") in can_fill for r in b["require"]):
                    svcs.add(sid)
        return {s for s, sh in self.shifts.items() if sh["service"] in svcs}

    def _rules_for(self, own):
        r = {}
        for k, v in DEFAULT_RULES.items():
            r[k] = dict(v) if isinstance(v, dict) else v
        for src in (self.global_rules, own):
            for k, v in src.items():
                if k.startswith("x-"):
                    continue
                if k in ("weekly_rest", "max_shifts") and isinstance(v, dict):
                    r[k] = dict(r.get(k) or {})
                    r[k].update(v)
                else:
                    r[k] = v
        return r

    # -- calendar
    def pattern_dow(self, date):
        """Day of week used by offer tables and skill-mix days."""
        if date in self.bank_holidays and self.bh_pattern is not None:
            return self.bh_pattern
        return date.weekday()

    def in_post(self, p, d):
        return (p["start"] is None or d >= p["start"]) and \
            (p["end"] is None or d <= p["end"])

    def windows(self, days_set, from_min, to_min, first=None, last=None):
        """Instant ranges of a (days, from, to) band over the horizon dates,
        on dates from first to last (None: open)."""
        out = []
        for d in self.dates:
            if (first and d < first) or (last and d > last):
                continue
            if self.pattern_dow(d) in days_set:
                if from_min is None:
                    out.append((self.clock.midnight(d),
                                self.clock.midnight(d + dt.timedelta(days=1))))
                else:
                    a, z = self.clock.span(d, from_min, to_min)
                    # A band whose real length is zero or less (its start
                    # in a spring-forward gap) does not occur that day.
                    if z > a:
                        out.append((a, z))
        return out

    # -- demand
    def requirement_counts(self, req, kind, where):
        """{unit: head-count} for one requirement in a scope kind."""
        units = self.units(kind)
        given = [k for k in ("count", "total", "per_100k") if k in req]
        if len(given) != 1:
            raise ScenarioError("%s: exactly one of count/total/per_100k" % where)
        mn = int(req.get("min", 0) or 0)
        out = {}
        if "count" in req:
            for u, _m, _w in units:
                out[u] = max(int(req["count"]), mn)
        elif "per_100k" in req:
            rate = Fraction(str(req["per_100k"]))
            for u, _m, w in units:
                x = rate * w / 100000
                out[u] = max(int((x + Fraction(1, 2)) // 1), mn)   # half up
        else:
            total = int(req["total"])
            wsum = sum((w for _u, _m, w in units), Fraction(0))
            quotas = []
            for idx, (u, _m, w) in enumerate(units):
                q = Fraction(total) * w / wsum if wsum else Fraction(0)
                quotas.append((u, q, w, idx))
            share = {u: int(q // 1) for u, q, _w, _i in quotas}
            left = total - sum(share.values())
            order = sorted(quotas, key=lambda t: (-(t[1] - (t[1] // 1)), -t[2], t[3]))
            for u, _q, _w, _i in order[:max(0, left)]:
                share[u] += 1
            for u in share:
                out[u] = max(share[u], mn)
        return out


# ---------------------------------------------------------------- sweeps


def sweep(*event_maps):
    """Elementary intervals of several step functions given as event maps
    {instant: delta}. Yields (t0, t1, [value of each function])."""
    ts = sorted(set().union(*[set(m) for m in event_maps]))
    cur = [0] * len(event_maps)
    out = []
    for i in range(len(ts) - 1):
        t = ts[i]
        for k, m in enumerate(event_maps):
            cur[k] += m.get(t, 0)
        out.append((t, ts[i + 1], list(cur)))
    return out


def add_event(m, s, e, v=1):
    if e <= s or v == 0:
        return
    m[s] = m.get(s, 0) + v
    m[e] = m.get(e, 0) - v


def runs(pieces, keyfn):
    """Merge consecutive touching pieces with the same key."""
    out = []
    for t0, t1, val in pieces:
        k = keyfn(val)
        if out and out[-1][1] == t0 and out[-1][2] == k:
            out[-1][1] = t1
        else:
            out.append([t0, t1, k])
    return out


# ---------------------------------------------------------------- checker


class Result:
    def __init__(self):
        self.passed = 0
        self.violations = []   # (tag, message)
        self.info = []

    def check(self, ok, tag, msg):
        if ok:
            self.passed += 1
        else:
            self.violations.append((tag, msg))
        return ok

    def fail(self, tag, msg):
        self.violations.append((tag, msg))

    def note(self, msg):
        self.info.append(msg)

    @property
    def failed(self):
        return len(self.violations)

    def tags(self):
        return {t for t, _m in self.violations}


def parse_iso_instant(s):
    """ISO 8601 with offset -> (instant seconds, utcoffset) or None."""
    if not isinstance(s, str):
        return None
    try:
        x = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    if x.tzinfo is None:
        return None
    return int(x.timestamp()), x.utcoffset()


def approx(a, b, tol=0.01):
    try:
        return abs(float(a) - float(b)) <= tol + 1e-9
    except (TypeError, ValueError):
        return False


class Checker:
    def __init__(self, scenario, rota):
        self.sc = scenario if isinstance(scenario, Scenario) else Scenario(scenario)
        self.rota = rota if isinstance(rota, dict) else {}
        self.r = Result()
        self.clock = self.sc.clock

    def run(self):
        self.check_header()
        self.check_assignments()
        self.check_person_rules()
        self.check_skill_mix()
        self.check_coverage()
        self.check_summary()
        return self.r

    # -------------------------------------------------- header
    def check_header(self):
        r, sc, rota = self.r, self.sc, self.rota
        r.check(isinstance(self.rota, dict), "header", "rota.json is not an object")
        r.check(rota.get("rota7") == 1, "header", "rota.json: rota7 is %r, expected 1" % rota.get("rota7"))
        h = rota.get("horizon")
        if r.check(isinstance(h, dict), "header", "rota.json: horizon missing"):
            r.check(h.get("start") == sc.start.isoformat(), "header",
                    "horizon.start %r, scenario starts %s" % (h.get("start"), sc.start))
            r.check(h.get("days") == sc.days, "header",
                    "horizon.days %r, scenario has %d" % (h.get("days"), sc.days))
            if "timezone" in h:
                r.check(h["timezone"] == sc.clock.name, "header",
                        "horizon.timezone %r, scenario %r" % (h["timezone"], sc.clock.name))
        r.check(rota.get("status") in ("optimal", "feasible"), "header",
                "status %r is not optimal or feasible" % rota.get("status"))
        for k in ("assignments", "uncovered", "staff_summary"):
            r.check(isinstance(rota.get(k), list), "header", "rota.json: %s missing or not a list" % k)

    # -------------------------------------------------- assignments
    def check_assignments(self):
        """Validate each assignment; keep the usable ones in self.work as
        dicts with recomputed instants (from the scenario, not the file)."""
        r, sc = self.r, self.sc
        self.work = []
        for i, a in enumerate(self.rota.get("assignments") or []):
            where = "assignments[%d]" % i
            if not isinstance(a, dict):
                r.fail("assignment", "%s is not an object" % where)
                continue
            pid = a.get("staff")
            who = "%s (%s %s %s)" % (where, pid, a.get("date"), a.get("shift"))
            person = sc.staff.get(pid)
            if not r.check(person is not None, "unknown_staff", "%s: no staff %r" % (who, pid)):
                continue
            try:
                date = parse_date(a.get("date"), where + ".date")
            except ValueError as exc:
                r.fail("date", "%s: %s" % (who, exc))
                continue
            r.check(date in sc.date_index, "date",
                    "%s: date %s outside the horizon %s..%s" % (who, date, sc.start, sc.end))
            sid = a.get("shift")
            sh = sc.shifts.get(sid)
            if not r.check(sh is not None, "unknown_shift", "%s: no shift %r" % (who, sid)):
                continue
            r.check(sid in person["shifts"], "shift_not_allowed",
                    "%s: shift %s is not one of %s's shifts %s" % (who, sid, pid, sorted(person["shifts"])))
            r.check(a.get("service") == sh["service"], "service",
                    "%s: service %r, shift %s belongs to %r" % (who, a.get("service"), sid, sh["service"]))
            nb = a.get("neighbourhood")
            r.check(nb in sc.pop, "may_work_in", "%s: unknown neighbourhood %r" % (who, nb))
            r.check(nb in person["may_work_in"], "may_work_in",
                    "%s: %s may not work in %r (allowed %s)" % (who, pid, nb, sorted(person["may_work_in"])))
            role = a.get("role")
            r.check(role in person["can_fill"], "role",
                    "%s: role %r is not %s's role %s or one it covers %s"
                    % (who, role, pid, person["role"], sorted(sc.roles[person["role"]])))
            s, e = sc.shift_span(sid, date)
            for key, want in (("start", s), ("end", e)):
                got = parse_iso_instant(a.get(key))
                if not r.check(got is not None, "start_end",
                               "%s: %s %r is not an ISO date-time with offset" % (who, key, a.get(key))):
                    continue
                t, off = got
                if not r.check(t == want, "start_end", "%s: %s %s, the shift %s at %s" % (
                        who, key, a.get(key), key, self.clock.fmt(want))):
                    continue   # the offset is judged only on the right instant
                r.check(off == self.clock.local(t).utcoffset(), "offset",
                        "%s: %s %s shows offset %s, local offset at that instant is %s" % (
                            who, key, a.get(key), off, self.clock.local(t).utcoffset()))
            paid = hours(e - s) - sh["break"] / 60.0
            r.check(paid > 0, "shift_occurs",
                    "%s: shift %s does not occur on %s: %.2f h on real instants, "
                    "%d min break" % (who, sid, date, hours(e - s), sh["break"]))
            r.check(approx(a.get("paid_hours"), paid), "paid_hours",
                    "%s: paid_hours %r, expected %.2f (%.2f h on real instants less %d min break)"
                    % (who, a.get("paid_hours"), paid, hours(e - s), sh["break"]))
            self.work.append({
                "i": i, "staff": pid, "date": date, "shift": sid,
                "service": sh["service"], "nbhd": nb, "role": role,
                "start": s, "end": e, "paid": paid,
                "paid_reported": a.get("paid_hours"),
                "night": sh["night"],
            })

    # -------------------------------------------------- per-person rules
    def check_person_rules(self):
        sc = self.sc
        by_person = defaultdict(list)
        for w in self.work:
            by_person[w["staff"]].append(w)
        self.by_person = by_person
        for pid in sc.staff_order:
            self._person(sc.staff[pid], sorted(by_person.get(pid, []), key=lambda w: (w["start"], w["end"])))

    def _person(self, p, ws):
        r, sc, clock = self.r, self.sc, self.clock
        pid, rules = p["id"], p["rules"]
        inh = [w for w in ws if w["date"] in sc.date_index]

        # at most one shift starting per date
        per_date = defaultdict(list)
        for w in ws:
            per_date[w["date"]].append(w["shift"])
        for d in sorted(per_date):
            r.check(len(per_date[d]) <= 1, "one_shift_per_date",
                    "%s: %d shifts start on %s (%s)" % (pid, len(per_date[d]), d, ", ".join(per_date[d])))

        # leave and weekly days off (by the date the shift starts)
        for w in ws:
            r.check(sc.in_post(p, w["date"]), "in_post",
                    "%s: works %s on %s, outside start/end" % (pid, w["shift"], w["date"]))
            r.check(w["date"] not in p["leave"], "leave",
                    "%s: works %s on %s, a leave date" % (pid, w["shift"], w["date"]))
            r.check(w["date"].weekday() not in p["days_off_weekly"], "days_off_weekly",
                    "%s: works %s on %s, a weekly day off (%s)" % (
                        pid, w["shift"], w["date"], DAY_NAMES[w["date"].weekday()]))

        # pins: that shift on that date, or nothing
        for d, want in sorted(p.get("fixed", {}).items()):
            if d not in sc.date_index:
                continue
            got = per_date.get(d, [])
            r.check(got == ([want] if want else []), "fixed",
                    "%s: pinned to %s on %s, works %s" % (
                        pid, want or "a day off", d, ", ".join(got) or "nothing"))

        # minimum rest between the end of a shift and the start of the
        # next, the shifts of the history before the horizon's first
        past = sorted(sc.history.get(pid, []), key=lambda w: (w["start"], w["end"]))
        known_from = sc.history_from
        min_rest = float(rules["min_rest_hours"]) * 3600
        prev = None
        for w in past + ws:
            if prev is not None:
                gap = w["start"] - prev["end"]
                r.check(gap >= min_rest - EPS, "min_rest_hours",
                        "%s: %.2f h rest between %s on %s (ends %s) and %s on %s (starts %s), minimum %g h"
                        % (pid, hours(gap), prev["shift"], prev["date"], clock.fmt(prev["end"]),
                           w["shift"], w["date"], clock.fmt(w["start"]), rules["min_rest_hours"]))
            if prev is None or w["end"] > prev["end"]:
                prev = w

        # weekly rest inside every window of per_days days
        wr = rules["weekly_rest"] or {}
        wr_h, wr_d = float(wr.get("hours", 24)), int(wr.get("per_days", 7))
        if wr_d > sc.days and wr_h > 0:
            r.note("%s: weekly_rest not checked: the horizon (%d days) is shorter than one window (%d days)"
                   % (pid, sc.days, wr_d))
        def longest(day0, shifts):
            a = clock.midnight(day0)
            b = clock.midnight(day0 + dt.timedelta(days=wr_d))
            cur, best = a, 0
            for w in shifts:
                s, e = max(w["start"], a), min(w["end"], b)
                if e <= a or s >= b:
                    continue
                best = max(best, s - cur)
                cur = max(cur, e)
            return max(best, b - cur)

        if wr_d <= sc.days and wr_h > 0:
            # windows that begin in the history's days too; one that the
            # history alone breaks (every horizon day off) is the past's
            first = 0
            if known_from is not None:
                first = max(-(wr_d - 1), (known_from - sc.start).days)
            for w0 in range(first, sc.days - wr_d + 1):
                day0 = sc.start + dt.timedelta(days=w0)
                best = longest(day0, past + ws)
                if w0 < 0 and longest(day0, past) < wr_h * 3600 - EPS:
                    continue
                r.check(best >= wr_h * 3600 - EPS, "weekly_rest",
                        "%s: longest unbroken rest in the %d days from %s is %.2f h, needs %g h"
                        % (pid, wr_d, day0, hours(best), wr_h))

        # runs of working days / days off / nights, over the history's
        # days and the horizon (index 0: the first day known).  A run
        # that touches the first day known or the horizon's end is not
        # judged for its minimum, nor one wholly before the horizon.
        pre = (sc.start - known_from).days if known_from is not None else 0
        n_all = pre + sc.days
        worked = [False] * n_all
        night = [False] * n_all
        for w in [x for x in past if x["date"] >= sc.start - dt.timedelta(days=pre)] + inh:
            k = (w["date"] - sc.start).days + pre
            worked[k] = True
            if w["night"]:
                night[k] = True

        def day(k):
            return sc.start + dt.timedelta(days=k - pre)

        def runs_of(flags, value):
            out, i = [], 0
            while i < len(flags):
                if flags[i] == value:
                    j = i
                    while j + 1 < len(flags) and flags[j + 1] == value:
                        j += 1
                    out.append((i, j))
                    i = j + 1
                else:
                    i += 1
            return out

        last = n_all - 1
        for i, j in runs_of(worked, True):
            n = j - i + 1
            if j < pre:
                continue
            r.check(n <= rules["max_days_in_a_row"], "max_days_in_a_row",
                    "%s: %d days in a row %s..%s, maximum %s" % (pid, n, day(i), day(j), rules["max_days_in_a_row"]))
            if i > 0 and j < last:
                r.check(n >= rules["min_days_in_a_row"], "min_days_in_a_row",
                        "%s: working run of %d day(s) %s..%s, minimum %s" % (pid, n, day(i), day(j), rules["min_days_in_a_row"]))
        for i, j in runs_of(worked, False):
            n = j - i + 1
            if i > 0 and j < last and j >= pre:
                r.check(n >= rules["min_days_off_in_a_row"], "min_days_off_in_a_row",
                        "%s: run of %d day(s) off %s..%s, minimum %s" % (pid, n, day(i), day(j), rules["min_days_off_in_a_row"]))
        for i, j in runs_of(night, True):
            n = j - i + 1
            if j < pre:
                continue
            r.check(n <= rules["max_nights_in_a_row"], "max_nights_in_a_row",
                    "%s: %d nights in a row %s..%s, maximum %s" % (pid, n, day(i), day(j), rules["max_nights_in_a_row"]))

        # hours
        total = sum(w["paid"] for w in ws)
        avg = total / (sc.days / 7.0)
        r.check(avg <= float(rules["max_avg_weekly_hours"]) + EPS, "max_avg_weekly_hours",
                "%s: %.2f paid hours over %d days = %.2f h/week, maximum %s"
                % (pid, total, sc.days, avg, rules["max_avg_weekly_hours"]))
        target = self.target(p)
        tol = float(rules["contract_tolerance_hours"])
        r.check(total <= target + tol + EPS, "contract",
                "%s: %.2f paid hours, contract target %.2f + tolerance %g = %.2f"
                % (pid, total, target, tol, target + tol))

        # weekends, over windows of four that may begin in the history's
        # weekends (known from their Saturday); one that the history
        # alone puts over the limit is the past's
        past_we = self.weekends_worked(past)
        for win in self.weekend_windows(known_from):
            worked_we = [k for k in win if k in self.weekends_worked(inh) or k in past_we]
            if len([k for k in win if k in past_we]) > rules["max_weekends"]:
                continue
            r.check(len(worked_we) <= rules["max_weekends"], "max_weekends",
                    "%s: works %d of the weekends %s, maximum %s" % (
                        pid, len(worked_we), ", ".join(str(k) for k in win), rules["max_weekends"]))

        # max shifts per type
        for key, most in (rules.get("max_shifts") or {}).items():
            if key.startswith("x-"):
                continue
            if key in sc.shifts:
                n = sum(1 for w in inh if w["shift"] == key)
                what = "shift %s" % key
            elif key == "night":
                n = sum(1 for w in inh if w["night"])
                what = "night shifts"
            else:
                raise ScenarioError("rules.max_shifts: unknown shift %r" % key)
            r.check(n <= most, "max_shifts", "%s: %d x %s, maximum %s" % (pid, n, what, most))

    def target(self, p):
        sc = self.sc
        h = float(p["rules"]["hours_per_fte_week"])
        fte = float(p["fte"])
        # Out of post (start/end): pro rata to the days in post; leave
        # counts only on days in post.
        days = sum(1 for d in sc.dates if sc.in_post(p, d))
        weekday_leave = sum(1 for d in p["leave"] if d in sc.date_index and d.weekday() < 5
                            and sc.in_post(p, d))
        return max(0.0, fte * h * days / 7.0 - fte * h / 5.0 * weekday_leave)

    def weekend_keys(self):
        """Weekends of the horizon (keyed by their Saturday), in order."""
        keys = []
        for d in self.sc.dates:
            if d.weekday() in (5, 6):
                k = d - dt.timedelta(days=d.weekday() - 5)
                if not keys or keys[-1] != k:
                    keys.append(k)
        return keys

    def weekend_windows(self, known_from=None):
        keys = self.weekend_keys()
        if len(keys) < 4:
            return [keys] if keys else []
        wins = [keys[i:i + 4] for i in range(len(keys) - 3)]
        if known_from is None:
            return wins
        back = []
        for j in range(1, 4):
            k = keys[0] - dt.timedelta(days=7 * j)
            if k < known_from:
                break
            back.insert(0, k)
            wins.insert(0, (back + keys)[:4])
        return wins

    def weekends_worked(self, inh):
        out = set()
        for w in inh:
            d = w["date"]
            if d.weekday() in (5, 6):
                out.add(d - dt.timedelta(days=d.weekday() - 5))
        return out

    # -------------------------------------------------- on-duty index
    def on_duty_events(self, service, kind, unit_members, pred):
        m = {}
        for w in self.work:
            if (service is None or w["service"] == service) and w["nbhd"] in unit_members and pred(w):
                add_event(m, w["start"], w["end"])
        return m

    # -------------------------------------------------- skill mix
    def check_skill_mix(self):
        r, sc = self.r, self.sc
        for i, rule in enumerate(sc.skill_mix):
            where = "skill_mix[%d]" % i
            typ = rule.get("type")
            service = rule.get("service")
            kind = rule.get("scope", "neighbourhood")
            days = _days_set(rule.get("days"), where + ".days")
            # Additions: the rule's own from_date/until within its
            # service's from/until.
            first, last = sc.service_span.get(service, (None, None))
            own = sc._opt_date(rule, "from_date", where)
            if own and (not first or own > first):
                first = own
            own = sc._opt_date(rule, "until", where)
            if own and (not last or own < last):
                last = own
            if "from" in rule or "to" in rule:
                f = parse_hhmm(_req(rule, "from", where), where + ".from")
                t = parse_hhmm(_req(rule, "to", where), where + ".to")
                wins = sc.windows(days, f, t, first, last)
            elif days == set(range(7)) and not first and not last:
                wins = [(-(1 << 62), 1 << 62)]   # every instant
            else:
                wins = sc.windows(days, None, None, first, last)
            winev = {}
            for a, b in wins:
                add_event(winev, a, b)
            role = rule.get("role")
            for unit, members, _w in sc.units(kind):
                label = "%s %s %s/%s" % (where, service, kind, unit)
                if typ == "ratio":
                    at_most = Fraction(str(rule.get("at_most")))
                    per = rule.get("per")
                    ev_role = self.on_duty_events(service, kind, members, lambda w: w["role"] == role)
                    ev_per = self.on_duty_events(service, kind, members, lambda w: w["role"] == per)
                    bad = [(t0, t1, (v[1], v[2])) for t0, t1, v in sweep(winev, ev_role, ev_per)
                           if v[0] > 0 and v[1] > at_most * v[2]]
                    for t0, t1, (nr, npr) in runs(bad, lambda v: v):
                        r.fail("skill_mix_ratio", "%s: %s..%s %d %s on duty > %s x %d %s" % (
                            label, self.clock.fmt(t0), self.clock.fmt(t1), nr, role, rule.get("at_most"), npr, per))
                    if not bad:
                        r.check(True, "skill_mix_ratio", "")
                elif typ == "senior":
                    min_band = rule.get("min_band", 0)
                    need = int(rule.get("count", 1))
                    ev = self.on_duty_events(service, kind, members,
                                             lambda w: w["role"] == role and sc.staff[w["staff"]]["band"] >= min_band)
                    bad = [(t0, t1, v[1]) for t0, t1, v in sweep(winev, ev) if v[0] > 0 and v[1] < need]
                    for t0, t1, n in runs(bad, lambda v: v):
                        r.fail("skill_mix_senior", "%s: %s..%s %d %s of band >= %s on duty, needs %d" % (
                            label, self.clock.fmt(t0), self.clock.fmt(t1), n, role, min_band, need))
                    if not bad:
                        r.check(True, "skill_mix_senior", "")
                else:
                    raise ScenarioError("%s.type: %r" % (where, typ))

    # -------------------------------------------------- coverage
    def demand_events(self):
        """{(service, kind, unit, role): {instant: delta}} of required heads."""
        sc = self.sc
        dem = defaultdict(dict)
        for svc, bands in sc.services.items():
            for j, b in enumerate(bands):
                wins = sc.windows(b["days"], b["from"], b["to"], b["first"], b["last"])
                if not wins:
                    continue
                units = {u: m for u, m, _w in sc.units(b["scope"])}
                for k, req in enumerate(b["require"]):
                    where = "services.%s.bands[%d].require[%d]" % (svc, j, k)
                    role = _req(req, "role", where)
                    counts = sc.requirement_counts(req, b["scope"], where)
                    for unit, n in counts.items():
                        if n <= 0:
                            continue
                        ev = dem[(svc, b["scope"], unit, role)]
                        for a, z in wins:
                            add_event(ev, a, z, n)
        return dem

    def recomputed_shortfalls(self):
        sc = self.sc
        out = {}
        for key, dev in self.demand_events().items():
            svc, kind, unit, role = key
            members = dict((u, m) for u, m, _w in sc.units(kind))[unit]
            sev = self.on_duty_events(svc, kind, members, lambda w: w["role"] == role)
            pieces = [(t0, t1, (v[0], v[1])) for t0, t1, v in sweep(dev, sev) if v[1] < v[0]]
            if pieces:
                out[key] = pieces
        return out

    def claimed_shortfalls(self):
        r, sc = self.r, self.sc
        out = defaultdict(list)
        total = 0.0
        known_units = {}
        for i, u in enumerate(self.rota.get("uncovered") or []):
            where = "uncovered[%d]" % i
            if not isinstance(u, dict):
                r.fail("uncovered", "%s is not an object" % where)
                continue
            svc, kind, unit, role = u.get("service"), u.get("scope"), u.get("unit"), u.get("role")
            desc = "%s (%s %s/%s %s %s %s-%s)" % (where, svc, kind, unit, role, u.get("date"), u.get("from"), u.get("to"))
            ok = r.check(svc in sc.services, "uncovered", "%s: unknown service" % desc)
            ok &= r.check(role in sc.roles, "uncovered", "%s: unknown role" % desc)
            if kind not in known_units:
                try:
                    known_units[kind] = {x for x, _m, _w in sc.units(kind)}
                except ScenarioError:
                    known_units[kind] = set()
            ok &= r.check(unit in known_units[kind], "uncovered", "%s: unknown scope/unit" % desc)
            try:
                date = parse_date(u.get("date"), "date")
                fm = parse_hhmm(u.get("from"), "from", allow_24=False)
                tm = parse_hhmm(u.get("to"), "to")
            except ValueError as exc:
                r.fail("uncovered", "%s: %s" % (desc, exc))
                continue
            s = self.clock.instant(date, fm)
            e = self.clock.instant(date, tm) if tm > fm else self.clock.instant(date + dt.timedelta(days=1), tm)
            ls, le = self.clock.local(s), self.clock.local(e)
            ok &= r.check(ls.date() == date and ls.hour * 60 + ls.minute == fm, "uncovered",
                          "%s: %s %s is not a local time that exists" % (desc, u.get("date"), u.get("from")))
            ok &= r.check(le.hour * 60 + le.minute == tm % 1440, "uncovered",
                          "%s: 'to' %s is not a local time that exists" % (desc, u.get("to")))
            req, st = u.get("required"), u.get("staffed")
            ok &= r.check(isinstance(req, int) and isinstance(st, int) and 0 <= st < req, "uncovered",
                          "%s: required %r staffed %r is not a shortfall" % (desc, req, st))
            if not ok:
                continue
            total += (req - st) * hours(e - s)
            out[(svc, kind, unit, role)].append((s, e, (req, st), i))
        # overlapping claims for one key
        for key, ps in out.items():
            ps.sort()
            for a, b in zip(ps, ps[1:]):
                r.check(b[0] >= a[1], "uncovered", "uncovered[%d] and uncovered[%d] overlap (%s %s/%s %s)"
                        % (a[3], b[3], key[0], key[1], key[2], key[3]))
                if b[0] == a[1] and b[2] == a[2]:
                    lb = self.clock.local(b[0])
                    if lb.hour or lb.minute:
                        r.note("uncovered[%d] and uncovered[%d] have the same shortfall and touch at %s: not maximal"
                               % (a[3], b[3], self.clock.fmt(b[0])))
        return out, total

    def check_coverage(self):
        r = self.r
        rec = self.recomputed_shortfalls()
        claimed, claimed_total = self.claimed_shortfalls()
        rec_total = sum((v[0] - v[1]) * hours(t1 - t0) for ps in rec.values() for t0, t1, v in ps)
        for key in sorted(set(rec) | set(claimed), key=lambda k: tuple(map(str, k))):
            ev_rec_req, ev_rec_st, ev_cl_req, ev_cl_st, ev_rec_in, ev_cl_in = ({} for _ in range(6))
            for t0, t1, (q, s) in rec.get(key, []):
                add_event(ev_rec_in, t0, t1)
                add_event(ev_rec_req, t0, t1, q)
                add_event(ev_rec_st, t0, t1, s)
            for t0, t1, (q, s), _i in claimed.get(key, []):
                add_event(ev_cl_in, t0, t1)
                add_event(ev_cl_req, t0, t1, q)
                add_event(ev_cl_st, t0, t1, s)
            pieces = []
            for t0, t1, v in sweep(ev_rec_in, ev_rec_req, ev_rec_st, ev_cl_in, ev_cl_req, ev_cl_st):
                a = (v[1], v[2]) if v[0] else None
                b = (v[4], v[5]) if v[3] == 1 else (None if v[3] == 0 else ("overlap",))
                pieces.append((t0, t1, (a, b)))
            bad = [p for p in pieces if p[2][0] != p[2][1]]
            label = "%s %s/%s %s" % key
            for t0, t1, (a, b) in runs(bad, lambda v: v):
                def say(x):
                    return "no shortfall" if x is None else ("required %d staffed %d" % x if len(x) == 2 else "overlapping entries")
                ls, le = self.clock.local(t0), self.clock.local(t1)
                r.fail("uncovered", "%s %s %02d:%02d-%02d:%02d (%s..%s, %.2f h): recomputed %s, rota.json %s" % (
                    label, ls.date(), ls.hour, ls.minute, le.hour, le.minute,
                    self.clock.fmt(t0), self.clock.fmt(t1), hours(t1 - t0), say(a), say(b)))
            if not bad:
                r.check(True, "uncovered", "")
        r.note("uncovered person-hours: recomputed %.2f, rota.json %.2f" % (rec_total, claimed_total))
        r.check(abs(rec_total - claimed_total) <= 0.01, "uncovered",
                "total uncovered person-hours: recomputed %.2f, rota.json lists %.2f" % (rec_total, claimed_total))

    # -------------------------------------------------- staff summary
    def request_granted(self, q, ws):
        d = q["_date"]
        on_date = [w for w in ws if w["date"] == d]
        sid = q.get("shift")
        if q.get("off"):
            if sid is not None:
                return not any(w["shift"] == sid for w in on_date)
            return not on_date
        if sid is not None:
            return any(w["shift"] == sid for w in on_date)
        return bool(on_date)

    def check_summary(self):
        r, sc = self.r, self.sc
        seen = {}
        for i, e in enumerate(self.rota.get("staff_summary") or []):
            pid = e.get("staff") if isinstance(e, dict) else None
            if not r.check(pid in sc.staff, "staff_summary", "staff_summary[%d]: unknown staff %r" % (i, pid)):
                continue
            if not r.check(pid not in seen, "staff_summary", "staff_summary[%d]: %s listed twice" % (i, pid)):
                continue
            seen[pid] = e
        for pid in sc.staff_order:
            e = seen.get(pid)
            if not r.check(e is not None, "staff_summary", "staff_summary: no entry for %s" % pid):
                continue
            p = sc.staff[pid]
            ws = self.by_person.get(pid, [])
            inh = [w for w in ws if w["date"] in sc.date_index]
            exact = sum(w["paid"] for w in ws)
            try:
                reported = sum(float(w["paid_reported"]) for w in ws)
            except (TypeError, ValueError):
                reported = exact
            got = e.get("paid_hours")
            r.check(approx(got, exact) or approx(got, reported), "staff_summary",
                    "%s: summary paid_hours %r, assignments give %.2f" % (pid, got, exact))
            if "target_hours" in e:
                r.check(approx(e["target_hours"], self.target(p)), "staff_summary",
                        "%s: summary target_hours %r, contract target is %.2f" % (pid, e["target_hours"], self.target(p)))
            n_we = len(self.weekends_worked(inh))
            r.check(e.get("weekends") == n_we, "staff_summary",
                    "%s: summary weekends %r, assignments give %d" % (pid, e.get("weekends"), n_we))
            n_ni = sum(1 for w in ws if w["night"])
            r.check(e.get("nights") == n_ni, "staff_summary",
                    "%s: summary nights %r, assignments give %d" % (pid, e.get("nights"), n_ni))
            reqs_all = p["requests"]
            reqs_in = [q for q in reqs_all if q["_date"] in sc.date_index]
            totals_ok = {len(reqs_in), len(reqs_all)}
            r.check(e.get("requests_total") in totals_ok, "staff_summary",
                    "%s: summary requests_total %r, scenario has %d" % (pid, e.get("requests_total"), len(reqs_in)))
            granted = {sum(1 for q in reqs_in if self.request_granted(q, ws)),
                       sum(1 for q in reqs_all if self.request_granted(q, ws))}
            r.check(e.get("requests_granted") in granted, "staff_summary",
                    "%s: summary requests_granted %r, assignments give %s" % (
                        pid, e.get("requests_granted"), " or ".join(map(str, sorted(granted)))))


# ---------------------------------------------------------------- main


def check(scenario, rota):
    """Check parsed JSON documents; returns a Result."""
    return Checker(scenario, rota).run()


def read_documents(paths):
    """The JSON documents at paths, or None after saying on stderr which
    one could not be read (the caller exits 2)."""
    docs = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                docs.append(json.load(f))
        except (OSError, ValueError) as exc:
            print("error: %s: %s" % (path, exc), file=sys.stderr)
            return None
    return docs


def main(argv=None):
    ap = argparse.ArgumentParser(description="Independent checker for rota7 rota.json")
    ap.add_argument("scenario")
    ap.add_argument("rota")
    ap.add_argument("--quiet", action="store_true", help="no informational lines")
    args = ap.parse_args(argv)
    docs = read_documents((args.scenario, args.rota))
    if docs is None:
        return 2
    try:
        res = check(docs[0], docs[1])
    except ScenarioError as exc:
        print("error: %s: %s" % (args.scenario, exc), file=sys.stderr)
        return 2
    if not args.quiet:
        for line in res.info:
            print("info: " + line)
    for tag, msg in res.violations:
        print("violation: [%s] %s" % (tag, msg))
    print("%d checks passed, %d failed" % (res.passed, res.failed))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
