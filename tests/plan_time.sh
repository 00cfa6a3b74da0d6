#!/usr/bin/env bash
# rota7 plan --until (an addition to the spec) on the Stockport phasing
# example, figures checked by hand, and bad --until values.
#
# usage: plan_time.sh ROTA7_BINARY SOURCE_DIR
#
# The hand calculation, for assistant team managers (atm) in Marple,
# from examples/stockport/phasing.json (uplift 22%, 37.5 h per FTE week,
# growth 16.6%/year, attrition 10%/year, lead 16 weeks; horizon April
# 2017, 30 days = 30/7 weeks):
#
# Demand, the horizon's week pattern.  atm is asked for by two bands:
#   Core, weekdays 08:00-18:00, 1 per neighbourhood.  April 2017 has 20
#     weekdays; Good Friday 14 and Easter Monday 17 April are bank
#     holidays staffed like a Sunday, so 18 days x 10 h = 180 h,
#     / (30/7) = 42.000 h a week.  Always in force.
#   Weekend late, 14:00-20:00, 1 per base, from_date 2017-07-01.  10
#     weekend days + the 2 bank holidays = 12 x 6 h = 72 h for the East
#     base (Marple 29,406 + Werneth 35,759 + Tame Valley 51,849 +
#     Stepping Hill 31,883 = 148,897 weighted population); Marple's share
#     72 x 29406/148897 = 14.2195 h, / (30/7) = 3.3179 h a week.
#
# 2017/18 Q1, 1 April - 30 June 2017 (t = 0):
#   demand 42.000 (Weekend late not yet in force); required
#   42 x 1.22 / 37.5 = 1.366 FTE.  In post: s075 0.6 + s076 0.8 = 1.400
#   (the starter, from 1 July, 0).  Gap 1.366 - 1.400 = -0.034.  No
#   starters or leavers; nothing to advertise.
# 2017/18 Q2, 1 July - 30 September 2017 (t = 91 days / 365.25 = 0.24914):
#   growth 1.166^0.24914 = 1.039005; demand (42 + 3.3179) x 1.039005
#   = 47.085 h a week; required 47.085 x 1.22 / 37.5 = 1.532 FTE.
#   In post: attrition 0.9^0.24914 = 0.974092, so (0.6 + 0.8) x 0.974092
#   = 1.3637, plus the starter s-new-atm-marple (1.0 FTE from 1 July,
#   its attrition counted from its start: 0.9^0 = 1) = 2.364.
#   1 starter, 1 leaver (s076's end, 30 September, is in the quarter,
#   so s076 still counts the whole quarter).  Gap 1.532 - 2.364 = -0.832.
# 2017/18 Q3, 1 October - 31 December 2017 (t = 183 / 365.25 = 0.50103):
#   growth 1.166^0.50103 = 1.079990; demand 45.3179 x 1.079990 = 48.943,
#   required 1.592.  In post: s075 0.6 x 0.9^0.50103 = 0.5691, the
#   starter 0.9^(92/365.25) = 0.9738: 1.543.  Gap 0.049, the first
#   positive one: 0.049 FTE to advertise by 1 October 2017 - 16 weeks
#   = 2017-06-11.
set -u
bin=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-plan-time.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

phasing=$src/examples/stockport/phasing.json
"$bin" plan "$phasing" --until 2021-03 -o "$tmp/out" -q >"$tmp/stdout" \
	2>"$tmp/stderr" || bad "plan --until exit $?: $(cat "$tmp/stderr")"

/usr/bin/python3 - "$tmp/out" "$tmp/stdout" <<'PY' || fail=1
import csv, json, sys
d, stdout = sys.argv[1], sys.argv[2]
bad = []
rows = list(csv.DictReader(open(f"{d}/plan-by-quarter.csv", encoding="utf-8", newline="")))
want = {   # the hand calculation above
    "2017/18 Q1": dict(first_day="2017-04-01", last_day="2017-06-30",
                       demand_hours_per_week=42.0, required_fte=1.366,
                       in_post_fte=1.400, starters=0, leavers=0,
                       gap_fte=-0.034, advertise_fte=0.0, advertise_by=""),
    "2017/18 Q2": dict(first_day="2017-07-01", last_day="2017-09-30",
                       demand_hours_per_week=47.085, required_fte=1.532,
                       in_post_fte=2.364, starters=1, leavers=1,
                       gap_fte=-0.832, advertise_fte=0.0, advertise_by=""),
    "2017/18 Q3": dict(first_day="2017-10-01", last_day="2017-12-31",
                       demand_hours_per_week=48.943, required_fte=1.592,
                       in_post_fte=1.543, starters=0, leavers=0,
                       gap_fte=0.049, advertise_fte=0.049,
                       advertise_by="2017-06-11"),
}
mine = {r["quarter"]: r for r in rows
        if r["level"] == "neighbourhood" and r["neighbourhood"] == "marple"
        and r["role"] == "atm"}
for q, w in want.items():
    r = mine.get(q)
    if not r:
        bad.append(f"no row for marple/atm in {q}")
        continue
    for k, v in w.items():
        got = r[k]
        if isinstance(v, str):
            ok = got == v
        else:
            ok = abs(float(got) - v) <= 0.0015
        if not ok:
            bad.append(f"{q} marple/atm {k}: {got}, by hand {v}")
q4 = [r for r in rows if r["quarter"] == "2017/18 Q4"]
if not q4 or (q4[0]["first_day"], q4[0]["last_day"]) != ("2018-01-01", "2018-03-31"):
    bad.append("2017/18 Q4 is not January-March 2018")
quarters = sorted({r["quarter"] for r in rows}, key=lambda q: (q[:4], q[-1]))
if len(quarters) != 16 or quarters[0] != "2017/18 Q1" or quarters[-1] != "2020/21 Q4":
    bad.append(f"quarters {quarters[:2]}...{quarters[-1:]} ({len(quarters)}), "
               "expected 2017/18 Q1 to 2020/21 Q4 (16)")
# The JSON says the same, and totals are the sums of their rows.
js = json.load(open(f"{d}/plan-by-quarter.json", encoding="utf-8"))
q3 = [q for q in js["quarters"] if q["quarter"] == "2017/18 Q3"][0]
row = [r for r in q3["rows"] if r["neighbourhood"] == "marple" and r["role"] == "atm"][0]
if abs(row["gap_fte"] - 0.049) > 0.0015 or row["advertise_by"] != "2017-06-11":
    bad.append(f"plan-by-quarter.json Q3 marple/atm {row}")
for q in js["quarters"]:
    s = sum(r["required_fte"] for r in q["rows"])
    if abs(s - q["total"]["required_fte"]) > 0.01 * len(q["rows"]) / 40 + 0.01:
        bad.append(f"{q['quarter']}: rows sum {s}, total {q['total']['required_fte']}")
html = open(f"{d}/report.html", encoding="utf-8").read()
for s in ('id="plan-time"', "<svg", 'id="plan-time-table"', "Q1 April-June"):
    if s not in html:
        bad.append(f"report.html lacks {s!r}")
out = open(stdout, encoding="utf-8").read()
if "2017/18 Q3  atm" not in out or "by NHS financial quarter" not in out:
    bad.append("standard output lacks the quarters")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY

# Without --until, plan writes no quarters.
"$bin" plan "$phasing" -o "$tmp/plain" -q >/dev/null 2>&1 ||
	bad "plan without --until failed"
[ -e "$tmp/plain/plan-by-quarter.csv" ] && bad "plan without --until wrote plan-by-quarter.csv"
grep -q 'id="plan-time"' "$tmp/plain/report.html" 2>/dev/null &&
	bad "plan without --until has the quarter section"

# Bad --until: exit 2, the message, nothing written.
while IFS='|' read -r until msg; do
	rm -rf "$tmp/badout"
	"$bin" plan "$phasing" --until "$until" -o "$tmp/badout" >"$tmp/o" 2>"$tmp/e"
	st=$?
	[ "$st" = 2 ] || bad "--until '$until': exit $st, expected 2"
	grep -qF -- "$msg" "$tmp/e" || bad "--until '$until': stderr lacks '$msg': $(cat "$tmp/e")"
	[ -s "$tmp/o" ] && bad "--until '$until': wrote to standard output"
	[ -e "$tmp/badout" ] && bad "--until '$until': made the output directory"
done <<'CASES'
2021-13|--until: invalid date '2021-13', expected YYYY-MM or YYYY-MM-DD
soon|--until: invalid date 'soon'
2021-02-30|--until: invalid date '2021-02-30'
|--until: invalid date ''
2017-03|--until 2017-03-31 is before the horizon's first day 2017-04-01
2017-03-31|--until 2017-03-31 is before the horizon's first day 2017-04-01
2199-12|--until: more than 200 quarters
CASES

# rota7 recruit copies a person in post for each post: a post copied
# from a leaver must not end with them (nor carry their start or pins).
/usr/bin/python3 - "$src/tests/recruit/short.json" "$tmp/leavers.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
for p in s["staff"]:
    p["start"] = s["horizon"]["start"]
    p["end"] = "2018-03-15"
json.dump(s, open(sys.argv[2], "w", encoding="utf-8"))
PY
"$bin" recruit "$tmp/leavers.json" -o "$tmp/rec" -q --seed 3 --work 100 \
	--max-posts 2 --time-limit 300 >/dev/null 2>"$tmp/rec.err" ||
	bad "recruit on leavers: exit $?: $(cat "$tmp/rec.err")"
/usr/bin/python3 - "$tmp/rec/scenario-recruited.json" <<'PY' || fail=1
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
vac = [p for p in s["staff"] if p["id"].startswith("vac-")]
bad = [p["id"] for p in vac if "start" in p or "end" in p or "fixed" in p]
if not vac:
    print("FAIL: recruit on leavers proposed no post")
if bad:
    print("FAIL: posts keep their like's start/end:", bad)
sys.exit(1 if bad or not vac else 0)
PY

[ $fail = 0 ] && echo "plan_time: ok"
exit $fail
