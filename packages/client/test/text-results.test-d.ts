/**
 * Compile-time promises about a text model's answer (decision 0330): `response` is the text, a plain `string`; JSON
 * mode has its own result whose `response` is the parsed object; a call that offers tools may be answered with
 * tool calls and no text. Streams and chat completions keep their types. vitest's typecheck mode runs this file
 * through tsc.
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  APIPromise,
  EdgeAI,
  EdgeAIStream,
  Schema,
  TextGenerationChunk,
  TextGenerationJsonResult,
  TextGenerationRunResult,
  TextGenerationToolsResult,
} from "../src/index.js";

declare const ai: EdgeAI;
type Data<P> = P extends APIPromise<infer T> ? T : never;

describe("a text model's answer", () => {
  it("types a plain call's response as string, usable without narrowing", async () => {
    const result = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages: [{ role: "user", content: "Hi" }] });
    expectTypeOf(result.response).toEqualTypeOf<string>();
    const text: string = result.response;
    expectTypeOf(text.toUpperCase()).toBeString();
    expectTypeOf(result).toEqualTypeOf<TextGenerationRunResult>();
  });

  it("types a prompt call and an OpenAI-shaped model the same way", () => {
    const prompt = ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt: "Hi" });
    expectTypeOf<Data<typeof prompt>["response"]>().toEqualTypeOf<string>();
    const oss = ai.run("@cf/openai/gpt-oss-20b", { prompt: "Hi" });
    expectTypeOf<Data<typeof oss>["response"]>().toEqualTypeOf<string>();
  });

  it("gives a response_format call its own result whose response is the parsed object", () => {
    const call = ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", {
      messages: [{ role: "user", content: "Name a colour" }],
      response_format: { type: "json_schema", json_schema: { type: "object", properties: { name: { type: "string" } } } },
    });
    expectTypeOf<Data<typeof call>>().toEqualTypeOf<TextGenerationJsonResult>();
    expectTypeOf<Data<typeof call>["response"]>().toEqualTypeOf<Record<string, unknown>>();
    // @ts-expect-error JSON mode answers an object, not text
    const asText: string = ({} as Data<typeof call>).response;
    expectTypeOf(asText).toBeString();
  });

  it("treats json_object and guided_json as JSON mode too", () => {
    const object = ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt: "Hi", response_format: { type: "json_object" } });
    expectTypeOf<Data<typeof object>["response"]>().toEqualTypeOf<Record<string, unknown>>();
    const guided = ai.run("@cf/meta/llama-4-scout-17b-16e-instruct", { prompt: "Hi", guided_json: { type: "object" } });
    expectTypeOf<Data<typeof guided>["response"]>().toEqualTypeOf<Record<string, unknown>>();
  });

  it("says either shape when JSON mode is only known at run time", () => {
    const format = Math.random() > 0.5 ? { type: "json_object" as const } : undefined;
    const call = ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { prompt: "Hi", response_format: format });
    expectTypeOf<Data<typeof call>["response"]>().toEqualTypeOf<string | Record<string, unknown>>();
  });

  it("lets a call that offers tools be answered by tool calls alone (response may be absent)", () => {
    const tools = [{ name: "getWeather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string", description: "City" } } } }];
    const call = ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Weather?" }], tools });
    expectTypeOf<Data<typeof call>>().toEqualTypeOf<TextGenerationToolsResult>();
    expectTypeOf<Data<typeof call>["response"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<Data<typeof call>["tool_calls"]>[number]>().toEqualTypeOf<Schema<"ToolCall">>();
  });

  it("keeps streaming calls and chat completions unchanged", () => {
    const streamed = ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi", stream: true });
    expectTypeOf<Data<typeof streamed>>().toEqualTypeOf<EdgeAIStream<TextGenerationChunk>>();
    const chat = ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }] });
    expectTypeOf<Data<typeof chat>["choices"][number]["message"]["content"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("keeps finished batch items typed as the API sends them (not normalised)", () => {
    const wait = ai.batch.wait("@cf/meta/llama-3.3-70b-instruct-fp8-fast", "id");
    type Item = NonNullable<Data<typeof wait>["responses"][number]["result"]>;
    expectTypeOf<Item["response"]>().toEqualTypeOf<string | Record<string, unknown> | null | undefined>();
  });
});
