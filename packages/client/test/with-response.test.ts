/** `.withResponse()` on every call gives the data with its HTTP answer; errors keep their request id. */
import { afterEach, describe, expect, it } from "vitest";
import { APIError, APIPromise } from "../src/index.js";
import { testClient } from "./support/client.js";
import { envelope, failure, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const headers = { "cf-ray": "8f00aa11bb22cc33-AMS", ratelimit: '"default";r=41;t=12', "ratelimit-policy": '"default";q=300;w=60' };

describe("withResponse", () => {
  it("gives run() data with status, headers, cf-ray request id and the parsed Ratelimit", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" }), headers));
    const ai = testClient(server.baseUrl);
    const call = ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(call).toBeInstanceOf(APIPromise);
    const { data, response } = await call.withResponse();
    expect(data.response).toBe("ok");
    expect(response.status).toBe(200);
    expect(response.requestId).toBe("8f00aa11bb22cc33-AMS");
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.rateLimit).toEqual({ remaining: 41, resetSeconds: 12, quota: 300, windowSeconds: 60 });
    // Awaiting the call itself still gives the data alone.
    expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" })).response).toBe("ok");
  });

  it("is offered by chat, embeddings, models.schema, tasks, authors and batch calls too", async () => {
    server = await startTestServer((req, res) => {
      if (req.rawPath.includes("/ai/v1/chat/completions"))
        return sendJSON(res, 200, { id: "c", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }] }, headers);
      if (req.rawPath.includes("/ai/v1/embeddings")) return sendJSON(res, 200, { object: "list", data: [{ object: "embedding", index: 0, embedding: [0.1] }], model: "m" }, headers);
      if (req.rawPath.includes("/ai/models/schema")) return sendJSON(res, 200, envelope({ input: {}, output: {} }), headers);
      if (req.rawPath.includes("queueRequest")) return sendJSON(res, 200, envelope({ status: "queued", request_id: "r1", model: "m" }), headers);
      return sendJSON(res, 200, envelope([]), headers);
    });
    const ai = testClient(server.baseUrl, { validation: "off" });
    const calls = [
      ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }] }),
      ai.embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: ["a"] }),
      ai.models.schema("@cf/baai/bge-base-en-v1.5"),
      ai.tasks.list(),
      ai.authors.list(),
      ai.batch.submit("@cf/baai/bge-base-en-v1.5", [{ text: ["a"] }]),
    ];
    for (const call of calls) {
      const { response } = await call.withResponse();
      expect(response.requestId).toBe("8f00aa11bb22cc33-AMS");
      expect(response.status).toBe(200);
    }
  });

  it("rejects withResponse() like the call, and the error keeps its request id", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 400, failure(5006, "bad input"), { "cf-ray": "abc-LHR" }));
    const err = await testClient(server.baseUrl).run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }).withResponse().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIError);
    expect((err as APIError).requestId).toBe("abc-LHR");
  });

  it("keeps the request id and status of a 2xx success:false envelope on discovery and embeddings calls", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, { success: false, result: null, messages: [], errors: [{ code: 7003, message: "Could not route" }] }, { "cf-ray": "ray-2xx-FRA" }));
    const ai = testClient(server.baseUrl);
    for (const call of [() => ai.tasks.list(), () => ai.models.schema("@cf/baai/bge-base-en-v1.5"), () => ai.embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: ["a"] })]) {
      const err = (await call().catch((e: unknown) => e)) as APIError;
      expect(err).toBeInstanceOf(APIError);
      expect(err.requestId).toBe("ray-2xx-FRA");
      expect(err.status).toBe(200);
      expect(err.code).toBe(7003);
    }
  });

  it("gives every page of models.search its own response", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, { ...(envelope([{ id: "m", name: "@cf/x/y" }]) as object), result_info: { page: 1, per_page: 50, total_pages: 1 } }, headers));
    const ai = testClient(server.baseUrl, { validation: "off" });
    for await (const page of ai.models.search().pages()) {
      expect(page.response?.requestId).toBe("8f00aa11bb22cc33-AMS");
      expect(page.response?.rateLimit?.remaining).toBe(41);
    }
  });
});
