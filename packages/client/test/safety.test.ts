import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { AuthenticationError, EdgeAI, ServerError, ValidationError, type Logger } from "../src/index.js";
import { ACCOUNT, TOKEN, testClient } from "./support/client.js";
import { envelope, failure, sendJSON, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function capture(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const write = (message: string, data?: unknown) => lines.push(`${message} ${data === undefined ? "" : JSON.stringify(data)}`);
  return { logger: { error: write, warn: write, info: write, debug: write }, lines };
}

describe("the API token never leaks", () => {
  it("is absent from util.inspect and JSON.stringify of the client and its namespaces", () => {
    const ai = testClient("http://127.0.0.1:9/client/v4");
    const shown = [inspect(ai, { depth: 10, showHidden: true }), JSON.stringify(ai), inspect(ai.chat, { depth: 10, showHidden: true }), inspect(ai.models, { showHidden: true }), JSON.stringify(ai.batch)];
    for (const text of shown) expect(text).not.toContain(TOKEN);
    expect(inspect(ai)).toContain("[REDACTED]");
    expect(inspect(ai)).toContain(ACCOUNT);
  });

  it("is absent from errors, even when the server echoes it back", async () => {
    server = await startTestServer((req, res) => sendJSON(res, 401, failure(10000, `Authentication error: bad token ${req.headers.authorization}`)));
    const ai = testClient(server.baseUrl);
    const err = (await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }).catch((e: unknown) => e)) as AuthenticationError;
    expect(err).toBeInstanceOf(AuthenticationError);
    for (const text of [err.message, String(err.stack), inspect(err, { depth: 10, showHidden: true }), JSON.stringify(err), JSON.stringify(err.errors), err.rawBody ?? ""]) {
      expect(text).not.toContain(TOKEN);
    }
    expect(err.message).toContain("[REDACTED]");
  });

  it("is absent from debug logs, which show redacted headers", async () => {
    server = await startTestServer((_req, res, n) => (n === 0 ? sendJSON(res, 500, failure(undefined, "x")) : sendJSON(res, 200, envelope({ response: "ok" }))));
    const { logger, lines } = capture();
    const ai = testClient(server.baseUrl, { logger, logLevel: "debug" });
    await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(lines.some((l) => l.includes('"authorization":"[REDACTED]"'))).toBe(true);
    expect(lines.some((l) => l.includes("retrying"))).toBe(true);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("logs nothing below the threshold and reads EDGE_AI_LOG when no level is given", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    const quiet = capture();
    await testClient(server.baseUrl, { logger: quiet.logger, logLevel: "warn" }).run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
    expect(quiet.lines).toEqual([]);
    const prev = process.env.EDGE_AI_LOG;
    process.env.EDGE_AI_LOG = "debug";
    try {
      const loud = capture();
      const ai = new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: server.baseUrl, logger: loud.logger });
      await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
      expect(loud.lines.length).toBeGreaterThan(0);
    } finally {
      if (prev === undefined) delete process.env.EDGE_AI_LOG;
      else process.env.EDGE_AI_LOG = prev;
    }
  });

  it("warns once when a deprecated model is used, naming the replacement", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    const { logger, lines } = capture();
    const ai = testClient(server.baseUrl, { logger, logLevel: "warn" });
    await ai.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "Hi" });
    await ai.run("@cf/meta/llama-3.1-8b-instruct", { prompt: "Hi" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("@cf/meta/llama-3.1-8b-instruct-fast");
  });

  it("rejects a missing token with a ValidationError that names the option, not the value", () => {
    expect(() => new EdgeAI({ accountId: ACCOUNT, apiToken: "" })).toThrow(ValidationError);
    expect(() => new EdgeAI({ accountId: "", apiToken: TOKEN })).toThrow(/accountId/);
  });

  it("ignores a per-call authorization header instead of replacing the token", async () => {
    server = await startTestServer((_req, res) => sendJSON(res, 200, envelope({ response: "ok" })));
    await testClient(server.baseUrl).run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }, { headers: { Authorization: "Bearer other", "x-session-affinity": "s1" } });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0]!.headers["x-session-affinity"]).toBe("s1");
  });
});

describe("non-JSON error bodies", () => {
  it("turns an HTML 502 into a ServerError with a short message", async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>");
    });
    const err = (await testClient(server.baseUrl, { maxRetries: 0 }).run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }).catch((e: unknown) => e)) as ServerError;
    expect(err).toBeInstanceOf(ServerError);
    expect(err.status).toBe(502);
    expect(err.message).toBe('HTTP 502: non-JSON text/html "502 Bad Gateway"');
  });
});
