#!/usr/bin/env bash
# The command line: each command takes its own options and refuses the
# others (exit 2, the message, then the command's usage line); values
# as --name=value and -oDIR; '--' ends the options; 'rota7 CMD --help'
# lists what CMD takes, and 'rota7 --help' agrees with it.
#
# usage: cli.sh ROTA7_BINARY SOURCE_DIR
#
# Every run is in a fresh directory (rota-out, the default DIR, lands
# there); the solves are on the smallest example with a 1 s limit.
set -u
rota7=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
one=$src/examples/small/one-week.json
passed=0
failed=0

ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# run ARGS...: rota7 ARGS in a new directory; sets status, out, err, dir.
n=0
run() {
	n=$((n + 1))
	dir=$tmp/$n
	mkdir "$dir"
	(cd "$dir" && exec "$rota7" "$@" <"${stdin:-/dev/null}" >out 2>err)
	status=$?
	out=$dir/out
	err=$dir/err
}

# expect NAME STATUS FIRST_LINE ARGS...: the exit status, and how the
# first line of standard error (standard output when STATUS is 0) begins.
expect() {
	local name=$1 want=$2 line=$3 where got
	shift 3
	run "$@"
	if [ "$want" -eq 0 ]; then where=$out; else where=$err; fi
	got=$(head -n 1 "$where")
	if [ "$status" -ne "$want" ]; then
		bad "$name: exit $status, expected $want"; sed 's/^/    | /' "$err"
	elif [ "${got#"$line"}" = "$got" ] && [ -n "$line" ]; then
		bad "$name: first line '$got', expected '$line...'"
	elif [ "$want" -ne 0 ] && [ -s "$out" ]; then
		bad "$name: standard output not empty on error"
	else
		ok "$name"
	fi
}

# usage_error NAME COMMAND MESSAGE ARGS...: exit 2, MESSAGE, then the
# usage line of COMMAND (the first line of 'rota7 COMMAND --help').
usage_error() {
	local name=$1 cmd=$2 msg=$3 usage
	shift 3
	usage=$("$rota7" "$cmd" --help | head -n 1)
	expect "$name" 2 "rota7: $msg" "$@"
	if [ "$status" -eq 2 ] && [ "$(sed -n 2p "$err")" != "$usage" ]; then
		bad "$name: second line of standard error is not '$usage'"
	fi
}

# ---- options that belong to another command ----
usage_error "check --seed" check "unknown option '--seed' for 'check'" \
	check "$one" --seed 2
usage_error "check -o" check "unknown option '-o' for 'check'" \
	check "$one" -o d
usage_error "check -q (check shows no progress)" check \
	"unknown option '-q' for 'check'" check "$one" -q
usage_error "check --seed=2" check "unknown option '--seed' for 'check'" \
	check "$one" --seed=2
usage_error "plan --time-limit" plan "unknown option '--time-limit' for 'plan'" \
	plan "$one" --time-limit 5
usage_error "plan --seed" plan "unknown option '--seed' for 'plan'" \
	plan "$one" -o d --seed 1
usage_error "export-lp -o" export-lp "unknown option '-o' for 'export-lp'" \
	export-lp "$one" m.lp -o d
usage_error "export-lp --time-limit" export-lp \
	"unknown option '--time-limit' for 'export-lp'" \
	export-lp "$one" --time-limit 1 m.lp
usage_error "nrp --gap" nrp "unknown option '--gap' for 'nrp'" \
	nrp no-such-instance.txt --gap 0.1
usage_error "nrp --previous" nrp "unknown option '--previous' for 'nrp'" \
	nrp no-such-instance.txt --previous d
usage_error "solve --bogus" solve "unknown option '--bogus' for 'solve'" \
	solve "$one" --bogus
usage_error "solve -qo (no bundling)" solve "unknown option '-qo' for 'solve'" \
	solve "$one" -qo d

# ---- values, arguments ----
usage_error "missing value" solve "missing value for --seed" \
	solve "$one" -q --seed
usage_error "missing value of -o" plan "missing value for -o" plan "$one" -o
usage_error "a flag with a value" solve "option '--quiet' takes no value" \
	solve "$one" --quiet=1
usage_error "missing input" check "missing input file for 'check'" check
usage_error "missing output" export-lp "missing output FILE for 'export-lp'" \
	export-lp "$one"
usage_error "one argument too many" check "unexpected argument 'b.json'" \
	check a.json b.json
usage_error "an option after --" solve "unexpected argument '-o'" \
	solve -- "$one" -o d
expect "invalid --seed=" 2 "rota7: invalid value 'x' for --seed" \
	solve "$one" --seed=x
expect "invalid --time-limit=" 2 "rota7: invalid value '' for --time-limit" \
	solve "$one" --time-limit=
expect "invalid --gap" 2 "rota7: invalid value '-1' for --gap" \
	solve "$one" --gap -1
# strtod reads these as numbers; none is a time or a gap.
for v in nan NaN inf -inf infinity 1e400 -1 -0.5 nan\(1\); do
	expect "invalid --time-limit $v" 2 \
		"rota7: invalid value '$v' for --time-limit: a finite number" \
		solve "$one" --time-limit "$v"
done
for v in nan inf 1e400; do
	expect "invalid --gap $v" 2 \
		"rota7: invalid value '$v' for --gap: a finite number" \
		solve "$one" --gap "$v"
	expect "invalid nrp --time-limit $v" 2 \
		"rota7: invalid value '$v' for --time-limit: a finite number" \
		nrp no-such-instance.txt --time-limit "$v"
done
expect "invalid --work nan" 2 "rota7: invalid value" solve "$one" --work nan

expect "solve --time-limit=1 --seed=3" 0 "status      " \
	solve "$one" --time-limit=1 --seed=3 -q -o d
# The "wrote" line names every output, the calendars by their number.
run solve "$one" --time-limit 1 -o d
n_ics=$(find "$dir/d/calendars" -name '*.ics' | wc -l)
wrote="rota7: wrote d: rota.json, rota.csv, uncovered.csv, $n_ics calendars,"
wrote="$wrote fte-gap.json, fte-gap.csv, report.html"
if [ "$status" -eq 0 ] && [ "$n_ics" -gt 1 ] && grep -qxF "$wrote" "$err" &&
	[ -f "$dir/d/uncovered.csv" ]; then
	ok "solve says what it wrote"
else
	bad "solve's wrote line: exit $status, want '$wrote'"
	sed 's/^/    | /' "$err"
fi
expect "solve -- SCENARIO" 0 "status      " \
	solve -q --time-limit 1 -odir -- "$one"
[ -f "$dir/dir/rota.json" ] && ok "-odir writes dir/" || bad "-odir: no dir/"
expect "plan -q" 0 "establishment: uplift 0%, 37.5 hours per FTE week" \
	plan "$one" -q -o d
[ -s "$err" ] && bad "plan -q: progress on standard error" ||
	ok "plan -q: no progress"
expect "export-lp -q" 0 "" export-lp "$one" m.lp -q
[ -s "$err" ] && bad "export-lp -q: progress on standard error" ||
	ok "export-lp -q: no progress"
cp "$one" "$tmp/-x.json"
expect "check -- -x.json" 0 "scenario   One week, one neighbourhood" \
	check -- "$tmp/-x.json"
stdin=$one expect "check -- - (standard input)" 0 \
	"scenario   One week, one neighbourhood" check -- -
grep -qF "ok: '<stdin>' is a valid scenario" "$out" &&
	ok "check -- - reads standard input" || bad "check -- -: not stdin"
expect "unknown command" 2 \
	"rota7: unknown command 'frobnicate'; see 'rota7 --help'" frobnicate
expect "--version" 0 "rota7 $("$rota7" --version | cut -d' ' -f2)" --version

# ---- help ----
# help_for COMMAND OPTION...: 'rota7 COMMAND --help' and -h exit 0, print
# on standard output only, list exactly these options (and -h), and
# begin with the usage line that 'rota7 --help' gives for COMMAND.
"$rota7" --help >"$tmp/overview" 2>"$tmp/overview.err"
[ $? -eq 0 ] && [ ! -s "$tmp/overview.err" ] && ok "rota7 --help" ||
	bad "rota7 --help: not exit 0 with standard error empty"
help_for() {
	local cmd=$1 flag opt listed want
	shift
	for flag in --help -h; do
		expect "$cmd $flag" 0 "$(sed -n "s/^  rota7 \($cmd .*\)/usage: rota7 \1/p" \
			"$tmp/overview")" "$cmd" "$flag"
		[ -s "$err" ] && bad "$cmd $flag: standard error not empty"
	done
	listed=$(sed -n 's/^  \(-[^ ]*\( -[^ ]*\)\{0,1\}\).*/\1/p' "$out" |
		tr -d , | tr '\n' ' ')
	want="${*:+$* }-h --help "
	[ "$listed" = "$want" ] && ok "$cmd --help lists ${*:-no option but -h}" ||
		bad "$cmd --help lists '$listed', expected '$want'"
	for opt in "$@"; do
		case $opt in --quiet) continue ;; esac
		grep -q "^  rota7 $cmd .*\[$opt[] ]" "$tmp/overview" ||
			bad "rota7 --help: no $opt in the usage of $cmd"
	done
}
help_for check
help_for plan -o --force --until -q --quiet
help_for solve -o --time-limit --gap --seed --work --previous --freeze-until --today -q --quiet
help_for export-lp -q --quiet
help_for nrp -o --time-limit --seed --work -q --quiet
help_for recruit -o --cover --max-posts --time-limit --seed --work --draft-work -q --quiet
expect "help after the arguments" 0 "usage: rota7 check SCENARIO" \
	check a.json --help

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
