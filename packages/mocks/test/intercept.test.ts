import { Agent, request } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createMock, ok } from "../src/index.js";
import { startEmulator } from "../src/emulator/index.js";
import { interceptUndici, type Interception } from "../src/undici/index.js";

const RUN = "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";
const init = { method: "POST" as const, headers: { authorization: "Bearer t" }, body: JSON.stringify({ prompt: "hi" }) };
let active: Interception | undefined;
afterEach(() => active?.restore());

describe("interceptUndici", () => {
  it("answers a request made through a client's own undici Agent, and Node's global fetch", async () => {
    active = interceptUndici(createMock().run("@cf/meta/llama-3.1-8b-instruct-fast", () => ok({ response: "intercepted" })));
    const agent = new Agent(); // what a default-constructed SDK creates for itself
    const viaAgent = await request(RUN, { ...init, dispatcher: agent });
    expect(((await viaAgent.body.json()) as { result: { response: string } }).result.response).toBe("intercepted");
    const viaFetch = await fetch(RUN, init);
    expect(((await viaFetch.json()) as { result: { response: string } }).result.response).toBe("intercepted");
    await agent.close();
  });

  it("refuses any other host loudly without sending anything, and lets loopback through", async () => {
    active = interceptUndici(createMock());
    await expect(request("https://example.com/x")).rejects.toThrow(/unhandled request GET https:\/\/example.com\/x/);
    await expect(fetch("https://example.com/y")).rejects.toMatchObject({ cause: { message: expect.stringMatching(/unhandled request/) } });
    const emulator = await startEmulator({ port: 0, quiet: true });
    const local = await fetch(`${emulator.url}/accounts/0123456789abcdef0123456789abcdef/ai/tasks/search`, { headers: { authorization: "Bearer t" } });
    expect(local.status).toBe(200);
    await emulator.close();
  });

  it("streams SSE answers through the interception to [DONE]", async () => {
    active = interceptUndici(createMock());
    const res = await request(RUN, { ...init, body: JSON.stringify({ prompt: "hi", stream: true }), dispatcher: new Agent() });
    const text = await res.body.text();
    expect(text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("puts undici back as it was on restore()", async () => {
    const agent = new Agent();
    interceptUndici(createMock()).restore();
    await expect(request("http://127.0.0.1:9/", { dispatcher: agent })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await agent.close();
  });
});
