/**
 * HTTP error answers: `APIError` and one subclass per error kind of the contract's table, plus subclasses for
 * codes that change what a caller does (licence, paid plan, unknown model). Built by error-mapping.ts.
 */
import { EdgeAIError, type ErrorKind } from "./errors.js";

/** One entry of the Cloudflare `errors[]` array; `code` is optional because model-input errors often omit it. */
export interface APIErrorDetail {
  code?: number;
  message: string;
  documentation_url?: string;
  [key: string]: unknown;
}

/** The facts an HTTP error response carries; filled by error-mapping.ts. */
export interface APIErrorInit {
  status: number;
  errors: APIErrorDetail[];
  requestId: string | undefined;
  headers: Record<string, string>;
  /** The raw body (truncated), kept for non-JSON answers such as a proxy's HTML 502. */
  rawBody: string | undefined;
  message: string;
  retryable?: boolean;
  /** The server's delay hint (`retry-after-ms` or `Retry-After`) in ms, if it sent one. */
  retryAfterMs?: number | undefined;
}

/** An HTTP error answer from the API; `code` is the first Cloudflare error code, `requestId` the cf-ray. */
export class APIError extends EdgeAIError {
  readonly status: number;
  /** The first Cloudflare error code (for example 3040), if the body had one. */
  readonly code: number | undefined;
  readonly errors: APIErrorDetail[];
  /** The `cf-ray` header, which Cloudflare support asks for. */
  readonly requestId: string | undefined;
  readonly headers: Record<string, string>;
  readonly rawBody: string | undefined;
  /** The delay the server asked for (`retry-after-ms` or `Retry-After`), in ms; honoured when the error is retried. */
  readonly retryAfterMs: number | undefined;

  constructor(kind: ErrorKind, init: APIErrorInit) {
    super(kind, init.message, { retryable: init.retryable ?? false });
    this.status = init.status;
    this.errors = init.errors;
    this.code = init.errors.find((e) => typeof e.code === "number")?.code;
    this.requestId = init.requestId;
    this.headers = init.headers;
    this.rawBody = init.rawBody;
    this.retryAfterMs = init.retryAfterMs;
  }
  override get name(): string {
    return "APIError";
  }
}

/** 401 or code 10000: the token is missing, malformed or revoked. */
export class AuthenticationError extends APIError {
  constructor(init: APIErrorInit) {
    super("authentication", init);
  }
  override get name(): string {
    return "AuthenticationError";
  }
}

/** 403: the token lacks Workers AI permissions, or the account may not use this model. */
export class PermissionError extends APIError {
  constructor(init: APIErrorInit) {
    super("permission", init);
  }
  override get name(): string {
    return "PermissionError";
  }
}

/** 403 / 5016: the model's licence must be agreed to once before use. */
export class LicenceRequiredError extends PermissionError {
  override get name(): string {
    return "LicenceRequiredError";
  }
}

/** 403 / 5035: the model needs the Workers Paid plan (or AI Gateway credits). */
export class PaidPlanRequiredError extends PermissionError {
  override get name(): string {
    return "PaidPlanRequiredError";
  }
}

/** 404: the resource does not exist. */
export class NotFoundError extends APIError {
  constructor(init: APIErrorInit) {
    super("not_found", init);
  }
  override get name(): string {
    return "NotFoundError";
  }
}

/** 5007, 3042, 7000, 7003: the model id is unknown, or the URL did not route (an encoded slug does this). */
export class UnknownModelError extends NotFoundError {
  override get name(): string {
    return "UnknownModelError";
  }
}

/** 413 / 3006: the request body is too large. */
export class TooLargeError extends APIError {
  constructor(init: APIErrorInit) {
    super("too_large", init);
  }
  override get name(): string {
    return "TooLargeError";
  }
}

/** Parsed `Ratelimit` header (`"default";r=<remaining>;t=<reset seconds>`). */
export interface RateLimitInfo {
  remaining?: number;
  resetSeconds?: number;
  /** From `Ratelimit-Policy` (`"name";q=<quota>;w=<window seconds>`). */
  quota?: number;
  windowSeconds?: number;
}

/** Extra facts carried by a 429. */
export interface RateLimitInit extends APIErrorInit {
  rateLimit: RateLimitInfo | undefined;
}

/** 429 (not 3036/3040): too many requests; retried after `retryAfterMs` when the server says so. */
export class RateLimitError extends APIError {
  /** The parsed `Ratelimit` / `Ratelimit-Policy` headers. */
  readonly rateLimit: RateLimitInfo | undefined;
  constructor(init: RateLimitInit) {
    super("rate_limited", { ...init, retryable: init.retryable ?? true });
    this.rateLimit = init.rateLimit;
  }
  override get name(): string {
    return "RateLimitError";
  }
}

/** 3040: Workers AI is out of capacity for this model right now; retryable with backoff. */
export class CapacityError extends APIError {
  constructor(init: APIErrorInit) {
    super("capacity", { ...init, retryable: init.retryable ?? true });
  }
  override get name(): string {
    return "CapacityError";
  }
}

/** 3036: the daily free allocation is used up. Never retried: it only resets at 00:00 UTC. */
export class QuotaExhaustedError extends APIError {
  /** The next 00:00 UTC after the error was received. */
  readonly resetsAt: Date;
  constructor(init: APIErrorInit, now: Date = new Date()) {
    super("quota_exhausted", { ...init, retryable: false });
    this.resetsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  }
  override get name(): string {
    return "QuotaExhaustedError";
  }
}

/** 408 or 3007/3008: the server gave up on the request; retryable. */
export class ServerTimeoutError extends APIError {
  constructor(init: APIErrorInit) {
    super("timeout", { ...init, retryable: init.retryable ?? true });
  }
  override get name(): string {
    return "ServerTimeoutError";
  }
}

/** Any other 4xx: the request itself is wrong (model input, unsupported option). */
export class BadRequestError extends APIError {
  constructor(init: APIErrorInit) {
    super("bad_request", init);
  }
  override get name(): string {
    return "BadRequestError";
  }
}

/** 5xx, including non-JSON proxy pages; retryable. */
export class ServerError extends APIError {
  constructor(init: APIErrorInit) {
    super("server", { ...init, retryable: init.retryable ?? true });
  }
  override get name(): string {
    return "ServerError";
  }
}
