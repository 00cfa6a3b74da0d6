#!/usr/bin/env bash
# Solves and plans the report examples once, for the report tests:
# OUT/NAME (solve), OUT/NAME-plan (plan) and their standard output.
# usage: outputs.sh ROTA7 SOURCE_DIR OUT
set -eu
rota7=$1
src=$2
out=$3
rm -rf "$out"
mkdir -p "$out"

run() {
  local name=$1 scenario=$2 limit=$3
  shift 3
  "$rota7" solve "$scenario" -o "$out/$name" --time-limit "$limit" -q "$@" \
    >"$out/$name.stdout"
  "$rota7" plan "$scenario" -o "$out/$name-plan" >"$out/$name-plan.stdout"
}

run stockport "$src/examples/stockport/scenario.json" 8
run tricky "$src/tests/report/tricky.json" 2 --seed 3   # check_html.py knows
run formulas "$src/tests/report/formulas.json" 2
echo "report outputs in $out"
