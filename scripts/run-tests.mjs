#!/usr/bin/env node
// The whole test suite: every check and every runner, then one closing line "N passed, N failed".
// vitest and dotnet test do not print that form, so each runner writes a machine-readable report
// (vitest JSON, TRX) into .artifacts/test-results/ and this script sums them. Checks that are not
// test runners (drift, lint, typecheck, package build) count as one test each.
//
// Usage: node scripts/run-tests.mjs [--only step,step] [--skip step,step]
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const results = join(root, ".artifacts", "test-results");

const args = process.argv.slice(2);
const listArg = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? new Set(args[i + 1].split(",")) : undefined;
};
const only = listArg("--only");
const skip = listArg("--skip") ?? new Set();

function run(cmd, cmdArgs, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
}

/** A check is one test: it passes when its command exits 0. */
const check = (cmd, cmdArgs) => async () => {
  const code = await run(cmd, cmdArgs);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
};

async function vitest() {
  const out = join(results, "vitest.json");
  rmSync(out, { force: true });
  const code = await run("pnpm", ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], {
    NO_COLOR: "1",
  });
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(out, "utf8"));
  // A file that fails to load has no tests but still fails the run: count it once.
  const brokenFiles = j.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  const failed = j.numFailedTests + brokenFiles + (code !== 0 && j.numFailedTests + brokenFiles === 0 ? 1 : 0);
  return { passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests };
}

async function dotnet() {
  const dir = join(results, "dotnet");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const code = await run("bash", ["scripts/test-dotnet.sh"]);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const f of existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".trx")) : []) {
    const xml = readFileSync(join(dir, f), "utf8");
    const counters = /<Counters\b([^>]*)\/?>/.exec(xml)?.[1] ?? "";
    const num = (name) => Number(new RegExp(`\\b${name}="(\\d+)"`).exec(counters)?.[1] ?? 0);
    passed += num("passed");
    failed += num("failed") + num("error") + num("timeout") + num("aborted");
    skipped += num("notExecuted");
  }
  if (code !== 0 && failed === 0) failed = 1; // a build failure produces no TRX: still a failure
  return { passed, failed, skipped };
}

const steps = [
  ["generated", check("pnpm", ["run", "check"])],
  ["lint", check("pnpm", ["run", "lint"])],
  ["typecheck", check("pnpm", ["run", "typecheck"])],
  ["build", check("pnpm", ["run", "build:check"])],
  // Every README ts block type-checks against the packed packages and, where it calls, runs against the emulator.
  ["readme", check("pnpm", ["run", "check:readme"])],
  ["vitest", vitest],
  ["dotnet", dotnet],
];

mkdirSync(results, { recursive: true });
// The browser test needs Debian's chromium; install it when missing (root + apt), as .ci/run does. If that is
// impossible the docs tests fail with the reason, so nothing is skipped silently.
if (!only || only.has("vitest")) await run("bash", ["scripts/ensure-chromium.sh"]);
if (!only || only.has("vitest")) await run("bash", ["scripts/ensure-curl.sh"]);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const [name, step] of steps) {
  if ((only && !only.has(name)) || skip.has(name)) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = await step();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  // Not in the "N passed, N failed" form on purpose: only the closing line may match it.
  lines.push(`${name.padEnd(10)} passed=${r.passed} failed=${r.failed}${r.skipped ? ` skipped=${r.skipped}` : ""} (${secs}s)`);
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped ?? 0;
}
console.log("\n=== summary ===");
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed === 0 ? 0 : 1);
