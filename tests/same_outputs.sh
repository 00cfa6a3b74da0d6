#!/usr/bin/env bash
# same_outputs.sh BIN OUT [SRC]: every deterministic output of rota7 into
# OUT, timing fields, DTSTAMP and generation dates normalised, for proving
# that a change which should not change behaviour does not: run it with
# the binary before and after, then diff -r the two directories.  SRC is
# the tree whose examples and test inputs are used (default: this one);
# give both runs the same SRC, since messages quote the paths.
set -u
BIN=$(realpath "$1"); OUT=$2; SRC=$(realpath "${3:-$(dirname "$0")/..}")
rm -rf "$OUT"; mkdir -p "$OUT"
NRP=${ROTA7_NRP_DIR:-$SRC/../shared/benchmarks/curtois-qu}
strip() { python3 - "$1" <<'PY'
import json,sys,re
p=sys.argv[1]
try:
    d=json.load(open(p))
except Exception:
    sys.exit(0)
def walk(o):
    if isinstance(o,dict):
        for k in list(o):
            if k in ("seconds","elapsed","elapsed_s","time_s","generated","solve_seconds","wall_seconds","time","generated_at","cpu_seconds"): o[k]="T"
            else: walk(o[k])
    elif isinstance(o,list):
        for x in o: walk(x)
walk(d)
json.dump(d,open(p,"w"),indent=1,sort_keys=True)
PY
}
run() { # name, args...
  local n=$1; shift
  ( cd "$OUT" && "$BIN" "$@" >"$n.out" 2>"$n.err"; echo $? >"$n.rc" )
}
for s in stockport/scenario essex/scenario small/clock-change-march small/clock-change-october small/one-week small/two-neighbourhoods; do
  b=$(echo $s | tr / _)
  run check_$b check $SRC/examples/$s.json
  run plan_$b plan $SRC/examples/$s.json -o plan_$b
  run lp_$b export-lp $SRC/examples/$s.json $b.lp
  run mps_$b export-lp $SRC/examples/$s.json $b.mps
done
for s in small/clock-change-march small/clock-change-october small/one-week small/two-neighbourhoods; do
  b=$(echo $s | tr / _)
  run solve_$b solve $SRC/examples/$s.json -o solve_$b --seed 1 -q --time-limit 20
done
for f in $SRC/tests/solve/*[0-9]-*[a-z].json; do
  b=$(basename $f .json)
  run case_$b solve $f -o case_$b --seed 1 -q --time-limit 20
done
for f in $SRC/tests/golden/invalid/*.json $SRC/tests/golden/valid/*.json; do
  b=$(basename $f .json)
  run g_$b check $f
done
run nrp1 nrp $NRP/Instance1.txt -o nrp1 --seed 1 -q --time-limit 20
run lp_nrp5 export-lp $NRP/Instance5.txt nrp5.lp
# normalise: strip timings in json, drop html timing lines
find "$OUT" -name '*.json' | while read f; do strip "$f"; done
find "$OUT" -name '*.err' | xargs sed -i -E 's/[0-9]+\.[0-9]+ ?s\b/T s/g'
find "$OUT" -name 'report.html' | xargs -r sed -i -E 's/[0-9]+\.[0-9]+ ?s\b/T s/g'
find "$OUT" -name "*.ics" | xargs -r sed -i -E "s/^DTSTAMP:.*/DTSTAMP:T/"
find "$OUT" -name "*.html" | xargs -r sed -i -E "s/[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:]{5,8}Z?/DATE/g"
find "$OUT" -name "report.html" | xargs -r sed -i -E "s#(id=\"seconds\".*<td class=\"n\">)[0-9.]+#\1T#"
find "$OUT" -name "*.out" | xargs -r sed -i -E "s/^(time +)[0-9.]+ s/\1T s/"
