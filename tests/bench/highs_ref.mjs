#!/usr/bin/env node
// Reference figures from HiGHS (the npm package `highs`, WebAssembly, one
// thread) on a model that `rota7 export-lp` wrote: a benchmark tool only,
// never a dependency of rota7.
//
// usage: node highs_ref.mjs MODEL.lp SECONDS [SOLUTION.json]
//   (run where `npm install highs` was run, or with NODE_PATH set to its
//   node_modules)
//
// HiGHS's own log goes to stderr as it runs (with its clock: the root LP's
// time is its first "T" line); stdout gets one JSON line at the end:
// status, objective, dual bound, seconds, and the time each better rota
// was found.  With SOLUTION.json, the value of every column that is not
// zero in the best rota found, by name, so check_rota.py or a converter
// can read it back as assignments.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const loadHighs = require("highs");
const [model, seconds, solutionFile] = process.argv.slice(2);
if (!model || !seconds) {
  console.error("usage: node highs_ref.mjs MODEL.lp SECONDS [SOLUTION.json]");
  process.exit(2);
}

const highs = await loadHighs();
const t0 = Date.now();
const found = [];
const m = highs.createModel({ format: "lp", data: new Uint8Array(readFileSync(model)) });
try {
  m.options.set({ time_limit: Number(seconds), output_flag: true,
                  log_to_console: true });
  let best = null, lastLog = null;
  m.run({
    [highs.constants.callbackType.logging](event) {
      process.stderr.write(event.message);
    },
    [highs.constants.callbackType.mipLogging](event) {
      lastLog = event.data;
    },
    [highs.constants.callbackType.mipImprovingSolution](event) {
      best = event.data.mip_solution;
      found.push({ seconds: (Date.now() - t0) / 1000,
                   objective: event.data.objective_function_value });
    },
  });
  const info = (k) => { try { return m.info.get(k); } catch { return null; } };
  const names = Object.fromEntries(Object.entries(highs.constants.modelStatus)
                                   .map(([k, v]) => [v, k]));
  const out = {
    status: names[m.getModelStatus()] ?? String(m.getModelStatus()),
    objective: best ? m.getObjectiveValue() : null,
    bound: info("mip_dual_bound") ?? (lastLog && lastLog.mip_dual_bound),
    gap: info("mip_gap"),
    seconds: (Date.now() - t0) / 1000,
    improvements: found,
  };
  if (solutionFile && best) {
    const sol = best;
    const names = {};
    for (let j = 0; j < sol.length; j++)
      if (Math.abs(sol[j]) > 1e-9) names[m.getColName(j)] = sol[j];
    writeFileSync(solutionFile, JSON.stringify(names));
  }
  console.log(JSON.stringify(out, (k, v) => typeof v === "bigint" ? Number(v) : v));
} finally {
  m.dispose();
}
