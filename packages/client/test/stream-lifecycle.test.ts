import { afterEach, describe, expect, it } from "vitest";
import { testClient } from "./support/client.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("stream lifecycle", () => {
  it("does not crash the process when a stream is never iterated and its idle limit passes", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"response":"a"}\n\n');
    });
    const ai = testClient(server.baseUrl, { streamTimeouts: { idle: 100 } });
    const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi", stream: true });
    await new Promise((r) => setTimeout(r, 1800));
    expect(stream).toBeDefined();
  });
});
