"""Self-test of tests/tools/check_rota.py (stdlib unittest only).

Run from the repository root:
    /usr/bin/python3 -m unittest tests/tools/test_check_rota.py

Every scenario and rota.json below is written by hand, with the expected
instants worked out on paper. A valid pair must pass with no violation; each
mutated copy breaks exactly one rule and must fail with exactly that rule's
tag (the other parts of the mutated rota, such as the staff summary and the
uncovered list, are kept consistent so that nothing else fails).
"""

import copy
import datetime as dt
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("check_rota", os.path.join(HERE, "check_rota.py"))
cr = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cr)


# ------------------------------------------------------------------ scenarios
#
# MARCH: Saturday 24 and Sunday 25 March 2018. Clocks go forward at 01:00 GMT
# on the 25th. Night band 23:30-08:00 needs 2 nurses, evening 18:00-23:30
# needs 1.
#   night of 24th: 23:30 GMT (23:30Z) -> 08:00 BST (07:00Z) = 7.5 h
#   night of 25th: 23:30 BST (22:30Z) -> 08:00 BST 26th (07:00Z) = 8.5 h

MARCH = {
    "rota7": 1,
    "name": "March clock change",
    "horizon": {"start": "2018-03-24", "days": 2},
    "neighbourhoods": [{"id": "marple", "name": "Marple", "weighted_population": 29406}],
    "roles": [{"id": "qn", "name": "Qualified nurse"}],
    "services": [{
        "id": "cn", "name": "Community nursing",
        "bands": [
            {"label": "Night", "days": ["daily"], "from": "23:30", "to": "08:00",
             "require": [{"role": "qn", "count": 2}]},
            {"label": "Evening", "days": ["daily"], "from": "18:00", "to": "23:30",
             "require": [{"role": "qn", "count": 1}]},
        ]}],
    "shifts": [
        {"id": "night", "service": "cn", "start": "23:30", "end": "08:00", "break_minutes": 30},
        {"id": "eve", "service": "cn", "start": "18:00", "end": "23:30"},
    ],
    "staff": [
        {"id": "n1", "name": "A", "role": "qn", "band": 6, "fte": 1.0, "neighbourhood": "marple",
         "requests": [{"date": "2018-03-25", "off": True, "weight": 1}]},
        {"id": "n2", "name": "B", "role": "qn", "band": 5, "fte": 1.0, "neighbourhood": "marple",
         "requests": [{"date": "2018-03-25", "shift": "eve", "on": True, "weight": 1}]},
        {"id": "n3", "name": "C", "role": "qn", "band": 5, "fte": 0.6, "neighbourhood": "marple",
         "leave": [{"from": "2018-03-25", "to": "2018-03-25", "kind": "annual"}]},
    ],
}


def asg(staff, date, shift, start, end, paid, service="cn", nb="marple", role="qn"):
    return {"staff": staff, "date": date, "shift": shift, "service": service,
            "neighbourhood": nb, "role": role, "start": start, "end": end, "paid_hours": paid}


def unc(date, frm, to, required, staffed, service="cn", scope="neighbourhood", unit="marple", role="qn"):
    return {"service": service, "scope": scope, "unit": unit, "role": role,
            "date": date, "from": frm, "to": to, "required": required, "staffed": staffed}


def summ(staff, paid, target, weekends, nights, granted, total):
    return {"staff": staff, "paid_hours": paid, "target_hours": target, "weekends": weekends,
            "nights": nights, "requests_granted": granted, "requests_total": total}


MARCH_ROTA = {
    "rota7": 1, "scenario": "March clock change",
    "horizon": {"start": "2018-03-24", "days": 2, "timezone": "Europe/London"},
    "status": "optimal", "objective": 0, "bound": 0, "gap": 0, "solve_seconds": 0.1,
    "assignments": [
        asg("n1", "2018-03-24", "night", "2018-03-24T23:30:00+00:00", "2018-03-25T08:00:00+01:00", 7.0),
        asg("n3", "2018-03-24", "eve", "2018-03-24T18:00:00+00:00", "2018-03-24T23:30:00+00:00", 5.5),
        asg("n2", "2018-03-25", "eve", "2018-03-25T18:00:00+01:00", "2018-03-25T23:30:00+01:00", 5.5),
    ],
    "uncovered": [
        unc("2018-03-24", "23:30", "08:00", 2, 1),   # 7.5 h x 1
        unc("2018-03-25", "23:30", "08:00", 2, 0),   # 8.5 h x 2
    ],
    "staff_summary": [
        # targets: fte x 37.5 x 2/7 (the 25th is a Sunday: no leave deduction)
        summ("n1", 7.0, 10.71, 1, 1, 1, 1),
        summ("n2", 5.5, 10.71, 1, 0, 1, 1),
        summ("n3", 5.5, 6.43, 1, 0, 0, 0),
    ],
}

# OCTOBER: Saturday 27 and Sunday 28 October 2018; clocks go back at 01:00 GMT
# on the 28th.
#   night of 27th: 23:30 BST (22:30Z) -> 08:00 GMT (08:00Z) = 9.5 h, 9 paid
#   night of 28th: 23:30 GMT -> 08:00 GMT 29th = 8.5 h
OCTOBER = copy.deepcopy(MARCH)
OCTOBER["name"] = "October clock change"
OCTOBER["horizon"] = {"start": "2018-10-27", "days": 2}
for _p in OCTOBER["staff"]:
    for _q in _p.get("requests", []):
        _q["date"] = "2018-10-28"
    for _l in _p.get("leave", []):
        _l["from"] = _l["to"] = "2018-10-28"
# 9 + 5.5 paid hours in 2 days is 50.75 h/week: let n1 average up to 60.
OCTOBER["staff"][0]["rules"] = {"max_avg_weekly_hours": 60}

OCTOBER_ROTA = {
    "rota7": 1, "scenario": "October clock change",
    "horizon": {"start": "2018-10-27", "days": 2, "timezone": "Europe/London"},
    "status": "feasible", "objective": 0, "bound": 0, "gap": 0, "solve_seconds": 0.1,
    "assignments": [
        asg("n1", "2018-10-27", "night", "2018-10-27T23:30:00+01:00", "2018-10-28T08:00:00+00:00", 9.0),
        asg("n3", "2018-10-27", "eve", "2018-10-27T18:00:00+01:00", "2018-10-27T23:30:00+01:00", 5.5),
        asg("n2", "2018-10-28", "eve", "2018-10-28T18:00:00+00:00", "2018-10-28T23:30:00+00:00", 5.5),
    ],
    "uncovered": [
        unc("2018-10-27", "23:30", "08:00", 2, 1),   # 9.5 h x 1
        unc("2018-10-28", "23:30", "08:00", 2, 0),   # 8.5 h x 2
    ],
    "staff_summary": [
        summ("n1", 9.0, 10.71, 1, 1, 1, 1),
        summ("n2", 5.5, 10.71, 1, 0, 1, 1),
        summ("n3", 5.5, 6.43, 1, 0, 0, 0),
    ],
}

# ONE DAY: Monday 5 March 2018. "twilight" 00:30-06:30 (a night by the
# wall-clock default) and "late" 18:00-23:00 are 11.5 h apart, so both on one
# date break only the one-shift-per-date rule. Generous hour limits so that
# 11 paid hours in a 1-day horizon break nothing else.
ONE_DAY = {
    "rota7": 1,
    "name": "One day",
    "timezone": "Europe/London",
    "horizon": {"start": "2018-03-05", "days": 1},
    "neighbourhoods": [{"id": "heatons", "name": "Heatons", "weighted_population": 42403}],
    "roles": [{"id": "qn", "name": "Qualified nurse"}],
    "services": [{"id": "cn", "name": "CN", "bands": [
        {"label": "Evening", "days": ["daily"], "from": "18:00", "to": "23:00",
         "require": [{"role": "qn", "count": 1}]}]}],
    "shifts": [
        {"id": "twilight", "service": "cn", "start": "00:30", "end": "06:30"},
        {"id": "late", "service": "cn", "start": "18:00", "end": "23:00"},
    ],
    "rules": {"max_avg_weekly_hours": 100, "contract_tolerance_hours": 20},
    "staff": [{"id": "n1", "name": "A", "role": "qn", "band": 6, "fte": 1.0, "neighbourhood": "heatons"}],
}
ONE_DAY_ROTA = {
    "rota7": 1, "scenario": "One day",
    "horizon": {"start": "2018-03-05", "days": 1, "timezone": "Europe/London"},
    "status": "optimal",
    "assignments": [asg("n1", "2018-03-05", "late", "2018-03-05T18:00:00+00:00",
                        "2018-03-05T23:00:00+00:00", 5.0, nb="heatons")],
    "uncovered": [],
    "staff_summary": [summ("n1", 5.0, 5.36, 0, 0, 0, 0)],
}


def run(scenario, rota):
    return cr.check(copy.deepcopy(scenario), copy.deepcopy(rota))


def find(rota, staff, date):
    for a in rota["assignments"]:
        if a["staff"] == staff and a["date"] == date:
            return a
    raise KeyError((staff, date))


def summary_of(rota, staff):
    for s in rota["staff_summary"]:
        if s["staff"] == staff:
            return s
    raise KeyError(staff)


class Base(unittest.TestCase):
    def assertPasses(self, scenario, rota):
        res = run(scenario, rota)
        self.assertEqual(res.violations, [], "expected no violation")
        self.assertGreater(res.passed, 0)
        return res

    def assertFailsOnly(self, scenario, rota, tag):
        res = run(scenario, rota)
        self.assertEqual(res.tags(), {tag}, "violations: %s" % res.violations)
        return res


class TimeTest(unittest.TestCase):
    def setUp(self):
        self.c = cr.Clock("Europe/London")

    def z(self, s):
        return int(dt.datetime.fromisoformat(s).timestamp())

    def test_gap_uses_offset_before(self):
        # 01:30 on 2018-03-25 does not exist in London: RFC 5545 reads it as 01:30 UTC.
        self.assertEqual(self.c.instant(dt.date(2018, 3, 25), 90), self.z("2018-03-25T01:30:00+00:00"))

    def test_repeated_time_is_first(self):
        # 01:30 on 2018-10-28 happens twice; the first is 00:30 UTC.
        self.assertEqual(self.c.instant(dt.date(2018, 10, 28), 90), self.z("2018-10-28T01:30:00+01:00"))

    def test_night_lengths(self):
        s, e = self.c.span(dt.date(2018, 3, 24), 23 * 60 + 30, 8 * 60)
        self.assertEqual(e - s, int(7.5 * 3600))
        s, e = self.c.span(dt.date(2018, 10, 27), 23 * 60 + 30, 8 * 60)
        self.assertEqual(e - s, int(9.5 * 3600))
        s, e = self.c.span(dt.date(2018, 3, 22), 23 * 60 + 30, 8 * 60)
        self.assertEqual(e - s, int(8.5 * 3600))

    def test_night_default(self):
        self.assertTrue(cr.night_by_wall_clock(23 * 60 + 30, 8 * 60))
        self.assertTrue(cr.night_by_wall_clock(0, 3 * 60))
        self.assertFalse(cr.night_by_wall_clock(18 * 60, 23 * 60 + 30))   # 30 min
        self.assertFalse(cr.night_by_wall_clock(21 * 60, 1 * 60 + 59))    # 2 h 59
        self.assertTrue(cr.night_by_wall_clock(21 * 60, 2 * 60))          # 3 h


class DemandTest(unittest.TestCase):
    def sc(self, require, scope="neighbourhood"):
        d = {
            "rota7": 1, "horizon": {"month": "2018-02"},
            "neighbourhoods": [{"id": "a", "weighted_population": 50000},
                               {"id": "b", "weighted_population": 30000},
                               {"id": "c", "weighted_population": 20000}],
            "groups": {"locality": {"x": ["a"], "y": ["b", "c"]}},
            "roles": [{"id": "qn"}],
            "services": [{"id": "cn", "bands": [
                {"days": ["daily"], "from": "08:00", "to": "18:00", "scope": scope, "require": [require]}]}],
            "shifts": [], "staff": [],
        }
        s = cr.Scenario(d)
        self.assertEqual(s.days, 28)
        return s.requirement_counts(require, scope, "t")

    def test_total_largest_remainder(self):
        # quotas 2.5, 1.5, 1.0 -> floors 2,1,1 (4); one left: tie 0.5/0.5 -> larger weight (a)
        self.assertEqual(self.sc({"role": "qn", "total": 5}), {"a": 3, "b": 1, "c": 1})
        # quotas 0.5, 0.3, 0.2 -> a gets the one; min 1 raises b and c
        self.assertEqual(self.sc({"role": "qn", "total": 1, "min": 1}), {"a": 1, "b": 1, "c": 1})
        # locality weights 50000 / 50000: tie on remainder and weight -> earlier (x)
        self.assertEqual(self.sc({"role": "qn", "total": 1}, "locality"), {"x": 1, "y": 0})

    def test_per_100k_half_up(self):
        # 5 per 100k: 2.5 -> 3, 1.5 -> 2, 1.0 -> 1
        self.assertEqual(self.sc({"role": "qn", "per_100k": 5}), {"a": 3, "b": 2, "c": 1})
        self.assertEqual(self.sc({"role": "qn", "per_100k": 1, "min": 1}), {"a": 1, "b": 1, "c": 1})
        self.assertEqual(self.sc({"role": "qn", "per_100k": 2}, "borough"), {"borough": 2})


class BankHolidayTest(unittest.TestCase):
    """Good Friday 30 March 2018 is a bank holiday; the horizon is Thu 29 - Sat 31."""

    def demand(self, pattern=None, days=("weekday",)):
        d = {
            "rota7": 1, "horizon": {"start": "2018-03-29", "days": 3},
            "bank_holidays": ["2018-03-30"],
            "neighbourhoods": [{"id": "a", "weighted_population": 1}],
            "roles": [{"id": "qn"}],
            "services": [{"id": "cn", "bands": [
                {"days": list(days), "from": "09:00", "to": "10:00", "require": [{"role": "qn", "count": 1}]}]}],
            "shifts": [], "staff": [],
        }
        if pattern:
            d["bank_holiday_pattern"] = pattern
        ch = cr.Checker(d, {})
        ev = ch.demand_events()[("cn", "neighbourhood", "a", "qn")]
        local = ch.clock.local
        return sorted({local(t).date().isoformat() for t, v in ev.items() if v > 0})

    def test_default_sunday_pattern(self):
        self.assertEqual(self.demand(), ["2018-03-29"])
        self.assertEqual(self.demand(days=("weekend",)), ["2018-03-30", "2018-03-31"])
        self.assertEqual(self.demand(days=("sun",)), ["2018-03-30"])

    def test_none_and_other_patterns(self):
        self.assertEqual(self.demand("none"), ["2018-03-29", "2018-03-30"])
        self.assertEqual(self.demand("sat", days=("sat",)), ["2018-03-30", "2018-03-31"])


class MarchTest(Base):
    def test_valid(self):
        res = self.assertPasses(MARCH, MARCH_ROTA)
        self.assertIn("uncovered person-hours: recomputed 24.50, rota.json 24.50", res.info)

    def test_rest_across_clock_change(self):
        # n1's night of the 24th is 7.5 h (ends 08:00 BST = 07:00Z); the evening
        # on the 25th starts 18:00 BST (17:00Z): 10 h rest < 11.
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n2", "2018-03-25")["staff"] = "n1"
        summary_of(r, "n1").update(paid_hours=12.5, requests_granted=0)
        summary_of(r, "n2").update(paid_hours=0.0, weekends=0, requests_granted=0)
        res = self.assertFailsOnly(MARCH, r, "min_rest_hours")
        self.assertEqual(len(res.violations), 1)
        self.assertIn("10.00 h rest", res.violations[0][1])

    def test_wrong_paid_hours(self):
        # 8 paid hours would be the wall-clock reading; real is 7.5 h - 30 min.
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n1", "2018-03-24")["paid_hours"] = 8.0
        self.assertFailsOnly(MARCH, r, "paid_hours")

    def test_leave_day_worked(self):
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n2", "2018-03-25")["staff"] = "n3"
        summary_of(r, "n3").update(paid_hours=11.0)
        summary_of(r, "n2").update(paid_hours=0.0, weekends=0, requests_granted=0)
        self.assertFailsOnly(MARCH, r, "leave")

    def test_pins(self):
        # staff[].fixed: kept pins pass; a pin to a shift not worked, or a
        # day off worked, fails as "fixed" alone.
        sc = copy.deepcopy(MARCH)
        a = MARCH_ROTA["assignments"][0]
        sc["staff"][[p["id"] for p in sc["staff"]].index(a["staff"])]["fixed"] = [
            {"date": a["date"], "shift": a["shift"]}]
        self.assertPasses(sc, MARCH_ROTA)
        for pin in ({"date": a["date"], "off": True},
                    {"date": a["date"], "shift": "x-other"}):
            sc["staff"][[p["id"] for p in sc["staff"]].index(a["staff"])][
                "fixed"] = [pin]
            self.assertFailsOnly(sc, MARCH_ROTA, "fixed")

    def test_missing_uncovered_entry(self):
        r = copy.deepcopy(MARCH_ROTA)
        del r["uncovered"][1]
        res = self.assertFailsOnly(MARCH, r, "uncovered")
        self.assertTrue(any("recomputed required 2 staffed 0, rota.json no shortfall" in m
                            for _t, m in res.violations), res.violations)
        self.assertTrue(any("recomputed 24.50, rota.json lists 7.50" in m for _t, m in res.violations))

    def test_wrong_staffed(self):
        r = copy.deepcopy(MARCH_ROTA)
        r["uncovered"][0]["staffed"] = 0
        res = self.assertFailsOnly(MARCH, r, "uncovered")
        self.assertTrue(any("recomputed required 2 staffed 1, rota.json required 2 staffed 0" in m
                            for _t, m in res.violations), res.violations)

    def test_extra_uncovered_entry(self):
        r = copy.deepcopy(MARCH_ROTA)
        r["uncovered"].append(unc("2018-03-24", "18:00", "23:30", 1, 0))
        self.assertFailsOnly(MARCH, r, "uncovered")

    def test_uncovered_split_at_midnight_is_fine(self):
        r = copy.deepcopy(MARCH_ROTA)
        r["uncovered"] = [
            unc("2018-03-24", "23:30", "00:00", 2, 1),
            unc("2018-03-25", "00:00", "08:00", 2, 1),
            unc("2018-03-25", "23:30", "00:00", 2, 0),
            unc("2018-03-26", "00:00", "08:00", 2, 0),
        ]
        self.assertPasses(MARCH, r)

    def test_uncovered_wrong_length_across_clock_change(self):
        # The night of the 24th ends at 08:00 BST; a range read as if the
        # night were 8.5 h (ending 09:00 BST) is wrong.
        r = copy.deepcopy(MARCH_ROTA)
        r["uncovered"][0]["to"] = "09:00"
        self.assertFailsOnly(MARCH, r, "uncovered")

    def test_end_instant_wrong(self):
        # 08:00+00:00 is 09:00 BST: the wall-clock end with the offset of the start.
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n1", "2018-03-24")["end"] = "2018-03-25T08:00:00+00:00"
        self.assertFailsOnly(MARCH, r, "start_end")

    def test_offset_shown_wrong(self):
        # The right instant (07:00Z) but shown with the GMT offset.
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n1", "2018-03-24")["end"] = "2018-03-25T07:00:00+00:00"
        self.assertFailsOnly(MARCH, r, "offset")

    def test_summary_wrong(self):
        r = copy.deepcopy(MARCH_ROTA)
        summary_of(r, "n1")["nights"] = 0
        self.assertFailsOnly(MARCH, r, "staff_summary")
        r = copy.deepcopy(MARCH_ROTA)
        summary_of(r, "n2")["requests_granted"] = 0
        self.assertFailsOnly(MARCH, r, "staff_summary")

    def test_staff_not_allowed_elsewhere(self):
        r = copy.deepcopy(MARCH_ROTA)
        find(r, "n1", "2018-03-24")["role"] = "nsw"
        self.assertIn("role", run(MARCH, r).tags())


# SPRING: MARCH with a band and a shift from 01:30 to 02:00. On the 24th that
# is half an hour; on the 25th 01:30 does not exist (01:30 GMT = 01:30Z) and
# 02:00 BST is 01:00Z: -0.5 h, so neither occurs that day.
SPRING = copy.deepcopy(MARCH)
SPRING["services"][0]["bands"].append(
    {"label": "Gap", "days": ["daily"], "from": "01:30", "to": "02:00",
     "require": [{"role": "qn", "count": 1}]})
SPRING["shifts"].append({"id": "gap", "service": "cn", "start": "01:30", "end": "02:00"})
SPRING["staff"].append({"id": "n4", "name": "D", "role": "qn", "band": 5, "fte": 1.0,
                        "neighbourhood": "marple"})
SPRING_ROTA = copy.deepcopy(MARCH_ROTA)
SPRING_ROTA["uncovered"].insert(0, unc("2018-03-24", "01:30", "02:00", 1, 0))
SPRING_ROTA["staff_summary"].append(summ("n4", 0.0, 10.71, 0, 0, 0, 0))


class SpringGapTest(Base):
    def test_valid(self):
        res = self.assertPasses(SPRING, SPRING_ROTA)
        self.assertIn("uncovered person-hours: recomputed 25.00, rota.json 25.00", res.info)

    def test_shift_in_gap_does_not_occur(self):
        r = copy.deepcopy(SPRING_ROTA)
        r["assignments"].append(asg("n4", "2018-03-25", "gap", "2018-03-25T02:30:00+01:00",
                                    "2018-03-25T02:00:00+01:00", -0.5))
        summary_of(r, "n4").update(paid_hours=-0.5, weekends=1)
        res = self.assertFailsOnly(SPRING, r, "shift_occurs")
        self.assertTrue(any("does not occur on 2018-03-25" in m for _t, m in res.violations))


class OctoberTest(Base):
    def test_valid(self):
        res = self.assertPasses(OCTOBER, OCTOBER_ROTA)
        self.assertIn("uncovered person-hours: recomputed 26.50, rota.json 26.50", res.info)

    def test_night_is_9_5_hours(self):
        sc = cr.Scenario(copy.deepcopy(OCTOBER))
        s, e = sc.shift_span("night", dt.date(2018, 10, 27))
        self.assertEqual(e - s, int(9.5 * 3600))
        r = copy.deepcopy(OCTOBER_ROTA)
        find(r, "n1", "2018-10-27")["paid_hours"] = 8.0
        self.assertFailsOnly(OCTOBER, r, "paid_hours")

    def test_rest_across_clock_change(self):
        # night ends 08:00 GMT on the 28th, the evening starts 18:00 GMT: 10 h.
        r = copy.deepcopy(OCTOBER_ROTA)
        find(r, "n2", "2018-10-28")["staff"] = "n1"
        summary_of(r, "n1").update(paid_hours=14.5, requests_granted=0)
        summary_of(r, "n2").update(paid_hours=0.0, weekends=0, requests_granted=0)
        res = self.assertFailsOnly(OCTOBER, r, "min_rest_hours")
        self.assertIn("10.00 h rest", res.violations[0][1])

    def test_without_override_average_hours_fail(self):
        # The same rota with n1's rules override removed also breaks the 48 h
        # average (14.5 h in 2 days = 50.75 h/week): the override is honoured.
        r = copy.deepcopy(OCTOBER_ROTA)
        find(r, "n2", "2018-10-28")["staff"] = "n1"
        summary_of(r, "n1").update(paid_hours=14.5, requests_granted=0)
        summary_of(r, "n2").update(paid_hours=0.0, weekends=0, requests_granted=0)
        sc = copy.deepcopy(OCTOBER)
        del sc["staff"][0]["rules"]
        self.assertEqual(run(sc, r).tags(), {"min_rest_hours", "max_avg_weekly_hours"})


class RestOnRealInstantsTest(Base):
    """Rest whose wall-clock reading and real length fall on opposite sides
    of 11 h: 23:00 Saturday to 10:00 Sunday is 11 h on the wall clock but 10 h
    in March; 23:00 to 09:00 is 10 h on the wall clock but 11 h in October."""

    def scenario(self, start, second):
        return {
            "rota7": 1, "horizon": {"start": start, "days": 2},
            "neighbourhoods": [{"id": "m", "weighted_population": 1}],
            "roles": [{"id": "qn"}],
            "services": [{"id": "cn", "bands": []}],
            "shifts": [{"id": "late", "service": "cn", "start": "15:00", "end": "23:00"},
                       {"id": "day", "service": "cn", "start": second, "end": "17:00"}],
            "rules": {"max_avg_weekly_hours": 100},
            "staff": [{"id": "p", "role": "qn", "neighbourhood": "m", "shifts": ["late", "day"]}],
        }

    def rota(self, start, a, b, pa, pb):
        d2 = (dt.date.fromisoformat(start) + dt.timedelta(days=1)).isoformat()
        return {
            "rota7": 1, "horizon": {"start": start, "days": 2}, "status": "optimal",
            "assignments": [asg("p", start, "late", a[0], a[1], pa, nb="m"),
                            asg("p", d2, "day", b[0], b[1], pb, nb="m")],
            "uncovered": [],
            "staff_summary": [summ("p", pa + pb, 10.71, 1, 0, 0, 0)],
        }

    def test_march_11h_on_wall_clock_is_10h(self):
        sc = self.scenario("2018-03-24", "10:00")
        r = self.rota("2018-03-24", ("2018-03-24T15:00:00+00:00", "2018-03-24T23:00:00+00:00"),
                      ("2018-03-25T10:00:00+01:00", "2018-03-25T17:00:00+01:00"), 8.0, 7.0)
        self.assertFailsOnly(sc, r, "min_rest_hours")

    def test_october_10h_on_wall_clock_is_11h(self):
        sc = self.scenario("2018-10-27", "09:00")
        r = self.rota("2018-10-27", ("2018-10-27T15:00:00+01:00", "2018-10-27T23:00:00+01:00"),
                      ("2018-10-28T09:00:00+00:00", "2018-10-28T17:00:00+00:00"), 8.0, 8.0)
        self.assertPasses(sc, r)


class OneDayTest(Base):
    def test_valid(self):
        self.assertPasses(ONE_DAY, ONE_DAY_ROTA)

    def test_two_shifts_in_a_day(self):
        r = copy.deepcopy(ONE_DAY_ROTA)
        r["assignments"].append(asg("n1", "2018-03-05", "twilight", "2018-03-05T00:30:00+00:00",
                                    "2018-03-05T06:30:00+00:00", 6.0, nb="heatons"))
        summary_of(r, "n1").update(paid_hours=11.0, nights=1)
        res = self.assertFailsOnly(ONE_DAY, r, "one_shift_per_date")
        self.assertEqual(len(res.violations), 1)


class RulesTest(Base):
    """Working-time rules on a 14-day horizon (Mon 5 - Sun 18 March 2018)
    with one shift type and no demand; each test builds a work pattern."""

    SC = {
        "rota7": 1, "horizon": {"start": "2018-03-05", "days": 14},
        "neighbourhoods": [{"id": "m", "weighted_population": 1}],
        "roles": [{"id": "qn"}],
        "services": [{"id": "cn", "bands": [
            {"days": ["daily"], "from": "09:00", "to": "17:00", "require": [{"role": "qn", "count": 0}]}]}],
        "shifts": [{"id": "day", "service": "cn", "start": "09:00", "end": "17:00"},
                   {"id": "nt", "service": "cn", "start": "22:00", "end": "07:00"}],
        "rules": {"contract_tolerance_hours": 100, "max_avg_weekly_hours": 100, "max_weekends": 2},
        "staff": [{"id": "p", "role": "qn", "neighbourhood": "m", "fte": 1.0}],
    }

    def rota(self, days, shift="day"):
        a = []
        for k in days:
            d = dt.date(2018, 3, 5) + dt.timedelta(days=k)
            if shift == "day":
                s, e = "%sT09:00:00+00:00" % d, "%sT17:00:00+00:00" % d
                paid = 8.0
            else:
                s, e = "%sT22:00:00+00:00" % d, "%sT07:00:00+00:00" % (d + dt.timedelta(days=1))
                paid = 9.0
            a.append(asg("p", d.isoformat(), shift, s, e, paid, nb="m"))
        # weekends worked, keyed by their Saturday (day 0 is a Monday)
        we = len({k - (k % 7 - 5) for k in days if k % 7 in (5, 6)})
        return {"rota7": 1, "horizon": {"start": "2018-03-05", "days": 14}, "status": "optimal",
                "assignments": a, "uncovered": [],
                "staff_summary": [summ("p", paid * len(days), 75.0, we, len(days) if shift == "nt" else 0, 0, 0)]}

    def test_valid_pattern(self):
        self.assertPasses(self.SC, self.rota([0, 1, 2, 3, 4, 7, 8, 9, 10, 11]))

    def test_max_days_in_a_row(self):
        res = run(self.SC, self.rota([0, 1, 2, 3, 4, 5, 6, 7]))
        self.assertIn("max_days_in_a_row", res.tags())
        self.assertIn("weekly_rest", res.tags())   # 7-day windows from Tue..Sat have no 24 h rest

    def test_weekly_rest_only(self):
        # Mon-Sat then Sun off, Mon-Sat: each 7-day window keeps 40 h off.
        self.assertPasses(self.SC, self.rota([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]))
        sc = copy.deepcopy(self.SC)
        sc["rules"]["weekly_rest"] = {"hours": 48, "per_days": 7}
        self.assertFailsOnly(sc, self.rota([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12]), "weekly_rest")

    def test_min_days_off(self):
        sc = copy.deepcopy(self.SC)
        sc["rules"]["min_days_off_in_a_row"] = 2
        self.assertFailsOnly(sc, self.rota([0, 1, 2, 4, 5, 6, 9, 10, 11, 12]), "min_days_off_in_a_row")
        # an off run touching the horizon's end is exempt
        self.assertPasses(sc, self.rota([0, 1, 2, 5, 6, 7, 8, 11, 12]))

    def test_min_days_in_a_row(self):
        sc = copy.deepcopy(self.SC)
        sc["rules"]["min_days_in_a_row"] = 2
        self.assertFailsOnly(sc, self.rota([0, 1, 4, 7, 8, 13]), "min_days_in_a_row")

    def test_max_nights(self):
        res = run(self.SC, self.rota([0, 1, 2, 3, 4], shift="nt"))
        self.assertEqual(res.tags(), {"max_nights_in_a_row"})

    def test_max_shifts(self):
        sc = copy.deepcopy(self.SC)
        sc["staff"][0]["rules"] = {"max_shifts": {"nt": 2}}
        self.assertFailsOnly(sc, self.rota([0, 1, 2], shift="nt"), "max_shifts")

    def test_max_weekends_and_days_off(self):
        sc = copy.deepcopy(self.SC)
        sc["staff"][0]["rules"] = {"max_weekends": 1}
        self.assertFailsOnly(sc, self.rota([5, 12]), "max_weekends")
        sc["staff"][0]["days_off_weekly"] = ["mon"]
        self.assertFailsOnly(sc, self.rota([0, 5]), "days_off_weekly")

    def test_contract_and_average(self):
        sc = copy.deepcopy(self.SC)
        del sc["rules"]["contract_tolerance_hours"]
        # 12 days x 8 h = 96 h > 75 + 7.5
        self.assertEqual(run(sc, self.rota([0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12])).tags(), {"contract"})
        # weekday leave lowers the target: 10 x 8 = 80 <= 82.5 without leave, but
        # 2 weekdays of leave take 15 h off the target.
        self.assertPasses(sc, self.rota([0, 1, 2, 3, 4, 7, 8, 9, 10, 11]))
        sc["staff"][0]["leave"] = [{"from": "2018-03-15", "to": "2018-03-18"}]   # Thu-Sun
        r = self.rota([0, 1, 2, 3, 4, 5, 7, 8, 9])
        r["staff_summary"][0]["target_hours"] = 60.0
        self.assertFailsOnly(sc, r, "contract")


class CrossCoverAndSkillMixTest(Base):
    """Two neighbourhoods in one locality; a senior rule and a ratio rule."""

    SC = {
        "rota7": 1, "horizon": {"start": "2018-03-05", "days": 1},
        "neighbourhoods": [{"id": "a", "weighted_population": 60000},
                           {"id": "b", "weighted_population": 40000}],
        "groups": {"locality": {"south": ["a", "b"]}},
        "roles": [{"id": "qn", "also_covers": [{"role": "nsw", "penalty": 2}]}, {"id": "nsw"}],
        "services": [{"id": "cn", "bands": [
            {"days": ["weekday"], "from": "08:00", "to": "16:00", "scope": "locality",
             "require": [{"role": "qn", "count": 1}, {"role": "nsw", "count": 1}]}]},
            {"id": "tr", "bands": [{"days": ["weekend"], "from": "09:00", "to": "12:00",
                                    "require": [{"role": "nsw", "count": 1}]}]}],
        "shifts": [{"id": "early", "service": "cn", "start": "08:00", "end": "16:00"},
                   {"id": "tr", "service": "tr", "start": "09:00", "end": "12:00"},
                   {"id": "other", "service": "ghost", "start": "09:00", "end": "12:00"}],
        "skill_mix": [
            {"type": "senior", "service": "cn", "scope": "locality", "role": "qn", "min_band": 6,
             "count": 1, "days": ["weekday"], "from": "08:00", "to": "12:00"},
            {"type": "ratio", "service": "cn", "scope": "neighbourhood", "role": "nsw", "at_most": 1, "per": "qn"},
        ],
        "staff": [
            {"id": "q1", "role": "qn", "band": 6, "neighbourhood": "a", "may_work_in": "locality"},
            {"id": "q2", "role": "qn", "band": 5, "neighbourhood": "b"},
            {"id": "s1", "role": "nsw", "band": 3, "neighbourhood": "a"},
        ],
    }

    def rota(self, rows):
        a = [asg(p, "2018-03-05", sh, "2018-03-05T08:00:00+00:00", "2018-03-05T16:00:00+00:00", 8.0,
                 nb=nb, role=role) for p, sh, nb, role in rows]
        per = {p: 0 for p in ("q1", "q2", "s1")}
        for p, *_ in rows:
            per[p] += 8
        return {"rota7": 1, "horizon": {"start": "2018-03-05", "days": 1}, "status": "optimal",
                "assignments": a, "uncovered": [],
                "staff_summary": [summ(p, float(h), 5.36, 0, 0, 0, 0) for p, h in per.items()]}

    def sc(self, **rules):
        s = copy.deepcopy(self.SC)
        s["rules"] = dict({"max_avg_weekly_hours": 100, "contract_tolerance_hours": 10}, **rules)
        return s

    def test_valid_with_cross_cover_and_substitution(self):
        # q1 works in b (allowed: locality), q2 fills the nsw place in b.
        self.assertPasses(self.sc(), self.rota([("q1", "early", "b", "qn"), ("q2", "early", "b", "nsw")]))

    def test_default_shifts(self):
        sc = cr.Scenario(self.sc())
        self.assertEqual(sc.staff["q1"]["shifts"], {"early", "tr"})   # qn covers nsw: tr too
        self.assertEqual(sc.staff["s1"]["shifts"], {"early", "tr"})

    def test_may_work_in(self):
        r = self.rota([("q1", "early", "a", "qn"), ("q2", "early", "a", "nsw")])
        self.assertFailsOnly(self.sc(), r, "may_work_in")

    def test_substitution_not_the_other_way(self):
        r = self.rota([("q1", "early", "a", "qn"), ("s1", "early", "a", "qn")])
        tags = run(self.sc(), r).tags()
        self.assertIn("role", tags)

    def test_senior(self):
        # only a band-5 nurse on duty in the locality (the nsw place is left uncovered)
        r = self.rota([("q2", "early", "b", "qn")])
        r["uncovered"] = [unc("2018-03-05", "08:00", "16:00", 1, 0, scope="locality", unit="south", role="nsw")]
        self.assertFailsOnly(self.sc(), r, "skill_mix_senior")

    def test_ratio(self):
        # nsw filled in a with no qn on duty in a: 1 > 1 x 0
        r = self.rota([("q1", "early", "b", "qn"), ("s1", "early", "a", "nsw")])
        self.assertFailsOnly(self.sc(), r, "skill_mix_ratio")

    def test_uncovered_locality(self):
        r = self.rota([("q1", "early", "a", "qn")])
        r["uncovered"] = [unc("2018-03-05", "08:00", "16:00", 1, 0, scope="locality", unit="south", role="nsw")]
        self.assertPasses(self.sc(), r)
        r["uncovered"][0]["unit"] = "a"
        self.assertFailsOnly(self.sc(), r, "uncovered")


class CommandLineTest(unittest.TestCase):
    def test_exit_codes_and_summary_line(self):
        with tempfile.TemporaryDirectory() as d:
            sp, rp, bp = (os.path.join(d, n) for n in ("s.json", "r.json", "bad.json"))
            with open(sp, "w", encoding="utf-8") as f:
                json.dump(MARCH, f)
            with open(rp, "w", encoding="utf-8") as f:
                json.dump(MARCH_ROTA, f)
            bad = copy.deepcopy(MARCH_ROTA)
            find(bad, "n1", "2018-03-24")["paid_hours"] = 8.0
            with open(bp, "w", encoding="utf-8") as f:
                json.dump(bad, f)
            tool = os.path.join(HERE, "check_rota.py")
            ok = subprocess.run([sys.executable, tool, sp, rp, "--quiet"], capture_output=True, text=True)
            self.assertEqual(ok.returncode, 0, ok.stdout + ok.stderr)
            self.assertRegex(ok.stdout.strip().splitlines()[-1], r"^\d+ checks passed, 0 failed$")
            ko = subprocess.run([sys.executable, tool, sp, bp], capture_output=True, text=True)
            self.assertEqual(ko.returncode, 1)
            lines = ko.stdout.strip().splitlines()
            self.assertEqual([l for l in lines if l.startswith("violation: ")],
                             [l for l in lines if "paid_hours" in l and l.startswith("violation: ")])
            self.assertEqual(len([l for l in lines if l.startswith("violation: ")]), 1)
            self.assertRegex(lines[-1], r"^\d+ checks passed, 1 failed$")
            missing = subprocess.run([sys.executable, tool, sp, os.path.join(d, "nope.json")],
                                     capture_output=True, text=True)
            self.assertEqual(missing.returncode, 2)


if __name__ == "__main__":
    unittest.main()
