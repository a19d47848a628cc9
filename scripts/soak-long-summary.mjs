#!/usr/bin/env node
// Prints the figures of a reliability long run (scripts/soak-long.sh) as the markdown RESULTS.md records.
// Usage: node scripts/soak-long-summary.mjs <figures.jsonl> [vitest.json]
import { existsSync, readFileSync } from "node:fs";

const [figuresFile, vitestFile] = process.argv.slice(2);
const rows = readFileSync(figuresFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const soak = rows.filter((r) => r.suite === "soak");
const fuzz = rows.filter((r) => r.suite === "fuzz");
const abuse = rows.filter((r) => r.suite === "emulator-abuse");

for (const s of soak) {
  const leaked = Object.keys(s.leakedAfterClose).length === 0 ? "none" : JSON.stringify(s.leakedAfterClose);
  console.log(`\n### Soak, ${s.transport ?? "undici"} transport (${s.at})\n`);
  console.log("| calls | concurrency | faulted | settled | succeeded | typed errors | untyped | hung | unhandled rejections | leaked handles after close | pending timers after close | max attempts | violations | seconds | p50 / p99 ms | RSS start / end MiB | heap start / end MiB | external start / end MiB | emulator RSS start / end MiB |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(`| ${s.calls} | ${s.concurrency} | ${s.faulted} | ${s.settled} | ${s.succeeded} | ${s.typedErrors} | ${s.untypedErrors} | ${s.hung} | ${s.unhandledRejections.length} | ${leaked} | ${(s.pendingTimersAfterClose ?? []).length} | ${s.maxAttemptsSeen} | ${s.violations.length} | ${s.seconds} | ${s.p50ms} / ${s.p99ms} | ${s.rssStartMiB} / ${s.rssEndMiB} | ${s.heapStartMiB} / ${s.heapEndMiB} | ${s.externalStartMiB} / ${s.externalEndMiB} | ${s.emulatorRssStartMiB} / ${s.emulatorRssEndMiB} |`);
  console.log(`\nRSS every tenth of the calls (MiB${s.gcExposed ? ", after GC" : ""}): ${s.rssSamplesMiB.join(", ")}\n`);
  console.log("| fault | calls | recovered | failed (typed) | server-side attempts |\n|---|---|---|---|---|");
  for (const [name, f] of Object.entries(s.byFault)) console.log(`| ${name} | ${f.calls} | ${f.ok} | ${f.failed} | ${f.attempts} |`);
  for (const v of s.violations) console.log(`- violation: ${v}`);
}
if (fuzz.length > 0) {
  const total = fuzz.reduce((n, r) => n + r.runs, 0);
  const failed = fuzz.filter((r) => r.failed);
  console.log(`\n### Fuzzing\n\n${total} cases over ${fuzz.length} properties; ${failed.length} propert${failed.length === 1 ? "y" : "ies"} failed.\n`);
  console.log("| property | cases | result |\n|---|---|---|");
  for (const r of fuzz) console.log(`| ${r.property} | ${r.runs} | ${r.failed ? `FAILED (seed ${r.seed})` : "passed"} |`);
}
for (const a of abuse) {
  console.log(`\n### Emulator under abuse\n`);
  console.log("| streams (peak open at once) | connections per kind | heap baseline / peak / after MiB | RSS baseline / peak / after MiB | crashes |\n|---|---|---|---|---|");
  console.log(`| ${a.streams} (${a.peakOpenStreams}) | ${a.connectionsPerKind} | ${a.baselineHeapMiB} / ${a.peakHeapMiB} / ${a.afterHeapMiB} | ${a.baselineRssMiB} / ${a.peakRssMiB} / ${a.afterRssMiB} | ${a.crashes} |`);
}
if (vitestFile && existsSync(vitestFile)) {
  const j = JSON.parse(readFileSync(vitestFile, "utf8"));
  console.log(`\n### Tests\n\n${j.numPassedTests} passed, ${j.numFailedTests} failed`);
  for (const f of j.testResults) for (const t of f.assertionResults) if (t.status === "failed") console.log(`- FAILED: ${t.fullName}`);
}
