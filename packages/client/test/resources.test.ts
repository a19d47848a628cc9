import { afterEach, describe, expect, it } from "vitest";
import { EdgeAIStream } from "../src/index.js";
import { ACCOUNT, testClient } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const modelItem = (i: number) => ({ id: `id-${i}`, name: `@cf/acme/model-${i}`, task: { name: "Text Generation" }, properties: [] });

describe("models.search", () => {
  it("pages lazily until a short page and forwards the filters", async () => {
    server = await startTestServer((req, res) => {
      const page = Number(new URL(req.rawPath, "http://x").searchParams.get("page"));
      const items = page < 3 ? [modelItem(page * 2 - 1), modelItem(page * 2)] : [modelItem(5)];
      sendJSON(res, 200, { ...(envelope(items) as object), result_info: { page, per_page: 2, count: items.length, total_count: 5 } });
    });
    const ai = testClient(server.baseUrl);
    const names: string[] = [];
    for await (const m of ai.models.search({ task: "Text Generation", per_page: 2 })) names.push(m.name);
    expect(names).toEqual([1, 2, 3, 4, 5].map((i) => `@cf/acme/model-${i}`));
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]!.rawPath).toBe(`/client/v4/accounts/${ACCOUNT}/ai/models/search?task=Text%20Generation&per_page=2&page=1`);
  });

  it("stops at an empty page when the server sends no result_info", async () => {
    server = await startTestServer((req, res) => {
      const page = Number(new URL(req.rawPath, "http://x").searchParams.get("page"));
      sendJSON(res, 200, envelope(page === 1 ? [modelItem(1), modelItem(2)] : []));
    });
    const all = await testClient(server.baseUrl).models.search().toArray();
    expect(all).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it("does not fetch further pages when the caller breaks early", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, { ...(envelope([modelItem(1), modelItem(2)]) as object), result_info: { per_page: 2, total_count: 100 } }));
    for await (const _ of testClient(server.baseUrl).models.search()) break;
    expect(server.requests).toHaveLength(1);
  });
});

describe("discovery", () => {
  it("fetches a model's schema with the slug as a query parameter, and lists tasks and authors", async () => {
    server = await startTestServer((req, res) => {
      if (req.rawPath.includes("/models/schema")) return sendJSON(res, 200, envelope({ input: { type: "object" }, output: { type: "object" } }));
      if (req.rawPath.includes("/tasks/search")) return sendJSON(res, 200, envelope([{ id: "t1", name: "Text Generation" }]));
      return sendJSON(res, 200, envelope([{ id: "a1", name: "meta" }]));
    });
    const ai = testClient(server.baseUrl);
    expect(await ai.models.schema("@cf/baai/bge-base-en-v1.5")).toEqual({ input: { type: "object" }, output: { type: "object" } });
    expect(server.requests[0]!.rawPath).toMatch(/\/ai\/models\/schema\?model=%40cf%2Fbaai%2Fbge-base-en-v1\.5$/);
    expect((await ai.tasks.list())[0]?.name).toBe("Text Generation");
    expect((await ai.authors.list())[0]?.name).toBe("meta");
  });
});

describe("chat.completions.create", () => {
  const completion = { id: "c", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: "Hi!" }, finish_reason: "stop" }], usage: { total_tokens: 3 } };

  it("posts to /ai/v1/chat/completions and returns the unwrapped OpenAI completion", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, completion));
    const chat = await testClient(server.baseUrl).chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }] });
    expect(chat.choices[0]?.message.content).toBe("Hi!");
    expect(server.requests[0]!.rawPath).toBe(`/client/v4/accounts/${ACCOUNT}/ai/v1/chat/completions`);
  });

  it("streams OpenAI chunks unchanged", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const chunk = (content: string) => `data: ${JSON.stringify({ object: "chat.completion.chunk", choices: [{ index: 0, delta: { content } }] })}\n\n`;
      res.end(`${chunk("Hel")}${chunk("lo")}data: [DONE]\n\n`);
    });
    const stream = await testClient(server.baseUrl).chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }], stream: true });
    expect(stream).toBeInstanceOf(EdgeAIStream);
    const parts: string[] = [];
    for await (const c of stream) parts.push(c.choices[0]?.delta?.content ?? "");
    expect(parts).toEqual(["Hel", "lo"]);
  });

  it("rejects a model id that is not a slug before sending", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, completion));
    await expect(testClient(server.baseUrl).chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] })).rejects.toMatchObject({ kind: "validation" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("embeddings.create", () => {
  it("returns the OpenAI embedding list", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, { object: "list", data: [{ object: "embedding", index: 0, embedding: [0.1, 0.2] }], model: "m" }));
    const list = await testClient(server.baseUrl).embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: "a" });
    expect(list.data[0]?.embedding).toEqual([0.1, 0.2]);
    expect(server.requests[0]!.rawPath).toMatch(/\/ai\/v1\/embeddings$/);
  });
});

describe("batch", () => {
  it("submits with queueRequest=true, polls, and returns responses in request order", async () => {
    server = await startTestServer((req, res, n) => {
      const body = JSON.parse(req.body) as Record<string, unknown>;
      if (body.requests) return sendJSON(res, 200, envelope({ status: "queued", request_id: "job-1", model: "@cf/baai/bge-base-en-v1.5" }));
      if (n < 3) return sendJSON(res, 200, envelope({ status: "running", request_id: "job-1" }));
      return sendJSON(
        res,
        200,
        envelope({
          responses: [
            { id: 1, success: true, result: { shape: [1, 1], data: [[2]] }, external_reference: "b" },
            { id: 0, success: true, result: { result: { shape: [1, 1], data: [[1]] } }, external_reference: "a" },
          ],
          usage: { prompt_tokens: 2, total_tokens: 2 },
        }),
      );
    });
    const ai = testClient(server.baseUrl);
    const job = await ai.batch.submit("@cf/baai/bge-base-en-v1.5", [
      { text: ["a"], external_reference: "a" },
      { text: ["b"], external_reference: "b" },
    ]);
    expect(job.request_id).toBe("job-1");
    expect(server.requests[0]!.rawPath).toMatch(/\/ai\/run\/@cf\/baai\/bge-base-en-v1\.5\?queueRequest=true$/);
    const done = await ai.batch.wait("@cf/baai/bge-base-en-v1.5", job.request_id, { intervalMs: 10 });
    expect(done.responses.map((r) => r.external_reference)).toEqual(["a", "b"]);
    expect(done.responses[0]?.result?.data).toEqual([[1]]);
    expect(done.usage?.total_tokens).toBe(2);
    expect(JSON.parse(server.requests[1]!.body)).toEqual({ request_id: "job-1" });
  });
});
