import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/emulator/server.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const MODEL = "@cf/baai/bge-base-en-v1.5";

let emu: RunningEmulator;
let origin: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true, rateLimits: false });
  origin = `http://127.0.0.1:${emu.port}`;
});
afterAll(() => emu.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("emulator: the AI Gateway form /v1/{account}/{gateway}/workers-ai/...", () => {
  it("runs a model with the same answer as /client/v4 and a MISS, then serves the repeat from cache as a HIT", async () => {
    const input = { text: [`gateway cache ${Math.random()}`] };
    const direct = await post(`/client/v4/accounts/${ACCOUNT}/ai/run/${MODEL}`, input);
    const first = await post(`/v1/${ACCOUNT}/gw-a/workers-ai/${MODEL}`, input);
    const second = await post(`/v1/${ACCOUNT}/gw-a/workers-ai/${MODEL}`, input);
    expect(first.status).toBe(200);
    expect(first.headers.get("cf-aig-cache-status")).toBe("MISS");
    expect(second.headers.get("cf-aig-cache-status")).toBe("HIT");
    const [d, a, b] = await Promise.all([direct.json(), first.json(), second.json()]);
    expect(a).toEqual(d);
    expect(b).toEqual(a);
    expect(first.headers.get("cf-aig-log-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("cf-aig-log-id")).not.toBe(first.headers.get("cf-aig-log-id"));
  });

  it("keys the cache per gateway, per body, and by cf-aig-cache-key when given", async () => {
    const input = { text: [`keys ${Math.random()}`] };
    await post(`/v1/${ACCOUNT}/gw-b/workers-ai/${MODEL}`, input);
    expect((await post(`/v1/${ACCOUNT}/gw-c/workers-ai/${MODEL}`, input)).headers.get("cf-aig-cache-status")).toBe("MISS");
    expect((await post(`/v1/${ACCOUNT}/gw-b/workers-ai/${MODEL}`, { text: ["other"] })).headers.get("cf-aig-cache-status")).toBe("MISS");
    const key = `k-${Math.random()}`;
    await post(`/v1/${ACCOUNT}/gw-b/workers-ai/${MODEL}`, { text: ["one"] }, { "cf-aig-cache-key": key });
    const hit = await post(`/v1/${ACCOUNT}/gw-b/workers-ai/${MODEL}`, { text: ["two"] }, { "cf-aig-cache-key": key });
    expect(hit.headers.get("cf-aig-cache-status")).toBe("HIT");
  });

  it("bypasses the cache with cf-aig-skip-cache: true and does not store that answer", async () => {
    const input = { text: [`skip ${Math.random()}`] };
    const skipped = await post(`/v1/${ACCOUNT}/gw-d/workers-ai/${MODEL}`, input, { "cf-aig-skip-cache": "true" });
    expect(skipped.headers.get("cf-aig-cache-status")).toBe("MISS");
    expect((await post(`/v1/${ACCOUNT}/gw-d/workers-ai/${MODEL}`, input)).headers.get("cf-aig-cache-status")).toBe("MISS");
    expect((await post(`/v1/${ACCOUNT}/gw-d/workers-ai/${MODEL}`, input, { "cf-aig-skip-cache": "true" })).headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("serves the OpenAI-compatible form /workers-ai/v1/chat/completions", async () => {
    const body = { model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: `hi ${Math.random()}` }] };
    const res = await post(`/v1/${ACCOUNT}/gw-e/workers-ai/v1/chat/completions`, body);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { object: string }).object).toBe("chat.completion");
    expect((await post(`/v1/${ACCOUNT}/gw-e/workers-ai/v1/chat/completions`, body)).headers.get("cf-aig-cache-status")).toBe("HIT");
  });

  it("never caches errors: a 401 from the provider is answered again, not replayed", async () => {
    const input = { text: ["no token"] };
    const noToken = { authorization: "" };
    const a = await post(`/v1/${ACCOUNT}/gw-f/workers-ai/${MODEL}`, input, noToken);
    const b = await post(`/v1/${ACCOUNT}/gw-f/workers-ai/${MODEL}`, input, noToken);
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(b.headers.get("cf-aig-cache-status")).toBe("MISS");
  });

  it("an authenticated gateway (id ending in -auth) refuses a request without cf-aig-authorization: 401 / 2009", async () => {
    const res = await post(`/v1/${ACCOUNT}/team-auth/workers-ai/${MODEL}`, { text: ["x"] });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, errors: [{ code: 2009 }] });
    const ok = await post(`/v1/${ACCOUNT}/team-auth/workers-ai/${MODEL}`, { text: ["x"] }, { "cf-aig-authorization": "Bearer gw-token" });
    expect(ok.status).toBe(200);
  });

  it("omits the log id when cf-aig-collect-log is false, and answers 404 for a provider it does not emulate", async () => {
    const res = await post(`/v1/${ACCOUNT}/gw-g/workers-ai/${MODEL}`, { text: ["nolog"] }, { "cf-aig-collect-log": "false" });
    expect(res.headers.get("cf-aig-log-id")).toBeNull();
    expect(res.headers.get("cf-aig-event-id")).not.toBeNull();
    expect((await post(`/v1/${ACCOUNT}/gw-g/openai/chat/completions`, {})).status).toBe(404);
  });

  it("keeps the API's own errors for a malformed account id (7003) and streams through the gateway", async () => {
    const bad = await post(`/v1/not-an-account/gw/workers-ai/${MODEL}`, { text: ["x"] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { code: number }[] }).errors[0]!.code).toBe(7003);
    const stream = await post(`/v1/${ACCOUNT}/gw-h/workers-ai/@cf/meta/llama-3.1-8b-instruct-fast`, { prompt: "hi", stream: true });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(await stream.text()).toContain("data: [DONE]");
  });
});
