#!/bin/bash
# Instance1 of the Curtois & Qu benchmark solved inside the suite: rota7 nrp
# must reach 607 (the proven optimum) and its solution.txt must pass the
# independent checker with the same objective.  Skipped (77) when the
# benchmark folder is not beside the project.
# usage: nrp.sh ROTA7 SOURCE_DIR
set -u
rota7=$1
src=$2
dir=${ROTA7_NRP_DIR:-$src/../shared/benchmarks/curtois-qu}
inst=$dir/Instance1.txt
if [ ! -f "$inst" ]; then
	echo "nrp.sh: skipped: no $inst" >&2
	exit 77
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

got=$("$rota7" nrp "$inst" -o "$out/i1" --time-limit 60 --seed 1 -q)
rc=$?
if [ $rc -ne 0 ] || [ "$got" != "objective 607" ]; then
	echo "FAIL: Instance1: exit $rc, printed '$got', expected 'objective 607'"
	fail=1
elif ! python3 "$src/tests/tools/check_nrp.py" "$inst" "$out/i1/solution.txt" \
	--objective 607; then
	echo "FAIL: Instance1: the independent checker rejects solution.txt"
	fail=1
else
	echo "ok: Instance1 solved to 607 and checked"
fi

# nrp is solve's engine: --work is the local search's budget, as for
# solve (the search runs from the start built person by person), and the
# rota it ends with still passes the independent checker.
msg=$("$rota7" nrp "$inst" -o "$out/w" --time-limit 20 --seed 1 --work 30 2>&1)
rc=$?
obj=$(sed -n 's/^objective //p' <<<"$msg")
if [ $rc -eq 0 ] && [[ "$msg" == *"search 30 rounds"* ]] && [ -n "$obj" ] &&
	python3 "$src/tests/tools/check_nrp.py" "$inst" "$out/w/solution.txt" \
	--objective "$obj"; then
	echo "ok: --work sets the engine's search rounds on an instance"
else
	echo "FAIL: nrp --work 30: exit $rc, '$msg'"
	fail=1
fi
# Without --work an instance gets a quarter of solve's default rounds:
# its start is built person by person, and GLPK's phases after the search
# gain faster than the search's later rounds.
msg=$("$rota7" nrp "$inst" -o "$out/w1" --time-limit 60 --seed 1 2>&1)
rc=$?
if [ $rc -eq 0 ] && [[ "$msg" == *"search 500 rounds"* ]]; then
	echo "ok: an instance's default is 500 rounds of search"
else
	echo "FAIL: nrp without --work: exit $rc, '$(tail -3 <<<"$msg")'"
	fail=1
fi
msg=$("$rota7" nrp "$inst" -o "$out/w2" --work 1.5 2>&1)
rc=$?
if [ $rc -eq 2 ] && [[ "$msg" == *"--work"* ]] && [ ! -e "$out/w2" ]; then
	echo "ok: nrp --work 1.5 is exit 2"
else
	echo "FAIL: nrp --work 1.5: exit $rc, '$msg'"
	fail=1
fi

# export-lp recognises an instance (GLPK writes "-" in names as "~").
if "$rota7" export-lp "$inst" "$out/i1.lp" 2>/dev/null &&
	grep -q "x(A,2024~01~03,D)" "$out/i1.lp"; then
	echo "ok: export-lp writes the instance's model"
else
	echo "FAIL: export-lp on Instance1"
	fail=1
fi

# A bad instance is exit 2 with file, line and column.
printf 'SECTION_HORIZON\n14\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,Z=1,1,0,1,1,1,1\n' \
	>"$out/bad.txt"
msg=$("$rota7" nrp "$out/bad.txt" -o "$out/bad" 2>&1)
rc=$?
if [ $rc -eq 2 ] && [[ "$msg" == *"bad.txt:6:3: unknown shift 'Z'"* ]] &&
	[ ! -e "$out/bad" ]; then
	echo "ok: a bad instance is exit 2, located, nothing written"
else
	echo "FAIL: bad instance: exit $rc, '$msg'"
	fail=1
fi

# A UTF-8 byte order mark (Notepad's "UTF-8") before an instance is
# skipped, from a file and from standard input alike.
small='SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=7,4800,0,7,1,1,1\nSECTION_COVER\n0,D,1,100,1\n'
printf "$small" >"$out/plain.txt"
printf "\xef\xbb\xbf$small" >"$out/bom.txt"
want=$("$rota7" nrp "$out/plain.txt" -o "$out/plain" --time-limit 5 -q 2>&1)
got=$("$rota7" nrp "$out/bom.txt" -o "$out/bom" --time-limit 5 -q 2>&1)
rc=$?
got_in=$("$rota7" nrp - -o "$out/bomin" --time-limit 5 -q <"$out/bom.txt" 2>&1)
rc_in=$?
if [ $rc -eq 0 ] && [ $rc_in -eq 0 ] && [[ "$want" == "objective "* ]] &&
	[ "$got" = "$want" ] && [ "$got_in" = "$want" ] &&
	cmp -s "$out/plain/solution.txt" "$out/bom/solution.txt"; then
	echo "ok: a byte order mark before an instance is skipped"
else
	echo "FAIL: instance after a byte order mark: exit $rc/$rc_in, '$got' '$got_in', want '$want'"
	fail=1
fi

# Hard rules that admit no rota: exit 3 naming the person.
printf 'SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=7,4800,2400,5,1,1,1\nSECTION_DAYS_OFF\nA,0,1,2,3\nSECTION_COVER\n0,D,1,100,1\n' \
	>"$out/impossible.txt"
msg=$("$rota7" nrp "$out/impossible.txt" -o "$out/imp" --time-limit 10 2>&1)
rc=$?
if [ $rc -eq 3 ] && [[ "$msg" == *"'A'"* ]] && [ ! -e "$out/imp/solution.txt" ]; then
	echo "ok: rules that admit no rota are exit 3, naming the person"
else
	echo "FAIL: impossible instance: exit $rc, '$msg'"
	fail=1
fi
# Too large for the engine: refused at once with exit 2, not by memory.
python3 -c 'L=["SECTION_HORIZON","3660","","SECTION_SHIFTS"]+["S%d,480,"%i for i in range(100)]+["","SECTION_STAFF"]+["P%d,S0=3660,1000000,0,3660,1,1,600"%i for i in range(5000)]+["","SECTION_COVER","0,S0,1,100,1",""];open("'"$out"'/huge.txt","w").write("\n".join(L))'
msg=$("$rota7" nrp "$out/huge.txt" -o "$out/huge" 2>&1)
rc=$?
if [ $rc -eq 2 ] && [[ "$msg" == *"too large"* ]]; then
	echo "ok: a too large instance is exit 2"
else
	echo "FAIL: too large instance: exit $rc, '$msg'"
	fail=1
fi

# The column generation runs on instances (their start is built person
# by person), and every bound it and the other phases report is a bound:
# at most the proven optimum (BEST_KNOWN.tsv's lower bound, equal to the
# best known on 2-5), and the rota at least that.  An over-cover or a
# MaxShifts limit priced wrongly in the master shows here.
for k in 2 3 4 5; do
	ik=$dir/Instance$k.txt
	lb=$(awk -F'\t' -v n="Instance$k" '$1 == n { print $5; exit }' \
		"$dir/BEST_KNOWN.tsv")
	msg=$("$rota7" nrp "$ik" -o "$out/b$k" --time-limit 8 --seed 1 2>&1)
	rc=$?
	obj=$(sed -n 's/^objective //p' <<<"$msg")
	bnd=$(sed -n 's/.*, bound \([-0-9.]*\), gap.*/\1/p' <<<"$msg" | tail -1)
	if [ $rc -eq 0 ] && [ -n "$lb" ] && [ -n "$obj" ] && [ -n "$bnd" ] &&
		[[ "$msg" == *"colgen  polished rota"* ]] &&
		awk -v b="$bnd" -v l="$lb" -v o="$obj" 'BEGIN { exit !(b <= l + 1e-6 && o >= l) }' &&
		python3 "$src/tests/tools/check_nrp.py" "$ik" "$out/b$k/solution.txt" \
		--objective "$obj"; then
		echo "ok: Instance$k: column generation ran, bound $bnd <= $lb <= $obj"
	else
		echo "FAIL: Instance$k: exit $rc, bound '$bnd', optimum '$lb', objective '$obj': $(tail -2 <<<"$msg")"
		fail=1
	fi
done

# A second run into the same DIR replaces it whole; no staging is left.
"$rota7" nrp "$inst" -o "$out/i1" --time-limit 10 -q >/dev/null
if [ "$(ls "$out/i1")" = "solution.txt" ] && ! ls -d "$out"/i1.tmp-* 2>/dev/null; then
	echo "ok: a second run replaces DIR whole"
else
	echo "FAIL: DIR after a second run: $(ls -a "$out" "$out/i1")"
	fail=1
fi
exit $fail
