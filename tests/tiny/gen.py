#!/usr/bin/python3
"""Tiny cases: small random scenarios with their optimum by exhaustive search.

Usage: gen.py [--check] [--only NN[,NN...]] [--seed N] [--count N]

Writes tests/tiny/NN-NAME.json (a scenario: one or two people, 3 to 8
days, 2 or 3 shifts, random bands, rules, requests and leave, in
Europe/London, America/New_York or Australia/Sydney, most across a 2018
clock change) and NN-NAME.expect.json beside it:
  {"exit": 0, "objective": X}   the least objective of any legal rota
  {"exit": 3}                   no rota keeps the hard rules
plus "x-seconds" (the exhaustive search's time), "x-optimal-rota" (one
optimal rota, "staff date shift neighbourhood role" per assignment, for
reading; others may tie) and, where it differs, "x-live-only": the optimum
when people are deployed only in roles that their shift's service demands
or a skill-mix rule names (rota7 offers no other deployment; the spec and
check_rota.py allow any role the person can fill).

The optimum comes from tests/tools/exhaustive.py, which enumerates every
rota and shares no code with rota7. --check regenerates the scenarios
from the seed, requires them to be byte-identical to the committed ones,
and re-derives every expect file by exhaustive search (a few minutes);
exit 1 on any difference. Same seed, same files.
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import exhaustive  # noqa: E402

SEED = 2018
COUNT = 40

# The 2018 clock changes: (zone, short name, [(date, what)]).
ZONES = [
    ("Europe/London", "london", [("2018-03-25", "mar"), ("2018-10-28", "oct")]),
    ("America/New_York", "newyork", [("2018-03-11", "mar"), ("2018-11-04", "nov")]),
    ("Australia/Sydney", "sydney", [("2018-04-01", "apr"), ("2018-10-07", "oct")]),
]

# Shift shapes by kind: (start, end) wall clock; nights cross midnight.
EARLY = [("07:00", "15:00"), ("08:00", "16:00"), ("06:30", "14:30"), ("07:30", "15:30")]
LATE = [("13:00", "21:00"), ("14:00", "22:00"), ("12:00", "20:00"), ("15:00", "23:00")]
DAY = [("08:00", "20:00"), ("07:30", "19:30"), ("09:00", "17:00")]
NIGHT = [("20:00", "08:00"), ("21:00", "07:30"), ("22:00", "07:00"), ("23:30", "08:00"),
         ("23:00", "07:00"), ("21:30", "08:00")]
# Starts or ends inside a spring gap or an autumn repeat in some zone.
ODD = [("01:30", "09:30"), ("02:00", "10:00"), ("02:30", "09:00"), ("18:00", "02:30"),
       ("19:00", "03:00")]

DAYS_CHOICES = [["daily"], ["daily"], ["daily"], ["weekday"], ["weekend"],
                ["mon", "wed", "fri"], ["sat", "sun", "mon"]]


def hhmm(m):
    m %= 1440
    return "%02d:%02d" % (m // 60, m % 60)


def minutes(s):
    return int(s[:2]) * 60 + int(s[3:])


def pick_shifts(rng, n):
    kinds = rng.sample(["early", "late", "day", "night", "night", "odd"], n)
    if "night" not in kinds and rng.random() < 0.6:
        kinds[-1] = "night"
    out = []
    for k in kinds:
        table = {"early": EARLY, "late": LATE, "day": DAY, "night": NIGHT, "odd": ODD}[k]
        st, en = rng.choice(table)
        sid = k if k not in [s["id"] for s in out] else k + "2"
        sh = {"id": sid, "service": "cn", "start": st, "end": en,
              "break_minutes": rng.choice([0, 30, 30, 60])}
        if k == "odd" and rng.random() < 0.5:
            sh["night"] = rng.random() < 0.5
        out.append(sh)
    return out


def pick_band(rng, shifts, roles):
    """A band shaped like one of the shifts, cut or stretched a little."""
    sh = rng.choice(shifts)
    f = minutes(sh["start"]) + rng.choice([0, 0, 30, 60, -60, 120])
    t = minutes(sh["end"]) + rng.choice([0, 0, -30, -60, 60, -120])
    if hhmm(f) == hhmm(t):
        t += 60
    role = rng.choice(roles)
    n = 1 if rng.random() < 0.8 else 2
    band = {"label": "band " + sh["id"], "days": rng.choice(DAYS_CHOICES),
            "from": hhmm(f), "to": hhmm(t), "require": [{"role": role, "count": n}]}
    return band


def scenario(k, seed):
    rng = random.Random(seed * 1000 + k)
    zone, zname, changes = ZONES[k % 3]
    days = rng.randint(3, 8)
    if rng.random() < 0.8:
        when, what = rng.choice(changes)
        change = dt.date.fromisoformat(when)
        start = change - dt.timedelta(days=rng.randint(0, days - 1))
        tag = "%s-%s" % (zname, what)
    else:
        start = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        tag = zname
    people = 1 if rng.random() < 0.4 else 2
    two_roles = people == 2 and rng.random() < 0.3
    roles = [{"id": "qn", "name": "Qualified nurse"}]
    if two_roles:
        roles[0]["also_covers"] = [{"role": "nsw", "penalty": rng.choice([1, 2, 3])}]
        roles.append({"id": "nsw", "name": "Nursing support worker"})
    two_places = rng.random() < 0.2
    nbhds = [{"id": "ash", "name": "Ash", "weighted_population": 10000}]
    if two_places:
        nbhds.append({"id": "elm", "name": "Elm", "weighted_population": 8000})
    shifts = pick_shifts(rng, rng.choice([2, 3, 3]))
    role_ids = [r["id"] for r in roles]
    bands = [pick_band(rng, shifts, role_ids) for _ in range(rng.randint(1, 3))]
    if two_places:
        for b in bands:
            if rng.random() < 0.5:
                b["scope"] = "borough"
    dates = [start + dt.timedelta(days=i) for i in range(days)]
    staff = []
    for p in range(people):
        role = "nsw" if two_roles and p == 1 else "qn"
        person = {"id": "p%d" % (p + 1), "name": "Person %d" % (p + 1), "role": role,
                  "band": rng.choice([5, 6, 7]) if role == "qn" else 3,
                  "fte": rng.choice([0.6, 0.8, 1.0, 1.0]), "neighbourhood": "ash"}
        if two_places and p == people - 1:
            person["may_work_in"] = "borough"
        if rng.random() < 0.5:
            person["shifts"] = sorted(s["id"] for s in rng.sample(shifts, max(1, len(shifts) - 1)))
        if rng.random() < 0.3:
            d = rng.choice(dates)
            person["leave"] = [{"from": d.isoformat(), "to": d.isoformat(), "kind": "annual"}]
        if rng.random() < 0.2:
            person["days_off_weekly"] = [rng.choice(["mon", "tue", "wed", "thu", "fri", "sat", "sun"])]
        reqs = []
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            q = {"date": rng.choice(dates).isoformat(), "weight": rng.choice([1, 2, 3, 5])}
            if rng.random() < 0.6:
                q["off"] = True
            else:
                q["on"] = True
            if rng.random() < 0.4:
                q["shift"] = rng.choice(shifts)["id"]
            reqs.append(q)
        if reqs:
            person["requests"] = reqs
        own = {}
        if rng.random() < 0.3:
            own["max_nights_in_a_row"] = rng.choice([0, 1, 2])
        if rng.random() < 0.2:
            own["min_rest_hours"] = rng.choice([8, 10, 12])
        if own:
            person["rules"] = own
        staff.append(person)
    rules = {}
    if rng.random() < 0.5:
        rules["max_days_in_a_row"] = rng.choice([2, 3, 4, 5])
    if rng.random() < 0.3:
        rules["min_days_in_a_row"] = 2
    if rng.random() < 0.3:
        rules["min_days_off_in_a_row"] = 2
    if rng.random() < 0.3:
        rules["max_weekends"] = rng.choice([0, 1])
    if rng.random() < 0.3:
        rules["max_shifts"] = {rng.choice(shifts)["id"]: rng.choice([1, 2])}
    if rng.random() < 0.3:
        rules["min_rest_hours"] = rng.choice([9, 11, 12, 14])
    if rng.random() < 0.3:
        rules["weekly_rest"] = rng.choice([{"hours": 24, "per_days": 3},
                                           {"hours": 36, "per_days": 5},
                                           {"hours": 24, "per_days": 7}])
    if rng.random() < 0.4:
        rules["max_avg_weekly_hours"] = rng.choice([40, 60, 72])
    if rng.random() < 0.3:
        rules["contract_tolerance_hours"] = rng.choice([0, 4, 15])
    weights = {}
    if rng.random() < 0.5:
        weights["uncovered_hour"] = rng.choice([1, 3, 10, 50])
    if rng.random() < 0.2:
        weights["over_cover_hour"] = rng.choice([1, 5])
    if rng.random() < 0.3:
        weights["contract_under_hour"] = rng.choice([0, 1, 2.5, 20])
    if rng.random() < 0.2:
        weights["weekend_fairness"] = rng.choice([0, 3, 25])
    if rng.random() < 0.2:
        weights["unsocial_fairness"] = rng.choice([0, 0.5, 4])
    if rng.random() < 0.2:
        weights["request"] = rng.choice([2, 20])
    if two_places and rng.random() < 0.5:
        weights["cross_cover_hour"] = rng.choice([0.5, 5])
    doc = {
        "rota7": 1,
        "name": "tiny %02d" % k,
        "timezone": zone,
        "horizon": {"start": start.isoformat(), "days": days},
        "neighbourhoods": nbhds,
        "roles": roles,
        "services": [{"id": "cn", "name": "Community nursing", "bands": bands}],
        "shifts": shifts,
        "staff": staff,
    }
    if rng.random() < 0.15:
        doc["bank_holidays"] = [rng.choice(dates).isoformat()]
    senior = rng.random() < 0.25
    if senior:
        sh = rng.choice(shifts)
        f = minutes(sh["start"]) + 60
        doc["skill_mix"] = [{"type": "senior", "service": "cn", "scope": "neighbourhood",
                             "role": "qn", "min_band": 6, "count": 1,
                             "days": rng.choice([["mon"], ["sat"], ["tue", "thu"], ["weekday"],
                                                 ["daily"]]),
                             "from": hhmm(f), "to": hhmm(f + rng.choice([60, 120, 240]))}]
        if rng.random() < 0.8:
            staff[0]["band"] = rng.choice([6, 7])   # mostly someone can meet it
        tag += "-senior"
    if rules:
        doc["rules"] = rules
    if weights:
        doc["weights"] = weights
    tag += "-%dp%dd" % (people, days)
    if two_roles:
        tag += "-sub"
    if two_places:
        tag += "-cross"
    return "%02d-%s" % (k, tag), doc


def dumps(doc):
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def expect_of(doc):
    res = exhaustive.optimum(doc)
    if not res["feasible"]:
        e = {"exit": 3}
    else:
        e = {"exit": 0, "objective": round(res["objective"], 9)}
        e["x-optimal-rota"] = ["%s %s %s %s %s" % (a["staff"], a["date"], a["shift"],
                                                   a["neighbourhood"], a["role"])
                               for a in res["assignments"]]
    e["x-months"] = res["months"]
    e["x-seconds"] = round(res["seconds"], 1)
    # rota7 deploys people only in roles their shift's service demands (or
    # names in a skill-mix rule); where that restriction changes the
    # optimum, say so, so that a reader of a failure knows why.
    live = exhaustive.optimum(doc, live_only=True)
    lo = live.get("objective")
    if (lo is None) != (res.get("objective") is None) or \
            (lo is not None and abs(lo - res["objective"]) > 1e-6 * max(1.0, abs(lo))):
        e["x-live-only"] = "infeasible" if lo is None else round(lo, 9)
        e["x-note"] = ("the optimum works someone in a role their shift's service does not "
                       "demand; deploying people only in demanded roles gives x-live-only")
    return e


def same_expect(a, b):
    if a.get("exit") != b.get("exit"):
        return False
    if "objective" in a or "objective" in b:
        x, y = a.get("objective"), b.get("objective")
        if x is None or y is None or abs(x - y) > 1e-6 * max(1.0, abs(y)):
            return False
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="re-derive and compare, write nothing")
    ap.add_argument("--only", help="comma-separated case numbers")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--count", type=int, default=COUNT)
    args = ap.parse_args(argv)
    only = {int(x) for x in args.only.split(",")} if args.only else None
    bad = 0
    t_all = time.time()
    names = set()
    for k in range(1, args.count + 1):
        name, doc = scenario(k, args.seed)
        names.add(name)
        if only is not None and k not in only:
            continue
        path = os.path.join(HERE, name + ".json")
        epath = os.path.join(HERE, name + ".expect.json")
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    if f.read() != dumps(doc):
                        print("DIFFER %s: the scenario is not what the seed gives" % name)
                        bad += 1
                        continue
                with open(epath, encoding="utf-8") as f:
                    committed = json.load(f)
            except OSError as exc:
                print("MISSING %s: %s" % (name, exc))
                bad += 1
                continue
        e = expect_of(doc)
        what = "infeasible" if e["exit"] == 3 else "optimum %.6f" % e["objective"]
        if args.check:
            ok = same_expect(e, committed)
            bad += not ok
            print("%s %s: %s, committed %s (%.1f s)" % (
                "ok" if ok else "DIFFER", name, what,
                "exit 3" if committed.get("exit") == 3 else committed.get("objective"),
                e["x-seconds"]))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(dumps(doc))
            with open(epath, "w", encoding="utf-8") as f:
                f.write(dumps(e))
            print("%s: %s (%s months, %.1f s)" % (name, what, e["x-months"], e["x-seconds"]))
    if args.check and only is None:
        stray = {f[:-5] for f in os.listdir(HERE) if f.endswith(".json")
                 and not f.endswith(".expect.json")} - names
        for s in sorted(stray):
            print("STRAY %s.json: not made by the seed" % s)
            bad += 1
    print("%.0f s in all" % (time.time() - t_all))
    if args.check:
        print("%d differ" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
