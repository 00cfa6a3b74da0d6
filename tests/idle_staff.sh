#!/usr/bin/env bash
# Staff who can never work where demand is (core/idle.h) are named, not
# silent: check warns of each and of "on" requests that can never be
# granted, rota.json lists them in idle_staff, fte-gap.json and .csv give
# their FTE beside the FTE in post (which still counts them), and
# report.html says so.  tests/idle/idle-staff.json says who and why.
#
# usage: idle_staff.sh ROTA7 SOURCE_DIR
set -u
rota7=$1
src=$2
case=$src/tests/idle/idle-staff.json
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

"$rota7" check "$case" >"$out/check.out" 2>"$out/check.err"
status=$?
while IFS= read -r want; do
	if [ "$status" -ne 0 ] || ! grep -qF "rota7: warning: $want" "$out/check.err"; then
		bad "check warns: $want"; sed 's/^/    | /' "$out/check.err"
	else
		ok "check warns: ${want:0:60}"
	fi
done <<'WANT'
'noshifts' can never work where demand is: no shifts to work: none listed
'clerk' can never work where demand is: no shifts to work
'nights' can never work where demand is: no demand for their role, or a role they cover, on their shifts where they may work (still counted in post, 0.5 FTE)
'away' can never work where demand is: on leave, a weekly day off or not in post (start/end) every day of the horizon
'ok' asks to work 'desk' on 2018-03-06, which can never be granted: a shift they may not work
'away' asks to work a shift on 2018-03-07, which can never be granted: a day of leave, a weekly day off or not in post
WANT
if grep -q "^rota7: warning: 'ok' can never" "$out/check.err"; then
	bad "check does not warn of 'ok', who can work"
else
	ok "check does not warn of 'ok', who can work"
fi

for cmd in plan solve; do
	"$rota7" "$cmd" "$case" -o "$out/$cmd" -q >/dev/null 2>"$out/$cmd.err" ||
		{ bad "$cmd exits 0"; sed 's/^/    | /' "$out/$cmd.err"; continue; }
	/usr/bin/python3 - "$out/$cmd" "$cmd" <<'PY' && ok "$cmd: the FTE gap shows them" || bad "$cmd: the FTE gap"
import csv, json, os, sys
d, cmd = sys.argv[1], sys.argv[2]
why = []
g = json.load(open(os.path.join(d, "fte-gap.json")))
t = g["total"]
if (t["in_post_idle_fte"], t["in_post_idle_staff"], t["in_post_fte"]) != (3.5, 4, 4.5):
    why.append("total %r" % t)
rows = {(r["neighbourhood"], r["role"]): r for r in g["rows"]}
if rows[("a", "qn")]["in_post_idle_fte"] != 1.5 or rows[("b", "admin")]["in_post_idle_staff"] != 1:
    why.append("rows %r" % rows)
c = list(csv.DictReader(open(os.path.join(d, "fte-gap.csv"), newline="")))
tot = [r for r in c if r["level"] == "total"][0]
if float(tot["in_post_idle_fte"]) != 3.5 or tot["in_post_idle_staff"] != "4":
    why.append("csv %r" % tot)
html = open(os.path.join(d, "report.html"), encoding="utf-8").read()
if "4 in post (3.50 FTE) can never work where demand is" not in html:
    why.append("report.html")
if cmd == "solve":
    r = json.load(open(os.path.join(d, "rota.json")))
    got = [(x["staff"], x["reason"].split(":")[0].split(",")[0]) for x in r["idle_staff"]]
    want = [("noshifts", "no shifts to work"), ("nights", "no demand for their role"),
            ("clerk", "no shifts to work"),
            ("away", "on leave")]
    if got != want:
        why.append("idle_staff %r" % got)
    # Only 'nights' may still be given an undemanded night, for the
    # contract's hours; no one idle works the early that meets demand.
    if any(a["staff"] != "ok" and (a["staff"], a["shift"]) != ("nights", "night")
           for a in r["assignments"]):
        why.append("someone idle was rostered where demand is")
for w in why:
    print(w)
sys.exit(1 if why else 0)
PY
done
if [ -f "$out/solve/rota.json" ] && ! /usr/bin/python3 "$src/tests/tools/check_rota.py" \
		"$case" "$out/solve/rota.json" --quiet >"$out/checker"; then
	bad "solve: independent check"; tail -5 "$out/checker"
else
	ok "solve: independent check"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
