"""Self-test of tests/tools/objective.py and exhaustive.py (stdlib unittest).

Run from tests/tools:  /usr/bin/python3 -m unittest -q test_objective

The scenario and rota below are written by hand and every term of the
objective is worked out on paper in the comments. The exhaustive search is
held to the solve cases whose best rota is known by hand (tests/solve).
"""

import copy
import json
import os
import sys
import unittest
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import exhaustive  # noqa: E402
import objective  # noqa: E402

# Friday 9 to Sunday 11 March 2018, London (no clock change). Two places;
# each needs one qn and one nsw 08:00-16:00 every day.
SCEN = {
    "rota7": 1, "name": "every term", "horizon": {"start": "2018-03-09", "days": 3},
    "neighbourhoods": [{"id": "a", "name": "A", "weighted_population": 10000},
                       {"id": "b", "name": "B", "weighted_population": 10000}],
    "roles": [{"id": "qn", "name": "QN", "also_covers": [{"role": "nsw", "penalty": 3}]},
              {"id": "nsw", "name": "NSW"}],
    "services": [{"id": "cn", "name": "CN", "bands": [
        {"days": ["daily"], "from": "08:00", "to": "16:00",
         "require": [{"role": "qn", "count": 1}, {"role": "nsw", "count": 1}]}]}],
    "shifts": [{"id": "early", "service": "cn", "start": "08:00", "end": "16:00", "break_minutes": 30},
               {"id": "eve", "service": "cn", "start": "16:00", "end": "22:00"},
               {"id": "night", "service": "cn", "start": "22:00", "end": "07:00"}],
    "rules": {"min_rest_hours": 8},
    "weights": {"uncovered_hour": 100, "over_cover_hour": 10, "cross_cover_hour": 2,
                "contract_under_hour": 1, "request": 4, "weekend_fairness": 10,
                "unsocial_fairness": 1},
    "staff": [
        {"id": "q1", "role": "qn", "band": 6, "fte": 1.0, "neighbourhood": "a",
         "may_work_in": "borough", "requests": [{"date": "2018-03-09", "off": True, "weight": 2}]},
        {"id": "q2", "role": "qn", "band": 5, "fte": 0.5, "neighbourhood": "a"},
        {"id": "s1", "role": "nsw", "band": 3, "fte": 1.0, "neighbourhood": "b"},
    ],
}


def a(staff, date, shift, nb, role):
    return {"staff": staff, "date": date, "shift": shift, "neighbourhood": nb, "role": role}


ROTA = {"objective": 4933.904762, "assignments": [
    a("q1", "2018-03-09", "early", "a", "qn"),    # refuses q1's request: 4 x 2 = 8
    a("q2", "2018-03-09", "early", "a", "nsw"),   # substitution 7.5 h x 3 = 22.5
    a("q1", "2018-03-10", "early", "b", "qn"),    # cross-cover 7.5 h x 2 = 15
    a("s1", "2018-03-10", "early", "b", "nsw"),
    a("q2", "2018-03-10", "eve", "a", "qn"),      # no demand; 6 h unsocial (Saturday)
    a("q1", "2018-03-11", "early", "a", "qn"),
    a("q2", "2018-03-11", "early", "a", "qn"),    # over: two qn in a for 8 h, x 10 = 80
    a("s1", "2018-03-11", "early", "b", "nsw"),
]}
# uncovered: Fri b qn, b nsw; Sat a qn, a nsw; Sun a nsw, b qn: 6 x 8 h x 100
# contract: s1 target 37.5 x 3/7 = 16.0714 h, paid 15 h: 15/14 h short x 1
#           (q1 paid 22.5 >= 16.07; q2 paid 21 >= 8.04)
# weekends (qn): q1 1, q2 1; shares 2 x 1/1.5 and 2 x 0.5/1.5: q2 1/3 over x 10
# unsocial (qn): q1 7.5 + 7.5 = 15, q2 6 + 7.5 = 13.5; q2's share 28.5/3 = 9.5,
#           4 over x 1
EXPECT = {
    "uncovered": Fraction(4800), "over_cover": Fraction(80), "substitution": Fraction(45, 2),
    "cross_cover": Fraction(15), "contract": Fraction(15, 14), "requests": Fraction(8),
    "weekend_fairness": Fraction(10, 3), "unsocial_fairness": Fraction(4),
}


class ObjectiveTerms(unittest.TestCase):
    def test_every_term(self):
        total, terms = objective.evaluate(SCEN, ROTA)
        self.assertEqual(terms, EXPECT)
        self.assertEqual(total, sum(EXPECT.values()))
        self.assertTrue(objective.agree(ROTA["objective"], total))

    def test_rounded_report_agrees_wrong_one_does_not(self):
        total, _t = objective.evaluate(SCEN, ROTA)
        self.assertTrue(objective.agree(round(float(total), 3), total))
        self.assertFalse(objective.agree(float(total) + 0.01, total))
        self.assertFalse(objective.agree(None, total))

    def test_unsocial_hours(self):
        ev = objective.Evaluator(SCEN)
        fri, sat = ev.work([a("q1", "2018-03-09", "eve", "a", "qn"),
                            a("q1", "2018-03-10", "early", "a", "qn")])
        night = ev.work([a("q1", "2018-03-09", "night", "a", "qn")])[0]
        self.assertEqual(ev.unsocial_hours(fri), 2)        # 20:00-22:00 of a weekday
        self.assertEqual(ev.unsocial_hours(sat), Fraction(15, 2))
        self.assertEqual(ev.unsocial_hours(night), 9)      # a night: all paid hours
        scen = copy.deepcopy(SCEN)
        scen["bank_holidays"] = ["2018-03-09"]
        scen["bank_holiday_pattern"] = "none"
        ev = objective.Evaluator(scen)
        early = ev.work([a("q1", "2018-03-09", "early", "a", "qn")])[0]
        self.assertEqual(ev.unsocial_hours(early), Fraction(15, 2))   # a bank holiday

    def test_defaults(self):
        scen = copy.deepcopy(SCEN)
        del scen["weights"]
        w = objective.weights(objective.cr.Scenario(scen))
        self.assertEqual(w["uncovered_hour"], 1000)
        self.assertEqual(w["contract_under_hour"], 5)
        self.assertEqual(w["over_cover_hour"], 0)


class ExhaustiveKnownCases(unittest.TestCase):
    """The search reproduces the best rotas worked out by hand."""

    def case(self, name):
        with open(os.path.join(HERE, "..", "solve", name + ".json"), encoding="utf-8") as f:
            doc = json.load(f)
        with open(os.path.join(HERE, "..", "solve", name + ".expect.json"), encoding="utf-8") as f:
            return doc, json.load(f)

    def test_solve_cases(self):
        for name in ("04-substitution", "05-cross-cover", "07-senior", "09-request-off"):
            doc, exp = self.case(name)
            res = exhaustive.optimum(doc)
            self.assertTrue(res["feasible"], name)
            self.assertAlmostEqual(res["objective"], exp["objective"], places=6, msg=name)

    def test_impossible(self):
        doc, exp = self.case("08-senior-impossible")
        self.assertEqual(exp["exit"], 3)
        self.assertFalse(exhaustive.optimum(doc)["feasible"])

    def test_self_checks(self):
        doc, _exp = self.case("07-senior")
        exhaustive.Tiny(doc).verify(50)
        exhaustive.Tiny(SCEN_TWO).verify(100)


# Two people, three days (New York, the March change on Sunday 11th), a senior rule and substitution: small enough for
# the plain enumeration of every rota in verify().
SCEN_TWO = {
    "rota7": 1, "name": "two", "timezone": "America/New_York",
    "horizon": {"start": "2018-03-09", "days": 3},
    "neighbourhoods": [{"id": "a", "name": "A", "weighted_population": 1}],
    "roles": [{"id": "qn", "name": "QN", "also_covers": [{"role": "nsw", "penalty": 2}]},
              {"id": "nsw", "name": "NSW"}],
    "services": [{"id": "cn", "name": "CN", "bands": [
        {"days": ["daily"], "from": "07:00", "to": "15:00", "require": [{"role": "nsw", "count": 1}]},
        {"days": ["daily"], "from": "23:00", "to": "07:00", "require": [{"role": "qn", "count": 1}]}]}],
    "shifts": [{"id": "early", "service": "cn", "start": "07:00", "end": "15:00"},
               {"id": "night", "service": "cn", "start": "23:00", "end": "07:00"}],
    "skill_mix": [{"type": "senior", "service": "cn", "role": "qn", "min_band": 6, "count": 1,
                   "days": ["sun"], "from": "01:00", "to": "04:00"}],
    "weights": {"uncovered_hour": 10},
    "staff": [{"id": "q", "role": "qn", "band": 6, "fte": 1.0, "neighbourhood": "a"},
              {"id": "s", "role": "nsw", "band": 3, "fte": 0.6, "neighbourhood": "a"}],
}


if __name__ == "__main__":
    unittest.main()
