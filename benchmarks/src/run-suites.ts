/**
 * Runs the selected suites one after another (never in parallel: each one wants both cores) and gathers their
 * results. A suite that throws is recorded as a failure and the others still run. Suites are imported lazily so
 * that one whose dependencies cannot load (say, a client mid-refactor) fails alone instead of the whole run.
 */
import { loadavg } from "node:os";
import type { BenchConfig, SuiteName } from "./config.js";
import { type BenchResults, machineInfo } from "./report.js";
import { describeError } from "./load.js";

/**
 * Runs every suite in `config.only` and returns the results document.
 * @example
 * const results = await runSuites(parseConfig(["--quick"]), console.log);
 */
export async function runSuites(config: BenchConfig, log: (line: string) => void = () => {}): Promise<BenchResults> {
  const started = performance.now();
  const { outDir: _outDir, ...recorded } = config;
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    config: recorded,
    durationMs: 0,
    loadAverageAtEnd: [],
    suites: {},
    failures: [],
  };
  const run = async (suite: SuiteName, fn: () => Promise<void>) => {
    if (!config.only.includes(suite)) return;
    log(`[${suite}]`);
    try {
      await fn();
    } catch (err) {
      results.failures.push({ suite, message: describeError(err) });
      log(`[${suite}] FAILED: ${describeError(err)}`);
    }
  };
  await run("emulator-json", async () => {
    const { runEmulatorJson } = await import("./suites/emulator-json.js");
    results.suites["emulator-json"] = await runEmulatorJson(config, log);
  });
  await run("emulator-sse", async () => {
    const { runEmulatorSSE } = await import("./suites/emulator-sse.js");
    results.suites["emulator-sse"] = await runEmulatorSSE(config, log);
  });
  await run("client-http", async () => {
    const { runClientHttp } = await import("./suites/client-http.js");
    results.suites["client-http"] = await runClientHttp(config, log);
  });
  await run("dotnet", async () => {
    const { runDotnet } = await import("./suites/dotnet.js");
    results.suites.dotnet = await runDotnet(config, log);
  });
  await run("sse-parse", async () => {
    const { runSSEParse } = await import("./suites/sse-parse.js");
    results.suites["sse-parse"] = await runSSEParse(config, log);
  });
  await run("cold-import", async () => {
    const { runColdImport } = await import("./suites/cold-import.js");
    results.suites["cold-import"] = await runColdImport(config, log);
  });
  await run("scale", async () => {
    const { runScale } = await import("./suites/scale.js");
    results.suites.scale = await runScale(config, log);
  });
  results.durationMs = performance.now() - started;
  results.loadAverageAtEnd = loadavg().map((n) => Math.round(n * 100) / 100);
  return results;
}
