/**
 * The mutable state behind one emulator or one msw handler set: fault counters, rate-limit windows,
 * the neuron budget and batch jobs. Responders stay pure; only dispatch touches this.
 */
import { AnswerCache } from "./answer-cache.js";
import { BatchStore } from "./responders/batch.js";
import { FaultState, parseGlobalFaults } from "./faults.js";
import { NeuronBudget } from "./neuron-budget.js";
import { RateLimiter } from "./rate-limit.js";
import type { Latency } from "./latency.js";

/** Behaviour switches shared by the emulator and the msw handlers. */
export interface MockOptions {
  /** Accepted bearer tokens; any non-empty token when absent. */
  tokens?: string[];
  /** Per-task rate limits (default true in the emulator, false for msw handlers). */
  rateLimits?: boolean;
  /** Daily neuron budget; off when absent. */
  neuronBudget?: number;
  /** Probability of a global fault per request. */
  faultRate?: number;
  /** Steps global faults choose from (comma list or array), default `rate-limit,capacity,server-error`. */
  faults?: string | string[];
  /** Milliseconds between SSE events. */
  pacingMs?: number;
  /** Seed of the global fault generator. */
  seed?: number;
  /**
   * Pacing: `"instant"` (default), `"realistic"` (first-token delay and token rate by model size), or a fixed
   * `{ firstTokenMs, tokensPerSecond }` (docs/decisions/0246).
   */
  latency?: Latency;
}

/** State of one server or handler set. */
export class MockState {
  readonly faults: FaultState;
  readonly limiter: RateLimiter | undefined;
  readonly budget: NeuronBudget | undefined;
  readonly batches = new BatchStore();
  /** Memo of pure /ai/run answers (the emulator fast path). */
  readonly answers = new AnswerCache();
  readonly tokens: ReadonlySet<string> | undefined;
  readonly pacingMs: number;
  readonly latency: Latency | undefined;

  constructor(options: MockOptions = {}) {
    const list = Array.isArray(options.faults) ? options.faults.join(",") : options.faults;
    this.faults = new FaultState(parseGlobalFaults(options.faultRate, list, options.seed ?? 1));
    this.limiter = options.rateLimits ? new RateLimiter() : undefined;
    this.budget = options.neuronBudget !== undefined ? new NeuronBudget(options.neuronBudget) : undefined;
    this.tokens = options.tokens && options.tokens.length > 0 ? new Set(options.tokens) : undefined;
    this.pacingMs = options.pacingMs ?? 0;
    this.latency = options.latency === "instant" ? undefined : options.latency;
  }
}
