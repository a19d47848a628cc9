import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type BenchTarget, compareTargets, pickMedianRound, primeTargets } from "./compare.js";
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
    // Which target is faster depends on the machine's load, so only the rate's arithmetic is asserted.
    for (const r of [res.fast![1]!, res.slow![1]!, res.fast![2]!, res.slow![2]!]) {
      expect(r.requests).toBeGreaterThan(0);
      expect(r.rps).toBeCloseTo((r.requests / r.elapsedMs) * 1000, 6);
    }
    expect(res.slow![2]!.concurrency).toBe(2);
  });
});

describe("pickMedianRound", () => {
  it("reports the median round with its own latencies and keeps every round's rate in run order", () => {
    const m = pickMedianRound([result(300), result(100), result(200)]);
    expect(m.rps).toBe(200);
    expect(m.p50).toBe(1 / 200);
    expect(m.roundsRps).toEqual([300, 100, 200]);
    expect(m.bestRps).toBe(300);
    expect(pickMedianRound([result(300), result(100)]).rps).toBe(100);
    expect(() => pickMedianRound([])).toThrow(RangeError);
  });
});

describe("primeTargets", () => {
  it("runs each target alone at concurrency 1 and closes it again", async () => {
    const seen: string[] = [];
    let calls = 0;
    const target = (name: string): BenchTarget => ({
      name,
      description: name,
      async open(concurrency) {
        seen.push(`open ${name}@${concurrency}`);
        return { call: async () => void calls++, close: async () => void seen.push(`close ${name}`) };
      },
    });
    await primeTargets([target("a"), target("b")], 20);
    expect(seen).toEqual(["open a@1", "close a", "open b@1", "close b"]);
    expect(calls).toBeGreaterThan(2);
  });

  it("fails naming the target when not a single call succeeds", async () => {
    const broken: BenchTarget = {
      name: "broken",
      description: "always throws",
      async open() {
        return {
          call: async () => {
            throw new Error("connection refused");
          },
          close: async () => {},
        };
      },
    };
    await expect(primeTargets([broken], 10)).rejects.toThrow("broken failed before measuring: Error: connection refused");
  });
});
