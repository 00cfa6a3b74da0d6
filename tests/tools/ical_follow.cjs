#!/usr/bin/env node
// How a subscribed calendar follows a re-published one, read with
// ical.js (Mozilla's parser, Thunderbird's and many web clients'), a
// second client parser beside python-icalendar.  Shares no code with
// rota7.
//
// usage: ical_follow.cjs OLD.ics NEW.ics
//
// Reads both with ical.js and pairs the events by UID (a client replaces
// an event it holds by the one with the same UID and a higher SEQUENCE,
// RFC 5545 3.8.7.4 and RFC 5546 2.1.4).  Prints one JSON object:
//   {"old": N, "new": N, "unchanged": N, "updated": N, "cancelled": N,
//    "added": N, "dropped": N, "problems": [...]}
// updated: same UID, something shown changed (times, summary, location,
// description, status), SEQUENCE higher; cancelled: same UID, STATUS
// CANCELLED now and not before, SEQUENCE higher; unchanged: nothing
// shown changed and SEQUENCE not lower.  A problem is a UID twice in one
// calendar (a client would show a duplicate or keep one at random), a
// change without a higher SEQUENCE (a client keeps the old one), a lower
// SEQUENCE, an event of OLD missing from NEW (a feed that drops an event
// leaves it on some clients and deletes it on others: rota7 cancels),
// or a cancelled event that comes back.  Exit 0 without problems, 1 with,
// 2 on bad use or a calendar ical.js cannot read.
//
// ical.js is found in $ICALJS_DIR (the package's folder), else under
// $ROTA7_NPM_PREFIX (default ~/.cache/rota7-npm, where .ci/deps installs
// it: npm install --prefix), else by Node's own resolution; exit 77 (the
// test skips) when it is nowhere.
"use strict";
const fs = require("fs");
const path = require("path");

function loadIcal() {
  const tries = [];
  if (process.env.ICALJS_DIR) tries.push(process.env.ICALJS_DIR);
  const prefix = process.env.ROTA7_NPM_PREFIX ||
    path.join(require("os").homedir(), ".cache", "rota7-npm");
  tries.push(path.join(prefix, "node_modules", "ical.js"));
  tries.push("ical.js");
  for (const t of tries) {
    try {
      const m = require(t);
      return m.default || m;
    } catch (e) {
      /* next */
    }
  }
  return null;
}

function read(ICAL, file) {
  const text = fs.readFileSync(file, "utf8");
  const comp = new ICAL.Component(ICAL.parse(text));
  const out = new Map();
  const dups = [];
  for (const v of comp.getAllSubcomponents("vevent")) {
    const ev = new ICAL.Event(v);
    const rec = {
      uid: ev.uid,
      seq: Number(v.getFirstPropertyValue("sequence") || 0),
      status: String(v.getFirstPropertyValue("status") || ""),
      shown: JSON.stringify([
        ev.startDate ? ev.startDate.toUnixTime() : null,
        ev.endDate ? ev.endDate.toUnixTime() : null,
        ev.summary || "", ev.location || "", ev.description || "",
      ]),
    };
    if (out.has(rec.uid)) dups.push(rec.uid);
    out.set(rec.uid, rec);
  }
  return { events: out, dups };
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write("usage: ical_follow.cjs OLD.ics NEW.ics\n");
    return 2;
  }
  const ICAL = loadIcal();
  if (!ICAL) {
    process.stderr.write("ical.js not found (ICALJS_DIR, ROTA7_NPM_PREFIX)\n");
    return 77;
  }
  let a, b;
  try {
    a = read(ICAL, argv[0]);
    b = read(ICAL, argv[1]);
  } catch (e) {
    process.stderr.write(`ical.js cannot read it: ${e.message}\n`);
    return 2;
  }
  const r = { old: a.events.size, new: b.events.size, unchanged: 0,
              updated: 0, cancelled: 0, added: 0, dropped: 0, problems: [] };
  for (const u of a.dups) r.problems.push(`${argv[0]}: UID ${u} twice`);
  for (const u of b.dups) r.problems.push(`${argv[1]}: UID ${u} twice`);
  for (const [uid, o] of a.events) {
    const n = b.events.get(uid);
    if (!n) {
      r.dropped++;
      r.problems.push(`${uid}: in the old calendar, not in the new`);
      continue;
    }
    const changed = o.shown !== n.shown || o.status !== n.status;
    if (n.seq < o.seq) {
      r.problems.push(`${uid}: SEQUENCE ${o.seq} -> ${n.seq}`);
    } else if (changed && n.seq === o.seq) {
      r.problems.push(`${uid}: changed with the same SEQUENCE ${n.seq}`);
    } else if (o.status === "CANCELLED" && n.status !== "CANCELLED") {
      r.problems.push(`${uid}: cancelled, then back`);
    } else if (n.status === "CANCELLED" && o.status !== "CANCELLED") {
      r.cancelled++;
    } else if (changed) {
      r.updated++;
    } else {
      r.unchanged++;
    }
  }
  for (const uid of b.events.keys()) if (!a.events.has(uid)) r.added++;
  process.stdout.write(JSON.stringify(r) + "\n");
  return r.problems.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
