/**
 * Embeddings whose geometry means something: a text's vector is the normalised sum of per-word
 * seeded vectors, so texts sharing words have a higher cosine similarity (the demo shows this),
 * and the same text always maps to the same vector, whatever the request around it.
 */
import { createRng, hashSeed } from "../seed.js";

const cache = new Map<string, Float64Array>();
const CACHE_LIMIT = 5000;
const MAX_WORDS = 512;
const MAX_CHARS = 16_384;

function wordVector(word: string, dimensions: number): Float64Array {
  const key = `${dimensions}:${word}`;
  let vector = cache.get(key);
  if (!vector) {
    const rng = createRng(hashSeed(word));
    vector = new Float64Array(dimensions);
    for (let i = 0; i < dimensions; i++) vector[i] = rng.next() * 2 - 1;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, vector);
  }
  return vector;
}

/** The unit vector of `text` with `dimensions` components (rounded like the real API's floats). */
export function embed(text: string, dimensions: number): number[] {
  const sum = new Float64Array(dimensions);
  // Like the real models (max_input_tokens 512), only the start of a long text counts.
  const words = (text.slice(0, MAX_CHARS).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text.slice(0, 64)]).slice(0, MAX_WORDS);
  for (const word of words) {
    const v = wordVector(word, dimensions);
    for (let i = 0; i < dimensions; i++) sum[i]! += v[i]!;
  }
  let norm = 0;
  for (let i = 0; i < dimensions; i++) norm += sum[i]! * sum[i]!;
  norm = Math.sqrt(norm) || 1;
  return Array.from(sum, (x) => Math.round((x / norm) * 1e6) / 1e6);
}

/** Cosine similarity of two equal-length vectors. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / (Math.sqrt(na * nb) || 1);
}

/** TextEmbeddingsOutput for `{text, pooling?}`. */
export function embeddingsOutput(input: { text: string | string[]; pooling?: string }, dimensions: number): Record<string, unknown> {
  const texts = Array.isArray(input.text) ? input.text : [input.text];
  const data = texts.map((t) => embed(t, dimensions));
  return { shape: [data.length, dimensions], data, pooling: input.pooling ?? "mean" };
}

/** RerankOutput for `{query, contexts[{text}], top_k?}`: scores in [0, 1], best first. */
export function rerankOutput(input: { query: string; contexts: Array<{ text: string }>; top_k?: number }): Record<string, unknown> {
  const q = embed(input.query, 256);
  const scored = input.contexts.map((c, id) => ({ id, score: Math.round(((cosine(q, embed(c.text, 256)) + 1) / 2) * 1e4) / 1e4 }));
  scored.sort((a, b) => b.score - a.score);
  return { response: input.top_k ? scored.slice(0, input.top_k) : scored };
}
