import { afterEach, describe, expect, it } from "vitest";
import { EdgeAIStream, ValidationError } from "../src/index.js";
import { testClient, ACCOUNT, TOKEN } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("run() over a real socket", () => {
  it("puts the model slug into the path with literal slashes and sends auth, user agent and JSON", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "hello", usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } })));
    const ai = testClient(server.baseUrl);
    const out = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(out.response).toBe("hello");
    expect(out.usage?.total_tokens).toBe(2);
    const seen = server.requests[0]!;
    expect(seen.rawPath).toBe(`/client/v4/accounts/${ACCOUNT}/ai/run/@cf/meta/llama-3.1-8b-instruct-fast`);
    expect(seen.method).toBe("POST");
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers["user-agent"]).toMatch(/^edge-ai-client\/\d+\.\d+\.\d+ node\/v\d+/);
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(seen.body)).toEqual({ prompt: "Hi" });
    await ai.close();
  });

  it("adds response/tool_calls to an OpenAI-shaped text-generation result and keeps the OpenAI fields", async () => {
    const completion = { id: "c1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: "Paris" }, finish_reason: "stop" }], usage: { total_tokens: 5 } };
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope(completion)));
    const ai = testClient(server.baseUrl);
    const out = await ai.run("@cf/openai/gpt-oss-120b", { messages: [{ role: "user", content: "Capital of France?" }] });
    expect(out.response).toBe("Paris");
    expect(out.choices?.[0]?.finish_reason).toBe("stop");
    expect(out.usage?.total_tokens).toBe(5);
  });

  it("returns binary images as { contentType, bytes }", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(png);
    });
    const ai = testClient(server.baseUrl);
    const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
    expect(image.contentType).toBe("image/png");
    expect(Buffer.from(image.bytes).equals(png)).toBe(true);
  });

  it("streams SSE chunks as they arrive and keeps the last usage", async () => {
    server = await startTestServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"response":"Hel","p":"xx"}\n\n');
      await new Promise((r) => setTimeout(r, 20));
      res.write('data: {"response":"lo","usage":{"prompt_tokens":2,"completion_tokens":2,"total_tokens":4}}\n\n');
      res.end("data: [DONE]\n\n");
    });
    const ai = testClient(server.baseUrl);
    const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages: [{ role: "user", content: "Hi" }], stream: true });
    expect(stream).toBeInstanceOf(EdgeAIStream);
    let text = "";
    for await (const chunk of stream) text += chunk.response ?? "";
    expect(text).toBe("Hello");
    expect(stream.usage?.total_tokens).toBe(4);
    expect(JSON.parse(server.requests[0]!.body).stream).toBe(true);
  });

  it("yields a JSON answer to a stream request as one chunk", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "all at once", usage: { total_tokens: 3 } })));
    const ai = testClient(server.baseUrl);
    const stream = await ai.run("@cf/openai/gpt-oss-20b", { messages: [{ role: "user", content: "Hi" }], stream: true });
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks).toEqual([{ response: "all at once", usage: { total_tokens: 3 } }]);
  });

  it("sends raw bytes as application/octet-stream for binary-input models", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ text: "hello world" })));
    const ai = testClient(server.baseUrl);
    const out = await ai.run("@cf/openai/whisper", new Uint8Array([1, 2, 3]));
    expect(out.text).toBe("hello world");
    expect(server.requests[0]!.headers["content-type"]).toBe("application/octet-stream");
  });

  it("runs models outside the catalog through runUnknown, without an input check", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ anything: [1, 2] })));
    const ai = testClient(server.baseUrl);
    const out = await ai.runUnknown<{ anything: number[] }>("@cf/acme/brand-new-model", { foo: "bar" });
    expect(out.anything).toEqual([1, 2]);
    expect(server.requests[0]!.rawPath).toMatch(/\/ai\/run\/@cf\/acme\/brand-new-model$/);
  });

  it("passes queueRequest as ?queueRequest=true", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ status: "queued", request_id: "r1" })));
    const ai = testClient(server.baseUrl);
    await ai.run("@cf/baai/bge-base-en-v1.5", { requests: [{ text: ["a"] }] } as never, { queueRequest: true });
    expect(server.requests[0]!.rawPath).toMatch(/\/ai\/run\/@cf\/baai\/bge-base-en-v1\.5\?queueRequest=true$/);
  });
});

describe("validation", () => {
  it("rejects an invalid request before sending anything, naming the path and rule", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({})));
    const ai = testClient(server.baseUrl);
    const err = await ai.run("@cf/baai/bge-base-en-v1.5", { text: [""] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const v = err as ValidationError;
    expect(v.direction).toBe("request");
    expect(v.issues[0]).toMatchObject({ path: "text[0]", rule: "too_small" });
    expect(v.message).toContain("text[0]");
    expect(server.requests).toHaveLength(0);
  });

  it("names the rule of an enum violation", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({})));
    const ai = testClient(server.baseUrl);
    const err = (await ai.run("@cf/baai/bge-base-en-v1.5", { text: "x", pooling: "max" as never }).catch((e: unknown) => e)) as ValidationError;
    expect(err.issues).toContainEqual(expect.objectContaining({ path: "pooling", rule: "invalid_value" }));
    expect(server.requests).toHaveLength(0);
  });

  it("reports nested chat message paths", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({})));
    const ai = testClient(server.baseUrl);
    const err = (await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages: [{ role: "user", content: 5 as never }] }).catch((e: unknown) => e)) as ValidationError;
    expect(JSON.stringify(err.issues)).toContain("messages[0].content");
  });

  it("returns a billed answer that does not match the contract by default, logging one warning that lists its issues", async () => {
    server = await startTestServer((_req, res, n) =>
      sendJSON(res, 200, envelope(n === 0 ? { shape: [1, 2], data: [[0.1, 0.2]], brand_new_field: true } : { shape: [1, 2], data: "not vectors" })),
    );
    const warnings: string[] = [];
    const logger = { error() {}, info() {}, debug() {}, warn: (m: string) => warnings.push(m) };
    const ai = testClient(server.baseUrl, { logger, logLevel: "warn" });
    const ok = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a"] });
    expect((ok as Record<string, unknown>).brand_new_field).toBe(true);
    expect(warnings).toEqual([]);
    const odd = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a"] });
    expect(odd).toEqual({ shape: [1, 2], data: "not vectors" });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("TextEmbeddingsOutput");
    expect(warnings[0]).toContain("data");
  });

  it("throws a response ValidationError keeping the raw body in strict mode", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ shape: [1, 2], data: "not vectors" })));
    const err = (await testClient(server.baseUrl, { validation: "strict" }).run("@cf/baai/bge-base-en-v1.5", { text: ["a"] }).catch((e: unknown) => e)) as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.direction).toBe("response");
    expect(err.kind).toBe("validation");
    expect(err.rawBody).toEqual({ shape: [1, 2], data: "not vectors" });
  });

  it("accepts null for an optional response field in strict mode, without a warning", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ shape: null, data: [[0.5]], pooling: null })));
    const warnings: string[] = [];
    const logger = { error() {}, info() {}, debug() {}, warn: (m: string) => warnings.push(m) };
    for (const validation of ["strict", "tolerant"] as const) {
      const out = await testClient(server.baseUrl, { validation, logger, logLevel: "warn" }).run("@cf/baai/bge-base-en-v1.5", { text: ["a"] });
      expect(out).toEqual({ shape: null, data: [[0.5]], pooling: null });
    }
    expect(warnings).toEqual([]);
  });

  it("rejects unknown response fields in strict mode and checks nothing when off", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ data: [[1]], surprise: 1 })));
    const strict = testClient(server.baseUrl, { validation: "strict" });
    const err = (await strict.run("@cf/baai/bge-base-en-v1.5", { text: ["a"] }).catch((e: unknown) => e)) as ValidationError;
    expect(err.issues[0]).toMatchObject({ rule: "unrecognized_keys" });
    const off = testClient(server.baseUrl, { validation: "off" });
    await expect(off.run("@cf/baai/bge-base-en-v1.5", { text: [""] })).resolves.toMatchObject({ surprise: 1 });
  });
});
