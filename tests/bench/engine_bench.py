#!/usr/bin/python3
"""Column generation benchmark for rota7 solve: prints a table, asserts nothing.

usage: engine_bench.py ROTA7 [--limit S] [--work N] [--seeds 1,2]
                       [--scenario PATH] [--jobs J] [CONFIG ...]

Each CONFIG is a value for ROTA7_COLGEN ("rounds=25,iters=150", see
solver/colphase.h), "plain" (or "off") for the plain search and bound,
or "default" for rota7's own choice (ROTA7_COLGEN unset).  For
every config and seed: rota7 solve with the time limit and --work, then the
independent checker (tests/tools/check_rota.py) on the rota written.  The
colgen lines of the progress output give the dived rota's objective before
and after the polish and the best bound of the rounds.  Timings are wall
clock on whatever else the machine runs: repeat runs before believing a
difference of a few per cent.  With --work the rota does not depend on the
load, so --jobs J runs J at once; "cpu s" (user + system seconds of the
process, every thread) over the cores is then the better guess of an idle
machine's wall time.
"""
import argparse
import concurrent.futures
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


def run(rota7, scenario, limit, work, seed, config, out):
    env = dict(os.environ)
    env.pop("ROTA7_COLGEN", None)
    if config == "plain":
        env["ROTA7_COLGEN"] = "off"
    elif config != "default":
        env["ROTA7_COLGEN"] = config
    cmd = [rota7, "solve", scenario, "-o", out, "--time-limit", str(limit),
           "--seed", str(seed)]
    if work:
        cmd += ["--work", str(work)]
    t0 = time.monotonic()
    with open(out + ".stderr.txt", "w", encoding="utf-8") as err:
        p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                             stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    stderr = open(out + ".stderr.txt", encoding="utf-8").read()
    row = {"config": config, "seed": seed, "wall": wall,
           "cpu": ru.ru_utime + ru.ru_stime}
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        row["error"] = f"exit {code}"
        return row
    r = json.load(open(os.path.join(out, "rota.json"), encoding="utf-8"))
    row.update(objective=r["objective"], bound=r["bound"],
               uncovered=r.get("uncovered_hours"), work=r.get("work"),
               stopped=r.get("stopped_by"))
    for name, rx in (("dived", DIVED), ("polished", POLISHED)):
        m = rx.search(stderr)
        row[name] = float(m.group(1)) if m else None
    m = SUMMARY.search(stderr)
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
    ap.add_argument("--work", type=int, default=0)
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--scenario", default=os.path.join(
        SRC, "examples", "stockport", "scenario.json"))
    ap.add_argument("--out", default="/tmp/engine-bench")
    a = ap.parse_args()
    todo = []
    for config in a.configs:
        for seed in [int(s) for s in a.seeds.split(",")]:
            out = os.path.join(a.out, f"{len(todo)}")
            os.makedirs(out, exist_ok=True)
            todo.append((a.rota7, a.scenario, a.limit, a.work, seed, config,
                         out))
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        rows = list(ex.map(lambda t: run(*t), todo))
    print(f"{'config':32} {'seed':>4} {'work':>5} {'objective':>12} "
          f"{'bound':>12} {'gap %':>6} {'uncov h':>8} {'dived':>12} "
          f"{'rounds':>6} {'wall s':>7} {'cpu s':>7} stopped check")
    for r in rows:
        gap = None
        if r.get("objective"):
            gap = 100 * (r["objective"] - r["bound"]) / r["objective"]
        print(f"{r['config'][:32]:32} {r['seed']:4d} {fmt(r.get('work'), 5)} "
              f"{fmt(r.get('objective'))} {fmt(r.get('bound'))} "
              f"{fmt(gap, 6)} {fmt(r.get('uncovered'), 8)} "
              f"{fmt(r.get('dived'))} {fmt(r.get('rounds'), 6)} "
              f"{r['wall']:7.1f} {r['cpu']:7.1f} {r.get('stopped', '-')} "
              f"{r.get('checker', r.get('error'))}")


if __name__ == "__main__":
    main()
