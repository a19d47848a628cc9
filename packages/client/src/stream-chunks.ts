/**
 * One chunk shape for both event dialects Workers AI streams on /ai/run: native events
 * (`{response, p, tool_calls, usage, finish_reason}`) and OpenAI chunks (`choices[0].delta`, cumulative usage).
 * Callers read `chunk.response` either way; the `p` padding is dropped.
 */
import type { StreamUsage } from "./stream.js";

/** A normalised streaming chunk of a text-generation model. */
export interface TextGenerationChunk {
  /** The text delta (empty string on tool-call or usage-only events). */
  response: string;
  /** Reasoning-model thinking delta (`reasoning_content`), when present. */
  reasoning?: string;
  /** Tool calls, native (`{name, arguments}`) or OpenAI partials (`{index, id, function}`), as sent. */
  tool_calls?: unknown[];
  usage?: StreamUsage;
  finish_reason?: string;
}

interface OpenAIChoice {
  delta?: { content?: unknown; reasoning_content?: unknown; tool_calls?: unknown };
  message?: { content?: unknown; reasoning_content?: unknown; tool_calls?: unknown };
  finish_reason?: unknown;
}

/**
 * Maps a native or OpenAI-shaped event (or a whole non-streamed result) to a {@link TextGenerationChunk}.
 * Events that are neither (no `response`, no `choices`) pass through untouched so unknown models still stream.
 */
export function toTextGenerationChunk(event: unknown): TextGenerationChunk | undefined {
  if (typeof event !== "object" || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (Array.isArray(e.choices)) {
    const choice = e.choices[0] as OpenAIChoice | undefined;
    const part = choice?.delta ?? choice?.message;
    const chunk: TextGenerationChunk = { response: typeof part?.content === "string" ? part.content : "" };
    if (typeof part?.reasoning_content === "string") chunk.reasoning = part.reasoning_content;
    if (Array.isArray(part?.tool_calls) && part.tool_calls.length > 0) chunk.tool_calls = part.tool_calls;
    if (e.usage !== undefined && e.usage !== null) chunk.usage = e.usage as StreamUsage;
    if (typeof choice?.finish_reason === "string") chunk.finish_reason = choice.finish_reason;
    return chunk;
  }
  if ("response" in e || "tool_calls" in e || "usage" in e) {
    const r = e.response;
    // JSON mode returns an object as `response`; keep text-only consumers working by serialising it.
    const chunk: TextGenerationChunk = { response: typeof r === "string" ? r : r === undefined || r === null ? "" : JSON.stringify(r) };
    if (Array.isArray(e.tool_calls) && e.tool_calls.length > 0) chunk.tool_calls = e.tool_calls;
    if (e.usage !== undefined && e.usage !== null) chunk.usage = e.usage as StreamUsage;
    if (typeof e.finish_reason === "string") chunk.finish_reason = e.finish_reason;
    return chunk;
  }
  return event as TextGenerationChunk;
}
