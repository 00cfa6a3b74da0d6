#!/usr/bin/env bash
# rota7 recruit on two small cases (tests/recruit/*.json):
#  - short.json leaves a third of demand short: posts are proposed, the
#    last round meets the 99% target, scenario-recruited.json is valid
#    input for check, plan and solve, solving it with the same seed and
#    --work gives the very rota recruit wrote (so every figure recruit
#    reports is that rota's), the independent checker passes both, and
#    a second run gives byte-identical recruitment.csv and scenario;
#  - senior.json has a senior rule no rota can meet: solve exits 3, and
#    recruit adds a post at the band the rule needs, then meets cover;
#  - --draft-work: drafts rank the posts, then one full solve of them is
#    the rota reported, and solving scenario-recruited.json gives it;
#  - --max-posts caps the posts, bad option values are usage errors.
set -u
rota7=$1
src=$2
cases=$src/tests/recruit
check=$src/tests/tools/check_rota.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0
bad() { echo "FAIL $*"; fail=1; }
run() { # dir scenario [options]: recruit into $out/dir
	local dir=$1 scenario=$2
	shift 2
	"$rota7" recruit "$scenario" -o "$out/$dir" -q --seed 3 --work 300 \
		--time-limit 600 "$@" >"$out/$dir.out" 2>"$out/$dir.err"
}

# ---- short.json: posts, the target, the recruited scenario ----
run a "$cases/short.json" || { bad "recruit short.json: exit $?"; cat "$out/a.err"; }
/usr/bin/python3 - "$out/a" <<'PY' || fail=1
import csv, json, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/recruitment.csv", newline="")))
rota = json.load(open(d + "/rota.json"))
sc = json.load(open(d + "/scenario-recruited.json"))
bad = []
if not rows:
    bad.append("no post proposed")
head = open(d + "/recruitment.csv", newline="").readline()
if not head.startswith("post,role,band,neighbourhood,fte,"
                       "uncovered_hours_before,uncovered_hours_after"):
    bad.append("recruitment.csv header: " + head.strip())
ids = {p["id"] for p in sc["staff"]}
last = max(int(r["batch"]) for r in rows) if rows else 0
for r in rows:
    if r["post"] not in ids:
        bad.append("post %s not in scenario-recruited.json" % r["post"])
    if not r["post"].startswith("vac-%s-%s-" % (r["role"], r["neighbourhood"])):
        bad.append("post id %s does not say it is a vacancy" % r["post"])
    if float(r["uncovered_hours_after"]) >= float(r["uncovered_hours_before"]):
        bad.append("post %s: batch did not reduce the shortfall" % r["post"])
    if int(r["batch"]) == last and \
            abs(float(r["uncovered_hours_after"]) - rota["uncovered_hours"]) > 1e-6:
        bad.append("last batch's uncovered_hours_after %s is not rota.json's %s"
                   % (r["uncovered_hours_after"], rota["uncovered_hours"]))
gap = json.load(open(d + "/fte-gap.json"))
demand = gap["total"]["demand_hours"]
if rota["uncovered_hours"] > 0.01 * demand + 1e-9:
    bad.append("target missed: %s of %s demand hours short"
               % (rota["uncovered_hours"], demand))
for b in bad:
    print("FAIL recruit short.json:", b)
sys.exit(1 if bad else 0)
PY
grep -q '<section id="recruitment">' "$out/a/report.html" &&
	grep -q '<polyline' "$out/a/report.html" ||
	bad "report.html has no recruitment section with its curve"
grep -qi '<script\|src="http\|href="http' "$out/a/report.html" &&
	bad "report.html refers outside itself"
grep -q '^result .*target met' "$out/a.out" || bad "stdout: no result line"
# Every fte proposed is one the role's staff use in the input.
/usr/bin/python3 - "$cases/short.json" "$out/a/recruitment.csv" <<'PY' || fail=1
import csv, json, sys
sc = json.load(open(sys.argv[1]))
sizes = {}
for p in sc["staff"]:
    sizes.setdefault(p["role"], set()).add(float(p.get("fte", 1.0)))
for r in csv.DictReader(open(sys.argv[2], newline="")):
    if float(r["fte"]) not in sizes.get(r["role"], ()):
        print("FAIL recruit: post %s fte %s not a size %s staff use"
              % (r["post"], r["fte"], r["role"]))
        sys.exit(1)
PY

# The recruited scenario is input for every command.
rs=$out/a/scenario-recruited.json
"$rota7" check "$rs" >/dev/null 2>"$out/check.err" || { bad "check scenario-recruited.json"; cat "$out/check.err"; }
"$rota7" plan "$rs" -o "$out/plan" -q >/dev/null 2>"$out/plan.err" || { bad "plan scenario-recruited.json"; cat "$out/plan.err"; }
"$rota7" solve "$rs" -o "$out/s" -q --seed 3 --work 300 --time-limit 600 \
	>/dev/null 2>"$out/s.err" || { bad "solve scenario-recruited.json"; cat "$out/s.err"; }
# ... and solving it reproduces recruit's rota, figures and all.
/usr/bin/python3 - "$out/a/rota.json" "$out/s/rota.json" <<'PY' || fail=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("solve_seconds")
if a != b:
    print("FAIL recruit: solving scenario-recruited.json gives another rota "
          "(uncovered %s against recruit's %s)"
          % (b["uncovered_hours"], a["uncovered_hours"]))
    sys.exit(1)
PY
for r in "$out/a/rota.json" "$out/s/rota.json"; do
	/usr/bin/python3 "$check" "$rs" "$r" --quiet >"$out/chk.out" 2>&1 ||
		{ bad "check_rota.py on $r"; cat "$out/chk.out"; }
done

# Determinism: the same seed and --work, the same posts byte for byte.
run b "$cases/short.json" || bad "second recruit short.json: exit $?"
cmp -s "$out/a/recruitment.csv" "$out/b/recruitment.csv" ||
	bad "recruitment.csv differs between two runs with the same seed"
cmp -s "$out/a/scenario-recruited.json" "$out/b/scenario-recruited.json" ||
	bad "scenario-recruited.json differs between two runs with the same seed"

# --draft-work: the rounds before the last rank posts on cheaper solves,
# and the last is a full solve of the posts they chose (its own round,
# after the last draft), the rota reported: solving
# scenario-recruited.json at the full --work gives it again.
run d "$cases/short.json" --draft-work 20 || { bad "recruit --draft-work 20: exit $?"; cat "$out/d.err"; }
"$rota7" solve "$out/d/scenario-recruited.json" -o "$out/ds" -q --seed 3 \
	--work 300 --time-limit 600 >/dev/null 2>"$out/ds.err" ||
	{ bad "solve the drafts' scenario-recruited.json"; cat "$out/ds.err"; }
/usr/bin/python3 - "$out/d.out" "$out/d" "$out/ds/rota.json" <<'PY' || fail=1
import csv, json, sys
lines = open(sys.argv[1]).read().split("\n\n")[0].splitlines()
rounds = [l.split() for l in lines[1:]]
rota = json.load(open(sys.argv[2] + "/rota.json"))
again = json.load(open(sys.argv[3]))
rows = list(csv.DictReader(open(sys.argv[2] + "/recruitment.csv", newline="")))
bad = []
if lines[0].split()[-1] != "solve":
    bad.append("the rounds do not say how each was solved: " + lines[0])
elif len(rounds) < 2 or any(r[-1] != "draft" for r in rounds[:-1]) \
        or rounds[-1][-1] != "full":
    bad.append("not drafts then one full solve: %s" % rounds)
elif rounds[-1][1] != rounds[-2][1]:
    bad.append("the full solve has other posts than the last draft: %s" % rounds)
elif float(rounds[-1][3]) != rota["uncovered_hours"]:
    bad.append("the last round's %s h is not rota.json's %s"
               % (rounds[-1][3], rota["uncovered_hours"]))
if rota["made_from"]["work"] != 300:
    bad.append("rota.json made at --work %s, not the full 300"
               % rota["made_from"]["work"])
last = max(int(r["batch"]) for r in rows) if rows else 0
for r in rows:
    if int(r["batch"]) == last and \
            float(r["uncovered_hours_after"]) != rota["uncovered_hours"]:
        bad.append("last batch's uncovered_hours_after %s is not rota.json's %s"
                   % (r["uncovered_hours_after"], rota["uncovered_hours"]))
for d in (rota, again):
    d.pop("solve_seconds")
if rota != again:
    bad.append("solving scenario-recruited.json gives another rota "
               "(uncovered %s against recruit's %s)"
               % (again["uncovered_hours"], rota["uncovered_hours"]))
for b in bad:
    print("FAIL recruit --draft-work:", b)
sys.exit(1 if bad else 0)
PY
/usr/bin/python3 "$check" "$out/d/scenario-recruited.json" "$out/d/rota.json" \
	--quiet >"$out/chk.out" 2>&1 || { bad "check_rota.py on the drafts' rota"; cat "$out/chk.out"; }

# --max-posts caps them; the run still confirms what it proposes.
run m "$cases/short.json" --max-posts 1 || bad "recruit --max-posts 1: exit $?"
n=$(($(wc -l <"$out/m/recruitment.csv") - 1))
[ "$n" = 1 ] || bad "--max-posts 1 gave $n posts"
grep -q 'target not met (--max-posts reached)' "$out/m.out" ||
	bad "--max-posts 1: stdout does not say the target was not met"

# ---- senior.json: no rota until a band 6 post is added ----
"$rota7" solve "$cases/senior.json" -o "$out/s6" -q --work 300 >/dev/null 2>&1
st=$?
[ "$st" = 3 ] || bad "solve senior.json: exit $st, expected 3"
run c "$cases/senior.json" || { bad "recruit senior.json: exit $?"; cat "$out/c.err"; }
/usr/bin/python3 - "$out/c" <<'PY' || fail=1
import csv, json, sys
d = sys.argv[1]
sc = json.load(open(d + "/scenario-recruited.json"))
posts = [p for p in sc["staff"] if "x-vacancy" in p]
seniors = [p for p in posts if p["x-vacancy"]["senior"]]
if not seniors or any(p["role"] != "qn" or p["band"] < 6 for p in seniors):
    print("FAIL recruit senior.json: no band 6 qn post for the senior rule:",
          [(p["id"], p["role"], p.get("band")) for p in posts])
    sys.exit(1)
PY
/usr/bin/python3 "$check" "$out/c/scenario-recruited.json" "$out/c/rota.json" \
	--quiet >"$out/chk.out" 2>&1 || { bad "check_rota.py on senior.json's rota"; cat "$out/chk.out"; }

# ---- usage ----
for args in "--cover 101" "--max-posts 1.5" "--work 2.5" "--gap 0.1" \
	"--draft-work 2.5"; do
	# shellcheck disable=SC2086
	"$rota7" recruit "$cases/short.json" -o "$out/u" -q $args >/dev/null 2>&1
	st=$?
	[ "$st" = 2 ] || bad "recruit $args: exit $st, expected 2"
done

"$rota7" recruit "$out/none.json" -o "$out/u" >/dev/null 2>"$out/none.err"
st=$?
[ "$st" = 2 ] && grep -q "none.json: cannot open: " "$out/none.err" ||
	bad "recruit of a missing file: exit $st, $(cat "$out/none.err")"

[ "$fail" = 0 ] && echo "recruit: all passed"
exit "$fail"
