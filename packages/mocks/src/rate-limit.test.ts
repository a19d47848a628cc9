import { describe, expect, it } from "vitest";
import { NeuronBudget, neuronCost } from "./neuron-budget.js";
import { RateLimiter } from "./rate-limit.js";

describe("RateLimiter", () => {
  it("admits `limit` requests per window with decreasing remaining counts, then refuses", () => {
    const limiter = new RateLimiter(60_000);
    const t0 = 1_000_000;
    const first = limiter.check("k", 2, t0);
    expect(first.allowed).toBe(true);
    expect(first.headers["ratelimit"]).toBe('"default";r=1;t=60');
    expect(first.headers["ratelimit-policy"]).toBe('"default";q=2;w=60');
    expect(limiter.check("k", 2, t0 + 1000).allowed).toBe(true);
    const refused = limiter.check("k", 2, t0 + 15_000);
    expect(refused.allowed).toBe(false);
    expect(refused.resetSeconds).toBe(45);
  });

  it("opens a new window after the old one ends and keeps keys apart", () => {
    const limiter = new RateLimiter(60_000);
    limiter.check("a", 1, 0);
    expect(limiter.check("a", 1, 1).allowed).toBe(false);
    expect(limiter.check("b", 1, 1).allowed).toBe(true);
    expect(limiter.check("a", 1, 60_000).allowed).toBe(true);
  });
});

describe("NeuronBudget", () => {
  it("runs out after the budget is charged and resets on the next UTC day", () => {
    const budget = new NeuronBudget(10);
    const day = Date.UTC(2026, 10, 27, 12);
    expect(budget.available(day)).toBe(true);
    budget.charge(10, day);
    expect(budget.available(day)).toBe(false);
    expect(budget.available(Date.UTC(2026, 10, 28, 0, 0, 1))).toBe(true);
  });

  it("charges text generation per token and other tasks per request", () => {
    expect(neuronCost("text-generation", 95)).toBe(10);
    expect(neuronCost("text-to-image")).toBe(60);
    expect(neuronCost("unknown-task")).toBe(1);
  });
});
