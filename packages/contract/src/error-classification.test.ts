import { describe, expect, it } from "vitest";
import { classifyError } from "./error-classification.js";

describe("classifyError", () => {
  it("tells the two 429s apart by code: quota is not retryable, capacity is", () => {
    expect(classifyError(429, [3036])).toEqual({ kind: "quota_exhausted", retryable: false, code: 3036 });
    expect(classifyError(429, [3040])).toEqual({ kind: "capacity", retryable: true, code: 3040 });
  });

  it("treats a 429 without a known code as a retryable rate limit", () => {
    expect(classifyError(429)).toEqual({ kind: "rate_limited", retryable: true, code: undefined });
    expect(classifyError(429, [999_999])).toEqual({ kind: "rate_limited", retryable: true, code: undefined });
  });

  it("reads codes sent as strings and skips missing ones", () => {
    expect(classifyError(400, [undefined, "5007"])).toEqual({ kind: "not_found", retryable: false, code: 5007 });
    expect(classifyError(400, ["not a number"])).toEqual({ kind: "bad_request", retryable: false, code: undefined });
  });

  it("lets the first known code win over the status", () => {
    expect(classifyError(400, [7000])).toMatchObject({ kind: "not_found", code: 7000 });
    expect(classifyError(403, [5016, 5035])).toMatchObject({ kind: "permission", code: 5016 });
    expect(classifyError(408, [3007])).toEqual({ kind: "timeout", retryable: true, code: 3007 });
  });

  it("maps statuses without codes, any 5xx to a retryable server error", () => {
    expect(classifyError(401).kind).toBe("authentication");
    expect(classifyError(413).kind).toBe("too_large");
    expect(classifyError(503)).toEqual({ kind: "server", retryable: true, code: undefined });
    expect(classifyError(599).retryable).toBe(true);
    expect(classifyError(418)).toEqual({ kind: "bad_request", retryable: false, code: undefined });
  });
});
