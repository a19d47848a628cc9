import { describe, expect, it } from "vitest";
import { cacheTtlSeconds, GatewayCache, gatewayTarget, MAX_CACHE_TTL_S, MIN_CACHE_TTL_S } from "./gateway.js";

describe("gateway paths", () => {
  it("maps the documented model form and the OpenAI-compatible form onto the API paths", () => {
    expect(gatewayTarget("/v1/acc/gw/workers-ai/@cf/meta/llama-3.1-8b-instruct")?.apiPath).toBe("/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct");
    expect(gatewayTarget("/v1/acc/gw/workers-ai/run/@cf/meta/llama-3.1-8b-instruct")?.apiPath).toBe("/accounts/acc/ai/run/@cf/meta/llama-3.1-8b-instruct");
    expect(gatewayTarget("/v1/acc/gw/workers-ai/v1/chat/completions")).toEqual({ account: "acc", gateway: "gw", provider: "workers-ai", apiPath: "/accounts/acc/ai/v1/chat/completions" });
    expect(gatewayTarget("/client/v4/accounts/acc/ai/run/x")).toBeUndefined();
  });
});

describe("gateway cache", () => {
  it("expires an entry after its TTL", () => {
    let now = 1_000;
    const cache = new GatewayCache(() => now);
    cache.set("k", { status: 200, headers: {}, body: { ok: true } }, 60);
    now += 59_999;
    expect(cache.get("k")).toBeDefined();
    now += 1;
    expect(cache.get("k")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("clamps cf-aig-cache-ttl into the documented 60 s .. one month and ignores non-numbers", () => {
    expect(cacheTtlSeconds("5")).toBe(MIN_CACHE_TTL_S);
    expect(cacheTtlSeconds("3600")).toBe(3600);
    expect(cacheTtlSeconds("99999999")).toBe(MAX_CACHE_TTL_S);
    expect(cacheTtlSeconds("soon")).toBe(300);
  });
});
