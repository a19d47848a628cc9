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

/** Each word in the four forms a reply piece can take: as is, capitalised, with a period, both. */
const FORMS = VOCABULARY.map((w) => {
  const cap = w[0]!.toUpperCase() + w.slice(1);
  return [w, cap, `${w}.`, `${cap}.`, ` ${w}`, ` ${cap}`, ` ${w}.`, ` ${cap}.`] as const;
});

/**
 * The words of {@link sentenceWords} as reply pieces: every piece but the first starts with a space, so the pieces
 * concatenate to the sentence text. Same generator calls in the same order, so the same seed gives the same words;
 * the pieces are prebuilt constants, so a reply allocates no string per word (it runs once per request).
 */
export function sentencePieces(rng: Rng, count: number): string[] {
  const out: string[] = [];
  let sentenceLeft = 0;
  for (let i = 0; i < count; i++) {
    const forms = FORMS[Math.floor(rng.next() * FORMS.length)]!; // rng.pick(VOCABULARY), by index
    let form = i === 0 ? 0 : 4;
    if (sentenceLeft === 0) {
      sentenceLeft = rng.int(6, 14);
      form += 1;
    }
    sentenceLeft--;
    if (sentenceLeft === 0 || i === count - 1) form += 2;
    out.push(forms[form]!);
  }
  return out;
}

/** Convenience: a text of `count` words. */
export function sentence(rng: Rng, count: number): string {
  return sentenceWords(rng, count).join(" ");
}

/** Rough token estimate (4 characters per token), as the usage figures need one. */
export function estimateTokens(text: string): number {
  return tokensForLength(text.length);
}

/** {@link estimateTokens} of a text of `length` characters, for callers that know the length without the text. */
export function tokensForLength(length: number): number {
  return Math.max(1, Math.ceil(length / 4));
}
