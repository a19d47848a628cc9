/**
 * The load generator: `concurrency` async loops each awaiting one call at a time (closed-loop, like autocannon's
 * connections), a warm-up whose samples are discarded so JIT and keep-alive set-up do not count, then a measured
 * window bounded both by time and by a request count so a slow target can never run away with the machine.
 */
import { summarizeLatencies } from "./stats.js";

/** One request/response round trip; it must consume the whole response body before resolving. */
export type LoadCall = () => Promise<unknown>;

/** Bounds of one measurement. */
export interface LoadOptions {
  /** Calls in flight at once. */
  concurrency: number;
  /** Time spent calling before measuring (samples dropped). */
  warmupMs: number;
  /** Length of the measured window. */
  durationMs: number;
  /** Hard cap on measured calls, whichever of time or count comes first. */
  maxRequests?: number;
}

/** What one measurement produced; latencies in milliseconds. */
export interface LoadResult {
  concurrency: number;
  /** Calls that resolved in the measured window. */
  requests: number;
  /** Calls that threw in the measured window (not counted in `requests` or `rps`). */
  errors: number;
  /** Message of the first error, to show what went wrong instead of a bare count. */
  firstError?: string;
  elapsedMs: number;
  rps: number;
  p50: number;
  p99: number;
}

const DEFAULT_MAX_REQUESTS = 1_000_000;

/**
 * Drives `call` with `concurrency` loops for the warm-up and then the measured window.
 * @example
 * const r = await runLoad(() => pool.request(opts).then((res) => res.body.dump()), { concurrency: 16, warmupMs: 500, durationMs: 2000 });
 */
export async function runLoad(call: LoadCall, options: LoadOptions): Promise<LoadResult> {
  const { concurrency, warmupMs, durationMs } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;

  if (warmupMs > 0) {
    const warmEnd = performance.now() + warmupMs;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < warmEnd) {
          try {
            await call();
          } catch {
            // Warm-up errors show up again in the measured window, where they are counted.
          }
        }
      }),
    );
  }

  let latencies = new Float64Array(Math.min(maxRequests, 65_536));
  let requests = 0;
  let errors = 0;
  let started = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const end = start + durationMs;

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < maxRequests && performance.now() < end) {
        started++;
        const t0 = performance.now();
        try {
          await call();
        } catch (err) {
          errors++;
          firstError ??= describeError(err);
          continue;
        }
        const dt = performance.now() - t0;
        if (requests === latencies.length) {
          const bigger = new Float64Array(latencies.length * 2);
          bigger.set(latencies);
          latencies = bigger;
        }
        latencies[requests++] = dt;
      }
    }),
  );

  const elapsedMs = performance.now() - start;
  const { p50, p99 } = summarizeLatencies(latencies.subarray(0, requests));
  const result: LoadResult = { concurrency, requests, errors, elapsedMs, rps: (requests / elapsedMs) * 1000, p50, p99 };
  if (firstError !== undefined) result.firstError = firstError;
  return result;
}

/** A one-line description of a thrown value (class name, code when present, message). */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    const status = (err as { status?: unknown }).status;
    const parts = [err.constructor.name];
    if (status !== undefined) parts.push(`status ${String(status)}`);
    if (code !== undefined) parts.push(`code ${String(code)}`);
    return `${parts.join(" ")}: ${err.message.split("\n")[0]?.slice(0, 200)}`;
  }
  return String(err).slice(0, 200);
}
