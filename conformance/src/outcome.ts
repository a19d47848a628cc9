/**
 * What a runner observed when it made a scenario's call, in a client-neutral form. The TypeScript runner fills
 * it from @edge-ai/client; evaluate.ts judges it against the scenario (the C# runner mirrors both in C#).
 */

/** One chunk of a stream as the client surfaced it. */
export interface ObservedChunk {
  /** The text delta of the chunk ("" for tool-call or usage-only chunks). */
  text: string;
  /** Whether the chunk carried token usage. */
  hasUsage: boolean;
  /** Whether the chunk carried tool calls (native `tool_calls` or an OpenAI delta's). */
  hasToolCalls: boolean;
}

/** A successful call's result. */
export type ObservedResult =
  | { type: "json"; value: unknown }
  | { type: "image"; mediaType: string; bytes: Uint8Array }
  | { type: "stream"; chunks: ObservedChunk[] };

/** A failed call's error, reduced to what both clients expose. */
export interface ObservedError {
  /** The error's `kind` string. */
  kind: string | undefined;
  /** Cloudflare code (`code` / `Code`), if any. */
  code: number | undefined;
  /** HTTP status, if any. */
  status: number | undefined;
  /** Runtime type name, for messages. */
  typeName: string;
  /** Whether the error is an instance of the type error-kinds.json names for its expected kind. */
  matchesTableType: boolean;
  message: string;
}

/** Everything a runner observed for one run. */
export type Outcome =
  | { ok: true; result: ObservedResult }
  | { ok: false; error: ObservedError; chunksBeforeError: number };
