#!/usr/bin/env bash
# Limits (README, "Limits"): inputs too big to keep in the repository are
# made here, and each must be refused with exit 2, a message naming the
# limit, promptly and in little memory.  Small cases (numbers that
# overflow, long strings, nesting just past the bound) are golden cases.
#
# usage: limits.sh ROTA7_BINARY SOURCE_DIR [SCALE]
# SCALE multiplies the time and memory allowed (a sanitizer build: 4).
set -u
rota7=$1
src=$2
scale=${3:-1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-limits.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# expect NAME SECONDS MAX_RSS_MB WANT [rota7 args...]: exit 2, WANT in
# stderr, within SECONDS and MAX_RSS_MB.  Standard input is $in.
expect() {
	local name=$1 secs=$(($2 * scale)) mb=$(($3 * scale)) want=$4 status rss took
	shift 4
	/usr/bin/time -f '%e %M' -o "$tmp/time" timeout -k 2 60 "$rota7" "$@" \
		<"$in" >"$tmp/out" 2>"$tmp/err"
	status=$?
	read -r took rss < <(tail -n 1 "$tmp/time")
	rss=$(( ${rss:-0} / 1024 ))
	if [ "$status" -ne 2 ]; then
		echo "FAIL $name: exit $status, expected 2"; head -c 600 "$tmp/err"
	elif ! grep -qF -e "$want" "$tmp/err"; then
		echo "FAIL $name: no '$want' in:"; head -c 600 "$tmp/err"
	elif [ "$(head -c 4000 "$tmp/err" | wc -c)" -ge 4000 ]; then
		echo "FAIL $name: 4000 bytes of messages or more"
	elif awk -v t="$took" -v s="$secs" 'BEGIN { exit !(t > s) }'; then
		echo "FAIL $name: took ${took}s, more than ${secs}s"
	elif [ "$rss" -gt "$mb" ]; then
		echo "FAIL $name: peak memory ${rss} MB, more than $mb MB"
	else
		echo "ok $name (${took}s, ${rss} MB)"
		passed=$((passed + 1))
		return
	fi
	echo
	failed=$((failed + 1))
}

in=/dev/null
# A 1 GB file: refused from its size, unread (sparse, so it costs no disk).
truncate -s 1G "$tmp/big.json"
expect file-1GB 1 50 "file larger than 67108864 bytes" check "$tmp/big.json"
# The same on a pipe, which has no size: read no further than the limit.
mkfifo "$tmp/fifo"
head -c 1G /dev/zero >"$tmp/fifo" 2>/dev/null &
in=$tmp/fifo
expect stdin-1GB 5 200 "<stdin>: file larger than 67108864 bytes" check -
in=/dev/null
wait
# A million levels of nesting: refused before jansson recurses into them.
python3 -c "import sys; sys.stdout.write('[' * 1000000)" >"$tmp/deep.json"
expect nesting-1M 1 50 "deep.json:1:33: nesting deeper than 32 arrays" \
	check "$tmp/deep.json"
# Under 64 MiB but tens of millions of tiny values (jansson: 1.4 GB).
python3 - "$tmp/flat.json" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('{"rota7": 1, "x-flat": [' + "0," * 30000000 + "0]}")
EOF
expect values-30M 3 200 "more than 4000000 values" check "$tmp/flat.json"

# Counts: the golden base scenario with one list grown past its bound.
base=$src/tests/golden/invalid/49-fte-zero.json
grow() {	# grow NAME PYTHON: the base as `s`, changed by PYTHON
	python3 - "$base" "$tmp/$1.json" "$2" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
s["staff"][1]["fte"] = 1.0
exec(sys.argv[3])
json.dump(s, open(sys.argv[2], "w"))
EOF
}
grow staff "s['staff'] = [dict(s['staff'][1], id='p%d' % i) for i in range(5001)]"
expect staff-5001 3 300 "\$.staff: too many entries, 5001, at most 5000" \
	check "$tmp/staff.json"
grow shifts "s['shifts'] = [dict(s['shifts'][0], id='s%d' % i) for i in range(101)]"
expect shifts-101 3 300 "\$.shifts: too many entries, 101, at most 100" \
	check "$tmp/shifts.json"
grow nbhd "s['neighbourhoods'] += [dict(id='n%d' % i, weighted_population=1) for i in range(1000)]"
expect neighbourhoods-1002 3 300 \
	"\$.neighbourhoods: too many entries, 1002, at most 1000" \
	check "$tmp/nbhd.json"
grow kinds "s['groups'] = {'k%d' % i: {} for i in range(21)}"
expect group-kinds-21 3 300 "\$.groups: too many group kinds, 21, at most 20" \
	check "$tmp/kinds.json"
grow bands "s['services'][0]['bands'] *= 201"
expect bands-201 3 300 \
	"\$.services[0].bands: too many entries, 201, at most 200" \
	check "$tmp/bands.json"
grow roles "s['roles'] += [dict(id='r%d' % i) for i in range(100)]"
expect roles-102 3 300 "\$.roles: too many entries, 102, at most 100" \
	check "$tmp/roles.json"
grow leave "s['staff'][0]['leave'] *= 20001"
expect leave-20001 3 300 \
	"\$.staff[0] (a1).leave: too many entries, 20001, at most 20000" \
	check "$tmp/leave.json"
# Each count within bounds, their product not.
grow cells "
s['horizon'] = {'start': '2018-01-01', 'days': 366}
s['shifts'] += [dict(s['shifts'][0], id='s%d' % i) for i in range(98)]
s['staff'] = [dict(s['staff'][1], id='p%d' % i) for i in range(200)]"
expect cells 3 300 "rota too large, 200 staff x 366 days x 100 shifts is 7320000 cells, at most 5000000" \
	check "$tmp/cells.json"
grow demand "
s['horizon'] = {'start': '2018-01-01', 'days': 366}
s['neighbourhoods'] = [dict(id='n%d' % i, weighted_population=1) for i in range(1000)]
s['groups'] = {}
s['staff'] = s['staff'][1:]
s['staff'][0]['neighbourhood'] = 'n0'
s['skill_mix'] = []
b = s['services'][0]['bands'][0]
b['require'] = [{'role': 'qn', 'count': 1}] * 20
s['services'][0]['bands'] = [b]"
expect demand 3 300 "\$.services: demand too large" check "$tmp/demand.json"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
