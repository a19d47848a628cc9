import { HttpResponse } from "msw";
import { interceptors, fetch as undiciFetch, request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createUndiciBridge } from "@edge-ai/mocks/undici";
import { createHandlers, scenarios, setupMockServer } from "@edge-ai/mocks/msw";

const BASE = "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/ai";
const AUTH = { authorization: "Bearer test-token", "content-type": "application/json" };

describe("undici bridge", () => {
  const dispatcher = createUndiciBridge(createHandlers());

  it("serves undici.request from the handlers without a socket", async () => {
    const res = await request(`${BASE}/run/@cf/meta/llama-3.1-8b-instruct-fast`, { method: "POST", dispatcher, headers: AUTH, body: JSON.stringify({ prompt: "hi" }) });
    expect(res.statusCode).toBe(200);
    const body = (await res.body.json() as any) as { result: { response: string } };
    expect(body.result.response.length).toBeGreaterThan(0);
  });

  it("streams SSE bodies through the dispatcher", async () => {
    const res = await request(`${BASE}/run/@cf/meta/llama-3.1-8b-instruct-fast`, { method: "POST", dispatcher, headers: AUTH, body: JSON.stringify({ prompt: "hi", stream: true }) });
    expect(res.headers["content-type"]).toBe("text/event-stream");
    expect((await res.body.text()).endsWith("data: [DONE]\n\n")).toBe(true);
  });

  it("serves undici.fetch with a dispatcher, binary bodies included", async () => {
    const res = await undiciFetch(`${BASE}/run/@cf/stabilityai/stable-diffusion-xl-base-1.0`, { method: "POST", dispatcher, headers: AUTH, body: JSON.stringify({ prompt: "x", width: 256, height: 256 }) });
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer()).subarray(1, 4)).toEqual(new TextEncoder().encode("PNG"));
  });

  it("reports a connection reset scenario as a request error", async () => {
    const bridge = createUndiciBridge([...scenarios.connectionReset(), ...createHandlers()]);
    await expect(request(`${BASE}/models/search`, { dispatcher: bridge, headers: AUTH })).rejects.toThrow(/other side closed/);
  });

  it("works under composed undici interceptors (new handler API): a retried 429 then 200", async () => {
    const composed = createUndiciBridge([...scenarios.rateLimited({ retryAfterSeconds: 0, once: true }), ...createHandlers()]).compose(
      interceptors.retry({ maxRetries: 2, minTimeout: 5, timeoutFactor: 1, statusCodes: [429], methods: ["GET"] }),
    );
    const res = await request(`${BASE}/models/search`, { dispatcher: composed, headers: AUTH });
    expect(res.statusCode).toBe(200);
    expect(((await res.body.json()) as { success: boolean }).success).toBe(true);
  });

  it("keeps the 401 of a request without a token", async () => {
    const res = await request(`${BASE}/models/search`, { dispatcher });
    expect(res.statusCode).toBe(401);
    await res.body.dump();
  });
});

describe("setupMockServer with global fetch and scenarios", () => {
  const server = setupMockServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const chat = () => fetch(`${BASE}/run/@cf/meta/llama-3.1-8b-instruct-fast`, { method: "POST", headers: AUTH, body: JSON.stringify({ prompt: "hi" }) });

  it("answers global fetch from the contract handlers", async () => {
    expect((await chat()).status).toBe(200);
  });

  it("rateLimited once: one 429 with headers, then normal answers", async () => {
    server.use(...scenarios.rateLimited({ retryAfterSeconds: 3, once: true }));
    const first = await chat();
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(first.headers.get("ratelimit-policy")).toMatch(/^"default";q=\d+;w=60$/);
    expect((await chat()).status).toBe(200);
  });

  it("quotaExhausted, capacity, unauthorized, serverError map to their statuses and codes", async () => {
    const cases = [
      [scenarios.quotaExhausted(), 429, 3036],
      [scenarios.capacity(), 429, 3040],
      [scenarios.unauthorized(), 401, 10000],
      [scenarios.serverError({ status: 503 }), 503, 3043],
    ] as const;
    for (const [handlers, status, code] of cases) {
      server.resetHandlers();
      server.use(...handlers);
      const res = await chat();
      expect(res.status).toBe(status);
      expect((await res.json() as any).errors[0].code).toBe(code);
    }
  });

  it("slowFirstByte delays the normal answer", async () => {
    server.use(...scenarios.slowFirstByte(200));
    const started = performance.now();
    expect((await chat()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("streamCut ends the stream with an error before [DONE]", async () => {
    server.use(...scenarios.streamCut({ afterChunks: 2 }));
    const res = await fetch(`${BASE}/run/@cf/meta/llama-3.1-8b-instruct-fast`, { method: "POST", headers: AUTH, body: JSON.stringify({ prompt: "hi", stream: true }) });
    await expect(res.text()).rejects.toThrow();
  });

  it("connectionReset makes fetch reject", async () => {
    server.use(...scenarios.connectionReset());
    await expect(chat()).rejects.toThrow();
  });

  it("override replaces one operation only", async () => {
    server.use(...scenarios.override("runLlama31_8bInstructFast", () => HttpResponse.json({ result: { response: "overridden" }, success: true, errors: [], messages: [] })));
    expect((await (await chat()).json() as any).result.response).toBe("overridden");
    const other = await fetch(`${BASE}/run/@cf/meta/llama-3.2-1b-instruct`, { method: "POST", headers: AUTH, body: JSON.stringify({ prompt: "hi" }) });
    expect((await other.json() as any).result.response).not.toBe("overridden");
  });

  it("scopes a scenario to one operation id", async () => {
    server.use(...scenarios.capacity({ operationId: "searchModels" }));
    expect((await fetch(`${BASE}/models/search`, { headers: AUTH })).status).toBe(429);
    expect((await chat()).status).toBe(200);
  });

  it("honours the x-emulator-fault header protocol in msw too", async () => {
    const res = await fetch(`${BASE}/models/search`, { headers: { ...AUTH, "x-emulator-fault": "html-502" } });
    expect(res.status).toBe(502);
  });
});
