/**
 * Smoke test of the benchmark harness: runs every suite with tiny windows and checks the numbers are sane
 * (positive rates, ordered percentiles, no errors, ratios present). Speed goals are NOT asserted here: timing
 * thresholds in tests are flaky on a shared machine; the figures live in results/latest.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { type BenchConfig, SUITES, parseConfig } from "../src/config.js";
import type { Measurement } from "../src/compare.js";
import type { BenchResults } from "../src/report.js";
import { renderMarkdown } from "../src/report.js";
import { runSuites } from "../src/run-suites.js";

// The scale suite builds and packs the client (about a minute of CPU); its parts are unit-tested in
// src/typecheck-cost.test.ts and src/scale-report.test.ts instead. The dotnet suite builds the .NET client in
// Release (minutes on this machine); its ratios and rendering are unit-tested in src/dotnet-report.test.ts.
const SMOKE: BenchConfig = {
  ...parseConfig(["--quick"]),
  only: SUITES.filter((s) => s !== "scale" && s !== "dotnet"),
  warmupMs: 50,
  durationMs: 150,
  maxRequests: 2_000,
  streams: 40,
  sseBytes: 32 * 1024,
};

function expectSane(m: Measurement | undefined): void {
  expect(m).toBeDefined();
  expect(m!.errors).toBe(0);
  expect(m!.requests).toBeGreaterThan(0);
  expect(m!.rps).toBeGreaterThan(0);
  expect(m!.p50).toBeGreaterThan(0);
  expect(m!.p99).toBeGreaterThanOrEqual(m!.p50);
}

describe("benchmark harness (quick smoke run)", () => {
  let results: BenchResults;
  const out = mkdtempSync(join(tmpdir(), "edge-ai-bench-smoke-"));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("runs every suite without failures", async () => {
    results = await runSuites(SMOKE);
    expect(results.failures).toEqual([]);
  });

  it("measures the emulator and the bare handler on the same bytes at concurrency 1 and 32", () => {
    const r = results.suites["emulator-json"]!;
    expect(r.sameBytes).toBe(true);
    expect(r.route.responseBytes).toBeGreaterThan(0);
    expect(r.rows.map((row) => row.concurrency)).toEqual([1, 32]);
    for (const row of r.rows) {
      expectSane(row.bare);
      expectSane(row.emulator);
      expect(row.ratio).toBeGreaterThan(0);
    }
  });

  it("completes every SSE stream with [DONE] and reports the emulator's memory", () => {
    const r = results.suites["emulator-sse"]!;
    expect(r.completed).toBe(SMOKE.streams);
    expect(r.failed).toBe(0);
    expect(r.peakOpen).toBeGreaterThan(1);
    expect(r.eventsPerStream).toBeGreaterThan(2);
    expect(r.rss.before).toBeGreaterThan(10 * 2 ** 20);
    expect(r.rss.peak).toBeGreaterThanOrEqual(r.rss.before);
    expect(r.rss.after).toBeGreaterThan(0);
  });

  it("measures every client on the replay server, the cloudflare 7000 path included, with all ratios present", () => {
    const r = results.suites["client-http"]!;
    expect(r.rows.map((row) => row.name)).toContain("openai chat.completions");
    for (const row of r.rows) for (const c of SMOKE.clientConcurrency) expectSane(row.byConcurrency[c]);
    expect(r.replay.hits).toBeGreaterThan(r.replay.misses);
    for (const x of r.ratios) expect(x.value).toBeGreaterThan(0);
  });

  it("parses the same events with both SSE parsers for every chunking", () => {
    const r = results.suites["sse-parse"]!;
    expect(r.rows.length).toBeGreaterThanOrEqual(10);
    for (const row of r.rows) {
      expect(row.events).toBeGreaterThan(10);
      expect(row.edgeAI).toBeGreaterThan(0);
      expect(row.eventsourceParser).toBeGreaterThan(0);
    }
    expect(r.overallRatio).toBeGreaterThan(0);
  });

  it("imports every SDK in a fresh process", () => {
    const r = results.suites["cold-import"]!;
    expect(r.rows.map((row) => row.name)).toEqual(["@edge-ai/client", "undici", "cloudflare", "openai", "eventsource-parser"]);
    for (const row of r.rows) {
      expect(row.importMs).toBeGreaterThan(0);
      expect(row.rssBytes).toBeGreaterThan(r.baseline.rssBytes * 0.5);
    }
  });

  it("renders a markdown report with a table per suite", () => {
    const md = renderMarkdown(results);
    for (const heading of ["## Emulator vs bare", "## Emulator: SSE", "## Clients", "## SSE parsing", "## Cold import"]) expect(md).toContain(heading);
    expect(md).not.toContain("NaN");
  });

  it("writes latest.json and latest.md from the command line and exits 0", () => {
    const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
    const res = spawnSync(process.execPath, ["--conditions=@edge-ai/source", "--import", "tsx", cli, "--quick", "--only", "sse-parse", "--out", out], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain("## SSE parsing throughput");
    const json = JSON.parse(readFileSync(join(out, "latest.json"), "utf8")) as BenchResults;
    expect(json.config.profile).toBe("quick");
    expect(json.suites["sse-parse"]?.rows.length).toBeGreaterThan(0);
    expect(readFileSync(join(out, "latest.md"), "utf8")).toContain("| stream | chunking |");
  });

  it("rejects an unknown flag with exit code 2 and the usage text", () => {
    const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
    const res = spawnSync(process.execPath, ["--conditions=@edge-ai/source", "--import", "tsx", cli, "--streams", "0"], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("--streams must be an integer");
    expect(res.stderr).toContain("Usage: pnpm bench");
  });
});
