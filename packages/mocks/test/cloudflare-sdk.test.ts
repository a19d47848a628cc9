import Cloudflare from "cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support/emulator.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: true });
});
afterAll(() => emu.close());

const client = (fetchImpl?: typeof fetch) =>
  new Cloudflare({ apiToken: "test-token", baseURL: emu.url, maxRetries: 0, ...(fetchImpl ? { fetch: fetchImpl } : {}) });

describe("official cloudflare SDK against the emulator", () => {
  it("pages through ai.models.list over the catalog", async () => {
    const names: string[] = [];
    for await (const model of client().ai.models.list({ account_id: ACCOUNT, per_page: 10 })) names.push((model as { name: string }).name);
    expect(names.length).toBeGreaterThan(20);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("@cf/baai/bge-base-en-v1.5");
  });

  it("gets 400 / 7000 from ai.run as shipped, because it percent-encodes the slug's slashes (like the real API)", async () => {
    await expect(client().ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { account_id: ACCOUNT, prompt: "hi" })).rejects.toMatchObject({
      status: 400,
      errors: [{ code: 7000, message: "No route for that URI" }],
    });
  });

  it("runs a model once the slashes are sent unencoded", async () => {
    const unencoded: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(/%2F/gi, "/"), init);
    const result = (await client(unencoded).ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { account_id: ACCOUNT, prompt: "hi" })) as { response: string };
    expect(result.response.length).toBeGreaterThan(0);
  });
});
