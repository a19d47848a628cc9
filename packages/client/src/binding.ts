/**
 * `EdgeAI.fromBinding(env.AI)`: the typed client inside a Worker, over the Workers AI binding instead of HTTP.
 * The binding is wrapped as a fetch function that answers the client's own REST requests (`/ai/run/{model}`) by
 * calling `binding.run`, so input validation, result unwrapping, streams, typed errors, retries and timeouts are
 * the very same code as over the REST API. No token is needed: the binding is already authorised.
 */
import type { ClientOptions } from "./client.js";
import { ValidationError, type ValidationIssue } from "./errors.js";
import { checkGatewayOptions, type GatewayOptions } from "./gateway.js";
import type { FetchLike } from "./transport.js";

/** The part of the Workers AI binding (`env.AI`, type `Ai` in @cloudflare/workers-types) the client uses. */
export interface AiBinding {
  run(model: string, inputs: unknown, options?: Record<string, unknown>): Promise<unknown>;
  /** Set by the binding after a call that went through AI Gateway. */
  readonly aiGatewayLogId?: string | null;
}

/** Options of `EdgeAI.fromBinding`: the client's own knobs, minus those that only make sense over HTTP. */
export interface BindingClientOptions
  extends Omit<ClientOptions, "accountId" | "apiToken" | "baseUrl" | "dispatcher" | "fetch" | "defaultHeaders" | "gateway"> {
  /** Route the binding's calls through AI Gateway (the binding's own `gateway` run option); no token needed. */
  gateway?: Omit<GatewayOptions, "baseUrl" | "authorization">;
}

/** Account id and origin of the synthetic REST requests; nothing is ever sent there. */
const BINDING_ACCOUNT = "binding";
const BINDING_BASE_URL = "https://workers-ai-binding.invalid/client/v4";
const RUN_PATH = /\/accounts\/[^/]+\/ai\/run\/([^?]+)/;

/** The client options that make an `EdgeAI` talk to `binding`; used by `EdgeAI.fromBinding`. */
export function bindingClientOptions(binding: AiBinding, options: BindingClientOptions = {}): ClientOptions {
  if (binding === null || typeof binding !== "object" || typeof binding.run !== "function") {
    throw new TypeError("EdgeAI.fromBinding needs the Workers AI binding (env.AI): an object with a run() method");
  }
  const { gateway, ...rest } = options;
  const issues: ValidationIssue[] = [];
  checkGatewayOptions(gateway, issues);
  if (issues.length > 0) throw new ValidationError("request", "BindingClientOptions", issues);
  return {
    ...rest,
    accountId: BINDING_ACCOUNT,
    // The client insists on a token for HTTP; over the binding it is never sent anywhere, so a random one is fine.
    apiToken: `binding-${crypto.randomUUID()}`,
    baseUrl: BINDING_BASE_URL,
    fetch: bindingFetch(binding, gateway),
  };
}

function envelope(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

function failure(status: number, message: string, code?: number): Response {
  return envelope(status, { result: null, success: false, errors: [code === undefined ? { message } : { code, message }], messages: [] });
}

/** The binding's run options for a gateway setting (workers-types `GatewayOptions`). */
function bindingGateway(g: BindingClientOptions["gateway"]): Record<string, unknown> | undefined {
  if (!g) return undefined;
  const out: Record<string, unknown> = { id: g.id };
  if (g.skipCache !== undefined) out["skipCache"] = g.skipCache;
  if (g.cacheTtl !== undefined) out["cacheTtl"] = g.cacheTtl;
  if (g.cacheKey !== undefined) out["cacheKey"] = g.cacheKey;
  if (g.metadata !== undefined) out["metadata"] = g.metadata;
  if (g.collectLog !== undefined) out["collectLog"] = g.collectLog;
  if (g.requestTimeout !== undefined) out["requestTimeoutMs"] = g.requestTimeout;
  if (g.maxAttempts !== undefined || g.retryDelay !== undefined || g.backoff !== undefined) {
    out["retries"] = { maxAttempts: g.maxAttempts, retryDelayMs: g.retryDelay, backoff: g.backoff };
  }
  return out;
}

function mediaType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  return "application/octet-stream";
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A binding error as the REST API would have answered it. Binding errors carry the Cloudflare code at the start of
 * their message ("3040: Capacity temporarily exceeded…", "5007: No such model…"); the client's error table then
 * classifies by that code exactly as for HTTP. Without a code it is a server error.
 */
function errorResponse(error: unknown): Response {
  const message = error instanceof Error ? error.message : String(error);
  const m = /(?:^|\s|:)(\d{4,5}):\s/.exec(message);
  if (m) return failure(400, message, Number(m[1]));
  return failure(500, message);
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** Runs `promise`, rejecting as soon as `signal` fires (the binding itself cannot be cancelled). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/** A fetch function that answers the client's `/ai/run` requests from `binding.run`. */
export function bindingFetch(binding: AiBinding, gateway?: BindingClientOptions["gateway"]): FetchLike {
  const runOptions = bindingGateway(gateway);
  return async (url, init) => {
    const match = RUN_PATH.exec(new URL(url).pathname);
    if (!match) return failure(404, `${new URL(url).pathname.replace(/^.*\/ai\//, "/ai/")} is not available through the Workers AI binding; use the REST client (accountId + apiToken)`);
    if (typeof init.body !== "string") return failure(400, "Bad input: over the Workers AI binding the input must be an object (raw bytes are a REST API feature)");
    const model = decodeURIComponent(match[1]!);
    const input = JSON.parse(init.body) as Record<string, unknown>;
    const queued = new URL(url).searchParams.get("queueRequest") === "true";
    let options: Record<string, unknown> | undefined;
    if (runOptions) options = { gateway: runOptions };
    if (queued) options = { ...options, queueRequest: true };
    let result: unknown;
    try {
      result = await raceAbort(binding.run(model, input, options), init.signal);
    } catch (error) {
      if (init.signal?.aborted) throw error;
      return errorResponse(error);
    }
    const logId = binding.aiGatewayLogId;
    const headers: Record<string, string> = logId ? { "cf-aig-log-id": logId } : {};
    try {
      gateway?.onResponse?.({ status: 200, cacheStatus: undefined, logId: logId ?? undefined, eventId: undefined, step: undefined });
    } catch {
      // An observer's bug must not fail (and retry, and bill again) a call that succeeded.
    }
    if (result instanceof Response) return result;
    if (result instanceof ReadableStream) {
      if (input["stream"] === true) return new Response(result, { status: 200, headers: { ...headers, "content-type": "text/event-stream" } });
      const bytes = await readAll(result as ReadableStream<Uint8Array>);
      return new Response(bytes, { status: 200, headers: { ...headers, "content-type": mediaType(bytes) } });
    }
    if (result instanceof Uint8Array || result instanceof ArrayBuffer) {
      const bytes = result instanceof Uint8Array ? result : new Uint8Array(result);
      return new Response(bytes, { status: 200, headers: { ...headers, "content-type": mediaType(bytes) } });
    }
    return envelope(200, { result, success: true, errors: [], messages: [] }, headers);
  };
}
