/**
 * Side-by-side measurement: every target runs at each concurrency level in alternating order (A B, then B A, ...)
 * so slow drift of the shared machine (another engineer's test run, thermal state) hits all targets alike. The
 * round with the median requests/s is reported, with its own p50/p99, so the three numbers come from one run.
 */
import { type LoadCall, type LoadResult, runLoad } from "./load.js";

/** A target prepared for one concurrency level: a caller plus whatever it must release afterwards. */
export interface OpenTarget {
  call: LoadCall;
  close(): Promise<void>;
}

/** Something to measure; `open` builds a caller sized for the given concurrency (a pool, a client, ...). */
export interface BenchTarget {
  name: string;
  /** One line for the report: what is called and how. */
  description: string;
  open(concurrency: number): Promise<OpenTarget>;
}

/** The reported figures of one target at one concurrency. */
export interface Measurement extends LoadResult {
  /** requests/s of every round, in run order. */
  roundsRps: number[];
  /** The fastest round's requests/s: the least disturbed sample when the shared machine is busy. */
  bestRps: number;
}

/** Bounds shared by every measurement of a comparison. */
export interface CompareOptions {
  concurrency: number[];
  rounds: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
  /** Called after each single measurement (progress output). */
  onMeasurement?: (target: string, result: LoadResult) => void;
}

/** Results keyed by target name, then by concurrency. */
export type Comparison = Record<string, Record<number, Measurement>>;

/**
 * Measures every target at every concurrency, alternating the order each round.
 * @example
 * const byTarget = await compareTargets([bare, emulator], { concurrency: [1, 32], rounds: 3, warmupMs: 500, durationMs: 2000, maxRequests: 1e5 });
 * byTarget.emulator[32].rps / byTarget.bare[32].rps;
 */
export async function compareTargets(targets: BenchTarget[], options: CompareOptions): Promise<Comparison> {
  const out: Comparison = {};
  for (const t of targets) out[t.name] = {};
  for (const concurrency of options.concurrency) {
    const open: OpenTarget[] = [];
    try {
      for (const t of targets) open.push(await t.open(concurrency));
      const results: LoadResult[][] = targets.map(() => []);
      for (let round = 0; round < options.rounds; round++) {
        const order = targets.map((_, i) => i);
        if (round % 2 === 1) order.reverse();
        for (const i of order) {
          const r = await runLoad(open[i]!.call, {
            concurrency,
            warmupMs: options.warmupMs,
            durationMs: options.durationMs,
            maxRequests: options.maxRequests,
          });
          results[i]!.push(r);
          options.onMeasurement?.(targets[i]!.name, r);
        }
      }
      targets.forEach((t, i) => {
        out[t.name]![concurrency] = pickMedianRound(results[i]!);
      });
    } finally {
      await Promise.all(open.map((o) => o.close()));
    }
  }
  return out;
}

/**
 * Runs every target alone for `ms` at concurrency 1 before any measurement. The first few thousand requests of
 * a process are slow (JIT, undici's parser, the server's handler), and without this the first target measured
 * would pay for it; it also lets the replay server record each distinct request outside the measured windows.
 */
export async function primeTargets(targets: BenchTarget[], ms: number): Promise<void> {
  for (const t of targets) {
    const open = await t.open(1);
    try {
      const r = await runLoad(open.call, { concurrency: 1, warmupMs: 0, durationMs: ms });
      if (r.requests === 0) throw new Error(`${t.name} failed before measuring: ${r.firstError ?? "no call completed"}`);
    } finally {
      await open.close();
    }
  }
}

/** The round with the median requests/s (the lower middle for an even count), plus every round's rate. */
export function pickMedianRound(rounds: LoadResult[]): Measurement {
  if (rounds.length === 0) throw new RangeError("no rounds to summarise");
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const mid = sorted[(sorted.length - 1) >> 1]!;
  return { ...mid, roundsRps: rounds.map((r) => r.rps), bestRps: sorted[sorted.length - 1]!.rps };
}
