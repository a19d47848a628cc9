/**
 * The client against the emulator over real sockets: every catalogued model, and every fault step of the
 * emulator's `x-emulator-fault` protocol mapped to the right error (or recovered by a retry).
 */
import { models } from "@edge-ai/contract";
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  CapacityError,
  ConnectionError,
  EdgeAIStream,
  PermissionError,
  QuotaExhaustedError,
  RateLimitError,
  ServerError,
  StreamError,
  TimeoutError,
} from "../src/index.js";
import { testClient } from "./support/client.js";
import { inputsBySchema, sampledInput } from "./support/task-inputs.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
});
afterAll(async () => {
  await emulator.close();
});

const chatModel = "@cf/meta/llama-3.1-8b-instruct-fast";
const prompt = { messages: [{ role: "user", content: "Hi" }] };
let faultKey = 0;
/** Headers asking the emulator for `steps`, keyed so only this test's requests consume them. */
const fault = (steps: string) => ({ headers: { "x-emulator-fault": steps, "x-emulator-fault-key": `client-${process.pid}-${++faultKey}` } });

describe("every catalogued model through the emulator", () => {
  for (const model of models) {
    it(`runs ${model.id} (${model.taskName}) and gets a result that passes the contract`, async () => {
      const input = inputsBySchema[model.inputSchemaName] ?? sampledInput(model.id);
      expect(input, `no test input for ${model.inputSchemaName}`).toBeDefined();
      const ai = testClient(emulator.url, { validation: "tolerant" });
      const out = (await ai.run(model.id as never, input as never)) as unknown;
      if (model.outputMedia === "application/json") {
        expect(out).not.toBeUndefined();
        expect(out).not.toBeInstanceOf(EdgeAIStream);
      } else {
        const bin = out as { contentType: string; bytes: Uint8Array };
        expect(bin.contentType).toBe(model.outputMedia);
        expect(bin.bytes.byteLength).toBeGreaterThan(8);
      }
    });
  }

  it("streams every streaming-capable text model to [DONE]", async () => {
    const ai = testClient(emulator.url);
    for (const model of models.filter((m) => m.capabilities.streaming)) {
      const stream = await ai.run(model.id as never, { ...prompt, stream: true } as never);
      const text = await (stream as EdgeAIStream<{ response: string }>).text();
      expect(text.length, model.id).toBeGreaterThan(0);
    }
  });
});

describe("emulator faults map to typed errors", () => {
  const ai = () => testClient(emulator.url, { maxRetries: 0 });

  it("rate-limit -> RateLimitError with the parsed Retry-After", async () => {
    const err = (await ai().run(chatModel, prompt, fault("rate-limit:7")).catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(7000);
  });

  it("quota -> QuotaExhaustedError (3036), capacity -> CapacityError (3040)", async () => {
    await expect(ai().run(chatModel, prompt, fault("quota"))).rejects.toMatchObject({ kind: "quota_exhausted", code: 3036 });
    await expect(ai().run(chatModel, prompt, fault("capacity"))).rejects.toBeInstanceOf(CapacityError);
  });

  it("unauthorized -> AuthenticationError, forbidden -> PermissionError", async () => {
    await expect(ai().run(chatModel, prompt, fault("unauthorized"))).rejects.toBeInstanceOf(AuthenticationError);
    await expect(ai().run(chatModel, prompt, fault("forbidden"))).rejects.toBeInstanceOf(PermissionError);
  });

  it("server-error:503 and html-502 -> ServerError", async () => {
    await expect(ai().run(chatModel, prompt, fault("server-error:503"))).rejects.toMatchObject({ status: 503, kind: "server" });
    const html = (await ai().run(chatModel, prompt, fault("html-502")).catch((e: unknown) => e)) as ServerError;
    expect(html).toBeInstanceOf(ServerError);
    expect(html.status).toBe(502);
    expect(html.message.length).toBeLessThan(120);
  });

  it("slow-first-byte beyond the limit -> TimeoutError", async () => {
    const client = testClient(emulator.url, { maxRetries: 0, timeout: 200, streamTimeouts: { firstByte: 200 } });
    await expect(client.run(chatModel, prompt, fault("slow-first-byte:1500"))).rejects.toBeInstanceOf(TimeoutError);
  });

  it("stream-cut -> StreamError(truncated) after the chunks that did arrive", async () => {
    const stream = await ai().run(chatModel, { ...prompt, stream: true }, fault("stream-cut:2"));
    const received: unknown[] = [];
    const err = await (async () => {
      for await (const chunk of stream) received.push(chunk);
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StreamError);
    expect((err as StreamError).reason).toBe("truncated");
    expect(received).toHaveLength(2);
  });

  it("reset -> ConnectionError", async () => {
    await expect(ai().run(chatModel, prompt, fault("reset"))).rejects.toBeInstanceOf(ConnectionError);
  });

  it("json-for-stream -> one chunk holding the whole answer", async () => {
    const stream = await ai().run(chatModel, { ...prompt, stream: true }, fault("json-for-stream"));
    const chunks = [];
    for await (const c of stream) chunks.push(c);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.response.length).toBeGreaterThan(0);
  });
});

describe("retries against the emulator", () => {
  it("recovers from rate-limit, capacity, 5xx and reset within the retry budget", async () => {
    const client = testClient(emulator.url, { maxRetries: 4, retry: { initialDelayMs: 20, maxDelayMs: 50 } });
    const options = fault("rate-limit:0,capacity,server-error:502,reset");
    const out = await client.run(chatModel, prompt, options);
    expect(typeof out.response).toBe("string");
    // Attempts counted on the emulator's side: four faults, then the answer.
    const key = options.headers["x-emulator-fault-key"];
    const stats = (await (await fetch(`${emulator.url.replace(/\/client\/v4$/, "")}/__emulator/requests?key=${encodeURIComponent(key)}`)).json()) as { count: number };
    expect(stats.count).toBe(5);
  });

  it("does not retry the daily quota", async () => {
    const client = testClient(emulator.url, { maxRetries: 3 });
    await expect(client.run(chatModel, prompt, fault("quota,none"))).rejects.toBeInstanceOf(QuotaExhaustedError);
  });

  it("retries a stream that fails before its first byte but not one that broke mid-way", async () => {
    const client = testClient(emulator.url, { maxRetries: 2, retry: { initialDelayMs: 10, maxDelayMs: 10 } });
    const ok = await client.run(chatModel, { ...prompt, stream: true }, fault("server-error"));
    expect((await ok.text()).length).toBeGreaterThan(0);
    const cut = await client.run(chatModel, { ...prompt, stream: true }, fault("stream-cut:1"));
    await expect(cut.text()).rejects.toBeInstanceOf(StreamError);
  });
});

describe("a stream cut with no grace, read by a consumer slower than the cut", () => {
  // Paced emulator: each event is its own write, and the cut comes right after the last one, so several events
  // wait in the client while the consumer is busy with the first.
  let paced: RunningEmulator;
  beforeAll(async () => {
    paced = await startEmulator({ port: 0, quiet: true, rateLimits: false, pacingMs: 5, streamCutGraceMs: 0 });
  });
  afterAll(async () => {
    await paced.close();
  });

  for (const [name, transport] of [
    ["undici", {}],
    ["fetch", { fetch: (url: string, init: RequestInit) => fetch(url, init) }],
  ] as const) {
    it(`hands over every event sent before the cut (${name} transport), then StreamError(truncated)`, async () => {
      const stream = await testClient(paced.url, { maxRetries: 0, ...transport }).run(chatModel, { ...prompt, stream: true }, fault("stream-cut:4"));
      const received: unknown[] = [];
      const err = await (async () => {
        for await (const chunk of stream) {
          received.push(chunk);
          if (received.length === 1) await new Promise((r) => setTimeout(r, 100));
        }
      })().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StreamError);
      expect((err as StreamError).reason).toBe("truncated");
      expect(received).toHaveLength(4);
    });
  }
});
