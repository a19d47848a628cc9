/** `new EdgeAI()` works from the environment, as the quickstart promises; explicit options win. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EdgeAI, ValidationError } from "../src/index.js";
import { ACCOUNT, TOKEN } from "./support/client.js";
import { envelope, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
beforeEach(() => {
  vi.stubEnv("CLOUDFLARE_ACCOUNT_ID", "");
  vi.stubEnv("CLOUDFLARE_API_TOKEN", "");
  vi.stubEnv("EDGE_AI_BASE_URL", "");
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

describe("options from the environment", () => {
  it("reads CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN and EDGE_AI_BASE_URL when no options are given", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    vi.stubEnv("CLOUDFLARE_ACCOUNT_ID", ACCOUNT);
    vi.stubEnv("CLOUDFLARE_API_TOKEN", TOKEN);
    vi.stubEnv("EDGE_AI_BASE_URL", server.baseUrl);
    const ai = new EdgeAI();
    const out = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(out.response).toBe("ok");
    expect(server.requests[0]?.rawPath).toContain(`/accounts/${ACCOUNT}/`);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    await ai.close();
  });

  it("lets explicit options win over the environment", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    vi.stubEnv("CLOUDFLARE_ACCOUNT_ID", "ffffffffffffffffffffffffffffffff");
    vi.stubEnv("CLOUDFLARE_API_TOKEN", "env-token-that-must-not-be-used");
    vi.stubEnv("EDGE_AI_BASE_URL", "http://127.0.0.1:9/client/v4");
    const ai = new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: server.baseUrl });
    await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(server.requests[0]?.rawPath).toContain(`/accounts/${ACCOUNT}/`);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("names each missing value and the variable that would supply it", () => {
    let err: unknown;
    try {
      new EdgeAI();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const message = (err as ValidationError).issues.map((i) => `${i.path}: ${i.message}`).join("\n");
    expect(message).toContain("accountId");
    expect(message).toContain("CLOUDFLARE_ACCOUNT_ID");
    expect(message).toContain("apiToken");
    expect(message).toContain("CLOUDFLARE_API_TOKEN");
  });
});
