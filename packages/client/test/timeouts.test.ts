import { afterEach, describe, expect, it } from "vitest";
import { AbortError, StreamError, TimeoutError } from "../src/index.js";
import { testClient, transports } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = "@cf/meta/llama-3.1-8b-instruct-fast";

for (const [name, transport] of transports) {
  describe(`timeouts and cancellation (${name} transport)`, () => {
    it("fails a silent server with TimeoutError(total) after the configured timeout, then retries", async () => {
      server = await startTestServer(() => undefined);
      const ai = testClient(server.baseUrl, { ...transport, timeout: 150, maxRetries: 1 });
      const err = (await ai.run(model, { prompt: "Hi" }).catch((e: unknown) => e)) as TimeoutError;
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.phase).toBe("total");
      expect(err.kind).toBe("timeout");
      expect(err.timeoutMs).toBe(150);
      expect(server.requests).toHaveLength(2);
    });

    it("fails a stream whose headers never come with TimeoutError(first_byte)", async () => {
      server = await startTestServer(() => undefined);
      const ai = testClient(server.baseUrl, { ...transport, streamTimeouts: { firstByte: 150 }, maxRetries: 0 });
      const err = (await ai.run(model, { prompt: "Hi", stream: true }).catch((e: unknown) => e)) as TimeoutError;
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.phase).toBe("first_byte");
    });

    it("fails a stream that stalls between chunks with TimeoutError(idle) and does not retry it", async () => {
      server = await startTestServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('data: {"response":"first"}\n\n');
      });
      const ai = testClient(server.baseUrl, { ...transport, streamTimeouts: { idle: 150 } });
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      const seen: string[] = [];
      const err = await (async () => {
        for await (const c of stream) seen.push(c.response);
      })().catch((e: unknown) => e);
      expect(seen).toEqual(["first"]);
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).phase).toBe("idle");
      expect(server.requests).toHaveLength(1);
    });

    it("keeps a slow but steady stream alive past the total timeout", async () => {
      server = await startTestServer(async (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        for (let i = 0; i < 5; i++) {
          res.write(`data: {"response":"${i}"}\n\n`);
          await new Promise((r) => setTimeout(r, 60));
        }
        res.end("data: [DONE]\n\n");
      });
      const ai = testClient(server.baseUrl, { ...transport, timeout: 100, streamTimeouts: { idle: 200 } });
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      expect(await stream.text()).toBe("01234");
    });

    it("aborts an in-flight request with AbortError when the caller's signal fires", async () => {
      server = await startTestServer(() => undefined);
      const ai = testClient(server.baseUrl, transport);
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("user went away")), 80);
      const err = (await ai.run(model, { prompt: "Hi" }, { signal: controller.signal }).catch((e: unknown) => e)) as AbortError;
      expect(err).toBeInstanceOf(AbortError);
      expect(err.kind).toBe("abort");
      expect(server.requests).toHaveLength(1);
    });

    it("ends a running stream with AbortError when the caller aborts mid-way", async () => {
      server = await startTestServer(async (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        for (let i = 0; i < 50 && !res.destroyed; i++) {
          res.write(`data: {"response":"${i}"}\n\n`);
          await new Promise((r) => setTimeout(r, 20));
        }
        res.end("data: [DONE]\n\n");
      });
      const ai = testClient(server.baseUrl, transport);
      const controller = new AbortController();
      const stream = await ai.run(model, { prompt: "Hi", stream: true }, { signal: controller.signal });
      let n = 0;
      const err = await (async () => {
        for await (const _ of stream) if (++n === 3) controller.abort();
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AbortError);
      expect(n).toBeLessThan(10);
    });

    it("rejects at once when the signal is already aborted", async () => {
      server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "x" })));
      const ai = testClient(server.baseUrl, transport);
      await expect(ai.run(model, { prompt: "Hi" }, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    });

    it("reports a stream cut before [DONE] as StreamError(truncated)", async () => {
      server = await startTestServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"response":"half"}\n\n');
      });
      const ai = testClient(server.baseUrl, transport);
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      await expect(stream.text()).rejects.toBeInstanceOf(StreamError);
    });
  });
}
