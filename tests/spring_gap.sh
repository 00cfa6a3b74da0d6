#!/usr/bin/env bash
# A shift or band whose local start falls in the spring-forward gap, so
# that its real length that day is zero or less, does not occur that day
# (../shared/spec/scenario.md, additions 2026-12): check names it, plan
# and solve count no hours of it, solve exits 0 with a rota the
# independent checker passes.  tests/solve/15-spring-gap.json: a band and
# a shift 01:30-02:00 daily (-0.5 real hours on 25 March 2018) and a
# morning 09:30-13:30, over 14 days.
#
# usage: spring_gap.sh ROTA7 SOURCE_DIR
set -u
rota7=$1
src=$2
case=$src/tests/solve/15-spring-gap.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

"$rota7" check "$case" >"$out/check.out" 2>"$out/check.err"
status=$?
for want in \
    "warning: shift 'gap' does not occur on 2018-03-25: its start falls in the spring-forward gap, leaving -0.5 real hours" \
    "warning: band 'Gap' of service 'cn' does not occur on 2018-03-25"; do
	if [ "$status" -ne 0 ] || ! grep -qF "$want" "$out/check.err"; then
		bad "check says: $want"; sed 's/^/    | /' "$out/check.err"
	else
		ok "check says: ${want:9:40}..."
	fi
done
if [ "$(grep -c 'does not occur' "$out/check.err")" -ne 2 ]; then
	bad "check notes only the 25th"; sed 's/^/    | /' "$out/check.err"
else
	ok "check notes only the 25th"
fi

# 13 gaps of half an hour and 14 mornings of 4: 62.5 person-hours over
# two weeks, 31.25 a week (a negative half hour on the 25th made 31.0).
"$rota7" plan "$case" -o "$out/plan" -q >/dev/null 2>&1
/usr/bin/python3 - "$out/plan/fte-gap.json" <<'EOF' && ok "plan: 31.25 demand hours a week" || bad "plan: demand hours"
import json, sys
g = json.load(open(sys.argv[1]))
got = g["total"]["demand_hours_per_week"]
sys.exit(0 if abs(got - 31.25) < 1e-6 else print("got", got) or 1)
EOF

"$rota7" solve "$case" -o "$out/solve" -q --seed 1 >/dev/null 2>"$out/solve.err"
status=$?
if [ "$status" -ne 0 ]; then
	bad "solve exits 0 (got $status)"; tail -5 "$out/solve.err" | sed 's/^/    | /'
elif ! /usr/bin/python3 "$src/tests/tools/check_rota.py" "$case" \
		"$out/solve/rota.json" --quiet >"$out/checker"; then
	bad "solve: independent check"; tail -5 "$out/checker" | sed 's/^/    | /'
else
	ok "solve exits 0 and the rota passes the independent checker"
fi
# No negative or zero hours anywhere: every assignment is paid, demand
# and worked hours in fte-gap.json are what the rota shows.
[ "$status" -eq 0 ] && /usr/bin/python3 - "$out/solve" <<'EOF' && ok "solve: no hours of a shift or band that does not occur" || bad "solve: hours"
import json, os, sys
d = sys.argv[1]
r = json.load(open(os.path.join(d, "rota.json")))
g = json.load(open(os.path.join(d, "fte-gap.json")))
bad = [a for a in r["assignments"] if a["paid_hours"] <= 0
       or (a["date"] == "2018-03-25" and a["shift"] == "gap")]
demand = g["total"]["demand_hours"]
worked = sum(a["paid_hours"] for a in r["assignments"])
if bad or abs(demand - 62.5) > 1e-6 or abs(g["total"]["worked_hours"] - worked) > 1e-6:
    print("bad", bad, "demand", demand, "worked", g["total"]["worked_hours"], worked)
    sys.exit(1)
EOF

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
