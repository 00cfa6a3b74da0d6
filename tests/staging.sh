#!/usr/bin/env bash
# The staging directory (DIR.tmp-XXXXXX) of a run that was killed is
# removed by the next run writing DIR, and never one a live run holds;
# "-o ." and its spellings are refused, since swapping the current
# directory would leave the shell in a deleted one.
#
# usage: staging.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-staging.XXXXXX") || exit 1
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
one=$src/examples/small/one-week.json
# Runs for as long as its --time-limit: the budget is never spent.
long=$src/examples/small/two-neighbourhoods.json
endless="--work 1000000000"
passed=0
failed=0

ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
solve() { "$rota7" solve "$1" -o "$2" -q --time-limit 1 --seed 3 >/dev/null; }

# The staging directories beside $1 (DIR), one name a line.
stages() { (cd "$(dirname "$1")" && ls -d "$(basename "$1")".tmp-* 2>/dev/null); }

# Waits up to 20 s for a staging directory of $1; prints its name.
await_stage() {
	local i s
	for i in $(seq 200); do
		s=$(stages "$1" | head -n 1)
		[ -n "$s" ] && { echo "$s"; return 0; }
		sleep 0.1
	done
	return 1
}

# ---- left by hand: which are stale ----
mkdir -p "$tmp/d.tmp-Ab12Cd/calendars" "$tmp/d.tmp-Live01" "$tmp/d.tmp-short" \
	"$tmp/other.tmp-Ab12Cd" "$tmp/d.tmp-Ab12Cdx"
touch "$tmp/d.tmp-Ab12Cd/rota.json"
# A live run's: someone holds its lock.
flock "$tmp/d.tmp-Live01" sleep 60 &
pids+=($!)
sleep 0.3
if ! solve "$one" "$tmp/d" 2>"$tmp/err"; then
	bad "solve beside stale staging directories"; cat "$tmp/err"
elif [ -e "$tmp/d.tmp-Ab12Cd" ]; then
	bad "a staging directory nobody holds was left"
elif [ ! -d "$tmp/d.tmp-Live01" ]; then
	bad "a staging directory a live run holds was removed"
elif [ ! -d "$tmp/d.tmp-short" ] || [ ! -d "$tmp/other.tmp-Ab12Cd" ] ||
	[ ! -d "$tmp/d.tmp-Ab12Cdx" ]; then
	bad "a directory not named like DIR's staging was removed"
else
	ok "stale staging removed, live and unlike ones kept"
fi
kill "${pids[0]}" 2>/dev/null

# ---- a run killed while it solves ----
"$rota7" solve "$long" -o "$tmp/k" -q --time-limit 30 $endless >/dev/null 2>&1 &
victim=$!
pids+=("$victim")
if ! s=$(await_stage "$tmp/k"); then
	bad "no staging directory appeared for the killed run"
else
	sleep 0.5
	kill -KILL "$victim"
	wait "$victim" 2>/dev/null
	if [ ! -d "$tmp/$s" ]; then
		bad "killed run: its staging directory is already gone (test broken)"
	elif ! solve "$one" "$tmp/k" 2>"$tmp/err"; then
		bad "solve after a killed run"; cat "$tmp/err"
	elif [ -n "$(stages "$tmp/k")" ]; then
		bad "the killed run's staging directory is still there: $(stages "$tmp/k")"
	else
		ok "the next run removes a killed run's staging directory"
	fi
fi

# ---- two runs at once into one DIR ----
"$rota7" solve "$long" -o "$tmp/c" -q --time-limit 5 $endless >/dev/null \
	2>"$tmp/err-a" &
a=$!
pids+=("$a")
if ! s=$(await_stage "$tmp/c"); then
	bad "no staging directory appeared for the first of two runs"
else
	solve "$one" "$tmp/c" 2>"$tmp/err-b"
	b=$?
	kept=no
	[ -d "$tmp/$s" ] && kept=yes
	wait "$a"
	rc=$?
	if [ "$b" -ne 0 ] || [ "$rc" -ne 0 ]; then
		bad "two runs at once: exits $rc and $b"; cat "$tmp/err-a" "$tmp/err-b"
	elif [ "$kept" != yes ]; then
		bad "the second run removed the first (live) run's staging directory"
	elif [ -n "$(stages "$tmp/c")" ] ||
		! grep -q '"scenario": "Two neighbourhoods' "$tmp/c/rota.json"; then
		bad "two runs at once: staging left, or not the last run's rota"
	else
		ok "a live run's staging directory is left to it"
	fi
fi

# ---- the current directory, by any spelling ----
solve "$one" "$tmp/w" 2>/dev/null
before=$(cd "$tmp/w" && find . | LC_ALL=C sort | sha256sum)
ln -s w "$tmp/link"
# refused NAME WHERE DIR: from WHERE, -o DIR is exit 2 with a message,
# and WHERE is still there, with the same files.
refused() {
	local name=$1 where=$2 out=$3 rc
	(cd "$where" && exec "$rota7" solve "$one" -o "$out" -q --time-limit 1 \
		>/dev/null 2>"$tmp/err")
	rc=$?
	if [ "$rc" -ne 2 ]; then
		bad "$name: exit $rc, expected 2"; cat "$tmp/err"
	elif ! grep -q "^rota7: cannot use '.*' as the output directory" "$tmp/err"; then
		bad "$name: message '$(cat "$tmp/err")'"
	elif [ "$(cd "$tmp/w" && find . | LC_ALL=C sort | sha256sum)" != "$before" ]; then
		bad "$name: the directory changed"
	elif [ -n "$(stages "$tmp/w")" ]; then
		bad "$name: a staging directory was left"
	else
		ok "$name refused"
	fi
}
refused "-o ." "$tmp/w" .
refused "-o ./" "$tmp/w" ./
refused "-o \$PWD" "$tmp/w" "$tmp/w"
refused "-o ../w" "$tmp/w" ../w
refused "-o .. from calendars/" "$tmp/w/calendars" ..
refused "-o ../.. from calendars/staff/" "$tmp/w/calendars/staff" ../..
refused "-o . through a link" "$tmp/link" .
refused "-o /" "$tmp/w" /
mkdir "$tmp/empty"
refused "-o . in an empty directory" "$tmp/empty" .
# A sibling is still fine from inside DIR.
if (cd "$tmp/w" && "$rota7" solve "$one" -o ../w2 -q --time-limit 1 >/dev/null \
	2>"$tmp/err") && [ -f "$tmp/w2/rota.json" ]; then
	ok "-o ../w2 from inside w"
else
	bad "-o ../w2 from inside w"; cat "$tmp/err"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
