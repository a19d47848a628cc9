/**
 * Turns an HTTP error answer into the right typed error, using the error table generated from
 * openapi/errors.yaml (the C# client's classifier is generated from the same rows, so both classify identically). The Cloudflare error code wins over the HTTP status, because the API
 * reuses statuses: a 429 is either a rate limit, capacity (3040, retryable) or the daily quota (3036, never
 * retryable), and routing failures (7000/7003) arrive as 400.
 */
import { classifyError } from "./generated/error-table.js";
import { scrubAndCut } from "./redact.js";
import { APIError, type APIErrorDetail, type APIErrorInit, AuthenticationError, BadRequestError, CapacityError, LicenceRequiredError, NotFoundError, PaidPlanRequiredError, PermissionError, QuotaExhaustedError, RateLimitError, type RateLimitInfo, ServerError, ServerTimeoutError, TooLargeError, UnknownModelError } from "./api-errors.js";

/** Codes that name a missing model or an unroutable URL (an encoded slug produces 7000). */
const unknownModelCodes = new Set([5007, 3042, 7000, 7003]);

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
  const { status } = facts;
  // A proxy may echo the request back: every header value and error field the error keeps is scrubbed.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(facts.headers)) headers[k] = scrub(v);
  const parsed = parseErrorBody(facts.bodyText, headers["content-type"]);
  const errors = parsed.errors.map((e) => scrubDetail(e, scrub));
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
    rawBody: scrubAndCut(facts.bodyText, scrub, maxRawBody),
    message: `HTTP ${status}: ${summary}`,
    // Every answer carries its hint; the retry loop honours it whenever the answer is retried.
    retryAfterMs: parseRetryAfter(headers, facts.now),
  };
  // The generated table decides kind and retryability: the first known code, then the status.
  const { kind, retryable, decidedBy: code } = classifyError(status, errors.map((e) => e.code));
  init.retryable = retryable;
  switch (kind) {
    case "authentication":
      return new AuthenticationError(init);
    case "permission":
      return code === 5016 ? new LicenceRequiredError(init) : code === 5035 ? new PaidPlanRequiredError(init) : new PermissionError(init);
    case "not_found":
      return code !== undefined && unknownModelCodes.has(code) ? new UnknownModelError(init) : new NotFoundError(init);
    case "too_large":
      return new TooLargeError(init);
    case "rate_limited":
      return new RateLimitError({ ...init, rateLimit: parseRateLimit(headers) });
    case "capacity":
      return new CapacityError(init);
    case "quota_exhausted":
      return new QuotaExhaustedError(init, facts.now);
    case "timeout":
      return new ServerTimeoutError(init);
    case "server":
      return new ServerError(init);
    case "bad_request":
      return new BadRequestError(init);
    default: {
      // A kind added to errors.yaml fails type-checking here until it has its class.
      const unhandled: never = kind;
      return new BadRequestError({ ...init, message: `${init.message} (unclassified kind ${String(unhandled)})` });
    }
  }
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

function scrubDetail<T extends { message: string }>(detail: T, scrub: (text: string) => string): T {
  const json = JSON.stringify(detail);
  const clean = scrub(json);
  return clean === json ? detail : (JSON.parse(clean) as T);
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
  // A finite number of seconds can still overflow once turned into ms (1e305 s): treat it as unparsable.
  if (Number.isFinite(seconds)) return seconds >= 0 && Number.isFinite(seconds * 1000) ? seconds * 1000 : undefined;
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
  if (m?.[1] === undefined) return undefined;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : undefined; // 400 digits parse to Infinity
}
