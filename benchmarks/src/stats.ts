/**
 * Summary statistics for latency samples. Percentiles use the nearest-rank method on a sorted copy, which is
 * what load tools such as autocannon report, so p99 is always a latency that really happened.
 */

/** Nearest-rank percentile of already sorted samples; `p` in 0..100. NaN for an empty list. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  const index = Math.min(sorted.length - 1, Math.max(0, rank - 1));
  return sorted[index] as number;
}

/** Median of unsorted values (mean of the middle two for an even count). NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Latency summary in milliseconds, as reported in the tables. */
export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

/** Summarises latency samples (milliseconds); the input is left untouched. */
export function summarizeLatencies(samples: Float64Array | readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  return {
    p50: percentileSorted(sorted, 50),
    p99: percentileSorted(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}

/** `a / b` rounded to two decimals, or null when either side is missing or zero (nothing to compare). */
export function ratio(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 || a === 0) return null;
  return Math.round((a / b) * 100) / 100;
}
