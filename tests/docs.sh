#!/usr/bin/env bash
# The user's guide against what rota7 does: the README's first command
# ends with where to look, no README names a machine's own path, every
# ../shared path they give exists beside the clone (when it is there),
# export-lp writes names in the forms the README documents, and plan's
# standard output is what the README says it is.
# usage: docs.sh ROTA7 SOURCE_DIR
set -u
rota7=$1
src=$(cd "$2" && pwd)
fail=0
bad() { echo "FAIL $*"; fail=1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The first command (the first sh block) ends by saying where to look.
first=$(awk '/^```sh$/{getline; print; exit}' "$src/README.md")
case $first in
*'rota-out/report.html"') ;;
*) bad "README's first command does not end with rota-out/report.html: ...${first: -60}" ;;
esac

readmes=$(cd "$src" && ls README.md examples/README.md examples/*/README.md \
  tests/bench/README.md 2>/dev/null)
for f in $readmes; do
  if grep -n '/work/\|/home/\|/root/' "$src/$f" >"$tmp/paths"; then
    bad "$f names a machine's path: $(head -1 "$tmp/paths")"
  fi
  # Paths are given from the top of the clone.
  if [ -d "$src/../shared" ]; then
    for p in $(grep -o '`\.\./shared/[^` ]*`' "$src/$f" | tr -d '`' | sort -u); do
      [ -e "$src/$p" ] || bad "$f: $p does not exist"
    done
  fi
done
grep -q '`spec/scenario.md`' "$src/examples/README.md" &&
  bad "examples/README.md points at spec/scenario.md"

# LP names: the README's two spellings, as export-lp writes them.
sc=$src/examples/small/one-week.json
"$rota7" export-lp "$sc" "$tmp/m.lp" -q || bad "export-lp .lp"
"$rota7" export-lp "$sc" "$tmp/m.mps" -q || bad "export-lp .mps"
grep -q 'x(n001,2018~03~04,late)' "$src/README.md" ||
  bad "README does not give the .lp spelling x(n001,2018~03~04,late)"
grep -Eq '(^|[ +-])x\([^,()]+,[0-9]{4}~[0-9]{2}~[0-9]{2},[^,()]+\)' "$tmp/m.lp" ||
  bad ".lp names are not x(person,yyyy~mm~dd,shift): $(grep -o 'x[[(][^ ]*' "$tmp/m.lp" | head -1)"
grep -Eq ' x\[[^],[]+,[0-9]{4}-[0-9]{2}-[0-9]{2},[^],[]+\] ' "$tmp/m.mps" ||
  bad ".mps names are not x[person,yyyy-mm-dd,shift]"

# plan prints totals per neighbourhood and per role, not a row for each
# neighbourhood and role; the README says so.
sc=$src/examples/small/two-neighbourhoods.json
"$rota7" plan "$sc" -o "$tmp/plan" -q >"$tmp/plan.out" || bad "plan"
rows=$(awk '$1 !~ /^(-|neighbourhood|establishment)/ && NF > 3' "$tmp/plan.out")
[ -n "$rows" ] || bad "plan printed no rows"
echo "$rows" | awk '$1 != "all" && $2 != "all" {exit 1}' ||
  bad "plan printed a row per neighbourhood and role: $rows"
grep -q 'on standard output the totals per neighbourhood' "$src/README.md" ||
  bad "README does not say plan prints totals per neighbourhood and per role"

[ $fail = 0 ] && echo "docs: ok"
exit $fail
