#!/usr/bin/env python3
"""Generate the two large rota7 example scenarios.

    python3 examples/gen_examples.py

writes

    examples/stockport/scenario.json   Stockport neighbourhood teams, March 2018
    examples/essex/scenario.json       Mid and South Essex localities, March 2018

Python 3 standard library only.  The output is deterministic: every random
choice comes from random.Random with a fixed seed, and re-running the script
gives byte-identical files.  The small hand-written scenarios in
examples/small/ are not produced by this script.

Where the figures come from, and which of them are assumptions, is written in
examples/stockport/README.md and examples/essex/README.md.  In short: places
and weighted populations come from the seed documents; the offer tables
follow Tables 13 and 14 of the Stockport outline business case, with the
head-counts the documents leave open ("full complement of staff") set by
assumption; the staff lists are fictitious and generated here.

Staff are sized from demand, in the same way as `rota7 plan` computes the
establishment (scenario.md, "Planning"): average weekly hours of demand per
neighbourhood and role over the horizon (demand of a group or borough scope
shared by weighted population) x (1 + uplift) / hours per FTE week = required
FTE; in-post FTE is then drawn at 85-100 % of that (a vacancy rate), per
neighbourhood and role.

The skill-mix rules are hard, so the script also builds a witness rota for the
senior rules (a band 6+ qualified nurse on duty 08:00-18:00 in every
neighbourhood every day; an assistant team manager on duty 14:00-20:00 at
every social-work base on weekend and bank-holiday days) from the generated
staff, respecting leave, fixed days off, contract hours and every
working-time rule.  If it cannot, it adds a senior member of staff and tries
again, so the scenarios it writes always admit a rota.
"""

import datetime as dt
import json
import math
import os
import random
import sys
from fractions import Fraction
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = dt.timezone.utc
DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

# ---------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------

# Stockport Together, Neighbourhood outline business case, Table 10
# (seed 000_de47f45a53eb7dec.txt, lines 818-829; the rows add up to
# 336657, the printed grand total is 336656): weighted population.
STOCKPORT_NEIGHBOURHOODS = [
    ("bramhall", "Bramhall", 57617),
    ("victoria", "Victoria", 52778),
    ("tame-valley", "Tame Valley", 51849),
    ("heatons", "Heatons", 42403),
    ("werneth", "Werneth", 35759),
    ("cheadle", "Cheadle", 34962),
    ("stepping-hill", "Stepping Hill", 31883),
    ("marple", "Marple", 29406),
]
# ASSUMPTION: the documents do not say which neighbourhoods form the four
# nursing localities or the two social-work bases.
STOCKPORT_GROUPS = {
    "locality": {
        "south": ["bramhall", "cheadle"],
        "north": ["heatons", "tame-valley"],
        "central": ["victoria", "stepping-hill"],
        "east": ["marple", "werneth"],
    },
    "base": {
        "east": ["marple", "werneth", "tame-valley", "stepping-hill"],
        "west": ["bramhall", "cheadle", "heatons", "victoria"],
    },
}

# Mid and South Essex local health and care model, locality table
# (seed 002_f7ccb299cfdf00a6.txt, lines 325-358): registered population
# ("Pop", HSCIC GP registered population July 2016), rounded to thousands in
# the source.  It stands in for weighted population (no weighting published).
ESSEX_CCGS = [
    ("mid-essex", "Mid Essex", [
        ("braintree", "Braintree", 60), ("witham", "Witham", 30),
        ("chelmsford-1", "Chelmsford 1", 47), ("chelmsford-2", "Chelmsford 2", 51),
        ("colne-valley", "Colne Valley", 46), ("dengie", "Dengie", 23),
        ("prosper", "Prosper", 70), ("maldon", "Maldon", 33),
        ("woodham", "Woodham", 22)]),
    ("basildon-brentwood", "Basildon and Brentwood (B&B)", [
        ("billericay", "Billericay", 40), ("brentwood", "Brentwood", 78),
        ("east-basildon", "East Basildon", 61), ("wickford", "Wickford", 38),
        ("west-basildon", "West Basildon", 59)]),
    ("thurrock", "Thurrock (TH)", [
        ("grays", "Grays", 72), ("ockendon", "Ockendon", 37),
        ("tilbury", "Tilbury", 37), ("corringham", "Corringham", 26)]),
    ("castle-point-rochford", "Castle Point and Rochford (CP&R)", [
        ("rochford", "Rochford", 51), ("rayleigh", "Rayleigh", 43),
        ("b-and-h", "B&H", 49), ("canvey-island", "Canvey Island", 42)]),
    ("southend", "Southend (SE)", [
        ("southend-e", "Southend E", 36), ("southend-ec", "Southend EC", 58),
        ("southend-w", "Southend W", 56), ("southend-wc", "Southend WC", 35)]),
]

# England and Wales bank holidays, 2018.
BANK_HOLIDAYS_2018 = ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07",
                      "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"]

# ---------------------------------------------------------------------------
# Roles, services, shifts, rules: shared by both scenarios
# ---------------------------------------------------------------------------

ASSUMED = "ASSUMPTION (head-count not given in the source)"


def common_parts():
    roles = [
        {"id": "qn", "name": "Qualified nurse",
         "also_covers": [{"role": "nsw", "penalty": 2}]},
        {"id": "nsw", "name": "Nursing support worker"},
        {"id": "sw", "name": "Social worker"},
        {"id": "sco", "name": "Social care officer"},
        {"id": "atm", "name": "Assistant team manager",
         "also_covers": [{"role": "sw", "penalty": 1}]},
    ]
    services = [
        {"id": "community-nursing", "name": "Community nursing", "bands": [
            {"label": "Day nursing service", "days": ["daily"],
             "from": "08:00", "to": "18:00", "scope": "neighbourhood",
             "require": [{"role": "qn", "per_100k": 6, "min": 2},
                         {"role": "nsw", "per_100k": 3, "min": 1}],
             "x-source": "Table 13: 8am-6pm, 7-day service, 'full complement "
                         "of staff'; the head-counts are an " + ASSUMED},
            {"label": "Extended day", "days": ["daily"],
             "from": "18:00", "to": "20:00", "scope": "locality",
             "require": [{"role": "qn", "count": 1}, {"role": "nsw", "count": 1}],
             "x-source": "Table 13: 6pm-8pm, 7-day service, 'each locality will "
                         "have 1 Qualified Nurse and 1 Support Worker'"},
            {"label": "Evening nursing service", "days": ["daily"],
             "from": "18:00", "to": "23:30", "scope": "locality",
             "require": [{"role": "qn", "count": 1}, {"role": "nsw", "count": 1}],
             "x-source": "Table 13: 6pm-11.30pm, 7-day service, 'full complement "
                         "of staff'; the head-counts are an " + ASSUMED},
            {"label": "Night nursing service", "days": ["daily"],
             "from": "23:30", "to": "08:00", "scope": "borough",
             "require": [{"role": "qn", "count": 2}, {"role": "nsw", "count": 1}],
             "x-source": "Table 13: 11.30pm-8.00am, 7-day service, 'full "
                         "complement of staff'; the head-counts are an " + ASSUMED},
        ]},
        {"id": "treatment-room", "name": "Treatment room service", "bands": [
            {"label": "Treatment room, Monday to Friday", "days": ["weekday"],
             "from": "08:30", "to": "16:30", "scope": "neighbourhood",
             "require": [{"role": "qn", "count": 1}],
             "x-source": "Table 13: '8.30pm-4.30pm, Mon - Fri' (read as 08:30-16:30); "
                         "1 nurse per neighbourhood is an " + ASSUMED},
            {"label": "Treatment room, weekends and bank holidays",
             "days": ["weekend"], "from": "09:00", "to": "16:30",
             "scope": "locality", "require": [{"role": "qn", "count": 1}],
             "x-source": "Table 13: '9am - 4.30pm weekends and bank holidays'; "
                         "1 nurse per locality is an " + ASSUMED},
        ]},
        {"id": "social-work", "name": "Social work", "bands": [
            {"label": "Core", "days": ["weekday"],
             "from": "08:00", "to": "18:00", "scope": "neighbourhood",
             "require": [{"role": "sw", "per_100k": 5, "min": 2},
                         {"role": "sco", "per_100k": 3, "min": 1},
                         {"role": "atm", "count": 1}],
             "x-source": "Table 14: Monday-Friday 8am-6pm, 'full complement of "
                         "assessment staff'; the head-counts are an " + ASSUMED},
            {"label": "Late", "days": ["weekday"],
             "from": "18:00", "to": "20:00", "scope": "neighbourhood",
             "require": [{"role": "sw", "count": 2}, {"role": "sco", "count": 1}],
             "x-source": "Table 14: Monday-Friday 6pm-8pm, 'likely 2 Social "
                         "Workers and 1 Social Care Officer ... in each neighbourhood'"},
            {"label": "Weekend early", "days": ["weekend"],
             "from": "08:00", "to": "14:00", "scope": "base",
             "require": [{"role": "sw", "count": 1}, {"role": "sco", "count": 1}],
             "x-source": "Table 14: Saturday and Sunday, East / West split, '1 "
                         "Social Worker and 1 Social Care Officer on an agreed "
                         "early shift ... at each of the two bases'; 08:00-14:00 "
                         "is an ASSUMPTION (the source gives 8am-8pm overall)"},
            {"label": "Weekend late", "days": ["weekend"],
             "from": "14:00", "to": "20:00", "scope": "base",
             "require": [{"role": "sw", "count": 1}, {"role": "sco", "count": 1},
                         {"role": "atm", "count": 1}],
             "x-source": "Table 14: '1 Social Worker and 1 Social Care Officer "
                         "on an agreed late shift' and '2 Assistant Team Managers "
                         "(1 for East, 1 for West) covering an evening shift'; "
                         "14:00-20:00 is an ASSUMPTION"},
        ]},
    ]
    shifts = [
        {"id": "early", "service": "community-nursing", "start": "08:00", "end": "16:00", "break_minutes": 30},
        {"id": "mid", "service": "community-nursing", "start": "10:00", "end": "18:00", "break_minutes": 30},
        {"id": "late", "service": "community-nursing", "start": "12:00", "end": "20:00", "break_minutes": 30},
        {"id": "evening", "service": "community-nursing", "start": "18:00", "end": "23:30", "break_minutes": 0},
        {"id": "night", "service": "community-nursing", "start": "23:30", "end": "08:00", "break_minutes": 30, "night": True},
        {"id": "tr-day", "service": "treatment-room", "start": "08:30", "end": "16:30", "break_minutes": 30},
        {"id": "tr-weekend", "service": "treatment-room", "start": "09:00", "end": "16:30", "break_minutes": 30},
        {"id": "sw-early", "service": "social-work", "start": "08:00", "end": "16:00", "break_minutes": 30},
        {"id": "sw-late", "service": "social-work", "start": "12:00", "end": "20:00", "break_minutes": 30},
        {"id": "sw-we-early", "service": "social-work", "start": "08:00", "end": "14:00", "break_minutes": 0},
        {"id": "sw-we-late", "service": "social-work", "start": "14:00", "end": "20:00", "break_minutes": 0},
    ]
    skill_mix_nursing = [
        {"type": "ratio", "service": "community-nursing", "scope": "neighbourhood",
         "role": "nsw", "at_most": 2, "per": "qn"},
        {"type": "senior", "service": "community-nursing", "scope": "neighbourhood",
         "role": "qn", "min_band": 6, "count": 1, "days": ["daily"],
         "from": "08:00", "to": "18:00"},
    ]
    skill_mix_atm = {"type": "senior", "service": "social-work", "scope": "base",
                     "role": "atm", "min_band": 7, "count": 1, "days": ["weekend"],
                     "from": "14:00", "to": "20:00"}
    rules = {
        "min_rest_hours": 11,
        "weekly_rest": {"hours": 24, "per_days": 7},
        "max_days_in_a_row": 6,
        "min_days_in_a_row": 1,
        "min_days_off_in_a_row": 1,
        "max_nights_in_a_row": 4,
        "max_avg_weekly_hours": 48,
        "hours_per_fte_week": 37.5,
        "contract_tolerance_hours": 7.5,
        "max_weekends": 2,
    }
    planning = {"uplift_pct": 22, "hours_per_fte_week": 37.5}
    weights = {
        "uncovered_hour": 1000,
        "over_cover_hour": 0,
        "cross_cover_hour": 2,
        "contract_under_hour": 5,
        "request": 1,
        "weekend_fairness": 10,
        "unsocial_fairness": 1,
    }
    return roles, services, shifts, skill_mix_nursing, skill_mix_atm, rules, planning, weights


# ---------------------------------------------------------------------------
# Calendar and demand (the same arithmetic as scenario.md describes)
# ---------------------------------------------------------------------------

def hm(s):
    h, m = s.split(":")
    return int(h), int(m)


def horizon_dates(h):
    if "month" in h:
        y, m = (int(x) for x in h["month"].split("-"))
        start = dt.date(y, m, 1)
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        n = (nxt - start).days
    else:
        start = dt.date.fromisoformat(h["start"])
        n = h["days"]
    return [start + dt.timedelta(days=i) for i in range(n)]


def interval(date, start, end, tz):
    """Real (UTC) instants of a local start/end; end not after start = next day."""
    sh, sm = hm(start)
    eh, em = hm(end)
    a = dt.datetime(date.year, date.month, date.day, sh, sm, tzinfo=tz)
    ed = date if (eh, em) > (sh, sm) else date + dt.timedelta(days=1)
    b = dt.datetime(ed.year, ed.month, ed.day, eh, em, tzinfo=tz)
    return a.astimezone(UTC), b.astimezone(UTC)


def real_hours(date, start, end, tz):
    a, b = interval(date, start, end, tz)
    return (b - a).total_seconds() / 3600.0


def pattern_day(date, scn):
    if date.isoformat() in scn.get("bank_holidays", []) and \
            scn.get("bank_holiday_pattern", "sun") != "none":
        return scn.get("bank_holiday_pattern", "sun")
    return DAY_NAMES[date.weekday()]


def days_match(days, pday):
    for d in days:
        if d == "daily" or d == pday:
            return True
        if d == "weekday" and pday in DAY_NAMES[:5]:
            return True
        if d == "weekend" and pday in ("sat", "sun"):
            return True
    return False


def scope_units(scn, scope):
    """[(unit id, [neighbourhood ids])] for a scope."""
    nbs = [n["id"] for n in scn["neighbourhoods"]]
    if scope == "neighbourhood":
        return [(n, [n]) for n in nbs]
    if scope == "borough":
        return [("borough", nbs)]
    return [(g, list(m)) for g, m in scn["groups"][scope].items()]


def head_counts(scn, req, units):
    pop = {n["id"]: n["weighted_population"] for n in scn["neighbourhoods"]}
    upops = [sum(pop[m] for m in members) for _, members in units]
    lo = req.get("min", 0)
    if "count" in req:
        return [req["count"]] * len(units)
    if "per_100k" in req:
        k = Fraction(str(req["per_100k"]))
        return [max(lo, math.floor(Fraction(p) * k / 100000 + Fraction(1, 2)))
                for p in upops]
    total = req["total"]
    tot = sum(upops)
    quotas = [Fraction(total * p, tot) for p in upops]
    base = [math.floor(q) for q in quotas]
    rest = total - sum(base)
    order = sorted(range(len(units)), key=lambda i: (-(quotas[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return [max(lo, b) for b in base]


def weekly_demand(scn):
    """{(neighbourhood, service, role): average weekly hours of demand}."""
    tz = ZoneInfo(scn.get("timezone", "Europe/London"))
    pop = {n["id"]: n["weighted_population"] for n in scn["neighbourhoods"]}
    dates = horizon_dates(scn["horizon"])
    out = {}
    for svc in scn["services"]:
        for band in svc["bands"]:
            units = scope_units(scn, band.get("scope", "neighbourhood"))
            for req in band["require"]:
                heads = head_counts(scn, req, units)
                for d in dates:
                    if not days_match(band["days"], pattern_day(d, scn)):
                        continue
                    hrs = real_hours(d, band["from"], band["to"], tz)
                    for (_, members), h in zip(units, heads):
                        upop = sum(pop[m] for m in members)
                        for m in members:
                            key = (m, svc["id"], req["role"])
                            out[key] = out.get(key, 0.0) + h * hrs * pop[m] / upop
    weeks = len(dates) / 7.0
    return {k: v / weeks for k, v in out.items()}


def required_fte(scn, weekly_hours):
    p = scn["planning"]
    return weekly_hours * (1 + p["uplift_pct"] / 100.0) / p["hours_per_fte_week"]


# ---------------------------------------------------------------------------
# Names (fictitious)
# ---------------------------------------------------------------------------

FIRST_NAMES = [
    "Sarah", "Emma", "Rachel", "Claire", "Joanne", "Helen", "Karen", "Lisa",
    "Nicola", "Amanda", "Gemma", "Laura", "Rebecca", "Hannah", "Sophie",
    "Charlotte", "Katie", "Jennifer", "Michelle", "Louise", "Amy", "Natalie",
    "Samantha", "Victoria", "Kelly", "Fiona", "Jane", "Susan", "Julie",
    "Angela", "Priya", "Aisha", "Fatima", "Mariam", "Nadia", "Grace", "Ruth",
    "Megan", "Lucy", "Holly", "Bethany", "Olivia", "Ellie", "Jade", "Siân",
    "Zoë", "Chloé", "Aoife", "Niamh", "Siobhán", "Róisín", "Agnieszka",
    "Małgorzata", "Joanna", "Ewa", "Ana", "Inês", "Renée", "Noémie", "Dawn",
    "Tracey", "Deborah", "Alison", "Carol", "Bernadette", "Yetunde", "Abena",
    "Precious", "Farah", "Shabnam", "Mei", "Ngozi",
    "David", "James", "Michael", "Paul", "Mark", "Andrew", "Daniel", "Thomas",
    "Matthew", "Christopher", "Ben", "Tom", "Sam", "Adam", "Mohammed",
    "Imran", "Tariq", "Rajesh", "Sanjay", "Kwame", "Chinedu", "Oluwaseun",
    "Łukasz", "José", "Tomás", "Seán", "Dafydd", "Rhys", "Gareth", "Owain",
    "Ciarán", "Eoin", "Piotr", "Andrés", "François", "Gary", "Stephen",
]
SURNAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
    "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
    "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan",
    "Hughes", "Edwards", "Lewis", "Harris", "Martin", "Cooper", "King", "Lee",
    "Turner", "Hill", "Ward", "Moore", "Baker", "Shaw", "Ahmed", "Hussain",
    "Ali", "Begum", "Singh", "Kaur", "Sharma", "O'Brien", "Murphy", "Kelly",
    "Byrne", "Doyle", "McCarthy", "Ó Briain", "Nowak", "Wójcik", "Mazur",
    "Zając", "Krawczyk", "Fernández", "García", "Muñoz", "Okafor", "Mensah",
    "Adeyemi", "Nguyen", "Chen", "Wong", "Jenkins", "Price", "Pritchard",
    "Llewellyn", "Owen", "Ashworth", "Barlow", "Hargreaves", "Kershaw",
    "Pennington", "Bradshaw", "Whittaker", "Heaton", "Brierley", "Fairclough",
    "Lomax", "Oldham", "Holt", "Dunne", "Gallagher", "Mistry", "Chowdhury",
    "Asante", "Björk", "Müller", "Lefèvre",
]


class NameMaker:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def __call__(self):
        while True:
            n = self.rng.choice(FIRST_NAMES) + " " + self.rng.choice(SURNAMES)
            if n not in self.used:
                self.used.add(n)
                return n


# ---------------------------------------------------------------------------
# Staff generation
# ---------------------------------------------------------------------------

FTE_OPTIONS = [1.0, 0.8, 0.6, 0.5]
FTE_WEIGHTS = [0.62, 0.18, 0.12, 0.08]
SENIOR_FTE_WEIGHTS = [0.75, 0.15, 0.10, 0.0]
FILL_RANGE = (0.85, 1.0)          # in post / required, per neighbourhood and role
MIN_SENIOR_QN = 5                 # band 6+ day nurses per neighbourhood, to start with
MIN_SENIOR_QN_FTE = 4.0

DAY = ["early", "mid", "late"]
PATTERNS = {
    "day": DAY,
    "day+evening": DAY + ["evening"],
    "nights": ["evening", "night"],
    "rotational": DAY + ["evening", "night"],
}
SW_ALL = ["sw-early", "sw-late", "sw-we-early", "sw-we-late"]
SW_WEEKDAY = ["sw-early", "sw-late"]
TR = ["tr-day", "tr-weekend"]


def draw_fte(rng, weights=FTE_WEIGHTS):
    return rng.choices(FTE_OPTIONS, weights)[0]


def fte_list(rng, target):
    """FTEs of people adding up to about `target`."""
    out = []
    remaining = target
    while remaining >= 0.25:
        f = draw_fte(rng)
        if f > remaining + 0.1:
            f = min(FTE_OPTIONS, key=lambda o: (abs(o - remaining), o))
        out.append(f)
        remaining -= f
    return out


class Ctx:
    """What the staff generator needs to know about a scenario."""

    def __init__(self, scn, rng):
        self.scn = scn
        self.rng = rng
        self.dates = horizon_dates(scn["horizon"])
        self.first, self.last = self.dates[0], self.dates[-1]
        self.weekdays = [d for d in self.dates if d.weekday() < 5]
        self.names = NameMaker(rng)


def make_leave(ctx):
    """Annual leave in weekday blocks, plus the odd sick or study day."""
    rng = ctx.rng
    leave = []

    def block(kind, length):
        # start on a weekday from a few days before the horizon to its end,
        # so that some leave overlaps the horizon's edges
        lo = ctx.first - dt.timedelta(days=4)
        cands = [lo + dt.timedelta(days=i)
                 for i in range((ctx.last - lo).days + 1)]
        cands = [d for d in cands if d.weekday() < 5]
        start = rng.choice(cands)
        end, n = start, 1
        while n < length:
            end += dt.timedelta(days=1)
            if end.weekday() < 5:
                n += 1
        if end < ctx.first:
            return
        for l in leave:
            a, b = dt.date.fromisoformat(l["from"]), dt.date.fromisoformat(l["to"])
            if not (end + dt.timedelta(days=1) < a or b + dt.timedelta(days=1) < start):
                return
        leave.append({"from": start.isoformat(), "to": end.isoformat(), "kind": kind})

    if rng.random() < 0.58:
        block("annual", rng.choices([1, 2, 3, 4, 5], [1, 1, 2, 2, 5])[0])
        if rng.random() < 0.3:
            block("annual", rng.choices([1, 2, 3, 4, 5], [2, 2, 2, 1, 2])[0])
    if rng.random() < 0.07:
        block("sick", rng.choice([1, 2, 3]))
    if rng.random() < 0.06:
        block("study", 1)
    leave.sort(key=lambda l: l["from"])
    return leave


def leave_dates(person):
    out = set()
    for l in person.get("leave", []):
        d = dt.date.fromisoformat(l["from"])
        b = dt.date.fromisoformat(l["to"])
        while d <= b:
            out.add(d)
            d += dt.timedelta(days=1)
    return out


def make_person(ctx, pid, role, band, fte, nb, may, shifts, allow_days_off=True):
    rng = ctx.rng
    p = {"id": pid, "name": ctx.names(), "role": role, "band": band, "fte": fte,
         "neighbourhood": nb, "may_work_in": may, "shifts": list(shifts)}
    leave = make_leave(ctx)
    if leave:
        p["leave"] = leave
    if allow_days_off and fte <= 0.6 and rng.random() < 0.35:
        p["days_off_weekly"] = sorted(rng.sample(DAY_NAMES[:5], rng.choice([1, 1, 2])),
                                      key=DAY_NAMES.index)
    elif allow_days_off and fte == 0.8 and rng.random() < 0.2:
        p["days_off_weekly"] = [rng.choice(DAY_NAMES[:5])]
    if rng.random() < 0.2:
        off = leave_dates(p)
        fixed = set(p.get("days_off_weekly", []))
        free = [d for d in ctx.dates if d not in off and DAY_NAMES[d.weekday()] not in fixed]
        reqs = []
        for d in sorted(rng.sample(free, min(len(free), rng.choice([1, 1, 2, 3])))):
            if rng.random() < 0.7:
                reqs.append({"date": d.isoformat(), "off": True,
                             "weight": rng.choice([1, 1, 2, 3])})
            else:
                reqs.append({"date": d.isoformat(), "shift": rng.choice(p["shifts"]),
                             "on": True, "weight": 1})
        p["requests"] = reqs
    return p


def nursing_pattern(rng, night_share):
    r = rng.random()
    if r < night_share * 0.7:
        return "nights"
    if r < night_share * 1.3:
        return "rotational"
    if r < night_share * 1.3 + 0.15:
        return "day+evening"
    return "day"


def generate_staff(scn, seed):
    rng = random.Random(seed)
    ctx = Ctx(scn, rng)
    dem = weekly_demand(scn)
    nbs = [n["id"] for n in scn["neighbourhoods"]]

    # share of community-nursing demand after 20:00 (evening and night bands),
    # per role: the share of nurses who work evenings and nights follows it
    late = {"qn": 0.0, "nsw": 0.0}
    allh = {"qn": 0.0, "nsw": 0.0}
    tz = ZoneInfo(scn["timezone"])
    for band in scn["services"][0]["bands"]:
        units = scope_units(scn, band["scope"])
        for req in band["require"]:
            h = sum(head_counts(scn, req, units)) * sum(
                real_hours(d, band["from"], band["to"], tz) for d in ctx.dates
                if days_match(band["days"], pattern_day(d, scn)))
            allh[req["role"]] += h
            if band["label"] in ("Evening nursing service", "Night nursing service"):
                late[req["role"]] += h
    night_share = {r: late[r] / allh[r] for r in late}

    counters = {"n": 0, "t": 0, "s": 0}

    def new_id(prefix):
        counters[prefix] += 1
        return "%s%03d" % (prefix, counters[prefix])

    staff = []
    targets = {}
    for nb in nbs:
        base_fill = rng.uniform(FILL_RANGE[0] + 0.01, FILL_RANGE[1] - 0.01)

        def fill():
            return min(FILL_RANGE[1], max(FILL_RANGE[0], base_fill + rng.uniform(-0.04, 0.04)))

        # --- community nursing, qualified nurses: seniors first
        t_qn = required_fte(scn, dem.get((nb, "community-nursing", "qn"), 0)) * fill()
        seniors, sen_fte = [], 0.0
        while len(seniors) < MIN_SENIOR_QN or sen_fte < MIN_SENIOR_QN_FTE:
            f = draw_fte(rng, SENIOR_FTE_WEIGHTS)
            band = 7 if rng.random() < 0.25 else 6
            pat = rng.choices(["day", "day+evening", "rotational"], [6, 3, 1])[0]
            seniors.append((f, band, pat))
            sen_fte += f
        people = list(seniors)
        for f in fte_list(rng, t_qn - sen_fte):
            band = 6 if rng.random() < 0.2 else 5
            people.append((f, band, nursing_pattern(rng, night_share["qn"])))
        for f, band, pat in people:
            shifts = list(PATTERNS[pat])
            if band == 5 and pat == "day" and rng.random() < 0.2:
                shifts += TR          # some community nurses also do the treatment room
            may = "borough" if pat == "nights" else (
                "neighbourhood" if rng.random() < 0.1 else "locality")
            staff.append(make_person(ctx, new_id("n"), "qn", band, f, nb, may, shifts))
        # --- nursing support workers
        t_nsw = required_fte(scn, dem.get((nb, "community-nursing", "nsw"), 0)) * fill()
        for f in fte_list(rng, t_nsw):
            pat = nursing_pattern(rng, night_share["nsw"])
            may = "borough" if pat == "nights" else (
                "neighbourhood" if rng.random() < 0.1 else "locality")
            staff.append(make_person(ctx, new_id("n"), "nsw", 3, f, nb, may, PATTERNS[pat]))
        # --- treatment room nurses
        t_tr = required_fte(scn, dem.get((nb, "treatment-room", "qn"), 0)) * fill()
        for f in fte_list(rng, t_tr):
            band = 6 if rng.random() < 0.3 else 5
            shifts = TR + (["early", "mid"] if rng.random() < 0.3 else [])
            staff.append(make_person(ctx, new_id("t"), "qn", band, f, nb, "locality", shifts))
        # --- social work
        for role, band in (("sw", 6), ("sco", 4), ("atm", 7)):
            t = required_fte(scn, dem.get((nb, "social-work", role), 0)) * fill()
            for f in fte_list(rng, t):
                if role == "atm":
                    shifts = SW_ALL
                else:
                    shifts = SW_WEEKDAY if rng.random() < 0.15 else SW_ALL
                may = "neighbourhood" if rng.random() < 0.1 else "base"
                staff.append(make_person(ctx, new_id("s"), role, band, f, nb, may, shifts))
        targets[nb] = True
    return staff, ctx


# ---------------------------------------------------------------------------
# Witness rota for the hard senior rules
# ---------------------------------------------------------------------------

def shift_table(scn):
    return {s["id"]: s for s in scn["shifts"]}


def contract_cap(scn, person, dates):
    rules = dict(scn["rules"])
    rules.update(person.get("rules", {}))
    hpw = rules["hours_per_fte_week"]
    lv = leave_dates(person)
    target = person["fte"] * hpw * len(dates) / 7.0
    target -= person["fte"] * hpw / 5.0 * sum(1 for d in dates if d in lv and d.weekday() < 5)
    return min(target + rules["contract_tolerance_hours"],
               rules["max_avg_weekly_hours"] * len(dates) / 7.0)


def weekend_key(d):
    if d.weekday() == 5:
        return d
    if d.weekday() == 6:
        return d - dt.timedelta(days=1)
    return None


class Witness:
    """Greedy rota for one unit and one senior rule, over the horizon.

    slots: for each date, a list of slots; a slot is a list of shift ids, any
    of which fills it.  Each slot needs a different person.
    """

    def __init__(self, scn, people, dates, max_run=5):
        self.scn = scn
        self.people = people
        self.dates = dates
        self.max_run = max_run
        self.sh = shift_table(scn)
        self.tz = ZoneInfo(scn["timezone"])
        self.wkeys = sorted({weekend_key(d) for d in dates if weekend_key(d)})

    def paid(self, d, sid):
        s = self.sh[sid]
        return real_hours(d, s["start"], s["end"], self.tz) - s.get("break_minutes", 0) / 60.0

    def solve(self, slots_for, seed):
        rng = random.Random(seed)
        st = {}
        for p in self.people:
            st[p["id"]] = {"p": p, "hours": 0.0, "cap": contract_cap(self.scn, p, self.dates),
                           "off": leave_dates(p),
                           "fixed": set(p.get("days_off_weekly", [])),
                           "days": {}, "weekends": set()}
        for i, d in enumerate(self.dates):
            used = set()
            wk = weekend_key(d)
            for slot in slots_for(d):
                best = None
                for pid in sorted(st):
                    s = st[pid]
                    if pid in used or d in s["off"] or DAY_NAMES[d.weekday()] in s["fixed"]:
                        continue
                    opts = [x for x in slot if x in s["p"]["shifts"]]
                    if not opts:
                        continue
                    sid = opts[0]
                    if s["hours"] + self.paid(d, sid) > s["cap"] + 1e-9:
                        continue
                    run = 0
                    j = i - 1
                    while j >= 0 and self.dates[j] in s["days"]:
                        run += 1
                        j -= 1
                    if run + 1 > self.max_run:
                        continue
                    prev = d - dt.timedelta(days=1)
                    if prev in s["days"]:
                        ps = self.sh[s["days"][prev]]
                        _, pend = interval(prev, ps["start"], ps["end"], self.tz)
                        cs = self.sh[sid]
                        cstart, _ = interval(d, cs["start"], cs["end"], self.tz)
                        if (cstart - pend).total_seconds() < self.scn["rules"]["min_rest_hours"] * 3600:
                            continue
                    new_weekend = wk is not None and wk not in s["weekends"]
                    if new_weekend and not self.weekends_ok(s["weekends"] | {wk}):
                        continue
                    # prefer: already on this weekend, fewest hours used
                    # relative to the cap, then a random tie-break
                    score = (1 if new_weekend else 0,
                             s["hours"] / max(s["cap"], 1e-9),
                             rng.random())
                    if best is None or score < best[0]:
                        best = (score, pid, sid)
                if best is None:
                    return None
                _, pid, sid = best
                s = st[pid]
                s["days"][d] = sid
                s["hours"] += self.paid(d, sid)
                if wk is not None:
                    s["weekends"].add(wk)
                used.add(pid)
        return {pid: s["days"] for pid, s in st.items() if s["days"]}

    def weekends_ok(self, worked):
        limit = self.scn["rules"]["max_weekends"]
        k = self.wkeys
        if len(k) <= 4:
            return len(worked) <= limit
        for a in range(len(k) - 3):
            if len(worked & set(k[a:a + 4])) > limit:
                return False
        return True

    def check(self, rota):
        """Independent check of a witness rota against every hard rule."""
        rules = self.scn["rules"]
        for pid, days in rota.items():
            p = next(x for x in self.people if x["id"] == pid)
            ivs = []
            hours = 0.0
            for d in sorted(days):
                sid = days[d]
                assert sid in p["shifts"], (pid, d, sid)
                assert d not in leave_dates(p), (pid, d)
                assert DAY_NAMES[d.weekday()] not in p.get("days_off_weekly", []), (pid, d)
                s = self.sh[sid]
                ivs.append(interval(d, s["start"], s["end"], self.tz))
                hours += self.paid(d, sid)
            assert hours <= contract_cap(self.scn, p, self.dates) + 1e-9, pid
            for (a0, a1), (b0, b1) in zip(ivs, ivs[1:]):
                assert (b0 - a1).total_seconds() >= rules["min_rest_hours"] * 3600, pid
            run = 0
            for d in self.dates:
                run = run + 1 if d in days else 0
                assert run <= rules["max_days_in_a_row"], pid
            assert self.weekends_ok({weekend_key(d) for d in days if weekend_key(d)}), pid
            # weekly rest: in every 7-day window of the horizon, starting at
            # any local midnight or at any shift end, an unbroken rest of
            # 24 hours (the stricter reading of the rule)
            h0 = interval(self.dates[0], "00:00", "00:00", self.tz)[0]
            h1 = interval(self.dates[-1], "00:00", "00:00", self.tz)[1]
            starts = [interval(d, "00:00", "00:00", self.tz)[0] for d in self.dates]
            starts += [b for _, b in ivs]
            for w0 in starts:
                w1 = w0 + dt.timedelta(days=7)
                if w1 > h1:
                    continue
                cur, gap = w0, 0.0
                for a, b in ivs:
                    if b <= w0 or a >= w1:
                        continue
                    gap = max(gap, (max(a, w0) - cur).total_seconds())
                    cur = max(cur, b)
                gap = max(gap, (w1 - cur).total_seconds())
                assert gap >= rules["weekly_rest"]["hours"] * 3600, (pid, w0)
            assert h0 <= h1
        return True


def witness_ok(scn, people, slots_for, label):
    dates = horizon_dates(scn["horizon"])
    w = Witness(scn, people, dates)
    for seed in range(40):
        rota = w.solve(slots_for, seed)
        if rota is not None:
            w.check(rota)
            return True
    return False


def senior_slots_nursing(scn):
    def slots(d):
        return [["early"], ["mid", "late"]]
    return slots


def senior_slots_atm(scn):
    def slots(d):
        if days_match(["weekend"], pattern_day(d, scn)):
            return [["sw-we-late", "sw-late"]]
        return []
    return slots


def ensure_senior_cover(scn, staff, ctx):
    """Make sure the senior skill-mix rules admit a rota; add staff if not."""
    added = []
    # band 6+ qualified nurse, community nursing, 08:00-18:00 daily, per neighbourhood
    for n in scn["neighbourhoods"]:
        nb = n["id"]
        while True:
            people = [p for p in staff if p["neighbourhood"] == nb and p["role"] == "qn"
                      and p["band"] >= 6 and "early" in p["shifts"]
                      and ("mid" in p["shifts"] or "late" in p["shifts"])]
            if witness_ok(scn, people, senior_slots_nursing(scn), nb):
                break
            nid = "n%03d" % (1 + max(int(p["id"][1:]) for p in staff if p["id"][0] == "n"))
            p = make_person(ctx, nid, "qn", 6, 1.0, nb, "locality", PATTERNS["day"],
                            allow_days_off=False)
            staff.append(p)
            added.append(nid)
    # assistant team manager, weekend 14:00-20:00, per base
    atm_ok = True
    for base, members in scn["groups"]["base"].items():
        people = [p for p in staff if p["neighbourhood"] in members and p["role"] == "atm"
                  and p["band"] >= 7]
        if not witness_ok(scn, people, senior_slots_atm(scn), base):
            atm_ok = False
    staff.sort(key=lambda p: p["id"])
    return added, atm_ok


# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------

def base_scenario(name, neighbourhoods, groups):
    roles, services, shifts, sm_n, sm_atm, rules, planning, weights = common_parts()
    return {
        "rota7": 1,
        "name": name,
        "timezone": "Europe/London",
        "horizon": {"month": "2018-03"},
        "bank_holidays": list(BANK_HOLIDAYS_2018),
        "bank_holiday_pattern": "sun",
        "neighbourhoods": neighbourhoods,
        "groups": groups,
        "roles": roles,
        "services": services,
        "shifts": shifts,
        "skill_mix": sm_n + [sm_atm],
        "rules": rules,
        "planning": planning,
        "weights": weights,
    }


def finish(scn, seed):
    staff, ctx = generate_staff(scn, seed)
    added, atm_ok = ensure_senior_cover(scn, staff, ctx)
    if not atm_ok:
        scn["skill_mix"] = [r for r in scn["skill_mix"] if r.get("role") != "atm"]
    scn["staff"] = staff
    return added, atm_ok



# ---------------------------------------------------------------------------
# Pay (rota7's addition to the spec: README "Pay and cost"), Stockport only
# ---------------------------------------------------------------------------

# Agenda for Change, England, 2017/18 (March 2018 is in 2017/18).  Basic
# pay at the top pay point of each band: the 2015/16 values of NHS
# Employers, NHS Terms and Conditions of Service Handbook Annex 3, Table
# 9(L) (pay spine from 1 April 2015: band 3 top point 12 £19,461, band 4
# point 17 £22,236, band 5 point 23 £28,180, band 6 point 29 £34,876,
# band 7 point 34 £40,964), raised by the 1% awards of 1 April 2016 and
# 1 April 2017 (NHS Employers Pay advice notice (AforC) 1/2017: "the
# value of each pay point ... is increased by one per cent"), x 1.0201
# rounded to the pound; the published Annex 2 points may differ by £1.
# ASSUMPTION: everyone at the top of their band (budgets are commonly
# set there; the band's lowest point is 20-25% less).
AFC_2015_TOP = {3: 19461, 4: 22236, 5: 28180, 6: 34876, 7: 40964}
AFC_SOURCE = ("Agenda for Change England 2017/18, top pay point of the band: "
              "NHS Employers Handbook Annex 3 Table 9(L) (from 1 April 2015) "
              "x 1.01 (April 2016) x 1.01 (April 2017, Pay advice notice "
              "1/2017), rounded to the pound")
# Unsocial hours, Agenda for Change Handbook Section 2 (Annex 5 in
# England) as it stood in 2017/18: "all time on Saturday (midnight to
# midnight) and any weekday after 8pm and before 6am" and "all time on
# Sundays and public holidays": bands 4-9 time plus 30% and 60% (NHS
# Employers, "Unsocial hours payments"; unchanged by the 2018 deal, NHS
# Pay in Cymru/Wales, "Unsocial hour enhancement payments bands 1-3");
# band 3 time plus 37% and 74% before the 2018 deal cut them to 35% and
# 69% (HSJ, "Revealed: pay deal includes permanent cut to some out of
# hours rates", March 2018).  The rule that a weekday shift more than
# half in those hours is paid wholly at the rate is not modelled (rota7
# prices each hour).
AFC_UNSOCIAL = [
    ([3], 37, 74),
    ([4, 5, 6, 7, 8, 9], 30, 60),
]
AFC_UNSOCIAL_SOURCE = ("Agenda for Change Section 2 / Annex 5 (England), "
                       "2017/18 rates: NHS Employers 'Unsocial hours payments' "
                       "(bands 4-9, unchanged in 2018); HSJ March 2018 (band 3 "
                       "before the 2018 deal)")
# ASSUMPTION: on-costs 25%: the employer's NHS pension contribution of
# 14.38% (2015-2019) and national insurance at 13.8% above the secondary
# threshold (about 9-10% of a band 5-7 salary).
ON_COST_PCT = 25


def afc_pay():
    rates = [{"band": b, "annual": round(v * 1.0201), "x-source": AFC_SOURCE}
             for b, v in sorted(AFC_2015_TOP.items())]
    unsocial = []
    for bands, sat, sun in AFC_UNSOCIAL:
        unsocial += [
            {"bands": bands, "days": ["sat"], "from": "00:00", "to": "00:00", "pct": sat},
            {"bands": bands, "days": ["weekday"], "from": "20:00", "to": "00:00", "pct": sat},
            {"bands": bands, "days": ["weekday"], "from": "00:00", "to": "06:00", "pct": sat},
            {"bands": bands, "days": ["sun"], "bank_holidays": True, "from": "00:00",
             "to": "00:00", "pct": sun},
        ]
    return {"x-note": "%s. Unsocial hours: %s. On-costs: ASSUMPTION (employer's "
                      "pension 14.38%% and national insurance). Used for the "
                      "reports only (never the objective); see "
                      "examples/stockport/README.md." % (AFC_SOURCE, AFC_UNSOCIAL_SOURCE),
            "on_cost_pct": ON_COST_PCT, "rates": rates, "unsocial": unsocial}


def stockport():
    scn = base_scenario(
        "Stockport neighbourhood teams, March 2018",
        [{"id": i, "name": n, "weighted_population": p} for i, n, p in STOCKPORT_NEIGHBOURHOODS],
        STOCKPORT_GROUPS)
    scn["x-note"] = (
        "Neighbourhoods and weighted populations: Stockport Together neighbourhood "
        "outline business case, Table 10. Bands: Tables 13 and 14 of the same "
        "document; head-counts the document leaves open, the locality and base "
        "groupings, the 22% uplift and the whole staff list are assumptions (see "
        "examples/stockport/README.md). Staff names are fictitious.")
    scn["x-generator"] = "examples/gen_examples.py (random seed 2018031)"
    added, atm_ok = finish(scn, 2018031)
    scn["pay"] = afc_pay()
    return scn, added, atm_ok


def essex():
    nbs, loc = [], {}
    for cid, _cname, members in ESSEX_CCGS:
        loc[cid] = [m[0] for m in members]
        for mid, mname, k in members:
            nbs.append({"id": mid, "name": mname, "weighted_population": k * 1000})
    groups = {"locality": loc, "base": {k: list(v) for k, v in loc.items()}}
    scn = base_scenario("Mid and South Essex localities, March 2018", nbs, groups)
    scn["x-note"] = (
        "The 26 localities and their populations come from the Mid and South Essex "
        "local health and care model (2016), locality target tables. The figure "
        "used as weighted_population is REGISTERED population (HSCIC GP registered "
        "population, July 2016, rounded to thousands: 60K -> 60000), standing in "
        "for a weighted population, which the document does not give. Groups: "
        "locality = CCG and base = CCG are assumptions. Roles, services, shifts and "
        "rules are those of the Stockport example; staff names are fictitious.")
    scn["x-ccg-names"] = {cid: cname for cid, cname, _ in ESSEX_CCGS}
    scn["x-generator"] = "examples/gen_examples.py (random seed 2016026)"
    added, atm_ok = finish(scn, 2016026)
    return scn, added, atm_ok


# ---------------------------------------------------------------------------
# Summary and output
# ---------------------------------------------------------------------------

def summary(scn, added, atm_ok):
    lines = []
    staff = scn["staff"]
    dem = weekly_demand(scn)
    roles = [r["id"] for r in scn["roles"]]
    req = {r: 0.0 for r in roles}
    for (nb, svc, role), h in dem.items():
        req[role] += required_fte(scn, h)
    inpost = {r: 0.0 for r in roles}
    heads = {r: 0 for r in roles}
    for p in staff:
        inpost[p["role"]] += p["fte"]
        heads[p["role"]] += 1
    lines.append("%s: %d staff" % (scn["name"], len(staff)))
    for r in roles:
        lines.append("  %-4s %4d people  in post %6.1f FTE  required %6.1f FTE  gap %5.1f (%4.1f%%)"
                     % (r, heads[r], inpost[r], req[r], req[r] - inpost[r],
                        100 * (req[r] - inpost[r]) / req[r]))
    tr, ti = sum(req.values()), sum(inpost.values())
    lines.append("  all  in post %.1f FTE, required %.1f FTE, gap %.1f FTE (%.1f%%)"
                 % (ti, tr, tr - ti, 100 * (tr - ti) / tr))
    dates = horizon_dates(scn["horizon"])
    wd = [d for d in dates if d.weekday() < 5]
    lv = sum(len([d for d in leave_dates(p) if d in set(wd)]) for p in staff)
    lines.append("  leave: %.1f%% of weekday person-days; %d people with leave, %d with requests, "
                 "%d with fixed days off" % (
                     100.0 * lv / (len(staff) * len(wd)),
                     sum(1 for p in staff if p.get("leave")),
                     sum(1 for p in staff if p.get("requests")),
                     sum(1 for p in staff if p.get("days_off_weekly"))))
    nq = [p for p in staff if p["role"] in ("qn", "nsw") and p["id"][0] == "n"]
    lines.append("  nurses with night shifts: %d of %d community qn/nsw (%.0f%%)" % (
        sum(1 for p in nq if "night" in p["shifts"]), len(nq),
        100.0 * sum(1 for p in nq if "night" in p["shifts"]) / len(nq)))
    lines.append("  senior nurses added to make the senior rule feasible: %s"
                 % (", ".join(added) or "none"))
    lines.append("  ATM weekend senior rule kept: %s" % ("yes" if atm_ok else "no"))
    return "\n".join(lines)


def to_json(v, ind=0, width=100):
    """Pretty JSON, indent 2, with short objects and lists kept on one line."""
    one = json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(v, (dict, list)) or not v or ind + len(one) <= width:
        return one
    pad = " " * (ind + 2)
    if isinstance(v, dict):
        items = ["%s%s: %s" % (pad, json.dumps(k, ensure_ascii=False),
                               to_json(x, ind + 2, width)) for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * ind + "}"
    items = [pad + to_json(x, ind + 2, width) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * ind + "]"


def write(path, scn):
    text = to_json(scn) + "\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    for name, make in (("stockport", stockport), ("essex", essex)):
        scn, added, atm_ok = make()
        write(os.path.join(HERE, name, "scenario.json"), scn)
        print(summary(scn, added, atm_ok))
    return 0


if __name__ == "__main__":
    sys.exit(main())
