/**
 * The request pipeline shared by every resource: static headers built once, the retry loop around the
 * transport, per-attempt timeouts and cancellation, error mapping, and JSON decoding. Secrets live in private
 * fields so `util.inspect` and `JSON.stringify` of anything holding the core cannot reach them.
 */
import { inspect } from "node:util";
import { errorFromResponse } from "../error-mapping.js";
import { AbortError, ValidationError, type ValidationIssue } from "../errors.js";
import type { Log } from "../logger.js";
import { redactHeaders, scrubAndCut } from "../redact.js";
import { type RetryPolicy, retryDelay, sleep } from "../retry.js";
import { AttemptSignal, type TimeoutSettings } from "../timeouts.js";
import { BufferedResponse, type Transport, type TransportResponse } from "../transport.js";
import { kCallMeta, type WithCallMeta } from "./call-meta.js";
import { checkNumericOptions } from "./check-options.js";
import { unwrapEnvelope } from "./envelope.js";

/** Per-call overrides accepted by every method. */
export interface RequestOptions {
  /** Cancels the call (including retries and backoff waits); rejects with AbortError. */
  signal?: AbortSignal;
  /** Total time limit per attempt for non-streaming calls, in ms (0 = none). */
  timeout?: number;
  /** Limits for streaming calls, in ms (0 = none). */
  streamTimeouts?: { firstByte?: number; idle?: number };
  /** Retries after the first attempt for this call. */
  maxRetries?: number;
  /** Extra request headers (for example `x-session-affinity` or `cf-aig-*`). */
  headers?: Record<string, string>;
}

/** What a resource asks the core to send. */
export interface CoreRequest {
  method: "GET" | "POST";
  /** Path below the account, starting with "/" (for example "/ai/run/@cf/meta/llama-3.1-8b-instruct"). */
  path: string;
  /** A JSON-serialisable body, or raw bytes with `contentType`. */
  body?: unknown;
  contentType?: string;
  streaming: boolean;
  options: RequestOptions | undefined;
}

/** A 2xx response whose body is still unread; `done()` must be called once the body is consumed. */
export interface SentResponse {
  response: TransportResponse;
  done: () => void;
  /** For streaming calls: lets the stream be released early, and `close()` end it. */
  handle?: StreamHandle;
}

/** Why a stream was released before its end. */
export type StreamRelease = "cancel" | "close";

/** An open streaming response, tracked so that `EdgeAI.close()` can end it. */
export interface StreamHandle {
  /** Set once the stream was released early: by its reader (`cancel`) or by `EdgeAI.close()`. */
  readonly releasedBy: StreamRelease | undefined;
  /** Frees the connection without reading the rest of the body. */
  release(why: StreamRelease): Promise<void>;
}

class OpenStream implements StreamHandle {
  releasedBy: StreamRelease | undefined;
  // #private: the response holds the request, whose headers carry the token; util.inspect must not reach it.
  readonly #response: TransportResponse;
  readonly #attempt: AttemptSignal;
  readonly #open: Set<OpenStream>;
  #finished = false;
  constructor(response: TransportResponse, attempt: AttemptSignal, open: Set<OpenStream>) {
    this.#response = response;
    this.#attempt = attempt;
    this.#open = open;
    open.add(this);
  }
  finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#open.delete(this);
    this.#attempt.dispose();
  }
  async release(why: StreamRelease): Promise<void> {
    if (this.#finished) return;
    this.releasedBy ??= why;
    await this.#response.discard();
    this.finish();
  }
}

/** Settings the core is built from (already validated by the client). */
export interface CoreSettings {
  accountPath: string;
  transport: Transport;
  log: Log;
  retry: RetryPolicy;
  timeouts: TimeoutSettings;
  scrub: (text: string) => string;
  authorization: string;
  userAgent: string;
  defaultHeaders: Record<string, string>;
}

/** See the module comment. */
export class ClientCore {
  readonly #plainHeaders: Record<string, string>;
  readonly #jsonHeaders: Record<string, string>;
  readonly #s: CoreSettings;
  /** Streams handed out and not finished yet; `close()` ends them. */
  readonly #open = new Set<OpenStream>();

  constructor(settings: CoreSettings) {
    this.#s = settings;
    this.#plainHeaders = { ...settings.defaultHeaders, "user-agent": settings.userAgent, authorization: settings.authorization };
    this.#jsonHeaders = { ...this.#plainHeaders, "content-type": "application/json" };
  }

  get log(): Log {
    return this.#s.log;
  }

  get scrub(): (text: string) => string {
    return this.#s.scrub;
  }

  /** Sends with retries; resolves with the first 2xx answer, rejects with a typed error. */
  async send(req: CoreRequest): Promise<SentResponse> {
    const s = this.#s;
    const o = req.options;
    if (o !== undefined) checkRequestOptions(o);
    const path = s.accountPath + req.path;
    const body = encodeBody(req.body);
    const headers = this.headersFor(req, o?.headers);
    const timeouts = o?.timeout === undefined && o?.streamTimeouts === undefined ? s.timeouts : mergeTimeouts(s.timeouts, o);
    const policy = o?.maxRetries === undefined ? s.retry : { ...s.retry, maxRetries: o.maxRetries };
    const signal = o?.signal;
    const debug = s.log.enabled("debug");
    // Loading undici on the first call must not eat into the first attempt's time limit.
    const preparing = s.transport.prepare?.();
    if (preparing) await preparing;
    for (let retries = 0; ; retries++) {
      // The client's own timers enforce every limit on both transports (undici's clock is ~1 s coarse).
      const attempt = new AttemptSignal(signal, req.streaming ? 0 : timeouts.total, req.streaming, s.transport.lightSignals);
      const started = debug ? performance.now() : 0;
      if (debug) s.log.write("debug", `-> ${req.method} ${path}`, { headers: redactHeaders(headers), attempt: retries + 1 });
      let error: unknown;
      try {
        const response = await s.transport.send({ method: req.method, path, headers, body, streaming: req.streaming, attempt, timeouts });
        if (debug) s.log.write("debug", `<- ${response.status} ${req.method} ${path} in ${Math.round(performance.now() - started)} ms`);
        if (response.status >= 200 && response.status < 300) {
          const meta = (o as WithCallMeta<RequestOptions> | undefined)?.[kCallMeta];
          if (meta) meta.response = response;
          if (req.streaming) {
            const handle = new OpenStream(response, attempt, this.#open);
            return { response, done: () => handle.finish(), handle };
          }
          // Buffered inside the attempt: a reset or stall mid-body is retried like any failure before the headers.
          const buffered = await BufferedResponse.read(response);
          attempt.dispose();
          return { response: buffered, done: noop };
        }
        const bodyText = await response.text().catch(() => "");
        error = errorFromResponse({ status: response.status, headers: response.headerRecord(), bodyText, scrub: s.scrub });
      } catch (err) {
        error = err;
      }
      attempt.dispose();
      const delay = retryDelay(error, retries, policy);
      if (delay === undefined) throw error;
      s.log.write("info", `retrying ${req.method} ${path} in ${Math.round(delay)} ms after ${(error as Error).name}`);
      try {
        await sleep(delay, signal);
      } catch (cause) {
        throw new AbortError({ cause });
      }
    }
  }

  /**
   * Sends and decodes a JSON answer: `body` as received and `result`, the envelope's `result` (or the body when
   * it is not an envelope). A `success: false` envelope on a 2xx becomes the typed error with the answer's real
   * status and headers (so it keeps its cf-ray request id); a body that is not JSON a response ValidationError.
   */
  async json(req: CoreRequest): Promise<{ body: unknown; result: unknown; response: TransportResponse }> {
    const { response, done } = await this.send(req);
    try {
      const body = parseJSON(await response.text(), this.#s.scrub);
      return { body, result: unwrapEnvelope(this.#s.scrub, response.status, () => response.headerRecord(), body), response };
    } finally {
      done();
    }
  }

  private headersFor(req: CoreRequest, extra: Record<string, string> | undefined): Record<string, string> {
    const base = req.body === undefined ? this.#plainHeaders : req.contentType ? { ...this.#plainHeaders, "content-type": req.contentType } : this.#jsonHeaders;
    if (extra === undefined) return base;
    const merged = { ...base };
    for (const [k, v] of Object.entries(extra)) {
      const key = k.toLowerCase();
      // The token is set once on the client; a per-call header must not replace it silently.
      if (key !== "authorization") merged[key] = v;
    }
    return merged;
  }

  /** Ends open streams (their readers get an AbortError), then releases the transport's connections. */
  async close(): Promise<void> {
    await Promise.all([...this.#open].map((stream) => stream.release("close")));
    await this.#s.transport.close();
  }

  [inspect.custom](): string {
    return "ClientCore { [credentials hidden] }";
  }

  toJSON(): Record<string, never> {
    return {};
  }
}

const noop = (): void => undefined;

function checkRequestOptions(o: RequestOptions): void {
  const issues: ValidationIssue[] = [];
  checkNumericOptions(o, issues);
  if (issues.length > 0) throw new ValidationError("request", "RequestOptions", issues);
}

function encodeBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined) return undefined;
  if (body instanceof Uint8Array || typeof body === "string") return body;
  // Schemas tolerate unknown keys, so a cycle or a BigInt there passes validation; it must still fail typed.
  try {
    return JSON.stringify(body);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ValidationError("request", "JSON", [{ path: "", rule: "json", message: `input cannot be encoded as JSON: ${message}` }]);
  }
}

function mergeTimeouts(base: TimeoutSettings, o: RequestOptions): TimeoutSettings {
  return {
    total: o.timeout ?? base.total,
    firstByte: o.streamTimeouts?.firstByte ?? base.firstByte,
    idle: o.streamTimeouts?.idle ?? base.idle,
  };
}

/** JSON.parse with a typed error that keeps the raw text (scrubbed, then cut to 2 KiB). */
export function parseJSON(text: string, scrub: (text: string) => string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError("response", "JSON", [{ path: "", rule: "json", message: "the body is not valid JSON" }], scrubAndCut(text, scrub, 2048));
  }
}
