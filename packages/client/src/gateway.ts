/**
 * Cloudflare AI Gateway in front of Workers AI. With the `gateway` option, model calls (`/ai/run/{model}`) and the
 * OpenAI-compatible endpoints (`/ai/v1/...`) go to `{gateway}/v1/{account}/{gateway_id}/workers-ai/...` with the
 * gateway's `cf-aig-*` request headers; discovery and batch polling stay on the REST API, which the gateway does
 * not serve. The gateway's answer headers (cache status, log id) are reported through `onResponse` and can be read
 * from any `APIError` with `gatewayInfo(error.headers)`. Facts and sources: docs/ai-gateway.md.
 */
import { ValidationError, type ValidationIssue } from "./errors.js";
import { splitBaseUrl } from "./internal/paths.js";
import type { Transport, TransportRequest, TransportResponse } from "./transport.js";

/** Where AI Gateway lives; the emulator serves the same form at `http://127.0.0.1:<port>/v1`. */
export const DEFAULT_GATEWAY_URL = "https://gateway.ai.cloudflare.com/v1";

/** Per-request gateway settings: each becomes one `cf-aig-*` header. */
export interface GatewayRequestSettings {
  /** Cache lifetime in seconds (`cf-aig-cache-ttl`; the gateway accepts 60 s to one month). */
  cacheTtl?: number;
  /** Bypass the cache for this request (`cf-aig-skip-cache: true`). */
  skipCache?: boolean;
  /** Your own cache key instead of the gateway's hash of the request (`cf-aig-cache-key`). */
  cacheKey?: string;
  /** Up to five string, number or boolean tags stored with the log entry (`cf-aig-metadata`, JSON). */
  metadata?: Record<string, string | number | boolean>;
  /** Overrides the gateway's log setting for this request (`cf-aig-collect-log`). */
  collectLog?: boolean;
  /** Gateway-side timeout in ms before it gives up on the provider (`cf-aig-request-timeout`). */
  requestTimeout?: number;
  /** Gateway-side attempts (`cf-aig-max-attempts`, 1 to 5). */
  maxAttempts?: number;
  /** Gateway-side delay between attempts in ms (`cf-aig-retry-delay`). */
  retryDelay?: number;
  /** Gateway-side backoff between attempts (`cf-aig-backoff`). */
  backoff?: "constant" | "linear" | "exponential";
}

/** The `gateway` client option. */
export interface GatewayOptions extends GatewayRequestSettings {
  /** The gateway's name (its id in the URL). */
  id: string;
  /** The token of an authenticated gateway, sent as `cf-aig-authorization: Bearer …`; never logged or shown. */
  authorization?: string;
  /** Default `EDGE_AI_GATEWAY_URL`, else https://gateway.ai.cloudflare.com/v1; the emulator: `http://127.0.0.1:<port>/v1`. */
  baseUrl?: string;
  /** Called with the gateway's answer headers for every call that went through the gateway (errors included). */
  onResponse?: (info: GatewayResponseInfo) => void;
}

/** What the gateway says about one answer. */
export interface GatewayResponseInfo {
  /** HTTP status of the answer. */
  status: number;
  /** `HIT` when served from the gateway's cache, `MISS` otherwise (`cf-aig-cache-status`); undefined if absent. */
  cacheStatus: string | undefined;
  /** The log entry's id (`cf-aig-log-id`), for feedback and log lookups; absent when logging is off. */
  logId: string | undefined;
  /** The event id (`cf-aig-event-id`). */
  eventId: string | undefined;
  /** Which step of a fallback chain answered (`cf-aig-step`), when the gateway reports it. */
  step: string | undefined;
}

/** Reads the gateway headers from any header record (for example `APIError.headers`). */
export function gatewayInfo(headers: Record<string, string | undefined>, status = 0): GatewayResponseInfo {
  const get = (name: string): string | undefined => headers[name] ?? undefined;
  return { status, cacheStatus: get("cf-aig-cache-status"), logId: get("cf-aig-log-id"), eventId: get("cf-aig-event-id"), step: get("cf-aig-step") };
}

/**
 * The `cf-aig-*` headers for a set of gateway settings; pass them as per-call `headers` to change one call, e.g.
 * `ai.run(model, input, { headers: gatewayHeaders({ skipCache: true }) })`.
 */
export function gatewayHeaders(settings: GatewayRequestSettings): Record<string, string> {
  const issues = checkGatewaySettings(settings, "gateway");
  if (issues.length > 0) throw new ValidationError("request", "GatewayOptions", issues);
  const h: Record<string, string> = {};
  if (settings.cacheTtl !== undefined) h["cf-aig-cache-ttl"] = String(settings.cacheTtl);
  if (settings.skipCache !== undefined) h["cf-aig-skip-cache"] = String(settings.skipCache);
  if (settings.cacheKey !== undefined) h["cf-aig-cache-key"] = settings.cacheKey;
  if (settings.metadata !== undefined) h["cf-aig-metadata"] = JSON.stringify(settings.metadata);
  if (settings.collectLog !== undefined) h["cf-aig-collect-log"] = String(settings.collectLog);
  if (settings.requestTimeout !== undefined) h["cf-aig-request-timeout"] = String(settings.requestTimeout);
  if (settings.maxAttempts !== undefined) h["cf-aig-max-attempts"] = String(settings.maxAttempts);
  if (settings.retryDelay !== undefined) h["cf-aig-retry-delay"] = String(settings.retryDelay);
  if (settings.backoff !== undefined) h["cf-aig-backoff"] = settings.backoff;
  return h;
}

/** Appends one issue per bad gateway setting (checked before anything is sent). */
export function checkGatewaySettings(g: GatewayRequestSettings, path: string): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const whole = (v: unknown, name: string, min: number, max: number): void => {
    if (v !== undefined && (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)) {
      out.push({ path: `${path}.${name}`, rule: "range", message: `must be a whole number from ${min} to ${max}` });
    }
  };
  whole(g.cacheTtl, "cacheTtl", 60, 30 * 24 * 3600); // the documented bounds: 60 s to one month
  whole(g.requestTimeout, "requestTimeout", 1, 2_147_483_647);
  whole(g.maxAttempts, "maxAttempts", 1, 5);
  whole(g.retryDelay, "retryDelay", 0, 2_147_483_647);
  for (const name of ["skipCache", "collectLog"] as const) {
    if (g[name] !== undefined && typeof g[name] !== "boolean") out.push({ path: `${path}.${name}`, rule: "type", message: "must be a boolean" });
  }
  if (g.cacheKey !== undefined && (typeof g.cacheKey !== "string" || g.cacheKey === "" || /[\r\n\0]/.test(g.cacheKey))) {
    out.push({ path: `${path}.cacheKey`, rule: "header", message: "must be a non-empty string without CR, LF or NUL" });
  }
  if (g.backoff !== undefined && !["constant", "linear", "exponential"].includes(g.backoff)) {
    out.push({ path: `${path}.backoff`, rule: "enum", message: 'must be "constant", "linear" or "exponential"' });
  }
  if (g.metadata !== undefined) {
    const entries = typeof g.metadata === "object" && g.metadata !== null ? Object.entries(g.metadata) : undefined;
    if (!entries || entries.length > 5 || entries.some(([, v]) => !["string", "number", "boolean"].includes(typeof v))) {
      out.push({ path: `${path}.metadata`, rule: "metadata", message: "must be an object of at most 5 string, number or boolean values" });
    }
  }
  return out;
}

/** Checks the whole `gateway` option; the token itself never reaches a message. */
export function checkGatewayOptions(g: unknown, out: ValidationIssue[]): void {
  if (g === undefined) return;
  if (typeof g !== "object" || g === null) {
    out.push({ path: "gateway", rule: "type", message: "must be an object with at least an id" });
    return;
  }
  const o = g as GatewayOptions;
  if (typeof o.id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(o.id)) {
    out.push({ path: "gateway.id", rule: "required", message: "a gateway name of 1 to 64 letters, digits, - or _ is required" });
  }
  if (o.authorization !== undefined && (typeof o.authorization !== "string" || o.authorization.trim() === "" || /[\r\n\0]/.test(o.authorization))) {
    out.push({ path: "gateway.authorization", rule: "header", message: "must be a non-empty token without CR, LF or NUL" });
  }
  if (o.onResponse !== undefined && typeof o.onResponse !== "function") out.push({ path: "gateway.onResponse", rule: "type", message: "must be a function" });
  out.push(...checkGatewaySettings(o, "gateway"));
}

/** Adds the gateway token to a scrubber so it can never appear in an error or log line either. */
export function scrubGatewayToken(scrub: (text: string) => string, gateway: GatewayOptions | undefined): (text: string) => string {
  const token = gateway?.authorization;
  if (token === undefined || token.length < 8) return scrub;
  return (text) => {
    const clean = scrub(text);
    return clean.includes(token) ? clean.split(token).join("[REDACTED]") : clean;
  };
}

/** Maps an API path below the account onto the gateway's workers-ai path; undefined for paths it does not serve. */
export function gatewayPath(pathBelowAccount: string): string | undefined {
  if (pathBelowAccount.startsWith("/ai/run/")) return `/${pathBelowAccount.slice("/ai/run/".length)}`;
  if (pathBelowAccount.startsWith("/ai/v1/")) return `/v1/${pathBelowAccount.slice("/ai/v1/".length)}`;
  return undefined;
}

/**
 * A Transport that sends model calls to the gateway and everything else to the API. Built by the client from the
 * same transport factory (undici or fetch), so timeouts, retries, streams and error mapping are unchanged.
 */
export class GatewayTransport implements Transport {
  readonly #api: Transport;
  readonly #gateway: Transport;
  readonly #accountPath: string;
  readonly #prefix: string;
  readonly #headers: Record<string, string>;
  readonly #onResponse: ((info: GatewayResponseInfo) => void) | undefined;

  constructor(options: GatewayOptions, accountId: string, accountPath: string, api: Transport, makeTransport: (origin: string) => Transport) {
    const { origin, basePath } = splitBaseUrl(options.baseUrl ?? DEFAULT_GATEWAY_URL);
    this.#api = api;
    this.#gateway = makeTransport(origin);
    this.#accountPath = accountPath;
    this.#prefix = `${basePath}/${encodeURIComponent(accountId)}/${encodeURIComponent(options.id)}/workers-ai`;
    this.#headers = gatewayHeaders(options);
    if (options.authorization !== undefined) this.#headers["cf-aig-authorization"] = `Bearer ${options.authorization}`;
    this.#onResponse = options.onResponse;
  }

  /** Both legs are built by the same factory, so they accept the same kind of signal. */
  get lightSignals(): boolean {
    return this.#api.lightSignals && this.#gateway.lightSignals;
  }

  prepare(): Promise<unknown> | undefined {
    const pending = [this.#api.prepare?.(), this.#gateway.prepare?.()].filter((p) => p !== undefined);
    return pending.length > 0 ? Promise.all(pending) : undefined;
  }

  async send(req: TransportRequest): Promise<TransportResponse> {
    const below = req.path.startsWith(this.#accountPath) ? gatewayPath(req.path.slice(this.#accountPath.length)) : undefined;
    if (below === undefined) return this.#api.send(req);
    // Per-call headers (already merged into req.headers) win over the client's gateway defaults.
    const response = await this.#gateway.send({ ...req, path: this.#prefix + below, headers: { ...this.#headers, ...req.headers } });
    if (this.#onResponse) {
      const get = (name: string): string | undefined => response.header(name);
      try {
        this.#onResponse({ status: response.status, cacheStatus: get("cf-aig-cache-status"), logId: get("cf-aig-log-id"), eventId: get("cf-aig-event-id"), step: get("cf-aig-step") });
      } catch {
        // An observer's bug must not turn a good answer into a failed (and retried, and billed again) call.
      }
    }
    return response;
  }

  async close(): Promise<void> {
    await Promise.all([this.#api.close(), this.#gateway.close()]);
  }

  toJSON(): Record<string, never> {
    return {};
  }
}
