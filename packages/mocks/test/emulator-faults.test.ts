import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sseData, startTestEmulator, type TestEmulator } from "./support/emulator.js";

const CHAT = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

const chat = (fault: string, extra: Record<string, string> = {}, body: object = { prompt: "hi" }) =>
  emu.call(CHAT, { json: body, headers: { "x-emulator-fault": fault, ...extra } });

describe("fault header steps", () => {
  it("none answers normally", async () => {
    expect((await chat("none")).status).toBe(200);
  });

  it("rate-limit answers 429 with Retry-After and Ratelimit headers", async () => {
    const res = await chat("rate-limit:2");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(res.headers.get("ratelimit")).toBe('"default";r=0;t=2');
    expect(res.headers.get("ratelimit-policy")).toMatch(/^"default";q=\d+;w=60$/);
    expect((await res.json() as any).success).toBe(false);
  });

  it("quota and capacity answer 429 with codes 3036 and 3040", async () => {
    const quota = await chat("quota");
    const capacity = await chat("capacity");
    expect([quota.status, capacity.status]).toEqual([429, 429]);
    expect((await quota.json() as any).errors[0].code).toBe(3036);
    expect((await capacity.json() as any).errors[0].code).toBe(3040);
  });

  it("unauthorized and forbidden answer 401 and 403", async () => {
    const a = await chat("unauthorized");
    const f = await chat("forbidden");
    expect([a.status, f.status]).toEqual([401, 403]);
    expect((await a.json() as any).errors[0].code).toBe(10000);
  });

  it("server-error answers a 5xx envelope, 500 by default", async () => {
    expect((await chat("server-error")).status).toBe(500);
    const res = await chat("server-error:503");
    expect(res.status).toBe(503);
    expect((await res.json() as any).success).toBe(false);
  });

  it("server-timeout answers 408 with a Cloudflare envelope, code 3007, and counts per key", async () => {
    const key = `st-${Date.now()}`;
    const first = await chat("server-timeout,none", { "x-emulator-fault-key": key });
    expect(first.status).toBe(408);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(await first.json()).toMatchObject({ result: null, success: false, errors: [{ code: 3007 }] });
    expect((await chat("server-timeout,none", { "x-emulator-fault-key": key })).status).toBe(200);
  });

  it("html-502 answers a proxy's HTML page", async () => {
    const res = await chat("html-502");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toContain("<title>502 Bad Gateway</title>");
  });

  it("slow-first-byte delays the status line", async () => {
    const started = performance.now();
    const res = await chat("slow-first-byte:250");
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it("stream-cut ends the stream after N events without [DONE]", async () => {
    const res = await chat("stream-cut:2", {}, { prompt: "hi", stream: true });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = "";
    let failed = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
    } catch {
      failed = true;
    }
    expect(failed).toBe(true);
    expect(sseData(text)).toHaveLength(2);
    expect(text).not.toContain("[DONE]");
  });

  it("stream-cut also cuts a paced stream after exactly N events", async () => {
    const paced = await startTestEmulator({ rateLimits: false, pacingMs: 10 });
    try {
      const res = await paced.call(CHAT, { json: { prompt: "hi", stream: true }, headers: { "x-emulator-fault": "stream-cut:3" } });
      const reader = res.body!.getReader();
      let text = "";
      await expect((async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
        }
      })()).rejects.toThrow();
      expect(sseData(text)).toHaveLength(3);
    } finally {
      await paced.close();
    }
  });

  it("reset destroys the connection before any answer", async () => {
    await expect(chat("reset")).rejects.toThrow();
    expect((await chat("none")).status).toBe(200);
  });

  it("json-for-stream answers a stream request with a JSON envelope", async () => {
    const res = await chat("json-for-stream", {}, { prompt: "hi", stream: true });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(typeof (await res.json() as any).result.response).toBe("string");
  });

  it("rejects an unknown step with a 400 naming it", async () => {
    const res = await chat("explode");
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0].message).toContain('"explode"');
  });

  it("walks the steps per key and reports attempts with timestamps", async () => {
    const key = `k-${Math.random()}`;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await chat("rate-limit:1,capacity,none", { "x-emulator-fault-key": key })).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    const stats = await (await fetch(`${emu.url.replace("/client/v4", "")}/__emulator/requests?key=${key}`)).json() as any;
    expect(stats.key).toBe(key);
    expect(stats.count).toBe(4);
    expect(stats.timestamps).toHaveLength(4);
    expect(stats.timestamps[3]).toBeGreaterThanOrEqual(stats.timestamps[0]);
    await fetch(`${emu.url.replace("/client/v4", "")}/__emulator/requests`, { method: "DELETE" });
    expect((await (await fetch(`${emu.url.replace("/client/v4", "")}/__emulator/requests?key=${key}`)).json() as any).count).toBe(0);
  });
});

describe("global faults, rate limits, neuron budget, tokens", () => {
  it("injects seeded global faults at the configured rate", async () => {
    const faulty = await startTestEmulator({ rateLimits: false, faultRate: 0.5, faults: ["capacity"], seed: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await faulty.call(CHAT, { json: { prompt: `q${i}` } })).status);
      const failures = statuses.filter((s) => s === 429).length;
      expect(failures).toBeGreaterThan(8);
      expect(failures).toBeLessThan(32);
      expect(statuses.filter((s) => s !== 429 && s !== 200)).toEqual([]);
    } finally {
      await faulty.close();
    }
  });

  it("limits text generation to 300 requests per minute with Ratelimit headers, then 429", async () => {
    const limited = await startTestEmulator({ rateLimits: true });
    try {
      const first = await limited.call(CHAT, { json: { prompt: "hi" } });
      expect(first.headers.get("ratelimit")).toMatch(/^"default";r=299;t=\d+$/);
      expect(first.headers.get("ratelimit-policy")).toBe('"default";q=300;w=60');
      for (let i = 0; i < 299; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, 299 - i) }, () => limited.call(CHAT, { json: { prompt: "hi" } }).then((r) => r.arrayBuffer())));
      }
      const over = await limited.call(CHAT, { json: { prompt: "hi" } });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(over.headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
      // A per-model exception (the @hf mistral-7b-instruct-v0.1-awq: 400/min, limits page) has its own window.
      const mistral = await limited.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@hf/thebloke/mistral-7b-instruct-v0.1-awq", { json: { prompt: "hi" } });
      expect(mistral.status).toBe(200);
      expect(mistral.headers.get("ratelimit-policy")).toBe('"default";q=400;w=60');
      // Another task has its own window.
      expect((await limited.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/baai/bge-base-en-v1.5", { json: { text: "x" } })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it("serves repeats from the answer memo with identical bytes while limits and faults still apply", async () => {
    const limited = await startTestEmulator({ rateLimits: true });
    try {
      const send = (headers: Record<string, string> = {}) => limited.call(CHAT, { json: { prompt: "memo" }, headers });
      const a = await send();
      const b = await send();
      expect(await b.text()).toBe(await a.text());
      expect(a.headers.get("ratelimit")).toMatch(/r=299;/);
      expect(b.headers.get("ratelimit")).toMatch(/r=298;/);
      expect((await send({ "x-emulator-fault": "capacity" })).status).toBe(429);
      const xml = await limited.call(CHAT, { method: "POST", body: JSON.stringify({ prompt: "memo" }), headers: { "content-type": "application/xml" } });
      expect(xml.status).toBe(415);
    } finally {
      await limited.close();
    }
  });

  it("answers 3036 once the daily neuron budget is used up", async () => {
    const budgeted = await startTestEmulator({ rateLimits: false, neuronBudget: 5 });
    try {
      expect((await budgeted.call(CHAT, { json: { prompt: "hi" } })).status).toBe(200);
      const res = await budgeted.call(CHAT, { json: { prompt: "hi" } });
      expect(res.status).toBe(429);
      expect((await res.json() as any).errors[0].code).toBe(3036);
    } finally {
      await budgeted.close();
    }
  });

  it("accepts only the configured tokens when --token is given", async () => {
    const strict = await startTestEmulator({ tokens: ["good"] });
    try {
      const bad = await strict.call("/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search", { headers: { authorization: "Bearer bad" } });
      const good = await strict.call("/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search", { headers: { authorization: "Bearer good" } });
      expect([bad.status, good.status]).toEqual([401, 200]);
    } finally {
      await strict.close();
    }
  });
});
