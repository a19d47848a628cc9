/**
 * An undici Dispatcher that answers in-process, without a socket: from a {@link Mock} (the default; no msw needed)
 * or from msw request handlers (msw 2 never sees undici's own sockets: msw#2165). Bodies are streamed chunk by
 * chunk through either handler API undici uses (the v7 controller callbacks and the legacy onHeaders/onData ones).
 */
import { Dispatcher } from "undici";
import { defaultMock, type Mock } from "../mock.js";
import { isSse, type MockRequest, type MockResponse } from "../mock-response.js";
import { apiPath } from "../api-path.js";

type LegacyHandler = {
  onConnect?(abort: (reason?: Error) => void, context?: unknown): void;
  onHeaders?(status: number, raw: Buffer[], resume: () => void, statusText: string): boolean | void;
  onData?(chunk: Buffer): boolean | void;
  onComplete?(trailers: Buffer[] | null): void;
  onError?(error: Error): void;
};

type ModernHandler = {
  onRequestStart?(controller: Controller, context: unknown): void;
  onResponseStart?(controller: Controller, status: number, headers: Record<string, string | string[]>, statusText: string): void;
  onResponseData?(controller: Controller, chunk: Buffer): void;
  onResponseEnd?(controller: Controller, trailers: Record<string, string>): void;
  onResponseError?(controller: Controller, error: Error): void;
};

interface Controller {
  readonly aborted: boolean;
  readonly paused: boolean;
  readonly reason: Error | null;
  abort(reason?: Error): void;
  pause(): void;
  resume(): void;
}

/** An msw request handler (typed structurally, so this module's declarations do not need msw installed). */
export type MswHandler = object;

/** A finished answer: status, headers and the body as chunks (which may fail, as a cut stream does). */
export interface BridgeReply {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  chunks: AsyncIterable<Uint8Array>;
}

/** Produces the reply for one dispatch; `undefined` = nobody answers it (the bridge fails the request). */
export type BridgeAnswer = (options: Dispatcher.DispatchOptions) => Promise<BridgeReply | Error | undefined>;

function headerEntries(raw: Dispatcher.DispatchOptions["headers"]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!raw) return out;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) out.push([String(raw[i]).toLowerCase(), String(raw[i + 1])]);
    return out;
  }
  const entries = typeof (raw as Iterable<unknown>)[Symbol.iterator] === "function"
    ? [...(raw as Iterable<[string, string | string[] | undefined]>)]
    : Object.entries(raw as Record<string, string | string[] | undefined>);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key.toLowerCase(), String(v)]);
  }
  return out;
}

async function bodyBytes(body: Dispatcher.DispatchOptions["body"]): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** The full URL of a dispatch (an Agent needs `origin`; a Pool or Client may leave it out). */
export function dispatchUrl(options: Dispatcher.DispatchOptions): URL {
  return new URL(options.path, options.origin ? String(options.origin) : "http://localhost");
}

/** Reads a dispatch into the plain MockRequest of the shared behaviour. */
export async function toMockRequest(options: Dispatcher.DispatchOptions): Promise<MockRequest> {
  const url = dispatchUrl(options);
  const headers = new Map<string, string>();
  for (const [k, v] of headerEntries(options.headers)) headers.set(k, headers.has(k) ? `${headers.get(k)}, ${v}` : v);
  const method = (options.method ?? "GET").toUpperCase();
  return {
    method,
    path: apiPath(url.pathname),
    query: url.searchParams,
    search: url.search.slice(1),
    header: (name) => headers.get(name),
    body: method === "GET" || method === "HEAD" ? new Uint8Array(0) : await bodyBytes(options.body),
  };
}

const encoder = new TextEncoder();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The chunks of a MockResponse body; an SSE `cutAfter` ends in a socket-style error after that many events. */
async function* mockChunks(response: MockResponse): AsyncIterable<Uint8Array> {
  const { body } = response;
  if (isSse(body)) {
    const limit = body.cutAfter ?? Number.POSITIVE_INFINITY;
    const schedule = body.schedule;
    for (let i = 0; i < body.events.length; i++) {
      if (i >= limit) throw Object.assign(new Error("other side closed (fault stream-cut)"), { code: "UND_ERR_SOCKET" });
      const wait = schedule ? schedule[i]! - (i > 0 ? schedule[i - 1]! : 0) : i > 0 ? (body.pacingMs ?? 0) : 0;
      if (wait > 0) await sleep(wait);
      yield encoder.encode(`data: ${body.events[i]}\n\n`);
    }
    if (body.events.length >= limit) throw Object.assign(new Error("other side closed (fault stream-cut)"), { code: "UND_ERR_SOCKET" });
    yield encoder.encode("data: [DONE]\n\n");
    return;
  }
  if (body instanceof Uint8Array) yield body;
  else if (typeof body === "string") yield encoder.encode(body);
  else if (body !== null) yield encoder.encode(JSON.stringify(body));
}

/** Turns a MockResponse into a bridge reply (or the socket error of the `reset` fault). */
export async function replyFromMock(response: MockResponse): Promise<BridgeReply | Error> {
  if (response.transport?.reset) return Object.assign(new Error("other side closed (fault reset)"), { code: "UND_ERR_SOCKET" });
  if (response.transport?.delayMs) await sleep(response.transport.delayMs);
  return { status: response.status, statusText: "", headers: response.headers, chunks: mockChunks(response) };
}

/** Answers from a Mock: every request is the mock's (it answers unknown paths with 404 / 7000 like the API). */
export function answerFromMock(mock: Mock): BridgeAnswer {
  return async (options) => replyFromMock(await mock.handle(await toMockRequest(options)));
}

/** Answers from msw handlers through msw's `getResponse` (msw is loaded only on this path). */
export function answerFromHandlers(handlers: readonly MswHandler[]): BridgeAnswer {
  return async (options) => {
    const { getResponse } = await import("msw");
    const url = dispatchUrl(options);
    const method = (options.method ?? "GET").toUpperCase();
    const headers = new Headers(headerEntries(options.headers));
    const body = method === "GET" || method === "HEAD" ? undefined : await bodyBytes(options.body);
    const response = await getResponse(handlers as Parameters<typeof getResponse>[0], new Request(url, { method, headers, body }));
    if (!response) return undefined;
    if (response.type === "error") return Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    const out: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      out[key] = value;
    });
    const stream = response.body;
    async function* chunks(): AsyncIterable<Uint8Array> {
      if (!stream) return;
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    }
    return { status: response.status, statusText: response.statusText, headers: out, chunks: chunks() };
  };
}

/** Feeds one reply into an undici dispatch handler, honouring pause/resume and abort. */
export async function serve(answer: BridgeAnswer, options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): Promise<void> {
  const h = handler as LegacyHandler & ModernHandler;
  let aborted: Error | null = null;
  let paused = false;
  let wake: (() => void) | undefined;
  const controller: Controller = {
    get aborted() { return aborted !== null; },
    get paused() { return paused; },
    get reason() { return aborted; },
    abort: (reason) => { aborted = reason ?? new Error("aborted"); wake?.(); },
    pause: () => { paused = true; },
    resume: () => { paused = false; wake?.(); },
  };
  const modern = typeof h.onRequestStart === "function";
  const fail = (error: Error): void => {
    if (modern) h.onResponseError?.(controller, error);
    else h.onError?.(error);
  };
  try {
    if (modern) h.onRequestStart!(controller, {});
    else h.onConnect?.((reason) => controller.abort(reason), {});
    if (aborted) return fail(aborted);
    const reply = await answer(options);
    if (reply === undefined) return fail(new Error(`@edge-ai/mocks: no handler for ${(options.method ?? "GET").toUpperCase()} ${dispatchUrl(options).href}`));
    if (reply instanceof Error) return fail(reply);
    if (aborted) return fail(aborted);
    const raw: Buffer[] = [];
    for (const [key, value] of Object.entries(reply.headers)) raw.push(Buffer.from(key), Buffer.from(value));
    if (modern) h.onResponseStart?.(controller, reply.status, reply.headers, reply.statusText);
    else if (h.onHeaders?.(reply.status, raw, () => controller.resume(), reply.statusText) === false) paused = true;
    for await (const value of reply.chunks) {
      while (paused && !aborted) await new Promise<void>((r) => (wake = r));
      if (aborted) return fail(aborted);
      const chunk = Buffer.from(value);
      if (modern) h.onResponseData?.(controller, chunk);
      else if (h.onData?.(chunk) === false) paused = true;
    }
    if (modern) h.onResponseEnd?.(controller, {});
    else h.onComplete?.([]);
  } catch (error) {
    fail(error instanceof Error ? error : new Error(String(error)));
  }
}

class BridgeDispatcher extends Dispatcher {
  constructor(private readonly answer: BridgeAnswer) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    void serve(this.answer, options, handler);
    return true;
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    if (callback) return void queueMicrotask(callback);
    return Promise.resolve();
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(...args: unknown[]): Promise<void> | void {
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    if (callback) return void queueMicrotask(callback);
    return Promise.resolve();
  }
}

/** A Dispatcher over any {@link BridgeAnswer} (used by the interception too). */
export function bridgeDispatcher(answer: BridgeAnswer): Dispatcher {
  return new BridgeDispatcher(answer);
}

/**
 * A Dispatcher serving requests in-process, for code on `undici.request`, `Pool` or `fetch(…, { dispatcher })`, and
 * for the edge-ai client's `dispatcher` option. Answers come from `source`: a {@link Mock} (default: the process-wide
 * one, so `mock.run(…)` overrides apply) or an array of msw handlers. Requests need an origin (any).
 * @example
 * const ai = new EdgeAI({ accountId, apiToken: "t", baseUrl: "http://edge-ai.test/client/v4", dispatcher: createUndiciBridge() });
 */
export function createUndiciBridge(source: Mock | readonly MswHandler[] = defaultMock()): Dispatcher {
  // Duck-typed: each entry point bundles its own copy of Mock, so instanceof would fail across entries.
  const isMock = typeof (source as Partial<Mock>).handle === "function";
  return new BridgeDispatcher(isMock ? answerFromMock(source as Mock) : answerFromHandlers(source as readonly MswHandler[]));
}
