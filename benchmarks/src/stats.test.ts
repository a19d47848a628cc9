import { describe, expect, it } from "vitest";
import { median, percentileSorted, ratio, summarizeLatencies } from "./stats.js";

describe("stats", () => {
  it("picks the nearest-rank percentile, so p99 of 100 samples is the 99th value", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileSorted(sorted, 50)).toBe(50);
    expect(percentileSorted(sorted, 99)).toBe(99);
    expect(percentileSorted(sorted, 100)).toBe(100);
    expect(percentileSorted([7], 99)).toBe(7);
    expect(percentileSorted([], 50)).toBeNaN();
  });

  it("computes the median of odd and even counts without reordering the input", () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("summarises latencies from unsorted samples", () => {
    const s = summarizeLatencies(Float64Array.from([3, 1, 2, 10]));
    expect(s).toEqual({ p50: 2, p99: 10, max: 10 });
  });

  it("returns null for a ratio with a missing or zero side", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(0, 3)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(undefined, 3)).toBeNull();
    expect(ratio(Number.NaN, 3)).toBeNull();
  });
});
