import OpenAI from "openai";
import { expect } from "vitest";
import { attempts, env, implementRows, TOKEN } from "../src/harness.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
/** A model with the function_calling capability (tools on others are refused, as on Cloudflare). */
const TOOLS_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";
const client = (options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI => new OpenAI({ apiKey: TOKEN, baseURL: env.v1, maxRetries: 0, ...options });
const weather = {
  type: "function" as const,
  function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
};

implementRows("openai", {
  "openai.chat": async () => {
    const completion = await client().chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Hello" }] });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]!.message.content).toEqual(expect.any(String));
  },
  "openai.stream": async () => {
    const stream = await client().chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Hello" }], stream: true, stream_options: { include_usage: true } });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  },
  "openai.tools": async () => {
    const first = await client().chat.completions.create({ model: TOOLS_MODEL, messages: [{ role: "user", content: "Weather in Lisbon?" }], tools: [weather] });
    const call = first.choices[0]!.message.tool_calls?.[0];
    expect(call?.type).toBe("function");
    const second = await client().chat.completions.create({
      model: TOOLS_MODEL,
      tools: [weather],
      messages: [
        { role: "user", content: "Weather in Lisbon?" },
        { role: "assistant", content: "", tool_calls: first.choices[0]!.message.tool_calls! },
        { role: "tool", tool_call_id: call!.id, content: "18C, sunny" },
      ],
    });
    expect(second.choices[0]!.message).toBeDefined();
  },
  "openai.structured": async () => {
    const completion = await client().chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "A city" }],
      response_format: { type: "json_schema", json_schema: { name: "city", schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toMatchObject({ name: expect.any(String) });
  },
  "openai.structured-nameless": async () => {
    const error = await client()
      .chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "A city" }], response_format: { type: "json_schema", json_schema: { schema: {} } } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  },
  "openai.embeddings": async () => {
    const result = await client().embeddings.create({ model: "@cf/baai/bge-small-en-v1.5", input: ["a", "b"] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding).toHaveLength(384);
  },
  "openai.responses": async () => {
    const response = await client().responses.create({ model: "@cf/openai/gpt-oss-120b", input: "Why open models?" });
    expect(response.output_text.length).toBeGreaterThan(0);
  },
  "openai.responses-stream": async () => {
    const error = await client()
      .responses.create({ model: "@cf/openai/gpt-oss-120b", input: "Hi", stream: true })
      .then(async (s) => {
        for await (const _ of s) void _;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  },
  "openai.null-content": async () => {
    const error = await client()
      .chat.completions.create({
        model: MODEL,
        messages: [
          { role: "user", content: "Weather?" },
          { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
          { role: "tool", tool_call_id: "call_1", content: "sunny" },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
  },
  "openai.auth-error": async () => {
    const error = await client({ apiKey: "wrong-token" }).chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "Hi" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
  },
  "openai.retry-429": async () => {
    const key = `openai-429-${Date.now()}`;
    const completion = await client({ maxRetries: 2, defaultHeaders: { "x-emulator-fault": "rate-limit:0,none", "x-emulator-fault-key": key } }).chat.completions.create({
      model: MODEL,
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(completion.choices).toHaveLength(1);
    expect(await attempts(key)).toBe(2);
  },
});
