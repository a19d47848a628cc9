import { EdgeAI, EdgeAIError, type KnownModel, ValidationError } from "@edge-ai/client";
import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { describe, expect, it } from "vitest";
import { hostileJsonText } from "../src/hostile-json.js";
import { modelsWithInputs } from "../src/model-inputs.js";
import { prototypeChanges, snapshotPrototypes } from "../src/prototype-guard.js";
import { suiteSizes } from "../src/sizes.js";

const { fuzzRuns } = suiteSizes();
const { usable } = modelsWithInputs();

// Values a caller can really pass from JavaScript: anything (NaN, Dates, typed arrays, null prototypes, sparse
// arrays), and JSON with own `__proto__` keys. Values JSON cannot encode at all (cycles, BigInt) have their own test.
const jsValue = fc.anything({ withDate: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, maxDepth: 3 });
const parsedHostile = hostileJsonText.map((t) => JSON.parse(t) as unknown);
const hostileValue = fc.oneof(jsValue, parsedHostile);
const unserialisable = fc.oneof(
  fc.bigInt().map((b) => ({ big: b })),
  fc.dictionary(fc.string({ maxLength: 6 }), jsValue, { maxKeys: 3 }).map((o) => {
    const obj = o as Record<string, unknown>;
    obj.self = obj;
    return obj;
  }),
);

/** A valid input with one field replaced, one field added, or replaced wholesale. */
const inputFor = (base: Record<string, unknown>, value: fc.Arbitrary<unknown> = hostileValue) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(base), "stream", "max_tokens", "messages", "prompt"), value).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(fc.string({ maxLength: 8 }), value).map(([k, v]) => Object.assign({ ...base }, { [k]: v })),
    value,
  );

/** A client whose fetch answers every request with an empty success and counts what was sent. */
function countingClient(): { ai: EdgeAI; sent: () => number } {
  let count = 0;
  const ai = new EdgeAI({
    accountId: "0123456789abcdef0123456789abcdef",
    apiToken: "fuzz-token-000000000000",
    maxRetries: 0,
    logLevel: "off",
    fetch: async () => {
      count++;
      return new Response('{"success":true,"errors":[],"messages":[],"result":{}}', { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  return { ai, sent: () => count };
}

describe("request validation under fuzzing", () => {
  it("rejects invalid input with a typed error before sending anything, and never crashes", async () => {
    const { ai, sent } = countingClient();
    const before = snapshotPrototypes();
    const stats = { accepted: 0, rejectedBeforeSend: 0, rejectedAfterSend: 0 };
    await fuzz("request-validation#1", fc.asyncProperty(
        fc.constantFrom(...usable).chain((m) => fc.tuple(fc.constant(m), inputFor(m.input))),
        async ([model, input]) => {
          const sentBefore = sent();
          try {
            await ai.run(model.id as KnownModel, input as never);
            stats.accepted++;
          } catch (error) {
            expect(error, `${model.id}: ${String((error as Error)?.stack ?? error)}`).toBeInstanceOf(EdgeAIError);
            if (error instanceof ValidationError && error.direction === "request") {
              expect(sent(), "a request that failed validation must not be sent").toBe(sentBefore);
              expect(error.issues.length).toBeGreaterThan(0);
              stats.rejectedBeforeSend++;
            } else stats.rejectedAfterSend++;
          }
        },
      ),
      { numRuns: fuzzRuns * 3, timeout: 2_000 },
    );
    await ai.close();
    expect(prototypeChanges(before)).toEqual([]);
    expect(stats.rejectedBeforeSend).toBeGreaterThan(0);
    expect(stats.accepted + stats.rejectedAfterSend).toBeGreaterThan(0);
  }, 300_000);

  it("rejects input JSON cannot encode (cycles, BigInt) with a typed error before sending", async () => {
    const { ai, sent } = countingClient();
    await fuzz("request-validation#2", fc.asyncProperty(fc.constantFrom(...usable).chain((m) => fc.tuple(fc.constant(m), inputFor(m.input, unserialisable))), async ([model, input]) => {
        const sentBefore = sent();
        const error = await ai.run(model.id as KnownModel, input as never).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `${model.id}: ${String((error as Error)?.stack ?? error)}`).toBeInstanceOf(EdgeAIError);
        expect(sent()).toBe(sentBefore);
      }),
      { numRuns: Math.max(50, Math.floor(fuzzRuns / 4)), timeout: 2_000 },
    );
    await ai.close();
  });
});
