import { describe, expect, it } from "vitest";
import { buildSSEEvents, chunkEvents, chunkingName } from "./sse-input.js";

describe("SSE benchmark input", () => {
  it("builds the same native stream every time, padded, with usage and [DONE] at the end", () => {
    const a = buildSSEEvents("native", 4096);
    expect(buildSSEEvents("native", 4096)).toEqual(a);
    expect(a.join("").length).toBeGreaterThanOrEqual(4096);
    expect(JSON.parse(a[0]!.slice(6))).toMatchObject({ response: expect.any(String), p: expect.any(String) });
    expect(a.at(-2)).toContain('"usage"');
    expect(a.at(-1)).toBe("data: [DONE]\n\n");
  });

  it("builds OpenAI chunk events whose first delta carries the assistant role", () => {
    const e = buildSSEEvents("openai", 2048);
    const first = JSON.parse(e[0]!.slice(6));
    expect(first.object).toBe("chat.completion.chunk");
    expect(first.choices[0].delta.role).toBe("assistant");
  });

  it("splits into chunkings that reassemble to the same bytes, cutting multi-byte characters", () => {
    const events = buildSSEEvents("native", 8192);
    const whole = chunkEvents(events, { kind: "whole" });
    const fixed = chunkEvents(events, { kind: "fixed", size: 7 });
    const perEvent = chunkEvents(events, { kind: "per-event" });
    const join = (cs: Uint8Array[]) => Buffer.concat(cs.map((c) => Buffer.from(c)));
    expect(whole).toHaveLength(1);
    expect(perEvent).toHaveLength(events.length);
    expect(join(fixed).equals(join(whole))).toBe(true);
    expect(join(perEvent).equals(join(whole))).toBe(true);
    // Some 7-byte piece must start inside a UTF-8 sequence (a continuation byte 10xxxxxx).
    expect(fixed.some((c) => (c[0]! & 0xc0) === 0x80)).toBe(true);
    expect(chunkingName({ kind: "fixed", size: 7 })).toBe("fixed 7 B");
  });
});
