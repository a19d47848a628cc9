import { schemas } from "@edge-ai/contract";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { selectBranch } from "./union-branch.js";

describe("selectBranch", () => {
  it("picks the messages or prompt branch of the text-generation union from the input's keys", () => {
    const messages = selectBranch(schemas.TextGenerationInput, { messages: [] });
    const prompt = selectBranch(schemas.TextGenerationInput, { prompt: "x" });
    expect(messages).not.toBe(schemas.TextGenerationInput);
    expect(prompt).not.toBe(schemas.TextGenerationInput);
    expect(messages).not.toBe(prompt);
    expect(messages.safeParse({ messages: [{ role: "user", content: "hi" }] }).success).toBe(true);
    expect(prompt.safeParse({ prompt: "hi" }).success).toBe(true);
  });

  it("keeps the whole union when the keys are ambiguous or select nothing, so its own error is reported", () => {
    const both = { prompt: "x", messages: [{ role: "user", content: "y" }] };
    expect(selectBranch(schemas.TextGenerationInput, both)).toBe(schemas.TextGenerationInput);
    expect(schemas.TextGenerationInput.safeParse(both).success).toBe(false);
    expect(selectBranch(schemas.TextGenerationInput, { text: "x" })).toBe(schemas.TextGenerationInput);
  });

  it("does not select when a branch has no required keys (it could match anything)", () => {
    const u = z.union([z.object({ a: z.string() }), z.object({ b: z.string().optional() })]);
    expect(selectBranch(u, { a: "x" })).toBe(u);
  });

  it("agrees with the full union on valid and invalid inputs", () => {
    const cases = [{ prompt: "hi" }, { prompt: "" }, { messages: [{ role: "user", content: "hi" }] }, { messages: [{ role: "user", content: 1 }] }, { messages: [] }];
    for (const c of cases) {
      expect(selectBranch(schemas.TextGenerationInput, c).safeParse(c).success, JSON.stringify(c)).toBe(schemas.TextGenerationInput.safeParse(c).success);
    }
  });
});
