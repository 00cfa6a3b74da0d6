#!/usr/bin/env bash
# A column-generation run the time limit is going to cut paces its dive
# to end by its share of the limit, instead of leaving the people still
# free at their heaviest months (Stockport, seed 1, a finer dive cut at
# 30 s: 1,655,916 unpaced against 1,610,212 paced).  At --time-limit 10
# the rounds end by 4 s and the dive by 7 s, well short of what an idle
# 2-core machine needs (about 12 s of rounds, 20 s of dive), so the
# dive is paced on any machine up to about twice as fast as that one:
# the run must say so, end with a legal rota, and report the clock as
# what stopped it.
#
# usage: colgen_pace.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-cgpace.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
sc="$src/examples/stockport/scenario.json"
"$rota7" solve "$sc" -o "$tmp/out" --seed 1 --time-limit 10 \
	>/dev/null 2>"$tmp/err"
status=$?
if [ "$status" -ne 0 ]; then
	echo "FAIL: solve exit $status"; tail "$tmp/err"; exit 1
fi
python3 "$src/tests/tools/check_rota.py" "$sc" "$tmp/out/rota.json" \
	--quiet >/dev/null || { echo "FAIL: the checker refuses the rota"; exit 1; }
python3 - "$tmp/out/rota.json" "$tmp/err" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
err = open(sys.argv[2]).read()
bad = []
paced = re.search(r"colgen\s+dive paced to end by ([\d.]+)s: ([\d.]+) of "
                  r"the free days a step, not ([\d.]+)", err)
if not paced:
    bad.append("the dive was not paced at a 10 s limit")
elif float(paced.group(2)) <= float(paced.group(3)):
    bad.append("paced to a share no larger than the default")
if r["stopped_by"] != "time-limit":
    bad.append("stopped by %s, not time-limit" % r["stopped_by"])
for m in bad:
    print("FAIL: " + m)
if not bad:
    print("ok: objective %s, %s" % (r["objective"], paced.group(0)))
sys.exit(1 if bad else 0)
PY
