import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { describe, expect, it } from "vitest";
import { SSEParser } from "../src/client-internals.js";
import { prototypeChanges, snapshotPrototypes } from "../src/prototype-guard.js";
import { suiteSizes } from "../src/sizes.js";
import { cutPoints, type DispatchedEvent, expectedEvents, serialize, splitBytes, splitText, sseDocument } from "../src/sse-model.js";

const { fuzzRuns } = suiteSizes();
const encoder = new TextEncoder();

function parseChunks(chunks: (Uint8Array | string)[]): DispatchedEvent[] {
  const events: DispatchedEvent[] = [];
  const parser = new SSEParser((data, event, id) => events.push({ data, event, id }));
  for (const c of chunks) parser.feed(c);
  parser.end();
  return events;
}

describe("SSE parser under fuzzing", () => {
  it("dispatches exactly the reference events for any byte chunking, line-end mix, comment and BOM", async () => {
    await fuzz("sse-parser#1", fc.property(sseDocument, cutPoints, (doc, cuts) => {
        const bytes = encoder.encode(serialize(doc));
        expect(parseChunks(splitBytes(bytes, cuts))).toEqual(expectedEvents(doc));
      }),
      { numRuns: fuzzRuns },
    );
  });

  it("dispatches the reference events when fed text chunks split anywhere, even between CR and LF", async () => {
    await fuzz("sse-parser#2", fc.property(sseDocument, cutPoints, (doc, cuts) => {
        const text = serialize({ ...doc, bom: false });
        expect(parseChunks(splitText(text, cuts))).toEqual(expectedEvents({ ...doc, bom: false }));
      }),
      { numRuns: fuzzRuns },
    );
  });

  it("never throws, never pollutes a prototype and only hands strings to the callback on garbage bytes", async () => {
    const before = snapshotPrototypes();
    await fuzz("sse-parser#3", fc.property(fc.uint8Array({ maxLength: 512 }), cutPoints, (bytes, cuts) => {
        const events = parseChunks(splitBytes(bytes, cuts));
        for (const e of events) {
          expect(typeof e.data).toBe("string");
          expect(e.event === undefined || typeof e.event === "string").toBe(true);
        }
      }),
      { numRuns: fuzzRuns },
    );
    // Garbage made of SSE-ish tokens reaches the field-handling branches far more often than random bytes.
    const token = fc.constantFrom("data", "event", "id", "retry", ":", " ", "\r", "\n", "\r\n", "\uFEFF", "\0", "[DONE]", "{", "\u00e9", "\u{1F600}");
    await fuzz("sse-parser#4", fc.property(fc.array(token, { maxLength: 200 }), cutPoints, (tokens, cuts) => {
        parseChunks(splitBytes(encoder.encode(tokens.join("")), cuts));
      }),
      { numRuns: fuzzRuns },
    );
    expect(prototypeChanges(before)).toEqual([]);
  });

  it("parses a 4 MiB data line arriving in 256 chunks into one event", async () => {
    const line = `data: ${"x".repeat(4 * 1024 * 1024)}\n\n`;
    const bytes = encoder.encode(line);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 16 * 1024) chunks.push(bytes.subarray(i, i + 16 * 1024));
    const events = parseChunks(chunks);
    expect(events).toHaveLength(1);
    expect(events[0]?.data.length).toBe(4 * 1024 * 1024);
  });
});
