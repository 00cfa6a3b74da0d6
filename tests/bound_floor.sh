#!/usr/bin/env bash
# A bound is never below 0: every weight, penalty and price is at least 0,
# so 0 is the trivial bound, and a Lagrangian bound still far from its
# multipliers' optimum says less (Stockport at --work 200 reported
# -1,132,420 before).  The gap then is measured against 0.
#
# usage: bound_floor.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-bound.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
"$rota7" solve "$src/examples/stockport/scenario.json" -o "$tmp/out" -q \
	--seed 1 --work 200 --time-limit 300 >/dev/null 2>"$tmp/err" || {
	echo "FAIL: solve exit $?"; cat "$tmp/err"; exit 1; }
python3 - "$tmp/out/rota.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
b, o, g = r["bound"], r["objective"], r["gap"]
ok = b is not None and 0 <= b <= o and abs(g - (o - b) / max(abs(o), 1e-9)) < 1e-6
print(("ok" if ok else "FAIL") + f": bound {b}, objective {o}, gap {g}")
sys.exit(0 if ok else 1)
PY
