import { errorCodes, statusFallbacks, type ErrorKind } from "./generated/errors.js";

/** The outcome of classifying a failed response: its kind, whether a retry may help, and the code used. */
export interface ErrorClassification {
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  /** The known code that decided the kind, or undefined when only the status did. */
  readonly code: number | undefined;
}

/**
 * Classifies a failure from its HTTP status and the `errors[].code` values of its envelope. A known code wins
 * over the status, because one status carries different meanings (429 is quota 3036, not retryable today, or
 * capacity 3040, retryable). Codes may arrive as strings; they are read as integers.
 *
 * @example classifyError(429, [3036]) // { kind: "quota_exhausted", retryable: false, code: 3036 }
 */
export function classifyError(status: number, codes: readonly (number | string | undefined)[] = []): ErrorClassification {
  for (const raw of codes) {
    const code = typeof raw === "string" ? Number.parseInt(raw, 10) : raw;
    if (code === undefined || !Number.isInteger(code)) continue;
    const info = (errorCodes as Readonly<Record<number, { kind: ErrorKind; retryable: boolean }>>)[code];
    if (info) return { kind: info.kind, retryable: info.retryable, code };
  }
  const exact = statusFallbacks.find((s) => s.status === String(status));
  const fallback = exact ?? (status >= 500 ? statusFallbacks.find((s) => s.status === "5XX") : undefined);
  if (fallback) return { kind: fallback.kind, retryable: fallback.retryable, code: undefined };
  return { kind: status >= 500 ? "server" : "bad_request", retryable: status >= 500, code: undefined };
}
