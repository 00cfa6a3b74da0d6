#!/usr/bin/env bash
# The model's real size is bounded (core/problem.h, README "Limits"): a
# scenario inside every limit of the loader, whose deployment multiplies
# its columns past the model's, is refused with exit 2 and the figure
# before anything is built, under a 2 GiB address-space limit; one at the
# limit solves within it.  Scenarios are made here, none is kept.
#
# usage: model_size.sh ROTA7 SOURCE_DIR [SANITIZED]
# SANITIZED=1 (the AddressSanitizer build, which reserves terabytes of
# address space): the same refusals without ulimit, and no solve at the
# limit.
set -u
rota7=$1
src=$2
sanitized=${3:-0}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

# gen STAFF DAYS SHIFTS NEIGHBOURHOODS: one role, one daytime band, every
# person may work anywhere in the borough.
gen() {
	/usr/bin/python3 - "$@" <<'EOF'
import json, sys
staff, days, shifts, nbhds = map(int, sys.argv[1:5])
json.dump({
    "rota7": 1, "name": "wide deployment",
    "horizon": {"start": "2018-03-05", "days": days},
    "neighbourhoods": [{"id": "n%02d" % i, "weighted_population": 1000 + i}
                       for i in range(nbhds)],
    "roles": [{"id": "qn"}],
    "services": [{"id": "cn", "bands": [{"from": "08:00", "to": "20:00",
                  "require": [{"role": "qn", "count": 1}]}]}],
    "shifts": [{"id": "s%03d" % i, "service": "cn",
                "start": "%02d:%02d" % (6 + i * 5 // 60 % 12, i * 5 % 60),
                "end": "%02d:%02d" % (14 + i * 5 // 60 % 8, i * 5 % 60)}
               for i in range(shifts)],
    "staff": [{"id": "p%04d" % i, "role": "qn",
               "neighbourhood": "n%02d" % (i % nbhds), "may_work_in": "borough"}
              for i in range(staff)]}, sys.stdout)
EOF
}

# limited CMD...: runs rota7 under a 2 GiB address-space limit (none in
# the sanitized build); status in $status, stderr in $out/err.
limited() {
	if [ "$sanitized" = 1 ]; then
		"$rota7" "$@" >"$out/stdout" 2>"$out/err"
	else
		(ulimit -v 2097152; exec "$rota7" "$@") >"$out/stdout" 2>"$out/err"
	fi
	status=$?
}

# refused NAME MESSAGE CMD...: exit 2 with MESSAGE.
refused() {
	local name=$1 msg=$2
	shift 2
	limited "$@"
	if [ "$status" -ne 2 ] || ! grep -qF "rota7: $msg" "$out/err"; then
		bad "$name: exit $status, expected 2 and '$msg'"
		sed 's/^/    | /' "$out/err" | head -5
	else
		ok "$name"
	fi
}

# The issue's scenario: 5,000 staff x 10 days x 100 shifts (the loader's
# 5,000,000), 50 neighbourhoods, all borough-wide: 250 million columns.
# It grew to 23 GB before.
gen 5000 10 100 50 >"$out/wide.json"
msg="model too large: 250,000,000 assignment columns (limit 2,000,000)"
refused "solve, 5000 staff borough-wide" "$msg" solve "$out/wide.json" \
	-o "$out/r" -q
refused "export-lp, 5000 staff borough-wide" "$msg" export-lp \
	"$out/wide.json" "$out/m.lp"
if [ -e "$out/r" ] || [ -e "$out/m.lp" ]; then
	bad "nothing written for a model refused"
else
	ok "nothing written for a model refused"
fi
"$rota7" check "$out/wide.json" >"$out/stdout" 2>"$out/err"
if [ $? -ne 0 ] || ! grep -qF "warning: $msg: solve and export-lp refuse it" \
		"$out/err"; then
	bad "check warns of the model's size"; sed 's/^/    | /' "$out/err"
else
	ok "check warns of the model's size (exit 0: the scenario is valid)"
fi

# Just past and at the limit: 501 and 500 people x 10 days x 8 shifts x
# 50 neighbourhoods.
gen 501 10 8 50 >"$out/over.json"
refused "2,004,000 columns" \
	"model too large: 2,004,000 assignment columns (limit 2,000,000)" \
	solve "$out/over.json" -o "$out/r" -q
if [ "$sanitized" != 1 ]; then
	gen 500 10 8 50 >"$out/at.json"
	limited solve "$out/at.json" -o "$out/r" -q --time-limit 2 --work 1
	if [ "$status" -ne 0 ]; then
		bad "2,000,000 columns solve in 2 GiB: exit $status"
		sed 's/^/    | /' "$out/err" | head -5
	else
		ok "2,000,000 columns solve in 2 GiB"
	fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
