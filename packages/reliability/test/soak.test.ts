import { describe, expect, it } from "vitest";
import { recordFigures } from "../src/figures.js";
import { suiteSizes } from "../src/sizes.js";
import { runSoak } from "../src/soak-session.js";

const sizes = suiteSizes();

describe("fault-injection soak through the emulator", () => {
  it.each([
    ["undici", sizes.soakCalls],
    // The fetch transport runs its stream limits as JS timers: half the calls are enough to prove they are released.
    ["fetch", Math.ceil(sizes.soakCalls / 2)],
  ] as const)("settles its calls on the %s transport (%i calls, concurrency 64, 10% faults) within policy and leaks nothing", async (transport, calls) => {
    const report = await runSoak({ calls, concurrency: sizes.soakConcurrency, transport });
    recordFigures("soak", { ...report });
    expect(report.calls).toBe(calls);
    const summary = JSON.stringify({ ...report, violations: report.violations.slice(0, 10) }, null, 1);
    expect(report.violations, summary).toEqual([]);
    expect(report.settled, summary).toBe(report.calls);
    expect(report.hung).toBe(0);
    expect(report.untypedErrors).toBe(0);
    expect(report.unhandledRejections).toEqual([]);
    expect(report.leakedAfterClose, summary).toEqual({});
    expect(report.pendingTimersAfterClose, summary).toEqual([]);
    // Every fault kind was exercised, and the server saw retries (the policy was actually used).
    for (const kind of ["rate-limit", "capacity-3040", "quota-3036", "server-503", "reset", "slow-first-byte", "stream-cut"]) {
      expect(report.byFault[kind]?.calls ?? 0, `fault ${kind} ${summary}`).toBeGreaterThan(0);
    }
    expect(report.maxAttemptsSeen).toBe(3);
    expect(report.byFault["quota-3036"]?.attempts).toBe(report.byFault["quota-3036"]?.calls);
  }, 600_000);
});
