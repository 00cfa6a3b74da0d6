#!/usr/bin/env bash
# Golden tests for 'rota7 check'.
#
# usage: run.sh ROTA7_BINARY [GOLDEN_DIR]
#
# GOLDEN_DIR (default: the directory of this script) holds invalid/ and
# valid/.  In each, a case NAME is one of
#   NAME.json            run 'rota7 check NAME.json'
#   NAME.json + NAME.stdin   run 'rota7 check -' with NAME.json on standard input
#   NAME.args            run 'rota7 check PATH', PATH being the first line of
#                        the file (e.g. a file that does not exist)
# and NAME.expect beside it:
#   line 1               the expected exit status
#   following lines      substrings that must appear in standard error (status
#                        not 0) or standard output (status 0); a line starting
#                        with '!' is a substring that must NOT appear there;
#                        blank lines are ignored
# Every case runs in its own directory (so messages name the file as given),
# under 'timeout' with a limit of 10 s.  On an error exit standard output must
# be empty.  Prints 'ok NAME' or 'FAIL NAME: why' per case, then
# 'N passed, M failed'; exits 1 if any failed.

set -u

LIMIT=10

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	echo "usage: run.sh ROTA7_BINARY [GOLDEN_DIR]" >&2
	exit 2
fi

bin=$1
golden=${2:-$(dirname "$0")}

case $bin in
/*) ;;
*/*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") ;;
*) bin=$(command -v "$bin" || echo "$bin") ;;
esac
if [ ! -x "$bin" ] || [ -d "$bin" ]; then
	echo "run.sh: '$1' is not an executable" >&2
	exit 2
fi
if [ ! -d "$golden" ]; then
	echo "run.sh: '$golden' is not a directory" >&2
	exit 2
fi
golden=$(cd "$golden" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0

# show FILE LABEL: the file's content, indented, for a failure report
show() {
	if [ -s "$1" ]; then
		echo "    --- $2:"
		sed 's/^/    | /' "$1"
	else
		echo "    --- $2: (empty)"
	fi
}

run_case() {	# run_case DIR NAME KIND
	local dir=$1 name=$2 kind=$3 label expect want status arg line msg why=()
	local out=$tmp/stdout err=$tmp/stderr where

	label=$(basename "$dir")/$name
	expect=$dir/$name.expect
	if [ ! -f "$expect" ]; then
		echo "FAIL $label: no $name.expect"
		failed=$((failed + 1))
		return
	fi
	want=$(head -n 1 "$expect" | tr -d '\r[:space:]')
	case $want in
	'' | *[!0-9]*)
		echo "FAIL $label: first line of $name.expect is not an exit status"
		failed=$((failed + 1))
		return ;;
	esac

	case $kind in
	stdin)
		(cd "$dir" && timeout -k 2 "$LIMIT" "$bin" check - \
			<"$name.json" >"$out" 2>"$err") 2>/dev/null ;;
	args)
		arg=$(head -n 1 "$dir/$name.args" | tr -d '\r')
		(cd "$dir" && timeout -k 2 "$LIMIT" "$bin" check "$arg" \
			</dev/null >"$out" 2>"$err") 2>/dev/null ;;
	*)
		(cd "$dir" && timeout -k 2 "$LIMIT" "$bin" check "$name.json" \
			</dev/null >"$out" 2>"$err") 2>/dev/null ;;
	esac
	status=$?

	if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
		why+=("took longer than $LIMIT s (timed out)")
	elif [ "$status" -gt 128 ]; then
		why+=("killed by signal $((status - 128)) (crash)")
	elif [ "$status" -ne "$want" ]; then
		why+=("exit status $status, expected $want")
	fi
	if [ "$want" -ne 0 ] && [ -s "$out" ]; then
		why+=("standard output not empty on error")
	fi
	if [ "$want" -eq 0 ]; then
		where=$out
	else
		where=$err
	fi
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		[ -z "$line" ] && continue
		if [ "${line:0:1}" = "!" ]; then
			if grep -qF -e "${line:1}" "$where"; then
				why+=("unexpected '${line:1}'")
			fi
		elif ! grep -qF -e "$line" "$where"; then
			why+=("missing '$line'")
		fi
	done < <(tail -n +2 "$expect")

	if [ ${#why[@]} -eq 0 ]; then
		echo "ok $label"
		passed=$((passed + 1))
		return
	fi
	msg=$(printf '%s; ' "${why[@]}")
	echo "FAIL $label: ${msg%; }"
	show "$err" "stderr"
	if [ "$want" -eq 0 ] || [ -s "$out" ]; then
		show "$out" "stdout"
	fi
	failed=$((failed + 1))
}

shopt -s nullglob
for sub in invalid valid; do
	dir=$golden/$sub
	[ -d "$dir" ] || continue
	for f in "$dir"/*.json "$dir"/*.args; do
		base=$(basename "$f")
		name=${base%.*}
		if [ "${base##*.}" = args ]; then
			kind=args
		elif [ -e "$dir/$name.stdin" ]; then
			kind=stdin
		else
			kind=json
		fi
		printf '%s\t%s\t%s\n' "$name" "$dir" "$kind"
	done | LC_ALL=C sort | awk -F '\t' -v OFS='\t' '{ print $2, $1, $3 }'
done >"$tmp/cases"

while IFS=$'\t' read -r dir name kind; do
	run_case "$dir" "$name" "$kind"
done <"$tmp/cases"

if [ $((passed + failed)) -eq 0 ]; then
	echo "run.sh: no cases found under $golden/invalid or $golden/valid" >&2
	failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
