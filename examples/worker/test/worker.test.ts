/**
 * The example Worker in workerd (Miniflare), bundled the way wrangler does (workerd condition, so the client's edge
 * build), with env.AI a binding stand-in answered by the emulator.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks";
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let emulator: RunningEmulator;
let mf: Miniflare;
let bundledClient: string | undefined;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
  const out = await build({
    entryPoints: [fileURLToPath(new URL("../src/index.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  bundledClient = Object.keys(out.metafile.inputs).find((f) => f.includes("packages/client/"));
  mf = new Miniflare({
    workers: [
      {
        name: "example",
        modules: true,
        script: out.outputFiles[0]!.text,
        compatibilityDate: "2025-01-01",
        wrappedBindings: { AI: { scriptName: "ai-binding-standin", bindings: { EMULATOR: `http://127.0.0.1:${emulator.port}` } } },
      },
      // A wrapped binding's module takes the compatibility date of the Worker that uses it, so it names none.
      { name: "ai-binding-standin", modules: true, script: readFileSync(new URL("./ai-binding-standin.mjs", import.meta.url), "utf8") },
    ],
  });
}, 120_000);
afterAll(async () => {
  await mf?.dispose();
  await emulator?.close();
});

describe("example Worker over the AI binding (Miniflare)", () => {
  it("is bundled with the client's edge build", () => {
    expect(bundledClient).toMatch(/packages\/client\/dist\/edge\.js$/);
  });

  it("answers a prompt with the typed result", async () => {
    const res = await mf.dispatchFetch("http://worker/?prompt=Hello");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response: string; usage: { total_tokens: number } };
    expect(body.response.length).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBeGreaterThan(0);
  });

  it("streams the text as it is generated", async () => {
    const res = await mf.dispatchFetch("http://worker/stream?prompt=Count");
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect((await res.text()).length).toBeGreaterThan(0);
  });

  it("runs embeddings and turns invalid input into a 400 validation error before the binding is called", async () => {
    const ok = await mf.dispatchFetch("http://worker/embed", { method: "POST", body: JSON.stringify(["a", "b"]) });
    expect(await ok.json()).toEqual({ shape: [2, 768] });
    const bad = await mf.dispatchFetch("http://worker/embed", { method: "POST", body: JSON.stringify(42) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe("validation");
  });
});
