/**
 * The error hierarchy. Every error the SDK throws is an `EdgeAIError` with a stable `kind` string, so other
 * clients (C#) and the conformance suite can map errors by name instead of by class. HTTP errors live in
 * api-errors.ts; the client-side ones (connection, timeout, abort, validation, stream) here.
 */

import type { ErrorKind } from "./generated/error-table.js";

/** Stable, language-neutral names of error categories, generated from openapi/errors.yaml (C# and conformance use the same list). */
export type { ErrorKind };

interface EdgeAIErrorOptions {
  cause?: unknown;
  retryable?: boolean;
}

/** Base class of every error thrown by the SDK; `kind` is the stable name to switch on. */
export class EdgeAIError extends Error {
  /** Stable category name (see {@link ErrorKind}); safe to persist or compare across languages. */
  readonly kind: ErrorKind;
  /** Whether the default retry policy treats this error as transient. */
  readonly retryable: boolean;

  constructor(kind: ErrorKind, message: string, options: EdgeAIErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? false;
  }

  // Explicit names survive minification, unlike `this.constructor.name`.
  override get name(): string {
    return "EdgeAIError";
  }
}

/** The request never got an HTTP answer (refused, reset, DNS); retryable. */
export class ConnectionError extends EdgeAIError {
  /** The system error code when there is one (ECONNREFUSED, ECONNRESET, UND_ERR_SOCKET...). */
  readonly systemCode: string | undefined;
  constructor(message: string, options: { cause?: unknown; systemCode?: string | undefined } = {}) {
    super("connection", message, { cause: options.cause, retryable: true });
    this.systemCode = options.systemCode;
  }
  override get name(): string {
    return "ConnectionError";
  }
}

/** Which client-side limit fired: the whole call, the wait for the first byte, or the gap between chunks. */
export type TimeoutPhase = "total" | "first_byte" | "idle";

/** The option that sets each limit, named in the message so the reader knows what to raise. */
const limitNames: Record<TimeoutPhase, string> = {
  total: "timeout (whole attempt)",
  first_byte: "streamTimeouts.firstByte (wait for the response headers)",
  idle: "streamTimeouts.idle (wait for the next chunk)",
};

/** A client-side time limit was reached; retryable (unless a stream had already started). */
export class TimeoutError extends EdgeAIError {
  readonly phase: TimeoutPhase;
  readonly timeoutMs: number;
  constructor(phase: TimeoutPhase, timeoutMs: number, options: { cause?: unknown; retryable?: boolean } = {}) {
    super("timeout", `The ${limitNames[phase]} limit of ${timeoutMs} ms fired`, { cause: options.cause, retryable: options.retryable ?? true });
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
  override get name(): string {
    return "TimeoutError";
  }
}

/** The caller's AbortSignal fired; never retried. */
export class AbortError extends EdgeAIError {
  constructor(options: { cause?: unknown } = {}) {
    super("abort", "The request was aborted", { cause: options.cause });
  }
  override get name(): string {
    return "AbortError";
  }
}

/** One failed rule: where (dotted path) and which rule (the zod issue code). */
export interface ValidationIssue {
  path: string;
  rule: string;
  message: string;
}

/** A request failed its schema before sending (nothing was sent), or a response failed its schema. */
export class ValidationError extends EdgeAIError {
  readonly direction: "request" | "response";
  readonly issues: ValidationIssue[];
  /** For response errors: the decoded body as received, so callers can still use it. */
  readonly rawBody: unknown;
  constructor(direction: "request" | "response", schemaName: string, issues: ValidationIssue[], rawBody?: unknown) {
    const first = issues[0];
    const where = first ? ` at ${first.path || "(root)"}: ${first.message} (${first.rule})` : "";
    const more = issues.length > 1 ? ` and ${issues.length - 1} more issue(s)` : "";
    super("validation", `${direction === "request" ? "Request" : "Response"} does not match ${schemaName}${where}${more}`);
    this.direction = direction;
    this.issues = issues;
    this.rawBody = rawBody;
  }
  override get name(): string {
    return "ValidationError";
  }
}

/** Why a stream failed after it had started. */
export type StreamFailure = "truncated" | "malformed" | "upstream";

/** A stream ended without `data: [DONE]`, carried an unparsable event, or reported an error mid-stream. */
export class StreamError extends EdgeAIError {
  readonly reason: StreamFailure;
  constructor(reason: StreamFailure, message: string, options: { cause?: unknown } = {}) {
    super("stream", message, { cause: options.cause });
    this.reason = reason;
  }
  override get name(): string {
    return "StreamError";
  }
}
