import { describe, expect, it } from "vitest";
import { isLoopbackServer, listOperations, servedSpec } from "./served-spec.js";
import type { OpenApiDocument } from "./spec-sources.js";

const contract: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "T", version: "1" },
  servers: [
    { url: "https://api.cloudflare.com/client/v4", description: "Cloudflare" },
    { url: "http://127.0.0.1:8787/client/v4", description: "Local emulator" },
  ],
  paths: {
    "/a": { get: { operationId: "getA", tags: ["One", "Two"] }, parameters: [] },
    "/b/{id}": { post: { operationId: "postB", deprecated: true }, delete: { tags: ["One"] }, summary: "not an operation" },
  },
};

describe("servedSpec", () => {
  it("puts the running emulator first, Cloudflare second, and drops the file's 8787 entry", () => {
    const served = servedSpec(contract, { url: "http://127.0.0.1:40123/client/v4", running: true });
    expect(served.servers?.map((s) => s.url)).toEqual([
      "http://127.0.0.1:40123/client/v4",
      "https://api.cloudflare.com/client/v4",
    ]);
  });

  it("keeps Cloudflare first and lists the emulator second when the docs did not start it", () => {
    const served = servedSpec(contract, { url: "http://127.0.0.1:8787/client/v4", running: false });
    expect(served.servers?.map((s) => s.url)).toEqual([
      "https://api.cloudflare.com/client/v4",
      "http://127.0.0.1:8787/client/v4",
    ]);
    expect(served.servers?.[1]?.description).toMatch(/pnpm mock/);
  });

  it("patches a copy and leaves the loaded document untouched", () => {
    const before = JSON.stringify(contract);
    const served = servedSpec(contract, { url: "http://127.0.0.1:1/client/v4", running: true });
    expect(JSON.stringify(contract)).toBe(before);
    expect(served.paths).toEqual(contract.paths);
    expect(served.paths).not.toBe(contract.paths);
  });

  it("adds the emulator to a document without servers", () => {
    const served = servedSpec({ openapi: "3.0.3", paths: {} }, { url: "http://127.0.0.1:2/client/v4", running: true });
    expect(served.servers).toEqual([{ url: "http://127.0.0.1:2/client/v4", description: expect.any(String) }]);
  });
});

describe("isLoopbackServer", () => {
  it("recognises 127.0.0.1, localhost and ::1, and not remote or templated URLs", () => {
    expect(isLoopbackServer({ url: "http://localhost:8787/client/v4" })).toBe(true);
    expect(isLoopbackServer({ url: "http://[::1]:8787/" })).toBe(true);
    expect(isLoopbackServer({ url: "https://api.cloudflare.com/client/v4" })).toBe(false);
    expect(isLoopbackServer({ url: "{scheme}://api.example.com" })).toBe(false);
  });
});

describe("listOperations", () => {
  it("lists HTTP methods under paths with their operationId and tags, skipping path-level fields", () => {
    expect(listOperations(contract)).toEqual([
      { method: "get", path: "/a", operationId: "getA", tags: ["One", "Two"], deprecated: false },
      { method: "post", path: "/b/{id}", operationId: "postB", tags: [], deprecated: true },
      { method: "delete", path: "/b/{id}", tags: ["One"], deprecated: false },
    ]);
  });
});
