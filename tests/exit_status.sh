#!/usr/bin/env bash
# What each way of not making a rota exits with, and what it leaves:
#   3  proven impossible (the message names rule, unit, date, people);
#   5  out of time before any legal rota: no proof, nothing written;
# and plan refusing to replace solve's outputs without --force.
#
# usage: exit_status.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-exit.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
one=$src/examples/small/one-week.json
tiny=$src/tests/tiny
passed=0
failed=0

ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z |
	xargs -0 -r sha256sum); }
no_staging() { ! ls -a "$tmp" | grep -q -e '\.tmp-' -e '\.old-'; }

# ---- 3: a day no rota can staff, named with its people ----
"$rota7" solve "$src/tests/golden/invalid/proof-01-bank-holiday-senior-on-leave.json" \
	-o "$tmp/bh" -q >/dev/null 2>"$tmp/err"
st=$?
msg=$(cat "$tmp/err")
if [ $st -eq 3 ] && [[ $msg == *"on 2018-05-07 from 08:00 to 18:00"* ]] &&
   [[ $msg == *"n004 on leave 2018-05-07"* ]] &&
   [[ $msg == *"n009 band 5 < 6"* ]] && [[ $msg != *time-limit* ]] &&
   [ ! -e "$tmp/bh" ] && no_staging; then
	ok "solve: a day no rota can staff is exit 3 naming the date and people"
else
	bad "solve on the bank holiday case: exit $st"; echo "$msg"
fi

# ---- 3: GLPK's proof never says a longer time limit may help ----
"$rota7" solve "$tiny/08-sydney-senior-1p8d-cross.json" -o "$tmp/p" -q \
	>/dev/null 2>"$tmp/err"
st=$?
msg=$(cat "$tmp/err")
if [ $st -eq 3 ] && [[ $msg == *"GLPK proved"* ]] &&
   [[ $msg != *time-limit* ]] && [ ! -e "$tmp/p" ]; then
	ok "solve: a proof by GLPK is exit 3 and says proved"
else
	bad "solve on tiny case 08: exit $st"; echo "$msg"
fi

# ---- 5: out of time before any legal rota, earlier outputs kept ----
"$rota7" solve "$one" -o "$tmp/k" -q --time-limit 2 >/dev/null 2>&1
before=$(digest "$tmp/k")
"$rota7" solve "$tiny/25-newyork-nov-senior-2p8d.json" -o "$tmp/k" -q \
	--time-limit 0.000001 >/dev/null 2>"$tmp/err"
st=$?
msg=$(cat "$tmp/err")
if [ $st -eq 5 ] && [[ $msg == *"no proof"* ]] &&
   [[ $msg == *"nothing written"* ]] && [ "$(digest "$tmp/k")" = "$before" ] &&
   no_staging; then
	ok "solve: out of time before a legal rota is exit 5, nothing written"
else
	bad "solve on tiny case 25 with no time: exit $st"; echo "$msg"
fi
# The same case has a rota: given time, it is found.
if "$rota7" solve "$tiny/25-newyork-nov-senior-2p8d.json" -o "$tmp/k25" -q \
	>/dev/null 2>"$tmp/err"; then
	ok "solve: that case has a rota given time"
else
	bad "solve on tiny case 25: exit $?"; cat "$tmp/err"
fi

# ---- plan does not replace a solved rota unless told ----
"$rota7" solve "$one" -o "$tmp/s" -q --time-limit 2 >/dev/null 2>&1
before=$(digest "$tmp/s")
"$rota7" plan "$one" -o "$tmp/s" -q >/dev/null 2>"$tmp/err"
st=$?
if [ $st -eq 4 ] && grep -q -- "--force" "$tmp/err" &&
   [ "$(digest "$tmp/s")" = "$before" ] && no_staging; then
	ok "plan: refuses to replace a solved rota (exit 4), which stays whole"
else
	bad "plan over a solved rota: exit $st"; cat "$tmp/err"
fi
if "$rota7" plan "$one" -o "$tmp/s" -q --force >/dev/null 2>"$tmp/err" &&
   [ ! -e "$tmp/s/rota.json" ] && [ -s "$tmp/s/fte-gap.json" ]; then
	ok "plan --force: replaces it"
else
	bad "plan --force over a solved rota"; cat "$tmp/err"
fi
# solve over plan's outputs: fine, it writes all of them and more.
if "$rota7" solve "$one" -o "$tmp/s" -q --time-limit 2 >/dev/null 2>"$tmp/err" &&
   [ -s "$tmp/s/rota.json" ]; then
	ok "solve: replaces plan's outputs without --force"
else
	bad "solve over plan's outputs"; cat "$tmp/err"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
