#!/usr/bin/env bash
# History at the start of the horizon (issue 16 item 2): the scenario's
# `history` (an addition to the spec), the shifts each person worked in
# the days before the horizon, counts toward the rules that look back.
# On a small example stretched to four weeks (GLPK proves it: the rows
# carry history too, not only the checks):
#  - with history for five people (six and five days in a row before,
#    two past weekends, one day before), the rota keeps every rule judged
#    with history by the independent checker, which finds the same
#    scenario's rota solved without history breaking max_weekends,
#    weekly_rest and max_days_in_a_row across the start;
#  - pins that only history makes illegal are exit 3 naming the rule
#    (a run of two where at least three, one day off where two, six days
#    in a row where five), legal without history, and the checker flags
#    the rota made without history the same way;
#  - bad history is exit 2 with its JSON path.
#
# usage: history.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-history.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

python3 - "$rota7" "$src" "$tmp" <<'EOF'
import datetime as dt, json, os, subprocess, sys

rota7, src, tmp = sys.argv[1:4]
check = os.path.join(src, "tests", "tools", "check_rota.py")
failed = 0


def ok(cond, msg):
    global failed
    print(("ok: " if cond else "FAIL: ") + msg)
    failed += not cond


def days(a, b):
    d0, d1 = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
    return [(d0 + dt.timedelta(n)).isoformat() for n in range((d1 - d0).days + 1)]


def write(sc, name):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sc, f)
    return path


def solve(path, out):
    return subprocess.run([rota7, "solve", path, "-o", os.path.join(tmp, out),
                           "-q", "--time-limit", "60"], capture_output=True,
                          text=True)


def checker(path, out):
    p = subprocess.run([sys.executable, check, path,
                        os.path.join(tmp, out, "rota.json"), "--quiet"],
                       capture_output=True, text=True)
    return p.returncode, [l for l in p.stdout.splitlines()
                          if l.startswith("violation")], p.stdout.strip()


with open(os.path.join(src, "examples", "small", "two-neighbourhoods.json"),
          encoding="utf-8") as f:
    base = json.load(f)
base["horizon"] = {"start": "2018-03-05", "days": 28}
base.setdefault("rules", {})["max_weekends"] = 2
shifts = []


def work(pid, dates):
    shifts.extend({"staff": pid, "date": d, "shift": "early"} for d in dates)


work("b1", days("2018-02-27", "2018-03-04"))   # six in a row: 5 March off
work("b2", days("2018-02-28", "2018-03-04"))   # five: a weekly rest early
work("b3", ["2018-03-04"])
work("b4", ["2018-02-24", "2018-02-25", "2018-03-03"])   # two weekends
rules = {"b2": {"max_days_in_a_row": 7}, "b3": {"min_days_in_a_row": 3}}
for p in base["staff"]:
    if p["id"] in rules:
        p["rules"] = rules[p["id"]]
plain = write(base, "plain.json")
sc = json.loads(json.dumps(base))
sc["history"] = {"from": "2018-02-19", "shifts": shifts}
hist = write(sc, "history.json")

p = solve(hist, "H")
ok(p.returncode == 0, f"solve with history: exit {p.returncode} "
   f"{p.stderr.strip()[-200:]}")
rc, bad, out = checker(hist, "H")
ok(rc == 0, "every rule kept, judged with history (check_rota.py): " +
   out.splitlines()[-1])
rota = json.load(open(os.path.join(tmp, "H", "rota.json"), encoding="utf-8"))
b1 = {a["date"] for a in rota["assignments"] if a["staff"] == "b1"}
ok("2018-03-05" not in b1, "six days in a row before: 5 March off")
solve(plain, "N")
rc, bad, out = checker(hist, "N")
tags = {l.split("]")[0].split("[")[1] for l in bad}
ok({"max_weekends", "weekly_rest", "max_days_in_a_row"} <= tags,
   f"the rota made without history breaks them across the start: "
   f"{sorted(tags)}")


def variant(name, pid, hist_dates, rules, pins, words, tag):
    s = json.loads(json.dumps(base))
    for q in s["staff"]:
        if q["id"] == pid:
            q["rules"], q["fixed"] = rules, pins
    n = write(s, name + "-plain.json")
    s["history"] = {"from": "2018-02-26", "shifts": [
        {"staff": pid, "date": d, "shift": "early"} for d in hist_dates]}
    h = write(s, name + ".json")
    p = solve(h, name)
    ok(p.returncode == 3 and all(w in p.stderr for w in words),
       f"{name}: exit {p.returncode}: {p.stderr.strip()[:160]}")
    q = solve(n, name + "-N")
    rc, bad, _ = checker(h, name + "-N")
    bad = [l for l in bad if f"[{tag}] {pid}" in l]
    ok(q.returncode == 0 and bad,
       f"{name}: legal without history, and check_rota.py with history "
       f"flags it: {bad[:1]}")


variant("min-days", "b3", ["2018-03-04"], {"min_days_in_a_row": 3},
        [{"date": "2018-03-05", "shift": "early"},
         {"date": "2018-03-06", "off": True}],
        ["short run of days:", "2018-03-04", "before the horizon"],
        "min_days_in_a_row")
variant("min-off", "c2", ["2018-03-04"], {"min_days_off_in_a_row": 2},
        [{"date": "2018-03-05", "off": True},
         {"date": "2018-03-06", "shift": "early"}],
        ["short run of days off", "2018-03-05"], "min_days_off_in_a_row")
variant("max-days", "b4", days("2018-03-01", "2018-03-04"),
        {"max_days_in_a_row": 5},
        [{"date": "2018-03-05", "shift": "early"},
         {"date": "2018-03-06", "shift": "early"}],
        ["days in a row", "2018-03-01", "before the horizon"],
        "max_days_in_a_row")


def refused(history, words, what):
    s = json.loads(json.dumps(base))
    s["history"] = history
    p = subprocess.run([rota7, "check", write(s, "bad.json")],
                       capture_output=True, text=True)
    ok(p.returncode == 2 and all(w in p.stderr for w in words),
       f"{what}: exit {p.returncode}: {p.stderr.strip()[:160]}")


e = {"staff": "b1", "date": "2018-03-01", "shift": "early"}
refused({"shifts": [dict(e, staff="zz")]},
        ["$.history.shifts[0].staff", "unknown staff 'zz'"], "unknown staff")
refused({"shifts": [dict(e, shift="late")]},
        ["$.history.shifts[0].shift", "unknown shift"], "unknown shift")
refused({"shifts": [dict(e, date="2018-03-05")]},
        ["$.history.shifts[0].date", "before the horizon"], "a date in the horizon")
refused({"shifts": [e, e]}, ["$.history.shifts[1]", "a second shift",
                             "shifts[0]"], "a person twice on one date")
refused({"from": "2018-03-02", "shifts": [e]}, ["$.history.from"],
        "a shift before from")
refused({"shifts": [dict(e, extra=1)]}, ["$.history.shifts[0]", "extra"],
        "an unknown key")
refused({"shifts": [1, 2]}, ["$.history.shifts[0]", "$.history.shifts[1]",
                             "object"], "entries that are not objects")
refused([e], ["$.history", "object"], "a list where an object is expected")
print(f"{failed} failed")
sys.exit(1 if failed else 0)
EOF
