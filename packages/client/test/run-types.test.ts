/**
 * Type-level behaviour of `run`, checked by `tsc` (pnpm typecheck); the runtime assertions only make vitest
 * count the cases. A wrong narrowing fails the typecheck, not this file's tests.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { BinaryResult, ChatCompletionChunk, EdgeAI, EdgeAIStream, TextGenerationChunk } from "../src/index.js";

declare const ai: EdgeAI;
const messages = [{ role: "user", content: "Hi" }];

describe("run() typing", () => {
  it("narrows text generation results to the native fields: a plain call's response is the text", () => {
    const call = () => ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
    expectTypeOf<Awaited<ReturnType<typeof call>>["response"]>().toEqualTypeOf<string>();
  });

  it("returns a stream of chunks when stream: true", () => {
    const call = () => ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: true });
    expectTypeOf<Awaited<ReturnType<typeof call>>>().toEqualTypeOf<EdgeAIStream<TextGenerationChunk>>();
  });

  it("returns either kind when the stream flag is only known at run time", () => {
    const flag = Math.random() > 0.5;
    const call = () => ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: flag });
    expectTypeOf<Awaited<ReturnType<typeof call>>>().toExtend<EdgeAIStream<TextGenerationChunk> | { response?: unknown }>();
    expectTypeOf<EdgeAIStream<TextGenerationChunk>>().toExtend<Awaited<ReturnType<typeof call>>>();
    const off = () => ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: false });
    expectTypeOf<Awaited<ReturnType<typeof off>>>().not.toExtend<EdgeAIStream<TextGenerationChunk>>();
  });

  it("types chat completions by the stream flag", () => {
    const plain = () => ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages });
    expectTypeOf<Awaited<ReturnType<typeof plain>>["choices"][number]["message"]["content"]>().toEqualTypeOf<string | null | undefined>();
    const streamed = () => ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages, stream: true });
    expectTypeOf<Awaited<ReturnType<typeof streamed>>>().toEqualTypeOf<EdgeAIStream<ChatCompletionChunk>>();
  });

  it("types finished batch results by model", () => {
    const wait = () => ai.batch.wait("@cf/baai/bge-base-en-v1.5", "id");
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof wait>>["responses"][number]["result"]>["data"]>().toEqualTypeOf<number[][] | undefined>();
  });

  it("types embeddings and binary image results", () => {
    const emb = () => ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
    expectTypeOf<Awaited<ReturnType<typeof emb>>["data"]>().toEqualTypeOf<number[][] | undefined>();
    const img = () => ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
    expectTypeOf<Awaited<ReturnType<typeof img>>>().toEqualTypeOf<BinaryResult>();
  });

  it("rejects an input of the wrong shape for a catalogued model", () => {
    // @ts-expect-error embeddings take `text`, not `prompt`
    const bad = () => ai.run("@cf/baai/bge-base-en-v1.5", { prompt: 1 });
    expectTypeOf(bad).toBeFunction();
  });

  it("takes a model outside the catalog only through runUnknown, typed by the caller", () => {
    const loose = () => ai.runUnknown<{ anything: number[] }>("@cf/acme/brand-new-model", { anything: true });
    expectTypeOf<Awaited<ReturnType<typeof loose>>>().toEqualTypeOf<{ anything: number[] }>();
  });
});
