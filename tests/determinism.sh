#!/usr/bin/env bash
# The same input, seed and --work give the same rota.json (solve_seconds
# aside), whatever else the machine is doing: the second run of each pair
# has a busy loop on every core beside it.  The time limit is far above
# what the work needs, so the run must end by its work ("stopped_by").
# The colgen cases take the column-generation phase (solver/colphase.h,
# its pricing on two threads) with a small budget set in ROTA7_COLGEN.
set -u
rota7=$1
src=$2
out=$(mktemp -d)
busy=()
trap 'kill "${busy[@]}" 2>/dev/null; rm -rf "$out"' EXIT
fail=0
same() { # name scenario work [ROTA7_COLGEN]
	local name=$1 scenario=$2 work=$3
	export ROTA7_COLGEN=${4:-off}
	"$rota7" solve "$scenario" -o "$out/$name-1" -q --seed 3 --work "$work" \
		--time-limit 600 >/dev/null 2>"$out/$name.err" ||
		{ echo "FAIL $name: solve failed"; cat "$out/$name.err"; fail=1; return; }
	for _ in $(seq "$(nproc)"); do
		( while :; do :; done ) &
		busy+=($!)
	done
	"$rota7" solve "$scenario" -o "$out/$name-2" -q --seed 3 --work "$work" \
		--time-limit 600 >/dev/null 2>>"$out/$name.err"
	kill "${busy[@]}" 2>/dev/null
	wait "${busy[@]}" 2>/dev/null
	busy=()
	/usr/bin/python3 - "$out/$name-1/rota.json" "$out/$name-2/rota.json" \
		"$work" "$name" <<'PY' || fail=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
work, name = int(sys.argv[3]), sys.argv[4]
for d in (a, b):
    d.pop("solve_seconds")
bad = []
if a != b:
    bad.append("rota.json differs between the two runs (%s vs %s)"
               % (a["objective"], b["objective"]))
for run, d in (("first", a), ("second", b)):
    if d["stopped_by"] not in ("work", "optimal"):
        bad.append("%s run stopped by %s, not by its work"
                   % (run, d["stopped_by"]))
    elif d["stopped_by"] == "work" and d["work"] != work:
        bad.append("%s run's work %s, asked %d" % (run, d["work"], work))
for m in bad:
    print("FAIL %s: %s" % (name, m))
if not bad:
    print("ok %s: objective %s, %s after %s rounds"
          % (name, a["objective"], a["stopped_by"], a["work"]))
sys.exit(1 if bad else 0)
PY
}
same two-neighbourhoods "$src/examples/small/two-neighbourhoods.json" 400
same stockport "$src/examples/stockport/scenario.json" 100
same colgen-two-neighbourhoods "$src/examples/small/two-neighbourhoods.json" \
	200 rounds=4,iters=100,dive=50
# Stockport's dive fixes a tenth of the free days a step, not the
# default fiftieth: 141 steps took 290 s idle under ASan (6 s in a
# release build with the tenth against 24 s), so the busy run was cut
# by its 600 s limit and the pair differed.
same colgen-stockport "$src/examples/stockport/scenario.json" 100 \
	rounds=2,iters=50,dive=30,share=0.1

# A benchmark instance whose start is built person by person (everyone
# has a least total of minutes) goes on to GLPK's whole model and to
# fix-and-optimise, which count GLPK's subproblems and the moves tried:
# the same solution.txt with the machine busy, and a run its work ended.
python3 - "$out/inst.txt" <<'PY'
import sys
L = ["SECTION_HORIZON", "14", "", "SECTION_SHIFTS", "E,480,", "L,480,E", "",
     "SECTION_STAFF"]
L += ["P%d,E=10|L=10,4800,%d,5,2,2,1" % (i, 2400 + 240 * (i % 3))
      for i in range(8)]
L += ["", "SECTION_COVER"]
L += ["%d,%s,%d,100,1" % (d, s, 2 + (d + len(s)) % 2)
      for d in range(14) for s in ("E", "L")]
open(sys.argv[1], "w").write("\n".join(L) + "\n")
PY
nrp_run() { # name
	"$rota7" nrp "$out/inst.txt" -o "$out/$1" --seed 3 --work 100 \
		--time-limit 600 2>"$out/$1.err" >/dev/null
}
nrp_run nrp-1
for _ in $(seq "$(nproc)"); do
	( while :; do :; done ) &
	busy+=($!)
done
nrp_run nrp-2
kill "${busy[@]}" 2>/dev/null
wait "${busy[@]}" 2>/dev/null
busy=()
if ! grep -q "fix-and-optimise  [0-9]* sub-MIPs" "$out/nrp-1.err"; then
	echo "FAIL nrp: no fix-and-optimise: $(tail -3 "$out/nrp-1.err")"
	fail=1
elif grep -q "cut by" "$out/nrp-1.err" "$out/nrp-2.err"; then
	echo "FAIL nrp: a run was cut by the clock: $(grep "cut by" "$out"/nrp-*.err)"
	fail=1
elif ! cmp -s "$out/nrp-1/solution.txt" "$out/nrp-2/solution.txt"; then
	echo "FAIL nrp: solution.txt differs between the two runs"
	fail=1
else
	echo "ok nrp: $(grep -h "fix-and-optimise  [0-9]* sub" "$out/nrp-1.err" | sed 's/.*optimise  //')"
fi
[ "$fail" -eq 0 ] && echo "5 passed, 0 failed" || echo "failed"
exit "$fail"
