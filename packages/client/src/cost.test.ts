import { describe, expect, it } from "vitest";
import { estimateCost } from "./cost.js";

describe("estimateCost", () => {
  it("prices input and output tokens from the catalog and converts to neurons at $0.011 per 1,000", () => {
    const est = estimateCost("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 });
    expect(est?.usd).toBeCloseTo(0.29 + 2.25, 10);
    expect(est?.neurons).toBeCloseTo(((0.29 + 2.25) / 0.011) * 1000, 6);
    expect(est?.missing).toEqual([]);
  });

  it("accepts the usage object of a result as is", () => {
    const est = estimateCost("@cf/meta/llama-4-scout-17b-16e-instruct", { prompt_tokens: 24, completion_tokens: 8, total_tokens: 32 });
    expect(est?.usd).toBeCloseTo((24 * 0.27 + 8 * 0.85) / 1e6, 15);
  });

  it("lists priced units the usage did not provide", () => {
    const est = estimateCost("@cf/meta/llama-4-scout-17b-16e-instruct", { prompt_tokens: 10 });
    expect(est?.missing).toEqual(["per M output tokens"]);
  });

  it("returns undefined for models without a published price or outside the catalog", () => {
    expect(estimateCost("@cf/meta/llama-3.1-8b-instruct-fast", { prompt_tokens: 1 })).toBeUndefined();
    expect(estimateCost("@cf/acme/unknown", { prompt_tokens: 1 })).toBeUndefined();
  });
});
