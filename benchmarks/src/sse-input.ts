/**
 * Deterministic SSE input for the parser benchmark, shaped like real Workers AI streams: native `/ai/run` events
 * (`{"response":"...","p":"..."}`, the `p` padding included, a usage event, `[DONE]`) and OpenAI
 * `chat.completion.chunk` events from `/ai/v1`. Words include multi-byte UTF-8 so fixed-size chunkings split
 * characters, and both parsers must carry partial sequences across chunks.
 */

/** The two event shapes Workers AI streams. */
export type SSEFlavour = "native" | "openai";

const WORDS = ["the", " lighthouse", " keeper", " café", " naïve", " 日本", " edge", " model", " stream", ",", ".", " tokens", " 🙂"];

/** A small LCG, so the input is the same on every run and machine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function nativeEvent(word: string, pad: string): string {
  return `data: ${JSON.stringify({ response: word, p: pad })}\n\n`;
}

function openaiEvent(word: string, i: number): string {
  const chunk = {
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1_790_000_000,
    model: "@cf/meta/llama-3.1-8b-instruct-fast",
    choices: [{ index: 0, delta: { content: word }, finish_reason: null }],
  };
  return `data: ${JSON.stringify(i === 0 ? { ...chunk, choices: [{ ...chunk.choices[0], delta: { role: "assistant", content: word } }] } : chunk)}\n\n`;
}

/** Builds about `targetBytes` of SSE text as a sequence of whole events (the last is `data: [DONE]`). */
export function buildSSEEvents(flavour: SSEFlavour, targetBytes: number, seed = 7): string[] {
  const rnd = lcg(seed);
  const events: string[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  for (let i = 0; bytes < targetBytes; i++) {
    const word = WORDS[Math.floor(rnd() * WORDS.length)]!;
    const pad = "abcdefghijklmnopqrstuvwxyz".slice(0, 1 + Math.floor(rnd() * 20));
    const ev = flavour === "native" ? nativeEvent(word, pad) : openaiEvent(word, i);
    events.push(ev);
    bytes += encoder.encode(ev).length;
  }
  events.push(
    flavour === "native"
      ? `data: ${JSON.stringify({ response: "", usage: { prompt_tokens: 12, completion_tokens: events.length, total_tokens: events.length + 12 } })}\n\n`
      : `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 1_790_000_000, model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }], usage: { prompt_tokens: 12, completion_tokens: events.length, total_tokens: events.length + 12 } })}\n\n`,
  );
  events.push("data: [DONE]\n\n");
  return events;
}

/** How the bytes arrive: all at once, in fixed-size pieces, or one network write per event. */
export type Chunking = { kind: "whole" } | { kind: "fixed"; size: number } | { kind: "per-event" };

/** Display name of a chunking, e.g. "fixed 1024 B". */
export function chunkingName(c: Chunking): string {
  return c.kind === "fixed" ? `fixed ${c.size} B` : c.kind;
}

/** Encodes the events and splits the bytes as `chunking` says (fixed sizes cut through lines and characters). */
export function chunkEvents(events: string[], chunking: Chunking): Uint8Array[] {
  const encoder = new TextEncoder();
  if (chunking.kind === "per-event") return events.map((e) => encoder.encode(e));
  const all = encoder.encode(events.join(""));
  if (chunking.kind === "whole") return [all];
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += chunking.size) out.push(all.subarray(i, i + chunking.size));
  return out;
}
