import { describe, expect, it } from "vitest";
import { Log, resolveLogLevel } from "./logger.js";
import { createScrubber, REDACTED, redactHeaders } from "./redact.js";

describe("redaction", () => {
  it("redacts secret headers by name, case-insensitively, and keeps the others", () => {
    expect(redactHeaders({ Authorization: "Bearer abc", "x-auth-key": "k", "user-agent": "ua" })).toEqual({ Authorization: REDACTED, "x-auth-key": REDACTED, "user-agent": "ua" });
  });
  it("scrubs every occurrence of the token from text", () => {
    const scrub = createScrubber("tok_1234567890abcdef");
    expect(scrub("a tok_1234567890abcdef b tok_1234567890abcdef")).toBe(`a ${REDACTED} b ${REDACTED}`);
  });
});

describe("Log", () => {
  it("filters by level and scrubs messages and data", () => {
    const lines: unknown[][] = [];
    const sink = { error: (...a: unknown[]) => lines.push(a), warn: (...a: unknown[]) => lines.push(a), info: (...a: unknown[]) => lines.push(a), debug: (...a: unknown[]) => lines.push(a) };
    const log = new Log(sink, "info", createScrubber("secret-token-123"));
    log.write("debug", "hidden");
    log.write("info", "seen secret-token-123", { h: "secret-token-123" });
    expect(lines).toEqual([[`[edge-ai] seen ${REDACTED}`, { h: REDACTED }]]);
    expect(log.enabled("debug")).toBe(false);
  });
  it("takes the level from the option, then EDGE_AI_LOG, then warn", () => {
    expect(resolveLogLevel("debug", { EDGE_AI_LOG: "off" })).toBe("debug");
    expect(resolveLogLevel(undefined, { EDGE_AI_LOG: "INFO" })).toBe("info");
    expect(resolveLogLevel(undefined, { EDGE_AI_LOG: "loud" })).toBe("warn");
  });
});
