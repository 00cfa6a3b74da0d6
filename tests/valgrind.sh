#!/usr/bin/env bash
# Valgrind's memcheck on a small solve, a plan, and checks of invalid
# input: no invalid read or write, no use of uninitialised memory, no
# definite or indirect leak.  It sees what the sanitizer build cannot:
# the uninstrumented jansson, libical and GLPK calls as rota7 makes them.
#
# usage: valgrind.sh ROTA7_BINARY SOURCE_DIR   (a build without sanitizers)
set -u
rota7=$1
src=$2
if ! command -v valgrind >/dev/null; then
	echo "valgrind.sh: valgrind is not installed (Debian package 'valgrind'," \
		"installed by .ci/deps)" >&2
	exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-valgrind.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# vg NAME WANT_STATUS ARGS...: rota7 ARGS under memcheck.
vg() {
	local name=$1 want=$2 status
	shift 2
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --track-origins=yes \
		--log-file="$tmp/$name.vg" "$rota7" "$@" \
		>"$tmp/$name.out" 2>"$tmp/$name.err"
	status=$?
	if [ "$status" -eq "$want" ] && [ ! -s "$tmp/$name.vg" ]; then
		echo "ok $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name: exit $status (expected $want)"
		head -60 "$tmp/$name.vg" "$tmp/$name.err"
		failed=$((failed + 1))
	fi
}

small=$src/examples/small
golden=$src/tests/golden/invalid
vg solve-one-week 0 solve "$small/one-week.json" -o "$tmp/out" -q \
	--time-limit 5 --seed 1
vg solve-previous 0 solve "$small/one-week.json" -o "$tmp/out2" -q \
	--time-limit 5 --seed 2 --previous "$tmp/out"
vg solve-again-same-dir 0 solve "$small/two-neighbourhoods.json" \
	-o "$tmp/out" -q --time-limit 5 --seed 1
vg plan 0 plan "$small/clock-change-march.json" -o "$tmp/plan"
vg check-syntax 2 check "$golden/01-syntax-missing-comma.json"
vg check-several-errors 2 check "$golden/74-several-errors.json"
vg check-many-errors 2 check "$golden/84-many-errors-capped.json"
vg solve-no-rota 3 solve "$src/tests/solve/08-senior-impossible.json" \
	-o "$tmp/none" -q --time-limit 5
vg output-refused 4 solve "$small/one-week.json" -o "$golden" -q

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
