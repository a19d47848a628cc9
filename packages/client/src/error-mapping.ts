/**
 * Turns an HTTP error answer into the right typed error. The Cloudflare error code wins over the HTTP status,
 * because the API reuses statuses: a 429 is either a rate limit, capacity (3040, retryable) or the daily quota
 * (3036, never retryable), and routing failures (7000/7003) arrive as 400.
 */
import {
  APIError,
  type APIErrorDetail,
  type APIErrorInit,
  AuthenticationError,
  BadRequestError,
  CapacityError,
  LicenceRequiredError,
  NotFoundError,
  PaidPlanRequiredError,
  PermissionError,
  QuotaExhaustedError,
  RateLimitError,
  type RateLimitInfo,
  ServerError,
  ServerTimeoutError,
  TooLargeError,
  UnknownModelError,
} from "./errors.js";

/** Cloudflare codes whose meaning is sharper than their HTTP status (workers-ai errors page). */
const byCode: Record<number, (init: APIErrorInit, facts: ErrorFacts) => APIError> = {
  10000: (i) => new AuthenticationError(i),
  5016: (i) => new LicenceRequiredError(i),
  5035: (i) => new PaidPlanRequiredError(i),
  5018: (i) => new PermissionError(i),
  3041: (i) => new PermissionError(i),
  3023: (i) => new PermissionError(i),
  5007: (i) => new UnknownModelError(i),
  3042: (i) => new UnknownModelError(i),
  7000: (i) => new UnknownModelError(i),
  7003: (i) => new UnknownModelError(i),
  3006: (i) => new TooLargeError(i),
  3007: (i) => new ServerTimeoutError(i),
  3008: (i) => new ServerTimeoutError(i),
  3036: (i, f) => new QuotaExhaustedError(i, f.now),
  3040: (i, f) => new CapacityError({ ...i, retryAfterMs: parseRetryAfter(f.headers, f.now) }),
};

/** What error-mapping needs from a response; headers are lower-cased. */
export interface ErrorFacts {
  status: number;
  headers: Record<string, string>;
  bodyText: string;
  now?: Date;
  /** Removes secrets from text that ends up in a message (the token, if a proxy echoed it). */
  scrub?: (text: string) => string;
}

const maxRawBody = 2048;

/**
 * Builds the typed error for a non-2xx answer.
 * @example errorFromResponse({ status: 429, headers: { "retry-after": "2" }, bodyText }) // RateLimitError
 */
export function errorFromResponse(facts: ErrorFacts): APIError {
  const scrub = facts.scrub ?? ((t: string) => t);
  const { status, headers } = facts;
  const parsed = parseErrorBody(facts.bodyText, headers["content-type"]);
  const errors = parsed.errors.map((e) => ({ ...e, message: scrub(e.message) }));
  const first = errors[0];
  const summary = first
    ? `${first.code !== undefined ? `${first.code}: ` : ""}${first.message}`
    : parsed.json
      ? "no error details"
      : `non-JSON ${headers["content-type"]?.split(";")[0] || "response"}${parsed.title ? ` "${scrub(parsed.title)}"` : ""}`;
  const init: APIErrorInit = {
    status,
    errors,
    requestId: headers["cf-ray"],
    headers,
    rawBody: scrub(facts.bodyText.slice(0, maxRawBody)),
    message: `HTTP ${status}: ${summary}`,
  };
  const code = errors.find((e) => typeof e.code === "number")?.code;
  const special = code === undefined ? undefined : byCode[code];
  if (special) return special(init, facts);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 408) return new ServerTimeoutError(init);
  if (status === 413) return new TooLargeError(init);
  if (status === 429) {
    return new RateLimitError({ ...init, retryAfterMs: parseRetryAfter(headers, facts.now), rateLimit: parseRateLimit(headers) });
  }
  if (status >= 500) return new ServerError(init);
  return new BadRequestError({ ...init, retryable: status === 409 });
}

interface ParsedErrorBody {
  errors: APIErrorDetail[];
  json: boolean;
  title?: string;
}

/** Accepts the Cloudflare envelope, the discovery endpoints' `{error: string}`, OpenAI's `{error: {...}}` and non-JSON. */
function parseErrorBody(text: string, contentType: string | undefined): ParsedErrorBody {
  const looksJson = contentType?.includes("json") || /^\s*[{[]/.test(text);
  if (looksJson) {
    try {
      const body = JSON.parse(text) as unknown;
      return { errors: extractErrors(body), json: true };
    } catch {
      // fall through to the text path: a proxy may label HTML as JSON
    }
  }
  const title = /<title>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.trim();
  return title === undefined ? { errors: [], json: false } : { errors: [], json: false, title };
}

function extractErrors(body: unknown): APIErrorDetail[] {
  if (typeof body !== "object" || body === null) return [];
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.errors)) return b.errors.map(toDetail).filter((e): e is APIErrorDetail => e !== undefined);
  if (typeof b.error === "string") return [{ message: b.error }];
  const detail = toDetail(b.error);
  return detail ? [detail] : [];
}

function toDetail(item: unknown): APIErrorDetail | undefined {
  if (typeof item === "string") return { message: item };
  if (typeof item !== "object" || item === null) return undefined;
  const e = item as Record<string, unknown>;
  // The 2024 spec types some codes as strings; live errors use integers.
  const code = typeof e.code === "number" ? e.code : typeof e.code === "string" && /^\d+$/.test(e.code) ? Number(e.code) : undefined;
  const message = typeof e.message === "string" ? e.message : JSON.stringify(item);
  const out: APIErrorDetail = { ...e, message };
  if (code === undefined) delete out.code;
  else out.code = code;
  return out;
}

/**
 * Server-requested delay in ms: `retry-after-ms` first (Azure/OpenAI convention), then `Retry-After` as seconds
 * or an HTTP date. Unparsable or negative values give undefined.
 */
export function parseRetryAfter(headers: Record<string, string | undefined>, now: Date = new Date()): number | undefined {
  const ms = headers["retry-after-ms"];
  if (ms !== undefined) {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const ra = headers["retry-after"];
  if (ra === undefined || ra.trim() === "") return undefined;
  const seconds = Number(ra);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(ra);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

/** Parses `Ratelimit: "default";r=50;t=30` and `Ratelimit-Policy: "default";q=1200;w=300` (IETF draft syntax). */
export function parseRateLimit(headers: Record<string, string | undefined>): RateLimitInfo | undefined {
  const rl = headers.ratelimit;
  const policy = headers["ratelimit-policy"];
  if (rl === undefined && policy === undefined) return undefined;
  const info: RateLimitInfo = {};
  const r = param(rl, "r");
  const t = param(rl, "t");
  const q = param(policy, "q");
  const w = param(policy, "w");
  if (r !== undefined) info.remaining = r;
  if (t !== undefined) info.resetSeconds = t;
  if (q !== undefined) info.quota = q;
  if (w !== undefined) info.windowSeconds = w;
  return info;
}

function param(header: string | undefined, key: string): number | undefined {
  if (header === undefined) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${key}=(\\d+(?:\\.\\d+)?)`).exec(header);
  return m?.[1] === undefined ? undefined : Number(m[1]);
}
