/**
 * Helpers that build Cloudflare-shaped answers for overrides, so a test never hand-builds the
 * `{result, success, errors, messages}` envelope or imports msw's HttpResponse. They return plain MockResponses,
 * which every adapter (the undici interception, msw overrides, the emulator) writes the same way.
 */
import { failure, success } from "./envelope.js";
import type { MockResponse } from "./mock-response.js";

const ANSWER = Symbol.for("@edge-ai/mocks.answer");

/** A MockResponse built by one of these helpers (what an override may return instead of a bare result). */
export type Answer = MockResponse & { readonly [ANSWER]: true };

function brand(response: MockResponse): Answer {
  return Object.defineProperty(response, ANSWER, { value: true, enumerable: false }) as Answer;
}

/** True for values built by {@link ok}, {@link error}, {@link stream} or {@link image}. */
export function isAnswer(value: unknown): value is Answer {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[ANSWER] === true;
}

/**
 * 200 with the success envelope around `result`.
 * @example mock.run("@cf/meta/llama-3.1-8b-instruct-fast", () => ok({ response: "Hello" }));
 */
export function ok(result: unknown, headers?: Record<string, string>): Answer {
  return brand(success(result, headers ? { headers } : undefined));
}

/**
 * A failure envelope: `error(429, 3040, "Capacity temporarily exceeded")`; `code` may be undefined (the API omits
 * it on model-input errors). Extra headers, e.g. `{ "retry-after": "2" }`, go on the answer.
 */
export function error(status: number, code: number | undefined, message: string, headers?: Record<string, string>): Answer {
  return brand(failure(status, code, message, headers));
}

/**
 * A server-sent event stream: each event is one `data:` payload (objects are JSON-encoded), then `data: [DONE]`.
 * @example mock.run("@cf/meta/llama-3.1-8b-instruct-fast", () => stream([{ response: "Hel" }, { response: "lo" }]));
 */
export function stream(events: ReadonlyArray<string | object>, options: { pacingMs?: number } = {}): Answer {
  return brand({
    status: 200,
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
    body: { kind: "sse", events: events.map((e) => (typeof e === "string" ? e : JSON.stringify(e))), pacingMs: options.pacingMs ?? 0 },
  });
}

/**
 * Raw image (or audio) bytes, answered without an envelope as the real API does for SDXL, phoenix or aura.
 * @example mock.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", () => image(pngBytes));
 */
export function image(bytes: Uint8Array, contentType = "image/png"): Answer {
  return brand({ status: 200, headers: { "content-type": contentType }, body: bytes });
}
