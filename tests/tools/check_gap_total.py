#!/usr/bin/python3
"""The FTE gap hides no demand: in a solve's output directory, the
uncovered hours of fte-gap.json (its total, and summed over its rows, by
neighbourhood, by role and by service) equal rota.json's uncovered_hours
and the sum of its uncovered list (issue 15: a group without members
lost its share of the gap).

usage: check_gap_total.py OUTPUT_DIR   (exit 1 and the differences if not)
"""
import json
import os
import sys


def differences(out):
    rota = json.load(open(os.path.join(out, "rota.json"), encoding="utf-8"))
    gap = json.load(open(os.path.join(out, "fte-gap.json"), encoding="utf-8"))
    listed = sum(u.get("hours", 0) for u in rota["uncovered"])
    figures = {
        "total": gap["total"]["uncovered_hours"],
        "rows": sum(r["uncovered_hours"] for r in gap["rows"]),
        "by_role": sum(r["uncovered_hours"] for r in gap["by_role"]),
        "by_neighbourhood": sum(r["uncovered_hours"]
                                for r in gap["by_neighbourhood"]),
        "by_service": sum(r["uncovered_hours"] for r in gap["by_service"]),
    }
    # fte-gap.json rounds each figure to 3 decimals.
    tol = 1e-3 * (1 + len(gap["rows"]))
    why = []
    for name, got in figures.items():
        for what, want in (("uncovered_hours", rota["uncovered_hours"]),
                           ("uncovered list", listed)):
            if abs(got - want) > tol:
                why.append("fte-gap.json %s uncovered %.3f, rota.json %s %.3f"
                           % (name, got, what, want))
    return why


def main():
    why = differences(sys.argv[1])
    for w in why:
        print(w)
    sys.exit(1 if why else 0)


if __name__ == "__main__":
    main()
