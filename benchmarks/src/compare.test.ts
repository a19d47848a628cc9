import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type BenchTarget, compareTargets, pickMedianRound } from "./compare.js";
import type { LoadResult } from "./load.js";

function result(rps: number): LoadResult {
  return { concurrency: 1, requests: rps, errors: 0, elapsedMs: 1000, rps, p50: 1 / rps, p99: 2 / rps };
}

describe("compareTargets", () => {
  it("alternates the target order per round and opens one caller per concurrency level", async () => {
    const opened: string[] = [];
    const make = (name: string, delayMs: number): BenchTarget => ({
      name,
      description: name,
      async open(concurrency) {
        opened.push(`${name}@${concurrency}`);
        return { call: () => sleep(delayMs), close: async () => {} };
      },
    });
    const slow = make("slow", 4);
    const fast = make("fast", 0);
    const order: string[] = [];
    const res = await compareTargets([slow, fast], {
      concurrency: [1, 2],
      rounds: 2,
      warmupMs: 0,
      durationMs: 40,
      maxRequests: 1000,
      onMeasurement: (name) => order.push(name),
    });
    expect(opened).toEqual(["slow@1", "fast@1", "slow@2", "fast@2"]);
    expect(order).toEqual(["slow", "fast", "fast", "slow", "slow", "fast", "fast", "slow"]);
    expect(res.fast![2]!.roundsRps).toHaveLength(2);
    expect(res.fast![1]!.rps).toBeGreaterThan(res.slow![1]!.rps);
    expect(res.slow![2]!.concurrency).toBe(2);
  });
});

describe("pickMedianRound", () => {
  it("reports the median round with its own latencies and keeps every round's rate in run order", () => {
    const m = pickMedianRound([result(300), result(100), result(200)]);
    expect(m.rps).toBe(200);
    expect(m.p50).toBe(1 / 200);
    expect(m.roundsRps).toEqual([300, 100, 200]);
    expect(pickMedianRound([result(300), result(100)]).rps).toBe(100);
    expect(() => pickMedianRound([])).toThrow(RangeError);
  });
});
