#!/usr/bin/python3
"""Column generation benchmark for rota7 solve: prints a table, asserts nothing.

usage: engine_bench.py ROTA7 [--limit S] [--seeds 1,2] [--scenario PATH]
                       [CONFIG ...]

Each CONFIG is a value for ROTA7_COLGEN ("rounds=12,iters=1000,dive=300",
see solver/colphase.h), or "plain" for the default search and bound.  For
every config and seed: rota7 solve with the time limit, then the
independent checker (tests/tools/check_rota.py) on the rota written.  The
colgen lines of the progress output give the dived rota's objective before
and after the polish and the best bound of the rounds.  Timings are wall
clock on whatever else the machine runs: repeat runs before believing a
difference of a few per cent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
CHECKER = os.path.join(SRC, "tests", "tools", "check_rota.py")
DIVED = re.compile(r"colgen\s+dived rota ([\d.]+)")
POLISHED = re.compile(r"colgen\s+polished rota ([\d.]+)")
SUMMARY = re.compile(r"colgen\s+(\d+) rounds, (\d+) dives, (\d+) pdhg "
                     r"iterations, (\d+) dp calls, \d+ columns, "
                     r"bound ([-\d.e+]+)")


def run(rota7, scenario, limit, seed, config, out):
    env = dict(os.environ)
    env.pop("ROTA7_COLGEN", None)
    if config != "plain":
        env["ROTA7_COLGEN"] = config
    t0 = time.monotonic()
    p = subprocess.run([rota7, "solve", scenario, "-o", out, "--time-limit",
                        str(limit), "--seed", str(seed)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    wall = time.monotonic() - t0
    with open(os.path.join(out, "stderr.txt"), "w", encoding="utf-8") as f:
        f.write(p.stderr)
    row = {"config": config, "seed": seed, "wall": wall}
    if p.returncode != 0:
        row["error"] = f"exit {p.returncode}"
        return row
    r = json.load(open(os.path.join(out, "rota.json"), encoding="utf-8"))
    row.update(objective=r["objective"], bound=r["bound"],
               uncovered=r.get("uncovered_hours"))
    for name, rx in (("dived", DIVED), ("polished", POLISHED)):
        m = rx.search(p.stderr)
        row[name] = float(m.group(1)) if m else None
    m = SUMMARY.search(p.stderr)
    row["rounds"] = int(m.group(1)) if m else None
    chk = subprocess.run([sys.executable, CHECKER, scenario,
                          os.path.join(out, "rota.json"), "--quiet"],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True)
    row["checker"] = "ok" if chk.returncode == 0 else "FAIL"
    return row


def fmt(x, w=12):
    if x is None:
        return "-".rjust(w)
    if isinstance(x, float):
        return f"{x:{w}.1f}"
    return str(x).rjust(w)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rota7")
    ap.add_argument("configs", nargs="*", default=["plain"])
    ap.add_argument("--limit", type=float, default=60)
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--scenario", default=os.path.join(
        SRC, "examples", "stockport", "scenario.json"))
    ap.add_argument("--out", default="/tmp/engine-bench")
    a = ap.parse_args()
    rows = []
    for config in a.configs:
        for seed in [int(s) for s in a.seeds.split(",")]:
            out = os.path.join(a.out, f"{len(rows)}")
            os.makedirs(out, exist_ok=True)
            rows.append(run(a.rota7, a.scenario, a.limit, seed, config, out))
            r = rows[-1]
            print(f"{r['config'][:40]:40} seed {seed}: "
                  f"{r.get('objective', r.get('error'))}", file=sys.stderr)
    print(f"{'config':40} {'seed':>4} {'objective':>12} {'bound':>12} "
          f"{'uncov h':>8} {'dived':>12} {'polished':>12} {'rounds':>6} "
          f"{'wall s':>7} check")
    for r in rows:
        print(f"{r['config'][:40]:40} {r['seed']:4d} {fmt(r.get('objective'))} "
              f"{fmt(r.get('bound'))} {fmt(r.get('uncovered'), 8)} "
              f"{fmt(r.get('dived'))} {fmt(r.get('polished'))} "
              f"{fmt(r.get('rounds'), 6)} {r['wall']:7.1f} "
              f"{r.get('checker', r.get('error'))}")


if __name__ == "__main__":
    main()
