import { schemas } from "@edge-ai/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBody, validateAgainst } from "./validate.js";

const full = (name: string, value: unknown): boolean => (schemas as unknown as Record<string, { safeParse(v: unknown): { success: boolean } }>)[name]!.safeParse(value).success;

const message = fc.record({ role: fc.constantFrom("user", "system", "assistant", "tool", ""), content: fc.oneof(fc.string(), fc.constant(42), fc.constant([{ type: "text", text: "hi" }])) }, { requiredKeys: ["role"] });
const candidate = fc.record(
  {
    prompt: fc.oneof(fc.string(), fc.integer()),
    messages: fc.oneof(fc.array(message, { maxLength: 3 }), fc.string()),
    max_tokens: fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.string()),
    stream: fc.oneof(fc.boolean(), fc.constant("yes")),
    temperature: fc.double({ min: -1, max: 6, noNaN: true }),
  },
  { requiredKeys: [] },
);

describe("validateAgainst", () => {
  it("agrees with the full zod schema on the oneOf text-generation input (fast path is exact)", () => {
    fc.assert(
      fc.property(candidate, (value) => {
        expect(validateAgainst("TextGenerationInput", value) === undefined).toBe(full("TextGenerationInput", value));
      }),
      { numRuns: 300 },
    );
  });

  it("rejects a value matching both branches, as oneOf demands", () => {
    const both = { prompt: "hi", messages: [{ role: "user", content: "hi" }] };
    expect(full("TextGenerationInput", both)).toBe(false);
    expect(validateAgainst("TextGenerationInput", both)?.status).toBe(400);
  });

  it("passes values through when no schema is known", () => {
    expect(validateAgainst(undefined, { anything: 1 })).toBeUndefined();
  });
});

describe("decodeBody", () => {
  const req = (type: string | undefined, body: string | Uint8Array) => ({
    method: "POST",
    path: "/",
    query: new URLSearchParams(),
    header: (n: string) => (n === "content-type" ? type : undefined),
    body: typeof body === "string" ? new TextEncoder().encode(body) : body,
  });

  it("parses JSON sent with the content types real clients use", () => {
    for (const type of [undefined, "application/json", "application/json; charset=utf-8", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "application/vnd.api+json"]) {
      expect(decodeBody(req(type, '{"a":1}'), false)).toEqual({ kind: "json", value: { a: 1 } });
    }
  });

  it("takes raw bytes only where the model accepts them", () => {
    expect(decodeBody(req("audio/wav", new Uint8Array([1, 2])), true).kind).toBe("binary");
    const refused = decodeBody(req("audio/wav", new Uint8Array([1, 2])), false);
    expect(refused.kind === "error" && refused.response.status).toBe(415);
  });

  it("refuses multipart and XML with 415 naming the type", () => {
    const r = decodeBody(req("multipart/form-data; boundary=x", "--x--"), true);
    expect(r.kind === "error" && r.response.status).toBe(415);
    expect(JSON.stringify(r.kind === "error" && r.response.body)).toContain("multipart/form-data");
  });
});
