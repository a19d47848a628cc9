/**
 * Compile-time promises of `run` and its escape hatch (vitest typecheck mode runs this file through tsc).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { APIPromise, EdgeAI, KnownModel } from "../src/index.js";

declare const ai: EdgeAI;

describe("model ids", () => {
  it("refuses a misspelled catalogued id at compile time", () => {
    // @ts-expect-error "llama-3.1-8b-instruct-fats" is not in the catalog
    ai.run("@cf/meta/llama-3.1-8b-instruct-fats", { prompt: "Hi" });
    // @ts-expect-error an arbitrary string is not a catalogued id
    ai.run("@cf/acme/brand-new-model" as string, { prompt: "Hi" });
  });

  it("accepts every catalogued id", () => {
    expectTypeOf<"@cf/meta/llama-3.1-8b-instruct-fast">().toExtend<KnownModel>();
    expectTypeOf(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" })).toExtend<APIPromise<unknown>>();
  });

  it("lets a model newer than the catalog through runUnknown, with a caller-chosen result type", () => {
    expectTypeOf(ai.runUnknown("@cf/acme/brand-new-model", { prompt: "Hi" })).toEqualTypeOf<APIPromise<unknown>>();
    expectTypeOf(ai.runUnknown<{ response: string }>("@cf/acme/brand-new-model", { prompt: "Hi" })).toEqualTypeOf<APIPromise<{ response: string }>>();
    // @ts-expect-error runUnknown still wants an object or bytes as input
    ai.runUnknown("@cf/acme/brand-new-model", "just a string");
  });

  it("gives withResponse() the same data type as the call", () => {
    const call = ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a"] });
    expectTypeOf<Awaited<ReturnType<typeof call.withResponse>>["data"]>().toEqualTypeOf<Awaited<typeof call>>();
    expectTypeOf<Awaited<ReturnType<typeof call.withResponse>>["response"]["requestId"]>().toEqualTypeOf<string | undefined>();
  });

  it("takes raw bytes only for models whose catalog entry says they accept a binary body", () => {
    const audio = new Uint8Array([1, 2, 3]);
    expectTypeOf(ai.run("@cf/openai/whisper", audio)).toExtend<APIPromise<unknown>>();
    // @ts-expect-error a text-generation model takes JSON, not raw bytes
    ai.run("@cf/meta/llama-3.1-8b-instruct-fast", audio);
  });

  it("narrows the input by model id: a misspelled key is refused", () => {
    // @ts-expect-error embeddings take `text`; `txt` is a typo
    ai.run("@cf/baai/bge-base-en-v1.5", { txt: ["a"] });
  });
});
