/**
 * A non-streaming answer is only a success once its whole body has arrived: a reset or a stall after a 2xx's
 * headers is retried like any other transient failure. Numbers that would make the retry loop or the timers
 * misbehave are refused before anything is sent.
 */
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { type ClientOptions, TimeoutError, ValidationError } from "../src/index.js";
import { testClient, transports } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = "@cf/meta/llama-3.1-8b-instruct-fast";

for (const [name, transport] of transports) {
  describe(`failures after the headers (${name} transport)`, () => {
    it("retries a 200 whose connection is reset mid-body and returns the next full answer", async () => {
      server = await startTestServer((_req, res, n) => {
        if (n > 0) return sendJSON(res, 200, envelope({ response: "whole" }));
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"result":{"response":"hal');
        setTimeout(() => res.socket?.destroy(), 20);
      });
      const out = await testClient(server.baseUrl, transport).run(model, { prompt: "Hi" });
      expect(out.response).toBe("whole");
      expect(server.requests).toHaveLength(2);
    });

    it("retries a 200 whose body stalls past the timeout", async () => {
      server = await startTestServer((_req, res, n) => {
        if (n > 0) return sendJSON(res, 200, envelope({ response: "whole" }));
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"result":{"response":"hal');
      });
      const out = await testClient(server.baseUrl, { ...transport, timeout: 200 }).run(model, { prompt: "Hi" });
      expect(out.response).toBe("whole");
      expect(server.requests).toHaveLength(2);
    });

    it("marks a stream that stalls after its first chunk as a non-retryable TimeoutError", async () => {
      server = await startTestServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write('data: {"response":"first"}\n\n');
      });
      const stream = await testClient(server.baseUrl, { ...transport, streamTimeouts: { idle: 150 } }).run(model, { prompt: "Hi", stream: true });
      const err = await (async () => {
        for await (const _ of stream);
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).retryable).toBe(false);
    });
  });
}

describe("numbers checked before sending", () => {
  const bad: [string, Partial<ClientOptions>][] = [
    ["maxRetries", { maxRetries: Number.POSITIVE_INFINITY }],
    ["maxRetries", { maxRetries: Number.NaN }],
    ["maxRetries", { maxRetries: -1 }],
    ["maxRetries", { maxRetries: 1.5 }],
    ["retry.maxRetries", { retry: { maxRetries: Number.POSITIVE_INFINITY } }],
    ["retry.initialDelayMs", { retry: { initialDelayMs: -5 } }],
    ["timeout", { timeout: Number.NaN }],
    ["timeout", { timeout: -1 }],
    ["timeout", { timeout: "300" as unknown as number }],
    ["streamTimeouts.idle", { streamTimeouts: { idle: Number.NaN } }],
    ["streamTimeouts.firstByte", { streamTimeouts: { firstByte: -10 } }],
  ];
  for (const [path, options] of bad) {
    it(`refuses client option ${inspect(options)} with a ValidationError naming ${path}`, () => {
      let err: unknown;
      try {
        testClient("http://127.0.0.1:9/client/v4", options);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
    });
  }

  const perCall: [string, Record<string, unknown>][] = [
    ["maxRetries", { maxRetries: Number.POSITIVE_INFINITY }],
    ["maxRetries", { maxRetries: -2 }],
    ["timeout", { timeout: Number.NaN }],
    ["timeout", { timeout: -300 }],
    ["streamTimeouts.idle", { streamTimeouts: { idle: "5" } }],
  ];
  for (const [path, options] of perCall) {
    it(`refuses per-call ${inspect(options)} with a ValidationError naming ${path} before sending`, async () => {
      server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
      const err = await testClient(server.baseUrl).run(model, { prompt: "Hi" }, options).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues.map((i) => i.path)).toContain(path);
      expect(server.requests).toHaveLength(0);
    });
  }

  it("turns an argument undici refuses into a non-retried ValidationError", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    const err = await testClient(server.baseUrl, { maxRetries: 3 })
      .run(model, { prompt: "Hi" }, { headers: { "x-bad": "line\nbreak" } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).retryable).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});
