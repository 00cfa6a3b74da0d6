#!/usr/bin/env bash
# No path in a scenario escapes the output directory: staff and
# neighbourhood ids such as "../x", "/etc/passwd", "a/b", "." and ".."
# become %-encoded calendar names inside DIR/calendars/ (Windows device
# names such as "con" too, and none differ only in case), and every file
# the run writes is inside DIR.  The run happens deep in a sandbox
# directory, so a relative escape would land in the sandbox, and the
# absolute ids name files under /tmp and /etc that must not appear.
#
# usage: paths.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
sb=$(mktemp -d "${TMPDIR:-/tmp}/rota7-paths.XXXXXX") || exit 1
tag=$(basename "$sb")
trap 'rm -rf "$sb" "/tmp/$tag-escape" "/tmp/$tag-escape.ics"' EXIT
work=$sb/a/b/c/d/work
mkdir -p "$work"

python3 - "$src/examples/small/one-week.json" "$sb/scenario.json" "$tag" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
tag = sys.argv[3]
up = "../" * 12
nbhds = ["..", ".", "../nb", "n/b", up + "tmp/%s-escape" % tag]
staff = [
    up + "tmp/%s-escape" % tag, "/etc/passwd", "/etc/%s" % tag, "a/b",
    ".", "..", "../x", "..\\x", ".hidden", "x.ics", "%2e%2e", "~x",
    " spaced ", "-rf", "é∕ü", "é" * 50,     # 100 bytes, 300 encoded
    "Ann", "con", "Aux.txt", "lpt9", "COM1.ics", "nul.", "x?*:|<>\"",
]
s["neighbourhoods"] = [{"id": n, "weighted_population": 10000} for n in nbhds]
base = s["staff"][0]
s["staff"] = []
for i, sid in enumerate(staff):
    p = dict(base, id=sid, neighbourhood=nbhds[i % len(nbhds)])
    p.pop("requests", None)
    s["staff"].append(p)
json.dump(s, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
EOF

passed=0
failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }

passwd_before=$(sha256sum /etc/passwd)
cd "$work" || exit 1
if "$rota7" solve "$sb/scenario.json" -o out -q --time-limit 2 >"$sb/log" 2>&1 &&
   "$rota7" solve "$sb/scenario.json" -o out2 -q --time-limit 2 \
	--previous out >>"$sb/log" 2>&1; then
	ok "solve and solve --previous with hostile ids"
else
	bad "solve with hostile ids failed"; cat "$sb/log"
fi

# Everything under the sandbox is the scenario, the log or inside DIR.
stray=$(cd "$sb" && find . -mindepth 1 \( -type f -o -type l \) |
	grep -v -e '^\./scenario\.json$' -e '^\./log$' \
		-e '^\./a/b/c/d/work/out/' -e '^\./a/b/c/d/work/out2/')
if [ -z "$stray" ]; then
	ok "every file written is inside the output directory"
else
	bad "files outside the output directory:"; echo "$stray"
fi
if ls -d /tmp/"$tag"-escape* /etc/"$tag"* 2>/dev/null | grep -q .; then
	bad "a file appeared outside the sandbox: $(ls -d /tmp/"$tag"-escape* /etc/"$tag"* 2>/dev/null)"
elif [ "$(sha256sum /etc/passwd)" != "$passwd_before" ]; then
	bad "/etc/passwd changed"
else
	ok "nothing written under /tmp or /etc"
fi

# Calendar names: safe, unique, one per person with a shift and per
# neighbourhood, and each decodes to its id (or is the cut and hashed
# form of a long one).
python3 - "$work/out" "$sb/scenario.json" <<'EOF' && ok "calendar names are encoded ids, one per calendar" || bad "calendar names"
import json, os, re, sys, urllib.parse
out, sc = sys.argv[1], json.load(open(sys.argv[2]))
rota = json.load(open(os.path.join(out, "rota.json")))
text = json.dumps(rota, ensure_ascii=False)
bad = 0
for kind, ids in (("staff", [p["id"] for p in sc["staff"]]),
                  ("neighbourhood", [n["id"] for n in sc["neighbourhoods"]])):
    names = os.listdir(os.path.join(out, "calendars", kind))
    for n in names:
        if not re.fullmatch(r"[A-Za-z0-9_%-][A-Za-z0-9._%~-]*\.ics", n) \
                or len(n.encode()) > 255:
            print("unsafe name", kind, repr(n)); bad = 1
    # Windows, macOS and FAT ignore case, and Windows keeps device names.
    if len({n.lower() for n in names}) != len(names):
        print(kind, "names that differ only in case:", sorted(names)); bad = 1
    for n in names:
        if re.fullmatch(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", n.split(".")[0],
                        re.I):
            print("a Windows device name", kind, repr(n)); bad = 1
    decoded = set()
    for n in names:
        stem = n[:-4]
        if "~" in stem:
            # cut at a byte, maybe inside a character
            prefix = urllib.parse.unquote_to_bytes(stem.split("~")[0])
            match = [i for i in ids if i.encode().startswith(prefix)]
            if len(match) != 1:
                print("hashed name matches", match, n); bad = 1
            decoded.update(match)
        else:
            decoded.add(urllib.parse.unquote(stem))
    if len(decoded) != len(names) or not decoded <= set(ids):
        print(kind, "names do not decode to distinct ids:", sorted(names)); bad = 1
    if kind == "neighbourhood" and decoded != set(ids):
        print("missing neighbourhood calendars:", set(ids) - decoded); bad = 1
    if kind == "staff":
        # every person works here (more demand than staff)
        if decoded != set(ids):
            print("missing staff calendars:", set(ids) - decoded); bad = 1
sys.exit(bad)
EOF

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
