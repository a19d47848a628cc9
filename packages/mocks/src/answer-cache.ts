/**
 * Memoises finished /ai/run answers. Responders are pure functions of (method, path, query,
 * content type, body),
 * so a repeated request can reuse the serialized bytes of the first answer: that is the emulator's
 * fast path for hot routes, and it cannot fork behaviour because the cached bytes are the
 * responder's own output. Everything stateful (faults, auth, rate limits, neuron budget, batches)
 * still runs per request, around the cache. Entries live one second (answers carry `created`
 * timestamps in seconds), the cache is bounded in entries and bytes, and SSE, batch and error
 * answers are never stored.
 */
import { isSse, type MockResponse } from "./mock-response.js";

interface Entry {
  path: string;
  contentType: string | undefined;
  search: string;
  body: Uint8Array;
  response: MockResponse;
  bytes: number;
  expires: number;
}

const MAX_ENTRIES = 256;
const MAX_ENTRY_BYTES = 1024 * 1024;
const MAX_BODY_BYTES = 64 * 1024;
const TTL_MS = 1000;
const MAX_SEEN = 4096;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A bounded, short-lived memo of pure answers keyed by the request hash plus exact bytes. */
export class AnswerCache {
  private readonly entries = new Map<number, Entry>();
  /** Request hashes seen once: an answer is stored on its second sighting, so unique traffic pays nothing. */
  private readonly seenOnce = new Set<number>();
  hits = 0;
  misses = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached answer for this exact request, or undefined. */
  get(seed: number, path: string, search: string, contentType: string | undefined, body: Uint8Array): MockResponse | undefined {
    const entry = this.entries.get(seed);
    if (!entry || entry.expires <= this.now() || entry.path !== path || entry.search !== search || entry.contentType !== contentType || !sameBytes(entry.body, body)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry.response;
  }

  /**
   * Stores a 200 answer after serializing it once; returns the answer to send (the serialized
   * form when stored, so the first request and the repeats send identical bytes).
   */
  put(seed: number, path: string, search: string, contentType: string | undefined, body: Uint8Array, response: MockResponse): MockResponse {
    if (response.status !== 200 || response.transport || isSse(response.body) || body.length > MAX_BODY_BYTES) return response;
    if (!this.seenOnce.has(seed)) {
      if (this.seenOnce.size >= MAX_SEEN) this.seenOnce.clear();
      this.seenOnce.add(seed);
      return response;
    }
    this.seenOnce.delete(seed);
    const payload = response.body instanceof Uint8Array ? response.body : Buffer.from(JSON.stringify(response.body));
    if (payload.length > MAX_ENTRY_BYTES) return response;
    const stored: MockResponse = { status: 200, headers: response.headers, body: payload };
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(seed, { path, contentType, search, body: body.slice(), response: stored, bytes: payload.length, expires: this.now() + TTL_MS });
    return stored;
  }
}
