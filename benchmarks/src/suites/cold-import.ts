/**
 * Cold import time: each SDK imported once in a fresh `node` process (nothing cached in memory; the OS file cache
 * is warm after the first run, as on a developer machine or a warm container). Reported: the median time of the
 * `import()` itself, the median wall time of the whole process, and the process RSS after the import.
 * @edge-ai/client is measured as published code: its sources bundled with esbuild the way tsup builds dist/
 * (ESM, node20, undici and zod external), since importing TypeScript through tsx would time the transpiler.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { median } from "../stats.js";

/** One SDK's figures; times in milliseconds, RSS in bytes. */
export interface ColdImportRow {
  name: string;
  specifier: string;
  importMs: number;
  wallMs: number;
  rssBytes: number;
  runs: number;
}

/** The suite's output; `baseline` is an empty `node` process. */
export interface ColdImportResult {
  baseline: { wallMs: number; rssBytes: number };
  rows: ColdImportRow[];
}

const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE = fileURLToPath(new URL("../../.cache/", import.meta.url));
const CLIENT_ENTRY = fileURLToPath(new URL("../../../packages/client/src/index.ts", import.meta.url));

/**
 * Bundles @edge-ai/client's sources like its tsup build (split into chunks, so the schemas behind `import()`
 * stay out of the entry, decision 0340) and returns the file URL of the entry to import.
 */
export async function bundleEdgeAIClient(): Promise<string> {
  const outdir = `${CACHE}edge-ai-client/`;
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { index: CLIENT_ENTRY },
    outdir,
    outExtension: { ".js": ".mjs" },
    splitting: true,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    conditions: ["@edge-ai/source"],
    external: ["undici", "zod", "eventsource-parser"],
    treeShaking: true,
    logLevel: "error",
  });
  return pathToFileURL(`${outdir}index.mjs`).href;
}

interface Sample {
  importMs: number;
  wallMs: number;
  rssBytes: number;
}

function importOnce(specifier: string | undefined): Promise<Sample> {
  const script =
    specifier === undefined
      ? "console.log(JSON.stringify({ importMs: 0, rss: process.memoryUsage().rss }))"
      : `const t0 = performance.now(); await import(${JSON.stringify(specifier)}); const t1 = performance.now(); console.log(JSON.stringify({ importMs: t1 - t0, rss: process.memoryUsage().rss }))`;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: PACKAGE_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.once("error", reject);
    child.once("exit", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`import of ${specifier} failed (exit ${code}): ${err.slice(0, 500)}`));
      try {
        const parsed = JSON.parse(out.trim()) as { importMs: number; rss: number };
        resolve({ importMs: parsed.importMs, wallMs, rssBytes: parsed.rss });
      } catch {
        reject(new Error(`unexpected output importing ${specifier}: ${out.slice(0, 200)}`));
      }
    });
  });
}

/**
 * Imports each SDK `runs` times in fresh processes, interleaved, and reports medians.
 * @example
 * const r = await runColdImport({ importRuns: 7 });
 */
export async function runColdImport(config: { importRuns: number }, log: (line: string) => void = () => {}): Promise<ColdImportResult> {
  const sdks: { name: string; specifier: string }[] = [
    { name: "@edge-ai/client", specifier: await bundleEdgeAIClient() },
    { name: "undici", specifier: "undici" },
    { name: "cloudflare", specifier: "cloudflare" },
    { name: "openai", specifier: "openai" },
    { name: "eventsource-parser", specifier: "eventsource-parser" },
  ];
  const samples = new Map<string, Sample[]>(sdks.map((s) => [s.name, []]));
  const baseline: Sample[] = [];
  // One untimed pass warms the OS file cache so the first SDK is not penalised.
  for (const s of sdks) await importOnce(s.specifier);
  for (let run = 0; run < config.importRuns; run++) {
    baseline.push(await importOnce(undefined));
    for (const s of sdks) samples.get(s.name)!.push(await importOnce(s.specifier));
  }
  const rows = sdks.map((s) => {
    const list = samples.get(s.name)!;
    const row: ColdImportRow = {
      name: s.name,
      specifier: s.name === "@edge-ai/client" ? "esbuild bundle of packages/client/src (ESM, split like dist/, dependencies external)" : s.specifier,
      importMs: round1(median(list.map((x) => x.importMs))),
      wallMs: round1(median(list.map((x) => x.wallMs))),
      rssBytes: median(list.map((x) => x.rssBytes)),
      runs: list.length,
    };
    log(`cold-import ${row.name}: import ${row.importMs} ms, process ${row.wallMs} ms, rss ${(row.rssBytes / 2 ** 20).toFixed(1)} MiB`);
    return row;
  });
  return {
    baseline: { wallMs: round1(median(baseline.map((x) => x.wallMs))), rssBytes: median(baseline.map((x) => x.rssBytes)) },
    rows,
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
