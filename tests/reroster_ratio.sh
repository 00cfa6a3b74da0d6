#!/usr/bin/env bash
# A re-roster whose start breaks a ratio rule: every nurse of a team is
# signed off on one day after the freeze, so the published rota leaves
# support workers on duty with no nurse (at most 2 per qn).  The search
# only makes legal moves, so it cannot mend a break it starts from; the
# start must leave those support workers' shifts out (reason "rule").
# --work 1 leaves the rota to the start alone, and the team (40 people,
# 28 days, 3 shifts: 3,360 columns) is above what GLPK solves whole.
#
# usage: reroster_ratio.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-reratio.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
[ -x "$py" ] || py=python3

"$py" - "$rota7" "$src" "$tmp" <<'PY'
import csv, json, os, subprocess, sys

rota7, src, tmp = sys.argv[1:4]
check = os.path.join(src, "tests", "tools", "check_rota.py")
SICK = "2018-03-20"
failed = 0


def ok(cond, msg):
    global failed
    print(("ok: " if cond else "FAIL: ") + msg)
    failed += not cond


def scenario(sick):
    staff = []
    for i in range(12):
        st = {"id": f"q{i:02}", "name": f"Nurse {i}", "role": "qn",
              "band": 5, "fte": 1.0, "neighbourhood": "n"}
        if sick:
            st["leave"] = [{"from": SICK, "to": SICK, "kind": "sick"}]
        staff.append(st)
    for i in range(28):
        staff.append({"id": f"s{i:02}", "name": f"Support {i}", "role": "nsw",
                      "band": 3, "fte": 1.0, "neighbourhood": "n"})
    return {
        "rota7": 1, "name": "One team, a ratio", "timezone": "Europe/London",
        "horizon": {"start": "2018-03-01", "days": 28},
        "neighbourhoods": [{"id": "n", "name": "N", "weighted_population": 1}],
        "roles": [{"id": "qn", "name": "Qualified nurse"},
                  {"id": "nsw", "name": "Nursing support worker"}],
        "services": [{"id": "cn", "name": "Community nursing", "bands": [
            {"label": "day", "days": ["daily"], "from": "08:00", "to": "20:00",
             "scope": "neighbourhood",
             "require": [{"role": "qn", "count": 4},
                         {"role": "nsw", "count": 8}]}]}],
        "shifts": [
            {"id": "early", "service": "cn", "start": "08:00", "end": "14:00"},
            {"id": "late", "service": "cn", "start": "14:00", "end": "20:00"},
            {"id": "day", "service": "cn", "start": "08:00", "end": "20:00",
             "break_minutes": 60}],
        "skill_mix": [{"type": "ratio", "service": "cn", "scope": "neighbourhood",
                       "role": "nsw", "at_most": 2, "per": "qn"}],
        "staff": staff}


def write(name, sc):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        json.dump(sc, f)
    return path


def solve(sc, out, *extra):
    return subprocess.run([rota7, "solve", sc, "-o", out, "-q", "--seed", "1",
                           "--time-limit", "120", *extra],
                          capture_output=True, text=True)


a_sc = write("a.json", scenario(False))
b_sc = write("b.json", scenario(True))
a, b = os.path.join(tmp, "A"), os.path.join(tmp, "B")
p = solve(a_sc, a, "--work", "100")
if p.returncode:
    sys.exit(f"FAIL: solve A: exit {p.returncode}: {p.stderr}")
rota_a = json.load(open(os.path.join(a, "rota.json")))
nsw_on = [x for x in rota_a["assignments"]
          if x["date"] == SICK and x["role"] == "nsw"]
ok(len(nsw_on) > 0, f"A has {len(nsw_on)} support workers on {SICK}")

p = solve(b_sc, b, "--work", "1", "--previous", a,
          "--freeze-until", "2018-03-10")
ok(p.returncode == 0, f"solve --previous exits 0 (got {p.returncode}: "
   f"{p.stderr.strip()[-300:]})")
if p.returncode == 0:
    c = subprocess.run([sys.executable, check, b_sc, os.path.join(b, "rota.json")],
                       capture_output=True, text=True)
    ok(c.returncode == 0, "check_rota.py passes B " + c.stdout[-300:])
    rota_b = json.load(open(os.path.join(b, "rota.json")))
    left = [x for x in rota_b["assignments"] if x["date"] == SICK]
    ok(not left, f"nobody on duty on {SICK} (got {len(left)})")
    with open(os.path.join(b, "changes.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r["date"] == SICK]
    nsw_rows = [r for r in rows if r["staff"].startswith("s")]
    ok(len(nsw_rows) == len(nsw_on) and
       all(r["reason"] == "rule" for r in nsw_rows),
       f"each support worker's shift on {SICK} removed for a rule "
       f"({[r['reason'] for r in nsw_rows]})")
    early = [r for r in csv.DictReader(open(os.path.join(b, "changes.csv")))
             if r["date"] <= "2018-03-10"]
    ok(not early, "nothing changed on or before the freeze")
sys.exit(1 if failed else 0)
PY
