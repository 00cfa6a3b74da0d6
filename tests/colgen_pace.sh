#!/usr/bin/env bash
# A column-generation run the time limit is going to cut paces its dive
# to end by its share of the limit, instead of leaving the people still
# free at their heaviest months (Stockport, seed 1, a finer dive cut at
# 30 s: 1,655,916 unpaced against 1,610,212 paced).  At --time-limit 10
# the rounds end by 4 s and the dive by 7 s, well short of what an idle
# 2-core machine needs (about 12 s of rounds, 20 s of dive).  How far
# short depends on the machine and its load: one much slower than that
# (a CI runner beside other tests) has its dive cut by the clock before
# the third step, where the pace is first read, and one much faster
# ends the dive unpaced.  So the limit is tried from 10 s up to 40 s and
# then down to 4 s, and the test asks that one of them paces the dive,
# ends with a legal rota and reports the clock as what stopped it.
#
# usage: colgen_pace.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-cgpace.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
sc="$src/examples/stockport/scenario.json"
attempt() {
	"$rota7" solve "$sc" -o "$tmp/out" --seed 1 --time-limit "$1" \
		>/dev/null 2>"$tmp/err"
	status=$?
	if [ "$status" -ne 0 ]; then
		echo "FAIL: solve exit $status at --time-limit $1"
		tail "$tmp/err"; exit 1
	fi
	python3 "$src/tests/tools/check_rota.py" "$sc" "$tmp/out/rota.json" \
		--quiet >/dev/null ||
		{ echo "FAIL: the checker refuses the rota at $1 s"; exit 1; }
	python3 - "$tmp/out/rota.json" "$tmp/err" "$1" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
err = open(sys.argv[2]).read()
limit = sys.argv[3]
bad = []
paced = re.search(r"colgen\s+dive paced to end by ([\d.]+)s: ([\d.]+) of "
                  r"the free days a step, not ([\d.]+)", err)
if not paced:
    bad.append("the dive was not paced at a %s s limit" % limit)
elif float(paced.group(2)) <= float(paced.group(3)):
    bad.append("paced to a share no larger than the default")
if r["stopped_by"] != "time-limit":
    bad.append("stopped by %s, not time-limit" % r["stopped_by"])
for m in bad:
    print("not yet: " + m)
if not bad:
    print("ok at %s s: objective %s, %s" % (limit, r["objective"],
                                            paced.group(0)))
sys.exit(1 if bad else 0)
PY
}

for limit in 10 20 40 6 4; do
	attempt "$limit" && exit 0
done
echo "FAIL: no time limit from 4 s to 40 s paced the dive"
exit 1
