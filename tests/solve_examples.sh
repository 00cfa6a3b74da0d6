#!/usr/bin/env bash
# Solve every bundled example briefly and have the independent checker
# (tests/tools/check_rota.py, no code shared with rota7) recompute every
# hard rule and the uncovered demand from rota.json; and the FTE gap's
# uncovered hours must be rota.json's (tests/tools/check_gap_total.py).
set -u
rota7=$1
src=$2
limit=${3:-10}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
for f in "$src"/examples/small/*.json "$src"/examples/stockport/scenario.json; do
  name=${f#"$src"/examples/}
  rm -rf "$out/r"
  if ! "$rota7" solve "$f" -o "$out/r" -q --time-limit "$limit" --seed 7 \
       >"$out/log" 2>&1; then
    fail=$((fail + 1)); echo "FAIL solve $name"; head -5 "$out/log"; continue
  fi
  if /usr/bin/python3 "$src/tests/tools/check_rota.py" "$f" "$out/r/rota.json" \
       --quiet >"$out/check" 2>&1 &&
     /usr/bin/python3 "$src/tests/tools/check_gap_total.py" "$out/r" \
       >>"$out/check" 2>&1; then
    pass=$((pass + 1)); echo "ok $name: $(tail -1 "$out/check")"
  else
    fail=$((fail + 1)); echo "FAIL check $name"; tail -20 "$out/check"
  fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
