#!/usr/bin/env bash
# A re-roster whose lost shift only a paired move refills (issue 16): one
# team, an evening wanting one support worker all evening and one nurse
# for its last 90 minutes, and a ratio allowing no support worker
# without a nurse.  The nurse of one evening goes sick after the freeze,
# so the start leaves the support worker's evening out too (the ratio).
# A spare nurse taking the evening buys 1.5 h of cover (1,500) for a
# change (2,000), and the support worker cannot come back alone, so no
# one person's move pays; both together buy 9 h.  The engine's refill
# phase (solver/refill.c) must find it: B leaves no more uncovered than
# A plus the sick nurse's evening, the support worker's evening kept as
# published, every hard rule kept, nothing changed before the freeze.
# Nurses and support workers live in different neighbourhoods, so the
# search's ruin-and-recreate (one neighbourhood's people) cannot make
# the pair either.  32 people over 35 days (3,360 columns) are above
# what GLPK solves whole, so the search and the refill do the work.
#
# usage: reroster_refill.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-refill.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
py=/usr/bin/python3
[ -x "$py" ] || py=python3

"$py" - "$rota7" "$src" "$tmp" <<'PY'
import csv, json, os, subprocess, sys

rota7, src, tmp = sys.argv[1:4]
check = os.path.join(src, "tests", "tools", "check_rota.py")
FREEZE = "2018-03-10"
failed = 0


def ok(cond, msg):
    global failed
    print(("ok: " if cond else "FAIL: ") + msg)
    failed += not cond


def scenario(sick=None):
    # Nurses live in m, support workers in n, and both may work anywhere
    # in the locality: a neighbourhood's ruin-and-recreate (its own
    # people) clears only one half of an evening pair.
    staff = []
    for role, n in (("qn", 16), ("nsw", 16)):
        for i in range(n):
            st = {"id": f"{role}{i:02}", "name": f"{role} {i}", "role": role,
                  "band": 5 if role == "qn" else 3, "fte": 1.0}
            st.update({"neighbourhood": "m" if role == "qn" else "n",
                       "may_work_in": "locality"})
            if st["id"] == (sick or {}).get("staff"):
                st["leave"] = [{"from": sick["date"], "to": sick["date"],
                                "kind": "sick"}]
            staff.append(st)
    return {
        "rota7": 1, "name": "An evening tied by a ratio",
        "timezone": "Europe/London",
        "horizon": {"start": "2018-03-01", "days": 35},
        "neighbourhoods": [{"id": "n", "name": "N", "weighted_population": 1},
                           {"id": "m", "name": "M", "weighted_population": 1}],
        "groups": {"locality": {"loc": ["n", "m"]}},
        "roles": [{"id": "qn", "name": "Qualified nurse"},
                  {"id": "nsw", "name": "Nursing support worker"}],
        "services": [{"id": "cn", "name": "Community nursing", "bands": [
            {"label": "day", "days": ["daily"], "from": "08:00",
             "to": "16:00", "scope": "locality",
             "require": [{"role": "qn", "count": 4},
                         {"role": "nsw", "count": 4}]},
            {"label": "evening", "days": ["daily"], "from": "16:00",
             "to": "23:30", "scope": "locality",
             "require": [{"role": "nsw", "count": 1}]},
            {"label": "late evening", "days": ["daily"], "from": "22:00",
             "to": "23:30", "scope": "locality",
             "require": [{"role": "qn", "count": 1}]}]}],
        "shifts": [
            {"id": "day", "service": "cn", "start": "08:00", "end": "16:00",
             "break_minutes": 30},
            {"id": "eve", "service": "cn", "start": "16:00", "end": "23:30"}],
        "skill_mix": [{"type": "ratio", "service": "cn",
                       "scope": "neighbourhood", "role": "nsw",
                       "at_most": 1, "per": "qn"}],
        # No price on unused contract hours: only cover buys a shift, so
        # a nurse's evening alone buys 1.5 h, less than a change.
        "weights": {"contract_under_hour": 0},
        "staff": staff}


def write(name, sc):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        json.dump(sc, f)
    return path


def solve(sc, out, *extra):
    p = subprocess.run([rota7, "solve", sc, "-o", out, "-q", "--seed", "1",
                        "--time-limit", "120", "--work", "200", *extra],
                       capture_output=True, text=True)
    if p.returncode:
        sys.exit(f"FAIL: solve {os.path.basename(sc)}: exit {p.returncode}: "
                 f"{p.stderr.strip()[-400:]}")
    return json.load(open(os.path.join(out, "rota.json")))


a_dir, b_dir = os.path.join(tmp, "A"), os.path.join(tmp, "B")
rota_a = solve(write("a.json", scenario()), a_dir)
# The first evening after the freeze with one nurse and one support
# worker on it: the nurse goes sick.
day = nurse = worker = None
for d in sorted({x["date"] for x in rota_a["assignments"]}):
    eve = [x for x in rota_a["assignments"]
           if x["date"] == d and x["shift"] == "eve"]
    qn = [x["staff"] for x in eve if x["role"] == "qn"]
    nsw = [x["staff"] for x in eve if x["role"] == "nsw"]
    if d > FREEZE and len(qn) == 1 and len(nsw) == 1:
        day, nurse, worker = d, qn[0], nsw[0]
        break
ok(day is not None, f"A has an evening after {FREEZE} with one nurse and "
   f"one support worker ({day}: {nurse}, {worker})")
if day is None:
    sys.exit(1)

b_sc = write("b.json", scenario({"staff": nurse, "date": day}))
rota_b = solve(b_sc, b_dir, "--previous", a_dir, "--freeze-until", FREEZE)
c = subprocess.run([sys.executable, check, b_sc,
                    os.path.join(b_dir, "rota.json"), "--quiet"],
                   capture_output=True, text=True)
ok(c.returncode == 0, "check_rota.py passes B: " + c.stdout.strip()[-300:])
lost = 1.5  # the nurse's evening: only its last 1.5 h is wanted
ok(rota_b["uncovered_hours"] <= rota_a["uncovered_hours"] + lost + 1e-9,
   f"B leaves {rota_b['uncovered_hours']} h uncovered, A's plus the sick "
   f"nurse's {rota_a['uncovered_hours'] + lost} h (no more)")
eve_b = [x for x in rota_b["assignments"]
         if x["date"] == day and x["shift"] == "eve"]
ok(any(x["staff"] == worker for x in eve_b),
   f"{worker} keeps the evening of {day} as published "
   f"(B's evening: {sorted(x['staff'] for x in eve_b)})")
ok(any(x["role"] == "qn" for x in eve_b),
   f"a nurse works the evening of {day} in B")
with open(os.path.join(b_dir, "changes.csv")) as f:
    early = [r for r in csv.DictReader(f) if r["date"] <= FREEZE]
ok(not early, f"nothing changed on or before {FREEZE}")
sys.exit(1 if failed else 0)
PY
