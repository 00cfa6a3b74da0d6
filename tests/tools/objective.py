#!/usr/bin/python3
"""Independent evaluator of a rota's objective (spec/scenario.md, Weights).

Usage: objective.py SCENARIO.json ROTA.json [--quiet]

Recomputes the objective of the rota in ROTA.json from the scenario alone,
term by term, and compares it with the `objective` that rota.json reports.
It shares no code with rota7; it reuses the scenario reading, the instants
and the demand of check_rota.py (beside it in tests/tools), which is itself
written from the spec. Python 3.9+ standard library only. Only the
assignments' staff, date, shift, neighbourhood and role are read; their
instants and paid hours are recomputed. Hard rules are not judged here
(that is check_rota.py's job).

Exit status: 0 when the figures agree, 1 when they differ, 2 when a file
cannot be read. The figures agree when they differ by at most 1e-6
relative or 0.0005 absolute: rota.json writes the objective rounded to
0.001.

The terms, each at its weight (defaults from the spec):
  uncovered   per person-hour short of demand, per (service, scope, unit,
              role) at every instant (overlapping bands of one scope add up)
  over_cover  per person-hour beyond demand, counted only where demand is
              at least one (README, "Defaults and choices")
  substitution per paid hour worked in another role, at that also_covers
              entry's penalty (default weights.substitution_hour, 1)
  cross_cover per paid hour worked outside the home neighbourhood
  contract    per hour of paid hours short of the contract target
  requests    weights.request x the request's weight, per refused request
              dated inside the horizon
  weekend_fairness  per weekend worked above the fair share of the
              person's role: share = the role's total x fte / the role's
              fte (README: "linearised through a role total")
  unsocial_fairness per unsocial hour above that fair share; a shift's
              unsocial hours are its paid hours when it is a night shift
              or starts on a Saturday, Sunday or bank holiday, otherwise
              its wall-clock hours after 20:00 (README, "How a rota is
              made")
`change` (only with --previous) is not priced: scenarios alone have no
reference rota.
"""

import argparse
import json
import os
import sys
from collections import defaultdict
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_rota as cr  # noqa: E402  (the independent checker, beside us)

DEFAULT_WEIGHTS = {
    "uncovered_hour": 1000,
    "over_cover_hour": 0,
    "substitution_hour": 1,
    "cross_cover_hour": 2,
    "contract_under_hour": 5,
    "request": 1,
    "weekend_fairness": 10,
    "unsocial_fairness": 1,
}
TERMS = ["uncovered", "over_cover", "substitution", "cross_cover", "contract",
         "requests", "weekend_fairness", "unsocial_fairness"]
REL_TOL = 1e-6
ABS_TOL = 0.0005   # rota.json's objective is rounded to 0.001


def frac(x):
    """Exact value of a JSON number (floats by their shortest repr)."""
    return Fraction(str(x)) if not isinstance(x, Fraction) else x


def weights(sc):
    w = {k: frac(v) for k, v in DEFAULT_WEIGHTS.items()}
    for k, v in (sc.raw.get("weights") or {}).items():
        if not k.startswith("x-"):
            w[k] = frac(v)
    return w


def substitution_penalties(sc, w):
    """{(own role, role filled): penalty per hour}."""
    out = {}
    for r in sc.raw.get("roles", []):
        for c in r.get("also_covers", []) or []:
            if isinstance(c, dict):
                out[(r["id"], c["role"])] = frac(c.get("penalty", w["substitution_hour"]))
            else:
                out[(r["id"], c)] = w["substitution_hour"]
    return out


def agree(reported, exact):
    """Does a reported objective match the exact one (see the module doc)?"""
    try:
        a, b = float(reported), float(exact)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= max(REL_TOL * abs(b), ABS_TOL) + 1e-12


class Evaluator:
    """The objective of rotas of one scenario. Parse once, evaluate many."""

    def __init__(self, scenario):
        self.sc = scenario if isinstance(scenario, cr.Scenario) else cr.Scenario(scenario)
        self.ck = cr.Checker(self.sc, {})    # for demand, targets, weekends
        self.w = weights(self.sc)
        self.pen = substitution_penalties(self.sc, self.w)
        self.demand = self.ck.demand_events()
        self.members = {}
        for kind in {k[1] for k in self.demand}:
            for u, m, _w in self.sc.units(kind):
                self.members[(kind, u)] = m

    # -- the assignments as work items with recomputed instants
    def work(self, assignments):
        sc = self.sc
        out = []
        for a in assignments:
            date = cr.parse_date(a["date"], "date")
            sh = sc.shifts[a["shift"]]
            s, e = sc.shift_span(a["shift"], date)
            out.append({
                "staff": a["staff"], "date": date, "shift": a["shift"],
                "service": sh["service"], "nbhd": a["neighbourhood"],
                "role": a["role"], "start": s, "end": e,
                "paid": Fraction(e - s, 3600) - Fraction(sh["break"], 60),
                "night": sh["night"],
            })
        return out

    def unsocial_hours(self, w):
        sc = self.sc
        sh = sc.shifts[w["shift"]]
        if sh["night"] or w["date"].weekday() >= 5 or w["date"] in sc.bank_holidays:
            return w["paid"]
        end = sh["end"] if sh["end"] > sh["start"] else sh["end"] + 1440
        start = max(sh["start"], 20 * 60)
        return Fraction(max(0, end - start), 60)

    def coverage(self, ws):
        """(person-hours short, person-hours over where demand >= 1)."""
        short = over = Fraction(0)
        for (svc, kind, unit, role), dev in self.demand.items():
            members = self.members[(kind, unit)]
            on = {}
            for w in ws:
                if w["service"] == svc and w["role"] == role and w["nbhd"] in members:
                    cr.add_event(on, w["start"], w["end"])
            for t0, t1, (req, staffed) in cr.sweep(dev, on):
                h = Fraction(t1 - t0, 3600)
                if staffed < req:
                    short += (req - staffed) * h
                elif req > 0 and staffed > req:
                    over += (staffed - req) * h
        return short, over

    def fairness(self, measure):
        """Sum over staff of max(0, own measure - fair share of the role)."""
        sc = self.sc
        by_role = defaultdict(list)
        for pid in sc.staff_order:
            p = sc.staff[pid]
            by_role[p["role"]].append((frac(p["fte"]), measure[pid]))
        excess = Fraction(0)
        for people in by_role.values():
            fte = sum(f for f, _m in people)
            if fte <= 0:
                continue
            total = sum(m for _f, m in people)
            for f, m in people:
                share = total * f / fte
                if m > share:
                    excess += m - share
        return excess

    def terms(self, assignments):
        """{term: cost} as exact Fractions."""
        sc, w = self.sc, self.w
        ws = self.work(assignments)
        by_person = defaultdict(list)
        for x in ws:
            by_person[x["staff"]].append(x)
        short, over = self.coverage(ws)
        sub = cross = Fraction(0)
        for x in ws:
            p = sc.staff[x["staff"]]
            if x["role"] != p["role"]:
                sub += self.pen.get((p["role"], x["role"]), w["substitution_hour"]) * x["paid"]
            if x["nbhd"] != p["home"]:
                cross += w["cross_cover_hour"] * x["paid"]
        under = refused = Fraction(0)
        weekends, unsocial = {}, {}
        for pid in sc.staff_order:
            p = sc.staff[pid]
            mine = [x for x in by_person.get(pid, []) if x["date"] in sc.date_index]
            paid = sum((x["paid"] for x in mine), Fraction(0))
            target = self.target(p)
            if paid < target:
                under += target - paid
            for q in p["requests"]:
                if q["_date"] in sc.date_index and not self.ck.request_granted(q, mine):
                    refused += frac(q.get("weight", 1))
            weekends[pid] = Fraction(len(self.ck.weekends_worked(mine)))
            unsocial[pid] = sum((self.unsocial_hours(x) for x in mine), Fraction(0))
        return {
            "uncovered": w["uncovered_hour"] * short,
            "over_cover": w["over_cover_hour"] * over,
            "substitution": sub,
            "cross_cover": cross,
            "contract": w["contract_under_hour"] * under,
            "requests": w["request"] * refused,
            "weekend_fairness": w["weekend_fairness"] * self.fairness(weekends),
            "unsocial_fairness": w["unsocial_fairness"] * self.fairness(unsocial),
        }

    def target(self, p):
        """The contract target, exact: fte x h x days/7 less fte x h/5 per
        Monday-to-Friday leave day in the horizon."""
        sc = self.sc
        h = frac(p["rules"]["hours_per_fte_week"])
        fte = frac(p["fte"])
        days = sum(1 for d in sc.dates if sc.in_post(p, d))
        leave = sum(1 for d in p["leave"] if d in sc.date_index and d.weekday() < 5
                    and sc.in_post(p, d))
        return max(Fraction(0), fte * h * days / 7 - fte * h / 5 * leave)

    def objective(self, assignments):
        return sum(self.terms(assignments).values(), Fraction(0))


def evaluate(scenario, rota):
    """(objective as a Fraction, {term: Fraction}) of a parsed rota.json."""
    t = Evaluator(scenario).terms(rota.get("assignments") or [])
    return sum(t.values(), Fraction(0)), t


def main(argv=None):
    ap = argparse.ArgumentParser(description="Independent objective of a rota7 rota.json")
    ap.add_argument("scenario")
    ap.add_argument("rota")
    ap.add_argument("--quiet", action="store_true", help="only the verdict line")
    args = ap.parse_args(argv)
    docs = cr.read_documents((args.scenario, args.rota))
    if docs is None:
        return 2
    try:
        total, terms = evaluate(docs[0], docs[1])
    except (cr.ScenarioError, KeyError, ValueError) as exc:
        print("error: %s: %s" % (args.rota, exc), file=sys.stderr)
        return 2
    if not args.quiet:
        for k in TERMS:
            if terms[k]:
                print("%-18s %.6f" % (k, float(terms[k])))
    reported = docs[1].get("objective")
    ok = agree(reported, total)
    print("objective %.6f, rota.json %s: %s" % (float(total), reported,
                                                "agree" if ok else "DIFFER"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
