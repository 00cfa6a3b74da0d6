#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS, then
# prints a report: inputs executed, time, corpus size and crashes.
#
# usage: fuzz/run.sh [SECONDS] [BUILD_DIR]      (defaults: 60, build-fuzz)
#
# Seeds: fuzz_load from examples/, tests/golden/valid and
# tests/golden/invalid, those under 64 KiB (inputs are cut there: the
# big examples ran at a fifth of the speed for no new coverage); fuzz_nrp from the Curtois & Qu instances in
# ../shared/benchmarks/curtois-qu (read there, never copied into the
# repository) and tests/golden/nrp when present.  Each target keeps its
# corpus in BUILD_DIR/corpus/TARGET, so later runs start where earlier
# ones stopped.  A crash, hang (10 s), leak or sanitizer report leaves
# its input in BUILD_DIR/artifacts/TARGET/ and makes the script exit 1:
# turn each into a golden case (tests/golden/) and fix it.  The closing
# line counts a target without any as passed.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${1:-60}
build=${2:-build-fuzz}
case $secs in '' | *[!0-9]*) echo "run.sh: SECONDS must be a whole number" >&2
	exit 2 ;; esac

mkdir -p "$build"
CC=clang cmake -S . -B "$build" -DROTA7_FUZZ=ON -DROTA7_TESTS=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build/configure.log" 2>&1 ||
	{ cat "$build/configure.log"; exit 1; }
targets=(fuzz_load)
# The instance parser's target exists once io/nrp.c does.
[ -f io/nrp.c ] && targets+=(fuzz_nrp)
cmake --build "$build" -j2 --target "${targets[@]}" >/dev/null || {
	cmake --build "$build" --target "${targets[@]}"; exit 1; }

seed_load() {
	find examples tests/golden/valid tests/golden/invalid tests/report \
		-name '*.json' -size -64k
}
seed_nrp() {
	local b=$root/../shared/benchmarks/curtois-qu
	[ -d "$b" ] && find "$b" -name 'Instance*.txt'
	[ -d tests/golden/nrp ] && find tests/golden/nrp -name '*.txt'
	return 0
}

fail=0
bad=0
report=()
for t in "${targets[@]}"; do
	corpus=$build/corpus/$t
	art=$build/artifacts/$t
	log=$build/$t.log
	mkdir -p "$corpus" "$art"
	# Seeds under their content hash, so repeated runs add nothing twice.
	while IFS= read -r f; do
		cp "$f" "$corpus/seed-$(sha1sum <"$f" | cut -c1-16)"
	done < <(seed_${t#fuzz_})
	before=$(find "$art" -type f ! -name 'slow-unit-*' | wc -l)
	slow_before=$(find "$art" -name 'slow-unit-*' | wc -l)
	opts=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048
	      -max_len=65536 -print_final_stats=1 -artifact_prefix="$art/")
	[ "$t" = fuzz_load ] && opts+=(-dict=fuzz/scenario.dict)
	start=$(date +%s)
	# Messages of refused inputs go to stderr by the thousand: keep the
	# log for libFuzzer's own lines only.
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		"$build/fuzz/$t" "${opts[@]}" "$corpus" >"$log" 2>&1
	status=$?
	took=$(( $(date +%s) - start ))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
	# A unit over 10 s is killed and kept as timeout-*, a failure; one
	# that took long but finished (slow-unit-*) is most often a busy
	# machine, so it is only shown: run it again to tell.
	after=$(find "$art" -type f ! -name 'slow-unit-*' | wc -l)
	found=$((after - before))
	slow=$(( $(find "$art" -name 'slow-unit-*' | wc -l) - slow_before ))
	[ "$slow" -gt 0 ] && echo "note: $t: $slow slow input(s) in $art" \
		"(slow-unit-*): time them with $build/fuzz/$t FILE"
	if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
		fail=1
		bad=$((bad + 1))
		echo "== $t: exit $status; last lines of $log:"
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written|==[0-9]+==' \
			"$log" | head -20
		tail -5 "$log"
	fi
	report+=("$(printf '%-10s %6ss %12s %8s %6s MB %8s' "$t" "$took" \
		"${execs:-?}" "$(find "$corpus" -type f | wc -l)" "${rss:-?}" \
		"$found")")
done

echo
printf '%-10s %7s %12s %8s %9s %8s\n' target time executed corpus 'peak RSS' \
	crashes
for r in "${report[@]}"; do echo "$r"; done
if [ "$fail" -ne 0 ]; then
	echo "crashes, hangs or leaks found; inputs in $build/artifacts/"
else
	echo "no crash, hang or leak"
fi
echo "fuzz: $((${#targets[@]} - bad)) passed, $bad failed"
exit "$fail"
