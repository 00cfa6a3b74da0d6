#!/usr/bin/python3
"""Solve cases: small scenarios whose best rota is known by hand.

Each CASE.json has a CASE.expect.json beside it:
  {"exit": 0,                      expected exit status
   "stderr": ["..."],              substrings of standard error
   "uncovered_hours": 8.0,         total person-hours short (rota.json)
   "assignments": 3,               how many shifts
   "must": [{"staff": "a", "date": "2018-03-05", "shift": "late", ...}],
   "must_not": [{...}],            assignments that must (not) appear;
                                   only the keys given are compared
   "objective": 12.0}              the objective, to 1e-6
Every rota written is also checked by tools/check_rota.py, which shares
no code with rota7, and its fte-gap.json's uncovered hours against
rota.json's by tools/check_gap_total.py. Each case is built so that breaking its rule would be
cheaper than keeping it.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "..", "tools", "check_rota.py")
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import check_gap_total  # noqa: E402  (the FTE gap's totals against rota.json)


def matches(a, pattern):
    return all(a.get(k) == v for k, v in pattern.items())


def run_case(rota7, scenario, expect, out):
    why = []
    p = subprocess.run([rota7, "solve", scenario, "-o", out, "-q",
                        "--time-limit", "10", "--seed", "1"],
                       capture_output=True, text=True, timeout=60)
    if p.returncode != expect.get("exit", 0):
        why.append(f"exit {p.returncode}, expected {expect.get('exit', 0)}")
    for s in expect.get("stderr", []):
        if s not in p.stderr:
            why.append(f"stderr lacks {s!r}")
    if why or p.returncode != 0:
        return why, p.stderr
    rota = json.load(open(os.path.join(out, "rota.json"), encoding="utf-8"))
    c = subprocess.run(["/usr/bin/python3", CHECKER, scenario,
                        os.path.join(out, "rota.json"), "--quiet"],
                       capture_output=True, text=True, timeout=120)
    if c.returncode != 0:
        why.append("independent check failed:\n" + c.stdout[-2000:])
    total = sum(u.get("hours", 0) for u in rota["uncovered"])
    why += check_gap_total.differences(out)
    if "uncovered_hours" in expect and \
            abs(total - expect["uncovered_hours"]) > 1e-6:
        why.append(f"uncovered {total}, expected {expect['uncovered_hours']}")
    if "assignments" in expect and \
            len(rota["assignments"]) != expect["assignments"]:
        why.append(f"{len(rota['assignments'])} assignments, expected "
                   f"{expect['assignments']}")
    if "objective" in expect and \
            abs(rota["objective"] - expect["objective"]) > 1e-6:
        why.append(f"objective {rota['objective']}, expected "
                   f"{expect['objective']}")
    for m in expect.get("must", []):
        if not any(matches(a, m) for a in rota["assignments"]):
            why.append(f"missing assignment {m}")
    for m in expect.get("must_not", []):
        if any(matches(a, m) for a in rota["assignments"]):
            why.append(f"forbidden assignment {m}")
    return why, p.stderr


def main():
    rota7 = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else HERE
    passed = failed = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json") or name.endswith(".expect.json"):
            continue
        case = name[:-5]
        expect = json.load(open(os.path.join(folder, case + ".expect.json")))
        with tempfile.TemporaryDirectory() as out:
            why, err = run_case(rota7, os.path.join(folder, name), expect, out)
        if why:
            failed += 1
            print(f"FAIL {case}: " + "; ".join(why))
            print("    | " + err.strip().replace("\n", "\n    | "))
        else:
            passed += 1
            print(f"ok {case}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
