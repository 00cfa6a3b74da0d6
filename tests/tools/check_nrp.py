#!/usr/bin/python3
"""Independent checker for Curtois & Qu shift-scheduling rotas (stdlib only).

usage: check_nrp.py INSTANCE SOLUTION [--objective N] [-v]

INSTANCE is a benchmark instance in the text format of Curtois & Qu
(schedulingbenchmarks.org, "instances1_24"). SOLUTION is rota7 nrp's
solution.txt: one line per employee, in instance order,
    ID<TAB>s0<TAB>s1 ... <TAB>s(H-1)
with the ID of the shift worked on each day or an empty field for a day off.

Prints "objective N" and exits 0 when every hard rule holds (and, with
--objective, when N equals the recomputed objective); otherwise prints each
broken rule (staff, rule, days) and exits 1.  -v also prints the objective
broken down by term on stderr.

Shares no code with rota7: the instance format is parsed here again.

Semantics (those of the benchmark):
  hard  one shift per staff per day at most
        MaxShifts[t]: shifts of type t worked at most that often (0 = never;
          a type missing from the list is not limited)
        MinTotalMinutes <= minutes worked <= MaxTotalMinutes
        at most MaxConsecutiveShifts working days in a row
        every run of working days at least MinConsecutiveShifts long, and
          every run of days off at least MinConsecutiveDaysOff long, except
          runs that touch the first or the last day of the horizon
        at most MaxWeekends weekends worked (a weekend is worked when a shift
          is on its Saturday or its Sunday; day 0 is a Monday)
        no shift on a day in SECTION_DAYS_OFF
        shift A on day d then B on day d+1 is forbidden when B is in A's
          third SECTION_SHIFTS field ("Shifts which cannot follow this shift")
  soft  shift-on request (staff, day, shift, w): +w unless that shift is
          worked that day
        shift-off request (staff, day, shift, w): +w if that shift is worked
          that day
        cover (day, shift, req, under, over): under * max(0, req - n)
          + over * max(0, n - req), n = staff on that shift that day

As a module: parse_instance(path), read_solution(path, inst),
check(inst, sol) -> (objective, [Violation]).  A solution is a dict
staff ID -> list of H entries, each None (day off), a shift ID, or a tuple
of shift IDs (several shifts that day: a broken rule, but representable so
that rosters mapped back from a MIP solver can be checked).
"""

import argparse
import collections
import sys

SECTIONS = ("SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF",
            "SECTION_DAYS_OFF", "SECTION_SHIFT_ON_REQUESTS",
            "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER")

Shift = collections.namedtuple("Shift", "id minutes cannot_follow")
Staff = collections.namedtuple(
    "Staff", "id max_shifts max_minutes min_minutes max_consecutive "
             "min_consecutive min_days_off max_weekends")
Request = collections.namedtuple("Request", "staff day shift weight")
Cover = collections.namedtuple("Cover", "day shift requirement under over")
Violation = collections.namedtuple("Violation", "staff rule days detail")


class Instance:
    """horizon (int), shifts (dict id -> Shift, file order), staff (list of
    Staff, file order), days_off (dict staff -> set of days), on_requests,
    off_requests (lists of Request), cover (list of Cover)."""

    def __init__(self):
        self.horizon = None
        self.shifts = {}
        self.staff = []
        self.days_off = {}
        self.on_requests = []
        self.off_requests = []
        self.cover = []

    def staff_ids(self):
        return [s.id for s in self.staff]


class FormatError(ValueError):
    pass


def _int(text, where):
    try:
        return int(text.strip())
    except ValueError:
        raise FormatError(f"{where}: not an integer: {text!r}") from None


def parse_instance(path):
    """Read an instance file; raise FormatError on anything unexpected."""
    inst = Instance()
    rows = collections.defaultdict(list)
    section = None
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("SECTION_"):
                if line not in SECTIONS:
                    raise FormatError(f"{path}:{no}: unknown section {line}")
                if line in rows:
                    raise FormatError(f"{path}:{no}: {line} given twice")
                section = line
                rows[section] = []
                continue
            if section is None:
                raise FormatError(f"{path}:{no}: data before any section")
            rows[section].append((f"{path}:{no}", [x.strip() for x in line.split(",")]))

    hz = rows["SECTION_HORIZON"]
    if len(hz) != 1 or len(hz[0][1]) != 1:
        raise FormatError(f"{path}: SECTION_HORIZON must hold one number")
    inst.horizon = _int(hz[0][1][0], hz[0][0])
    if inst.horizon < 1:
        raise FormatError(f"{hz[0][0]}: horizon must be positive")
    H = inst.horizon

    for where, f in rows["SECTION_SHIFTS"]:
        if len(f) != 3:
            raise FormatError(f"{where}: shift line needs 3 fields, has {len(f)}")
        if not f[0] or f[0] in inst.shifts:
            raise FormatError(f"{where}: empty or repeated shift ID {f[0]!r}")
        follow = frozenset(x.strip() for x in f[2].split("|") if x.strip())
        inst.shifts[f[0]] = Shift(f[0], _int(f[1], where), follow)
    if not inst.shifts:
        raise FormatError(f"{path}: no shifts")
    for s in inst.shifts.values():
        for t in s.cannot_follow:
            if t not in inst.shifts:
                raise FormatError(f"{path}: shift {s.id}: unknown shift {t} "
                                  "in its cannot-follow list")

    seen = set()
    for where, f in rows["SECTION_STAFF"]:
        if len(f) != 8:
            raise FormatError(f"{where}: staff line needs 8 fields, has {len(f)}")
        if not f[0] or f[0] in seen:
            raise FormatError(f"{where}: empty or repeated staff ID {f[0]!r}")
        seen.add(f[0])
        maxs = {}
        for part in f[1].split("|"):
            part = part.strip()
            if not part:
                continue
            sid, eq, n = part.partition("=")
            if not eq or sid not in inst.shifts or sid in maxs:
                raise FormatError(f"{where}: bad MaxShifts entry {part!r}")
            maxs[sid] = _int(n, where)
        # Field order in the file: MaxTotalMinutes before MinTotalMinutes.
        inst.staff.append(Staff(f[0], maxs, _int(f[2], where), _int(f[3], where),
                                _int(f[4], where), _int(f[5], where),
                                _int(f[6], where), _int(f[7], where)))
    if not inst.staff:
        raise FormatError(f"{path}: no staff")

    for where, f in rows["SECTION_DAYS_OFF"]:
        if f[0] not in seen:
            raise FormatError(f"{where}: unknown staff {f[0]!r}")
        days = inst.days_off.setdefault(f[0], set())
        for x in f[1:]:
            if x == "":
                continue
            d = _int(x, where)
            if not 0 <= d < H:
                raise FormatError(f"{where}: day {d} outside the horizon")
            days.add(d)

    for key, out in (("SECTION_SHIFT_ON_REQUESTS", inst.on_requests),
                     ("SECTION_SHIFT_OFF_REQUESTS", inst.off_requests)):
        for where, f in rows[key]:
            if len(f) != 4:
                raise FormatError(f"{where}: request needs 4 fields, has {len(f)}")
            if f[0] not in seen or f[2] not in inst.shifts:
                raise FormatError(f"{where}: unknown staff or shift")
            d = _int(f[1], where)
            if not 0 <= d < H:
                raise FormatError(f"{where}: day {d} outside the horizon")
            out.append(Request(f[0], d, f[2], _int(f[3], where)))

    for where, f in rows["SECTION_COVER"]:
        if len(f) != 5:
            raise FormatError(f"{where}: cover line needs 5 fields, has {len(f)}")
        d = _int(f[0], where)
        if not 0 <= d < H or f[1] not in inst.shifts:
            raise FormatError(f"{where}: day outside the horizon or unknown shift")
        inst.cover.append(Cover(d, f[1], _int(f[2], where), _int(f[3], where),
                                _int(f[4], where)))
    return inst


def read_solution(path, inst):
    """Read solution.txt. Raises FormatError when the shape is wrong (staff
    missing, out of order, wrong number of days); unknown shift IDs are kept
    and reported by check()."""
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    problems = []
    sol = {}
    ids = inst.staff_ids()
    if len(lines) != len(ids):
        problems.append(f"{len(lines)} lines, expected one per staff ({len(ids)})")
    for i, line in enumerate(lines):
        if line.endswith("\r"):
            problems.append(f"line {i + 1}: CR at end of line")
            line = line[:-1]
        f = line.split("\t")
        want = ids[i] if i < len(ids) else None
        if f[0] != want:
            problems.append(f"line {i + 1}: staff {f[0]!r}, expected {want!r}")
        if len(f) != inst.horizon + 1:
            problems.append(f"line {i + 1} ({f[0]}): {len(f) - 1} day fields, "
                            f"expected {inst.horizon}")
        if f[0] in sol:
            problems.append(f"line {i + 1}: staff {f[0]!r} repeated")
        days = [x.strip() or None for x in f[1:inst.horizon + 1]]
        days += [None] * (inst.horizon - len(days))
        sol[f[0]] = days
    if problems:
        raise FormatError("; ".join(problems))
    return sol


def roster_from_assignments(inst, triples):
    """Build a solution from (staff, day, shift) triples, e.g. the x columns
    a MIP solver set to 1. Two shifts on one day become a tuple."""
    sol = {s: [None] * inst.horizon for s in inst.staff_ids()}
    for s, d, t in triples:
        if s not in sol or not 0 <= d < inst.horizon:
            raise FormatError(f"assignment outside the instance: {s} {d} {t}")
        cur = sol[s][d]
        if cur is None:
            sol[s][d] = t
        else:
            sol[s][d] = (cur if isinstance(cur, tuple) else (cur,)) + (t,)
    return sol


def _shifts_on(entry):
    if entry is None:
        return ()
    if isinstance(entry, (tuple, list)):
        return tuple(entry)
    return (entry,)


def _runs(flags):
    """(value, first day, last day) for each maximal run in a list of bools."""
    out = []
    start = 0
    for d in range(1, len(flags) + 1):
        if d == len(flags) or flags[d] != flags[start]:
            out.append((flags[start], start, d - 1))
            start = d
    return out


def _span(a, b):
    return [a] if a == b else list(range(a, b + 1))


def check(inst, sol):
    """Return (objective, [Violation]). The objective is computed even when
    hard rules are broken."""
    H = inst.horizon
    v = []
    for st in inst.staff:
        row = sol.get(st.id)
        if row is None:
            v.append(Violation(st.id, "missing_staff", [], "no line in the solution"))
            continue
        if len(row) != H:
            v.append(Violation(st.id, "wrong_length", [], f"{len(row)} days, expected {H}"))
            row = (list(row) + [None] * H)[:H]
        on = [_shifts_on(e) for e in row]
        for d, ts in enumerate(on):
            if len(ts) > 1:
                v.append(Violation(st.id, "one_shift_per_day", [d], "+".join(ts)))
            for t in ts:
                if t not in inst.shifts:
                    v.append(Violation(st.id, "unknown_shift", [d], repr(t)))
        known = [[t for t in ts if t in inst.shifts] for ts in on]
        # MaxShifts per type.
        for t, cap in st.max_shifts.items():
            days = [d for d in range(H) if t in known[d]]
            if len(days) > cap:
                v.append(Violation(st.id, "max_shifts", days,
                                   f"{len(days)} x {t} > {cap}"))
        # Total minutes.
        minutes = sum(inst.shifts[t].minutes for ts in known for t in ts)
        if minutes < st.min_minutes:
            v.append(Violation(st.id, "min_total_minutes", [],
                               f"{minutes} < {st.min_minutes}"))
        if minutes > st.max_minutes:
            v.append(Violation(st.id, "max_total_minutes", [],
                               f"{minutes} > {st.max_minutes}"))
        # Consecutive working days / days off.  A day with an unknown shift
        # counts as worked.
        work = [bool(ts) for ts in on]
        for val, a, b in _runs(work):
            n = b - a + 1
            border = a == 0 or b == H - 1
            if val and n > st.max_consecutive:
                v.append(Violation(st.id, "max_consecutive_shifts", _span(a, b),
                                   f"{n} > {st.max_consecutive}"))
            if val and not border and n < st.min_consecutive:
                v.append(Violation(st.id, "min_consecutive_shifts", _span(a, b),
                                   f"{n} < {st.min_consecutive}"))
            if not val and not border and n < st.min_days_off:
                v.append(Violation(st.id, "min_consecutive_days_off", _span(a, b),
                                   f"{n} < {st.min_days_off}"))
        # Weekends: Saturday 5 + 7k, Sunday 6 + 7k.
        worked = []
        for sat in range(5, H, 7):
            days = [d for d in (sat, sat + 1) if d < H and work[d]]
            if days:
                worked.append(days)
        if len(worked) > st.max_weekends:
            v.append(Violation(st.id, "max_weekends", [d for w in worked for d in w],
                               f"{len(worked)} > {st.max_weekends}"))
        # Days off.
        for d in sorted(inst.days_off.get(st.id, ())):
            if work[d]:
                v.append(Violation(st.id, "day_off", [d], "+".join(on[d])))
        # Forbidden successions.
        for d in range(H - 1):
            for a in known[d]:
                for b in known[d + 1]:
                    if b in inst.shifts[a].cannot_follow:
                        v.append(Violation(st.id, "forbidden_succession", [d, d + 1],
                                           f"{b} cannot follow {a}"))
    for s in sol:
        if s not in {st.id for st in inst.staff}:
            v.append(Violation(s, "unknown_staff", [], "not in the instance"))

    return sum(breakdown(inst, sol).values()), v


def breakdown(inst, sol):
    """The objective by term: dict term -> penalty."""

    def worked_shift(s, d, t):
        row = sol.get(s)
        return row is not None and d < len(row) and t in _shifts_on(row[d])

    br = collections.OrderedDict((k, 0) for k in
                                 ("shift_on_requests", "shift_off_requests",
                                  "cover_under", "cover_over"))
    for r in inst.on_requests:
        if not worked_shift(r.staff, r.day, r.shift):
            br["shift_on_requests"] += r.weight
    for r in inst.off_requests:
        if worked_shift(r.staff, r.day, r.shift):
            br["shift_off_requests"] += r.weight
    count = collections.Counter()
    for s, row in sol.items():
        for d, e in enumerate(row):
            for t in _shifts_on(e):
                count[d, t] += 1
    for c in inst.cover:
        n = count[c.day, c.shift]
        br["cover_under"] += c.under * max(0, c.requirement - n)
        br["cover_over"] += c.over * max(0, n - c.requirement)
    return br


def format_violation(x):
    if not x.days:
        days = "-"
    elif x.days == list(range(x.days[0], x.days[-1] + 1)) and len(x.days) > 1:
        days = f"days {x.days[0]}-{x.days[-1]}"
    else:
        days = ("day " if len(x.days) == 1 else "days ") + ",".join(map(str, x.days))
    return f"staff {x.staff}: {x.rule}: {days}: {x.detail}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("instance")
    ap.add_argument("solution")
    ap.add_argument("--objective", type=int)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    try:
        inst = parse_instance(a.instance)
    except (OSError, FormatError) as e:
        print(f"instance: {e}")
        return 2
    try:
        sol = read_solution(a.solution, inst)
    except (OSError, FormatError) as e:
        print(f"solution: {e}")
        return 1
    obj, viol = check(inst, sol)
    br = breakdown(inst, sol)
    for x in viol:
        print(format_violation(x))
    if a.verbose:
        print(" ".join(f"{k} {n}" for k, n in br.items()), file=sys.stderr)
    ok = not viol
    if a.objective is not None and a.objective != obj:
        print(f"objective mismatch: claimed {a.objective}, recomputed {obj}")
        ok = False
    if ok:
        print(f"objective {obj}")
        return 0
    print(f"FAILED: {len(viol)} broken hard rule(s); recomputed objective {obj}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
