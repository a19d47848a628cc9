/**
 * A text model's `response` at run time matches its type (text-results.test-d.ts, decision 0330): the emulator
 * for the shapes it sends, and a scripted server for the answers it never sends (null, JSON text, objects unasked).
 */
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../src/index.js";
import { testClient } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

const messages = [{ role: "user", content: "What's the weather in Paris?" }];
const tools = [{ name: "getWeather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string", description: "City" } }, required: ["city"] } }];

describe("text results from the emulator", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers a plain call with text in response", async () => {
    const ai = testClient(emulator.url);
    const out = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages });
    expect(typeof out.response).toBe("string");
    expect(out.response.length).toBeGreaterThan(0);
    await ai.close();
  });

  it("answers a json_schema call with the parsed object in response", async () => {
    const ai = testClient(emulator.url);
    const json_schema = { type: "object", properties: { city: { type: "string" }, celsius: { type: "number" } }, required: ["city", "celsius"] };
    const out = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages, response_format: { type: "json_schema", json_schema } });
    expect(out.response).toEqual({ city: expect.any(String), celsius: expect.any(Number) });
    await ai.close();
  });

  it("answers a guided_json call with an object too", async () => {
    const ai = testClient(emulator.url);
    const out = await ai.run("@cf/meta/llama-4-scout-17b-16e-instruct", { prompt: "A city", guided_json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } });
    expect(out.response).toEqual({ city: expect.any(String) });
    await ai.close();
  });

  it("returns tool calls and a string or no response when the call offers tools, in both answer shapes", async () => {
    const ai = testClient(emulator.url);
    const native = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages, tools });
    expect(native.tool_calls?.[0]).toMatchObject({ name: "getWeather" });
    expect(native.response === undefined || typeof native.response === "string").toBe(true);
    const openai = await ai.run("@cf/openai/gpt-oss-120b", { messages, tools });
    expect(openai.choices?.[0]?.message.content ?? null).toBeNull();
    expect(openai.tool_calls?.length).toBe(1);
    expect("response" in openai).toBe(false);
    await ai.close();
  });
});

describe("text results the emulator does not send", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const answering = async (result: unknown) => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope(result)));
    const warnings: string[] = [];
    const logger = { error() {}, info() {}, debug() {}, warn: (m: string) => warnings.push(m) };
    return { ai: testClient(server.baseUrl, { logger, logLevel: "warn" }), warnings };
  };

  it("gives a plain call an empty string when the answer carries no text (null or absent), never null", async () => {
    const { ai } = await answering({ response: null, usage: { total_tokens: 1 } });
    expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages })).response).toBe("");
    await ai.close();
    await server?.close();
    const second = await answering({ choices: [{ index: 0, message: { role: "assistant", content: null }, finish_reason: "length" }] });
    expect((await second.ai.run("@cf/openai/gpt-oss-120b", { messages })).response).toBe("");
    await second.ai.close();
  });

  it("gives a plain call the JSON text, with a warning, when the model answered an object unasked", async () => {
    const { ai, warnings } = await answering({ response: { colour: "blue" } });
    const out = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages });
    expect(out.response).toBe('{"colour":"blue"}');
    expect(warnings.some((w) => w.includes("JSON mode was not requested"))).toBe(true);
    await ai.close();
  });

  it("drops response: null beside tool calls when the call offered tools, keeping the calls", async () => {
    const { ai } = await answering({ response: null, tool_calls: [{ name: "getWeather", arguments: { city: "Paris" } }] });
    const out = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages, tools });
    expect("response" in out).toBe(false);
    expect(out.tool_calls).toEqual([{ name: "getWeather", arguments: { city: "Paris" } }]);
    await ai.close();
  });

  it("parses JSON text in response for a JSON-mode call", async () => {
    const { ai } = await answering({ response: '{"city":"Paris"}' });
    const out = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages, response_format: { type: "json_object" } });
    expect(out.response).toEqual({ city: "Paris" });
    await ai.close();
  });

  it("refuses a JSON-mode answer that is not a JSON object with a response ValidationError keeping the answer", async () => {
    const { ai } = await answering({ response: "Sorry, I cannot do that." });
    const error = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages, response_format: { type: "json_object" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.direction).toBe("response");
    expect(v.issues[0]).toMatchObject({ path: "response", rule: "json_mode" });
    expect(v.rawBody).toEqual({ response: "Sorry, I cannot do that." });
    await ai.close();
  });

  it("leaves a model outside the catalog as decoded (runUnknown promises nothing about response)", async () => {
    const { ai } = await answering({ response: null });
    const out = await ai.runUnknown<{ response: unknown }>("@cf/acme/brand-new-model", { prompt: "Hi" });
    expect(out.response).toBeNull();
    await ai.close();
  });
});
