#!/usr/bin/python3
"""Curtois & Qu benchmark for rota7 nrp: prints a table; asserts correctness
only, never quality.

usage: nrp_bench.py ROTA7 [--instances 1-10,14] [--time-limit SEC] [--no-cbc]
                    [--out DIR] [--instances-dir DIR] [--work N]

For each instance K: rota7 nrp InstanceK.txt -o DIR --time-limit T --seed 1
(and --work N when given: rota7's default budget ends most of 1-19 well
inside 60 s, so a ten-minute measure needs a larger one),
timing the run and reading its stderr progress lines for the time the final
rota was first reported (falls back to the wall time, marked).  The solution
is read back and checked by tests/tools/check_nrp.py (an independent
checker): a broken hard rule or an objective different from rota7's printed
"objective N" makes this script fail loudly (exit 1) after the table.

Then, unless --no-cbc, the model exported by rota7 export-lp is solved by
CBC (Debian coinor-cbc) with the same time limit, its wall time capped at
the limit + 120 s (CBC does not look at -sec in its root LP).  rota7 writes
the objective constant as a column fixed at 1 ("objective_constant"), which
CBC reads; a constant left only in GLPK's comment ("\\* constant term = N
*\\", older exports) is added back here.
CBC's x columns (x[staff,YYYY-MM-DD,shift], written x(staff,YYYY~MM~DD,shift)
by GLPK; day 0 = 2024-01-01) are mapped back to a roster and checked too: a
broken rule or an objective different from CBC's is a failure of the
exported model.

Instances come from --instances-dir, else $ROTA7_NRP_DIR, else
../shared/benchmarks/curtois-qu next to the repository (never copied in).
Best known values: BEST_KNOWN.tsv there; where it has two rows (two
transcriptions disagree) the newer one (S2, seyon1988) is shown, marked.
With --out DIR every run's files are kept in DIR/InstanceK/.
"""
import argparse
import csv
import datetime as dt
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
_spec = importlib.util.spec_from_file_location(
    "check_nrp", os.path.join(SRC, "tests", "tools", "check_nrp.py"))
cn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cn)

DAY0 = dt.date(2024, 1, 1)
# Progress: "rota7:    12s  ... best 607 ..." (tolerant of spacing, "12.5s",
# "best: 607", "best=607").
PROGRESS = re.compile(r"^rota7:\s*(\d+(?:\.\d+)?)\s*s\b.*?\bbest\s*[:=]?\s*"
                      r"(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)")
OBJECTIVE = re.compile(r"^objective\s+(-?\d+(?:\.\d+)?)\s*$")
LP_CONST = re.compile(r"\\\*\s*constant term\s*=\s*([-+\d.eE]+)\s*\*\\")
XCOL = re.compile(r"^x[\[(](.+),(\d{4})[-~_](\d{2})[-~_](\d{2}),(.+)[\])]$")


def parse_ranges(text):
    out = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        a, _, b = part.partition("-")
        out += range(int(a), int(b or a) + 1)
    return out


def best_known(nrp_dir):
    """instance -> (best upper bound, note or None)."""
    rows = {}
    with open(os.path.join(nrp_dir, "BEST_KNOWN.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rows.setdefault(r["instance"], []).append(r)
    out = {}
    for name, rs in rows.items():
        if len(rs) == 1:
            out[name] = (int(rs[0]["best_upper_bound"]), None)
            continue
        s2 = [r for r in rs if "seyon1988" in r["source"]] or rs[-1:]
        others = ", ".join(f"{r['best_lower_bound']}-{r['best_upper_bound']}"
                           for r in rs if r is not s2[0])
        out[name] = (int(s2[0]["best_upper_bound"]),
                     f"{name}: newer transcription (S2) shown; the other "
                     f"gives bounds {others}")
    return out


def run_rota7(rota7, inst_path, limit, work, budget=None):
    out = os.path.join(work, "rota7")
    cmd = [rota7, "nrp", inst_path, "-o", out, "--time-limit", str(limit),
           "--seed", "1"]
    if budget is not None:
        cmd += ["--work", str(budget)]
    lines = []
    t0 = time.monotonic()
    with open(os.path.join(work, "rota7.stdout"), "w+") as so:
        p = subprocess.Popen(cmd, stdout=so, stderr=subprocess.PIPE, text=True)

        def reader():
            for line in p.stderr:
                lines.append((time.monotonic() - t0, line.rstrip("\n")))
        th = threading.Thread(target=reader, daemon=True)
        th.start()
        try:
            p.wait(timeout=2 * limit + 120)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            th.join()
            return {"error": f"rota7 still running after {2 * limit + 120} s; killed"}
        th.join()
        wall = time.monotonic() - t0
        so.seek(0)
        stdout = so.read()
    with open(os.path.join(work, "rota7.stderr"), "w") as f:
        f.write("".join(l + "\n" for _, l in lines))
    r = {"wall": wall, "cmd": " ".join(cmd)}
    if p.returncode != 0:
        tail = " | ".join(l for _, l in lines[-3:])
        r["error"] = f"rota7 nrp exited {p.returncode}: {tail}"
        return r
    objs = [OBJECTIVE.match(l) for l in stdout.splitlines()]
    objs = [m for m in objs if m]
    if len(objs) != 1:
        r["error"] = f"stdout has {len(objs)} 'objective N' lines: {stdout[-200:]!r}"
        return r
    r["objective"] = float(objs[0].group(1))
    # First progress line showing the final best.
    best_t = None
    for _, line in lines:
        m = PROGRESS.match(line)
        if m and float(m.group(2)) == r["objective"]:
            best_t = float(m.group(1))
            break
    r["to_final"], r["to_final_from"] = (best_t, "progress") if best_t is not None \
        else (wall, "wall")
    r["solution"] = os.path.join(out, "solution.txt")
    return r


def lp_constant(lp):
    with open(lp, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LP_CONST.search(line)
            if m:
                return float(m.group(1))
    return 0.0


def run_cbc(rota7, inst_path, inst, limit, work):
    if not shutil.which("cbc"):
        return {"error": "cbc not installed (apt-get install -y coinor-cbc)"}
    lp = os.path.join(work, "model.lp")
    p = subprocess.run([rota7, "export-lp", inst_path, lp], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return {"error": f"export-lp exited {p.returncode}: {p.stderr.strip()[-200:]}",
                "failure": True}
    const = lp_constant(lp)
    sol = os.path.join(work, "cbc.sol")
    if os.path.exists(sol):
        os.remove(sol)
    t0 = time.monotonic()
    try:
        p = subprocess.run(["cbc", lp, "-sec", str(limit), "-solve", "-solu", sol],
                           capture_output=True, text=True, timeout=limit + 120)
    except subprocess.TimeoutExpired:
        return {"error": f"no answer in {limit + 120} s wall", "wall": limit + 120,
                "cap": True}
    wall = time.monotonic() - t0
    with open(os.path.join(work, "cbc.log"), "w") as f:
        f.write(p.stdout + p.stderr)
    r = {"wall": wall, "const": const, "objective": None}
    if not os.path.exists(sol):
        r["status"] = "no solution file"
        return r
    with open(sol) as f:
        status = f.readline().strip()
        cols = [line.split() for line in f]
    r["status"] = status
    m = re.search(r"objective value\s+([-+\d.eE]+)", status)
    # "Stopped on time (no integer solution - continuous used)": CBC wrote
    # its LP relaxation, not a rota.
    if (m is None or "nfeasible" in status or "no solution" in status.lower()
            or "no integer solution" in status.lower()
            or float(m.group(1)) >= 1e49):
        return r
    r["objective"] = float(m.group(1)) + const
    r["optimal"] = status.startswith("Optimal")
    triples, unmapped = [], 0
    for c in cols:
        if len(c) < 3:
            continue
        name, val = c[1], float(c[2])
        mx = XCOL.match(name)
        if not mx:
            if name.startswith("x") and val > 0.5:
                unmapped += 1
            continue
        if val > 0.5:
            day = (dt.date(int(mx.group(2)), int(mx.group(3)), int(mx.group(4)))
                   - DAY0).days
            triples.append((mx.group(1), day, mx.group(5)))
    problems = []
    if unmapped:
        problems.append(f"{unmapped} columns set to 1 look like x but did not map")
    if not triples:
        problems.append("no x column set to 1 (names not recognised?)")
    try:
        roster = cn.roster_from_assignments(inst, triples)
        obj, viol = cn.check(inst, roster)
        r["checked"] = obj
        problems += [cn.format_violation(v) for v in viol]
        if abs(obj - r["objective"]) > 1e-6:
            problems.append(f"CBC objective {r['objective']:g} (constant {const:g} "
                            f"added) but the roster's is {obj}")
    except cn.FormatError as e:
        problems.append(str(e))
    r["problems"] = problems
    return r


def num(v):
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rota7")
    ap.add_argument("--instances", default="1-10")
    ap.add_argument("--time-limit", type=int, default=60)
    ap.add_argument("--no-cbc", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--instances-dir")
    ap.add_argument("--work", type=int)
    a = ap.parse_args()
    rota7 = os.path.abspath(a.rota7)
    nrp_dir = a.instances_dir or os.environ.get("ROTA7_NRP_DIR") or \
        os.path.join(SRC, "..", "shared", "benchmarks", "curtois-qu")
    nrp_dir = os.path.normpath(nrp_dir)
    if not os.path.exists(os.path.join(nrp_dir, "BEST_KNOWN.tsv")):
        sys.exit(f"nrp_bench: no BEST_KNOWN.tsv in {nrp_dir} "
                 "(--instances-dir or ROTA7_NRP_DIR)")
    best = best_known(nrp_dir)
    ks = parse_ranges(a.instances)
    tmp = None
    if a.out:
        base = os.path.abspath(a.out)
        os.makedirs(base, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="nrp_bench.")
        base = tmp.name

    rows, failures, notes = [], [], []
    try:
        for k in ks:
            name = f"Instance{k}"
            path = os.path.join(nrp_dir, name + ".txt")
            inst = cn.parse_instance(path)
            work = os.path.join(base, name)
            os.makedirs(work, exist_ok=True)
            print(f"nrp_bench: {name}: rota7 nrp ({a.time_limit} s) ...",
                  file=sys.stderr, flush=True)
            r = run_rota7(rota7, path, a.time_limit, work, a.work)
            if "error" in r:
                failures.append(f"{name}: {r['error']}")
            else:
                try:
                    sol = cn.read_solution(r["solution"], inst)
                    obj, viol = cn.check(inst, sol)
                    r["checked"] = obj
                    for v in viol:
                        failures.append(f"{name}: rota7 broke a hard rule: "
                                        f"{cn.format_violation(v)}")
                    if obj != r["objective"]:
                        failures.append(f"{name}: rota7 printed objective "
                                        f"{r['objective']:g}, the checker "
                                        f"recomputes {obj}")
                except (OSError, cn.FormatError) as e:
                    failures.append(f"{name}: solution.txt unreadable: {e}")
            c = {"skipped": True}
            if not a.no_cbc:
                print(f"nrp_bench: {name}: cbc ({a.time_limit} s) ...",
                      file=sys.stderr, flush=True)
                c = run_cbc(rota7, path, inst, a.time_limit, work)
                if c.get("failure"):
                    failures.append(f"{name}: {c['error']}")
                for pr in c.get("problems", []):
                    failures.append(f"{name}: CBC's solution of the exported "
                                    f"model: {pr}")
            b, note = best.get(name, (None, None))
            if note:
                notes.append(note)
            rows.append((name, inst, r, b, note, c))
    finally:
        if tmp:
            tmp.cleanup()

    head = ("instance", "days", "staff", "rota7 obj", "best known", "gap %",
            "rota7 s to final", "rota7 wall s", "CBC obj", "CBC s")
    table = []
    any_wall = False
    for name, inst, r, b, note, c in rows:
        ro = r.get("objective")
        gap = None if ro is None or not b else 100.0 * (ro - b) / b
        tf = r.get("to_final")
        tfs = "-" if tf is None else f"{tf:.1f}"
        if r.get("to_final_from") == "wall":
            tfs += " (w)"
            any_wall = True
        if c.get("skipped"):
            co, cs = "skipped", "-"
        elif c.get("objective") is not None:
            co = num(c["objective"]) + ("" if c.get("optimal") else " (t)")
            cs = f"{c['wall']:.1f}"
        else:
            co = "error (below)" if c.get("failure") else \
                c.get("error") or "no solution"
            cs = "-" if c.get("wall") is None else f"{c['wall']:.1f}"
            if c.get("cap"):
                co, cs = "no solution (cap)", f">{c['wall']:.0f}"
        table.append((name, str(inst.horizon), str(len(inst.staff)),
                      "ERROR" if ro is None else num(ro),
                      "-" if b is None else f"{b}{' *' if note else ''}",
                      "-" if gap is None else f"{gap:.2f}", tfs,
                      f"{r['wall']:.1f}" if "wall" in r else "-", co, cs))
    widths = [max(len(h), *(len(t[i]) for t in table)) if table else len(h)
              for i, h in enumerate(head)]
    left = {0, 8}

    def line(cells):
        return "| " + " | ".join(c.ljust(w) if i in left else c.rjust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    budget = f", --work {a.work}" if a.work is not None else ""
    print(f"rota7 nrp vs CBC, time limit {a.time_limit} s, seed 1{budget}; "
          f"instances from {nrp_dir}")
    print(line(head))
    print("|" + "|".join(("-" * (w + 2)) for w in widths) + "|")
    for t in table:
        print(line(t))
    print()
    print("rota7 s to final: seconds printed on the first progress line of "
          "rota7 showing the final objective (resolution: the progress "
          "interval)" + ("; (w) = no such line, total wall time instead."
                         if any_wall else "."))
    print("gap %: (rota7 - best known) / best known.  CBC obj: (t) = stopped "
          "at the time limit, not proven optimal; CBC s is its wall time "
          f"(capped at limit + 120 s).")
    for n in notes:
        print(f"* {n}")
    if failures:
        print()
        print(f"FAILED: {len(failures)} correctness problem(s):")
        for f in failures:
            print(f"  {f}")
        sys.exit(1)
    print("correctness: every rota7 solution passed check_nrp.py "
          "(hard rules, objective)" +
          ("" if a.no_cbc else "; every CBC roster too"))


if __name__ == "__main__":
    main()
