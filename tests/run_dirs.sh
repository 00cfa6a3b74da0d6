#!/usr/bin/env bash
# tests/run builds in directories of its own (build-test...), never the
# user's build/, which it would reconfigure with -Werror; ROTA7_BUILD
# still names them.  Checked with a stand-in cmake on PATH that records
# its arguments and fails, so nothing is built.
#
# usage: run_dirs.sh SOURCE_DIR
set -u
src=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-rundirs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
cat >"$tmp/bin/cmake" <<'EOS'
#!/bin/sh
echo "$*" >>"$ROTA7_CMAKE_LOG"
exit 1
EOS
chmod +x "$tmp/bin/cmake"
passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# The first configure's build directory, from "-S . -B DIR ...".
first_dir() { sed -n '1s/.* -B \([^ ]*\).*/\1/p' "$1"; }

env -u ROTA7_BUILD PATH="$tmp/bin:$PATH" ROTA7_CMAKE_LOG="$tmp/log1" \
	bash "$src/tests/run" >/dev/null 2>&1
dir=$(first_dir "$tmp/log1")
if [ "$dir" = build-test ]; then
	ok "tests/run configures build-test by default"
else
	bad "tests/run configures '$dir', expected build-test"
fi
PATH="$tmp/bin:$PATH" ROTA7_CMAKE_LOG="$tmp/log2" ROTA7_BUILD=mine \
	bash "$src/tests/run" >/dev/null 2>&1
dir=$(first_dir "$tmp/log2")
if [ "$dir" = mine ]; then
	ok "ROTA7_BUILD names it"
else
	bad "with ROTA7_BUILD=mine tests/run configures '$dir'"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
