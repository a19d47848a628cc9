import { describe, expect, it } from "vitest";
import { models } from "@edge-ai/contract";
import { estimateCost, unitReaders } from "./cost.js";

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

  it("names the priced units the usage did not provide instead of a partial or zero price", () => {
    const est = estimateCost("@cf/meta/llama-4-scout-17b-16e-instruct", { prompt_tokens: 10 });
    expect(est?.missing).toEqual(["per M output tokens"]);
    expect(est?.usd).toBeUndefined();
    expect(est?.neurons).toBeUndefined();
    expect(est?.pricedUsd).toBeCloseTo((10 * 0.27) / 1e6, 15);
    const none = estimateCost("@cf/meta/llama-4-scout-17b-16e-instruct", {});
    expect(none?.usd).toBeUndefined();
    expect(none?.missing).toEqual(["per M input tokens", "per M output tokens"]);
  });

  it("knows how to read every unit any catalogued model is priced in", () => {
    const units = new Set(models.flatMap((m) => m.prices.map((p) => p.unit)));
    for (const unit of units) expect(unitReaders, unit).toHaveProperty([unit]);
    // Every model with a published price gets an estimate.
    for (const m of models.filter((x) => x.prices.length > 0)) expect(estimateCost(m.id, {}), m.id).toBeDefined();
  });

  it("prices flux-2-dev per input and per output tile times the steps, naming what the usage lacks", () => {
    const est = estimateCost("@cf/black-forest-labs/flux-2-dev", { input_tiles: 4, tiles: 4, steps: 25 });
    expect(est?.usd).toBeCloseTo(4 * 25 * 0.000413 + 4 * 25 * 0.000825, 12);
    expect(est?.missing).toEqual([]);
    const noInput = estimateCost("@cf/black-forest-labs/flux-2-dev", { tiles: 4, steps: 25 });
    expect(noInput?.missing).toEqual(["per input 512x512 tile, per step"]);
    expect(noInput?.usd).toBeUndefined();
  });

  it("bills cached prompt tokens at the cached price and only the rest at the input price", () => {
    const m = models.find((x) => x.prices.some((p) => p.unit === "per M cached input tokens"))!;
    const price = (unit: string) => m.prices.find((p) => p.unit === unit)!.price;
    const est = estimateCost(m.id, { prompt_tokens: 1000, completion_tokens: 10, prompt_tokens_details: { cached_tokens: 600 } });
    expect(est?.usd).toBeCloseTo((400 * price("per M input tokens") + 600 * price("per M cached input tokens") + 10 * price("per M output tokens")) / 1e6, 15);
    // Without the cache figure the split is unknown: no total, the unit named.
    expect(estimateCost(m.id, { prompt_tokens: 1000, completion_tokens: 10 })?.missing).toEqual(["per M cached input tokens"]);
  });

  it("returns undefined for models without a published price or outside the catalog", () => {
    expect(estimateCost("@cf/meta/llama-3.1-8b-instruct-fast", { prompt_tokens: 1 })).toBeUndefined();
    expect(estimateCost("@cf/acme/unknown", { prompt_tokens: 1 })).toBeUndefined();
  });
});
