/**
 * An undici Dispatcher answering in-process from msw handlers (msw 2 never sees undici's own
 * sockets: msw#2165). Each dispatch builds a Fetch Request, asks msw `getResponse`, and feeds
 * the Response back through undici's handler callbacks, streaming the body chunk by chunk.
 */
import { getResponse, type RequestHandler } from "msw";
import { Dispatcher } from "undici";
import { handlers as defaultHandlers } from "./handlers.js";

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

function toHeaders(raw: Dispatcher.DispatchOptions["headers"]): Headers {
  const headers = new Headers();
  if (!raw) return headers;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(String(raw[i]), String(raw[i + 1]));
    return headers;
  }
  const entries = typeof (raw as Iterable<unknown>)[Symbol.iterator] === "function"
    ? [...(raw as Iterable<[string, string | string[] | undefined]>)]
    : Object.entries(raw as Record<string, string | string[] | undefined>);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, String(v));
  }
  return headers;
}

async function toBody(body: Dispatcher.DispatchOptions["body"]): Promise<Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

class MswDispatcher extends Dispatcher {
  constructor(private readonly handlers: RequestHandler[]) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    void this.serve(options, handler as LegacyHandler & ModernHandler);
    return true;
  }

  private async serve(options: Dispatcher.DispatchOptions, handler: LegacyHandler & ModernHandler): Promise<void> {
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
    const modern = typeof handler.onRequestStart === "function";
    const fail = (error: Error): void => {
      if (modern) handler.onResponseError?.(controller, error);
      else handler.onError?.(error);
    };
    try {
      if (modern) handler.onRequestStart!(controller, {});
      else handler.onConnect?.((reason) => controller.abort(reason), {});
      if (aborted) return fail(aborted);
      const origin = options.origin ? String(options.origin) : "http://localhost";
      const method = options.method ?? "GET";
      const body = await toBody(options.body);
      const request = new Request(new URL(options.path, origin), {
        method,
        headers: toHeaders(options.headers),
        body: method === "GET" || method === "HEAD" ? undefined : body,
      });
      const response = await getResponse(this.handlers, request);
      if (!response) return fail(new Error(`no msw handler for ${method} ${request.url}`));
      if (response.type === "error") return fail(Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }));
      if (aborted) return fail(aborted);
      const headerObject: Record<string, string> = {};
      const raw: Buffer[] = [];
      response.headers.forEach((value, key) => {
        headerObject[key] = value;
        raw.push(Buffer.from(key), Buffer.from(value));
      });
      if (modern) handler.onResponseStart?.(controller, response.status, headerObject, response.statusText);
      else if (handler.onHeaders?.(response.status, raw, () => controller.resume(), response.statusText) === false) paused = true;
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          while (paused && !aborted) await new Promise<void>((r) => (wake = r));
          if (aborted) {
            await reader.cancel().catch(() => {});
            return fail(aborted);
          }
          const { done, value } = await reader.read();
          if (done) break;
          const chunk = Buffer.from(value);
          if (modern) handler.onResponseData?.(controller, chunk);
          else if (handler.onData?.(chunk) === false) paused = true;
        }
      }
      if (modern) handler.onResponseEnd?.(controller, {});
      else handler.onComplete?.([]);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
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

/**
 * A Dispatcher serving requests from msw handlers without a socket, for code on `undici.request`,
 * `Pool` or `fetch(..., { dispatcher })`. Requests need an origin (any; the handlers match all).
 * @example
 * const dispatcher = createUndiciBridge();
 * const res = await request("https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/models/search", { dispatcher, headers: { authorization: "Bearer t" } });
 */
export function createUndiciBridge(handlers: RequestHandler[] = defaultHandlers): Dispatcher {
  return new MswDispatcher(handlers);
}
