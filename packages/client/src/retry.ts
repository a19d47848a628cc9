/**
 * Retry policy: exponential backoff with jitter, server hints honoured up to a cap. Defaults follow the Stainless
 * SDKs (2 retries, 0.5 s doubling to 8 s, up to 25 % jitter) so users of openai/cloudflare see familiar behaviour;
 * see docs/decisions/0042-client-retry-defaults.md.
 */
import { EdgeAIError } from "./errors.js";

/** Knobs of the retry loop; every field has a documented default in {@link defaultRetryPolicy}. */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` requests). */
  maxRetries: number;
  /** Delay before the first retry; doubles each time. */
  initialDelayMs: number;
  /** Ceiling of the computed backoff. */
  maxDelayMs: number;
  /**
   * Longest server-requested delay (`Retry-After`, `retry-after-ms`) the client waits for. A longer request
   * is not retried: the error surfaces at once with its `retryAfterMs`, so the caller can schedule it.
   */
  maxRetryAfterMs: number;
}

/** 2 retries, 0.5 s to 8 s backoff, server hints honoured up to 60 s. */
export const defaultRetryPolicy: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
});

/**
 * Decides whether to retry `error` after `retriesSoFar` retries and, if so, how long to wait.
 * Returns `undefined` for "do not retry".
 */
export function retryDelay(
  error: unknown,
  retriesSoFar: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | undefined {
  if (retriesSoFar >= policy.maxRetries) return undefined;
  if (!(error instanceof EdgeAIError)) return undefined;
  const override = serverOverride(error);
  if (override === false) return undefined;
  if (!error.retryable && override !== true) return undefined;
  // Any retried answer honours the server's hint (every APIError carries it), capped by maxRetryAfterMs.
  const hinted = (error as { retryAfterMs?: number }).retryAfterMs;
  if (typeof hinted === "number") {
    return hinted <= policy.maxRetryAfterMs ? hinted : undefined;
  }
  const base = Math.min(policy.initialDelayMs * 2 ** retriesSoFar, policy.maxDelayMs);
  return base * (1 - random() * 0.25);
}

/** `x-should-retry: true|false` lets the server overrule the status-based choice (Stainless convention). */
function serverOverride(error: EdgeAIError): boolean | undefined {
  const headers = (error as { headers?: Record<string, string> }).headers;
  const v = headers?.["x-should-retry"];
  return v === "true" ? true : v === "false" ? false : undefined;
}

/** Waits `ms`, rejecting early with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
