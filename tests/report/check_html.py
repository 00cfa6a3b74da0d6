#!/usr/bin/python3
"""report.html in headless Chromium with the network off.

Usage: check_html.py OUT SOURCE_DIR

OUT holds the outputs of outputs.sh (stockport/, stockport-plan/, tricky/,
tricky-plan/). For each page: it loads with no console error, exception,
error log entry or network request; it has no script; and the figures it
shows equal those of fte-gap.json and rota.json: the summary, uncovered
hours by service, the FTE gap by role and per neighbourhood and role (table
and chart), every assignment in the rota grid with its times, leave, the
coverage totals per service and each person's hours. Screenshots and a
printed PDF go to OUT/screenshots/.

First a control page with a script error and an outside image must be
caught, so a driver that saw nothing cannot pass. Without Chromium the test
fails: CI installs it (.ci/deps). Standard library only.
"""

import datetime as dt
import html.parser
import json
import os
import re
import sys
import tempfile
from zoneinfo import ZoneInfo

sys.dont_write_bytecode = True   # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

EXTRACT = r"""
(() => {
  const all = (root, sel) => [...root.querySelectorAll(sel)];
  const txt = e => e ? e.textContent.trim() : null;
  const cells = tr => [...tr.children].map(c => c.textContent.trim());
  const head = id => {
    const t = document.getElementById(id);
    return t ? all(t, 'thead th').map(c => c.textContent.trim()) : [];
  };
  const out = {title: document.title, scripts: document.scripts.length};
  out.refs = all(document, '[src],[href],[srcset],link,iframe,object,embed')
    .map(e => e.outerHTML.slice(0, 120));
  out.summary = {};
  all(document, '#summary-table tr[id]').forEach(
    tr => out.summary[tr.id] = txt(tr.querySelector('td')));
  out.solver = {};
  all(document, '#solver-table tr[id]').forEach(
    tr => out.solver[tr.id] = txt(tr.querySelector('td')));
  out.sections = all(document, 'body > section').map(s => s.id);
  out.headline = txt(document.getElementById('headline'));
  out.fteFigures = all(document, '#fte-figures dt').map(txt);
  out.generated = (document.getElementById('generated') || {}).dateTime;
  out.scenarioFile = txt(document.getElementById('scenario-file'));
  out.footerSeed = txt(document.getElementById('footer-seed'));
  out.footerIsLast = !!document.querySelector('body > footer:last-child');
  out.legend = {};
  all(document, '#rota-legend dt[data-mark]').forEach(
    dt => out.legend[dt.dataset.mark] = dt.textContent.trim());
  out.byServiceHead = head('by-service');
  out.byService = all(document, '#by-service tbody tr').map(
    tr => ({service: tr.dataset.service, cells: cells(tr)}));
  out.byRoleHead = head('gap-by-role');
  out.byRole = all(document, '#gap-by-role tbody tr').map(
    tr => ({role: tr.dataset.role, cells: cells(tr)}));
  out.gapHead = head('fte-gap');
  out.gap = all(document, '#fte-gap tbody tr').map(
    tr => ({nbhd: tr.dataset.nbhd, role: tr.dataset.role, cells: cells(tr)}));
  out.chart = all(document, '#gap-chart text.val').map(
    t => ({nbhd: t.dataset.nbhd, role: t.dataset.role, text: t.textContent}));
  out.bars = all(document, '#gap-chart rect.required, #gap-chart rect.in-post')
    .length;
  out.hasGrid = !!document.getElementById('rota-grid');
  out.shifts = all(document, '#shifts tbody tr').map(cells);
  out.days = all(document, '#rota-grid thead th.d').map(th => th.title);
  out.grid = all(document, '#rota-grid tr[data-staff]').map(tr => ({
    staff: tr.dataset.staff, name: tr.querySelector('th').textContent,
    cells: all(tr, 'td').map(td => [td.textContent.trim(), td.title])}));
  out.cov = all(document, 'table.cov').map(t => ({
    service: t.dataset.service, total: txt(t.querySelector('tfoot td.total')),
    short: t.querySelectorAll('tbody td.short').length,
    rows: t.querySelectorAll('tbody tr').length}));
  out.covDays = all(document, 'table.cov')[0] ? all(all(document,
    'table.cov')[0], 'thead th.d').map(th => th.title) : [];
  out.covRows = all(document, 'table.cov tbody tr').map(tr => ({
    service: tr.closest('table').dataset.service, scope: tr.dataset.scope,
    unit: tr.dataset.unit, role: tr.dataset.role, from: tr.dataset.from,
    to: tr.dataset.to, cells: all(tr, 'td.d').map(td => ({
      figure: td.firstChild && td.firstChild.nodeType === 3
        ? td.firstChild.nodeValue.trim() : txt(td.querySelector('.met')),
      when: txt(td.querySelector('.when')), title: td.title,
      red: td.classList.contains('short')}))}));
  out.peopleHead = head('people-table');
  out.people = all(document, '#people-table tbody tr').map(
    tr => ({staff: tr.dataset.staff, cells: cells(tr)}));
  out.visible = document.body.offsetHeight > 0 &&
    getComputedStyle(document.body).display !== 'none';
  return out;
})()
"""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def near(text, value, dec, what):
    """A figure shown with `dec` decimals against the file's value."""
    try:
        shown = float(text)
    except (TypeError, ValueError):
        return check(False, f"{what}: {text!r} is not a number")
    return check(abs(shown - value) <= 0.5 * 10 ** -dec + 0.0011,
                 f"{what}: page {text} vs file {value}")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def control(browser, tmp):
    """The driver must see a script error and an outside request."""
    page = os.path.join(tmp, "control.html")
    with open(page, "w") as f:
        f.write("<!DOCTYPE html><title>control</title>"
                "<img src=\"https://example.invalid/x.png\">"
                "<script>console.error('control error')</script>")
    browser.load("file://" + page)
    found = browser.problems()
    check(any("control error" in p for p in found),
          f"control: console error not seen ({found})")
    check(any("example.invalid" in p for p in found),
          f"control: outside request not seen ({found})")


def by_header(head, cells):
    return dict(zip(head, cells))


GAP_COLS = [("Demand hours per week", "demand_hours_per_week", 1),
            ("Required FTE", "required_fte", 2),
            ("In post FTE", "in_post_fte", 2), ("Staff", "in_post_staff", 0),
            ("FTE gap", "gap_fte", 2)]
ROTA_GAP_COLS = [("Uncovered person-hours", "uncovered_hours", 1),
                 ("FTE the rota shows short", "uncovered_fte", 2),
                 ("Hours worked outside home", "worked_outside_home_hours", 1),
                 ("Hours covered from outside", "covered_from_outside_hours",
                  1),
                 ("Hours covered by substitution", "substitution_hours", 1)]


def shown(j, rota):
    keys = ["worked_hours", "worked_outside_home_hours", "uncovered_hours"]
    return (j["required_fte"] > 0.0005 or j["in_post_staff"] > 0 or
            (rota is not None and any(j[k] > 0 for k in keys)))


def check_gap(name, page, gap, rota):
    cols = GAP_COLS + (ROTA_GAP_COLS if rota else [])
    want = {(j["neighbourhood"], j["role"]): j for j in gap["rows"]
            if shown(j, rota)}
    got = {(r["nbhd"], r["role"]): r for r in page["gap"]}
    check(set(got) == set(want), f"{name}: FTE gap rows {sorted(set(got) ^ set(want))}")
    for key, r in got.items():
        row = by_header(page["gapHead"], r["cells"])
        for head, k, dec in cols:
            if key in want:
                near(row.get(head), want[key][k], dec, f"{name} {key} {head}")
    chart = {(c["nbhd"], c["role"]): c["text"] for c in page["chart"]}
    check(set(chart) == set(want), f"{name}: chart rows")
    check(page["bars"] == 2 * len(want), f"{name}: chart bars")
    for key, text in chart.items():
        m = re.match(r"^(-?[\d.]+) required, (-?[\d.]+) in post, gap "
                     r"(-?[\d.]+)$", text)
        if check(m, f"{name}: chart label {text!r}") and key in want:
            for v, k in zip(m.groups(), ("required_fte", "in_post_fte",
                                         "gap_fte")):
                near(v, want[key][k], 2, f"{name} chart {key} {k}")
    roles = {j["role"]: j for j in gap["by_role"]}
    for r in page["byRole"]:
        row = by_header(page["byRoleHead"], r["cells"])
        for head, k, dec in cols:
            if head in row and r["role"] in roles:
                near(row[head], roles[r["role"]][k], dec,
                     f"{name} by role {r['role']} {head}")
    check(len(page["byRole"]) == len(gap["by_role"]), f"{name}: by role rows")
    near(page["summary"].get("required-fte"), gap["total"]["required_fte"], 2,
         f"{name}: summary required FTE")
    near(page["summary"].get("gap-fte"), gap["total"]["gap_fte"], 2,
         f"{name}: summary FTE gap")


def check_summary(name, page, gap, rota):
    s, sv = page["summary"], page["solver"]
    check(sv.get("status") == rota["status"], f"{name}: status {sv.get('status')}")
    near(sv.get("objective"), rota["objective"], 1, f"{name}: objective")
    if rota["gap"] is None:
        check(sv.get("solver-gap") == "unknown", f"{name}: gap {sv.get('solver-gap')}")
    else:
        near(sv.get("solver-gap"), 100 * rota["gap"], 2, f"{name}: gap to bound")
    near(sv.get("work"), rota["work"], 0, f"{name}: work")
    # Solver terms stay out of the summary a lead reads first.
    check(not {"status", "objective", "bound", "gap", "solver-gap"} & set(s),
          f"{name}: solver figures in the summary {sorted(s)}")
    t = gap["total"]
    cover = 100 * (t["demand_hours"] - t["uncovered_hours"]) / t["demand_hours"]
    near(s.get("cover"), cover, 1, f"{name}: cover achieved")
    says = f"{cover:.1f}%" if t["uncovered_hours"] >= 0.05 else "every band"
    check(page["headline"] and says in page["headline"],
          f"{name}: headline {page['headline']!r} lacks {says!r}")
    near(s.get("uncovered-fte"), t["uncovered_fte"], 2, f"{name}: FTE short")
    check(len(page["fteFigures"]) == 2, f"{name}: FTE figures explained "
          f"{page['fteFigures']}")
    near(s.get("uncovered"), rota["uncovered_hours"], 1, f"{name}: uncovered")
    near(s.get("uncovered"), gap["total"]["uncovered_hours"], 1,
         f"{name}: uncovered vs fte-gap.json")
    per_service = {}
    for u in rota["uncovered"]:
        per_service[u["service"]] = per_service.get(u["service"], 0) + u["hours"]
    svc = {x["service"]: x for x in gap["by_service"]}
    for r in page["byService"]:
        row = by_header(page["byServiceHead"], r["cells"])
        sid = r["service"]
        near(row.get("Uncovered person-hours"), per_service.get(sid, 0), 1,
             f"{name}: uncovered {sid} vs rota.json")
        near(row.get("Demand person-hours"), svc[sid]["demand_hours"], 1,
             f"{name}: demand {sid}")
    check(len(page["byService"]) == len(gap["by_service"]),
          f"{name}: services in summary")
    return per_service


def legend(page):
    return {row[0]: row[1] for row in page["shifts"]}


def check_grid(name, page, sc, rota):
    days = rota["horizon"]["days"]
    start = rota["horizon"]["start"]
    check(len(page["days"]) == days, f"{name}: {len(page['days'])} day columns")
    dates = [re.search(r"\d{4}-\d{2}-\d{2}", d).group(0)
             for d in page["days"]]
    check(dates[0] == start, f"{name}: first day")
    code_of = {v: k for k, v in legend(page).items()}
    check(len(code_of) == len(sc["shifts"]), f"{name}: shift legend")
    staff = {s["id"]: s for s in sc["staff"]}
    rows = {g["staff"]: g for g in page["grid"]}
    check(set(rows) == set(staff), f"{name}: grid people")
    for sid, g in rows.items():
        check(g["name"] == staff[sid]["name"],
              f"{name}: name {g['name']!r} vs {staff[sid]['name']!r}")
        check(len(g["cells"]) == days, f"{name}: {sid} cells")
    seen = 0
    for a in rota["assignments"]:
        g = rows.get(a["staff"])
        if g is None or a["date"] not in dates:
            check(False, f"{name}: no cell for {a['staff']} {a['date']}")
            continue
        text, title = g["cells"][dates.index(a["date"])]
        s = staff[a["staff"]]
        want = (code_of[a["shift"]] +
                ("*" if a["neighbourhood"] != s["neighbourhood"] else "") +
                ("+" if a["role"] != s["role"] else ""))
        times = f"{a['start'][11:16]}\u2013{a['end'][11:16]}"
        check(text == want, f"{name}: {a['staff']} {a['date']} {text!r} "
                            f"vs {want!r}")
        check(times in title and a["shift"] in title,
              f"{name}: {a['staff']} {a['date']} title {title!r}")
        seen += 1
    codes = set(code_of.values())
    worked = sum(1 for g in page["grid"] for t, _ in g["cells"]
                 if t.rstrip("*+") in codes)
    check(worked == len(rota["assignments"]) == seen,
          f"{name}: {worked} shift cells, {len(rota['assignments'])} "
          f"assignments")
    for s in sc["staff"]:
        for lv in s.get("leave", []):
            for i, d in enumerate(dates):
                if lv["from"] <= d <= lv["to"]:
                    check(rows[s["id"]]["cells"][i][0] == "lv",
                          f"{name}: {s['id']} {d} leave not marked")


def check_coverage(name, page, rota, per_service):
    got = {c["service"]: c for c in page["cov"]}
    total = 0
    for sid, c in got.items():
        want = per_service.get(sid, 0)
        near(c["total"], want, 1, f"{name}: coverage total {sid}")
        check((c["short"] > 0) == (want > 0.0005),
              f"{name}: {c['short']} red cells for {sid}, uncovered {want}")
        total += float(c["total"] or 0)
    check(abs(total - rota["uncovered_hours"]) <= 0.05 * max(1, len(got)),
          f"{name}: coverage sums to {total}, rota.json "
          f"{rota['uncovered_hours']}")
    check(set(per_service) <= set(got), f"{name}: coverage services")


def local(iso, zone):
    return dt.datetime.fromisoformat(iso).astimezone(zone)


def band_window(date, frm, to, zone):
    """A row's window on one date as real instants: `to` at or before
    `frm` is on the next day."""
    d = dt.date.fromisoformat(date)
    a = dt.datetime.combine(d, dt.time.fromisoformat(frm), zone)
    e = d + dt.timedelta(days=1) if to <= frm else d
    return a, dt.datetime.combine(e, dt.time.fromisoformat(to), zone)


def expected_short(row, date, uncovered, zone):
    """Person-hours short and the short stretches (wall clock) of one row
    on one date, from rota.json's uncovered ranges alone."""
    a, b = band_window(date, row["from"], row["to"], zone)
    hours, pieces = 0.0, []
    for u in uncovered:
        s, e = local(u["start"], zone), local(u["end"], zone)
        s, e = max(s, a, key=dt.datetime.timestamp), min(e, b, key=dt.datetime.timestamp)
        if s.timestamp() >= e.timestamp():
            continue
        # Subtracting times of one tzinfo ignores the offset (Python's
        # wall-clock arithmetic); timestamps are real seconds.
        hours += (u["required"] - u["staffed"]) * (e.timestamp() -
                                                   s.timestamp()) / 3600
        pieces.append([s, e])
    pieces.sort(key=lambda p: p[0].timestamp())
    spans = []
    for s, e in pieces:
        if spans and spans[-1][1].timestamp() == s.timestamp():
            spans[-1][1] = e
        else:
            spans.append([s, e])
    return hours, [(s.strftime("%H:%M"), e.strftime("%H:%M")) for s, e in spans]


def check_coverage_cells(name, page, rota):
    """Each coverage cell is the person-hours short of its row on its day,
    red where any, with when it is short in its hover text and in the
    print-only text, all against rota.json's uncovered ranges."""
    zone = ZoneInfo(rota["horizon"]["timezone"])
    start = dt.date.fromisoformat(rota["horizon"]["start"])
    by_track = {}
    for u in rota["uncovered"]:
        key = (u["service"], u["scope"], u["unit"], u["role"])
        by_track.setdefault(key, []).append(u)
    check(len(page["covDays"]) == rota["horizon"]["days"],
          f"{name}: coverage day columns")
    total = 0.0
    for row in page["covRows"]:
        key = tuple(row.get(k) for k in ("service", "scope", "unit", "role"))
        if not check(row.get("from") and row.get("to") and None not in key,
                     f"{name}: coverage row without its unit and times {key}"):
            continue
        check(len(row["cells"]) == rota["horizon"]["days"], f"{name}: {key} cells")
        for i, cell in enumerate(row["cells"]):
            date = (start + dt.timedelta(days=i)).isoformat()
            what = f"{name}: {key} {row.get('from')}-{row.get('to')} {date}"
            if not cell["figure"]:
                continue   # the band does not run that day
            hours, spans = expected_short(row, date, by_track.get(key, []),
                                          zone)
            total += hours
            check(cell["red"] == (hours > 0.0005), f"{what}: red {cell['red']}"
                  f" with {hours} short")
            try:
                shown = float(cell["figure"])
            except ValueError:
                check(False, f"{what}: figure {cell['figure']!r}")
                continue
            check(abs(shown - hours) <= 0.051, f"{what}: shows {shown}, "
                  f"rota.json {hours} person-hours short")
            if not spans:
                check(not cell["when"], f"{what}: times {cell['when']!r}")
                continue
            want = [f"{s}\u2013{e}" for s, e in spans]
            if len(want) > 3:   # the last kept stretch spans the rest
                want = want[:2] + [f"{spans[2][0]}\u2013{spans[-1][1]} in part"]
            check(cell["when"] == " ".join(want),
                  f"{what}: print times {cell['when']!r}, expected {want}")
            for w in want:
                check(w in cell["title"], f"{what}: {w} not in {cell['title']!r}")
    check(abs(total - rota["uncovered_hours"]) <= 0.05,
          f"{name}: coverage cells sum to {total}, rota.json "
          f"{rota['uncovered_hours']}")


def check_print(browser, name):
    """On paper nothing hovers: the times of a shortfall print."""
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    shown = browser.evaluate("[...document.querySelectorAll('td.short .when')]"
                             ".map(e => getComputedStyle(e).display)")
    browser.send("Emulation.setEmulatedMedia", {"media": ""})
    hidden = browser.evaluate("[...document.querySelectorAll('td.short .when')]"
                              ".map(e => getComputedStyle(e).display)")
    check(shown and all(d != "none" for d in shown),
          f"{name}: shortfall times hidden in print ({set(shown)})")
    check(all(d == "none" for d in hidden),
          f"{name}: shortfall times shown on screen ({set(hidden)})")


SCROLL = r"""
(() => {
  const out = {};
  for (const sel of ['#rota-grid', 'table.cov']) {
    const t = document.querySelector(sel);
    if (!t) continue;
    const box = t.parentElement, b = box.getBoundingClientRect();
    box.scrollIntoView();
    box.scrollLeft = box.scrollWidth;
    box.scrollTop = box.scrollHeight / 2;
    const r = box.getBoundingClientRect();
    const heads = [...t.querySelectorAll('thead th.d')];
    const last = heads[heads.length - 1].getBoundingClientRect();
    const head = heads[0].getBoundingClientRect();
    // A name in the middle of the box, after scrolling.
    const names = [...t.querySelectorAll('tbody th[scope=row]')];
    const mid = r.top + r.height / 2;
    const name = names.map(n => n.getBoundingClientRect())
      .find(n => n.top <= mid && n.bottom >= mid);
    out[sel] = {boxHeight: b.height, window: innerHeight,
      pageWide: document.documentElement.scrollWidth > innerWidth + 1,
      scrolled: box.scrollLeft, lastRight: last.right, boxRight: r.right,
      headTop: head.top, boxTop: r.top, boxBottom: r.bottom,
      caption: t.caption ? t.caption.getBoundingClientRect().height : 0,
      nameLeft: name ? name.left : null, boxLeft: r.left};
    box.scrollLeft = 0;
    box.scrollTop = 0;
  }
  window.scrollTo(0, 0);
  return out;
})()
"""


def check_scroll(browser, name):
    """On a 1,400-pixel screen every day can be reached: the rota grid and
    the coverage table scroll in a box that fits the window (so its scroll
    bar is in view), and scrolled to the last day and half-way down, the
    names (first column) and the day headers are still in view."""
    got = browser.evaluate(SCROLL)
    for sel in ("#rota-grid", "table.cov"):
        g = got.get(sel)
        if not check(g, f"{name}: no {sel}"):
            continue
        what = f"{name} {sel}"
        check(g["boxHeight"] <= g["window"], f"{what}: box {g['boxHeight']}px "
              f"high in a {g['window']}px window")
        check(not g["pageWide"], f"{what}: the page itself scrolls sideways")
        check(g["lastRight"] <= g["boxRight"] + 1,
              f"{what}: last day at {g['lastRight']}, box ends {g['boxRight']}")
        # Held at the top once scrolled; below the caption in a box that
        # has no need to scroll.
        check(g["boxTop"] - 3 <= g["headTop"] <= g["boxTop"] + g["caption"] + 3,
              f"{what}: day headers at {g['headTop']}, box top {g['boxTop']}")
        check(g["nameLeft"] is not None and abs(g["nameLeft"] - g["boxLeft"]) <= 3,
              f"{what}: names at {g['nameLeft']}, box left {g['boxLeft']}")


LEAVE = r"""
(() => {
  const lum = e => {
    const m = getComputedStyle(e).backgroundColor.match(/[\d.]+/g).map(Number);
    if (m.length > 3 && m[3] === 0) return 1;   // transparent: the white page
    return (0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2]) / 255;
  };
  const cells = [...document.querySelectorAll('#rota-grid td.d')];
  const leave = cells.filter(td => td.textContent.trim() === 'lv').map(lum);
  const off = cells.filter(td => ['', '·'].includes(td.textContent.trim()))
    .map(lum);
  return {leave: leave, off: off};
})()
"""


def check_leave_marks(browser, name, page):
    """Leave and a day off differ in mark, in the legend and in shade,
    weekend grey included (leave used to be a grey a shade off it)."""
    lg = page["legend"]
    check(lg.get("leave") == "lv" and "off" in lg and "weekly-off" in lg,
          f"{name}: rota legend {lg}")
    got = browser.evaluate(LEAVE)
    if not got["leave"]:
        return
    check(got["off"], f"{name}: no day off in the grid")
    gap = min(got["off"]) - max(got["leave"])
    check(gap >= 0.3, f"{name}: leave shade {max(got['leave']):.2f} too close "
          f"to a day off's {min(got['off']):.2f}")


def check_people(name, page, rota):
    summ = {x["staff"]: x for x in rota["staff_summary"]}
    check(len(page["people"]) == len(summ), f"{name}: people rows")
    cols = [("Paid hours", "paid_hours", 2), ("Contract hours",
                                              "target_hours", 2),
            ("Weekends", "weekends", 0), ("Nights", "nights", 0),
            ("Requests granted", "requests_granted", 0),
            ("Requests made", "requests_total", 0)]
    for r in page["people"]:
        row = by_header(page["peopleHead"], r["cells"])
        for head, k, dec in cols:
            near(row.get(head), summ[r["staff"]][k], dec,
                 f"{name}: {r['staff']} {head}")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Markup(html.parser.HTMLParser):
    """The ids, and every element closed in the order it was opened (the
    page writes every end tag, so a stray or missing one is a bug)."""

    def __init__(self):
        super().__init__()
        self.ids, self.open, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.errors.append(f"</{tag}> at {self.getpos()} inside "
                               f"{self.open[-3:]}")


def check_ids(name, path):
    """Every id once (a fragment link or a test would find the first), and
    the elements nested as written."""
    p = Markup()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
    check(p.ids and not dup, f"{name}: ids used twice {dup}")
    check(not p.errors and not p.open,
          f"{name}: markup {p.errors[:2]}, left open {p.open[-3:]}")


def check_order(name, page, solved):
    """What a lead needs first; the solver's figures after the rota."""
    sec = page["sections"]
    check(sec[:1] == ["summary"], f"{name}: first section {sec[:1]}")
    if solved:
        check("solver" in sec and sec.index("solver") > sec.index("coverage"),
              f"{name}: solver section placed {sec}")
    else:
        check("solver" not in sec, f"{name}: solver section without a rota")
    check(page["footerIsLast"], f"{name}: footer not last")


def check_footer(name, page, path, scenario, seed):
    """When (UTC), from which file and with which seed, for a printout."""
    when = page.get("generated") or ""
    try:
        t = dt.datetime.strptime(when, "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=dt.timezone.utc).timestamp()
    except ValueError:
        check(False, f"{name}: generation time {when!r}")
    else:
        m = os.path.getmtime(path)
        check(m - 600 <= t <= m + 1, f"{name}: generated {when}, file "
              f"written {dt.datetime.fromtimestamp(m, dt.timezone.utc)}")
    check(page["scenarioFile"] == scenario,
          f"{name}: scenario file {page['scenarioFile']!r}, run on {scenario!r}")
    want = None if seed is None else str(seed)
    check(page["footerSeed"] == want, f"{name}: seed {page['footerSeed']!r}"
          f", run with {want!r}")


def check_page(browser, name, d, sc, rota, shots, scenario=None, seed=None):
    browser.load("file://" + os.path.abspath(f"{d}/report.html"))
    problems = browser.problems()
    check(not problems, f"{name}: {problems[:5]}")
    page = browser.evaluate(EXTRACT)
    check(page["scripts"] == 0, f"{name}: {page['scripts']} scripts")
    check(not page["refs"], f"{name}: outside references {page['refs'][:3]}")
    check(page["visible"], f"{name}: page hidden")
    check(sc.get("name", "") in page["title"], f"{name}: title {page['title']!r}")
    check_ids(name, f"{d}/report.html")
    check_order(name, page, rota is not None)
    check_footer(name, page, f"{d}/report.html", scenario, seed)
    gap = load(f"{d}/fte-gap.json")
    check_gap(name, page, gap, rota)
    check(page["hasGrid"] == (rota is not None), f"{name}: rota grid")
    if rota is not None:
        per_service = check_summary(name, page, gap, rota)
        check_grid(name, page, sc, rota)
        check_coverage(name, page, rota, per_service)
        check_coverage_cells(name, page, rota)
        check_leave_marks(browser, name, page)
        check_scroll(browser, name)
        if any(c["red"] for r in page["covRows"] for c in r["cells"]):
            check_print(browser, name)
        check_people(name, page, rota)
    browser.screenshot(os.path.join(shots, f"{name}.png"))
    if rota is not None:
        for part in ("rota", "coverage"):
            browser.evaluate(f"document.getElementById('{part}')"
                             ".scrollIntoView()")
            browser.screenshot(os.path.join(shots, f"{name}-{part}.png"))
    browser.pdf(os.path.join(shots, f"{name}.pdf"))


def main():
    out, src = sys.argv[1:3]
    binary = cdp.find_chromium()
    if not binary:
        print("FAIL: chromium not found; install it (bash .ci/deps)")
        return 1
    shots = os.path.join(out, "screenshots")
    os.makedirs(shots, exist_ok=True)
    # As outputs.sh runs them: the default seed (0) and --seed 3.
    cases = [("stockport", f"{src}/examples/stockport/scenario.json", 0),
             ("tricky", f"{src}/tests/report/tricky.json", 3)]
    browser = cdp.Browser(binary)
    try:
        browser.open_page()
        with tempfile.TemporaryDirectory() as tmp:
            control(browser, tmp)
        for name, scenario, seed in cases:
            sc = load(scenario)
            check_page(browser, name, f"{out}/{name}", sc,
                       load(f"{out}/{name}/rota.json"), shots, scenario, seed)
            check_page(browser, name + "-plan", f"{out}/{name}-plan", sc,
                       None, shots, scenario)
    finally:
        browser.close()
    for f in failures[:40]:
        print("FAIL", f)
    print(f"{len(failures)} failures; screenshots in {shots}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
