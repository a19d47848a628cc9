import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { describeError, runLoad } from "./load.js";

describe("runLoad", () => {
  it("keeps exactly `concurrency` calls in flight and stops at the request cap", async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await runLoad(
      async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(1);
        inFlight--;
      },
      { concurrency: 4, warmupMs: 0, durationMs: 10_000, maxRequests: 40 },
    );
    expect(peak).toBe(4);
    expect(result.requests).toBe(40);
    expect(result.errors).toBe(0);
    expect(result.elapsedMs).toBeLessThan(10_000);
    expect(result.rps).toBeGreaterThan(0);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
  });

  it("counts thrown calls as errors, keeps the first message and leaves them out of the rate", async () => {
    let n = 0;
    const result = await runLoad(
      async () => {
        n++;
        if (n % 2 === 0) throw new Error(`boom ${n}`);
      },
      { concurrency: 1, warmupMs: 0, durationMs: 10_000, maxRequests: 10 },
    );
    expect(result.requests).toBe(5);
    expect(result.errors).toBe(5);
    expect(result.firstError).toBe("Error: boom 2");
  });

  it("drops warm-up calls from the measured counts", async () => {
    let calls = 0;
    const result = await runLoad(
      async () => {
        calls++;
        await sleep(1);
      },
      { concurrency: 1, warmupMs: 30, durationMs: 10_000, maxRequests: 5 },
    );
    expect(result.requests).toBe(5);
    expect(calls).toBeGreaterThan(5);
  });

  it("rejects a concurrency that is not a positive integer", async () => {
    await expect(runLoad(async () => {}, { concurrency: 0, warmupMs: 0, durationMs: 1 })).rejects.toThrow(RangeError);
  });

  it("describes errors with their status and code when present", () => {
    const err = Object.assign(new TypeError("bad\nsecond line"), { status: 400, code: 7000 });
    expect(describeError(err)).toBe("TypeError status 400 code 7000: bad");
    expect(describeError("plain")).toBe("plain");
  });
});
