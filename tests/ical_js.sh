#!/usr/bin/env bash
# A subscribed calendar follows a re-roster, read with ical.js (issue 16:
# "ical.js and python-icalendar as the clients' parsers"; the second is
# in reroster.sh): on a small example, A, then B with sick leave, a day
# off pinned onto a shift of A and a person removed, --previous A.  For
# each person's calendar and each neighbourhood's, tests/tools/
# ical_follow.cjs pairs A's events with B's by UID: every change a
# client sees is a higher SEQUENCE on the same UID, a shift taken away
# is STATUS:CANCELLED (the removed person's included), no UID twice,
# nothing dropped; per person the cancelled and added events are
# changes.csv's removed and added shifts.  Then B re-published
# unchanged (the same run again): every event unchanged.
#
# Skips (exit 77) without node or ical.js (ICALJS_DIR, or under
# ROTA7_NPM_PREFIX, default ~/.cache/rota7-npm, where .ci/deps installs it).
#
# usage: ical_js.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
command -v node >/dev/null || { echo "skip: node not installed"; exit 77; }
tool=$src/tests/tools/ical_follow.cjs
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-icaljs.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nEND:VCALENDAR\r\n' \
  > "$tmp/empty.ics"
node "$tool" "$tmp/empty.ics" "$tmp/empty.ics" >/dev/null
case $? in
77) echo "skip: ical.js not found (ICALJS_DIR, ROTA7_NPM_PREFIX or ~/.cache/rota7-npm)"
    exit 77 ;;
0) ;;
*) echo "FAIL: ical_follow.cjs on an empty calendar"; exit 1 ;;
esac

python3 - "$rota7" "$src" "$tmp" "$tool" <<'EOF'
import csv, json, os, subprocess, sys

rota7, src, tmp, tool = sys.argv[1:5]
base = os.path.join(src, "examples", "small", "two-neighbourhoods.json")
failed = 0


def ok(cond, msg):
    global failed
    print(("ok: " if cond else "FAIL: ") + msg)
    failed += not cond


def solve(sc, out, *extra):
    p = subprocess.run([rota7, "solve", sc, "-o", os.path.join(tmp, out), "-q",
                        "--seed", "1", "--time-limit", "30", *extra],
                       capture_output=True, text=True)
    if p.returncode:
        sys.exit(f"FAIL: solve {out}: exit {p.returncode}: {p.stderr}")


def follow(a, b):
    p = subprocess.run(["node", tool, a, b], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"FAIL: ical_follow.cjs {a} {b}: {p.stderr}")
    return json.loads(p.stdout)


def calendars(d):
    root = os.path.join(tmp, d, "calendars")
    return sorted(os.path.join(k, f) for k in os.listdir(root)
                  for f in os.listdir(os.path.join(root, k)))


solve(base, "A")
rota_a = json.load(open(os.path.join(tmp, "A", "rota.json"), encoding="utf-8"))
sc = json.load(open(base, encoding="utf-8"))
ids = [p["id"] for p in sc["staff"]]
count = {}
for a in rota_a["assignments"]:
    count[a["staff"]] = count.get(a["staff"], 0) + 1
removed = ids[-1]
sick = max(sorted(ids[:-1]), key=lambda s: count.get(s, 0))
worked = sorted(a["date"] for a in rota_a["assignments"] if a["staff"] == sick)
pinned = next(s for s in ids[:-1] if s != sick and count.get(s, 0))
off = next(a["date"] for a in rota_a["assignments"] if a["staff"] == pinned)
sc["staff"] = [p for p in sc["staff"] if p["id"] != removed]
for p in sc["staff"]:
    if p["id"] == sick:
        p.setdefault("leave", []).append(
            {"from": worked[0], "to": worked[1], "kind": "sick"})
    if p["id"] == pinned:
        p["fixed"] = [{"date": off, "off": True}]
changed = os.path.join(tmp, "changed.json")
json.dump(sc, open(changed, "w", encoding="utf-8"))
solve(changed, "B", "--previous", os.path.join(tmp, "A"))
rows = list(csv.DictReader(open(os.path.join(tmp, "B", "changes.csv"),
                                encoding="utf-8", newline="")))
print(f"{sick} sick on {worked[0]}..{worked[1]}, {pinned} pinned off on "
      f"{off}, {removed} removed; {len(rows)} changes")

def keyed(d):
    r = json.load(open(os.path.join(tmp, d, "rota.json"), encoding="utf-8"))
    return {(a["staff"], a["date"]): (a["shift"], a["neighbourhood"],
                                      a["role"]) for a in r["assignments"]}


ka, kb = keyed("A"), keyed("B")
cal_a, cal_b = calendars("A"), calendars("B")
ok(set(cal_a) <= set(cal_b), f"every calendar of A published again in B "
   f"({len(cal_a)} of {len(cal_b)})")
total = {"cancelled": 0, "updated": 0, "added": 0, "unchanged": 0}
problems = []
for c in cal_a:
    r = follow(os.path.join(tmp, "A", "calendars", c),
               os.path.join(tmp, "B", "calendars", c))
    problems += [f"{c}: {x}" for x in r["problems"]]
    for k in total:
        total[k] += r[k]
    if c.startswith("staff/"):
        who = c[len("staff/"):-len(".ics")]
        mine = [x for x in rows if x["staff"] == who]
        gone = sum(1 for x in mine if x["before"] and not x["after"])
        new = sum(1 for x in mine if x["after"] and not x["before"])
        # an update is a change of shift or place, or of the role filled
        # on the same shift (which shows, but is no change of the rota)
        moved = sum(1 for x in mine if x["after"] and x["before"])
        moved += sum(1 for k, a in ka.items() if k[0] == who and k in kb and
                     a[:2] == kb[k][:2] and a[2] != kb[k][2])
        ok((r["cancelled"], r["added"], r["updated"]) == (gone, new, moved),
           f"{c}: ical.js sees {r['cancelled']} cancelled, {r['added']} "
           f"added, {r['updated']} updated; the rotas {gone}, {new}, "
           f"{moved}")
ok(not problems, f"no duplicate UID, every change a higher SEQUENCE, "
   f"nothing dropped {problems[:3]}")
ok(total["cancelled"] >= 3 and total["unchanged"] > 0,
   f"all calendars: {total}")
r = follow(os.path.join(tmp, "A", "calendars", "staff", removed + ".ics"),
           os.path.join(tmp, "B", "calendars", "staff", removed + ".ics"))
ok(r["cancelled"] == r["old"] > 0 and r["new"] == r["old"],
   f"removed person {removed}: each of A's {r['old']} events cancelled")
r = follow(os.path.join(tmp, "B", "calendars", "staff", removed + ".ics"),
           os.path.join(tmp, "A", "calendars", "staff", removed + ".ics"))
ok(len(r["problems"]) == r["old"],
   f"the tool can fail: B then A brings cancelled events back and lowers "
   f"SEQUENCE ({len(r['problems'])} problems)")

# The same run again: B re-published as it is (the removed person's
# calendar, all cancelled in B, is not published again: C's reference B
# no longer knows them).
solve(changed, "C", "--previous", os.path.join(tmp, "B"))
bad = []
for c in calendars("B"):
    if c == f"staff/{removed}.ics":
        continue
    r = follow(os.path.join(tmp, "B", "calendars", c),
               os.path.join(tmp, "C", "calendars", c))
    if r["problems"] or r["unchanged"] != r["old"] or r["added"]:
        bad.append((c, r))
ok(not bad, f"B re-published unchanged: every event the same {bad[:1]}")
print(f"{failed} failed")
sys.exit(1 if failed else 0)
EOF
