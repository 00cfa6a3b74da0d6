#!/usr/bin/python3
"""Calendars of `rota7 solve`, read by an independent parser.

Usage: calendars.py ROTA7 SOURCE_DIR small|stockport|essex [TIME_LIMIT]
                    [ICAL_WRITER]

Every .ics file is parsed with python3-icalendar (Debian's, not libical),
its events are matched one for one with rota.json, and the raw bytes are
checked for CRLF line ends and 75-octet folding that never splits a UTF-8
sequence.  `small` also checks the clock changes, that the same seed gives
the same calendars, --previous (SEQUENCE, CANCELLED, no one else touched)
and the failure exits.  For the large examples the calendars of a rota
of a real solve are checked, or, when the search finds no rota in
TIME_LIMIT, those of a rota written without solving (ICAL_WRITER,
tests/unit/ical_writer.c).  Exit status 0: all passed; 1: a check failed.
"""

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import icalendar

ROTA7, SRC = sys.argv[1], sys.argv[2]
MODE = sys.argv[3] if len(sys.argv) > 3 else "small"
LIMIT = sys.argv[4] if len(sys.argv) > 4 else "2"
WRITER = sys.argv[5] if len(sys.argv) > 5 else None
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

passed = 0
failed = 0


def check(name, fn, *args):
    global passed, failed
    try:
        fn(*args)
    except AssertionError as e:
        failed += 1
        print(f"FAIL {name}: {e}")
        return False
    passed += 1
    print(f"ok {name}")
    return True


def solve(scenario, out, *extra, status=0):
    p = subprocess.run([ROTA7, "solve", scenario, "-o", out, "-q",
                        "--time-limit", LIMIT, "--seed", "7", *extra],
                       capture_output=True, text=True)
    assert p.returncode == status, \
        f"exit {p.returncode}, expected {status}: {p.stderr.strip()[:300]}"
    return p


def ts(iso):
    return dt.datetime.fromisoformat(iso).timestamp()


def fmt_hours(h):
    s = f"{h:.2f}".rstrip("0").rstrip(".")
    return s


def shift_label(sid):
    s = sid.replace("_", " ")
    s = s[:1].upper() + s[1:]
    return s if s.endswith("shift") else s + " shift"


# ---- raw bytes ----

def unfold(data):
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")


def check_raw(path):
    data = open(path, "rb").read()
    assert data.endswith(b"\r\n"), f"{path}: no CRLF at the end"
    lines = data.split(b"\r\n")[:-1]
    for i, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, \
            f"{path}:{i}: a line end that is not CRLF"
        assert len(line) <= 75, f"{path}:{i}: {len(line)} octets"
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            raise AssertionError(f"{path}:{i}: UTF-8 sequence split by folding")
    text = unfold(data).decode("utf-8")
    for prop in ("METHOD:PUBLISH", "VERSION:2.0", "PRODID:", "X-WR-CALNAME:",
                 "X-WR-TIMEZONE:", "REFRESH-INTERVAL;VALUE=DURATION:"):
        assert re.search("^" + re.escape(prop), text, re.M), \
            f"{path}: no {prop}"
    used = set()
    for m in re.finditer(r"^(DTSTART|DTEND)([;:][^\r\n]*)$", text, re.M):
        rest = m.group(2)
        tz = re.match(r";TZID=([^:;]+):\d{8}T\d{6}$", rest)
        assert tz or re.match(r":\d{8}T\d{6}Z$", rest), \
            f"{path}: {m.group(1)}{rest}: neither TZID nor UTC (floating?)"
        if tz:
            used.add(tz.group(1))
    zones = re.findall(r"BEGIN:VTIMEZONE\r\nTZID:([^\r\n]+)", text)
    for z in used:
        assert zones.count(z) == 1, f"{path}: {zones.count(z)} VTIMEZONE for {z}"
    return text


# ---- parsed events ----

class Event:
    pass


ZONES = {}


def zone_of(vtimezone):
    """icalendar's reading of a VTIMEZONE; every file embeds the same one."""
    key = vtimezone.to_ical()
    if key not in ZONES:
        ZONES[key] = vtimezone.to_tz()
    return ZONES[key]


def parse(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    zones = {str(z["TZID"]): zone_of(z) for z in cal.walk("VTIMEZONE")}
    out = []
    for ev in cal.walk("VEVENT"):
        e = Event()
        e.uid = str(ev["UID"])
        e.seq = int(ev.get("SEQUENCE", 0))
        e.cancelled = str(ev.get("STATUS", "")) == "CANCELLED"
        s, en = ev["DTSTART"].dt, ev["DTEND"].dt
        assert s.tzinfo and en.tzinfo, f"{path}: {e.uid}: floating time"
        e.start, e.end = s.timestamp(), en.timestamp()
        for prop, t in (("DTSTART", s), ("DTEND", en)):
            tzid = ev[prop].params.get("TZID")
            # The file's own VTIMEZONE, as icalendar reads it, must put the
            # wall-clock time at the same instant as the Olson data does.
            if tzid and t.year < 2037:
                mine = zones[tzid].localize(t.replace(tzinfo=None))
                assert mine.timestamp() == t.timestamp(), \
                    f"{path}: {prop} {t}: embedded VTIMEZONE says {mine}"
        e.summary = str(ev.get("SUMMARY", ""))
        e.location = str(ev.get("LOCATION", ""))
        cat = ev.get("CATEGORIES")
        e.category = str(cat.cats[0]) if hasattr(cat, "cats") else str(cat)
        e.description = str(ev.get("DESCRIPTION", ""))
        out.append(e)
    name = str(cal.get("X-WR-CALNAME", ""))
    return name, out


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def names(sc):
    def by_id(key):
        return {x["id"]: x.get("name") or x["id"] for x in sc.get(key, [])}
    return (by_id("staff"), by_id("roles"), by_id("neighbourhoods"),
            by_id("services"))


def month_label(rota):
    start = dt.date.fromisoformat(rota["horizon"]["start"])
    return f"{MONTHS[start.month - 1]} {start.year}"


def expect_event(a, staff, roles, nbhds, services, for_nbhd):
    s = f"{shift_label(a['shift'])}: {roles[a['role']]}, {nbhds[a['neighbourhood']]}"
    if for_nbhd:
        s += f" ({staff[a['staff']]})"
    return (ts(a["start"]), ts(a["end"]), s)


def check_file_events(path, want, a_by_start, nbhds, services, month, who):
    text = check_raw(path)
    name, evs = parse(path)
    assert who in name and month in name, f"{path}: X-WR-CALNAME {name!r}"
    uids = [e.uid for e in evs]
    assert len(uids) == len(set(uids)), f"{path}: repeated UID"
    for u in uids:
        assert re.fullmatch(r"[0-9a-f]{32}@rota7", u), f"{path}: UID {u}"
    live = [e for e in evs if not e.cancelled]
    got = sorted((e.start, e.end, e.summary) for e in live)
    assert len(got) == len(want), f"{path}: {len(got)} events, rota.json {len(want)}"
    assert got == sorted(want), f"{path}: events differ from rota.json: " \
        f"{[g for g in got if g not in want][:2]} vs {[w for w in want if w not in got][:2]}"
    for e in live:
        a = a_by_start[(e.start, e.summary)]
        assert e.location == nbhds[a["neighbourhood"]], f"{path}: LOCATION {e.location}"
        assert e.category == services[a["service"]], f"{path}: CATEGORIES {e.category}"
        assert f"Paid hours: {fmt_hours(a['paid_hours'])}" in e.description, \
            f"{path}: DESCRIPTION {e.description!r}, paid {a['paid_hours']}"
    return text, evs


def check_output(scenario, out):
    """Every calendar against rota.json; returns {file: (text, events)}."""
    sc, rota = load(scenario), load(os.path.join(out, "rota.json"))
    staff, roles, nbhds, services = names(sc)
    month = month_label(rota)
    files = {}
    by_staff, by_nbhd = {}, {}
    for a in rota["assignments"]:
        by_staff.setdefault(a["staff"], []).append(a)
        by_nbhd.setdefault(a["neighbourhood"], []).append(a)
    sdir = os.path.join(out, "calendars", "staff")
    ndir = os.path.join(out, "calendars", "neighbourhood")
    have = sorted(os.listdir(sdir))
    assert have == sorted(f"{s}.ics" for s in by_staff), \
        f"staff calendars {have[:5]}... for {len(by_staff)} people with shifts"
    have = sorted(os.listdir(ndir))
    assert have == sorted(f"{n}.ics" for n in nbhds), f"neighbourhood calendars {have}"
    for sid, asg in by_staff.items():
        want = [expect_event(a, staff, roles, nbhds, services, False) for a in asg]
        idx = {(w[0], w[2]): a for w, a in zip(want, asg)}
        p = os.path.join(sdir, f"{sid}.ics")
        files[p] = check_file_events(p, want, idx, nbhds, services, month,
                                     staff[sid])
    for nid in nbhds:
        asg = by_nbhd.get(nid, [])
        want = [expect_event(a, staff, roles, nbhds, services, True) for a in asg]
        idx = {(w[0], w[2]): a for w, a in zip(want, asg)}
        p = os.path.join(ndir, f"{nid}.ics")
        files[p] = check_file_events(p, want, idx, nbhds, services, month,
                                     nbhds[nid])
    return files


def check_example(scenario, out):
    files = check_output(scenario, out)
    assert files, "no calendars"
    print(f"   {len(files)} calendars, "
          f"{sum(len(ev) for _, ev in files.values())} events agree with rota.json")


# ---- small: clock changes ----

def check_clock_change(scenario, out, date, hours, word):
    check_output(scenario, out)
    rota = load(os.path.join(out, "rota.json"))
    nights = [a for a in rota["assignments"] if a["date"] == date]
    assert nights, f"nobody works the night of {date}"
    for a in nights:
        _, evs = parse(os.path.join(out, "calendars", "staff", f"{a['staff']}.ics"))
        ev = [e for e in evs if e.start == ts(a["start"])]
        assert len(ev) == 1, f"{a['staff']}: no event on {date}"
        assert ev[0].end - ev[0].start == hours * 3600, \
            f"{a['staff']} {date}: lasts {(ev[0].end - ev[0].start) / 3600} h"
        assert f"clocks go {word}" in ev[0].description, ev[0].description
    raw = open(os.path.join(out, "calendars", "staff",
                            f"{nights[0]['staff']}.ics"), "rb").read()
    d = date.replace("-", "")
    assert f"DTSTART;TZID=Europe/London:{d}T233000".encode() in raw, \
        "DTSTART not in local time with its TZID"


# ---- small: same seed, same calendars ----

STAMP = re.compile(rb"^DTSTAMP:(\d{8}T\d{6}Z)\r\n", re.M)


def strip_stamps(data):
    return STAMP.sub(b"", data)


def tree(out):
    res = {}
    for sub in ("staff", "neighbourhood"):
        d = os.path.join(out, "calendars", sub)
        for f in sorted(os.listdir(d)):
            res[f"{sub}/{f}"] = open(os.path.join(d, f), "rb").read()
    return res


def check_same_seed(scenario, tmp):
    os.makedirs(tmp, exist_ok=True)
    a, b = os.path.join(tmp, "seed-a"), os.path.join(tmp, "seed-b")
    t0 = time.time()
    solve(scenario, a)
    solve(scenario, b)
    t1 = time.time()
    assert load(f"{a}/rota.json")["assignments"] == \
        load(f"{b}/rota.json")["assignments"], "the solver gave two rotas"
    ta, tb = tree(a), tree(b)
    assert ta.keys() == tb.keys(), "different files"
    for k in ta:
        assert strip_stamps(ta[k]) == strip_stamps(tb[k]), f"{k} differs"
        stamps = set(STAMP.findall(ta[k]))
        assert len(stamps) == 1, f"{k}: {len(stamps)} different DTSTAMPs"
        stamp = dt.datetime.strptime(stamps.pop().decode(), "%Y%m%dT%H%M%SZ")
        stamp = stamp.replace(tzinfo=dt.timezone.utc).timestamp()
        assert t0 - 2 <= stamp <= t1 + 2, f"{k}: DTSTAMP is not the run's time"


# ---- small: --previous ----

def blocks(text):
    """UID -> the VEVENT's unfolded text without DTSTAMP."""
    res = {}
    for b in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", text, re.S):
        uid = re.search(r"^UID:(\S+)", b, re.M).group(1)
        res[uid] = re.sub(r"^DTSTAMP:.*\r\n", "", b, flags=re.M)
    return res


def same_content(e1, e2):
    return (e1.start, e1.end, e1.summary, e1.location, e1.category,
            e1.description) == (e2.start, e2.end, e2.summary, e2.location,
                                e2.category, e2.description)


def check_sequences(path, old_path):
    """SEQUENCE and CANCELLED against the earlier file, event by event."""
    _, new = parse(path)
    old = {e.uid: e for e in parse(old_path)[1]} if os.path.exists(old_path) else {}
    new_by = {e.uid: e for e in new}
    for e in new:
        o = old.get(e.uid)
        if e.cancelled:
            assert o, f"{path}: {e.uid} cancelled but never published"
            want = o.seq if o.cancelled else o.seq + 1
            assert e.seq == want, f"{path}: cancelled {e.uid} SEQUENCE {e.seq}, want {want}"
            assert (e.start, e.end) == (o.start, o.end), f"{path}: cancelled event moved"
        elif o is None:
            assert e.seq == 0, f"{path}: new event with SEQUENCE {e.seq}"
        else:
            changed = o.cancelled or not same_content(o, e)
            want = o.seq + 1 if changed else o.seq
            assert e.seq == want, \
                f"{path}: {e.summary} SEQUENCE {e.seq}, want {want} (changed: {changed})"
    for uid, o in old.items():
        assert uid in new_by, f"{path}: {o.summary} on {o.start} vanished " \
            "instead of being cancelled"
    return new


def worked(rota, sid):
    return [a for a in rota["assignments"] if a["staff"] == sid]


def pick_leave(rota):
    """The person with most shifts, on leave on their first two."""
    counts = {}
    for a in rota["assignments"]:
        counts[a["staff"]] = counts.get(a["staff"], 0) + 1
    who = max(sorted(counts), key=lambda s: counts[s])
    return who, sorted(a["date"] for a in worked(rota, who))[:2]


def check_previous(scenario, tmp, leave=None):
    """With leave=(who, dates) the rota is forced: nobody else may move."""
    os.makedirs(tmp, exist_ok=True)
    out1, out2, out3, out1b = (os.path.join(tmp, n) for n in
                               ("prev1", "prev2", "prev3", "prev1b"))
    solve(scenario, out1)
    rota1 = load(f"{out1}/rota.json")
    sc = load(scenario)
    who, dates = leave or pick_leave(rota1)
    for p in sc["staff"]:
        if p["id"] == who:
            p.setdefault("leave", []).extend(
                {"from": d, "to": d, "kind": "annual"} for d in dates)
    changed = os.path.join(tmp, "changed.json")
    with open(changed, "w", encoding="utf-8") as f:
        json.dump(sc, f, ensure_ascii=False)
    solve(changed, out2, "--previous", out1)
    rota2 = load(f"{out2}/rota.json")
    check_output(changed, out2)

    t1, t2 = tree(out1), tree(out2)
    for k in t2:
        check_sequences(f"{out2}/calendars/{k}", f"{out1}/calendars/{k}")
    _, evs = parse(f"{out2}/calendars/staff/{who}.ics")
    gone = [ts(a["start"]) for a in worked(rota1, who) if a["date"] in dates]
    for t in gone:
        hit = [e for e in evs if e.start == t and e.cancelled and e.seq == 1]
        assert len(hit) == 1, f"{who}: the shift at {t} is not cancelled"
    same = [p["id"] for p in sc["staff"] if p["id"] != who and
            worked(rota1, p["id"]) == worked(rota2, p["id"])]
    if leave:
        assert len(same) == len(sc["staff"]) - 1, \
            "the rota is forced, yet other people's shifts moved"
    for sid in same:
        k = f"staff/{sid}.ics"
        if k in t1:
            assert strip_stamps(t1[k]) == strip_stamps(t2[k]), \
                f"{sid}'s rota is unchanged but the calendar changed"
    # Their events in the neighbourhood calendars are untouched too, and
    # in a forced rota so are the leave-taker's other shifts.
    sname = {p["id"]: p.get("name") or p["id"] for p in sc["staff"]}
    touched = 0
    for k in t2:
        if not k.startswith("neighbourhood/") or k not in t1:
            continue
        b1 = blocks(unfold(t1[k]).decode())
        for uid, b in blocks(unfold(t2[k]).decode()).items():
            if any(f"({sname[s]})" in b for s in same):
                assert b1.get(uid) == b, f"{k}: another person's event changed"
            elif b1.get(uid) != b:
                touched += 1
    if leave:
        assert touched == len(gone), \
            f"{touched} neighbourhood events changed, {len(gone)} cancelled"
    print(f"   {who} on leave {dates}: {len(gone)} cancelled; "
          f"{len(same)} others unchanged")

    # Publishing the same rota again changes nothing, cancellations kept.
    solve(changed, out3, "--previous", out2)
    t3 = tree(out3)
    assert t3.keys() == t2.keys(), "files differ on re-publishing"
    for k in t2:
        assert strip_stamps(t2[k]) == strip_stamps(t3[k]), \
            f"{k} changed on re-publishing the same rota"
    solve(scenario, out1b, "--previous", out1)
    for k, v in tree(out1b).items():
        assert strip_stamps(v) == strip_stamps(t1[k]), \
            f"{k}: re-publishing an unchanged rota changed it"


# Three nurses, each allowed one shift type, every shift needed: the rota
# is forced, so leave for one of them can move nobody else.  Over the
# October change, with names that are not ASCII.
FORCED = {
    "rota7": 1, "name": "Forced rota over the October change",
    "horizon": {"start": "2018-10-25", "days": 4},
    "neighbourhoods": [{"id": "marple", "name": "Marple",
                        "weighted_population": 29406}],
    "roles": [{"id": "qn", "name": "Qualified nurse"}],
    "services": [{"id": "cn", "name": "Community nursing", "bands": [
        {"label": "Day", "from": "08:00", "to": "16:00",
         "require": [{"role": "qn", "count": 1}]},
        {"label": "Late", "from": "16:00", "to": "23:30",
         "require": [{"role": "qn", "count": 1}]},
        {"label": "Night", "from": "23:30", "to": "08:00",
         "require": [{"role": "qn", "count": 1}]}]}],
    "shifts": [
        {"id": "early", "service": "cn", "start": "08:00", "end": "16:00"},
        {"id": "late", "service": "cn", "start": "16:00", "end": "23:30"},
        {"id": "night", "service": "cn", "start": "23:30", "end": "08:00",
         "break_minutes": 30}],
    "rules": {"weekly_rest": {"hours": 24, "per_days": 14},
              "contract_tolerance_hours": 40, "max_avg_weekly_hours": 80},
    "staff": [
        {"id": "e1", "name": "Si\u00e2n Evans", "role": "qn",
         "neighbourhood": "marple", "shifts": ["early"]},
        {"id": "l1", "name": "Zo\u00eb Kershaw", "role": "qn",
         "neighbourhood": "marple", "shifts": ["late"]},
        {"id": "n1", "name": "\u0141ukasz Nowak", "role": "qn",
         "neighbourhood": "marple", "shifts": ["night"]}],
}


def check_failures(scenario, tmp):
    os.makedirs(tmp, exist_ok=True)
    p = solve(scenario, os.path.join(tmp, "f1"), "--previous",
              os.path.join(tmp, "no-such-dir"), status=2)
    assert "no-such-dir" in p.stderr, p.stderr
    bad = os.path.join(tmp, "bad-prev")
    solve(scenario, bad)
    victim = sorted(os.listdir(f"{bad}/calendars/staff"))[0]
    with open(f"{bad}/calendars/staff/{victim}", "wb") as f:
        f.write(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:garbage\r\n"
                b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    p = solve(scenario, os.path.join(tmp, "f2"), "--previous", bad, status=2)
    assert victim in p.stderr, p.stderr
    # An output that cannot be written: exit 4, no temporary file left.
    out = os.path.join(tmp, "f3")
    os.makedirs(out)
    open(f"{out}/calendars", "w").close()
    solve(scenario, out, status=4)
    left = [f for _, _, fs in os.walk(out) for f in fs if ".tmp." in f]
    assert not left, f"temporary files left: {left}"


def write_unsolved(sc, out):
    p = subprocess.run([WRITER, sc, out], capture_output=True, text=True)
    assert p.returncode == 0, f"ical_writer: {p.stderr.strip()[:300]}"


def large(sc, tmp):
    out = os.path.join(tmp, "solved")
    p = subprocess.run([ROTA7, "solve", sc, "-o", out, "-q",
                        "--time-limit", LIMIT, "--seed", "7"],
                       capture_output=True, text=True)
    if p.returncode == 0:
        check(f"calendars of {MODE} (solved rota)", check_example, sc, out)
        return
    if p.returncode != 5:
        check(f"solve {MODE}", fail, f"exit {p.returncode}: {p.stderr[:300]}")
        return
    # No rota in time (exit 5: it proves nothing, so never 3) is the
    # search's business (tests/solve_examples.sh); the calendars are
    # checked on a rota written without solving.
    print(f"note: solve {MODE} found no rota in {LIMIT} s "
          f"({p.stderr.strip()[:120]}); checking a written rota")
    out = os.path.join(tmp, "written")
    if check(f"write {MODE} without solving", write_unsolved, sc, out):
        check(f"calendars of {MODE} (written rota)", check_example, sc, out)


# ---- small: the organiser (an addition to the spec) ----

ORGANISER = {"name": "Rota office: Bramhall; nights, weekends",
             "email": "rota.office+nights@example.org"}


def organizers(out):
    """(CN, address) of every VEVENT of every calendar in out."""
    got = []
    for kind in ("staff", "neighbourhood"):
        d = os.path.join(out, "calendars", kind)
        for name in sorted(os.listdir(d)):
            cal = icalendar.Calendar.from_ical(
                open(os.path.join(d, name), "rb").read())
            for ev in cal.walk("VEVENT"):
                org = ev.get("ORGANIZER")
                got.append(None if org is None else
                           (str(org.params.get("CN")), str(org)))
    return got


def check_organiser(scenario, tmp):
    """RFC 5546 3.2.1: a PUBLISH event has an ORGANIZER; written on every
    event when the scenario names one, on none when it does not."""
    plain = os.path.join(tmp, "plain")
    solve(scenario, plain)
    got = organizers(plain)
    assert got and all(g is None for g in got), f"ORGANIZER unasked: {got[:2]}"
    sc = load(scenario)
    sc["organiser"] = ORGANISER
    named = os.path.join(tmp, "organiser.json")
    with open(named, "w", encoding="utf-8") as f:
        json.dump(sc, f, ensure_ascii=False)
    out = os.path.join(tmp, "organiser")
    solve(named, out)
    got = organizers(out)
    want = (ORGANISER["name"], "mailto:" + ORGANISER["email"])
    assert got and all(g == want for g in got), \
        f"ORGANIZER {[g for g in got if g != want][:2]}, expected {want}"
    check_output(named, out)


def fail(msg):
    raise AssertionError(msg)


def main():
    tmp = tempfile.mkdtemp(prefix="rota7-cal-")
    try:
        if MODE in ("stockport", "essex"):
            large(os.path.join(SRC, "examples", MODE, "scenario.json"), tmp)
        else:
            small = os.path.join(SRC, "examples", "small")
            for name in sorted(os.listdir(small)):
                sc = os.path.join(small, name)
                out = os.path.join(tmp, name)
                if check(f"solve {name}", solve, sc, out):
                    check(f"calendars {name}", check_example, sc, out)
            check("march night lasts 7.5 hours", check_clock_change,
                  os.path.join(small, "clock-change-march.json"),
                  os.path.join(tmp, "clock-change-march.json"),
                  "2018-03-24", 7.5, "forward")
            check("october night lasts 9.5 hours", check_clock_change,
                  os.path.join(small, "clock-change-october.json"),
                  os.path.join(tmp, "clock-change-october.json"),
                  "2018-10-27", 9.5, "back")
            for name in ("one-week.json", "two-neighbourhoods.json"):
                check(f"same seed, same calendars ({name})", check_same_seed,
                      os.path.join(small, name), os.path.join(tmp, "seed-" + name))
                check(f"--previous after a change of leave ({name})",
                      check_previous, os.path.join(small, name),
                      os.path.join(tmp, "prev-" + name))
            forced = os.path.join(tmp, "forced.json")
            with open(forced, "w", encoding="utf-8") as f:
                json.dump(FORCED, f, ensure_ascii=False)
            check("--previous: leave for one person touches no one else",
                  check_previous, forced, os.path.join(tmp, "prev-forced"),
                  ("l1", ["2018-10-26"]))
            os.makedirs(os.path.join(tmp, "org"))
            check("ORGANIZER on every event when the scenario names one",
                  check_organiser, os.path.join(small, "one-week.json"),
                  os.path.join(tmp, "org"))
            check("failures: exit 2 and 4", check_failures,
                  os.path.join(small, "one-week.json"), os.path.join(tmp, "fail"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
