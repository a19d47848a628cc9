import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { describe, expect, it } from "vitest";
import { EdgeAIError, EdgeAIStream, toTextGenerationChunk } from "../src/client-internals.js";
import { prototypeChanges, snapshotPrototypes } from "../src/prototype-guard.js";
import { suiteSizes } from "../src/sizes.js";
import { cutPoints, splitBytes } from "../src/sse-model.js";

const { fuzzRuns } = suiteSizes();
const encoder = new TextEncoder();

/** Drains a stream built over `chunks`; returns the outcome instead of throwing so properties can inspect it. */
async function drain(chunks: Uint8Array[]): Promise<{ ok: boolean; error?: unknown; count: number; finished: number }> {
  let finished = 0;
  const stream = new EdgeAIStream(
    {
      chunks: (async function* () {
        yield* chunks;
      })(),
      finish: () => {
        finished++;
      },
    },
    toTextGenerationChunk,
  );
  let count = 0;
  try {
    for await (const _ of stream) count++;
    return { ok: true, count, finished };
  } catch (error) {
    return { ok: false, error, count, finished };
  }
}

// Event payloads: valid JSON of any shape (including error-ish and __proto__ keys), and text that is not JSON.
const hostileObject = fc.oneof(
  fc.jsonValue(),
  fc.record({ errors: fc.array(fc.jsonValue(), { maxLength: 3 }), success: fc.oneof(fc.constant(false), fc.jsonValue()) }, { requiredKeys: [] }),
  fc.record({ error: fc.jsonValue(), choices: fc.jsonValue(), usage: fc.jsonValue(), response: fc.jsonValue() }, { requiredKeys: [] }),
  fc.jsonValue().map((v) => ({ __proto__: v, response: "x" })),
);
const payload = fc.oneof(
  { weight: 4, arbitrary: hostileObject.map((v) => JSON.stringify(v) ?? "null") },
  { weight: 2, arbitrary: hostileObject.map((v) => `{"__proto__":${JSON.stringify(v) ?? "null"},"response":"y"}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, "")) },
);

describe("EdgeAIStream under fuzzing", () => {
  it("yields chunks or rejects with an EdgeAIError for any event payloads, with or without [DONE]", async () => {
    const before = snapshotPrototypes();
    await fuzz("stream#1", fc.asyncProperty(fc.array(payload, { maxLength: 8 }), fc.boolean(), cutPoints, async (events, done, cuts) => {
        const body = events.map((e) => `data: ${e}\n\n`).join("") + (done ? "data: [DONE]\n\n" : "");
        const r = await drain(splitBytes(encoder.encode(body), cuts));
        if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(EdgeAIError);
        expect(r.finished).toBe(1);
      }),
      { numRuns: fuzzRuns, timeout: 2_000 },
    );
    expect(prototypeChanges(before)).toEqual([]);
  });

  it("rejects a stream without [DONE] as truncated instead of returning a short answer", async () => {
    await fuzz("stream#2", fc.asyncProperty(fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), cutPoints, async (texts, cuts) => {
        const body = texts.map((t) => `data: ${JSON.stringify({ response: t })}\n\n`).join("");
        const r = await drain(splitBytes(encoder.encode(body), cuts));
        expect(r.ok).toBe(false);
        expect((r.error as EdgeAIError).kind).toBe("stream");
      }),
      { numRuns: fuzzRuns, timeout: 2_000 },
    );
  });

  it("never hangs or crashes on arbitrary bytes", async () => {
    await fuzz("stream#3", fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), cutPoints, async (bytes, cuts) => {
        const r = await drain(splitBytes(bytes, cuts));
        if (!r.ok) expect(r.error, String(r.error)).toBeInstanceOf(EdgeAIError);
      }),
      { numRuns: fuzzRuns, timeout: 2_000 },
    );
  });
});
