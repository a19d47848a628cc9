import { afterEach, describe, expect, it } from "vitest";
import { AbortError, CapacityError, ConnectionError, QuotaExhaustedError, RateLimitError, ServerError, UnknownModelError } from "../src/index.js";
import { testClient } from "./support/client.js";
import { envelope, failure, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = "@cf/meta/llama-3.1-8b-instruct-fast";
const input = { prompt: "Hi" };

describe("retries", () => {
  it("retries 5xx with growing backoff and re-sends the same body", async () => {
    server = await startTestServer((_req, res, n) => (n < 2 ? sendJSON(res, 503, failure(undefined, "busy")) : sendJSON(res, 200, envelope({ response: "ok" }))));
    const ai = testClient(server.baseUrl, { retry: { initialDelayMs: 60, maxDelayMs: 1000 } });
    const out = await ai.run(model, input);
    expect(out.response).toBe("ok");
    const [a, b, c] = server.requests;
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    // 60 ms then 120 ms, each minus up to 25% jitter
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(44);
    expect(c!.at - b!.at).toBeGreaterThanOrEqual(89);
  });

  it("honours retry-after-ms on a 429 and exposes the parsed hint on the error", async () => {
    server = await startTestServer((_req, res, n) =>
      n === 0 || n === 2 ? sendJSON(res, 429, failure(undefined, "slow down"), { "retry-after-ms": "150" }) : sendJSON(res, 200, envelope({ response: "ok" })),
    );
    const ai = testClient(server.baseUrl);
    await ai.run(model, input);
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(145);

    const err = (await testClient(server.baseUrl, { maxRetries: 0 }).run(model, input).catch((e: unknown) => e)) as RateLimitError;
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.retryAfterMs).toBe(150);
  });

  it("gives up with the typed error after maxRetries", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 429, failure(3040, "capacity temporarily exceeded"), { "cf-ray": "abc-AMS" }));
    const ai = testClient(server.baseUrl, { maxRetries: 1 });
    const err = (await ai.run(model, input).catch((e: unknown) => e)) as CapacityError;
    expect(err).toBeInstanceOf(CapacityError);
    expect(err.kind).toBe("capacity");
    expect(err.requestId).toBe("abc-AMS");
    expect(server.requests).toHaveLength(2);
  });

  it("never retries the daily quota (3036) or other 4xx", async () => {
    server = await startTestServer((req, res) =>
      req.rawPath.includes("quota") ? sendJSON(res, 429, failure(3036, "daily free allocation used")) : sendJSON(res, 400, failure(7000, "No route for that URI")),
    );
    const ai = testClient(server.baseUrl);
    await expect(ai.runUnknown("@cf/acme/quota", {})).rejects.toBeInstanceOf(QuotaExhaustedError);
    await expect(ai.runUnknown("@cf/acme/other", {})).rejects.toBeInstanceOf(UnknownModelError);
    expect(server.requests).toHaveLength(2);
  });

  it("lets a per-call maxRetries override the client default", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 500, failure(undefined, "oops")));
    const ai = testClient(server.baseUrl, { maxRetries: 5 });
    await expect(ai.run(model, input, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("turns a refused connection into a ConnectionError after retrying", async () => {
    const dead = await startTestServer(() => undefined);
    const url = dead.baseUrl;
    await dead.close();
    const ai = testClient(url, { maxRetries: 1 });
    const err = (await ai.run(model, input).catch((e: unknown) => e)) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.kind).toBe("connection");
    expect(err.systemCode).toBe("ECONNREFUSED");
  });

  it("aborts during a backoff wait with AbortError", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 503, failure(undefined, "busy")));
    // A backoff far longer than the test's own time limit: only an interrupted wait lets the test finish.
    const ai = testClient(server.baseUrl, { retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await ai.run(model, input, { signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});
