/**
 * Cost estimates from the catalog's published unit prices. Workers AI bills in neurons ($0.011 per 1,000, with
 * 10,000 free per day); the pricing page also lists per-unit dollar figures per model, which is what the catalog
 * carries, so the estimate is computed in dollars and converted to neurons at the published rate.
 */
import { getModel } from "@edge-ai/contract/catalog";

/** US dollars per 1,000 neurons (pricing page). */
export const USD_PER_1000_NEURONS = 0.011;
/** Neurons free per day on every plan; counters reset at 00:00 UTC. */
export const FREE_NEURONS_PER_DAY = 10_000;

/** Quantities to price. Token counts use the names of the API's `usage` object, so `result.usage` fits as is. */
export interface CostUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  /** Embedding/classification input tokens when no prompt/completion split exists (falls back to total_tokens). */
  total_tokens?: number;
  /** Prompt tokens served from the prompt cache (models with a cached-input price bill them apart). */
  prompt_tokens_details?: { cached_tokens?: number };
  images?: number;
  audio_minutes?: number;
  /** Characters of input text (text-to-speech models priced per 1k characters). */
  characters?: number;
  /** Output image tiles of 512x512; image models price them alone or times the steps. */
  tiles?: number;
  /** Input image tiles of 512x512 (image-editing models such as flux-2-dev price them times the steps). */
  input_tiles?: number;
  /** Diffusion steps of the call. */
  steps?: number;
  /** Requests the usage covers; one call is one request when absent. */
  requests?: number;
  [key: string]: unknown;
}

/** One priced line of an estimate. */
export interface CostLine {
  unit: string;
  quantity: number;
  unitPrice: number;
  usd: number;
}

/**
 * An estimate: dollars, the neuron equivalent, and the lines it was computed from. When the usage lacks a unit
 * the model is priced in, `usd` and `neurons` are undefined (a partial sum would read as the price) and
 * `missing` names the units; `pricedUsd` still sums the lines that could be priced.
 */
export interface CostEstimate {
  model: string;
  /** The whole cost, or undefined when a priced unit is missing from the usage. */
  usd: number | undefined;
  /** `usd` in neurons at $0.011 per 1,000, or undefined like `usd`. */
  neurons: number | undefined;
  /** The sum of the lines that could be priced (all of the cost when `missing` is empty). */
  pricedUsd: number;
  lines: CostLine[];
  /** Units the model is priced in that the usage did not provide. */
  missing: string[];
}

/** How to read the quantity of one priced unit from a usage; `priced` holds every unit the model is priced in. */
export interface UnitReader {
  /** The divisor of the price (1e6 for "per M ..."). */
  per: number;
  read: (u: CostUsage, priced: ReadonlySet<string>) => number | undefined;
}

const CACHED = "per M cached input tokens";
const cached = (u: CostUsage) => u.prompt_tokens_details?.cached_tokens;
const product = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : a * b);

/** unit text in the catalog -> how to read its quantity from usage, and the divisor of the price. */
export const unitReaders: Record<string, UnitReader> = {
  // A model with a cached-input price bills cached prompt tokens at that price, the rest at the input price.
  "per M input tokens": {
    per: 1e6,
    read: (u, priced) => {
      const input = u.prompt_tokens ?? u.total_tokens;
      if (input === undefined || !priced.has(CACHED)) return input;
      const hit = cached(u);
      return hit === undefined ? input : input - hit;
    },
  },
  [CACHED]: { per: 1e6, read: cached },
  "per M output tokens": { per: 1e6, read: (u) => u.completion_tokens },
  "per M images": { per: 1e6, read: (u) => u.images },
  "per audio minute": { per: 1, read: (u) => u.audio_minutes },
  "per 1k characters": { per: 1000, read: (u) => u.characters },
  "per 512 by 512 tile": { per: 1, read: (u) => u.tiles },
  "per step": { per: 1, read: (u) => u.steps },
  "per input 512x512 tile, per step": { per: 1, read: (u) => product(u.input_tiles, u.steps) },
  "per output 512x512 tile, per step": { per: 1, read: (u) => product(u.tiles, u.steps) },
  "per inference request": { per: 1, read: (u) => u.requests ?? 1 },
};

/**
 * Estimates what a call cost from its usage. Returns undefined when the catalog has no published price for the
 * model (the estimate would be a guess); a usage without one of the priced units gives `usd: undefined` and
 * names the unit in `missing`, never a silent 0.
 * @example estimateCost("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt_tokens: 1000, completion_tokens: 200 })
 *          // { usd: 0.0007436, neurons: 67.6, ... }
 */
export function estimateCost(model: string, usage: CostUsage): CostEstimate | undefined {
  const entry = getModel(model);
  if (!entry || entry.prices.length === 0) return undefined;
  const lines: CostLine[] = [];
  const missing: string[] = [];
  let usd = 0;
  const priced = new Set(entry.prices.map((p) => p.unit));
  for (const price of entry.prices) {
    const reader = unitReaders[price.unit];
    const quantity = reader?.read(usage, priced);
    if (!reader || typeof quantity !== "number" || !Number.isFinite(quantity)) {
      missing.push(price.unit);
      continue;
    }
    const cost = (quantity / reader.per) * price.price;
    usd += cost;
    lines.push({ unit: price.unit, quantity, unitPrice: price.price, usd: cost });
  }
  const complete = missing.length === 0;
  return { model, usd: complete ? usd : undefined, neurons: complete ? (usd / USD_PER_1000_NEURONS) * 1000 : undefined, pricedUsd: usd, lines, missing };
}
