/**
 * Plausible filler text. Answers are read by humans in the demo and the docs page, so they are
 * built from a small vocabulary into sentences rather than random characters.
 */
import type { Rng } from "./seed.js";

const VOCABULARY = [
  "the", "edge", "model", "runs", "close", "to", "users", "and", "answers", "quickly", "with", "a", "small",
  "latency", "budget", "every", "request", "is", "served", "from", "nearby", "data", "centers", "inference",
  "tokens", "stream", "as", "they", "are", "generated", "so", "clients", "see", "progress", "early", "this",
  "emulator", "returns", "deterministic", "text", "for", "tests", "same", "input", "gives", "output", "workers",
  "ai", "keeps", "costs", "predictable", "developers", "can", "switch", "base", "url", "without", "code",
  "changes", "embeddings", "capture", "meaning", "images", "speech", "translation", "works", "offline",
] as const;

/** `count` words joined into sentences of 6 to 14 words, capitalised, ending with a period. */
export function sentenceWords(rng: Rng, count: number): string[] {
  const out: string[] = [];
  let sentenceLeft = 0;
  for (let i = 0; i < count; i++) {
    let word: string = rng.pick(VOCABULARY);
    if (sentenceLeft === 0) {
      sentenceLeft = rng.int(6, 14);
      word = word[0]!.toUpperCase() + word.slice(1);
    }
    sentenceLeft--;
    if (sentenceLeft === 0 || i === count - 1) word += ".";
    out.push(word);
  }
  return out;
}

/** Convenience: a text of `count` words. */
export function sentence(rng: Rng, count: number): string {
  return sentenceWords(rng, count).join(" ");
}

/** Rough token estimate (4 characters per token), as the usage figures need one. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
