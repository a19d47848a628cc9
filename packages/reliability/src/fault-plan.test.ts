import { describe, expect, it } from "vitest";
import { FAULT_KINDS, planCalls } from "./fault-plan.js";

const base = { calls: 5_000, faultRate: 0.1, streamRate: 0.3, maxRetries: 2, seed: 3, runId: "t" };

describe("planCalls", () => {
  it("faults about the requested share of calls and gives every kind a share", () => {
    const plans = planCalls(base);
    const faulted = plans.filter((p) => p.fault);
    expect(faulted.length / plans.length).toBeGreaterThan(0.08);
    expect(faulted.length / plans.length).toBeLessThan(0.12);
    for (const kind of FAULT_KINDS) expect(faulted.filter((p) => p.fault === kind).length, kind.name).toBeGreaterThan(faulted.length / FAULT_KINDS.length / 3);
  });

  it("puts stream-only faults on streaming calls only and repeats only retryable faults", () => {
    for (const p of planCalls(base)) {
      if (p.fault?.streamOnly) expect(p.stream).toBe(true);
      if (!p.fault?.retryable) expect(p.repeats).toBe(1);
      else expect(p.repeats).toBeLessThanOrEqual(base.maxRetries + 1);
      if (p.fault) expect(p.faultHeader?.split(",")).toHaveLength(p.repeats);
    }
  });

  it("plans both recoverable and exhausting repeats of retryable faults", () => {
    const repeats = new Set(planCalls(base).filter((p) => p.fault?.retryable).map((p) => p.repeats));
    expect([...repeats].sort()).toEqual([1, 2, 3]);
  });

  it("is deterministic for a seed and gives every call its own key", () => {
    const a = planCalls(base);
    expect(planCalls(base).map((p) => p.faultHeader)).toEqual(a.map((p) => p.faultHeader));
    expect(new Set(a.map((p) => p.key)).size).toBe(a.length);
  });
});
