/**
 * The `gateway` option against the emulator's AI Gateway form, over real sockets, on both transports.
 */
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, CapacityError, EdgeAI, gatewayHeaders, gatewayInfo, ValidationError, type GatewayResponseInfo } from "../src/index.js";
import { transports } from "./support/client.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TOKEN = "test-token-0123456789";
const GATEWAY_TOKEN = "gateway-secret-0123456789";
let emulator: RunningEmulator;
let gatewayUrl: string;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
  gatewayUrl = `http://127.0.0.1:${emulator.port}/v1`;
});
afterAll(() => emulator.close());

describe.each(transports)("gateway option (%s transport)", (_name, transport) => {
  function client(gateway: Record<string, unknown> = {}, seen?: GatewayResponseInfo[]): EdgeAI {
    return new EdgeAI({
      accountId: ACCOUNT,
      apiToken: TOKEN,
      baseUrl: emulator.url,
      maxRetries: 0,
      ...transport,
      gateway: { id: `gw-${_name}`, baseUrl: gatewayUrl, onResponse: (i) => seen?.push(i), ...gateway },
    });
  }

  it("routes /ai/run through the gateway: the repeat is a cache HIT with the same answer and its own log id", async () => {
    const seen: GatewayResponseInfo[] = [];
    const ai = client({ cacheTtl: 3600 }, seen);
    const input = { text: [`hit ${_name} ${Math.random()}`] };
    const first = await ai.run("@cf/baai/bge-base-en-v1.5", input);
    const second = await ai.run("@cf/baai/bge-base-en-v1.5", input);
    expect(second).toEqual(first);
    expect(seen.map((s) => s.cacheStatus)).toEqual(["MISS", "HIT"]);
    expect(seen[0]!.logId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.logId).not.toBe(seen[0]!.logId);
    await ai.close();
  });

  it("skipCache on the client, or per call with gatewayHeaders(), bypasses the cache", async () => {
    const seen: GatewayResponseInfo[] = [];
    const ai = client({}, seen);
    const input = { text: [`skip ${_name} ${Math.random()}`] };
    await ai.run("@cf/baai/bge-base-en-v1.5", input);
    await ai.run("@cf/baai/bge-base-en-v1.5", input, { headers: gatewayHeaders({ skipCache: true }) });
    await ai.run("@cf/baai/bge-base-en-v1.5", input);
    expect(seen.map((s) => s.cacheStatus)).toEqual(["MISS", "MISS", "HIT"]);
    await ai.close();
  });

  it("routes the OpenAI-compatible /ai/v1 calls and streams, while discovery stays on the REST API", async () => {
    const seen: GatewayResponseInfo[] = [];
    const ai = client({ collectLog: false }, seen);
    const completion = await ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: `hello ${Math.random()}` }] });
    expect(completion.object).toBe("chat.completion");
    let text = "";
    for await (const chunk of await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: `stream ${Math.random()}`, stream: true })) text += chunk.response ?? "";
    expect(text.length).toBeGreaterThan(0);
    const page = await ai.models.search({ task: "Text Generation" }).toArray();
    expect(page.length).toBeGreaterThan(0);
    expect(seen).toHaveLength(2); // the model search did not go through the gateway
    expect(seen.every((s) => s.logId === undefined && s.eventId !== undefined)).toBe(true);
    await ai.close();
  });

  it("maps gateway errors to the same kinds: an authenticated gateway without its token is an AuthenticationError", async () => {
    const ai = client({ id: "team-auth" });
    const error = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).kind).toBe("authentication");
    expect(gatewayInfo((error as AuthenticationError).headers).cacheStatus).toBeUndefined();
    const authed = client({ id: "team-auth", authorization: GATEWAY_TOKEN });
    await expect(authed.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] })).resolves.toMatchObject({ shape: [1, 768] });
    await ai.close();
    await authed.close();
  });

  it("provider errors through the gateway keep their kind and carry the gateway headers", async () => {
    const ai = client();
    const error = await ai
      .run("@cf/baai/bge-base-en-v1.5", { text: ["limited"] }, { headers: { "x-emulator-fault": "capacity", "cf-aig-skip-cache": "true" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CapacityError);
    expect((error as { kind: string }).kind).toBe("capacity");
    expect(gatewayInfo((error as { headers: Record<string, string> }).headers).cacheStatus).toBe("MISS");
    await ai.close();
  });
});

describe("gateway option checks and token hygiene", () => {
  it("refuses bad gateway settings before sending, naming each one", () => {
    const make = (gateway: unknown) => () => new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, gateway: gateway as never });
    expect(make({ id: "" })).toThrow(ValidationError);
    const error = (() => {
      try {
        make({ id: "gw", cacheTtl: -1, maxAttempts: 9, backoff: "random", metadata: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 } })();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(["gateway.backoff", "gateway.cacheTtl", "gateway.maxAttempts", "gateway.metadata"]);
    expect(() => gatewayHeaders({ cacheKey: "a\r\nb" })).toThrow(ValidationError);
  });

  it("builds every cf-aig-* header from the settings", () => {
    expect(gatewayHeaders({ cacheTtl: 60, skipCache: false, cacheKey: "k", metadata: { user: "u1", n: 2 }, collectLog: true, requestTimeout: 5000, maxAttempts: 3, retryDelay: 100, backoff: "linear" })).toEqual({
      "cf-aig-cache-ttl": "60",
      "cf-aig-skip-cache": "false",
      "cf-aig-cache-key": "k",
      "cf-aig-metadata": '{"user":"u1","n":2}',
      "cf-aig-collect-log": "true",
      "cf-aig-request-timeout": "5000",
      "cf-aig-max-attempts": "3",
      "cf-aig-retry-delay": "100",
      "cf-aig-backoff": "linear",
    });
  });

  it("never shows the gateway token in inspect, JSON, debug logs or errors", async () => {
    const lines: string[] = [];
    const write = (...args: unknown[]) => lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    const ai = new EdgeAI({
      accountId: ACCOUNT,
      apiToken: TOKEN,
      baseUrl: emulator.url,
      maxRetries: 0,
      logLevel: "debug",
      logger: { debug: write, info: write, warn: write, error: write },
      gateway: { id: "gw-hygiene", baseUrl: gatewayUrl, authorization: GATEWAY_TOKEN },
    });
    await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] });
    const error = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] }, { headers: { "x-emulator-fault": "server-error", "cf-aig-skip-cache": "true" } }).catch((e: unknown) => e);
    const seen = [inspect(ai, { depth: 10 }), JSON.stringify(ai), ...lines, inspect(error, { depth: 10 }), JSON.stringify(error)].join("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(seen).not.toContain(GATEWAY_TOKEN);
    expect(seen).not.toContain(TOKEN);
    await ai.close();
  });
});

describe("gateway address from the environment", () => {
  it("takes EDGE_AI_GATEWAY_URL when the gateway option has no baseUrl, and an explicit baseUrl wins over it", async () => {
    const saved = process.env["EDGE_AI_GATEWAY_URL"];
    process.env["EDGE_AI_GATEWAY_URL"] = gatewayUrl;
    try {
      const seen: GatewayResponseInfo[] = [];
      const ai = new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: emulator.url, maxRetries: 0, gateway: { id: "gw-env", onResponse: (i) => seen.push(i) } });
      await ai.run("@cf/baai/bge-base-en-v1.5", { text: [`env ${Math.random()}`] });
      expect(seen.map((s) => s.cacheStatus)).toEqual(["MISS"]);
      await ai.close();
      // An explicit address wins: a closed port fails the call instead of reaching the emulator's gateway.
      const explicit = new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl: emulator.url, maxRetries: 0, gateway: { id: "gw-env", baseUrl: "http://127.0.0.1:1/v1" } });
      await expect(explicit.run("@cf/baai/bge-base-en-v1.5", { text: ["x"] })).rejects.toThrow();
      await explicit.close();
    } finally {
      if (saved === undefined) delete process.env["EDGE_AI_GATEWAY_URL"];
      else process.env["EDGE_AI_GATEWAY_URL"] = saved;
    }
  });
});
