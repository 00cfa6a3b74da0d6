#!/usr/bin/env bash
# Pay and cost (an addition to the spec, README "Pay and cost"): the
# yearly cost of the offer, of the staff in post and of the rota from
# tests/pay/night.json, worked by hand; a night over both clock changes;
# pay never changes the rota; bad pay values exit 2 with the JSON path.
#
# usage: pay.sh ROTA7_BINARY SOURCE_DIR
#
# The hand calculation.  Horizon 7 days from Monday 23 October 2017, so
# a year is 365/7 horizons; on-costs 10%, so every figure is x 1.1.
# One shift, night 23:30-08:00 with a 30-minute break, on Saturday 28
# October: clocks go back at 02:00 BST on Sunday 29, so it lasts 9.5 real
# hours (0.5 on Saturday, 9 on Sunday) and is paid 9.  Each person works
# it once (max_shifts night 1), and demand is that night, 1 qn + 1 nsw.
#   q1, qn band 5: the rate {"band": 5, "hourly": 10} (band beats the
#     catch-all {"annual": 99999}).  Bands 4-9: Saturday time plus 30%,
#     Sunday plus 60%.  Weighted hours 0.5 x 1.3 + 9 x 1.6 = 15.05, the
#     break pro rata: x 9/9.5 = 14.2579; x 10 = 142.579 a horizon.
#   s1, nsw band 3: {"role": "nsw", "band": 3, "annual": 19852}, hourly
#     19852 / (37.5 x 365/7) = 10.15257.  Band 3: Saturday plus 37%,
#     Sunday plus 74%: 0.5 x 1.37 + 9 x 1.74 = 16.345, x 9/9.5 x
#     10.15257 = 157.2045 a horizon.
#   rota = (142.579 + 157.2045) x 365/7 x 1.1 = 17,195.08; enhancements
#     = (142.579 - 90 + 157.2045 - 9 x 10.15257) x 365/7 x 1.1 = 6,792.00.
#   offer = the demand's 9.5 real hours per role at its staff's rate,
#     with the 20% uplift: (10 x 15.05 + 10.15257 x 16.345) x 1.2 x 365/7
#     x 1.1 = 21,780.43.
#   staff in post = (1.0 x 10 x 37.5 x 365/7 + 0.5 x 19852) x 1.1
#     = 32,427.53.
# March: the same week from Monday 19 March 2018; clocks go forward at
# 01:00 GMT on Sunday 25, so the night is 7.5 real hours (0.5 + 7),
# paid 7.  q1: (0.5 x 1.3 + 7 x 1.6) x 7/7.5 x 10 = 110.6 a horizon;
# s1: (0.5 x 1.37 + 7 x 1.74) x 7/7.5 x 10.15257 = 121.9052;
# rota = 232.5052 x 365/7 x 1.1 = 13,335.87.
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
say() { echo "FAIL: $*"; fail=1; }

near() { # near FILE KEY EXPECTED
	python3 - "$@" <<'PY' || say "$1: cost.$2 is not $3"
import json, sys
got = json.load(open(sys.argv[1]))["cost"][sys.argv[2]]
sys.exit(0 if abs(got - float(sys.argv[3])) < 0.01 else 1)
PY
}

night=$src/tests/pay/night.json
"$bin" solve "$night" -o "$work/oct" -q >"$work/oct.out" || say "solve October"
near "$work/oct/fte-gap.json" rota 17195.08
near "$work/oct/fte-gap.json" rota_enhancements 6792.00
near "$work/oct/fte-gap.json" offer 21780.43
near "$work/oct/fte-gap.json" staff_in_post 32427.53
grep -q '^cost a year, on-costs 10%: offer 21780 (demand hours, 20% uplift), staff in post 32428$' \
	"$work/oct.out" || say "solve does not print the cost of the offer"
grep -q '^cost a year of this rota: 17195 (unsocial-hours enhancements 6792)$' \
	"$work/oct.out" || say "solve does not print the cost of the rota"
"$bin" plan "$night" -o "$work/plan" -q >"$work/plan.out" || say "plan"
near "$work/plan/fte-gap.json" offer 21780.43
grep -q '^cost a year, on-costs 10%: offer 21780 .*staff in post 32428$' "$work/plan.out" ||
	say "plan does not print the cost line"
grep -q 'Cost a year' "$work/plan/report.html" ||
	say "report.html has no cost line"

sed 's/"start": "2017-10-23"/"start": "2018-03-19"/' "$night" >"$work/mar.json"
"$bin" solve "$work/mar.json" -o "$work/mar" -q >/dev/null || say "solve March"
near "$work/mar/fte-gap.json" rota 13335.87

# recruit: with 2 qn asked for, one post, a copy of q1 (band 5, 1.0
# FTE), works the night.  Its year: basic 1.0 x 10 x 37.5 x 365/7
# = 19,553.57, plus the night's enhancements (142.579 - 90) x 365/7
# = 2,741.63, x 1.1 = 24,524.71.
python3 - "$night" "$work/rec.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["services"][0]["bands"][0]["require"][0]["count"] = 2
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" recruit "$work/rec.json" -o "$work/rec" -q --time-limit 60 >"$work/rec.out" || say "recruit"
grep -q '^vac-qn-ash-1,qn,5,ash,1,9.5,0,1,9,9.5,q1,24524.71' "$work/rec/recruitment.csv" ||
	{ say "recruitment.csv has no annual_cost 24524.71"; cat "$work/rec/recruitment.csv"; }
grep -q '^cost a year of the posts: 24525 ' "$work/rec.out" || say "recruit prints no cost of the posts"
grep -q 'id="recruit-cost"' "$work/rec/report.html" || say "report.html: no cost of the posts"

# Pay is for reports only: without it the rota is the same, and no
# cost is written.
python3 - "$night" "$work/nopay.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); del d["pay"]
json.dump(d, open(sys.argv[2], "w"))
PY
"$bin" solve "$work/nopay.json" -o "$work/nopay" -q >"$work/nopay.out" || say "solve without pay"
python3 - "$work/oct/rota.json" "$work/nopay/rota.json" <<'PY' || say "pay changed the rota"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
sys.exit(0 if a["assignments"] == b["assignments"] and a["objective"] == b["objective"] else 1)
PY
grep -q 'cost a year' "$work/nopay.out" && say "cost printed without pay"
grep -q '"cost"' "$work/nopay/fte-gap.json" && say "cost written without pay"

# Bad values: exit 2 naming the path.
bad() { # bad PYTHON-EDIT EXPECTED-MESSAGE
	python3 - "$night" "$work/bad.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); p = d["pay"]
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"))
PY
	"$bin" check "$work/bad.json" >/dev/null 2>"$work/bad.err"
	rc=$?
	[ "$rc" = 2 ] || say "$1: exit $rc, expected 2"
	grep -qF "$2" "$work/bad.err" || { say "$1: no '$2' in:"; cat "$work/bad.err"; }
}
bad 'p["rates"][0]["hourly"] = -3' '$.pay.rates[0].hourly'
bad 'p["rates"][0]["annual"] = 3' "\$.pay.rates[0]: expected one of 'annual' or 'hourly', not both"
bad 'p["rates"][1]["role"] = "nurse"' "\$.pay.rates[1].role: unknown role 'nurse'"
bad 'p["rates"].append({"band": 5, "hourly": 1})' '$.pay.rates[3]: a second rate for the same role and band as $.pay.rates[0]'
bad 'p["unsocial"][0]["pct"] = "30"' '$.pay.unsocial[0].pct'
bad 'p["unsocial"][1]["bands"] = [0]' '$.pay.unsocial[1].bands[0]: expected a band from 1 to 9'
bad 'p["unsocial"][2]["to"] = "25:00"' '$.pay.unsocial[2].to'
bad 'del p["unsocial"][3]["days"]; p["unsocial"][3]["bank_holidays"] = False' '$.pay.unsocial[3]: applies on no day'
bad 'p["currency"] = "GBP"' "\$.pay: unknown key 'currency'"
bad 'p["rates"] = []' '$.pay.rates: empty list'

[ "$fail" = 0 ] && echo "pay: all passed"
exit "$fail"
