import { ChatCloudflareWorkersAI, CloudflareWorkersAI } from "@langchain/cloudflare";
import { HumanMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { expect } from "vitest";
import { z } from "zod";
import { ACCOUNT, env, implementRows, TOKEN } from "../src/harness.js";

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const TOOLS_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

// As LangChain's docs point ChatOpenAI at an OpenAI-compatible host: `configuration.baseURL`.
const chatOpenAI = (model = MODEL): ChatOpenAI => new ChatOpenAI({ model, apiKey: TOKEN, maxRetries: 0, configuration: { baseURL: env.v1 } });
// @langchain/cloudflare takes the account and token, and `baseUrl` for anything but api.cloudflare.com.
const cfChat = (token = TOKEN): ChatCloudflareWorkersAI =>
  new ChatCloudflareWorkersAI({ model: MODEL, cloudflareAccountId: ACCOUNT, cloudflareApiToken: token, baseUrl: env.run, maxRetries: 0 });

implementRows("@langchain/openai", {
  "langchain-openai.chat": async () => {
    const message = await chatOpenAI().invoke("Hello");
    expect(typeof message.content).toBe("string");
    expect(String(message.content).length).toBeGreaterThan(0);
  },
  "langchain-openai.stream": async () => {
    let text = "";
    let chunks = 0;
    for await (const chunk of await chatOpenAI().stream("Hello")) {
      chunks++;
      text += String(chunk.content);
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  },
  "langchain-openai.tools": async () => {
    const weather = tool(async ({ city }) => `sunny in ${city}`, { name: "get_weather", description: "Weather for a city", schema: z.object({ city: z.string() }) });
    const message = await chatOpenAI(TOOLS_MODEL).bindTools([weather]).invoke("Weather in Lisbon?");
    expect(message.tool_calls?.[0]?.name).toBe("get_weather");
  },
  "langchain-openai.structured": async () => {
    const city = await chatOpenAI().withStructuredOutput(z.object({ name: z.string(), population: z.number() }), { name: "city" }).invoke("A city");
    expect(city).toMatchObject({ name: expect.any(String), population: expect.any(Number) });
  },
  "langchain-openai.embeddings": async () => {
    const embeddings = new OpenAIEmbeddings({ model: "@cf/baai/bge-base-en-v1.5", apiKey: TOKEN, maxRetries: 0, configuration: { baseURL: env.v1 } });
    const vectors = await embeddings.embedDocuments(["a cat", "a dog"]);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(768);
  },
});

implementRows("@langchain/cloudflare", {
  "langchain-cloudflare.chat": async () => {
    const message = await cfChat().invoke([new HumanMessage("Hello")]);
    expect(String(message.content).length).toBeGreaterThan(0);
  },
  "langchain-cloudflare.stream": async () => {
    let text = "";
    let chunks = 0;
    for await (const chunk of await cfChat().stream([new HumanMessage("Hello")])) {
      chunks++;
      text += String(chunk.content);
    }
    expect(chunks).toBeGreaterThan(1);
    expect(text.length).toBeGreaterThan(0);
  },
  "langchain-cloudflare.llm": async () => {
    const llm = new CloudflareWorkersAI({ model: MODEL, cloudflareAccountId: ACCOUNT, cloudflareApiToken: TOKEN, baseUrl: env.run, maxRetries: 0 });
    const text = await llm.invoke("Once upon a time");
    expect(text.length).toBeGreaterThan(0);
  },
  "langchain-cloudflare.auth-error": async () => {
    await expect(cfChat("wrong-token").invoke([new HumanMessage("Hello")])).rejects.toThrow(/status code 401/);
  },
});
