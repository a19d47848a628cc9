/**
 * Text-in/text-out tasks besides chat: translation (a tiny dictionary so the demo reads well),
 * summarization, sentiment classification.
 */
import { createRng } from "../seed.js";

const DICTIONARY: Record<string, Record<string, string>> = {
  es: { hello: "hola", world: "mundo", the: "el", is: "es", good: "bueno", morning: "mañana", thank: "gracias", you: "tú", and: "y", edge: "borde", model: "modelo", fast: "rápido", i: "yo", love: "amo", cats: "gatos" },
  fr: { hello: "bonjour", world: "monde", the: "le", is: "est", good: "bon", morning: "matin", thank: "merci", you: "vous", and: "et", edge: "bord", model: "modèle", fast: "rapide", i: "je", love: "aime", cats: "chats" },
  de: { hello: "hallo", world: "Welt", the: "die", is: "ist", good: "gut", morning: "Morgen", thank: "danke", you: "du", and: "und", edge: "Kante", model: "Modell", fast: "schnell", i: "ich", love: "liebe", cats: "Katzen" },
};

/** TranslationOutput: word-by-word through a small dictionary; unknown words are kept. */
export function translationOutput(input: { text: string; target_lang: string }): Record<string, unknown> {
  const table = DICTIONARY[input.target_lang.toLowerCase().slice(0, 2)];
  if (!table) return { translated_text: `[${input.target_lang}] ${input.text}` };
  const translated = input.text.replace(/[\p{L}]+/gu, (word) => {
    const hit = table[word.toLowerCase()];
    if (!hit) return word;
    return word[0] === word[0]!.toUpperCase() ? hit[0]!.toUpperCase() + hit.slice(1) : hit;
  });
  return { translated_text: translated };
}

/** SummarizationOutput: the leading sentences that fit into max_length characters. */
export function summarizationOutput(input: { input_text: string; max_length?: number }): Record<string, unknown> {
  const max = input.max_length ?? 1024;
  const sentences = input.input_text.match(/[^.!?]+[.!?]*/g) ?? [input.input_text];
  let summary = "";
  for (const s of sentences) {
    if ((summary + s).length > max) break;
    summary += s;
    if (summary.length > input.input_text.length / 3) break;
  }
  return { summary: (summary || input.input_text.slice(0, max)).trim() };
}

const POSITIVE = /\b(good|great|love|excellent|happy|nice|fast|best|amazing|like)\b/gi;
const NEGATIVE = /\b(bad|terrible|hate|awful|sad|slow|worst|broken|poor|dislike)\b/gi;

/** TextClassificationOutput: `[{label, score}]` for POSITIVE/NEGATIVE, best first. */
export function textClassificationOutput(input: { text: string }, seed: number): Array<{ label: string; score: number }> {
  const pos = input.text.match(POSITIVE)?.length ?? 0;
  const neg = input.text.match(NEGATIVE)?.length ?? 0;
  const jitter = createRng(seed).next() * 0.05;
  let positive = pos === neg ? 0.5 + jitter : pos > neg ? 0.9 + jitter : 0.1 - jitter;
  positive = Math.round(Math.min(0.9999, Math.max(0.0001, positive)) * 1e4) / 1e4;
  const out = [
    { label: "POSITIVE", score: positive },
    { label: "NEGATIVE", score: Math.round((1 - positive) * 1e4) / 1e4 },
  ];
  return out.sort((a, b) => b.score - a.score);
}
