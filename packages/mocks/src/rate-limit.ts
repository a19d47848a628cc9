/**
 * Per-task request limits (requests per minute, from the catalog), with the headers Cloudflare
 * sends since 2025-09: `Ratelimit: "default";r=<remaining>;t=<reset s>` and
 * `Ratelimit-Policy: "default";q=<quota>;w=60`. Fixed one-minute windows per key keep it O(1).
 */

interface Window {
  start: number;
  used: number;
}

/** Outcome of one admission check. */
export interface RateDecision {
  allowed: boolean;
  /** Headers to add to the answer (allowed or not). */
  headers: Record<string, string>;
  /** Seconds until the window resets (the Retry-After of a 429). */
  resetSeconds: number;
}

/** Fixed-window limiter keyed by task (or by model for per-model exceptions). */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly windowMs = 60_000) {}

  /** Counts one request against `key` with `limit` per window. */
  check(key: string, limit: number, now = Date.now()): RateDecision {
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(key, window);
    }
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    const windowSeconds = Math.round(this.windowMs / 1000);
    const allowed = window.used < limit;
    if (allowed) window.used++;
    return {
      allowed,
      resetSeconds,
      headers: {
        ratelimit: `"default";r=${limit - window.used};t=${resetSeconds}`,
        "ratelimit-policy": `"default";q=${limit};w=${windowSeconds}`,
      },
    };
  }
}
