import { describe, expect, it } from "vitest";
import { errorFromResponse, parseRateLimit, parseRetryAfter } from "./error-mapping.js";
import { APIError, AuthenticationError, BadRequestError, CapacityError, LicenceRequiredError, NotFoundError, PaidPlanRequiredError, PermissionError, QuotaExhaustedError, RateLimitError, ServerError, ServerTimeoutError, TooLargeError, UnknownModelError } from "./api-errors.js";
import { EdgeAIError } from "./errors.js";

const json = { "content-type": "application/json" };
const body = (code: number | undefined, message = "boom") =>
  JSON.stringify({ result: null, success: false, errors: [code === undefined ? { message } : { code, message }], messages: [] });

describe("errorFromResponse", () => {
  const cases: [string, number, number | undefined, new (...a: never[]) => APIError, string, boolean][] = [
    ["401 without code", 401, undefined, AuthenticationError, "authentication", false],
    ["code 10000", 400, 10000, AuthenticationError, "authentication", false],
    ["403 with 10000 (valid token, missing permission)", 403, 10000, PermissionError, "permission", false],
    ["403 without code", 403, undefined, PermissionError, "permission", false],
    ["licence 5016", 403, 5016, LicenceRequiredError, "permission", false],
    ["paid plan 5035", 403, 5035, PaidPlanRequiredError, "permission", false],
    ["404 without code", 404, undefined, NotFoundError, "not_found", false],
    ["unknown model 5007 on a 400", 400, 5007, UnknownModelError, "not_found", false],
    ["invalid model 3042", 404, 3042, UnknownModelError, "not_found", false],
    ["no route 7000 on a 400", 400, 7000, UnknownModelError, "not_found", false],
    ["could not route 7003", 404, 7003, UnknownModelError, "not_found", false],
    ["413 too large", 413, 3006, TooLargeError, "too_large", false],
    ["plain 429", 429, undefined, RateLimitError, "rate_limited", true],
    ["capacity 3040", 429, 3040, CapacityError, "capacity", true],
    ["quota 3036", 429, 3036, QuotaExhaustedError, "quota_exhausted", false],
    ["408 timeout", 408, 3007, ServerTimeoutError, "timeout", true],
    ["500", 500, undefined, ServerError, "server", true],
    ["503", 503, undefined, ServerError, "server", true],
    ["409 conflict (contract: server, retryable)", 409, undefined, ServerError, "server", true],
    ["other 4xx", 422, undefined, BadRequestError, "bad_request", false],
  ];
  for (const [name, status, code, cls, kind, retryable] of cases) {
    it(`maps ${name} to ${cls.name} (kind ${kind}, retryable ${retryable})`, () => {
      const err = errorFromResponse({ status, headers: json, bodyText: body(code) });
      expect(err).toBeInstanceOf(cls);
      expect(err).toBeInstanceOf(APIError);
      expect(err).toBeInstanceOf(EdgeAIError);
      expect(err.kind).toBe(kind);
      expect(err.retryable).toBe(retryable);
      expect(err.status).toBe(status);
      expect(err.code).toBe(code);
    });
  }

  it("carries errors[], the first code and the cf-ray request id", () => {
    const err = errorFromResponse({
      status: 400,
      headers: { ...json, "cf-ray": "8f1c2d3e4a5b6c7d-AMS" },
      bodyText: JSON.stringify({ success: false, result: {}, errors: [{ message: "no code" }, { code: "5004", message: "bad base64" }] }),
    });
    expect(err.errors).toHaveLength(2);
    expect(err.code).toBe(5004);
    expect(err.requestId).toBe("8f1c2d3e4a5b6c7d-AMS");
    expect(err.message).toContain("no code");
  });

  it("turns an HTML 502 from a proxy into a ServerError with a short message", () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>${"x".repeat(5000)}</body></html>`;
    const err = errorFromResponse({ status: 502, headers: { "content-type": "text/html" }, bodyText: html });
    expect(err).toBeInstanceOf(ServerError);
    expect(err.message).toBe('HTTP 502: non-JSON text/html "502 Bad Gateway"');
    expect(err.rawBody?.length).toBe(2048);
  });

  it("reads the discovery endpoints' {success:false, error} and OpenAI's {error:{...}} bodies", () => {
    expect(errorFromResponse({ status: 404, headers: json, bodyText: '{"success":false,"error":"no such task"}' }).message).toContain("no such task");
    const oa = errorFromResponse({ status: 400, headers: json, bodyText: '{"error":{"message":"bad model","code":7003}}' });
    expect(oa).toBeInstanceOf(UnknownModelError);
  });

  it("parses Retry-After and Ratelimit headers on a 429", () => {
    const err = errorFromResponse({
      status: 429,
      headers: { ...json, "retry-after": "3", ratelimit: '"default";r=0;t=42', "ratelimit-policy": '"default";q=1200;w=300' },
      bodyText: body(undefined, "slow down"),
    }) as RateLimitError;
    expect(err.retryAfterMs).toBe(3000);
    expect(err.rateLimit).toEqual({ remaining: 0, resetSeconds: 42, quota: 1200, windowSeconds: 300 });
  });

  it("puts the quota reset at the next 00:00 UTC", () => {
    const err = errorFromResponse({ status: 429, headers: json, bodyText: body(3036), now: new Date("2026-11-27T23:59:30Z") }) as QuotaExhaustedError;
    expect(err.resetsAt.toISOString()).toBe("2026-11-28T00:00:00.000Z");
  });

  it("scrubs secrets from messages and raw bodies", () => {
    const secret = "tok_abcdefghijklmnopqrstuvwxyz0123456789";
    const err = errorFromResponse({ status: 401, headers: json, bodyText: body(10000, `bad token ${secret}`), scrub: (t) => t.split(secret).join("[REDACTED]") });
    expect(JSON.stringify({ m: err.message, e: err.errors, r: err.rawBody })).not.toContain(secret);
  });

  it("scrubs secrets a proxy echoes into headers and extra error fields", () => {
    const secret = "tok_abcdefghijklmnopqrstuvwxyz0123456789";
    const bodyText = JSON.stringify({ success: false, result: null, errors: [{ code: 1000, message: "no", source: { pointer: secret } }] });
    const err = errorFromResponse({ status: 502, headers: { ...json, "x-echo": `Bearer ${secret}` }, bodyText, scrub: (t) => t.split(secret).join("[REDACTED]") });
    expect(JSON.stringify({ h: err.headers, e: err.errors, r: err.rawBody, m: err.message })).not.toContain(secret);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  it("prefers retry-after-ms, then seconds, then an HTTP date", () => {
    expect(parseRetryAfter({ "retry-after-ms": "250", "retry-after": "9" }, now)).toBe(250);
    expect(parseRetryAfter({ "retry-after": "1.5" }, now)).toBe(1500);
    expect(parseRetryAfter({ "retry-after": "Fri, 27 Nov 2026 12:00:05 GMT" }, now)).toBe(5000);
  });
  it("ignores missing, negative and unparsable values", () => {
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter({ "retry-after": "-1" }, now)).toBeUndefined();
    expect(parseRetryAfter({ "retry-after": "soon" }, now)).toBeUndefined();
  });
  it("treats a delay that overflows once in milliseconds as unparsable", () => {
    expect(parseRetryAfter({ "retry-after": "1.797693134862316e+305" }, now)).toBeUndefined();
  });
});

describe("parseRateLimit", () => {
  it("returns undefined without headers", () => expect(parseRateLimit({})).toBeUndefined());
  it("drops parameters too large to be finite", () => {
    expect(parseRateLimit({ ratelimit: `"default";r=${"9".repeat(400)};t=30` })).toEqual({ resetSeconds: 30 });
  });
});

describe("one table for both clients (generated from openapi/errors.yaml)", () => {
  const multi = (...codes: (number | undefined)[]) =>
    JSON.stringify({ success: false, result: null, messages: [], errors: codes.map((code) => (code === undefined ? { message: "m" } : { code, message: "m" })) });

  it("classifies a multi-code body by the first code the table knows, skipping unknown ones", () => {
    const quota = errorFromResponse({ status: 429, headers: json, bodyText: multi(9999, 3036) });
    expect(quota).toBeInstanceOf(QuotaExhaustedError);
    expect(quota.retryable).toBe(false);
    const capacity = errorFromResponse({ status: 429, headers: json, bodyText: multi(undefined, 9999, 3040, 3036) });
    expect(capacity).toBeInstanceOf(CapacityError);
    expect(errorFromResponse({ status: 503, headers: json, bodyText: multi(9999, 1234) })).toBeInstanceOf(ServerError);
  });

  it("applies the status + code rule 403/10000 from the table (permission), while 10000 alone is authentication", () => {
    expect(errorFromResponse({ status: 403, headers: json, bodyText: multi(9999, 10000) })).toBeInstanceOf(PermissionError);
    expect(errorFromResponse({ status: 401, headers: json, bodyText: multi(10000) })).toBeInstanceOf(AuthenticationError);
  });

  it("keeps the server's Retry-After on every error answer, not only 429s", () => {
    const err = errorFromResponse({ status: 503, headers: { ...json, "retry-after": "5" }, bodyText: multi() });
    expect(err).toBeInstanceOf(ServerError);
    expect(err.retryAfterMs).toBe(5000);
  });
});
