/**
 * The C# half (issue 12, item 6): EdgeAi.Client against a raw HttpClient + System.Text.Json call of the same
 * route, the OpenAI .NET SDK on /ai/v1 and its own Microsoft.Extensions.AI adapter, against the SAME replay
 * server as the client-http suite (servers/replay-server.ts in front of the emulator), plus SSE parsing of the
 * client's streaming path against System.Net.ServerSentEvents' SseParser used directly on the sse-parse suite's
 * bytes. The measuring runs in a .NET process (benchmarks/dotnet/EdgeAi.Benchmarks, built in Release first) with
 * the same load loop as src/load.ts and compare.ts; it writes JSON that this module reads and turns into ratios.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { request } from "undici";
import { serverEntry, spawnServer, type ChildServer } from "../child-server.js";
import type { BenchConfig } from "../config.js";
import { ACCOUNT_ID, API_TOKEN, startEmulatorProcess } from "../emulator-process.js";
import { buildSSEEvents, type SSEFlavour } from "../sse-input.js";
import { ratio } from "../stats.js";

const PROJECT = fileURLToPath(new URL("../../dotnet/EdgeAi.Benchmarks/", import.meta.url));
const CHUNKINGS = ["whole", "fixed 65536 B", "per-event", "fixed 1024 B", "fixed 37 B"];

/** One target's figures at one concurrency, as the .NET process measured them (latencies in ms). */
export interface DotnetMeasurement {
  median: { concurrency: number; requests: number; errors: number; firstError: string | null; rps: number; p50: number; p99: number; allocatedBytesPerCall: number; cpuUsPerCall: number };
  bestRps: number;
  roundsRps: number[];
  /** The smallest allocation per call over the rounds (the least disturbed by warm-up leftovers). */
  minAllocatedBytesPerCall: number;
  /** The .NET process's CPU time (user + system) per call, least over the rounds: robust to other processes' load. */
  minCpuUsPerCall: number;
}

/** One .NET client row. */
export interface DotnetHttpRow {
  name: string;
  description: string;
  byConcurrency: Record<string, DotnetMeasurement>;
}

/** One SSE row: the client's streaming path vs SseParser directly (MB/s = 10^6 B/s from each side's median pass). */
export interface DotnetSseRow {
  flavour: SSEFlavour;
  chunking: string;
  inputBytes: number;
  chunks: number;
  events: number;
  clientMBps: number;
  parserMBps: number;
  /** Median over pairs of (SseParser time / client time): above 1 the client is faster. */
  ratio: number;
  /** Share of pairs the client won, 0..1. */
  wins: number;
  clientBytesPerEvent: number;
  parserBytesPerEvent: number;
}

/** A ratio of two rows' requests/s (median rounds, best rounds), with its goal when the issue sets one. */
export interface DotnetRatio {
  name: string;
  concurrency: number;
  value: number | null;
  best: number | null;
  goal?: number;
  /** The other side's CPU per call over ours (least of the rounds each): above 1, ours costs less CPU. Null at concurrency 1 (idle thread-pool spinning counts as CPU there). */
  cpu: number | null;
  /** Raw HttpClient on the same route over the competitor: what no client can beat (the round trip is a floor). */
  ceiling?: number | null;
}

/** The suite's output. */
export interface DotnetResult {
  runtime: string;
  os: string;
  gc: string;
  server: string;
  replay: { hits: number; misses: number; recordings: number };
  rows: DotnetHttpRow[];
  ratios: DotnetRatio[];
  sse: DotnetSseRow[];
  ssePairs: number;
  /** Geometric mean of the SSE row ratios. */
  sseOverall: number | null;
}

/** The pairs of the ratio table: [name, ours, theirs, goal, raw row for the ceiling]. */
export const DOTNET_PAIRS: [name: string, ours: string, theirs: string, goal?: number, raw?: string][] = [
  ["EdgeAi.Client run / HttpClient+STJ run", "EdgeAi.Client run", "HttpClient+STJ run", 0.8],
  ["EdgeAi.Client chat / HttpClient+STJ chat", "EdgeAi.Client chat", "HttpClient+STJ chat", 0.8],
  ["EdgeAi.Client chat / OpenAI SDK chat", "EdgeAi.Client chat", "OpenAI SDK chat", 1.5, "HttpClient+STJ chat"],
  ["MEAI IChatClient chat / EdgeAi.Client chat (adapter overhead)", "MEAI IChatClient chat", "EdgeAi.Client chat"],
];

/** Ratios of the rows by DOTNET_PAIRS at every concurrency measured. */
export function dotnetRatios(rows: DotnetHttpRow[]): DotnetRatio[] {
  const by = new Map(rows.map((r) => [r.name, r.byConcurrency]));
  const concurrencies = [...new Set(rows.flatMap((r) => Object.keys(r.byConcurrency)))];
  return concurrencies.flatMap((c) =>
    DOTNET_PAIRS.map(([name, ours, theirs, goal, raw]) => {
      const a = by.get(ours)?.[c];
      const b = by.get(theirs)?.[c];
      const r: DotnetRatio = {
        name,
        concurrency: Number(c),
        value: ratio(a?.median.rps, b?.median.rps),
        best: ratio(a?.bestRps, b?.bestRps),
        // At concurrency 1 the thread pool's idle threads spin between calls and that counts as CPU: no comparison.
        cpu: Number(c) > 1 ? ratio(b?.minCpuUsPerCall, a?.minCpuUsPerCall) : null,
      };
      if (goal !== undefined) r.goal = goal;
      if (raw !== undefined) r.ceiling = ratio(by.get(raw)?.[c]?.median.rps, b?.median.rps);
      return r;
    }),
  );
}

function run(command: string, args: string[], log: (line: string) => void, cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" } });
    let tail = "";
    const keep = (line: string) => {
      tail = `${tail}\n${line}`.slice(-4000);
    };
    createInterface({ input: child.stdout! }).on("line", (line) => {
      keep(line);
      if (line.startsWith("  dotnet")) log(line.trim());
    });
    createInterface({ input: child.stderr! }).on("line", keep);
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.slice(0, 3).join(" ")} … exited ${code ?? signal}${tail}`)),
    );
  });
}

/**
 * Builds the .NET benchmark in Release, starts the emulator and the replay server, runs the .NET measurements
 * against them and returns the figures with their ratios.
 * @example
 * const r = await runDotnet(parseConfig([]));
 * r.ratios.filter((x) => x.goal !== undefined && (x.value ?? 0) < x.goal); // goals missed
 */
export async function runDotnet(
  config: Pick<BenchConfig, "clientConcurrency" | "rounds" | "warmupMs" | "durationMs" | "maxRequests" | "primeMs" | "sseBytes" | "ssePairs">,
  log: (line: string) => void = () => {},
): Promise<DotnetResult> {
  log("dotnet: building benchmarks/dotnet/EdgeAi.Benchmarks (Release)");
  await run("dotnet", ["build", "-c", "Release", "-nologo", "-v", "q", PROJECT], log);
  const dll = join(PROJECT, "bin", "Release", "net10.0", "EdgeAi.Benchmarks.dll");
  const dir = mkdtempSync(join(tmpdir(), "edge-ai-bench-dotnet-"));
  const servers: ChildServer[] = [];
  try {
    const sseArgs = (["native", "openai"] as const).flatMap((flavour) => {
      const file = join(dir, `${flavour}.sse`);
      writeFileSync(file, buildSSEEvents(flavour, config.sseBytes).join(""));
      return ["--sse", `${flavour}=${file}`];
    });
    const emulator = await startEmulatorProcess();
    servers.push(emulator);
    const replay = await spawnServer({ entry: serverEntry("replay-server.ts"), args: [new URL(emulator.url).origin] });
    servers.push(replay);
    const out = join(dir, "result.json");
    await run(
      "dotnet",
      [
        dll,
        ...["--base-url", replay.url, "--account", ACCOUNT_ID, "--token", API_TOKEN, "--out", out],
        ...["--rounds", String(config.rounds), "--warmup-ms", String(config.warmupMs), "--duration-ms", String(config.durationMs)],
        ...["--prime-ms", String(config.primeMs), "--max-requests", String(config.maxRequests), "--concurrency", config.clientConcurrency.join(",")],
        ...sseArgs,
        ...["--sse-chunkings", CHUNKINGS.join(";"), "--sse-pairs", String(config.ssePairs)],
      ],
      log,
    );
    const raw = JSON.parse(readFileSync(out, "utf8")) as { runtime: string; os: string; gc: string; http: DotnetHttpRow[]; sse: DotnetSseRow[]; ssePairs: number };
    const stats = (await (await request(`${new URL(replay.url).origin}/__replay/stats`)).body.json()) as DotnetResult["replay"];
    const logs = raw.sse.map((r) => Math.log(r.ratio)).filter(Number.isFinite);
    return {
      runtime: raw.runtime,
      os: raw.os,
      gc: raw.gc,
      server: "the client-http suite's replay server (separate node process) answering recorded emulator responses; emulator in a third process records on first sight",
      replay: stats,
      rows: raw.http,
      ratios: dotnetRatios(raw.http),
      sse: raw.sse,
      ssePairs: raw.ssePairs,
      sseOverall: logs.length === 0 ? null : Math.round(Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length) * 100) / 100,
    };
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
