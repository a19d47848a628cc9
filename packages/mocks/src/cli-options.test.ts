import { describe, expect, it } from "vitest";
import { parseCliOptions } from "./cli-options.js";

describe("parseCliOptions", () => {
  it("defaults to port 8787 on 127.0.0.1 with rate limits on and no budget", () => {
    expect(parseCliOptions([], {})).toMatchObject({ port: 8787, host: "127.0.0.1", rateLimits: true, quiet: false, neuronBudget: undefined, faultRate: undefined });
  });

  it("reads every flag, repeatable tokens included", () => {
    const o = parseCliOptions(["--port", "0", "--token", "a", "--token", "b", "--quiet", "--no-rate-limits", "--neuron-budget", "100", "--fault-rate", "0.2", "--faults", "capacity", "--pacing-ms", "25", "--seed", "9"], {});
    expect(o).toMatchObject({ port: 0, tokens: ["a", "b"], quiet: true, rateLimits: false, neuronBudget: 100, faultRate: 0.2, faults: "capacity", pacingMs: 25, seed: 9 });
  });

  it("falls back to the environment, flags winning", () => {
    const env = { EDGE_AI_EMULATOR_TOKENS: "x, y", EDGE_AI_EMULATOR_FAULT_RATE: "0.5", EDGE_AI_EMULATOR_PACING_MS: "10" };
    expect(parseCliOptions([], env)).toMatchObject({ tokens: ["x", "y"], faultRate: 0.5, pacingMs: 10 });
    expect(parseCliOptions(["--pacing-ms", "3"], env).pacingMs).toBe(3);
  });

  it("rejects bad values with a message naming the flag", () => {
    expect(() => parseCliOptions(["--port", "70000"], {})).toThrow(/--port/);
    expect(() => parseCliOptions(["--fault-rate", "2"], {})).toThrow(/--fault-rate/);
    expect(() => parseCliOptions(["--fault-rate", "0.1", "--faults", "boom"], {})).toThrow(/boom/);
    expect(() => parseCliOptions(["--bogus"], {})).toThrow();
  });
});
