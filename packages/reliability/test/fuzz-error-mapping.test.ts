import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { describe, expect, it } from "vitest";
import { APIError, errorFromResponse, parseRateLimit, parseRetryAfter } from "../src/client-internals.js";
import { garbageBodyText, hostileEnvelopeText, hostileJsonText, hostileNumberText } from "../src/hostile-json.js";
import { prototypeChanges, snapshotPrototypes } from "../src/prototype-guard.js";
import { suiteSizes } from "../src/sizes.js";

const { fuzzRuns } = suiteSizes();
const kinds = ["authentication", "permission", "not_found", "too_large", "rate_limited", "capacity", "quota_exhausted", "timeout", "bad_request", "server"];

const headerValue = fc.oneof(hostileNumberText, fc.string({ maxLength: 30 }), fc.constantFrom("Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", '"default";r=0;t=5', "r=1e400;t=-1"));
const headers = fc
  .record(
    {
      "content-type": fc.constantFrom("application/json", "text/html", "application/json; charset=utf-8", "text/plain", ""),
      "retry-after": headerValue,
      "retry-after-ms": headerValue,
      ratelimit: headerValue,
      "ratelimit-policy": headerValue,
      "x-should-retry": fc.constantFrom("true", "false", "maybe"),
      "cf-ray": fc.string({ maxLength: 20 }),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

describe("error mapping under fuzzing", () => {
  it("maps any status, headers and body to a typed APIError without throwing or touching prototypes", async () => {
    const before = snapshotPrototypes();
    await fuzz("error-mapping#1", fc.property(fc.integer({ min: 400, max: 599 }), headers, fc.oneof(hostileEnvelopeText, hostileJsonText, garbageBodyText), (status, h, body) => {
        const err = errorFromResponse({ status, headers: h, bodyText: body });
        expect(err).toBeInstanceOf(APIError);
        expect(kinds).toContain(err.kind);
        expect(err.status).toBe(status);
        expect(typeof err.message).toBe("string");
        expect(typeof err.retryable).toBe("boolean");
        expect(Array.isArray(err.errors)).toBe(true);
        // The error must survive the ways users print it.
        JSON.stringify(err);
        String(err);
      }),
      { numRuns: fuzzRuns * 2 },
    );
    expect(prototypeChanges(before)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never makes 3036 retryable, whatever the status and headers around it", async () => {
    await fuzz("error-mapping#2", fc.property(fc.integer({ min: 400, max: 599 }), headers, fc.constantFrom("3036", '"3036"'), (status, h, code) => {
        const err = errorFromResponse({ status, headers: h, bodyText: `{"success":false,"errors":[{"code":${code},"message":"daily"}],"result":null}` });
        expect(err.kind).toBe("quota_exhausted");
        expect(err.retryable).toBe(false);
      }),
      { numRuns: fuzzRuns },
    );
  });

  it("reads Retry-After and Ratelimit headers as undefined or finite non-negative numbers", async () => {
    await fuzz("error-mapping#3", fc.property(headers, (h) => {
        const ms = parseRetryAfter(h, new Date(0));
        if (ms !== undefined) expect(Number.isFinite(ms) && ms >= 0, `retry-after ${ms}`).toBe(true);
        const rl = parseRateLimit(h);
        for (const v of Object.values(rl ?? {})) expect(Number.isFinite(v) && v >= 0, `ratelimit ${v}`).toBe(true);
      }),
      { numRuns: fuzzRuns },
    );
  });
});
