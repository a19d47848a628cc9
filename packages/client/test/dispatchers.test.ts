/** A caller's own undici 6 or 7 dispatcher is accepted, by the types and at run time. */
import { Agent as Agent7, MockAgent } from "undici";
import { Agent as Agent6 } from "undici6";
import { afterEach, describe, expect, it } from "vitest";
import { EdgeAI, type DispatcherLike } from "../src/index.js";
import { ACCOUNT, TOKEN } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("dispatchers from undici 6 and 7", () => {
  for (const [name, make] of [
    ["undici 6 Agent", () => new Agent6()],
    ["undici 7 Agent", () => new Agent7()],
  ] as const) {
    it(`runs a call through a caller's ${name}`, async () => {
      server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
      const dispatcher = make();
      // Type-checked by tsc: both majors' Agents are DispatcherLike without a cast.
      const ai = new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: server.baseUrl, dispatcher });
      expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" })).response).toBe("ok");
      await ai.close();
      await dispatcher.close();
    });
  }

  it("accepts a MockAgent as a DispatcherLike", () => {
    const mock: DispatcherLike = new MockAgent();
    expect(typeof mock.request).toBe("function");
  });
});
