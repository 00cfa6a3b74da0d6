#!/usr/bin/python3
"""rota.csv and fte-gap.csv read back as a spreadsheet would, against the JSON.

Usage: check_csv.py OUT SCENARIO NAME

OUT holds NAME/ (from `rota7 solve`), NAME-plan/ (from `rota7 plan`) and
their standard output as NAME.stdout and NAME-plan.stdout. Checks:
  - both CSV files: UTF-8, a header row, CRLF records, RFC 4180 quoting,
    ISO dates and date-times;
  - rota.csv has exactly the assignments of rota.json, field for field;
  - fte-gap.csv has the figures of fte-gap.json, rows add up to the totals,
    and the rota's columns agree with rota.json and the scenario
    (recomputed here: shortfall shared by weighted population, hours worked
    outside home and by substitution from the assignments);
  - the standard output table fits 100 columns, is aligned, and gives the
    figures of fte-gap.json.
Standard library only.
"""

import csv
import io
import json
import re
import sys
from collections import defaultdict

ROTA_HEADER = ["staff", "name", "role", "neighbourhood", "service", "date",
               "shift", "start", "end", "paid_hours"]
# Columns rota7 adds after the spec's (README: rota.csv).
ROTA_EXTRA = ["start_local", "end_local", "role_name", "neighbourhood_name"]
UNCOVERED_HEADER = ["service", "scope", "unit", "role", "date", "from", "to",
                    "people_short"]
FORMULA = "=+-@\t\r"
PLAN_COLS = ["demand_hours_per_week", "required_fte", "in_post_fte",
             "in_post_staff", "gap_fte"]
ROTA_COLS = ["demand_hours", "covered_hours", "uncovered_hours",
             "uncovered_fte", "worked_hours", "worked_outside_home_hours",
             "covered_from_outside_hours", "substitution_hours"]
# Of those in post, who can never work where demand is (README, an
# addition to the spec): the last two columns whenever rota7 counted them.
IDLE_COLS = ["in_post_idle_fte", "in_post_idle_staff"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def close(a, b, tol):
    return abs(float(a) - float(b)) <= tol


def read_csv(path):
    """Rows of a CSV file, after checking what a spreadsheet relies on."""
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")          # strict: raises on bad UTF-8
    check(not text.startswith("\ufeff"), f"{path}: byte order mark")
    check(text.endswith("\r\n"), f"{path}: last record not ended by CRLF")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    # Every record ends in CRLF: no bare LF outside quoted fields, so
    # rejoining the parsed records with CRLF gives the file back.
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    check(out.getvalue() == text,
          f"{path}: not minimal RFC 4180 (quoting or line ends differ)")
    widths = {len(r) for r in rows}
    check(len(widths) == 1, f"{path}: records of different lengths {widths}")
    return rows


def text(path, v, numeric=False):
    """A text cell as the user wrote it: a formula-looking one must carry
    the leading quote OWASP advises (a number of rota7's own must not)."""
    if numeric:
        check(not v.startswith("'"), f"{path}: number {v!r} quoted")
        return v
    check(not v or v[0] not in FORMULA,
          f"{path}: cell {v!r} would be read as a formula")
    if v.startswith("'") and len(v) > 1 and v[1] in FORMULA:
        return v[1:]
    return v


def check_rota_csv(d, sc, rota):
    rows = read_csv(f"{d}/rota.csv")
    check(rows[0] == ROTA_HEADER + ROTA_EXTRA, f"rota.csv header {rows[0]}")
    names = {s["id"]: s["name"] for s in sc["staff"]}
    role_names = {r["id"]: r.get("name", r["id"]) for r in sc["roles"]}
    nbhd_names = {n["id"]: n.get("name", n["id"])
                  for n in sc["neighbourhoods"]}
    body = [{k: text("rota.csv", v, k == "paid_hours")
             for k, v in zip(rows[0], r)} for r in rows[1:]]
    check(len(body) == len(rota["assignments"]),
          f"rota.csv has {len(body)} rows, rota.json "
          f"{len(rota['assignments'])} assignments")
    for r, a in zip(body, rota["assignments"]):
        for k in ROTA_HEADER:
            if k == "name":
                ok = r[k] == names[a["staff"]]
            elif k == "paid_hours":
                ok = close(r[k], a[k], 0.006)
            else:
                ok = r[k] == a[k]
            if not check(ok, f"rota.csv {a['staff']} {a['date']} {k}: "
                             f"{r[k]!r} vs {a.get(k)!r}"):
                return
        check(DATE.match(r["date"]), f"rota.csv date {r['date']!r}")
        check(DATETIME.match(r["start"]) and DATETIME.match(r["end"]),
              f"rota.csv times {r['start']!r} {r['end']!r}")
        check(r["start"][:10] == r["date"], "start not on its date")
        # The ISO times carry the local offset: their wall clock is local.
        for k in ("start", "end"):
            check(r[k + "_local"] == r[k][:10] + " " + r[k][11:16],
                  f"rota.csv {k}_local {r[k + '_local']!r} vs {r[k]!r}")
        check(r["role_name"] == role_names[a["role"]],
              f"rota.csv role_name {r['role_name']!r}")
        check(r["neighbourhood_name"] == nbhd_names[a["neighbourhood"]],
              f"rota.csv neighbourhood_name {r['neighbourhood_name']!r}")


def check_uncovered_csv(d, rota):
    """uncovered.csv: rota.json's uncovered, row for row."""
    rows = read_csv(f"{d}/uncovered.csv")
    check(rows[0] == UNCOVERED_HEADER, f"uncovered.csv header {rows[0]}")
    body = rows[1:]
    check(len(body) == len(rota["uncovered"]),
          f"uncovered.csv has {len(body)} rows, rota.json "
          f"{len(rota['uncovered'])}")
    for r, u in zip(body, rota["uncovered"]):
        want = [u[k] for k in UNCOVERED_HEADER[:-1]] + [
            str(u["required"] - u["staffed"])]
        got = [text("uncovered.csv", v, k == "people_short")
               for k, v in zip(UNCOVERED_HEADER, r)]
        if not check(got == want, f"uncovered.csv {got} vs rota.json {want}"):
            return


def unit_members(sc, scope, unit):
    ids = [n["id"] for n in sc["neighbourhoods"]]
    if scope == "neighbourhood":
        return [unit]
    if scope == "borough":
        return ids
    return sc["groups"][scope][unit]


def expected_rota_columns(sc, rota):
    """Per (neighbourhood, role): the rota's columns from rota.json."""
    pop = {n["id"]: n["weighted_population"] for n in sc["neighbourhoods"]}
    staff = {s["id"]: s for s in sc["staff"]}
    exp = defaultdict(lambda: defaultdict(float))
    for u in rota["uncovered"]:
        members = unit_members(sc, u["scope"], u["unit"])
        total = sum(pop[m] for m in members)
        for m in members:
            share = pop[m] / total if total else 1 / len(members)
            exp[(m, u["role"])]["uncovered_hours"] += u["hours"] * share
    for a in rota["assignments"]:
        s, h = staff[a["staff"]], a["paid_hours"]
        exp[(a["neighbourhood"], a["role"])]["worked_hours"] += h
        if a["neighbourhood"] != s["neighbourhood"]:
            exp[(s["neighbourhood"], s["role"])]["worked_outside_home_hours"] += h
            exp[(a["neighbourhood"], a["role"])]["covered_from_outside_hours"] += h
        if a["role"] != s["role"]:
            exp[(a["neighbourhood"], a["role"])]["substitution_hours"] += h
    return exp


def num_row(r, cols):
    return {k: float(r[k]) for k in cols}


def check_sums(detail, totals, key, cols, label):
    """Totals rows equal the sums of their detail rows."""
    sums = defaultdict(lambda: defaultdict(float))
    for r in detail:
        for k in cols:
            sums[r[key]][k] += float(r[k])
    for t in totals:
        for k in cols:
            check(close(t[k], sums[t[key]][k], 0.002 * len(detail) + 0.01),
                  f"fte-gap.csv {label} {t[key]} {k}: {t[k]} vs sum "
                  f"{sums[t[key]][k]}")


def check_gap_csv(d, sc, rota):
    js = json.load(open(f"{d}/fte-gap.json", encoding="utf-8"))
    rows = read_csv(f"{d}/fte-gap.csv")
    cols = PLAN_COLS + (ROTA_COLS if rota else []) + IDLE_COLS
    check(rows[0] == ["level", "neighbourhood", "role"] + cols,
          f"fte-gap.csv header {rows[0]}")
    recs = [{k: text("fte-gap.csv", v, k in cols) for k, v in zip(rows[0], r)}
            for r in rows[1:]]
    by_level = defaultdict(list)
    for r in recs:
        by_level[r["level"]].append(r)
    detail = by_level["neighbourhood"]
    check(len(detail) == len(js["rows"]), "fte-gap.csv row count")
    for r, j in zip(detail, js["rows"]):
        check((r["neighbourhood"], r["role"]) == (j["neighbourhood"],
                                                  j["role"]),
              f"fte-gap.csv row order {r['neighbourhood']} {r['role']}")
        for k in cols:
            check(close(r[k], j[k], 0.0011),
                  f"fte-gap.csv {r['neighbourhood']} {r['role']} {k}: "
                  f"{r[k]} vs json {j[k]}")
    check_sums(detail, by_level["neighbourhood_total"], "neighbourhood", cols,
               "neighbourhood_total")
    check_sums(detail, by_level["role_total"], "role", cols, "role_total")
    for r in detail:
        r["all"] = ""
    by_level["total"][0]["all"] = ""
    check_sums(detail, by_level["total"], "all", cols, "total")
    for j in js["by_neighbourhood"]:
        t = [r for r in by_level["neighbourhood_total"]
             if r["neighbourhood"] == j["neighbourhood"]][0]
        for k in cols:
            check(close(t[k], j[k], 0.0011), f"by_neighbourhood {k}")
    if rota:
        check_gap_against_rota(sc, rota, js, detail)
    return js


def check_gap_against_rota(sc, rota, js, detail):
    tot = js["total"]
    check(close(tot["uncovered_hours"], rota["uncovered_hours"], 0.002),
          f"total uncovered {tot['uncovered_hours']} vs rota.json "
          f"{rota['uncovered_hours']}")
    check(close(tot["uncovered_hours"],
                sum(u["hours"] for u in rota["uncovered"]),
                0.001 * len(rota["uncovered"]) + 0.002),
          "total uncovered vs rota.json uncovered ranges")
    per_service = defaultdict(float)
    for u in rota["uncovered"]:
        per_service[u["service"]] += u["hours"]
    for s in js["by_service"]:
        check(close(s["uncovered_hours"], per_service[s["service"]],
                    0.001 * len(rota["uncovered"]) + 0.002),
              f"by_service {s['service']} uncovered")
    exp = expected_rota_columns(sc, rota)
    plan = sc.get("planning", {})
    weeks = rota["horizon"]["days"] / 7
    per_fte = (1 + plan.get("uplift_pct", 0) / 100) / plan.get(
        "hours_per_fte_week",
        sc.get("rules", {}).get("hours_per_fte_week", 37.5))
    tol = 0.001 * len(rota["uncovered"]) + 0.01
    for r in detail:
        e = exp[(r["neighbourhood"], r["role"])]
        for k in ("uncovered_hours", "worked_hours",
                  "worked_outside_home_hours", "covered_from_outside_hours",
                  "substitution_hours"):
            check(close(r[k], e[k], tol), f"{r['neighbourhood']} {r['role']} "
                  f"{k}: {r[k]} vs from rota.json {e[k]:.3f}")
        check(close(r["uncovered_fte"],
                    float(r["uncovered_hours"]) / weeks * per_fte, 0.002),
              f"{r['neighbourhood']} {r['role']} uncovered_fte")
        check(close(r["demand_hours"],
                    float(r["demand_hours_per_week"]) * weeks, 0.01),
              f"{r['neighbourhood']} {r['role']} demand_hours vs per week")
        check(close(float(r["demand_hours"]) - float(r["uncovered_hours"]),
                    r["covered_hours"], 0.002), "covered = demand - uncovered")


def table_rows(stdout, label_cols=2):
    """Rows of the summary table: label columns and numbers."""
    out = []
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) > label_cols and all(
                re.match(r"^-?\d+(\.\d+)?$", p) for p in parts[label_cols:]):
            out.append((parts[:label_cols], [float(p) for p in
                                             parts[label_cols:]]))
    return out


def check_stdout(path, js, rota):
    text = open(path, encoding="utf-8").read()
    lines = text.splitlines()
    for line in lines:
        check(len(line) <= 100, f"{path}: line over 100 columns: {line!r}")
    rule = [l for l in lines if l and set(l) == {"-"}]
    check(rule, f"{path}: no table rule")
    rows = table_rows(text)
    want = len(js["by_neighbourhood"]) + len(js["by_role"]) + 1
    check(len(rows) == want, f"{path}: {len(rows)} table rows, want {want}")
    width = len(rule[0]) if rule else 0
    for line in lines:
        if table_rows(line):
            check(len(line) == width, f"{path}: row not aligned: {line!r}")
    keys = (["demand_hours", "covered_hours", "uncovered_hours", None,
             "uncovered_fte", "gap_fte"] if rota else PLAN_COLS)
    objs = {("all" if "role" in j else j["neighbourhood"],
             j.get("role", "all")): j
            for j in js["by_neighbourhood"] + js["by_role"]}
    objs[("all", "all")] = js["total"]
    for (label, nums) in rows:
        j = objs.get(tuple(label))
        if not check(j is not None, f"{path}: unknown row {label}"):
            continue
        for k, v in zip(keys, nums):
            if k is None:   # covered %
                want_v = (100 * j["covered_hours"] / j["demand_hours"]
                          if j["demand_hours"] else 100)
                check(close(v, want_v, 0.051), f"{path}: {label} covered %")
            else:
                check(close(v, j[k], 0.0051 if k.endswith("fte") else 0.051),
                      f"{path}: {label} {k}: {v} vs {j[k]}")


def main():
    out, scenario, name = sys.argv[1:4]
    sc = json.load(open(scenario, encoding="utf-8"))
    d = f"{out}/{name}"
    rota = json.load(open(f"{d}/rota.json", encoding="utf-8"))
    check_rota_csv(d, sc, rota)
    check_uncovered_csv(d, rota)
    js = check_gap_csv(d, sc, rota)
    check_stdout(f"{out}/{name}.stdout", js, rota)
    pjs = check_gap_csv(f"{d}-plan", sc, None)
    check_stdout(f"{out}/{name}-plan.stdout", pjs, None)
    for f in failures[:40]:
        print("FAIL", f)
    print(f"{name}: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
