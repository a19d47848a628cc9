import { describe, expect, it } from "vitest";
import { BadRequestError, CapacityError, QuotaExhaustedError, RateLimitError, ServerError } from "./api-errors.js";
import { AbortError, ConnectionError } from "./errors.js";
import { defaultRetryPolicy, retryDelay, sleep } from "./retry.js";

const init = { status: 429, errors: [], requestId: undefined, headers: {}, rawBody: undefined, message: "x" };

describe("retryDelay", () => {
  it("backs off exponentially from 0.5 s to at most 8 s with up to 25% jitter", () => {
    const policy = { ...defaultRetryPolicy, maxRetries: 10 };
    const err = new ConnectionError("refused");
    expect(retryDelay(err, 0, policy, () => 0)).toBe(500);
    expect(retryDelay(err, 1, policy, () => 0)).toBe(1000);
    expect(retryDelay(err, 5, policy, () => 0)).toBe(8000);
    expect(retryDelay(err, 0, policy, () => 1)).toBe(375);
  });

  it("stops after maxRetries", () => {
    expect(retryDelay(new ConnectionError("x"), 2, defaultRetryPolicy)).toBeUndefined();
  });

  it("honours Retry-After up to the cap and refuses to wait longer", () => {
    expect(retryDelay(new RateLimitError({ ...init, retryAfterMs: 2000, rateLimit: undefined }), 0, defaultRetryPolicy)).toBe(2000);
    expect(retryDelay(new RateLimitError({ ...init, retryAfterMs: 120_000, rateLimit: undefined }), 0, defaultRetryPolicy)).toBeUndefined();
  });

  it("honours Retry-After on every retried answer (503 asking for 5 s waits 5 s), and not past the cap", () => {
    expect(retryDelay(new ServerError({ ...init, status: 503, retryAfterMs: 5000 }), 0, defaultRetryPolicy)).toBe(5000);
    expect(retryDelay(new ServerError({ ...init, status: 503, retryAfterMs: 120_000 }), 0, defaultRetryPolicy)).toBeUndefined();
  });

  it("retries 3036 when the server sends x-should-retry: true, waiting its Retry-After", () => {
    const err = new QuotaExhaustedError({ ...init, headers: { "x-should-retry": "true" }, retryAfterMs: 1000 });
    expect(retryDelay(err, 0, defaultRetryPolicy)).toBe(1000);
  });

  it("retries capacity but never the daily quota, other 4xx or aborts", () => {
    expect(retryDelay(new CapacityError(init), 0, defaultRetryPolicy)).toBeGreaterThan(0);
    expect(retryDelay(new QuotaExhaustedError(init), 0, defaultRetryPolicy)).toBeUndefined();
    expect(retryDelay(new BadRequestError({ ...init, status: 400 }), 0, defaultRetryPolicy)).toBeUndefined();
    expect(retryDelay(new AbortError(), 0, defaultRetryPolicy)).toBeUndefined();
    expect(retryDelay(new Error("plain"), 0, defaultRetryPolicy)).toBeUndefined();
  });

  it("lets x-should-retry overrule the status", () => {
    const forced = new BadRequestError({ ...init, status: 400, headers: { "x-should-retry": "true" } });
    const vetoed = new CapacityError({ ...init, headers: { "x-should-retry": "false" } });
    expect(retryDelay(forced, 0, defaultRetryPolicy)).toBeGreaterThan(0);
    expect(retryDelay(vetoed, 0, defaultRetryPolicy)).toBeUndefined();
  });
});

describe("sleep", () => {
  it("rejects with the signal's reason when aborted", async () => {
    const c = new AbortController();
    const p = sleep(10_000, c.signal);
    c.abort(new Error("stop"));
    await expect(p).rejects.toThrow("stop");
  });
});
