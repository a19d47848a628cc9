import { describe, expect, it } from "vitest";
import { ValidationError } from "./errors.js";
import { fitResponse, normaliseTextGeneration, textMode } from "./text-response.js";

const ctx = (warnings: string[] = []) => ({ validation: "tolerant" as const, core: { log: { write: (_l: string, m: string) => void warnings.push(m) } as never, scrub: (t: string) => t } });

describe("textMode", () => {
  it("reads JSON mode from response_format json_object/json_schema or an object guided_json, and tools from tools/functions", () => {
    expect(textMode({ prompt: "x" })).toEqual({ json: false, tools: false });
    expect(textMode({ prompt: "x", response_format: { type: "json_object" } })).toEqual({ json: true, tools: false });
    expect(textMode({ prompt: "x", response_format: { type: "json_schema", json_schema: {} } }).json).toBe(true);
    expect(textMode({ prompt: "x", response_format: {} }).json).toBe(false);
    expect(textMode({ prompt: "x", response_format: undefined }).json).toBe(false);
    expect(textMode({ prompt: "x", guided_json: { type: "object" } }).json).toBe(true);
    expect(textMode({ messages: [], tools: [] })).toEqual({ json: false, tools: true });
    expect(textMode({ messages: [], functions: [{ name: "f", code: "" }] }).tools).toBe(true);
    expect(textMode(new Uint8Array([1]))).toEqual({ json: false, tools: false });
  });
});

describe("normaliseTextGeneration", () => {
  it("copies text content and tool calls from an OpenAI-shaped answer and makes up no text", () => {
    expect(normaliseTextGeneration({ choices: [{ message: { content: "Hi" } }] })).toMatchObject({ response: "Hi" });
    const calls = [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }];
    const out = normaliseTextGeneration({ choices: [{ message: { content: null, tool_calls: calls } }] }) as Record<string, unknown>;
    expect("response" in out).toBe(false);
    expect(out.tool_calls).toBe(calls);
  });
});

describe("fitResponse", () => {
  it("keeps an answer that already fits untouched", () => {
    const plain = { response: "text" };
    expect(fitResponse(plain, { json: false, tools: false }, "S", ctx())).toEqual({ response: "text" });
    const json = { response: { a: 1 } };
    expect(fitResponse(json, { json: true, tools: false }, "S", ctx())).toEqual({ response: { a: 1 } });
  });

  it("turns an array in JSON mode into a ValidationError naming what arrived", () => {
    expect(() => fitResponse({ response: [1, 2] }, { json: true, tools: false }, "S", ctx())).toThrow(ValidationError);
    expect(() => fitResponse({ response: [1, 2] }, { json: true, tools: false }, "S", ctx())).toThrow(/array, not a JSON object/);
  });

  it("keeps an empty text beside tool calls (it is text), and drops only null or absent", () => {
    expect(fitResponse({ response: "", tool_calls: [] }, { json: false, tools: true }, "S", ctx())).toEqual({ response: "", tool_calls: [] });
    expect(fitResponse({ response: null, tool_calls: [] }, { json: false, tools: true }, "S", ctx())).toEqual({ tool_calls: [] });
  });
});
