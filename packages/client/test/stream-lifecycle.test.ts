/**
 * A stream owns a connection until it is read to the end, cancelled, disposed, or its client is closed; events
 * that arrived before a socket cut are handed over even if the consumer was slower than the cut.
 */
import type { ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { AbortError, StreamError } from "../src/index.js";
import { testClient, transports } from "./support/client.js";
import { startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = "@cf/meta/llama-3.1-8b-instruct-fast";

/** A server whose streams send one event and then stay open; `closed` resolves when the client lets go. */
async function openStreamServer() {
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    onClosed = resolve;
  });
  server = await startTestServer((_req, res: ServerResponse) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write('data: {"response":"a"}\n\n');
    res.on("close", onClosed);
  });
  return { closed, baseUrl: server.baseUrl };
}

for (const [name, transport] of transports) {
  describe(`stream release (${name} transport)`, () => {
    it("cancel() releases the connection of a stream that was never iterated, and close() then resolves", async () => {
      const { closed, baseUrl } = await openStreamServer();
      const ai = testClient(baseUrl, { ...transport, streamTimeouts: { idle: 0 } });
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      await stream.cancel();
      await closed;
      await ai.close();
      const after: unknown[] = [];
      for await (const c of stream) after.push(c);
      expect(after).toEqual([]);
    });

    it("cancel() of a stream whose body arrived but was never read raises no unhandled error", async () => {
      server = await startTestServer((_req, res: ServerResponse) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('data: {"response":"a"}\n\n');
      });
      const stray: unknown[] = [];
      const record = (err: unknown) => stray.push(err);
      process.on("uncaughtException", record);
      process.on("unhandledRejection", record);
      try {
        const ai = testClient(server.baseUrl, { ...transport, streamTimeouts: { idle: 0 } });
        const stream = await ai.run(model, { prompt: "Hi", stream: true });
        await delay(20); // let the whole body land in the socket buffer unread
        await stream.cancel();
        // A destroyed body reports its error on a later turn (undici defers it with setImmediate).
        for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
        await ai.close();
      } finally {
        process.off("uncaughtException", record);
        process.off("unhandledRejection", record);
      }
      expect(stray).toEqual([]);
    });

    it("Symbol.asyncDispose releases the connection like cancel()", async () => {
      const { closed, baseUrl } = await openStreamServer();
      const ai = testClient(baseUrl, { ...transport, streamTimeouts: { idle: 0 } });
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      await stream[Symbol.asyncDispose]();
      await closed;
      await ai.close();
    });

    it("close() ends open streams instead of waiting for them; a reader then gets an AbortError", async () => {
      const { closed, baseUrl } = await openStreamServer();
      const ai = testClient(baseUrl, { ...transport, streamTimeouts: { idle: 0 } });
      const stream = await ai.run(model, { prompt: "Hi", stream: true });
      await ai.close();
      await closed;
      const err = await stream.text().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AbortError);
    });
  });
}

for (const [name, transport] of transports) describe(`events received before a socket cut (${name} transport)`, () => {
  it("hands over every event that arrived before the cut, even to a consumer slower than the cut", async () => {
    let cut: () => void = () => undefined;
    const wasCut = new Promise<void>((resolve) => {
      cut = resolve;
    });
    server = await startTestServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      // Separate packets, so several chunks wait in the client's buffer when the cut arrives.
      for (let i = 0; i < 5; i++) await new Promise<void>((r) => res.write(`data: {"response":"${i}"}\n\n`, () => setTimeout(r, 5)));
      res.socket?.destroy();
      cut();
    });
    const stream = await testClient(server.baseUrl, transport).run(model, { prompt: "Hi", stream: true });
    const seen: string[] = [];
    const err = await (async () => {
      for await (const c of stream) {
        seen.push(c.response);
        // Fall behind: the cut reaches the client while events are still waiting to be read.
        if (seen.length === 1) {
          await wasCut;
          await delay(50);
        }
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["0", "1", "2", "3", "4"]);
    expect(err).toBeInstanceOf(StreamError);
    expect((err as StreamError).reason).toBe("truncated");
  });
});
