import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { embedMany, experimental_generateImage as generateImage, experimental_transcribe as transcribe, generateObject, generateText, stepCountIs, streamText, tool } from "ai";
import { createWorkersAI } from "workers-ai-provider";
import { expect } from "vitest";
import { z } from "zod";
import { ACCOUNT, attempts, env, implementRows, redirectingFetch, TOKEN } from "../src/harness.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const TOOLS_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

// workers-ai-provider's REST mode has api.cloudflare.com built in; its `fetch` option is how a test redirects it.
const workersai = (headers?: Record<string, string>) =>
  createWorkersAI({
    accountId: ACCOUNT,
    apiKey: TOKEN,
    fetch: headers ? ((url, init) => redirectingFetch()(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } })) as typeof fetch : redirectingFetch(),
  });
// The AI SDK's generic OpenAI-compatible provider, pointed at /ai/v1 as Cloudflare's docs describe.
const compat = (structured = false) => createOpenAICompatible({ name: "workers-ai", baseURL: env.v1, apiKey: TOKEN, supportsStructuredOutputs: structured });

const weather = tool({
  description: "Weather for a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => `18C and sunny in ${city}`,
});
// Cloudflare's own schema for /ai/run tools requires a `description` on every parameter (workerd's ai.d.ts makes
// it optional; the contract follows upstream), so a user following it describes each field.
const describedWeather = tool({
  description: "Weather for a city",
  inputSchema: z.object({ city: z.string().describe("The city name") }),
  execute: async ({ city }) => `18C and sunny in ${city}`,
});

async function streamed(result: { textStream: AsyncIterable<string> }): Promise<{ text: string; parts: number }> {
  let text = "";
  let parts = 0;
  for await (const delta of result.textStream) {
    parts++;
    text += delta;
  }
  return { text, parts };
}

implementRows("workers-ai-provider + ai", {
  "wap.generate": async () => {
    const { text } = await generateText({ model: workersai()(MODEL), prompt: "Hello", maxRetries: 0 });
    expect(text.length).toBeGreaterThan(0);
  },
  "wap.stream": async () => {
    const { text, parts } = await streamed(streamText({ model: workersai()(MODEL), prompt: "Hello", maxRetries: 0 }));
    expect(parts).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  },
  "wap.tools": async () => {
    const result = await generateText({ model: workersai()(TOOLS_MODEL), prompt: "Weather in Lisbon?", tools: { weather: describedWeather }, stopWhen: stepCountIs(3), maxRetries: 0 });
    expect(result.steps[0]!.toolCalls[0]?.toolName).toBe("weather");
    expect(result.steps[0]!.toolResults[0]?.output).toMatch(/sunny/);
  },
  "wap.tools-undescribed": async () => {
    const error = await generateText({ model: workersai()(TOOLS_MODEL), prompt: "Weather in Lisbon?", tools: { weather }, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400 });
    expect(String((error as { responseBody?: unknown }).responseBody)).toMatch(/properties\.city\.description/);
  },
  "wap.structured": async () => {
    // llama-3.3-70b's upstream input schema has response_format; llama-3.1-8b-instruct-fast's has not (it would ignore it).
    const { object } = await generateObject({ model: workersai()(TOOLS_MODEL), schema: z.object({ name: z.string(), population: z.number() }), prompt: "A city", maxRetries: 0 });
    expect(object).toMatchObject({ name: expect.any(String), population: expect.any(Number) });
  },
  "wap.embeddings": async () => {
    const { embeddings } = await embedMany({ model: workersai().textEmbedding("@cf/baai/bge-base-en-v1.5"), values: ["a cat", "a dog"], maxRetries: 0 });
    expect(embeddings).toHaveLength(2);
    expect(embeddings[0]).toHaveLength(768);
  },
  "wap.image": async () => {
    const { image } = await generateImage({ model: workersai().image("@cf/black-forest-labs/flux-1-schnell"), prompt: "a lighthouse", maxRetries: 0 });
    expect(image.uint8Array[0]).toBe(0xff); // JPEG
    expect(image.uint8Array.length).toBeGreaterThan(100);
  },
  "wap.transcription": async () => {
    const audio = Uint8Array.from({ length: 2000 }, (_, i) => (i * 31) % 256);
    const result = await transcribe({ model: workersai().transcription("@cf/openai/whisper"), audio, maxRetries: 0 });
    expect(result.text.length).toBeGreaterThan(0);
  },
  "wap.retry-429": async () => {
    const key = `wap-429-${Date.now()}`;
    const { text } = await generateText({ model: workersai({ "x-emulator-fault": "rate-limit:0,none", "x-emulator-fault-key": key })(MODEL), prompt: "Hi", maxRetries: 2 });
    expect(text.length).toBeGreaterThan(0);
    expect(await attempts(key)).toBe(2);
  },
});

implementRows("@ai-sdk/openai-compatible + ai", {
  "compat.generate": async () => {
    const { text } = await generateText({ model: compat()(MODEL), prompt: "Hello", maxRetries: 0 });
    expect(text.length).toBeGreaterThan(0);
  },
  "compat.stream": async () => {
    const { text, parts } = await streamed(streamText({ model: compat()(MODEL), prompt: "Hello", maxRetries: 0 }));
    expect(parts).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  },
  "compat.tools": async () => {
    const result = await generateText({ model: compat()(TOOLS_MODEL), prompt: "Weather in Lisbon?", tools: { weather }, maxRetries: 0 });
    expect(result.toolCalls[0]?.toolName).toBe("weather");
    expect(result.toolResults[0]?.output).toMatch(/sunny/);
  },
  "compat.tools-loop": async () => {
    const error = await generateText({ model: compat()(TOOLS_MODEL), prompt: "Weather in Lisbon?", tools: { weather }, stopWhen: stepCountIs(3), maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, requestBodyValues: { messages: expect.arrayContaining([expect.objectContaining({ role: "assistant", content: null })]) } });
  },
  "compat.structured": async () => {
    const { object } = await generateObject({ model: compat(true)(MODEL), schema: z.object({ name: z.string(), population: z.number() }), schemaName: "city", prompt: "A city", maxRetries: 0 });
    expect(object).toMatchObject({ name: expect.any(String), population: expect.any(Number) });
  },
  "compat.embeddings": async () => {
    const { embeddings } = await embedMany({ model: compat().textEmbeddingModel("@cf/baai/bge-small-en-v1.5"), values: ["a", "b", "c"], maxRetries: 0 });
    expect(embeddings).toHaveLength(3);
    expect(embeddings[0]).toHaveLength(384);
  },
});
