#!/usr/bin/env bash
# The same run again (issue 16: "re-solving an unchanged scenario against
# its own output with the same seed moves none"), on Stockport with the
# column generation forced at a small --work (ROTA7_COLGEN set, in every
# run: it is part of the engine's name in made_from), so A is far from
# what the plain search from it would make: before made_from, the same
# command with --previous A made 2,718 changes to it.
#  - unchanged scenario, same seed and work: A kept as it is, marked
#    reproduced, no change, the stdout line;
#  - a re-roster (sick leave, --freeze-until) made against A, then the
#    same re-roster against its own output: kept again (a chain);
#  - another seed, another --work, other bytes of the same scenario, a
#    rota.json edited by hand, a run cut by --time-limit: not taken for
#    the engine's own rota (made_from.reproduced false).
#
# usage: reroster_same.sh ROTA7_BINARY SOURCE_DIR
set -u
rota7=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rota7-same.XXXXXX") || exit 1
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
export ROTA7_COLGEN=

python3 - "$rota7" "$src" "$tmp" <<'EOF'
import json, os, shutil, subprocess, sys

rota7, src, tmp = sys.argv[1:4]
base = os.path.join(src, "examples", "stockport", "scenario.json")
failed = 0


def ok(cond, msg):
    global failed
    print(("ok: " if cond else "FAIL: ") + msg)
    failed += not cond


def solve(sc, out, *extra, work="20", seed="0"):
    p = subprocess.run([rota7, "solve", sc, "-o", out, "-q", "--seed", seed,
                        "--work", work, "--time-limit", "1500", *extra],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stderr)
        sys.exit(f"FAIL: solve {' '.join(extra)}: exit {p.returncode}")
    with open(os.path.join(out, "rota.json"), encoding="utf-8") as f:
        return json.load(f), p.stdout


def keyed(rota):
    return {(a["staff"], a["date"]): (a["shift"], a["neighbourhood"],
                                      a["role"])
            for a in rota["assignments"]}


def moved(a, b):
    ka, kb = keyed(a), keyed(b)
    return sum(ka.get(k) != kb.get(k) for k in set(ka) | set(kb))


a_dir = os.path.join(tmp, "A")
rota_a, _ = solve(base, a_dir)
if rota_a["stopped_by"] != "work":
    sys.exit(f"FAIL: A stopped by {rota_a['stopped_by']} (the limit is only "
             "a cap here)")
m = rota_a["made_from"]
ok(m["seed"] == 0 and m["work"] == 20 and not m["previous"] and
   not m["reproduced"] and len(m["scenario_sha256"]) == 64 and
   m["engine"].startswith("rota7 ") and "ROTA7_COLGEN=" in m["engine"],
   f"rota.json says what it was made from: {m['engine']!r}, seed, work")

rota_b, out = solve(base, os.path.join(tmp, "B"), "--previous", a_dir)
n = moved(rota_a, rota_b)
ok(n == 0 and rota_b["changes"] == [] and rota_b["made_from"]["reproduced"]
   and rota_b["objective"] == rota_a["objective"] and
   "0 shifts changed for 0 people" in out and
   "previous rota kept as it is" in out,
   f"unchanged scenario, same seed and work: {n} of "
   f"{len(rota_a['assignments'])} moved, A kept")

# A re-roster, then the same re-roster against its own output.
sc = json.load(open(base, encoding="utf-8"))
count = {}
for a in rota_a["assignments"]:
    count[a["staff"]] = count.get(a["staff"], 0) + 1
who = max(sorted(count), key=lambda s: count[s])
for p in sc["staff"]:
    if p["id"] == who:
        p.setdefault("leave", []).append(
            {"from": "2018-03-12", "to": "2018-03-16", "kind": "sick"})
sick = os.path.join(tmp, "sick.json")
json.dump(sc, open(sick, "w", encoding="utf-8"))
c_dir = os.path.join(tmp, "C")
rota_c, _ = solve(sick, c_dir, "--previous", a_dir, "--freeze-until",
                  "2018-03-11")
ok(rota_c["changes"] and not rota_c["made_from"]["reproduced"] and
   rota_c["made_from"]["freeze_until"] == "2018-03-11",
   f"a re-roster with sick leave for {who}: searched, "
   f"{len(rota_c['changes'])} changes")
rota_d, _ = solve(sick, os.path.join(tmp, "D"), "--previous", c_dir,
                  "--freeze-until", "2018-03-11")
ok(moved(rota_c, rota_d) == 0 and rota_d["made_from"]["reproduced"],
   "the same re-roster against its own output: kept")
rota_e, _ = solve(sick, os.path.join(tmp, "E"), "--previous", c_dir,
                  "--freeze-until", "2018-03-05")
ok(not rota_e["made_from"]["reproduced"],
   "against its own output with an earlier --freeze-until: searched")


def not_kept(what, prev, sc=base, **kw):
    rota, out = solve(sc, os.path.join(tmp, "x"), "--previous", prev, **kw)
    ok(not rota["made_from"]["reproduced"] and
       "previous rota kept" not in out, f"{what}: not kept unsearched")


not_kept("another seed", a_dir, seed="1")
not_kept("another --work", a_dir, work="21")
spaced = os.path.join(tmp, "spaced.json")
open(spaced, "w", encoding="utf-8").write(open(base, encoding="utf-8")
                                          .read() + "\n")
not_kept("the same scenario with other bytes", a_dir, sc=spaced)
edited = os.path.join(tmp, "edited")
shutil.copytree(a_dir, edited)
r = json.load(open(os.path.join(edited, "rota.json"), encoding="utf-8"))
r["assignments"].pop()
json.dump(r, open(os.path.join(edited, "rota.json"), "w", encoding="utf-8"))
not_kept("a rota.json edited by hand", edited)
cut = os.path.join(tmp, "cut")
shutil.copytree(a_dir, cut)
r = json.load(open(os.path.join(cut, "rota.json"), encoding="utf-8"))
r["stopped_by"] = "time-limit"
json.dump(r, open(os.path.join(cut, "rota.json"), "w", encoding="utf-8"))
not_kept("a run cut by --time-limit", cut)
print(f"{failed} failed")
sys.exit(1 if failed else 0)
EOF
