/**
 * The adapter-neutral request/response shapes. Responders and dispatch only ever see these plain
 * objects, so the msw handlers and the node:http emulator share one behaviour and only translate.
 */

/** A request as the shared dispatch sees it: raw path below `/client/v4`, raw body bytes. */
export interface MockRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path below the `/client/v4` base, still percent-encoded (so an encoded `/` stays visible). */
  path: string;
  /** Parsed query string. */
  query: URLSearchParams;
  /** The raw query string without `?` (cheaper than `query` when only compared); derived from `query` when absent. */
  search?: string;
  /** Lower-case header lookup; adapters pass whatever their transport already parsed. */
  header(name: string): string | undefined;
  /** The raw body (empty for GET). */
  body: Uint8Array;
}

/** A server-sent event stream: each entry is one `data:` payload; `[DONE]` is appended unless cut. */
export interface SseEvents {
  kind: "sse";
  events: string[];
  /** Milliseconds to wait between events (0 = as fast as possible). */
  pacingMs?: number;
  /**
   * Realistic pacing (`latency: "realistic"`): when each event is due, in ms after the headers, one entry per event.
   * Wins over `pacingMs`. Built by latency.ts from the model's size.
   */
  schedule?: readonly number[];
  /** Stop after this many events and drop the connection without `[DONE]` (fault `stream-cut`). */
  cutAfter?: number;
}

/** Transport-level behaviours that cannot be expressed as a status and a body. */
export interface MockTransport {
  /** Destroy the socket before any byte is written (fault `reset`). */
  reset?: boolean;
  /** Delay before the status line is written (fault `slow-first-byte`). */
  delayMs?: number;
}

/** What every responder returns; adapters serialize it (JSON objects, raw bytes or an SSE stream). */
export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: object | Uint8Array | SseEvents | string | null;
  transport?: MockTransport;
}

/** True when the body is an SSE stream description. */
export function isSse(body: MockResponse["body"]): body is SseEvents {
  return typeof body === "object" && body !== null && !(body instanceof Uint8Array) && (body as SseEvents).kind === "sse";
}
