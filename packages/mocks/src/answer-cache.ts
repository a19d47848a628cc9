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
  seed: number;
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
/** Slots of the seen-once table (a power of two). */
const SEEN_SLOTS = 4096;

/**
 * The Map key of a seed: its low 30 bits, a small integer V8 hashes without boxing (a full uint32 seed is a heap
 * number, and three hash lookups of one per request showed in the emulator's profile). Entries keep the full seed.
 */
function slotKey(seed: number): number {
  return seed & 0x3fffffff;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A bounded, short-lived memo of pure answers keyed by the request hash plus exact bytes. */
export class AnswerCache {
  private readonly entries = new Map<number, Entry>();
  /**
   * Request hashes seen once, direct-mapped by their low bits (a newer hash takes the slot of an older one): an answer
   * is stored on its second sighting, so unique traffic pays one array read and write.
   */
  private readonly seenOnce = new Float64Array(SEEN_SLOTS).fill(-1);
  hits = 0;
  misses = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The cached answer for this exact request, or undefined. */
  get(seed: number, path: string, search: string, contentType: string | undefined, body: Uint8Array): MockResponse | undefined {
    const entry = this.entries.get(slotKey(seed));
    if (!entry || entry.seed !== seed || entry.expires <= this.now() || entry.path !== path || entry.search !== search || entry.contentType !== contentType || !sameBytes(entry.body, body)) {
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
    const slot = seed & (SEEN_SLOTS - 1);
    if (this.seenOnce[slot] !== seed) {
      this.seenOnce[slot] = seed;
      return response;
    }
    this.seenOnce[slot] = -1;
    const payload = response.body instanceof Uint8Array ? response.body : Buffer.from(JSON.stringify(response.body));
    if (payload.length > MAX_ENTRY_BYTES) return response;
    const stored: MockResponse = { status: 200, headers: response.headers, body: payload };
    const key = slotKey(seed);
    if (!this.entries.has(key) && this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { seed, path, contentType, search, body: body.slice(), response: stored, bytes: payload.length, expires: this.now() + TTL_MS });
    return stored;
  }
}
