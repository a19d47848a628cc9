import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { ajvErrors, allExamples, allOperations, componentOf, resolveRef, zodErrors, type Json } from "./contract-document.js";

const cases = allExamples();
const jsonCases = cases.filter((c) => c.mediaType === "application/json");
const otherCases = cases.filter((c) => c.mediaType !== "application/json");

describe("contract examples", () => {
  it("has examples to check (JSON and non-JSON media)", () => {
    expect(jsonCases.length).toBeGreaterThan(150);
    expect(otherCases.length).toBeGreaterThan(40);
  });

  it.each(jsonCases.map((c) => [c.where, c] as const))("%s validates with ajv and zod", (_where, c) => {
    const name = componentOf(c.schema);
    expect(name, "JSON bodies are named components").toBeDefined();
    expect(ajvErrors(name!, c.value)).toBeNull();
    expect(zodErrors(name!, c.value)).toBeNull();
  });

  it.each(otherCases.map((c) => [c.where, c] as const))("%s is a string matching its schema", (_where, c) => {
    // Multipart forms reference a component (shown as their field values).
    const ref = componentOf(c.schema);
    if (ref) {
      expect(ajvErrors(ref, c.value)).toBeNull();
      return;
    }
    const validate = new Ajv2020({ strict: false }).addFormat("binary", true).compile(c.schema);
    expect(validate(c.value)).toBe(true);
    if (c.mediaType === "text/event-stream") {
      expect(c.value as string).toMatch(/^data: /);
      expect((c.value as string).trimEnd().endsWith("data: [DONE]")).toBe(true);
    }
  });

  it("gives every request body and every response media type at least one example", () => {
    const missing: string[] = [];
    for (const { path, method, op } of allOperations()) {
      const check = (where: string, content: Json | undefined) => {
        for (const [mediaType, media] of Object.entries(content ?? {})) {
          if (Object.keys((media as Json).examples ?? {}).length === 0) missing.push(`${method} ${path} ${where} ${mediaType}`);
        }
      };
      check("request", op.requestBody?.content);
      for (const [status, response] of Object.entries(op.responses as Json)) check(status, resolveRef(response as Json).content);
    }
    expect(missing).toEqual([]);
  });

  it("streams show native events, OpenAI chunks and the final [DONE]", () => {
    const streams = otherCases.filter((c) => c.mediaType === "text/event-stream").map((c) => c.value as string);
    expect(streams.some((s) => s.includes('"response"') && s.includes('"p"'))).toBe(true);
    expect(streams.some((s) => s.includes('"chat.completion.chunk"'))).toBe(true);
    for (const s of streams) {
      for (const line of s.split("\n").filter((l) => l.startsWith("data: ") && l !== "data: [DONE]")) {
        const event = JSON.parse(line.slice(6)) as unknown;
        expect(ajvErrors("TextGenerationSseEvent", event)).toBeNull();
        expect(zodErrors("TextGenerationSseEvent", event)).toBeNull();
      }
    }
  });
});
