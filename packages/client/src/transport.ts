/**
 * The two ways bytes leave the client: an undici Dispatcher (default: a keep-alive Agent; or one the caller
 * passes, such as the in-process mock bridge) or a fetch implementation (runtimes without undici, or global
 * fetch patched by msw). Both yield the same small response object and throw only typed errors.
 */
import type { Readable } from "node:stream";
import { AbortError, ConnectionError, TimeoutError, ValidationError } from "./errors.js";
import { queuedChunks, queuedReads } from "./internal/body-queue.js";
import { type AttemptSignal, type TimeoutSettings, undiciTimeouts } from "./timeouts.js";

/** One HTTP request as the client core sees it. */
export interface TransportRequest {
  method: "GET" | "POST";
  /** Path and query, appended to the base URL's origin (already contains the base path). */
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** Whether the caller will read the body incrementally; selects which timeouts apply. */
  streaming: boolean;
  attempt: AttemptSignal;
  timeouts: TimeoutSettings;
}

/** A response whose body has not been read yet. */
export interface TransportResponse {
  status: number;
  header(name: string): string | undefined;
  /** All headers, lower-cased; only built on error paths. */
  headerRecord(): Record<string, string>;
  text(): Promise<string>;
  bytes(): Promise<Uint8Array>;
  /** The body as chunks; the fetch transport enforces the idle limit here. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Releases the connection without reading the body. */
  discard(): Promise<void>;
}

/** Sends requests; implementations never throw anything but EdgeAIError subclasses. */
export interface Transport {
  /** Whether the transport accepts a LightSignal (undici) rather than needing a real AbortSignal (fetch). */
  readonly lightSignals: boolean;
  /** Work to finish before the first attempt's timers start (loading undici); undefined when ready. */
  prepare?(): Promise<unknown> | undefined;
  send(req: TransportRequest): Promise<TransportResponse>;
  close(): Promise<void>;
}

/**
 * What the client needs of an undici Dispatcher. Declared structurally so an Agent, Pool, Client or MockAgent
 * from the caller's own undici 6 or 7 fits, not only one from the copy this package depends on.
 */
export interface DispatcherLike {
  request(options: DispatcherRequest): Promise<DispatcherResponse>;
  close(): Promise<void>;
}

/** The request options the client passes to `dispatcher.request` (a subset of undici's). */
export interface DispatcherRequest {
  origin: string;
  path: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: string | Uint8Array | null;
  /** An AbortSignal or undici's accepted minimal form (`aborted`, `reason`, add/removeEventListener). */
  signal: AbortSignal | { readonly aborted: boolean; addEventListener(type: "abort", listener: () => void): void } | null;
  headersTimeout: number;
  bodyTimeout: number;
}

/** The part of undici's `ResponseData` the client reads. */
export interface DispatcherResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable & { text(): Promise<string>; arrayBuffer(): Promise<ArrayBuffer> };
}

/** A `fetch`-compatible function (global fetch, undici.fetch, a test double). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Maps whatever the network layer threw into ConnectionError/TimeoutError/AbortError. */
export function toTransportError(err: unknown, attempt: AttemptSignal, timeouts: TimeoutSettings, streaming: boolean): Error {
  const aborted = attempt.abortedError();
  if (aborted) return aborted;
  const code = (err as { code?: unknown })?.code;
  // undici refused an argument: sending again cannot help, and it is not a network failure.
  if (code === "UND_ERR_INVALID_ARG") {
    const message = err instanceof Error ? err.message : String(err);
    return new ValidationError("request", "request", [{ path: "", rule: "invalid_argument", message }]);
  }
  if (code === "UND_ERR_HEADERS_TIMEOUT") {
    return new TimeoutError(streaming ? "first_byte" : "total", streaming ? timeouts.firstByte : timeouts.total, { cause: err });
  }
  if (code === "UND_ERR_BODY_TIMEOUT") {
    return new TimeoutError(streaming ? "idle" : "total", streaming ? timeouts.idle : timeouts.total, { cause: err });
  }
  if ((err as { name?: unknown })?.name === "AbortError") return new AbortError({ cause: err });
  // fetch wraps socket errors as TypeError("fetch failed", { cause }); report the root cause.
  const root = (err as { cause?: { code?: unknown } })?.cause;
  const systemCode = typeof code === "string" ? code : typeof root?.code === "string" ? root.code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new ConnectionError(`Connection failed: ${systemCode ? `${systemCode} ` : ""}${message}`, { cause: err, systemCode });
}

/** Default transport: undici Dispatcher API (`dispatcher.request`), the fastest path in Node. */
export class UndiciTransport implements Transport {
  readonly lightSignals = true;
  private readonly origin: string;
  private dispatcher: DispatcherLike | undefined;
  private creating: Promise<DispatcherLike> | undefined;
  private readonly owned: boolean;

  constructor(origin: string, dispatcher?: DispatcherLike) {
    this.origin = origin;
    this.owned = dispatcher === undefined;
    this.dispatcher = dispatcher;
  }

  /**
   * The client's own Agent, created (and undici loaded) on the first request: importing undici costs about as
   * much as the rest of the client's import together, and a program that never calls pays nothing.
   * Per-request headersTimeout/bodyTimeout override the Agent's, so its defaults never cut a call.
   */
  private ownAgent(): Promise<DispatcherLike> {
    this.creating ??= import("undici").then(({ Agent }) => {
      const agent = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
      this.dispatcher = agent;
      return agent;
    });
    return this.creating;
  }

  prepare(): Promise<unknown> | undefined {
    return this.dispatcher === undefined ? this.ownAgent() : undefined;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const t = undiciTimeouts(req.timeouts, req.streaming);
    if (req.streaming) req.attempt.arm("first_byte", req.timeouts.firstByte);
    let res: DispatcherResponse;
    try {
      const dispatcher = this.dispatcher ?? (await this.ownAgent());
      res = await dispatcher.request({
        origin: this.origin,
        path: req.path,
        method: req.method,
        headers: req.headers,
        body: req.body ?? null,
        signal: req.attempt.signal ?? null,
        headersTimeout: t.headersTimeout,
        bodyTimeout: t.bodyTimeout,
      });
    } catch (err) {
      throw toTransportError(err, req.attempt, req.timeouts, req.streaming);
    }
    if (req.streaming) {
      req.attempt.disarm();
      req.attempt.watchIdle(req.timeouts.idle);
    }
    return new UndiciResponse(res, req);
  }

  async close(): Promise<void> {
    if (!this.owned) return;
    const agent = this.dispatcher ?? (this.creating ? await this.creating : undefined);
    await agent?.close();
  }
}

/** Error listener of a discarded body: its abort is the intended outcome, not a failure. */
const ignore = (): void => undefined;

class UndiciResponse implements TransportResponse {
  readonly status: number;
  constructor(
    private readonly res: DispatcherResponse,
    private readonly req: TransportRequest,
  ) {
    this.status = res.statusCode;
  }
  header(name: string): string | undefined {
    const v = this.res.headers[name];
    return Array.isArray(v) ? v.join(", ") : v;
  }
  headerRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
    return out;
  }
  private wrap<T>(p: Promise<T>): Promise<T> {
    return p.catch((err: unknown) => {
      throw toTransportError(err, this.req.attempt, this.req.timeouts, this.req.streaming);
    });
  }
  text(): Promise<string> {
    return this.wrap(this.res.body.text());
  }
  bytes(): Promise<Uint8Array> {
    return this.wrap(this.res.body.arrayBuffer().then((b) => new Uint8Array(b)));
  }
  chunks(): AsyncIterable<Uint8Array> {
    return queuedChunks(this.res.body, (err) => toTransportError(err, this.req.attempt, this.req.timeouts, this.req.streaming), this.req.attempt);
  }
  async discard(): Promise<void> {
    // Destroying an unfinished body closes its socket at once (dump() would wait for a stream that never ends).
    // undici then emits a RequestAbortedError on the body; nobody reads a discarded body, so without a listener
    // that error would surface as an uncaught exception.
    const body = this.res.body;
    if (!body.readableEnded && !body.destroyed) {
      body.on("error", ignore);
      body.destroy();
    }
  }
}

/** Transport over a fetch function; timeouts are enforced with timers because fetch has no per-request knobs. */
export class FetchTransport implements Transport {
  readonly lightSignals = false;
  constructor(
    private readonly origin: string,
    private readonly fetchImpl: FetchLike,
  ) {}

  async send(req: TransportRequest): Promise<TransportResponse> {
    if (req.streaming) req.attempt.arm("first_byte", req.timeouts.firstByte);
    const init: RequestInit = { method: req.method, headers: req.headers };
    if (req.body !== undefined) init.body = req.body;
    if (req.attempt.signal) init.signal = req.attempt.signal as AbortSignal;
    let res: Response;
    try {
      res = await this.fetchImpl(this.origin + req.path, init);
    } catch (err) {
      throw toTransportError(err, req.attempt, req.timeouts, req.streaming);
    }
    if (req.streaming) {
      req.attempt.disarm();
      req.attempt.watchIdle(req.timeouts.idle);
    }
    return new FetchResponse(res, req);
  }

  async close(): Promise<void> {}
}

class FetchResponse implements TransportResponse {
  readonly status: number;
  constructor(
    private readonly res: Response,
    private readonly req: TransportRequest,
  ) {
    this.status = res.status;
  }
  header(name: string): string | undefined {
    return this.res.headers.get(name) ?? undefined;
  }
  headerRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    this.res.headers.forEach((v, k) => {
      out[k] = v;
    });
    return out;
  }
  private wrap<T>(p: Promise<T>): Promise<T> {
    return p.catch((err: unknown) => {
      throw toTransportError(err, this.req.attempt, this.req.timeouts, this.req.streaming);
    });
  }
  text(): Promise<string> {
    return this.wrap(this.res.text());
  }
  bytes(): Promise<Uint8Array> {
    return this.wrap(this.res.arrayBuffer().then((b) => new Uint8Array(b)));
  }
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  async *chunks(): AsyncIterable<Uint8Array> {
    const body = this.res.body;
    if (!body || this.discarded) return;
    const reader = body.getReader();
    this.reader = reader;
    const { attempt, timeouts, streaming } = this.req;
    try {
      yield* queuedReads(reader, (err) => toTransportError(err, attempt, timeouts, streaming), attempt);
    } finally {
      attempt.waitEnded();
    }
  }
  private discarded = false;
  async discard(): Promise<void> {
    this.discarded = true;
    // Cancelling the body (through its reader if one holds the lock) aborts the fetch and frees the connection.
    await (this.reader ? this.reader.cancel() : this.res.body?.cancel())?.catch(() => undefined);
  }
}

/**
 * A 2xx answer read in full while its attempt was still running (non-streaming calls), so a failure mid-body
 * was retried. JSON and text bodies are kept as text, anything else as bytes.
 */
export class BufferedResponse implements TransportResponse {
  private constructor(
    readonly status: number,
    private readonly live: TransportResponse,
    private readonly textBody: string | undefined,
    private readonly bytesBody: Uint8Array | undefined,
  ) {}

  /** Reads the whole body of `live`; throws the transport's typed errors. */
  static async read(live: TransportResponse): Promise<BufferedResponse> {
    const type = live.header("content-type") ?? "";
    if (type === "" || type.includes("json") || type.startsWith("text/")) return new BufferedResponse(live.status, live, await live.text(), undefined);
    return new BufferedResponse(live.status, live, undefined, await live.bytes());
  }
  header(name: string): string | undefined {
    return this.live.header(name);
  }
  headerRecord(): Record<string, string> {
    return this.live.headerRecord();
  }
  text(): Promise<string> {
    return Promise.resolve(this.textBody ?? new TextDecoder().decode(this.bytesBody));
  }
  bytes(): Promise<Uint8Array> {
    return Promise.resolve(this.bytesBody ?? new TextEncoder().encode(this.textBody));
  }
  async *chunks(): AsyncIterable<Uint8Array> {
    yield await this.bytes();
  }
  discard(): Promise<void> {
    return Promise.resolve();
  }
}
