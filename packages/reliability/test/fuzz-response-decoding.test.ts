import { EdgeAI, EdgeAIError, type KnownModel } from "@edge-ai/client";
import fc from "fast-check";
import { fuzz } from "../src/fuzz-run.js";
import { describe, expect, it } from "vitest";
import { garbageBodyText, hostileEnvelopeText, hostileJsonText } from "../src/hostile-json.js";
import { modelsWithInputs } from "../src/model-inputs.js";
import { prototypeChanges, snapshotPrototypes } from "../src/prototype-guard.js";
import { suiteSizes } from "../src/sizes.js";

const { fuzzRuns } = suiteSizes();
const { usable } = modelsWithInputs();

/** What the fake server answers next; the client's `fetch` option hands it over without a socket. */
interface Answer {
  status: number;
  contentType: string;
  body: string;
}

const sseBody = fc
  .array(fc.oneof(hostileJsonText, hostileEnvelopeText, fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ""))), { maxLength: 5 })
  .chain((events) => fc.boolean().map((done) => events.map((e) => `data: ${e}\n\n`).join("") + (done ? "data: [DONE]\n\n" : "")));

const answer: fc.Arbitrary<Answer> = fc.record({
  status: fc.constantFrom(200, 200, 200, 201, 400, 401, 403, 404, 413, 429, 500, 502, 503),
  contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "", "text/html", "text/plain", "text/event-stream", "image/png"),
  body: fc.oneof(
    { weight: 4, arbitrary: hostileEnvelopeText },
    { weight: 2, arbitrary: hostileJsonText.map((r) => `{"success":true,"errors":[],"messages":[],"result":${r}}`) },
    { weight: 1, arbitrary: hostileJsonText },
    { weight: 1, arbitrary: garbageBodyText },
    { weight: 2, arbitrary: sseBody },
  ),
});

async function settle(p: Promise<unknown>): Promise<{ ok: boolean; error?: unknown }> {
  try {
    const value = await p;
    if (value && typeof value === "object" && Symbol.asyncIterator in value) {
      for await (const _ of value as AsyncIterable<unknown>) {
        // drain
      }
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

describe("response decoding under fuzzing", () => {
  it("turns any status, content type and body into a result or a typed error, for every catalogued model", async () => {
    let next: Answer = { status: 200, contentType: "application/json", body: "{}" };
    const fetchImpl = async (): Promise<Response> =>
      new Response(next.body, { status: next.status, headers: next.contentType ? { "content-type": next.contentType } : {} });
    const clients = {
      tolerant: new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "fuzz-token-000000000000", fetch: fetchImpl, maxRetries: 0, validation: "tolerant", logLevel: "off" }),
      strict: new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "fuzz-token-000000000000", fetch: fetchImpl, maxRetries: 0, validation: "strict", logLevel: "off" }),
    };
    const before = snapshotPrototypes();
    const stats = { ok: 0, typed: 0 };
    await fuzz("response-decoding#1", fc.asyncProperty(fc.constantFrom(...usable), fc.constantFrom("tolerant" as const, "strict" as const), fc.boolean(), answer, async (model, mode, stream, a) => {
        next = a;
        const input = stream && model.streaming ? { ...model.input, stream: true } : model.input;
        const r = await settle(clients[mode].run(model.id as KnownModel, input as never));
        if (r.ok) stats.ok++;
        else {
          expect(r.error, `${model.id} ${JSON.stringify(a).slice(0, 300)} -> ${String((r.error as Error)?.stack ?? r.error)}`).toBeInstanceOf(EdgeAIError);
          stats.typed++;
        }
      }),
      { numRuns: fuzzRuns * 3, timeout: 2_000 },
    );
    expect(prototypeChanges(before)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Both branches were reached, so the property is not vacuous.
    expect(stats.ok).toBeGreaterThan(0);
    expect(stats.typed).toBeGreaterThan(0);
  }, 300_000);
});
