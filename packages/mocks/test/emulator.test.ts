import { schemas } from "@edge-ai/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePng } from "./support/image-checks.js";
import { sseData, startTestEmulator, type TestEmulator } from "./support/emulator.js";

const CHAT = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";
const z = schemas as unknown as Record<string, { parse(v: unknown): unknown }>;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: false });
});
afterAll(() => emu.close());

describe("emulator routing and errors", () => {
  it("prints its URL under /client/v4 on 127.0.0.1", () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
  });

  it("requires a bearer token (401 / 10000)", async () => {
    const res = await fetch(`${emu.url}/accounts/0123456789abcdef0123456789abcdef/ai/models/search`);
    expect(res.status).toBe(401);
    expect(await res.json() as any).toMatchObject({ success: false, result: null, errors: [{ code: 10000 }] });
  });

  it("does not route a percent-encoded slash in the model slug (400 / 7000)", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf%2Fmeta%2Fllama-3.1-8b-instruct-fast", { json: { prompt: "hi" } });
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0]).toEqual({ code: 7000, message: "No route for that URI" });
  });

  it("answers unknown models with 5007 and unknown paths with 7000", async () => {
    const unknown = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/nobody/nothing", { json: { prompt: "hi" } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json() as any).errors[0].code).toBe(5007);
    const nowhere = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/nowhere");
    expect(nowhere.status).toBe(404);
    expect((await nowhere.json() as any).errors[0].code).toBe(7000);
  });

  it("refuses bodies over 10 MB with 413 / 3006 and keeps serving", async () => {
    const res = await emu.call(CHAT, { method: "POST", body: "x".repeat(10 * 1024 * 1024 + 1), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect((await res.json() as any).errors[0].code).toBe(3006);
    expect((await emu.call(CHAT, { json: { prompt: "still there?" } })).status).toBe(200);
  });

  it("counts a refused oversized request under its fault key", async () => {
    const key = `big-${Math.random()}`;
    const res = await emu.call(CHAT, { method: "POST", body: "x".repeat(10 * 1024 * 1024 + 1), headers: { "content-type": "application/json", "x-emulator-fault-key": key } });
    expect(res.status).toBe(413);
    const stats = await (await fetch(`${emu.url.replace("/client/v4", "")}/__emulator/requests?key=${key}`)).json() as any;
    expect(stats.count).toBe(1);
  });

  it("answers malformed JSON with a 400 envelope", async () => {
    const res = await emu.call(CHAT, { method: "POST", body: '{"prompt": ', headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    const body = await res.json() as any;
    expect(body.success).toBe(false);
    expect(body.errors[0].message).toMatch(/malformed JSON/);
  });

  it("answers an unsupported content type with 415, but takes raw audio for whisper", async () => {
    const xml = await emu.call(CHAT, { method: "POST", body: "<prompt/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    expect((await xml.json() as any).errors[0].message).toMatch(/application\/xml/);
    const audio = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/openai/whisper", { method: "POST", body: new Uint8Array(48_000), headers: { "content-type": "application/octet-stream" } });
    expect(audio.status).toBe(200);
    z["WhisperResponse"]!.parse(await audio.json() as any);
  });

  it("names the offending field and rule of an invalid input", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/baai/bge-base-en-v1.5", { json: { text: 5 } });
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0].message).toMatch(/TextEmbeddingsInput: text: .*invalid/);
  });

  it("accepts curl's default form content type as JSON, as the real API does", async () => {
    const res = await emu.call(CHAT, { method: "POST", body: JSON.stringify({ prompt: "hi" }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(200);
  });

  it("answers CORS preflights and marks answers readable cross-origin", async () => {
    const pre = await fetch(`${emu.url}${CHAT}`, { method: "OPTIONS", headers: { origin: "http://127.0.0.1:3000", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, x-emulator-fault" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toContain("x-emulator-fault");
    const res = await emu.call(CHAT, { json: { prompt: "hi" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("logs method, path, status and milliseconds per request", async () => {
    await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search");
    expect(emu.lines.at(-1)).toMatch(/^GET \/client\/v4\/accounts\/0123456789abcdef0123456789abcdef\/ai\/tasks\/search 200 \d+\.\dms$/);
    expect(emu.lines.join("\n")).not.toContain("test-token");
  });
});

describe("emulator answers per task", () => {
  it("embeds with the model's real dimension, similar texts scoring higher", async () => {
    for (const [model, dim] of [["bge-small-en-v1.5", 384], ["bge-base-en-v1.5", 768], ["bge-large-en-v1.5", 1024]] as const) {
      const res = await emu.call(`/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/baai/${model}`, { json: { text: ["a cat sat on the mat", "the cat sat on a mat", "stock market rally"] } });
      const { result } = await res.json() as any;
      expect(result.shape).toEqual([3, dim]);
      const [a, b, c] = result.data as number[][];
      const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
      expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));
    }
  });

  it("follows the requested JSON schema in JSON mode", async () => {
    const schema = { type: "object", properties: { city: { type: "string" }, population: { type: "integer", minimum: 1 } }, required: ["city", "population"] };
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast", { json: { messages: [{ role: "user", content: "A city?" }], response_format: { type: "json_schema", json_schema: schema } } });
    const { result } = await res.json() as any;
    expect(typeof result.response.city).toBe("string");
    expect(Number.isInteger(result.response.population)).toBe(true);
  });

  it("calls one of the given tools with arguments following its parameters", async () => {
    // Upstream requires a description on every parameter of a flat tool.
    const tools = [{ name: "get_weather", description: "Weather", parameters: { type: "object", properties: { location: { type: "string", description: "City" } }, required: ["location"] } }];
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast", { json: { messages: [{ role: "user", content: "Weather in Lisbon?" }], tools } });
    const { result } = await res.json() as any;
    expect(result.tool_calls[0].name).toBe("get_weather");
    expect(typeof result.tool_calls[0].arguments.location).toBe("string");
  });

  it("refuses tools on a model without function calling (400), as the real API does", async () => {
    const tools = [{ name: "f", description: "d", parameters: { type: "object", properties: {} } }];
    const res = await emu.call(CHAT, { json: { messages: [{ role: "user", content: "hi" }], tools } });
    expect(res.status).toBe(400);
    expect((await res.json() as any).errors[0].message).toMatch(/does not support function calling/);
  });

  it("answers gpt-oss with an OpenAI-shaped result, and streams OpenAI chunks when asked (upstream: it streams)", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/openai/gpt-oss-120b", { json: { messages: [{ role: "user", content: "hi" }] } });
    expect(res.headers.get("content-type")).toBe("application/json");
    const { result } = await res.json() as any;
    expect(result.object).toBe("chat.completion");
    const streamed = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/openai/gpt-oss-120b", { json: { messages: [{ role: "user", content: "hi" }], stream: true } });
    expect(streamed.headers.get("content-type")).toBe("text/event-stream");
    expect(await streamed.text()).toContain("chat.completion.chunk");
  });

  it("returns a decodable PNG of the requested size", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/stabilityai/stable-diffusion-xl-base-1.0", { json: { prompt: "a lighthouse", width: 256, height: 320 } });
    expect(res.headers.get("content-type")).toBe("image/png");
    const png = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height, png.crcOk]).toEqual([256, 320, true]);
  });

  it("returns flux images as base64 JPEG in the envelope", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/black-forest-labs/flux-1-schnell", { json: { prompt: "a fox" } });
    const { result } = await res.json() as any;
    const bytes = Buffer.from(result.image, "base64");
    expect([bytes[0], bytes[1], bytes.at(-2), bytes.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });

  it("transcribes with word timings and WebVTT", async () => {
    const res = await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/openai/whisper", { json: { audio: Array.from({ length: 32_000 }, (_, i) => i % 256) } });
    const { result } = await res.json() as any;
    expect(result.word_count).toBe(result.words.length);
    expect(result.vtt.startsWith("WEBVTT")).toBe(true);
    expect(result.words[0].end).toBeGreaterThan(result.words[0].start);
  });

  it("translates, classifies and detects", async () => {
    const t = await (await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/m2m100-1.2b", { json: { text: "Hello world", target_lang: "es" } })).json() as any;
    expect(t.result.translated_text).toBe("Hola mundo");
    const c = await (await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/huggingface/distilbert-sst-2-int8", { json: { text: "I love this, it is great" } })).json() as any;
    expect(c.result[0].label).toBe("POSITIVE");
    const d = await (await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/facebook/detr-resnet-50", { json: { image: [1, 2, 3] } })).json() as any;
    for (const o of d.result) expect(o.box.xmax).toBeGreaterThan(o.box.xmin);
  });

  it("runs a batch: queued, then running, then results out of order", async () => {
    const path = "/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast?queueRequest=true";
    const requests = [0, 1, 2, 3].map((i) => ({ prompt: `question ${i}`, external_reference: `ref-${i}` }));
    const submitted = (await (await emu.call(path, { json: { requests } })).json() as any).result;
    expect(submitted).toMatchObject({ status: "queued", model: "@cf/meta/llama-3.3-70b-instruct-fp8-fast" });
    const poll = async () => (await (await emu.call(path, { json: { request_id: submitted.request_id } })).json() as any).result;
    expect((await poll()).status).toBe("queued");
    expect((await poll()).status).toBe("running");
    const done = await poll();
    const ids = done.responses.map((r: { id: number }) => r.id);
    expect([...ids].sort()).toEqual([0, 1, 2, 3]);
    expect(ids).not.toEqual([0, 1, 2, 3]);
    expect(done.responses.find((r: { id: number }) => r.id === 2).external_reference).toBe("ref-2");
    z["BatchResult"]!.parse(done);
  });

  it("pages and filters models/search over the catalog", async () => {
    const page = async (q: string) => (await (await emu.call(`/accounts/0123456789abcdef0123456789abcdef/ai/models/search?${q}`)).json() as any);
    const first = await page("per_page=3&page=1");
    expect(first.result).toHaveLength(3);
    expect(first.result_info).toMatchObject({ page: 1, per_page: 3, count: 3 });
    const beyond = await page(`per_page=3&page=${first.result_info.total_pages + 1}`);
    expect(beyond.result).toEqual([]);
    const embeddings = await page("task=Text%20Embeddings&per_page=50");
    expect(embeddings.result.every((m: { task: { name: string } }) => m.task.name === "Text Embeddings")).toBe(true);
    const all = (await page("per_page=100")).result.map((m: { name: string }) => m.name);
    const withDeprecated = (await page("per_page=100&include_deprecated=true")).result.map((m: { name: string }) => m.name);
    expect(all).not.toContain("@cf/meta/llama-3.1-8b-instruct");
    expect(withDeprecated).toContain("@cf/meta/llama-3.1-8b-instruct");
    expect((await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/models/search?per_page=0")).status).toBe(400);
  });

  it("describes a model's input and output as JSON Schema", async () => {
    const { result } = await (await emu.call("/accounts/0123456789abcdef0123456789abcdef/ai/models/schema?model=@cf/baai/bge-base-en-v1.5")).json() as any;
    expect(result.input.properties.text).toBeDefined();
    expect(result.output.properties.data).toBeDefined();
  });

  it("streams native events with a realistic number of chunks, paced when asked", async () => {
    const paced = await startTestEmulator({ pacingMs: 15, rateLimits: false });
    try {
      const started = performance.now();
      const res = await paced.call(CHAT, { json: { prompt: "tell me", stream: true } });
      const events = sseData(await res.text());
      const elapsed = performance.now() - started;
      expect(events.at(-1)).toBe("[DONE]");
      expect(events.length).toBeGreaterThanOrEqual(12);
      expect(elapsed).toBeGreaterThanOrEqual((events.length - 2) * 15 * 0.8);
      for (const e of events.slice(0, -1)) z["TextGenerationStreamEvent"]!.parse(JSON.parse(e));
    } finally {
      await paced.close();
    }
  });
});
