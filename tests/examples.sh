#!/usr/bin/env bash
# Every bundled example must validate, and plan must write an FTE gap
# whose CSV and JSON agree and whose rows add up to the totals.
set -u
rota7=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

for f in "$src"/examples/*/scenario.json "$src"/examples/small/*.json; do
  name=${f#"$src"/examples/}
  if "$rota7" check "$f" >"$out/check.txt" 2>&1 &&
     grep -q "^ok: " "$out/check.txt"; then
    ok "check $name"
  else
    bad "check $name" "$(head -5 "$out/check.txt")"
  fi
  rm -rf "$out/plan"
  if ! "$rota7" plan "$f" -o "$out/plan" >"$out/plan.txt" 2>&1; then
    bad "plan $name" "$(head -5 "$out/plan.txt")"
    continue
  fi
  if /usr/bin/python3 - "$out/plan" <<'PY'
import csv, json, sys
d = sys.argv[1]
js = json.load(open(f"{d}/fte-gap.json", encoding="utf-8"))
rows = list(csv.DictReader(open(f"{d}/fte-gap.csv", encoding="utf-8", newline="")))
detail = [r for r in rows if r["level"] == "neighbourhood"]
assert len(detail) == len(js["rows"]), "row count"
for r, j in zip(detail, js["rows"]):
    assert (r["neighbourhood"], r["role"]) == (j["neighbourhood"], j["role"])
    for k in ("required_fte", "in_post_fte", "gap_fte", "demand_hours_per_week"):
        assert abs(float(r[k]) - j[k]) < 1e-3, (k, r[k], j[k])
tot = js["total"]
for k in ("required_fte", "in_post_fte", "gap_fte"):
    s = sum(j[k] for j in js["rows"])
    assert abs(s - tot[k]) < 0.01 * max(1, len(js["rows"])) * 1e-1 + 0.01, (k, s, tot[k])
    assert abs(tot["required_fte"] - tot["in_post_fte"] - tot["gap_fte"]) < 1e-2
PY
  then ok "plan $name"; else bad "plan $name" "fte-gap files disagree"; fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
