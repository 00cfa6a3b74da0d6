#!/usr/bin/env bash
# SIGINT during a long solve stops the search and writes the best legal
# rota found so far, promptly, with every output whole, marks it
# "interrupted" in rota.json and exits 130 (128 + SIGINT, as a shell
# reports an interrupted command), so a script can tell.
set -u
rota7=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
scenario=$src/examples/stockport/scenario.json
start=$(date +%s)
"$rota7" solve "$scenario" -o "$out/r" -q --time-limit 600 >"$out/log" 2>&1 &
pid=$!
sleep 8
kill -INT "$pid"
wait "$pid"
status=$?
took=$(( $(date +%s) - start ))
fail=0
if [ "$status" -ne 130 ]; then
  echo "FAIL exit $status after SIGINT, expected 130"; cat "$out/log"; fail=1
elif ! grep -q '"stopped_by": "interrupted"' "$out/r/rota.json"; then
  echo "FAIL rota.json does not say it was interrupted"
  grep stopped_by "$out/r/rota.json"; fail=1
elif [ "$took" -gt 60 ]; then
  echo "FAIL took ${took}s to stop after SIGINT"; fail=1
elif ! /usr/bin/python3 "$src/tests/tools/check_rota.py" "$scenario" \
       "$out/r/rota.json" --quiet >"$out/check"; then
  echo "FAIL the rota written on SIGINT breaks a rule"; tail "$out/check"; fail=1
elif ls -a "$out/r" | grep -q '\.tmp\.'; then
  echo "FAIL temporary files left behind"; fail=1
elif ls -a "$out" | grep -q -e '\.tmp-' -e '\.old-'; then
  echo "FAIL staging directory left behind"; fail=1
fi
passed=0
if [ "$fail" -eq 0 ]; then
  echo "ok interrupted after 8 s, stopped in ${took}s, rota checked"
  passed=1
fi

# nrp likewise: its best solution written, exit 130.
inst=${ROTA7_NRP_DIR:-$src/../shared/benchmarks/curtois-qu}/Instance10.txt
if [ -f "$inst" ]; then
  "$rota7" nrp "$inst" -o "$out/n" -q --time-limit 600 >"$out/nlog" 2>&1 &
  pid=$!
  sleep 6
  kill -INT "$pid"
  wait "$pid"
  status=$?
  if [ "$status" -eq 130 ] && [ -s "$out/n/solution.txt" ] &&
     grep -q '^objective ' "$out/nlog"; then
    echo "ok nrp interrupted: solution written, exit 130"
    passed=$((passed + 1))
  else
    echo "FAIL nrp after SIGINT: exit $status"; cat "$out/nlog"; fail=$((fail + 1))
  fi
else
  echo "skip nrp: no $inst"
fi
echo "$passed passed, $fail failed"
exit "$fail"
