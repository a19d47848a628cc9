import { describe, expect, it } from "vitest";
import { parseConfig, SUITES } from "./config.js";

describe("parseConfig", () => {
  it("runs every suite at concurrency 1/32 (emulator) and 1/16 (clients) with 1000 streams by default", () => {
    const c = parseConfig([]);
    expect(c.profile).toBe("default");
    expect(c.only).toEqual([...SUITES]);
    expect(c.emulatorConcurrency).toEqual([1, 32]);
    expect(c.clientConcurrency).toEqual([1, 16]);
    expect(c.streams).toBe(1000);
  });

  it("shortens everything in quick mode and lets flags override single values", () => {
    const q = parseConfig(["--quick"]);
    expect(q.profile).toBe("quick");
    expect(q.durationMs).toBeLessThan(parseConfig([]).durationMs);
    const custom = parseConfig(["--", "--duration-ms", "5000", "--only", "sse-parse,cold-import"]);
    expect(custom.profile).toBe("custom");
    expect(custom.durationMs).toBe(5000);
    expect(custom.only).toEqual(["sse-parse", "cold-import"]);
  });

  it("rejects unknown suites, out-of-range numbers and unknown flags with the flag's name", () => {
    expect(() => parseConfig(["--only", "nope"])).toThrow(/--only: unknown suite "nope"/);
    expect(() => parseConfig(["--streams", "100000"])).toThrow(/--streams must be an integer/);
    expect(() => parseConfig(["--rounds", "1.5"])).toThrow(/--rounds/);
    expect(() => parseConfig(["--bogus"])).toThrow();
  });
});
