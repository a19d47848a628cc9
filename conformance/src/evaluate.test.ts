import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";
import type { ObservedError } from "./outcome.js";
import type { Scenario } from "./scenario.js";

const base = { id: "x", title: "A scenario for the evaluator tests.", call: { model: "@cf/a/b", input: {} } };
const err = (over: Partial<ObservedError> = {}): ObservedError => ({
  kind: "capacity", code: 3040, status: 429, typeName: "CapacityError", matchesTableType: true, message: "busy", ...over,
});

describe("evaluate", () => {
  it("accepts a matching error with the right attempts and waits", () => {
    const s: Scenario = { ...base, expect: { error: { kind: "capacity", code: 3040, status: 429 }, attempts: 3, minWaitMs: 10 } };
    expect(evaluate(s, { ok: false, error: err(), chunksBeforeError: 0 }, { count: 3, timestamps: [0, 20, 45] })).toEqual([]);
  });

  it("reports wrong attempts, too short waits and wrong code together", () => {
    const s: Scenario = { ...base, expect: { error: { kind: "capacity", code: 3040 }, attempts: 2, minWaitMs: 100 } };
    const failures = evaluate(s, { ok: false, error: err({ code: 3036 }), chunksBeforeError: 0 }, { count: 3, timestamps: [0, 20, 45] });
    expect(failures).toEqual([
      "attempts: the emulator saw 3, expected 2",
      "minWaitMs: attempts 20 ms apart, expected at least 100 ms",
      "error code: expected 3040, got 3036",
    ]);
  });

  it("fails an error whose type is not the table's type even when the kind matches", () => {
    const s: Scenario = { ...base, expect: { error: { kind: "capacity" }, attempts: 1 } };
    expect(evaluate(s, { ok: false, error: err({ matchesTableType: false }), chunksBeforeError: 0 }, { count: 1, timestamps: [0] })).toEqual([
      "error type: CapacityError is not the type error-kinds.json names for capacity",
    ]);
  });

  it("fails a success where an error was expected", () => {
    const s: Scenario = { ...base, expect: { error: { kind: "quota_exhausted" }, attempts: 1 } };
    expect(evaluate(s, { ok: true, result: { type: "json", value: {} } }, { count: 1, timestamps: [0] })).toEqual([
      "expected error quota_exhausted, got a json result",
    ]);
  });

  it("checks stream chunk bounds, text and usage", () => {
    const s: Scenario = { ...base, expect: { result: { type: "stream", minChunks: 1, maxChunks: 1, textMinLength: 3, usage: true, toolCalls: true }, attempts: 1 } };
    const chunks = [{ text: "a", hasUsage: false, hasToolCalls: false }, { text: "b", hasUsage: false, hasToolCalls: false }];
    expect(evaluate(s, { ok: true, result: { type: "stream", chunks } }, { count: 1, timestamps: [0] })).toEqual([
      "stream: 2 chunk(s), expected at most 1",
      "stream text: 2 characters, expected at least 3",
      "stream: no chunk carried usage",
      "stream: no chunk carried tool calls",
    ]);
  });

  it("checks image media type and magic bytes", () => {
    const s: Scenario = { ...base, expect: { result: { type: "image", mediaType: "image/png", magicHex: "89504e47", minBytes: 4 }, attempts: 1 } };
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    expect(evaluate(s, { ok: true, result: { type: "image", mediaType: "image/jpeg", bytes } }, { count: 1, timestamps: [0] })).toEqual([
      "image media type: expected image/png, got image/jpeg",
      "image: starts with ffd8ffe0, expected 89504e47",
    ]);
  });

  it("runs json checks on a json result", () => {
    const s: Scenario = { ...base, expect: { result: { type: "json", checks: [{ path: "response", type: "string" }] }, attempts: 1 } };
    expect(evaluate(s, { ok: true, result: { type: "json", value: { response: 1 } } }, { count: 1, timestamps: [0] })).toEqual([
      "result response: expected string, got number",
    ]);
  });
});
