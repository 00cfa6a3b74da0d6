"""Self-test of tests/tools/check_nrp.py (stdlib unittest only).

Run from tests/tools:
    /usr/bin/python3 -m unittest -q test_check_nrp

The instances and rotas below are written by hand, with the objective worked
out on paper. A valid rota must pass with no violation; each mutated copy
breaks exactly one hard rule and must fail with exactly that rule's tag.

If the Curtois & Qu instances are found (ROTA7_NRP_DIR, or
../shared/benchmarks/curtois-qu next to the repository), all 24 are parsed
and their sizes compared with BEST_KNOWN.tsv.  With ROTA7_NRP_CBC=1 and cbc
installed, Instance1-3 are also solved to optimality by CBC on a model
written here (independent of rota7 and of the checker) and the checker must
find no broken rule and the best known objective (607, 828, 1001); this
takes about 7 minutes on 2 cores (it passed when written).
"""

import csv
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.normpath(os.path.join(HERE, "..", ".."))
_spec = importlib.util.spec_from_file_location("check_nrp", os.path.join(HERE, "check_nrp.py"))
cn = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cn)


# ------------------------------------------------------------------- TINY
#
# Two weeks from a Monday: Saturdays are days 5 and 12, Sundays 6 and 13.
# E (480 min) may be followed by anything; E cannot follow L (600 min).
# A: at most 3 L, 2400-4800 min, runs of work 2-5 days, days off >= 2,
#    at most 1 weekend, day 6 off.
# B: never L, 2400-4800 min, runs of work 3-4 days, days off >= 2,
#    at most 2 weekends, days 0 and 13 off.

TINY = """\
# This is a comment. Comments start with #
SECTION_HORIZON
# All instances start on a Monday
# The horizon length in days:
14

SECTION_SHIFTS
# ShiftID, Length in mins, Shifts which cannot follow this shift | separated
E,480,
L,600,E

SECTION_STAFF
# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends
A,E=10|L=3,4800,2400,5,2,2,1
B,E=10|L=0,4800,2400,4,3,2,2

SECTION_DAYS_OFF
# EmployeeID, DayIndexes (start at zero)
A,6
B,0,13

SECTION_SHIFT_ON_REQUESTS
# EmployeeID, Day, ShiftID, Weight
A,0,E,2
A,3,L,3
A,5,E,1
B,8,L,2
B,9,E,3

SECTION_SHIFT_OFF_REQUESTS
# EmployeeID, Day, ShiftID, Weight
A,1,E,1
B,2,E,3
A,9,L,2

SECTION_COVER
# Day, ShiftID, Requirement, Weight for under, Weight for over
0,E,1,100,1
1,E,3,100,1
2,L,0,100,5
7,E,1,10,2
10,L,1,7,1
"""

#          day 0    1    2    3    4     5     6     7    8    9    10   11    12    13
VALID = {"A": ["E", "E", "L", "L", None, None, None, "E", "E", "E", "E", None, None, None],
         "B": [None, "E", "E", "E", None, None, "E", "E", "E", "E", None, None, None, None]}
# A: 6 E + 2 L = 4080 min; runs 0-3 (start border), off 4-6, 7-10, off 11-13.
# B: 7 E = 3360 min; off 0, 1-3, off 4-5, 6-9, off 10-13; one weekend (Sun 6).
# on requests:  A,5,E (off) 1 + B,8,L (E worked) 2                   =   3
# off requests: A,1,E 1 + B,2,E 3 (A,9,L: E worked, no penalty)       =   4
# cover: day 1 E 2 of 3 -> 100; day 2 L 1 of 0 -> 5; day 7 E 2 of 1 -> 2;
#        day 10 L 0 of 1 -> 7                                         = 114
VALID_OBJECTIVE = 121


# ------------------------------------------------------------------ BORDER
#
# One week, one shift D, staff Z: runs of work and of days off at least 3
# long except at either end of the week, up to 7 days in a row, 1 weekend.

BORDER = """\
SECTION_HORIZON
7
SECTION_SHIFTS
D,480,
SECTION_STAFF
Z,D=7,10000,0,7,3,3,1
SECTION_DAYS_OFF
SECTION_SHIFT_ON_REQUESTS
SECTION_SHIFT_OFF_REQUESTS
SECTION_COVER
"""


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def solution_text(inst, sol):
    return "".join(s + "\t" + "\t".join(x or "" for x in sol[s]) + "\n"
                   for s in inst.staff_ids())


class Base(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = self._tmp.name
        self.inst = self.load(TINY)

    def tearDown(self):
        self._tmp.cleanup()

    def load(self, text, name="inst.txt"):
        return cn.parse_instance(write(self.tmp, name, text))

    def sol(self, **rows):
        s = {k: list(v) for k, v in VALID.items()}
        for k, v in rows.items():
            s[k] = list(v)
        return s

    def rules(self, inst, sol):
        obj, viol = cn.check(inst, sol)
        return obj, sorted({v.rule for v in viol}), viol

    def assertOnly(self, rule, sol, inst=None, staff=None, days=None):
        obj, rules, viol = self.rules(inst or self.inst, sol)
        self.assertEqual(rules, [rule], [cn.format_violation(v) for v in viol])
        if staff is not None:
            self.assertEqual({v.staff for v in viol}, {staff})
        if days is not None:
            self.assertEqual([v.days for v in viol], [days])
        return obj


class ParseTest(Base):
    def test_fields(self):
        i = self.inst
        self.assertEqual(i.horizon, 14)
        self.assertEqual(list(i.shifts), ["E", "L"])
        self.assertEqual(i.shifts["L"].minutes, 600)
        self.assertEqual(i.shifts["L"].cannot_follow, {"E"})
        self.assertEqual(i.shifts["E"].cannot_follow, set())
        a, b = i.staff
        # Max before min in the file.
        self.assertEqual((a.max_minutes, a.min_minutes), (4800, 2400))
        self.assertEqual((a.max_consecutive, a.min_consecutive, a.min_days_off,
                          a.max_weekends), (5, 2, 2, 1))
        self.assertEqual(b.max_shifts, {"E": 10, "L": 0})
        self.assertEqual(i.days_off, {"A": {6}, "B": {0, 13}})
        self.assertEqual(len(i.on_requests), 5)
        self.assertEqual(i.off_requests[1], cn.Request("B", 2, "E", 3))
        self.assertEqual(i.cover[2], cn.Cover(2, "L", 0, 100, 5))

    def test_crlf_instance(self):
        i = self.load(TINY.replace("\n", "\r\n"), "crlf.txt")
        self.assertEqual(i.shifts["L"].cannot_follow, {"E"})
        self.assertEqual(cn.check(i, self.sol()), (VALID_OBJECTIVE, []))

    def test_several_cannot_follow(self):
        i = self.load(TINY.replace("E,480,\n", "E,480,E|L\n"), "f.txt")
        self.assertEqual(i.shifts["E"].cannot_follow, {"E", "L"})

    def test_bad_instances(self):
        for bad in (TINY.replace("L,600,E", "L,600,X"),       # unknown shift
                    TINY.replace("A,6\n", "A,14\n"),           # day outside
                    TINY.replace("B,9,E,3", "B,9,Q,3"),        # unknown shift
                    TINY.replace("E=10|L=3", "E=10|X=3"),      # unknown shift
                    TINY.replace("A,E=10|L=3,4800", "A,E=10|L=3"),  # fields
                    TINY.replace("B,E=10", "A,E=10"),          # repeated ID
                    TINY.replace("SECTION_COVER", "SECTION_NOPE")):
            with self.assertRaises(cn.FormatError):
                self.load(bad, "bad.txt")


class SolutionFileTest(Base):
    def test_round_trip(self):
        p = write(self.tmp, "s.txt", solution_text(self.inst, VALID))
        self.assertEqual(cn.read_solution(p, self.inst), VALID)

    def test_no_final_newline(self):
        p = write(self.tmp, "s.txt", solution_text(self.inst, VALID).rstrip("\n"))
        self.assertEqual(cn.read_solution(p, self.inst), VALID)

    def test_bad_shapes(self):
        good = solution_text(self.inst, VALID)
        lines = good.splitlines(True)
        for bad in ("".join(reversed(lines)),                 # order
                    lines[0],                                  # staff missing
                    good + lines[1],                           # extra line
                    good.replace("\t\t\t\n", "\n", 1),         # trailing days cut
                    good.replace("\n", "\r\n"),                # CRLF
                    good.replace("A\t", "X\t")):               # unknown staff
            p = write(self.tmp, "s.txt", bad)
            with self.assertRaises(cn.FormatError):
                cn.read_solution(p, self.inst)

    def test_roster_from_assignments(self):
        triples = [(s, d, t) for s, row in VALID.items() for d, t in enumerate(row) if t]
        self.assertEqual(cn.roster_from_assignments(self.inst, triples), VALID)
        r = cn.roster_from_assignments(self.inst, triples + [("A", 10, "L")])
        self.assertEqual(r["A"][10], ("E", "L"))


class RulesTest(Base):
    def test_valid(self):
        obj, viol = cn.check(self.inst, self.sol())
        self.assertEqual(viol, [])
        self.assertEqual(obj, VALID_OBJECTIVE)
        self.assertEqual(dict(cn.breakdown(self.inst, self.sol())),
                         {"shift_on_requests": 3, "shift_off_requests": 4,
                          "cover_under": 107, "cover_over": 7})

    def test_max_shifts(self):
        # A: L on days 0-3 is 4 L, one more than 3.
        self.assertOnly("max_shifts", self.sol(A=["L", "L", "L", "L"] + VALID["A"][4:]),
                        staff="A", days=[0, 1, 2, 3])
        # B may never work L (MaxShifts 0), even once.
        self.assertOnly("max_shifts", self.sol(B=VALID["B"][:3] + ["L"] + VALID["B"][4:]),
                        staff="B", days=[3])
        # Exactly at the cap is fine: A with 3 L.
        obj, viol = cn.check(self.inst, self.sol(A=["E", "L", "L", "L"] + VALID["A"][4:]))
        self.assertEqual(viol, [])

    def test_total_minutes(self):
        # A works 4080 minutes.
        for lo, hi, rule in ((4080, 4800, None), (4081, 4800, "min_total_minutes"),
                             (2400, 4080, None), (2400, 4079, "max_total_minutes")):
            inst = self.load(TINY.replace("A,E=10|L=3,4800,2400",
                                          f"A,E=10|L=3,{hi},{lo}"), "m.txt")
            if rule:
                self.assertOnly(rule, self.sol(), inst, staff="A", days=[])
            else:
                self.assertEqual(cn.check(inst, self.sol())[1], [])

    def test_max_consecutive(self):
        # B works days 6-10: 5 > 4 in a row.
        self.assertOnly("max_consecutive_shifts",
                        self.sol(B=VALID["B"][:10] + ["E", None, None, None]),
                        staff="B", days=[6, 7, 8, 9, 10])
        # A works days 0-4: exactly 5 is fine; and the limit also holds for
        # a run touching the start of the horizon (A works 0-5: 6).
        self.assertEqual(cn.check(self.inst, self.sol(A=VALID["A"][:4] + ["L"] + VALID["A"][5:]))[1], [])
        inst = self.load(TINY.replace("A,E=10|L=3,4800,2400,5", "A,E=10|L=3,4800,2400,3"), "c.txt")
        obj, viol = cn.check(inst, self.sol())
        self.assertEqual([(v.staff, v.rule, v.days) for v in viol],
                         [("A", "max_consecutive_shifts", [0, 1, 2, 3]),
                          ("A", "max_consecutive_shifts", [7, 8, 9, 10])])

    def test_min_consecutive(self):
        # B works days 1-2 only: 2 < 3, not at a border.
        self.assertOnly("min_consecutive_shifts",
                        self.sol(B=[None, "E", "E", None] + VALID["B"][4:]),
                        staff="B", days=[1, 2])

    def test_min_days_off(self):
        # B works day 4: the days off between its runs shrink to day 5 alone.
        self.assertOnly("min_consecutive_days_off",
                        self.sol(B=VALID["B"][:4] + ["E"] + VALID["B"][5:]),
                        staff="B", days=[5])

    def test_last_day_exempt(self):
        # A works day 13 alone: a 1-day run, but it touches the last day; it
        # is A's one weekend; 4560 minutes.
        s = self.sol(A=VALID["A"][:13] + ["E"])
        self.assertEqual(cn.check(self.inst, s)[1], [])

    def test_border_week(self):
        inst = self.load(BORDER, "border.txt")
        ok = ["D...DDD", "DD....D", ".DDDDD.", ".......", "DDDDDDD", "D.....D",
              "...DDD.", "DDD...D", ".DDD..."]
        for r in ok:
            s = {"Z": [("D" if c == "D" else None) for c in r]}
            self.assertEqual(cn.check(inst, s)[1], [], r)
        bad = {".D...DD": ("min_consecutive_shifts", [1]),
               "D.DDD..": ("min_consecutive_days_off", [1]),
               "DDD.DDD": ("min_consecutive_days_off", [3]),
               "...D...": ("min_consecutive_shifts", [3]),
               "..DD...": ("min_consecutive_shifts", [2, 3])}
        for r, (rule, days) in bad.items():
            s = {"Z": [("D" if c == "D" else None) for c in r]}
            self.assertOnly(rule, s, inst, staff="Z", days=days)

    def test_max_weekends(self):
        # B works Sunday 6 only: that is one weekend.
        inst = self.load(TINY.replace("4800,2400,4,3,2,2", "4800,2400,4,3,2,0"), "w.txt")
        self.assertOnly("max_weekends", self.sol(), inst, staff="B", days=[6])
        # A Saturday alone counts too; both days of one weekend count once.
        inst = self.load(BORDER.replace("3,3,1", "1,1,0"), "w2.txt")
        self.assertOnly("max_weekends", {"Z": [None] * 5 + ["D", None]}, inst, days=[5])
        inst = self.load(BORDER.replace("3,3,1", "1,1,0").replace("\n7\n", "\n14\n"), "w3.txt")
        self.assertOnly("max_weekends",
                        {"Z": [None] * 5 + ["D", "D"] + [None] * 5 + ["D", None]},
                        inst, days=[5, 6, 12])
        inst = self.load(BORDER.replace("3,3,1", "1,1,1").replace("\n7\n", "\n14\n"), "w4.txt")
        self.assertOnly("max_weekends",
                        {"Z": [None] * 6 + ["D"] + [None] * 5 + ["D", None]},
                        inst, days=[6, 12])
        self.assertEqual(cn.check(inst, {"Z": [None] * 5 + ["D", "D"] + [None] * 7})[1], [])

    def test_day_off(self):
        # B works day 13 (a day off; the run touches the last day, it is B's
        # second weekend, 3840 minutes).
        self.assertOnly("day_off", self.sol(B=VALID["B"][:13] + ["E"]), staff="B", days=[13])

    def test_forbidden_succession(self):
        # A: L on day 3 then E on day 4.
        self.assertOnly("forbidden_succession",
                        self.sol(A=VALID["A"][:3] + ["L", "E"] + VALID["A"][5:]),
                        staff="A", days=[3, 4])
        # The other way round (E then L, days 1-2 of VALID) is allowed: see
        # test_valid.  With "E cannot be followed by L" it is not:
        inst = self.load(TINY.replace("E,480,\n", "E,480,L\n").replace("L,600,E", "L,600,"), "f.txt")
        self.assertOnly("forbidden_succession", self.sol(), inst, staff="A", days=[1, 2])

    def test_one_shift_per_day(self):
        s = self.sol()
        s["A"][10] = ("E", "L")
        obj = self.assertOnly("one_shift_per_day", s, staff="A", days=[10])
        # Cover day 10 L is now met (-7), A's second shift on day 10 counted.
        self.assertEqual(obj, VALID_OBJECTIVE - 7)

    def test_unknown_shift(self):
        s = self.sol()
        s["A"][7] = "X"
        self.assertOnly("unknown_shift", s, staff="A", days=[7])


class ObjectiveTest(Base):
    def test_all_off(self):
        i = self.inst
        s = {k: [None] * 14 for k in VALID}
        obj, viol = cn.check(i, s)
        self.assertEqual(sorted({v.rule for v in viol}), ["min_total_minutes"])
        # all on requests (2+3+1+2+3), no off request, cover: 100 + 300 + 0
        # + 10 + 7.
        self.assertEqual(obj, 11 + 417)

    def test_on_request_other_shift(self):
        # A,3,L wanted: working E instead is as bad as a day off (+3).  A
        # works E on days 0-3 (E cannot follow L on day 2): cover day 2 L is
        # no longer over (-5).
        s = self.sol(A=["E"] * 4 + VALID["A"][4:])
        obj, viol = cn.check(self.inst, s)
        self.assertEqual(viol, [])
        self.assertEqual(obj, VALID_OBJECTIVE + 3 - 5)

    def test_off_request_and_cover(self):
        # A: E on day 2 (keeps A at 3 L), L on days 9 and 10 (E on day 10
        # after L on day 9 would be forbidden); 4200 minutes.
        s = self.sol(A=["E", "E", "E", "L", None, None, None, "E", "E", "L", "L",
                        None, None, None])
        obj, viol = cn.check(self.inst, s)
        self.assertEqual(viol, [])
        # cover day 2 L: 0 of 0 (-5); 10 L met (-7); off A,9,L (+2).
        self.assertEqual(obj, VALID_OBJECTIVE - 5 - 7 + 2)


class CliTest(Base):
    def run_cli(self, sol, *extra):
        ip = write(self.tmp, "i.txt", TINY)
        sp = write(self.tmp, "s.txt", solution_text(self.inst, sol))
        out = io.StringIO()
        with redirect_stdout(out):
            rc = cn.main([ip, sp, *extra])
        return rc, out.getvalue()

    def test_ok(self):
        self.assertEqual(self.run_cli(VALID), (0, f"objective {VALID_OBJECTIVE}\n"))
        self.assertEqual(self.run_cli(VALID, "--objective", str(VALID_OBJECTIVE))[0], 0)

    def test_objective_mismatch(self):
        rc, out = self.run_cli(VALID, "--objective", str(VALID_OBJECTIVE - 1))
        self.assertEqual(rc, 1)
        self.assertIn("objective mismatch", out)

    def test_broken(self):
        rc, out = self.run_cli(self.sol(B=VALID["B"][:13] + ["E"]))
        self.assertEqual(rc, 1)
        self.assertIn("staff B: day_off: day 13", out)

    def test_script(self):
        ip = write(self.tmp, "i.txt", TINY)
        sp = write(self.tmp, "s.txt", solution_text(self.inst, VALID))
        p = subprocess.run([sys.executable, os.path.join(HERE, "check_nrp.py"), ip, sp],
                           capture_output=True, text=True)
        self.assertEqual((p.returncode, p.stdout), (0, f"objective {VALID_OBJECTIVE}\n"))


# ------------------------------------------------------- benchmark instances

def nrp_dir():
    d = os.environ.get("ROTA7_NRP_DIR") or os.path.join(SRC, "..", "shared", "benchmarks",
                                                         "curtois-qu")
    return d if os.path.exists(os.path.join(d, "BEST_KNOWN.tsv")) else None


@unittest.skipUnless(nrp_dir(), "Curtois & Qu instances not found")
class BenchmarkInstancesTest(unittest.TestCase):
    def test_sizes(self):
        d = nrp_dir()
        with open(os.path.join(d, "BEST_KNOWN.tsv"), encoding="utf-8") as f:
            rows = {r["instance"]: r for r in csv.DictReader(f, delimiter="\t")}
        self.assertEqual(len(rows), 24)
        for name, r in rows.items():
            inst = cn.parse_instance(os.path.join(d, name + ".txt"))
            self.assertEqual((inst.horizon, len(inst.staff), len(inst.shifts)),
                             (int(r["days"]), int(r["staff"]), int(r["shift_types"])), name)
            self.assertEqual(len(inst.cover), inst.horizon * len(inst.shifts), name)


def write_lp(inst, path):
    """An integer program of the instance, written here for this test only:
    x_s_d_t binary, k_s_w weekend worked, u/o cover slacks."""
    H = inst.horizon
    S = inst.shifts
    x = {}
    for st in inst.staff:
        for d in range(H):
            for t in S:
                if d in inst.days_off.get(st.id, ()) or st.max_shifts.get(t, 1) == 0:
                    continue
                x[st.id, d, t] = f"x_{st.id}_{d}_{t}"
    obj = []
    const = 0
    rows = []
    for r in inst.on_requests:
        const += r.weight
        if (r.staff, r.day, r.shift) in x:
            obj.append(f"- {r.weight} {x[r.staff, r.day, r.shift]}")
    for r in inst.off_requests:
        if (r.staff, r.day, r.shift) in x:
            obj.append(f"+ {r.weight} {x[r.staff, r.day, r.shift]}")
    conts = []
    for i, c in enumerate(inst.cover):
        u, o = f"u_{i}", f"o_{i}"
        conts += [u, o]
        obj += [f"+ {c.under} {u}", f"+ {c.over} {o}"]
        terms = " ".join(f"+ {v}" for (s, d, t), v in x.items() if d == c.day and t == c.shift)
        rows.append(f"{terms} + {u} - {o} = {c.requirement}" if terms
                    else f"{u} - {o} = {c.requirement}")
    ks = []
    for st in inst.staff:
        s = st.id

        def w(d):
            return [x[s, d, t] for t in S if (s, d, t) in x]
        for d in range(H):
            if len(w(d)) > 1:
                rows.append(" + ".join(w(d)) + " <= 1")
        for t, cap in st.max_shifts.items():
            v = [x[s, d, t] for d in range(H) if (s, d, t) in x]
            if v and cap < len(v):
                rows.append(" + ".join(v) + f" <= {cap}")
        allv = " ".join(f"+ {S[t].minutes} {x[s, d, t]}" for d in range(H) for t in S
                        if (s, d, t) in x)
        rows.append(f"{allv} >= {st.min_minutes}")
        rows.append(f"{allv} <= {st.max_minutes}")
        for a in range(H - st.max_consecutive):
            v = [y for d in range(a, a + st.max_consecutive + 1) for y in w(d)]
            if len(v) > st.max_consecutive:
                rows.append(" + ".join(v) + f" <= {st.max_consecutive}")

        def lin(d, sign):
            return " ".join(f"{sign} {y}" for y in w(d))
        # A run of work (or rest) on days a..a+L-1, with rest (work) on a-1
        # and a+L, is forbidden for L below the minimum.
        for mn, inner, outer in ((st.min_consecutive, "work", "rest"),
                                 (st.min_days_off, "rest", "work")):
            for L in range(1, mn):
                for a in range(1, H - L):
                    # sum of indicator(day is `inner`) over the run + indicator
                    # (neighbours are `outer`) <= L + 1
                    expr, rhs = [], L + 1
                    for d in range(a, a + L):
                        if inner == "work":
                            expr.append(lin(d, "+"))
                        else:
                            expr.append(lin(d, "-"))
                            rhs -= 1
                    for d in (a - 1, a + L):
                        if outer == "rest":
                            expr.append(lin(d, "-"))
                            rhs -= 1
                        else:
                            expr.append(lin(d, "+"))
                    e = " ".join(p for p in expr if p)
                    if e:
                        rows.append(f"{e} <= {rhs}")
        wk = []
        for n, sat in enumerate(range(5, H, 7)):
            k = f"k_{s}_{n}"
            wk.append(k)
            ks.append(k)
            for d in (sat, sat + 1):
                for y in (w(d) if d < H else []):
                    rows.append(f"{y} - {k} <= 0")
        if wk:
            rows.append(" + ".join(wk) + f" <= {st.max_weekends}")
        for d in range(H - 1):
            for a in S:
                for b in S[a].cannot_follow:
                    if (s, d, a) in x and (s, d + 1, b) in x:
                        rows.append(f"{x[s, d, a]} + {x[s, d + 1, b]} <= 1")
    with open(path, "w") as f:
        f.write("Minimize\n obj: " + " ".join(obj) + "\nSubject To\n")
        for i, r in enumerate(rows):
            f.write(f" c{i}: {r}\n")
        f.write("Bounds\n")
        for v in list(x.values()) + ks:
            f.write(f" 0 <= {v} <= 1\n")
        f.write("Generals\n")
        for v in list(x.values()) + ks:
            f.write(f" {v}\n")
        f.write("End\n")
    return x, const


@unittest.skipUnless(nrp_dir() and os.environ.get("ROTA7_NRP_CBC") == "1"
                     and shutil.which("cbc"), "set ROTA7_NRP_CBC=1 (needs cbc)")
class IndependentOptimumTest(unittest.TestCase):
    BEST = {1: 607, 2: 828, 3: 1001}

    def test_optimum_is_best_known(self):
        for k, best in self.BEST.items():
            inst = cn.parse_instance(os.path.join(nrp_dir(), f"Instance{k}.txt"))
            with tempfile.TemporaryDirectory() as tmp:
                lp, so = os.path.join(tmp, "m.lp"), os.path.join(tmp, "m.sol")
                x, const = write_lp(inst, lp)
                subprocess.run(["cbc", lp, "-sec", "300", "-solve", "-solu", so],
                               check=True, capture_output=True, timeout=420)
                with open(so) as f:
                    status = f.readline()
                    self.assertTrue(status.startswith("Optimal"), status)
                    names = {v: key for key, v in x.items()}
                    on = []
                    for line in f:
                        p = line.split()
                        if len(p) >= 3 and p[1] in names and float(p[2]) > 0.5:
                            on.append(names[p[1]])
                cbc_obj = float(re.search(r"objective value\s+([-\d.e+]+)", status).group(1))
            obj, viol = cn.check(inst, cn.roster_from_assignments(inst, on))
            self.assertEqual(viol, [], f"Instance{k}")
            self.assertEqual(obj, best, f"Instance{k}")
            self.assertAlmostEqual(cbc_obj + const, best, places=3)


if __name__ == "__main__":
    unittest.main()
