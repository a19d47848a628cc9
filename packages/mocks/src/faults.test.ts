import { describe, expect, it } from "vitest";
import { FaultState, FaultSyntaxError, parseFaultSteps, parseGlobalFaults, terminalFaultResponse } from "./faults.js";

describe("parseFaultSteps", () => {
  it("parses names with optional numeric arguments", () => {
    expect(parseFaultSteps("rate-limit:2, none,server-error:503")).toEqual([
      { name: "rate-limit", arg: 2 },
      { name: "none" },
      { name: "server-error", arg: 503 },
    ]);
  });

  it("rejects unknown steps and bad arguments, naming them", () => {
    expect(() => parseFaultSteps("explode")).toThrow(/unknown fault step "explode"/);
    expect(() => parseFaultSteps("rate-limit:x")).toThrow(FaultSyntaxError);
  });
});

describe("FaultState", () => {
  it("gives the n-th keyed request the n-th step, then nothing", () => {
    const state = new FaultState();
    const seen = [1, 2, 3].map(() => state.stepFor("capacity,none", "k")?.name);
    expect(seen).toEqual(["capacity", "none", undefined]);
    expect(state.stats("k").count).toBe(3);
  });

  it("applies the first step every time without a key", () => {
    const state = new FaultState();
    expect([1, 2, 3].map(() => state.stepFor("quota,none", undefined)?.name)).toEqual(["quota", "quota", "quota"]);
  });

  it("injects global faults at roughly the configured rate, reproducibly", () => {
    const run = () => {
      const state = new FaultState(parseGlobalFaults(0.25, "capacity", 7));
      return Array.from({ length: 400 }, () => state.stepFor(undefined, undefined)?.name ?? "-");
    };
    const first = run();
    expect(first).toEqual(run());
    const hits = first.filter((n) => n === "capacity").length;
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(140);
  });

  it("resets the request log", () => {
    const state = new FaultState();
    state.record("a");
    state.reset();
    expect(state.stats("a")).toEqual({ key: "a", count: 0, timestamps: [] });
  });
});

describe("terminalFaultResponse", () => {
  it("builds a retryable 429 with Retry-After and rate-limit headers", () => {
    const r = terminalFaultResponse({ name: "rate-limit", arg: 4 })!;
    expect(r.status).toBe(429);
    expect(r.headers["retry-after"]).toBe("4");
    expect(r.headers["ratelimit"]).toBe('"default";r=0;t=4');
    expect(r.headers["ratelimit-policy"]).toMatch(/^"default";q=\d+;w=60$/);
  });

  it("distinguishes quota (3036) from capacity (3040)", () => {
    const codes = (["quota", "capacity"] as const).map((name) => (terminalFaultResponse({ name })!.body as { errors: Array<{ code: number }> }).errors[0]!.code);
    expect(codes).toEqual([3036, 3040]);
  });

  it("answers server-timeout with a 408 envelope carrying code 3007", () => {
    const r = terminalFaultResponse(parseFaultSteps("server-timeout")[0]!)!;
    expect(r.status).toBe(408);
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.body).toMatchObject({ result: null, success: false, errors: [{ code: 3007 }] });
  });

  it("leaves modifier steps to the normal answer", () => {
    for (const name of ["none", "slow-first-byte", "stream-cut", "json-for-stream"] as const) expect(terminalFaultResponse({ name })).toBeUndefined();
  });
});
