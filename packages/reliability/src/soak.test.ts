import { describe, expect, it } from "vitest";
import { type CallPlan, FAULT_KINDS, type FaultKind } from "./fault-plan.js";
import { type CallOutcome, type KeyStats, runCalls, verifySoak } from "./soak.js";

const kind = (name: string): FaultKind => FAULT_KINDS.find((k) => k.name === name) as FaultKind;
const plan = (index: number, fault?: string, repeats = 1): CallPlan => ({
  index,
  key: `k${index}`,
  stream: fault === "stream-cut",
  fault: fault ? kind(fault) : undefined,
  repeats,
  faultHeader: fault ? Array(repeats).fill(kind(fault).step).join(",") : undefined,
});
const done = (p: CallPlan, ok: boolean, errorKind?: string): CallOutcome => ({ plan: p, ok, settled: true, ms: 1, ...(errorKind ? { errorKind } : {}) });
const stats = (entries: [string, number, number[]?][]): Map<string, KeyStats> =>
  new Map(entries.map(([k, count, ts]) => [k, { count, timestamps: ts ?? Array.from({ length: count }, (_, i) => i * 2_000) }]));

describe("verifySoak", () => {
  it("passes calls that follow the policy", () => {
    const p = [plan(0), plan(1, "capacity-3040", 2), plan(2, "capacity-3040", 3), plan(3, "quota-3036"), plan(4, "stream-cut")];
    const v = verifySoak([done(p[0]!, true), done(p[1]!, true), done(p[2]!, false, "capacity"), done(p[3]!, false, "quota_exhausted"), done(p[4]!, false, "stream")], stats([["k0", 1], ["k1", 3], ["k2", 3], ["k3", 1], ["k4", 1]]), 2);
    expect(v.violations).toEqual([]);
    expect(v.maxAttemptsSeen).toBe(3);
  });

  it("flags a retried 3036, attempts beyond the policy and a recovery that did not happen", () => {
    const p = [plan(0, "quota-3036"), plan(1, "server-503", 3), plan(2, "reset", 1)];
    const v = verifySoak([done(p[0]!, false, "quota_exhausted"), done(p[1]!, false, "server"), done(p[2]!, false, "connection")], stats([["k0", 2], ["k1", 4], ["k2", 2]]), 2);
    expect(v.violations.join("\n")).toMatch(/call 0 .*2 attempts, expected 1/);
    expect(v.violations.join("\n")).toMatch(/call 1 .*4 attempts exceed the policy's 3/);
    expect(v.violations.join("\n")).toMatch(/call 2 .*expected recovery/);
  });

  it("flags retries that ignored Retry-After, untyped errors and calls that never settled", () => {
    const p = [plan(0, "rate-limit", 1), plan(1), plan(2)];
    const outcomes: CallOutcome[] = [done(p[0]!, true), { plan: p[1]!, ok: false, untyped: "TypeError: x", settled: true, ms: 1 }, { plan: p[2]!, ok: false, settled: false, ms: 99 }];
    const v = verifySoak(outcomes, stats([["k0", 2, [0, 300]]]), 2);
    expect(v.violations.join("\n")).toMatch(/300 ms after the 429/);
    expect(v.untypedErrors).toBe(1);
    expect(v.hung).toBe(1);
  });
});

describe("runCalls", () => {
  it("reports a call that outlives its deadline as unsettled instead of waiting for it", async () => {
    const outcomes = await runCalls({
      plans: [plan(0), plan(1)],
      concurrency: 2,
      execute: (p) => (p.index === 0 ? new Promise<void>(() => undefined) : Promise.reject(new RangeError("boom"))),
      deadlineMs: () => 50,
      kindOf: () => undefined,
    });
    expect(outcomes[0]?.settled).toBe(false);
    expect(outcomes[1]?.untyped).toBe("RangeError: boom");
  });
});
