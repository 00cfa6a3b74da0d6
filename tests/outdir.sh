#!/usr/bin/env bash
# The output directory holds one run's files, never a mixture of two,
# and a run that fails (no rota, a read-only or full directory) exits
# with its status and leaves the earlier outputs as they were.
#
# usage: outdir.sh ROTA7_BINARY SOURCE_DIR
#
# Read-only and full file systems are real ones where possible: as root,
# a small tmpfs in a private mount namespace (unshare -m), mounted
# read-only or filled.  Otherwise read-only is chmod (which root
# ignores) and full is a file size limit (ulimit -f, the same EFBIG a
# quota gives); a case that has neither way says so and is skipped.
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-outdir.XXXXXX") || exit 1
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
small=$src/examples/small
one=$small/one-week.json
two=$small/two-neighbourhoods.json
passed=0
failed=0
skipped=0

ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
skip() { echo "skip $1"; skipped=$((skipped + 1)); }

# The files under a directory, one path a line, sorted.
tree() { (cd "$1" && find . -mindepth 1 | LC_ALL=C sort); }
# Their content, for "left as they were".
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z |
	xargs -0 -r sha256sum); }
solve() { "$rota7" solve "$1" -o "$2" -q --time-limit 1 --seed 3 >/dev/null; }

# ---- two runs into one directory ----
solve "$two" "$tmp/d" 2>"$tmp/err" || { bad "first solve"; cat "$tmp/err"; }
solve "$one" "$tmp/d" 2>"$tmp/err" || { bad "second solve"; cat "$tmp/err"; }
solve "$one" "$tmp/fresh" 2>/dev/null
if [ "$(tree "$tmp/d")" = "$(tree "$tmp/fresh")" ] &&
   [ -n "$(tree "$tmp/d")" ]; then
	ok "second solve into the same directory leaves nothing of the first"
else
	bad "files of the first run remain:"
	diff <(tree "$tmp/fresh") <(tree "$tmp/d")
fi
"$rota7" plan "$two" -o "$tmp/d" --force >/dev/null 2>&1
"$rota7" plan "$two" -o "$tmp/fresh-plan" >/dev/null 2>&1
if [ "$(tree "$tmp/d")" = "$(tree "$tmp/fresh-plan")" ]; then
	ok "plan --force after solve: only plan's files"
else
	bad "plan after solve left:"; diff <(tree "$tmp/fresh-plan") <(tree "$tmp/d")
fi
if ls -a "$tmp" | grep -q -e '\.tmp-' -e '\.old-'; then
	bad "staging directories left behind: $(ls -a "$tmp")"
else
	ok "no staging directory left behind"
fi

# ---- a failed run leaves the old outputs ----
solve "$two" "$tmp/k" 2>/dev/null
before=$(digest "$tmp/k")
solve "$src/tests/solve/08-senior-impossible.json" "$tmp/k" 2>"$tmp/err"
status=$?
if [ "$status" -eq 3 ] && [ "$(digest "$tmp/k")" = "$before" ] &&
   ! ls -a "$tmp" | grep -q '^k\.tmp-'; then
	ok "exit 3 (no rota) keeps the earlier outputs"
else
	bad "no rota: exit $status, outputs changed or staging left"; cat "$tmp/err"
fi

# ---- a directory holding other files is refused, untouched ----
mkdir -p "$tmp/mine"
echo keep >"$tmp/mine/notes.txt"
solve "$one" "$tmp/mine" 2>"$tmp/err"
status=$?
if [ "$status" -eq 4 ] && [ "$(tree "$tmp/mine")" = "./notes.txt" ] &&
   grep -q "holds 'notes.txt', which rota7 does not write" "$tmp/err"; then
	ok "a directory with files rota7 did not write is refused (exit 4)"
else
	bad "foreign file: exit $status"; cat "$tmp/err"; tree "$tmp/mine"
fi

# ---- read-only and full ----
# check_kept NAME WANT_STATUS DIR DIGEST STATUS ERRFILE
check_kept() {
	if [ "$5" -eq "$2" ] && [ "$(digest "$3")" = "$4" ] &&
	   ! ls -a "$(dirname "$3")" | grep -q -e '\.tmp-' -e '\.old-'; then
		ok "$1: exit $2, old outputs intact"
	else
		bad "$1: exit $5 (expected $2), or outputs changed"; cat "$6"
	fi
}

# Run inside a private mount namespace as root: every mount is gone when
# it ends.  Prints ok/FAIL lines that are counted below.
as_root_mounts() {
	unshare -m bash -s "$rota7" "$one" "$two" "$tmp" <<'EOF'
set -u
rota7=$1 one=$2 two=$3 tmp=$4
solve() { "$rota7" solve "$1" -o "$2" -q --time-limit 1 --seed 3 >/dev/null; }
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z |
	xargs -0 -r sha256sum); }
kept() {
	if [ "$5" -eq "$2" ] && [ "$(digest "$3")" = "$4" ] &&
	   ! ls -a "$(dirname "$3")" | grep -q -e '\.tmp-' -e '\.old-'; then
		echo "ok $1: exit $2, old outputs intact (tmpfs)"
	else
		echo "FAIL $1: exit $5 (expected $2), or outputs changed"; cat "$6"
	fi
}
m=$tmp/mnt
mkdir -p "$m"
mount -t tmpfs -o size=4m tmpfs "$m" || { echo "skip: mount failed"; exit 0; }
# Read-only file system holding DIR.
solve "$two" "$m/out"
before=$(digest "$m/out")
mount -o remount,ro "$m"
solve "$one" "$m/out" 2>"$tmp/err"
kept "read-only file system" 4 "$m/out" "$before" $? "$tmp/err"
"$rota7" plan "$one" -o "$m/out" --force >/dev/null 2>"$tmp/err"
kept "plan, read-only file system" 4 "$m/out" "$before" $? "$tmp/err"
mount -o remount,rw "$m"
# DIR itself a mount point (a container's volume): it cannot be renamed,
# so the run stages inside it; still nothing of the first run remains.
mkdir -p "$m/p/ro" "$m/fresh"
mount -t tmpfs -o size=1m tmpfs "$m/p/ro"
solve "$two" "$m/p/ro" 2>"$tmp/err" || { echo "FAIL solve into a mount point"; cat "$tmp/err"; }
solve "$one" "$m/p/ro" 2>"$tmp/err" || { echo "FAIL solve into a mount point"; cat "$tmp/err"; }
solve "$one" "$m/fresh/out"
if [ "$(cd "$m/p/ro" && find . | LC_ALL=C sort)" = \
     "$(cd "$m/fresh/out" && find . | LC_ALL=C sort)" ]; then
	echo "ok DIR a mount point: replaced, nothing of the first run left"
else
	echo "FAIL DIR a mount point:"
	diff <(cd "$m/fresh/out" && find . | sort) <(cd "$m/p/ro" && find . | sort)
fi
# DIR itself a read-only mount in a writable parent.
before=$(digest "$m/p/ro")
mount -o remount,ro "$m/p/ro"
solve "$one" "$m/p/ro" 2>"$tmp/err"
kept "read-only DIR in a writable parent" 4 "$m/p/ro" "$before" $? "$tmp/err"
umount "$m/p/ro"
# A full file system: the old outputs fit, the new ones cannot be made.
solve "$two" "$m/out"
before=$(digest "$m/out")
dd if=/dev/zero of="$m/filler" bs=64k 2>/dev/null
solve "$one" "$m/out" 2>"$tmp/err"
kept "full file system" 4 "$m/out" "$before" $? "$tmp/err"
grep -q "No space left on device" "$tmp/err" ||
	echo "FAIL full file system: message does not say so: $(cat "$tmp/err")"
umount "$m"
EOF
}

if [ "$(id -u)" -eq 0 ] && unshare -m true 2>/dev/null; then
	as_root_mounts >"$tmp/mounts.log" 2>&1
	cat "$tmp/mounts.log"
	passed=$((passed + $(grep -c '^ok ' "$tmp/mounts.log")))
	failed=$((failed + $(grep -c '^FAIL ' "$tmp/mounts.log")))
	skipped=$((skipped + $(grep -c '^skip' "$tmp/mounts.log")))
elif [ "$(id -u)" -ne 0 ]; then
	solve "$two" "$tmp/p/ro"
	before=$(digest "$tmp/p/ro")
	chmod a-w "$tmp/p/ro"
	solve "$one" "$tmp/p/ro" 2>"$tmp/err"
	check_kept "read-only DIR (chmod)" 4 "$tmp/p/ro" "$before" $? "$tmp/err"
	chmod u+w "$tmp/p/ro"
	chmod a-w "$tmp/p"
	solve "$one" "$tmp/p/ro" 2>"$tmp/err"
	check_kept "read-only parent (chmod)" 4 "$tmp/p/ro" "$before" $? "$tmp/err"
	chmod u+w "$tmp/p"
else
	skip "read-only and full file systems: root without mount namespaces"
fi

# Full without root: a file size limit makes every write past 1 KB fail
# (SIGXFSZ ignored, so write returns EFBIG).
solve "$two" "$tmp/f"
before=$(digest "$tmp/f")
(trap '' XFSZ; ulimit -f 1; exec "$rota7" solve "$one" -o "$tmp/f" -q \
	--time-limit 1 >/dev/null 2>"$tmp/err")
check_kept "writes failing (ulimit -f)" 4 "$tmp/f" "$before" $? "$tmp/err"

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
