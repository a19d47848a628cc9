import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support/emulator.js";

let emu: TestEmulator;
let client: OpenAI;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: true });
  client = new OpenAI({ apiKey: "test-token", baseURL: `${emu.url}/accounts/0123456789abcdef0123456789abcdef/ai/v1`, maxRetries: 0 });
});
afterAll(() => emu.close());

describe("official openai SDK against the emulator", () => {
  it("chats", async () => {
    const completion = await client.chat.completions.create({
      model: "@cf/meta/llama-3.1-8b-instruct-fast",
      messages: [{ role: "user", content: "Say hello" }],
    });
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
    expect(completion.usage!.total_tokens).toBeGreaterThan(0);
  });

  it("streams chunks until the end", async () => {
    const stream = await client.chat.completions.create({
      model: "@cf/meta/llama-3.1-8b-instruct-fast",
      messages: [{ role: "user", content: "Count to ten" }],
      stream: true,
    });
    let text = "";
    let chunks = 0;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(5);
    expect(text.length).toBeGreaterThan(10);
    expect(finish).toMatch(/stop|length/);
  });

  it("calls tools through chat completions", async () => {
    const completion = await client.chat.completions.create({
      model: "@cf/meta/llama-3.3-70b-instruct-fp8-fast",
      messages: [{ role: "user", content: "Weather in Oslo?" }],
      tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }],
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call.type === "function" && call.function.name).toBe("get_weather");
    expect(completion.choices[0]!.finish_reason).toBe("tool_calls");
  });

  it("embeds (the SDK asks for base64 by default and decodes it)", async () => {
    const result = await client.embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: ["hello world", "goodbye"] });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]!.embedding).toHaveLength(768);
    const norm = Math.sqrt(result.data[0]!.embedding.reduce((s, v) => s + v * v, 0));
    expect(norm).toBeCloseTo(1, 3);
  });

  it("answers the Responses API for gpt-oss", async () => {
    const response = await client.responses.create({ model: "@cf/openai/gpt-oss-120b", input: "Why open models?", reasoning: { effort: "low" } });
    expect(response.status).toBe("completed");
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.usage!.total_tokens).toBeGreaterThan(0);
  });

  it("surfaces emulator errors as SDK errors with the status", async () => {
    await expect(
      client.chat.completions.create({ model: "@cf/nobody/nothing", messages: [{ role: "user", content: "x" }] }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
