// Behaviours copied from the real API (issue 14), each with its decision note in docs/decisions/024x.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePng } from "../src/encoders/png.js";
import { startEmulator, type RunningEmulator } from "../src/index.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
let emu: RunningEmulator;
const auth = { authorization: "Bearer test-token" };

beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true, rateLimits: false });
});
afterAll(() => emu.close());

const url = (path: string, account = ACCOUNT): string => `${emu.url}/accounts/${account}/ai/${path}`;
// An MP3 frame header followed by noise: not JSON, as a real `@file.mp3` is not.
const mp3 = Uint8Array.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, ...Array.from({ length: 600 }, (_, i) => (i * 37) % 256)]);

describe("raw bodies as Cloudflare's curl examples send them (0242)", () => {
  it("takes whisper audio sent with curl's default form-urlencoded content type as bytes", async () => {
    const res = await fetch(url("run/@cf/openai/whisper"), {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: mp3,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { success: boolean; result: { text: string } };
    expect(body.success).toBe(true);
    expect(body.result.text.length).toBeGreaterThan(0);
  });

  it("takes a raw PNG for resnet-50 with no content type at all", async () => {
    const png = encodePng(4, 4, new Uint8Array(4 * 4 * 3).fill(200));
    const res = await fetch(url("run/@cf/microsoft/resnet-50"), { method: "POST", headers: auth, body: png });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: Array<{ label: string; score: number }> };
    expect(body.result[0]).toMatchObject({ label: expect.any(String), score: expect.any(Number) });
  });

  it("still parses JSON bodies for those models, and refuses non-JSON sent as application/json", async () => {
    const json = await fetch(url("run/@cf/openai/whisper"), {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
      body: JSON.stringify({ audio: [1, 2, 3, 4] }),
    });
    expect(json.status).toBe(200);
    const bad = await fetch(url("run/@cf/openai/whisper"), { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: mp3 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/malformed JSON/);
  });

  it("keeps refusing non-JSON for text models", async () => {
    const res = await fetch(url("run/@cf/meta/llama-3.1-8b-instruct-fast"), { method: "POST", headers: auth, body: mp3 });
    expect(res.status).toBe(400);
  });
});

describe("account ids (0240)", () => {
  it("answers 7003 then 7000 for an account id that is not 32 hex digits, naming the path", async () => {
    const res = await fetch(url("run/@cf/meta/llama-3.1-8b-instruct-fast", "my-api-token-pasted-here"), {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ prompt: "hi" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      result: null,
      success: false,
      errors: [
        { code: 7003, message: "Could not route to /client/v4/accounts/my-api-token-pasted-here/ai/run/@cf/meta/llama-3.1-8b-instruct-fast, perhaps your object identifier is invalid?" },
        { code: 7000, message: "No route for that URI" },
      ],
      messages: [],
    });
  });

  it("accepts a 32-hex account id in either case", async () => {
    const res = await fetch(url("models/search?per_page=1", ACCOUNT.toUpperCase()), { headers: auth });
    expect(res.status).toBe(200);
  });
});

describe("wrong method on a known route (0241)", () => {
  it("answers 405 / 7001 with Allow, not 404", async () => {
    const get = await fetch(url("run/@cf/meta/llama-3.1-8b-instruct-fast"), { headers: auth });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(((await get.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(7001);
    const post = await fetch(url("models/search"), { method: "POST", headers: auth, body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    const chat = await fetch(url("v1/chat/completions"), { headers: auth });
    expect(chat.status).toBe(405);
  });

  it("keeps 404 / 7000 for paths that are no route at all", async () => {
    const res = await fetch(url("nowhere"), { headers: auth });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(7000);
  });
});

describe("/ai/v1 refusals the openai SDK must see (0243, 0244)", () => {
  const client = (): OpenAI => new OpenAI({ apiKey: "test-token", baseURL: url("v1"), maxRetries: 0 });

  it("refuses stream: true on /ai/v1/responses, so the SDK throws instead of yielding zero events", async () => {
    const error = await client()
      .responses.create({ model: "@cf/openai/gpt-oss-120b", input: "Hello", stream: true })
      .then(async (s) => {
        for await (const _ of s) void _;
        return undefined;
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);
    // The SDK reads OpenAI's `{error}` body; the envelope's message is there for a plain client.
    const raw = await fetch(url("v1/responses"), { method: "POST", headers: auth, body: JSON.stringify({ model: "@cf/openai/gpt-oss-120b", input: "Hello", stream: true }) });
    expect(((await raw.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/streaming is not supported/);
  });

  it("refuses response_format.json_schema without a name, and follows it with one", async () => {
    const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
    const nameless = await client()
      .chat.completions.create({
        model: "@cf/meta/llama-3.1-8b-instruct-fast",
        messages: [{ role: "user", content: "Where?" }],
        response_format: { type: "json_schema", json_schema: { schema } } as never,
      })
      .catch((e: unknown) => e);
    expect(nameless).toBeInstanceOf(OpenAI.BadRequestError);
    const raw = await fetch(url("v1/chat/completions"), {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Where?" }], response_format: { type: "json_schema", json_schema: { schema } } }),
    });
    expect(((await raw.json()) as { errors: Array<{ message: string }> }).errors[0]!.message).toMatch(/json_schema\.name/);
    const named = await client().chat.completions.create({
      model: "@cf/meta/llama-3.1-8b-instruct-fast",
      messages: [{ role: "user", content: "Where?" }],
      response_format: { type: "json_schema", json_schema: { name: "place", schema } },
    });
    expect(JSON.parse(named.choices[0]!.message.content!)).toMatchObject({ city: expect.any(String) });
  });
});
