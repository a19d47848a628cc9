import { describe, expect, it } from "vitest";
import { findModel } from "../catalog.js";
import { respondToRun } from "./run.js";

const result = (model: string, input: unknown) => {
  const answer = respondToRun({ model: findModel(model)!, input, seed: 7, pacingMs: 0 });
  return (answer.body as { result: Record<string, unknown> }).result;
};
const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };

describe("respondToRun text generation", () => {
  it("keeps the native shape after a JSON-mode call to a model without response_format (the shape is not decided by request order)", () => {
    const model = "@cf/meta/llama-3.1-8b-instruct-fast";
    const json = result(model, { prompt: "A city?", response_format: { type: "json_schema", json_schema: schema } });
    // The model's schema has no response_format: it is ignored and the answer is plain text, natively shaped.
    expect(typeof json["response"]).toBe("string");
    expect(json).not.toHaveProperty("choices");
    const plain = result(model, { prompt: "Hi" });
    expect(typeof plain["response"]).toBe("string");
    expect(plain).not.toHaveProperty("choices");
  });

  it("follows response_format on a model whose schema has it, and guided_json on one whose schema has that", () => {
    const viaFormat = result("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt: "A city?", response_format: { type: "json_schema", json_schema: schema } });
    expect(typeof (viaFormat["response"] as { city?: unknown }).city).toBe("string");
    const viaGuided = result("@cf/google/gemma-3-12b-it", { prompt: "A city?", guided_json: schema });
    const response = viaGuided["response"];
    const parsed = typeof response === "string" ? JSON.parse(response) : response;
    expect(typeof parsed.city).toBe("string");
  });
});
