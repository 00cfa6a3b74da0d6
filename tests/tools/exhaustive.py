#!/usr/bin/python3
"""The best rota of a tiny scenario by exhaustive search.

Usage: exhaustive.py SCENARIO.json [--json FILE] [--verify N] [--quiet]

Every assignment is considered: each person, each day, off or one allowed
shift in each neighbourhood and role they may work. The answer is the
least objective over all rotas that keep every hard rule, or "infeasible"
when none does. One or two people, up to about eight days and three
shifts: seconds to a minute. Python 3.9+ standard library only; no code
of rota7 is used.

What decides, and where it comes from:
- a person's own rules (leave, days off, rest, weekly rest, runs, nights,
  hours, weekends, max_shifts): check_rota.py's per-person check itself,
  run on every candidate month of that person (the enumeration only skips
  months already broken by a rule that can never be mended by what comes
  later: rest, runs too long, hours, leave; --verify checks that skipping);
- coverage, skill mix and the objective: computed here on elementary time
  intervals (cut at every shift, band and skill-mix edge) from
  check_rota.py's demand and instants, with the terms of objective.py;
- the rota found is checked at the end by check_rota.py's full checker
  and its objective recomputed exactly by objective.py, which is the
  figure printed.

How the search stays small: each person's legal months (shifts only) are
enumerated once. With one person, deployments are chosen per assignment
(a person's own shifts never overlap, so coverage is separable). With two,
the first person's months and deployments are taken in order of a lower
bound, and for each the second person's best answer is found exactly:
the cost of every (day, shift, deployment) of the second given the first,
then the best month. Coverage costs are convex in heads, so each person's
cost alone is a lower bound of their share (branch and bound, exact up to
1e-9 relative in floating point).

--json FILE writes the optimum as a rota.json-like document (assignments,
objective, status "optimal"). --verify N checks the fast path: every
unpruned month of each person against check_rota.py when there are at
most 200,000, and N random rotas (legal or not) for agreement of the
fast hard-rule verdict and objective with check_rota.py and objective.py.
Exit status: 0 done (optimum or infeasible printed), 1 a self-check
failed, 2 the scenario cannot be read or is too big.
"""

import argparse
import bisect
import datetime as dt
import itertools
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_rota as cr  # noqa: E402
import objective as obj  # noqa: E402

BIG = 1 << 62
REL_EPS = 1e-9
# Tags of check_rota.py that are not hard rules: the synthesized rota has
# no uncovered list and no staff summary.
SOFT_TAGS = {"uncovered", "staff_summary"}


class TooBig(Exception):
    pass


class SelfCheckError(Exception):
    pass


def fl(x):
    return float(x)


class Senior:
    """Necessary condition of the senior rules for two people: where the
    outer person cannot be senior, the inner one must be able to. Gives
    the least lower bound of the inner months that could (None: none)."""

    def __init__(self, tiny, outer, inner, lists, inner_lb):
        self.t = tiny
        self.ks = [k for k, m in enumerate(tiny.mix) if m[0] == "senior" and m[1]]
        self.outer, self.inner = outer, inner
        self.cache = {}
        if not self.ks:
            self.low = min(inner_lb(i) for i in lists[inner])
            return
        best = {}
        for info in lists[inner]:
            key = self.potential(inner, info[0])
            v = inner_lb(info)
            if key not in best or v < best[key]:
                best[key] = v
        self.inner_pots = sorted(best.items(), key=lambda kv: kv[1])

    def potential(self, p, month):
        """Per senior constraint: where p could count, over the month."""
        t = self.t
        out = []
        for k in self.ks:
            m = 0
            for d, x in month:
                if any(dp[2][k] == 1 for dp in t.deps[p][d][x]):
                    wk = t.slots[p][d][x]
                    m |= t.mask(wk["start"], wk["end"])
            out.append(m & t.mix[k][1])
        return tuple(out)

    def inner_lb(self, info):
        if not self.ks:
            return self.low
        pot1 = self.potential(self.outer, info[0])
        need = []
        for k, p1 in zip(self.ks, pot1):
            w = self.t.mix[k][1]
            count = int(self.t.mix[k][2].get("count", 1))
            if count <= 0:
                need.append(0)
            elif count == 1:
                need.append(w & ~p1)
            elif count == 2 and p1 & w == w:
                need.append(w)
            else:
                return None
        need = tuple(need)
        if need not in self.cache:
            self.cache[need] = next((v for pots, v in self.inner_pots
                                     if all(n & ~q == 0 for n, q in zip(need, pots))), None)
        return self.cache[need]


class Tiny:
    """One tiny scenario, prepared for exhaustive search."""

    def __init__(self, doc, max_people=2, live_only=False):
        self.doc = doc
        self.live_only = live_only
        self.sc = cr.Scenario(doc)
        self.ev = obj.Evaluator(self.sc)
        self.ck = cr.Checker(self.sc, {})
        sc = self.sc
        self.pids = list(sc.staff_order)
        if len(self.pids) > max_people:
            raise TooBig("%d people; at most %d" % (len(self.pids), max_people))
        self.w = {k: fl(v) for k, v in self.ev.w.items()}
        self._slots()
        self._elements()
        self._cells()
        self._mix()
        self._deployments()

    # ------------------------------------------------------------ slots
    def _slots(self):
        """slots[p][i]: [(sid, start, end, paid, night, unsocial)] workable
        on day i (leave and weekly days off leave only 'off')."""
        sc = self.sc
        self.slots = []
        for pid in self.pids:
            p = sc.staff[pid]
            per_day = []
            for i, date in enumerate(sc.dates):
                opts = []
                if date not in p["leave"] and date.weekday() not in p["days_off_weekly"]:
                    for sid in sc.shift_order:
                        if sid not in p["shifts"]:
                            continue
                        s, e = sc.shift_span(sid, date)
                        sh = sc.shifts[sid]
                        work = {"date": date, "shift": sid, "start": s, "end": e,
                                "paid": cr.hours(e - s) - sh["break"] / 60.0,
                                "night": sh["night"]}
                        xw = dict(work)
                        xw["paid"] = obj.Fraction(e - s, 3600) - obj.Fraction(sh["break"], 60)
                        work["unsocial"] = fl(self.ev.unsocial_hours(xw))
                        opts.append(work)
                per_day.append(opts)
            self.slots.append(per_day)

    # ------------------------------------------------------------ time
    def _elements(self):
        sc = self.sc
        ts = {-BIG, BIG}
        for dev in self.ev.demand.values():
            ts.update(dev)
        for sid in sc.shift_order:
            for date in sc.dates:
                ts.update(sc.shift_span(sid, date))
        self.mix_wins = []
        for i, rule in enumerate(sc.skill_mix):
            where = "skill_mix[%d]" % i
            days = cr._days_set(rule.get("days"), where + ".days")
            if "from" in rule or "to" in rule:
                f = cr.parse_hhmm(cr._req(rule, "from", where), where + ".from")
                t = cr.parse_hhmm(cr._req(rule, "to", where), where + ".to")
                wins = sc.windows(days, f, t)
            elif days == set(range(7)):
                wins = [(-BIG, BIG)]
            else:
                wins = sc.windows(days, None, None)
            self.mix_wins.append(wins)
            for a, b in wins:
                ts.update((a, b))
        self.T = sorted(ts)
        self.tix = {t: j for j, t in enumerate(self.T)}

    def mask(self, s, e):
        """Bitmask of the elementary intervals inside [s, e)."""
        a, b = self.tix[s], self.tix[e]
        return ((1 << b) - 1) ^ ((1 << a) - 1)

    # ------------------------------------------------------------ coverage
    def _cells(self):
        """Cells: (track, interval) with demand >= 1. d1/d2: the cost change
        of the first/second head there; f0: the cost with nobody."""
        U, O = self.w["uncovered_hour"], self.w["over_cover_hour"]
        self.tracks = list(self.ev.demand)
        self.cell_index = {}
        self.d1, self.d2 = [], []
        self.f0 = 0.0
        for k, key in enumerate(self.tracks):
            dev, cur = self.ev.demand[key], 0
            for j in range(len(self.T) - 1):
                cur += dev.get(self.T[j], 0)
                if cur <= 0:
                    continue
                h = (self.T[j + 1] - self.T[j]) / 3600.0

                def f(n, r=cur, h=h):
                    return U * h * max(0, r - n) + O * h * max(0, n - r)
                self.cell_index[(k, j)] = len(self.d1)
                self.d1.append(f(1) - f(0))
                self.d2.append(f(2) - f(1))
                self.f0 += f(0)

    def footprint(self, svc, nbhd, role, s, e):
        out = []
        a, b = self.tix[s], self.tix[e]
        for k, (tsvc, kind, unit, trole) in enumerate(self.tracks):
            if tsvc != svc or trole != role or nbhd not in self.ev.members[(kind, unit)]:
                continue
            for j in range(a, b):
                c = self.cell_index.get((k, j))
                if c is not None:
                    out.append(c)
        return tuple(out)

    # ------------------------------------------------------------ skill mix
    def _mix(self):
        """Skill-mix constraints, one per rule and unit: (type, window mask,
        rule, unit members)."""
        sc = self.sc
        self.mix = []
        for i, rule in enumerate(sc.skill_mix):
            wmask = 0
            for a, b in self.mix_wins[i]:
                if b > a:
                    wmask |= self.mask(a, b)
            typ = rule.get("type")
            if typ not in ("senior", "ratio"):
                raise cr.ScenarioError("skill_mix[%d].type: %r" % (i, typ))
            for unit, members, _w in sc.units(rule.get("scope", "neighbourhood")):
                self.mix.append((typ, wmask, rule, members))

    def contribution(self, k, p, svc, nbhd, role):
        """What one person deployed so is for mix constraint k: senior 0/1,
        ratio 'R' (in the rule's role), 'P' (in its per role) or None."""
        typ, _m, rule, members = self.mix[k]
        if (rule.get("service") is not None and rule["service"] != svc) or nbhd not in members:
            return 0 if typ == "senior" else None
        if typ == "senior":
            band = self.sc.staff[self.pids[p]]["band"]
            return 1 if role == rule.get("role") and band >= rule.get("min_band", 0) else 0
        if role == rule.get("role"):
            return "R"
        if role == rule.get("per"):
            return "P"
        return None

    def mix_ok(self, k, contribs):
        typ, _m, rule, _mem = self.mix[k]
        if typ == "senior":
            return sum(1 for c in contribs if c == 1) >= int(rule.get("count", 1))
        nr = sum(1 for c in contribs if c == "R")
        npr = sum(1 for c in contribs if c == "P")
        return nr <= obj.Fraction(str(rule.get("at_most"))) * npr

    def mix_domain(self, k):
        return (0, 1) if self.mix[k][0] == "senior" else (None, "R", "P")

    # ------------------------------------------------------------ deployments
    def _deployments(self):
        """deps[p][i][x]: [(cost, cells, contribs, nbhd, role)] for slot x
        of day i, one per distinct effect (the cheapest of equal ones)."""
        sc, w = self.sc, self.w
        self.deps = []
        for p, pid in enumerate(self.pids):
            person = sc.staff[pid]
            per_day = []
            for i, opts in enumerate(self.slots[p]):
                per_slot = []
                for work in opts:
                    svc = sc.shifts[work["shift"]]["service"]
                    span = self.mask(work["start"], work["end"])
                    best = {}
                    for nbhd in sorted(person["may_work_in"]):
                        for role in sorted(person["can_fill"]):
                            if self.live_only and role not in self.live_roles(svc):
                                continue
                            rate = 0.0
                            if role != person["role"]:
                                rate += fl(self.ev.pen.get((person["role"], role),
                                                           self.ev.w["substitution_hour"]))
                            if nbhd != person["home"]:
                                rate += w["cross_cover_hour"]
                            cost = rate * work["paid"]
                            cells = self.footprint(svc, nbhd, role, work["start"], work["end"])
                            contribs = tuple(
                                self.contribution(k, p, svc, nbhd, role)
                                if span & self.mix[k][1] else self.mix_domain(k)[0]
                                for k in range(len(self.mix)))
                            sig = (cells, contribs)
                            if sig not in best or cost < best[sig][0] - 1e-12:
                                best[sig] = (cost, cells, contribs, nbhd, role)
                    per_slot.append(list(best.values()))
                if self.live_only:   # a shift with no role to fill is not worked
                    keep = [x for x, d in enumerate(per_slot) if d]
                    self.slots[p][i] = [opts[x] for x in keep]
                    per_slot = [per_slot[x] for x in keep]
                per_day.append(per_slot)
            self.deps.append(per_day)

    def live_roles(self, svc):
        """Roles demanded in a service or named by one of its skill-mix
        rules: the only roles rota7 deploys people in (--live-only)."""
        out = {r.get("role") for b in self.sc.services.get(svc, []) for r in b["require"]}
        for rule in self.sc.skill_mix:
            if rule.get("service") == svc:
                out.update((rule.get("role"), rule.get("per")))
        return out

    # ------------------------------------------------------------ months
    def person_legal(self, p, works):
        """check_rota.py's own per-person rules on these works."""
        self.ck.r = cr.Result()
        self.ck._person(self.sc.staff[self.pids[p]], works)
        return self.ck.r.failed == 0

    def months(self, p, prune=True):
        """Legal months of person p: tuples of (day, slot) of the days worked."""
        sc = self.sc
        person = sc.staff[self.pids[p]]
        rules = person["rules"]
        days = sc.days
        min_rest = float(rules["min_rest_hours"]) * 3600 - cr.EPS
        cap = min((float(rules["max_avg_weekly_hours"]) + cr.EPS) * days / 7.0,
                  self.ck.target(person) + float(rules["contract_tolerance_hours"]) + cr.EPS)
        cap += 1e-7   # skip only months surely over (the check decides)
        maxrun, maxnight = rules["max_days_in_a_row"], rules["max_nights_in_a_row"]
        maxsh = {k: v for k, v in (rules.get("max_shifts") or {}).items()
                 if not k.startswith("x-")}
        out = []
        slots = self.slots[p]
        chosen = []

        def rec(i, last_end, run, nrun, paid, counts):
            if i == days:
                works = [slots[d][x] for d, x in chosen]
                if self.person_legal(p, works):
                    out.append(tuple(chosen))
                return
            rec(i + 1, last_end, 0, 0, paid, counts)        # off
            for x, wk in enumerate(slots[i]):
                if prune:
                    if last_end is not None and wk["start"] - last_end < min_rest:
                        continue
                    if run + 1 > maxrun or paid + wk["paid"] > cap:
                        continue
                    if wk["night"] and nrun + 1 > maxnight:
                        continue
                    c2 = dict(counts)
                    bad = False
                    for key in maxsh:
                        if key == wk["shift"] if key in sc.shifts else (key == "night" and wk["night"]):
                            c2[key] = c2.get(key, 0) + 1
                            bad |= c2[key] > maxsh[key]
                    if bad:
                        continue
                else:
                    c2 = counts
                chosen.append((i, x))
                end = wk["end"] if last_end is None else max(last_end, wk["end"])
                rec(i + 1, end, run + 1, nrun + 1 if wk["night"] else 0,
                    paid + wk["paid"], c2)
                chosen.pop()

        rec(0, None, 0, 0, 0.0, {})
        return out

    def month_info(self, p, m):
        """(own cost: contract and requests, weekends, unsocial, cover mask)."""
        sc, w = self.sc, self.w
        person = sc.staff[self.pids[p]]
        works = [self.slots[p][d][x] for d, x in m]
        paid = sum(wk["paid"] for wk in works)
        cost = max(0.0, self.ck.target(person) - paid) * w["contract_under_hour"]
        for q in person["requests"]:
            if q["_date"] in sc.date_index and not self.ck.request_granted(q, works):
                cost += w["request"] * fl(obj.frac(q.get("weight", 1)))
        we = len(self.ck.weekends_worked(works))
        un = sum(wk["unsocial"] for wk in works)
        cover = 0
        for wk in works:
            cover |= self.mask(wk["start"], wk["end"])
        return cost, we, un, cover

    # ------------------------------------------------------------ search
    def sep(self, dep):
        """A deployment's cost as if alone: its own cost and first heads."""
        d1 = self.d1
        return dep[0] + sum(d1[c] for c in dep[1])

    def fairness(self, pa, ma, pb, mb):
        """Fairness cost of two people's months, given as month tuples
        (month, own cost, weekends, unsocial hours, ...)."""
        sc = self.sc
        A, B = sc.staff[self.pids[pa]], sc.staff[self.pids[pb]]
        if A["role"] != B["role"]:
            return 0.0
        fa, fb = float(A["fte"]), float(B["fte"])
        if fa + fb <= 0:
            return 0.0
        return (self.w["weekend_fairness"] * abs(fb * ma[2] - fa * mb[2]) +
                self.w["unsocial_fairness"] * abs(fb * ma[3] - fa * mb[3])) / (fa + fb)

    def bad_masks(self, ctx):
        """For each mix constraint k and each value v a person may bring:
        the intervals where v is not acceptable, given the others' values
        ctx[k] = {interval: value}. offbad: where being off is not."""
        bad = []
        offbad = 0
        for k, (_typ, wmask, _rule, _mem) in enumerate(self.mix):
            dom = self.mix_domain(k)
            bk = {v: 0 for v in dom}
            known = ctx[k] if ctx is not None else {}
            m, j = wmask, 0
            while m:
                if m & 1:
                    other = known.get(j, dom[0])
                    for v in dom:
                        if not self.mix_ok(k, [other, v]):
                            bk[v] |= 1 << j
                m >>= 1
                j += 1
            offbad |= bk[dom[0]]
            bad.append(bk)
        return bad, offbad

    def dep_ok(self, bad, span, dep):
        for k, bk in enumerate(bad):
            if span & bk[dep[2][k]]:
                return False
        return True

    def slot_values(self, p, n_other, bad):
        """best[i][x] = (value, dep) of person p's slot x on day i, given
        the cells the other covers (n_other) and the mix masks."""
        d1, d2 = self.d1, self.d2
        out = []
        for i, per_slot in enumerate(self.deps[p]):
            row = []
            for x, deps in enumerate(per_slot):
                wk = self.slots[p][i][x]
                span = self.mask(wk["start"], wk["end"]) if bad else 0
                bv, bd = None, None
                for dep in deps:
                    if bad and not self.dep_ok(bad, span, dep):
                        continue
                    v = dep[0]
                    for c in dep[1]:
                        v += d2[c] if c in n_other else d1[c]
                    if bv is None or v < bv:
                        bv, bd = v, dep
                row.append((bv, bd))
            out.append(row)
        return out

    def solve(self, log=None):
        """Returns (best float objective or None, assignments, stats)."""
        t0 = time.time()
        n = len(self.pids)
        stats = {"months": [], "pairs": 0}
        if n == 0:
            return self.f0, [], stats
        lists = []
        for p in range(n):
            ms = self.months(p)
            stats["months"].append(len(ms))
            lists.append([(m,) + self.month_info(p, m) for m in ms])
        no_ctx = [dict() for _ in self.mix]
        if n == 1:
            bad, offbad = self.bad_masks(no_ctx) if self.mix else ([], 0)
            vals = self.slot_values(0, set(), bad)
            best, arg = None, None
            for info in lists[0]:
                m, cost, _we, _un, cover = info
                if offbad & ~cover:
                    continue
                v = cost
                for d, x in m:
                    if vals[d][x][0] is None:
                        break
                    v += vals[d][x][0]
                else:
                    if best is None or v < best:
                        best, arg = v, [(0, d, x, vals[d][x][1]) for d, x in m]
            stats["seconds"] = time.time() - t0
            return (None if best is None else best + self.f0), arg, stats
        return self._solve_two(lists, stats, t0, log)

    def _solve_two(self, lists, stats, t0, log):
        """Branch and bound over the outer person's months and deployments;
        the inner person's best answer to each, exactly."""
        def combos(p):
            tot = 0
            for info in lists[p]:
                k = 1
                for d, x in info[0]:
                    k *= len(self.deps[p][d][x])
                tot += k
            return tot
        outer = 0 if combos(0) <= combos(1) else 1
        inner = 1 - outer
        stats["outer_combos"] = combos(outer)
        for p in range(2):     # cheapest deployment first
            for per_slot in self.deps[p]:
                for deps in per_slot:
                    deps.sort(key=self.sep)
        sepmin = [[[self.sep(deps[0]) for deps in per_slot] for per_slot in self.deps[p]]
                  for p in range(2)]

        def lb(p, info):
            return info[1] + sum(sepmin[p][d][x] for d, x in info[0])
        outer_l = sorted(lists[outer], key=lambda i: lb(outer, i))
        inner_l = sorted(((lb(inner, i), i) for i in lists[inner]), key=lambda t: t[0])
        senior = Senior(self, outer, inner, lists, lambda i: lb(inner, i))
        state = {"best": None, "arg": None}
        eps = lambda b: REL_EPS * max(1.0, abs(b))   # noqa: E731
        vals_cache, off_cache = {}, {}
        offbad0 = self.bad_masks([dict() for _ in self.mix])[1] if self.mix else 0

        def answer(info, deps1, part1):
            """The inner person's best answer to one outer month."""
            m = info[0]
            local = {d: (x, dp) for (d, x), dp in zip(m, deps1)}
            cover1, offbad = 0, 0
            for (d, x), dp in zip(m, deps1):
                wk = self.slots[outer][d][x]
                cover1 |= self.mask(wk["start"], wk["end"])
                if self.mix:
                    key = (d, x, id(dp))
                    if key not in off_cache:
                        off_cache[key] = self.off_bad_near(outer, [(d, x, dp)])
                    offbad |= off_cache[key]
            offbad |= offbad0 & ~cover1
            best = state["best"]
            row_cache = {}

            def val(d, x):
                ctx = (local.get(d - 1), local.get(d), local.get(d + 1))
                key = (d, x) + tuple(None if c is None else (c[0], id(c[1])) for c in ctx)
                hit = vals_cache.get(key)
                if hit is None:
                    near = [(d + k - 1, c[0], c[1]) for k, c in enumerate(ctx) if c is not None]
                    hit = vals_cache[key] = self.slot_value(inner, d, x, outer, near)
                return hit
            for l2, info2 in inner_l:
                if best is not None and self.f0 + part1 + l2 >= best - eps(best):
                    break
                stats["pairs"] += 1
                if offbad & ~info2[4]:
                    continue
                v = self.f0 + part1 + info2[1]
                for d, x in info2[0]:
                    bv = row_cache.get((d, x))
                    if bv is None:
                        bv = row_cache[(d, x)] = val(d, x)
                    if bv[0] is None:
                        break
                    v += bv[0]
                else:
                    v += self.fairness(outer, info, inner, info2)
                    if best is None or v < best - eps(v):
                        best = state["best"] = v
                        state["arg"] = ([(outer, d, x, dp) for (d, x), dp in zip(m, deps1)] +
                                        [(inner, d, x, row_cache[(d, x)][1])
                                         for d, x in info2[0]])

        for info in outer_l:
            l1 = lb(outer, info)
            best = state["best"]
            if best is not None and self.f0 + l1 + inner_l[0][0] >= best - eps(best):
                break
            low2 = senior.inner_lb(info)
            if low2 is None:
                continue            # no inner month can meet the senior rules
            if best is not None and self.f0 + l1 + low2 >= best - eps(best):
                continue
            m = info[0]
            slot_deps = [self.deps[outer][d][x] for d, x in m]
            rest = [0.0] * (len(m) + 1)
            for i in range(len(m) - 1, -1, -1):
                rest[i] = rest[i + 1] + self.sep(slot_deps[i][0])
            chosen = []

            def dfs(i, part):
                b = state["best"]
                if b is not None and self.f0 + part + rest[i] + low2 >= b - eps(b):
                    return
                if i == len(m):
                    answer(info, list(chosen), part)
                    return
                for dp in slot_deps[i]:
                    chosen.append(dp)
                    dfs(i + 1, part + self.sep(dp))
                    chosen.pop()
            dfs(0, info[1])
        stats["seconds"] = time.time() - t0
        return state["best"], state["arg"], stats

    def mix_local(self, q, near, span):
        """Per mix constraint k, {value: bad mask within span} for a person
        other than q, given q's assignments near: [(day, slot, dep)]."""
        out = []
        for k, (_typ, wmask, _rule, _mem) in enumerate(self.mix):
            dom = self.mix_domain(k)
            bk = {v: 0 for v in dom}
            m = span & wmask
            if m:
                who = []
                for d, x, dp in near:
                    wk = self.slots[q][d][x]
                    who.append((self.mask(wk["start"], wk["end"]), dp[2][k]))
                j = 0
                while m:
                    if m & 1:
                        bit = 1 << j
                        other = dom[0]
                        for sm, c in who:
                            if sm & bit:
                                other = c
                        for v in dom:
                            if not self.mix_ok(k, [other, v]):
                                bk[v] |= bit
                    m >>= 1
                    j += 1
            out.append(bk)
        return out

    def off_bad_near(self, q, near):
        """Intervals inside q's assignments near where the other person
        being off (or elsewhere) breaks a mix constraint."""
        span = 0
        for d, x, _dp in near:
            wk = self.slots[q][d][x]
            span |= self.mask(wk["start"], wk["end"])
        bad = 0
        for k, bk in enumerate(self.mix_local(q, near, span)):
            bad |= bk[self.mix_domain(k)[0]]
        return bad

    def slot_value(self, p, d, x, q, near):
        """(value, dep) of person p's slot x on day i given person q's
        assignments near it [(day, slot, dep)]; value None if no deployment
        keeps the skill mix."""
        d1, d2 = self.d1, self.d2
        n_other = set()
        for _d, _x, dp in near:
            n_other.update(dp[1])
        wk = self.slots[p][d][x]
        span = self.mask(wk["start"], wk["end"])
        bad = self.mix_local(q, near, span) if self.mix else []
        bv, bd = None, None
        for dep in self.deps[p][d][x]:
            if bad and not self.dep_ok(bad, span, dep):
                continue
            v = dep[0]
            for c in dep[1]:
                v += d2[c] if c in n_other else d1[c]
            if bv is None or v < bv:
                bv, bd = v, dep
        return bv, bd

    # ------------------------------------------------------------ rotas
    def assignments(self, arg):
        """rota.json assignments of a search answer [(p, day, slot, dep)]."""
        sc = self.sc
        out = []
        for p, d, x, dep in sorted(arg, key=lambda t: (t[1], t[0])):
            wk = self.slots[p][d][x]
            sh = sc.shifts[wk["shift"]]
            out.append({
                "staff": self.pids[p], "date": sc.dates[d].isoformat(),
                "shift": wk["shift"], "service": sh["service"],
                "neighbourhood": dep[3], "role": dep[4],
                "start": self.iso(wk["start"]), "end": self.iso(wk["end"]),
                "paid_hours": round(wk["paid"], 6),
            })
        return out

    def iso(self, t):
        return self.sc.clock.local(t).isoformat()

    def rota_doc(self, assignments, objective_value):
        sc = self.sc
        return {
            "rota7": 1, "scenario": sc.name,
            "horizon": {"start": sc.start.isoformat(), "days": sc.days,
                        "timezone": sc.clock.name},
            "status": "optimal", "objective": objective_value,
            "assignments": assignments, "uncovered": [], "staff_summary": [],
        }

    def hard_violations(self, assignments):
        """check_rota.py's hard-rule violations of a rota (uncovered and
        summary lines left out: the synthesized rota has neither)."""
        res = cr.Checker(self.sc, self.rota_doc(assignments, 0)).run()
        return [(t, m) for t, m in res.violations if t not in SOFT_TAGS]

    # ------------------------------------------------------------ self-check
    def fast_verdict(self, arg):
        """(hard rules kept?, objective) of a search-shaped rota by the fast
        path of this module (used by --verify against the checker)."""
        n = len(self.pids)
        by_p = [sorted((d, x) for q, d, x, _dp in arg if q == p) for p in range(n)]
        legal = all(self.person_legal(p, [self.slots[p][d][x] for d, x in by_p[p]])
                    for p in range(n))
        infos = [self.month_info(p, tuple(by_p[p])) for p in range(n)]
        heads = {}
        v = self.f0
        for p, d, x, dep in arg:
            v += dep[0]
            for c in dep[1]:
                heads[c] = heads.get(c, 0) + 1
                v += self.d1[c] if heads[c] == 1 else self.d2[c]
        v += sum(i[0] for i in infos)
        if n == 2:
            v += self.fairness(0, (None,) + infos[0][:3], 1, (None,) + infos[1][:3])
        # skill mix on each interval
        ctx = [dict() for _ in self.mix]
        per = [[dict() for _ in self.mix] for _ in range(n)]
        for p, d, x, dep in arg:
            wk = self.slots[p][d][x]
            span = self.mask(wk["start"], wk["end"])
            for k in range(len(self.mix)):
                mk, j = span & self.mix[k][1], 0
                while mk:
                    if mk & 1:
                        per[p][k][j] = dep[2][k]
                    mk >>= 1
                    j += 1
        for k, (_t, wmask, _r, _m) in enumerate(self.mix):
            dom0 = self.mix_domain(k)[0]
            j, mk = 0, wmask
            while mk:
                if mk & 1 and not self.mix_ok(k, [per[p][k].get(j, dom0) for p in range(n)]):
                    legal = False
                mk >>= 1
                j += 1
        del ctx
        return legal, v

    def random_rota(self, rng):
        arg = []
        for p in range(len(self.pids)):
            for d, per_slot in enumerate(self.deps[p]):
                if per_slot and rng.random() < 0.6:
                    x = rng.randrange(len(per_slot))
                    arg.append((p, d, x, rng.choice(per_slot[x])))
        return arg

    def verify(self, n_random, seed=1, log=None):
        """Raises SelfCheckError when the fast path and the checker differ."""
        for p in range(len(self.pids)):
            raw = 1
            for opts in self.slots[p]:
                raw *= 1 + len(opts)
            if raw <= 200000:
                a = set(self.months(p, prune=True))
                b = set(self.months(p, prune=False))
                if a != b:
                    raise SelfCheckError("%s: pruned enumeration keeps %d months, full one %d"
                                         % (self.pids[p], len(a), len(b)))
                if log:
                    log("verify: %s: %d legal months of %d, pruning exact"
                        % (self.pids[p], len(a), raw))
        rng = random.Random(seed)
        # the search only ever uses legal months: sample those too
        legal_months = [self.months(p) for p in range(len(self.pids))]
        for t in range(n_random):
            if t % 2:
                arg = []
                for p, ms in enumerate(legal_months):
                    for d, x in rng.choice(ms):
                        arg.append((p, d, x, rng.choice(self.deps[p][d][x])))
            else:
                arg = self.random_rota(rng)
            legal, v = self.fast_verdict(arg)
            asg = self.assignments(arg)
            viol = self.hard_violations(asg)
            exact = fl(self.ev.objective(asg))
            if legal != (not viol):
                raise SelfCheckError("rota %d: fast path says %s, checker %s" % (
                    t, "legal" if legal else "illegal", viol[:3] or "legal"))
            if abs(v - exact) > 1e-6 * max(1.0, abs(exact)):
                raise SelfCheckError("rota %d: fast objective %.9g, objective.py %.9g"
                                     % (t, v, exact))
        if log:
            log("verify: %d random rotas agree with check_rota.py and objective.py" % n_random)
        self.verify_search(log)

    def verify_search(self, log=None, limit=40000):
        """The search's optimum against plain enumeration of every rota
        (every legal month with every deployment, every pair), when there
        are at most `limit` rotas."""
        full = []
        for p in range(len(self.pids)):
            mine = []
            for m in self.months(p):
                for deps in itertools.product(*[self.deps[p][d][x] for d, x in m]):
                    mine.append([(p, d, x, dp) for (d, x), dp in zip(m, deps)])
                    if len(mine) > limit:
                        if log:
                            log("verify: too many rotas to enumerate plainly; search not re-checked")
                        return
            full.append(mine)
        total = 1
        for f in full:
            total *= len(f)
        if total > limit:
            if log:
                log("verify: %d rotas: too many to enumerate plainly; search not re-checked" % total)
            return
        best = None
        for combo in itertools.product(*full):
            arg = [a for part in combo for a in part]
            legal, v = self.fast_verdict(arg)
            if legal and (best is None or v < best):
                best = v
        got, _arg, _st = self.solve()
        if (best is None) != (got is None) or (best is not None and
                                               abs(best - got) > 1e-6 * max(1.0, abs(best))):
            raise SelfCheckError("search gives %s, plain enumeration of %d rotas %s"
                                 % (got, total, best))
        if log:
            log("verify: search agrees with plain enumeration of all %d rotas (%s)"
                % (total, "infeasible" if best is None else "%.6f" % best))


def optimum(doc, log=None, live_only=False):
    """Solve a scenario document. Returns a dict: feasible, objective (exact
    float from objective.py), assignments, seconds, months."""
    tiny = Tiny(doc, live_only=live_only)
    best, arg, stats = tiny.solve(log)
    out = {"feasible": best is not None, "seconds": stats.get("seconds", 0.0),
           "months": stats["months"], "pairs": stats.get("pairs", 0)}
    if best is None:
        return out
    asg = tiny.assignments(arg)
    viol = tiny.hard_violations(asg)
    if viol:
        raise SelfCheckError("the optimum breaks hard rules: %s" % viol[:3])
    exact = tiny.ev.objective(asg)
    if abs(fl(exact) - best) > 1e-6 * max(1.0, abs(best)):
        raise SelfCheckError("search objective %.9g, objective.py %.9g" % (best, fl(exact)))
    out["objective"] = fl(exact)
    out["assignments"] = asg
    out["doc"] = tiny.rota_doc(asg, fl(exact))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="exhaustive optimum of a tiny scenario")
    ap.add_argument("scenario")
    ap.add_argument("--json", metavar="FILE", help="write the optimal rota here")
    ap.add_argument("--verify", type=int, metavar="N", default=0,
                    help="check the fast path on N random rotas first")
    ap.add_argument("--live-only", action="store_true",
                    help="deploy people only in roles their shift's service demands "
                         "or names in a skill-mix rule (rota7's restriction, for comparison)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    log = None if args.quiet else (lambda s: print(s, file=sys.stderr))
    try:
        with open(args.scenario, encoding="utf-8") as f:
            doc = json.load(f)
        if args.verify:
            Tiny(doc, live_only=args.live_only).verify(args.verify, log=log)
        res = optimum(doc, log, live_only=args.live_only)
    except (OSError, ValueError, cr.ScenarioError, TooBig) as exc:
        print("error: %s: %s" % (args.scenario, exc), file=sys.stderr)
        return 2
    except SelfCheckError as exc:
        print("self-check failed: %s: %s" % (args.scenario, exc), file=sys.stderr)
        return 1
    months = " x ".join(str(m) for m in res["months"])
    if not res["feasible"]:
        print("infeasible: no rota keeps the hard rules (%s legal months, %.1f s)"
              % (months, res["seconds"]))
        return 0
    print("optimum %.6f (%s legal months, %d pairs, %.1f s)"
          % (res["objective"], months, res["pairs"], res["seconds"]))
    for a in res["assignments"]:
        print("  %s %s %-8s %s %s" % (a["staff"], a["date"], a["shift"], a["neighbourhood"], a["role"]))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(res["doc"], f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
