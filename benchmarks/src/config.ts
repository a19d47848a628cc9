/**
 * Benchmark settings and the command-line flags that change them. The default profile fits `pnpm bench` in about
 * three minutes on the 2-core machine; `--quick` is a smoke run (seconds, numbers only roughly right); the other
 * flags lengthen a run for steadier figures.
 */
import { parseArgs } from "node:util";

/** Every knob of one benchmark run. */
export interface BenchConfig {
  profile: "default" | "quick" | "custom";
  /** Time each target runs alone before any measurement (JIT and connection warm-up), milliseconds. */
  primeMs: number;
  /** Warm-up per measurement, milliseconds. */
  warmupMs: number;
  /** Measured window per measurement, milliseconds. */
  durationMs: number;
  /** Rounds per measurement; targets alternate within a round and the median round is reported. */
  rounds: number;
  /** Cap on requests per measured window, so a fast target cannot run unbounded. */
  maxRequests: number;
  /** Concurrency levels of the emulator-vs-bare comparison. */
  emulatorConcurrency: number[];
  /** Concurrency levels of the client comparison. */
  clientConcurrency: number[];
  /** SSE streams held open at once against the emulator. */
  streams: number;
  /** Milliseconds between SSE events while the streams are held (emulator `--pacing-ms`). */
  streamPacingMs: number;
  /** Bytes of SSE input per parser pass, and interleaved pass pairs per chunking. */
  sseBytes: number;
  ssePairs: number;
  /** Fresh node processes per SDK for the cold-import median. */
  importRuns: number;
  /** Suites to run (all by default). */
  only: SuiteName[];
  /** Where latest.json and latest.md go. */
  outDir: string | undefined;
  /** Keep the suites this run does not run from the existing latest.json (for `--only` runs). */
  merge: boolean;
}

/** The suites, in the order they run. */
export const SUITES = ["emulator-json", "emulator-sse", "client-http", "dotnet", "sse-parse", "cold-import", "scale"] as const;
/** One suite's name. */
export type SuiteName = (typeof SUITES)[number];

const DEFAULT: Omit<BenchConfig, "profile" | "only" | "outDir" | "merge"> = {
  primeMs: 700,
  warmupMs: 200,
  durationMs: 600,
  rounds: 5,
  maxRequests: 200_000,
  emulatorConcurrency: [1, 32],
  clientConcurrency: [1, 16],
  streams: 1_000,
  streamPacingMs: 200,
  sseBytes: 512 * 1024,
  ssePairs: 80,
  importRuns: 5,
};

const QUICK: Omit<BenchConfig, "profile" | "only" | "outDir" | "merge"> = {
  primeMs: 100,
  warmupMs: 100,
  durationMs: 300,
  rounds: 1,
  maxRequests: 5_000,
  emulatorConcurrency: [1, 32],
  clientConcurrency: [1, 16],
  streams: 100,
  streamPacingMs: 10,
  sseBytes: 128 * 1024,
  ssePairs: 5,
  importRuns: 1,
};

export const USAGE = `Usage: pnpm bench [-- options]
  --quick              smoke run: short windows, 100 streams, one import run
  --duration-ms N      measured window per measurement (default 600)
  --warmup-ms N        warm-up per measurement (default 200)
  --rounds N           alternating rounds per comparison; the median is reported (default 5)
  --streams N          SSE streams held open at once (default 1000, max 5000)
  --import-runs N      fresh processes per SDK for cold import (default 5)
  --only LIST          comma list of ${SUITES.join(", ")}
  --out DIR            write latest.json / latest.md there (default benchmarks/results)
  --merge              keep the other suites' results from the existing latest.json (with --only)`;

function int(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got "${raw}"`);
  return n;
}

/** Parses benchmark flags; throws a RangeError naming the bad flag. */
export function parseConfig(argv: string[]): BenchConfig & { help: boolean } {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: {
      quick: { type: "boolean" },
      "duration-ms": { type: "string" },
      "warmup-ms": { type: "string" },
      rounds: { type: "string" },
      streams: { type: "string" },
      "import-runs": { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
      merge: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const base = values.quick ? QUICK : DEFAULT;
  const overrides = {
    durationMs: int("--duration-ms", values["duration-ms"], 50, 600_000),
    warmupMs: int("--warmup-ms", values["warmup-ms"], 0, 60_000),
    rounds: int("--rounds", values.rounds, 1, 20),
    streams: int("--streams", values.streams, 1, 5_000),
    importRuns: int("--import-runs", values["import-runs"], 1, 50),
  };
  const only = values.only === undefined ? [...SUITES] : values.only.split(",").map((s) => s.trim());
  for (const s of only) if (!(SUITES as readonly string[]).includes(s)) throw new RangeError(`--only: unknown suite "${s}" (known: ${SUITES.join(", ")})`);
  const custom = Object.values(overrides).some((v) => v !== undefined);
  const config: BenchConfig = {
    ...base,
    profile: custom ? "custom" : values.quick ? "quick" : "default",
    only: only as SuiteName[],
    outDir: values.out,
    merge: values.merge ?? false,
  };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) (config as unknown as Record<string, number>)[k] = v;
  return { ...config, help: values.help ?? false };
}
