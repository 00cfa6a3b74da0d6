#!/usr/bin/env bash
# Re-rostering against a published rota (issue 16) on a small example:
#  - solve A; then a changed scenario (sick leave for the person with the
#    most shifts, leave entered on a frozen day, pins, a person removed)
#    solved --previous A --freeze-until: frozen days kept exactly but for
#    the assignment the new leave removes, pins kept, every hard rule
#    kept (tests/tools/check_rota.py, which checks pins too), changes.csv
#    and rota.json's changes exactly the diff of the two rota.json, the
#    stdout line counting them, the removed person's calendar cancelling
#    every shift of theirs with A's UIDs (python3-icalendar when present);
#  - the unchanged scenario against A with A's seed: no change at all;
#  - pins refused with exit 2 naming both sides (leave, weekly day off,
#    unknown shift), pins breaking a hard rule with exit 3 naming it,
#    --freeze-until without --previous refused.
#
# usage: reroster.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-reroster.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
# Debian's python3 has python3-icalendar (.ci/deps); another one on PATH
# may not.
py=/usr/bin/python3
[ -x "$py" ] || py=python3

"$py" - "$rota7" "$src" "$tmp" <<'EOF'
import csv, json, os, re, subprocess, sys

rota7, src, tmp = sys.argv[1:4]
base = os.path.join(src, "examples", "small", "two-neighbourhoods.json")
check = os.path.join(src, "tests", "tools", "check_rota.py")
failed = 0


def fail(msg):
    global failed
    failed += 1
    print("FAIL:", msg)


def ok(cond, msg):
    if cond:
        print("ok:", msg)
    else:
        fail(msg)


def solve(sc, out, *extra, status=0):
    p = subprocess.run([rota7, "solve", sc, "-o", out, "-q", "--seed", "1",
                        "--time-limit", "30", *extra],
                       capture_output=True, text=True)
    if p.returncode != status:
        print(p.stderr)
        sys.exit(f"FAIL: solve {os.path.basename(sc)} {' '.join(extra)}: "
                 f"exit {p.returncode}, expected {status}")
    return p


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write(sc, name):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(sc, f, ensure_ascii=False)
    return path


def keyed(rota):
    return {(a["staff"], a["date"]): a for a in rota["assignments"]}


def label(a, home):
    if not a:
        return ""
    return a["shift"] + ("" if a["neighbourhood"] == home else
                         "@" + a["neighbourhood"])


a_dir = os.path.join(tmp, "A")
solve(base, a_dir)
rota_a = load(f"{a_dir}/rota.json")
sc = load(base)
home = {p["id"]: p["neighbourhood"] for p in sc["staff"]}
dates = sorted({a["date"] for a in rota_a["assignments"]})
freeze = dates[1]
ka = keyed(rota_a)
count = {}
for a in rota_a["assignments"]:
    count[a["staff"]] = count.get(a["staff"], 0) + 1
ids = [p["id"] for p in sc["staff"]]
removed = ids[-1]
sick = max(sorted(ids[:-1]), key=lambda s: count.get(s, 0))
sick_days = [d for d in dates if d > freeze and (sick, d) in ka][:2]
# leave entered on a frozen day someone works: removed, never replaced
late = next(s for s in ids[:-1] if s != sick and (s, freeze) in ka)
# pins for a third person: off on a day worked, on on a day off
pinned = next(s for s in ids[:-1] if s not in (sick, late) and
              any((s, d) in ka for d in dates if d > freeze) and
              any((s, d) not in ka for d in dates if d > freeze))
# a rule the frozen days now break: one of them removed for "rule"
ruled = next(s for s in ids[:-1] if s not in (sick, late, pinned) and
             (s, dates[0]) in ka and (s, dates[1]) in ka)
pin_off = next(d for d in dates if d > freeze and (pinned, d) in ka)
pin_on = next(d for d in dates if d > freeze and (pinned, d) not in ka)

changed = json.loads(json.dumps(sc))
changed["staff"] = [p for p in changed["staff"] if p["id"] != removed]
for p in changed["staff"]:
    if p["id"] == sick:
        p.setdefault("leave", []).append(
            {"from": sick_days[0], "to": sick_days[-1], "kind": "sick"})
    if p["id"] == late:
        p.setdefault("leave", []).append(
            {"from": freeze, "to": freeze, "kind": "sick"})
    if p["id"] == ruled:
        p.setdefault("rules", {})["max_days_in_a_row"] = 1
    if p["id"] == pinned:
        p["fixed"] = [{"date": pin_off, "off": True},
                      {"date": pin_on, "shift": "early"}]
b_scenario = write(changed, "changed.json")
b_dir = os.path.join(tmp, "B")
out = solve(b_scenario, b_dir, "--previous", a_dir, "--freeze-until",
            freeze).stdout
rota_b = load(f"{b_dir}/rota.json")
kb = keyed(rota_b)
print(f"sick {sick} on {sick_days}, {late} on leave on frozen {freeze}, "
      f"{pinned} pinned off {pin_off} and on {pin_on}, {removed} removed, "
      f"{ruled} at most 1 day in a row")

p = subprocess.run([sys.executable, check, b_scenario, f"{b_dir}/rota.json",
                    "--quiet"], capture_output=True, text=True)
ok(p.returncode == 0, "every hard rule and pin kept (check_rota.py): " +
   p.stdout.strip().splitlines()[-1])

with open(f"{b_dir}/changes.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
by = {(r["staff"], r["date"]): r for r in rows}
frozen_bad = [k for k in set(ka) | set(kb) if k[1] <= freeze and
              ka.get(k) != kb.get(k) and
              not (k == (late, freeze) and k not in kb) and
              not (k[0] == ruled and k not in kb) and
              not (k[0] == removed)]
ok(not frozen_bad, f"nothing changed on or before {freeze} but what the "
   f"new input removed {frozen_bad}")
ok(by.get((late, freeze), {}).get("reason") == "leave" and
   by[(late, freeze)]["after"] == "",
   "leave on a frozen day: the shift removed, reported with reason leave")
ok([by.get((ruled, d), {}).get("reason") for d in dates[:2]
    if (ruled, d) not in kb] == ["rule"],
   f"a frozen shift {ruled}'s new rule forbids: removed, reason rule")
ok(kb.get((pinned, pin_on), {}).get("shift") == "early" and
   (pinned, pin_off) not in kb, "pins kept")
ok(by.get((pinned, pin_off), {}).get("reason") == "pin" and
   by.get((pinned, pin_on), {}).get("reason") == "pin", "pins reported as pin")
ok(all(by.get((sick, d), {}).get("reason") == "leave" for d in sick_days),
   "sick days reported as leave")

diff = {k for k in set(ka) | set(kb)
        if (label(ka.get(k), home.get(k[0])), k[0] == removed) !=
        (label(kb.get(k), home.get(k[0])), k[0] == removed)
        or (k[0] == removed and k in ka)}
ok(set(by) == diff and len(rows) == len(diff),
   f"changes.csv is the diff of the two rota.json ({len(rows)} rows)")
# a removed person's home is not in the new scenario: always "@neighbourhood"
ok(all(r["before"] == label(ka.get(k), None if k[0] == removed else
                            home.get(k[0])) and
       r["after"] == label(kb.get(k), home.get(k[0])) for k, r in by.items()),
   "before and after agree with the two rota.json")
ok([{k: str(v).lower() if isinstance(v, bool) else v for k, v in c.items()}
    for c in rota_b.get("changes", [])] == rows,
   "rota.json's changes list is changes.csv")
ok(all(r["short_notice"] == "false" for r in rows),
   "no --today: no change at short notice")
people = len({r["staff"] for r in rows})
m = re.search(r"(\d+) shifts? changed for (\d+) (people|person); (\d+) "
              r"shifts? left to fill", out)
ok(m and int(m.group(1)) == len(rows) and int(m.group(2)) == people,
   f"stdout summary: {m.group(0) if m else out}")
ok((html := open(f"{b_dir}/report.html", encoding="utf-8").read()).find(
    'id="changes"') < html.find('id="summary"') and 'id="changes"' in html,
   "report.html: the changes section first")

# Notice: --today and rules.change_notice_days.  With short-notice
# changes priced out of reach, the optimiser makes none inside the
# notice (the leave, pins and rules still do), where without --today it
# did; each change inside it is marked short_notice.
import datetime as dt
today = (dt.date.fromisoformat(freeze) + dt.timedelta(days=1)).isoformat()
notice_end = (dt.date.fromisoformat(today) + dt.timedelta(days=2)).isoformat()
in_notice = lambda d: today <= d < notice_end
noticed = json.loads(json.dumps(changed))
noticed.setdefault("rules", {})["change_notice_days"] = 2
noticed.setdefault("weights", {})["short_notice_change"] = 1e6
solve(write(noticed, "notice.json"), os.path.join(tmp, "N"), "--previous",
      a_dir, "--freeze-until", freeze, "--today", today)
with open(os.path.join(tmp, "N", "changes.csv"), encoding="utf-8") as f:
    nrows = list(csv.DictReader(f))
ok(any(r["reason"] == "cover" and in_notice(r["date"]) for r in rows) and
   not any(r["reason"] == "cover" and in_notice(r["date"]) for r in nrows),
   f"short-notice changes priced out: no cover change from {today} to "
   f"before {notice_end} (there were without --today)")
ok(all(r["short_notice"] == ("true" if in_notice(r["date"]) else "false")
       for r in nrows) and any(r["short_notice"] == "true" for r in nrows),
   "each change inside the notice marked short_notice")
ok([c["short_notice"] for c in load(os.path.join(tmp, "N", "rota.json"))
    ["changes"]] == [r["short_notice"] == "true" for r in nrows],
   "rota.json's changes carry short_notice")
p = subprocess.run([rota7, "solve", base, "-o", os.path.join(tmp, "x"),
                    "--today", today], capture_output=True, text=True)
ok(p.returncode == 2 and "--previous" in p.stderr,
   "--today without --previous: exit 2")

# The removed person's calendar: A's events, cancelled.
def events(path):
    text = open(path, "rb").read()
    try:
        import icalendar
        cal = icalendar.Calendar.from_ical(text)
        return [(str(e["UID"]), int(e.get("SEQUENCE", 0)),
                 str(e.get("STATUS", "")))
                for e in cal.walk("VEVENT")], "icalendar"
    except ImportError:
        text = re.sub(rb"\r\n[ \t]", b"", text).decode()
        res = []
        for b in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT", text, re.S):
            uid = re.search(r"^UID:(.*)$", b, re.M).group(1).strip()
            seq = re.search(r"^SEQUENCE:(\d+)", b, re.M)
            st = re.search(r"^STATUS:(\S+)", b, re.M)
            res.append((uid, int(seq.group(1)) if seq else 0,
                        st.group(1) if st else ""))
        return res, "a plain reading (python3-icalendar not installed)"


gone_a = f"{a_dir}/calendars/staff/{removed}.ics"
gone_b = f"{b_dir}/calendars/staff/{removed}.ics"
if not os.path.exists(gone_a):
    fail(f"{removed} has no calendar in A")
elif not os.path.exists(gone_b):
    fail(f"removed person {removed} gets no calendar")
else:
    ea, how = events(gone_a)
    eb, _ = events(gone_b)
    ok(sorted(u for u, _, _ in ea) == sorted(u for u, _, _ in eb) and
       all(st == "CANCELLED" for _, _, st in eb) and
       all(s == dict((u, q) for u, q, _ in ea)[u] + 1 for u, s, _ in eb),
       f"removed person's calendar: A's {len(ea)} events, each cancelled "
       f"with SEQUENCE one higher (read with {how})")

# Unchanged scenario, A's seed: nothing moves.
c_dir = os.path.join(tmp, "C")
out = solve(base, c_dir, "--previous", a_dir).stdout
rota_c = load(f"{c_dir}/rota.json")
ok(rota_c["assignments"] == rota_a["assignments"] and
   rota_c["changes"] == [] and "0 shifts changed for 0 people" in out,
   "unchanged scenario, same seed: no change")
# Kept unsearched, as the engine's own rota, unless the clock cut A (a
# loaded machine, a sanitizer build): then A is not what the same
# command makes, and C searched.
if rota_a["stopped_by"] in ("work", "optimal", "gap"):
    ok(rota_c["made_from"]["reproduced"] and "previous rota kept" in out,
       "unchanged scenario, same seed: A kept as it is, unsearched")
else:
    ok(not rota_c["made_from"]["reproduced"],
       f"A stopped by {rota_a['stopped_by']}: searched, not kept")

# Pins the input contradicts: exit 2 naming both.
def refused(mutate, status, words, what):
    s = json.loads(json.dumps(sc))
    mutate(s)
    path = write(s, "bad.json")
    p = solve(path, os.path.join(tmp, "bad"), status=status)
    ok(all(w in p.stderr for w in words), f"{what}: exit {status}: "
       f"{p.stderr.strip().splitlines()[0] if p.stderr.strip() else ''}")


def person(s, pred):
    return next(p for p in s["staff"] if pred(p))


def pin_leave(s):
    p = person(s, lambda p: p.get("leave"))
    p["fixed"] = [{"date": p["leave"][0]["from"], "shift": "early"}]


def pin_day_off(s):
    p = person(s, lambda p: p.get("days_off_weekly"))
    wd = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    import datetime as dt
    d = next(d for d in dates if wd[dt.date.fromisoformat(d).weekday()]
             in p["days_off_weekly"])
    p["fixed"] = [{"date": d, "shift": "early"}]


def pin_unknown(s):
    s["staff"][0]["fixed"] = [{"date": dates[0], "shift": "nope"}]


def pin_every_day(s):
    p = person(s, lambda p: not p.get("leave") and not p.get("days_off_weekly"))
    p["fixed"] = [{"date": d, "shift": "early"} for d in dates]


refused(pin_leave, 2, ["fixed[0]", ".leave[0]"], "a pin on leave")
refused(pin_day_off, 2, ["fixed[0]", "days_off_weekly"], "a pin on a weekly day off")
refused(pin_unknown, 2, ["fixed[0].shift", "unknown shift"], "a pin to no shift")
refused(pin_every_day, 3, ["no rota keeps the hard rules", "fixed"],
        "pins breaking a rule of working time")
p = subprocess.run([rota7, "solve", base, "-o", os.path.join(tmp, "x"),
                    "--freeze-until", dates[0]], capture_output=True, text=True)
ok(p.returncode == 2 and "--previous" in p.stderr,
   "--freeze-until without --previous: exit 2")
# A frozen day whose ratio breaks once leave removes a frozen shift: the
# frozen shifts of the ratio's role there set free (reason rule), never an
# internal error; a senior rule that the frozen days cannot keep: exit 3
# naming the rule, unit, date and the frozen assignments.
mix = json.loads(json.dumps(sc))
mix["skill_mix"] = [{"type": "ratio", "service": "community-nursing",
                     "scope": "neighbourhood", "role": "nsw", "at_most": 1,
                     "per": "qn"}]
mix_a = os.path.join(tmp, "MA")
solve(write(mix, "mix.json"), mix_a)
ra = load(f"{mix_a}/rota.json")
cells = {}
for a in ra["assignments"]:
    cells.setdefault((a["date"], a["neighbourhood"]), []).append(a)
day, unit, qn = next((d, n, [a for a in l if a["role"] == "qn"][0]["staff"])
                     for (d, n), l in sorted(cells.items())
                     if sorted(a["role"] for a in l) == ["nsw", "qn"])
nsw = next(a["staff"] for a in cells[(day, unit)] if a["role"] == "nsw")
for p in mix["staff"]:
    if p["id"] == qn:
        p.setdefault("leave", []).append({"from": day, "to": day})
p = solve(write(mix, "mix-b.json"), os.path.join(tmp, "MB"), "--previous",
          mix_a, "--freeze-until", day)
with open(os.path.join(tmp, "MB", "changes.csv"), encoding="utf-8") as f:
    mrows = {(r["staff"], r["date"]): r for r in csv.DictReader(f)}
mb = keyed(load(os.path.join(tmp, "MB", "rota.json")))
c = subprocess.run([sys.executable, check, os.path.join(tmp, "mix-b.json"),
                    os.path.join(tmp, "MB", "rota.json"), "--quiet"],
                   capture_output=True, text=True)
# set free, the support worker's place is either left (reason rule) or
# kept in another role (a nurse filling it now counts as one)
ok(c.returncode == 0 and mrows.get((qn, day), {}).get("reason") == "leave"
   and (mrows.get((nsw, day), {}).get("reason") == "rule" or
        mb.get((nsw, day), {}).get("role") != "nsw") and
   all(k[1] > day or k in ((qn, day), (nsw, day)) for k in mrows),
   f"ratio broken on frozen {day} in {unit} by {qn}'s leave: {nsw} set "
   f"free ({mrows.get((nsw, day), {}).get('reason', 'kept as ' + mb.get((nsw, day), {}).get('role', 'off'))}), "
   f"every hard rule kept, nothing else frozen changed")
mix["skill_mix"] = [{"type": "senior", "service": "community-nursing",
                     "scope": "neighbourhood", "role": "qn", "min_band": 5,
                     "count": 1, "from": "08:00", "to": "16:00"}]
p = solve(write(mix, "mix-c.json"), os.path.join(tmp, "MC"), "--previous",
          mix_a, "--freeze-until", day, status=3)
ok(all(w in p.stderr for w in ["senior cover", f"'{unit}'", day,
                               f"'{qn}' early (removed: leave)", f"'{nsw}'"]),
   f"senior cover the frozen days cannot keep: exit 3: {p.stderr.strip()}")

# A shift the start leaves out for a rule that the search then moves to
# another day of the same run: every change of that run is for "rule".
runs = {}
for a in rota_a["assignments"]:
    runs.setdefault(a["staff"], set()).add(a["date"])
def longest(ds):
    best = cur = 0
    for d in dates:
        cur = cur + 1 if d in ds else 0
        best = max(best, cur)
    return best
runner = max(sorted(runs), key=lambda s: longest(runs[s]))
rr = json.loads(json.dumps(sc))
for p in rr["staff"]:
    if p["id"] == runner:
        p.setdefault("rules", {})["max_days_in_a_row"] = \
            max(1, longest(runs[runner]) - 3)
solve(write(rr, "runs.json"), os.path.join(tmp, "RB"), "--previous", a_dir)
with open(os.path.join(tmp, "RB", "changes.csv"), encoding="utf-8") as f:
    rrows = [r for r in csv.DictReader(f) if r["staff"] == runner]
ok(len(rrows) >= 2 and all(r["reason"] == "rule" for r in rrows),
   f"{runner}'s run cut by a new max_days_in_a_row: "
   f"{[(r['date'], r['reason']) for r in rrows]}")
# The next horizon against A (last month's run): A's last days are
# history.  (i) rest: a shift of the first day must start min_rest_hours
# after the last shift of A; (ii) days and nights in a row count A's;
# each person asks hard (weight 1000) for the shift history forbids,
# which they get without --previous, so each check can fail.
import datetime as dt
last = dates[-1]
first = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
nxt = json.loads(json.dumps(sc))
nxt["horizon"]["start"] = first
for p in nxt["staff"]:
    p.pop("leave", None)
    p.pop("requests", None)
rested = next(s for s in ids if (s, last) in ka)   # worked A's last day
run_of = lambda s: next(i for i, d in enumerate(reversed(dates))
                        if (s, d) not in ka) if any(
                            (s, d) not in ka for d in dates) else len(dates)
runner2 = max((s for s in ids if s != rested), key=run_of)
for p in nxt["staff"]:
    if p["id"] == rested:
        p.setdefault("rules", {})["min_rest_hours"] = 20
    if p["id"] == runner2:
        p.setdefault("rules", {})["max_days_in_a_row"] = run_of(runner2)
    if p["id"] in (rested, runner2):
        p["requests"] = [{"date": first, "shift": "early", "on": True,
                          "weight": 1000}]
nx = write(nxt, "next.json")
plain = keyed(solve(nx, os.path.join(tmp, "N0")) and
              load(os.path.join(tmp, "N0", "rota.json")))
solve(nx, os.path.join(tmp, "N1"), "--previous", a_dir)
hist = keyed(load(os.path.join(tmp, "N1", "rota.json")))
ok((rested, first) in plain and (rested, first) not in hist,
   f"rest across the horizon's start: {rested} worked {last} till 16:00, "
   f"so no 08:00 shift on {first} with 20 hours' rest")
ok(run_of(runner2) > 0 and (runner2, first) in plain and
   (runner2, first) not in hist,
   f"days in a row across the horizon's start: {runner2} ended A with "
   f"{run_of(runner2)} days in a row, the most allowed, so off on {first}")
c = subprocess.run([sys.executable, check, nx, os.path.join(tmp, "N1",
                    "rota.json"), "--quiet"], capture_output=True, text=True)
ok(c.returncode == 0, "the next horizon keeps every hard rule (check_rota.py)")

# Calendars of the next horizon keep A's events unchanged (same UID,
# SEQUENCE, times and text), so a subscribed feed keeps last month.
def vevents(path):
    text = re.sub(rb"\r\n[ \t]", b"", open(path, "rb").read()).decode()
    res = {}
    for b in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT", text, re.S):
        props = dict(l.split(":", 1) for l in b.split("\r\n")[1:-1]
                     if not l.startswith("DTSTAMP"))
        res[props["UID"]] = props
    return res
kept = True
n_kept = 0
for sub in ("staff", "neighbourhood"):
    for name in os.listdir(os.path.join(a_dir, "calendars", sub)):
        old = vevents(os.path.join(a_dir, "calendars", sub, name))
        new_path = os.path.join(tmp, "N1", "calendars", sub, name)
        new = vevents(new_path) if os.path.exists(new_path) else {}
        n_kept += len(old)
        kept = kept and all(new.get(u) == e for u, e in old.items())
ok(kept and n_kept, f"next horizon's calendars carry A's {n_kept} events "
   f"unchanged")
try:
    import icalendar
    b1 = icalendar.Calendar.from_ical(open(os.path.join(
        tmp, "N1", "calendars", "staff", f"{rested}.ics"), "rb").read())
    starts = sorted(str(e["DTSTART"].dt.date()) for e in b1.walk("VEVENT"))
    ok(starts[0] < first <= starts[-1] and len(set(str(e["UID"]) for e in
       b1.walk("VEVENT"))) == len(starts),
       "python-icalendar reads last month and this one, no duplicate UID")
except ImportError:
    print("skip: python3-icalendar not installed")
# (iii) nights in a row across the horizon's start, from a previous
# rota.json written by hand: X's night of the day before counts.
night = json.loads(json.dumps(nxt))
night["shifts"].append({"id": "night", "service": "community-nursing",
                        "start": "22:00", "end": "07:00", "night": True})
nx_id = ids[0]
for p in night["staff"]:
    p.pop("requests", None)
    p.pop("rules", None)
    if p["id"] == nx_id:
        p["shifts"] = ["early", "night"]
        p["rules"] = {"max_nights_in_a_row": 1}
        p["requests"] = [{"date": first, "shift": "night", "on": True,
                          "weight": 1000}]
prev_n = os.path.join(tmp, "PN")
os.makedirs(prev_n)
with open(os.path.join(prev_n, "rota.json"), "w") as f:
    json.dump({"horizon": {"start": dates[0], "days": len(dates)},
               "assignments": [{"staff": nx_id, "date": last,
                                "shift": "night",
                                "start": f"{last}T22:00:00+00:00",
                                "end": f"{first}T07:00:00+00:00"}]}, f)
nn = write(night, "night.json")
solve(nn, os.path.join(tmp, "NN0"))
solve(nn, os.path.join(tmp, "NN1"), "--previous", prev_n)
n0 = keyed(load(os.path.join(tmp, "NN0", "rota.json")))
n1 = keyed(load(os.path.join(tmp, "NN1", "rota.json")))
ok(n0.get((nx_id, first), {}).get("shift") == "night" and
   (nx_id, first) not in n1,
   f"nights in a row across the horizon's start: {nx_id}'s night of {last} "
   f"counts (at most 1), and its end at 07:00 rules out the 08:00 early")
print(f"{failed} failed")
sys.exit(1 if failed else 0)
EOF
