/**
 * The AI Gateway front door of the emulator: `/v1/{account}/{gateway}/workers-ai/...` is mapped onto the same
 * dispatch as `/client/v4/accounts/{account}/ai/...`, with the gateway's own behaviour around it: a real response
 * cache (`cf-aig-cache-ttl`, `cf-aig-skip-cache`, `cf-aig-cache-key`; `cf-aig-cache-status: HIT|MISS`), log and
 * event ids (`cf-aig-log-id`, `cf-aig-event-id`), and authenticated gateways (`cf-aig-authorization`, 401 / 2009).
 * Facts and sources: docs/ai-gateway.md; the emulator's own choices: docs/decisions/0281.
 */
import { createHash, randomUUID } from "node:crypto";
import { failure } from "./envelope.js";
import { isSse, type MockRequest, type MockResponse } from "./mock-response.js";

/** Where gateway paths start (the gateway's own API version, not the Cloudflare API's `/client/v4`). */
export const GATEWAY_BASE = "/v1/";

/** Gateway ids ending in this suffix behave as authenticated gateways: `cf-aig-authorization` is required. */
export const AUTHENTICATED_GATEWAY_SUFFIX = "-auth";

/** Cache lifetime when a request names none (the emulated gateway has "Cache Responses" on), in seconds. */
export const DEFAULT_GATEWAY_CACHE_TTL_S = 300;
/** Documented bounds of `cf-aig-cache-ttl`: at least 60 s, at most one month. */
export const MIN_CACHE_TTL_S = 60;
export const MAX_CACHE_TTL_S = 30 * 24 * 3600;

const MAX_ENTRIES = 512;
const GATEWAY_PATH = /^\/v1\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(.*))?$/;

/** A gateway URL split into its parts, with the path the Cloudflare API would have used. */
export interface GatewayTarget {
  account: string;
  gateway: string;
  provider: string;
  /** Path below `/client/v4` for the shared dispatch, e.g. `/accounts/{id}/ai/run/@cf/...`. */
  apiPath: string;
}

/** Parses `/v1/{account}/{gateway}/{provider}/{rest}`; undefined for anything that is not a gateway path. */
export function gatewayTarget(path: string): GatewayTarget | undefined {
  const m = GATEWAY_PATH.exec(path);
  if (!m) return undefined;
  const [, account, gateway, provider, rest = ""] = m as unknown as [string, string, string, string, string | undefined];
  // `/workers-ai/v1/...` is the OpenAI-compatible form; `/workers-ai/run/{model}` is tolerated next to the documented
  // `/workers-ai/{model}`: both reach /ai/run.
  const below = rest.startsWith("v1/") ? rest : `run/${rest.startsWith("run/") ? rest.slice(4) : rest}`;
  return { account, gateway, provider, apiPath: `/accounts/${account}/ai/${below}` };
}

interface Entry {
  response: MockResponse;
  expires: number;
}

/** The gateway response cache: bounded, keyed per gateway, entries expire after their TTL. */
export class GatewayCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): MockResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.response;
  }

  set(key: string, response: MockResponse, ttlSeconds: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { response, expires: this.now() + ttlSeconds * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The TTL a request asks for: the header clamped into the documented bounds, or the default. */
export function cacheTtlSeconds(header: string | undefined): number {
  if (header === undefined || !/^\s*\d+\s*$/.test(header)) return DEFAULT_GATEWAY_CACHE_TTL_S;
  return Math.min(MAX_CACHE_TTL_S, Math.max(MIN_CACHE_TTL_S, Number(header)));
}

function truthy(header: string | undefined): boolean {
  return header !== undefined && /^\s*(true|1)\s*$/i.test(header);
}

/**
 * The cache key: `cf-aig-cache-key` when given, else a SHA-256 over what makes two requests identical (method,
 * path, query, provider credential, content type, body), scoped to the gateway either way.
 */
export function cacheKey(req: MockRequest, target: GatewayTarget): string {
  const custom = req.header("cf-aig-cache-key");
  if (custom !== undefined && custom !== "") return `${target.account}/${target.gateway}#key:${custom}`;
  const hash = createHash("sha256");
  for (const part of [req.method, target.apiPath, req.search ?? "", req.header("authorization") ?? "", req.header("content-type") ?? ""]) {
    hash.update(part);
    hash.update("\0");
  }
  hash.update(req.body);
  return `${target.account}/${target.gateway}#${hash.digest("hex")}`;
}

function gatewayUnauthorized(): MockResponse {
  return failure(401, 2009, "Unauthorized");
}

function hasBearer(header: string | undefined): boolean {
  return header !== undefined && /^bearer\s+\S+/i.test(header);
}

/** Only complete 2xx answers are stored: errors, cut streams and transport faults are never replayed. */
function cacheable(response: MockResponse): boolean {
  if (response.status < 200 || response.status >= 300 || response.transport !== undefined) return false;
  return !(isSse(response.body) && response.body.cutAfter !== undefined);
}

function withGatewayHeaders(response: MockResponse, status: "HIT" | "MISS", req: MockRequest): MockResponse {
  const headers: Record<string, string> = { ...response.headers, "cf-aig-cache-status": status, "cf-aig-event-id": randomUUID() };
  // A request that opts out of logging (`cf-aig-collect-log: false`) has no log entry to point at.
  if (!/^\s*false\s*$/i.test(req.header("cf-aig-collect-log") ?? "")) headers["cf-aig-log-id"] = randomUUID();
  return { ...response, headers };
}

/**
 * Answers one gateway request: unknown providers 404, authenticated gateways check `cf-aig-authorization`, a
 * cached answer is replayed with `cf-aig-cache-status: HIT` (the provider is not called, so no rate limit or
 * neurons are spent), otherwise the request goes through `dispatch` and a cacheable answer is stored.
 */
export function dispatchGateway(
  req: MockRequest,
  target: GatewayTarget,
  cache: GatewayCache,
  dispatch: (req: MockRequest) => MockResponse,
  record?: (faultKey: string) => void,
): MockResponse {
  // Answers the gateway gives itself still count as requests seen for a fault key (conformance counts attempts).
  const seen = (): void => {
    const key = req.header("x-emulator-fault-key");
    if (key !== undefined && record) record(key);
  };
  if (target.provider !== "workers-ai") {
    return failure(404, undefined, `The emulator serves the workers-ai provider only, not ${JSON.stringify(target.provider)}`);
  }
  if (target.gateway.endsWith(AUTHENTICATED_GATEWAY_SUFFIX) && !hasBearer(req.header("cf-aig-authorization"))) {
    seen();
    return gatewayUnauthorized();
  }
  // Built field by field: a spread would drop the adapter's prototype getters and methods (server.ts NodeRequest).
  const forwarded: MockRequest = { method: req.method, path: target.apiPath, search: req.search, query: req.query, header: (name) => req.header(name), body: req.body };
  const skip = truthy(req.header("cf-aig-skip-cache"));
  const key = skip ? undefined : cacheKey(req, target);
  if (key !== undefined) {
    const hit = cache.get(key);
    if (hit) {
      seen();
      return withGatewayHeaders(hit, "HIT", req);
    }
  }
  const response = dispatch(forwarded);
  if (key !== undefined && cacheable(response)) cache.set(key, response, cacheTtlSeconds(req.header("cf-aig-cache-ttl")));
  return withGatewayHeaders(response, "MISS", req);
}
