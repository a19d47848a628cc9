import { describe, expect, it } from "vitest";
import { EMULATOR_ROUTE, uniqueBody } from "./suites/emulator-json.js";

describe("the unique-body row's bodies", () => {
  it("differ on every call, keep one length, and stay the benchmark route's valid input", () => {
    const bodies = Array.from({ length: 1000 }, (_, i) => uniqueBody(i));
    expect(new Set(bodies).size).toBe(1000);
    expect(new Set(bodies.map((b) => b.length)).size).toBe(1);
    const parsed = JSON.parse(bodies[7]!) as typeof EMULATOR_ROUTE.input;
    expect(parsed.max_tokens).toBe(EMULATOR_ROUTE.input.max_tokens);
    expect(parsed.messages[0]!.content).toMatch(/#000000007$/);
  });
});
