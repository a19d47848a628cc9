import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getModel, models, tasks } from "../src/index.js";
import { allExamples, allOperations, resolveRef, type Json } from "./contract-document.js";

const opsById = new Map(allOperations().filter(({ op }) => op["x-edge-ai-model"]).map(({ op }) => [(op["x-edge-ai-model"] as Json).id as string, op]));
const RETIRED = "2026-05-30";
const snapshotDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "openapi", "upstream", "models");

describe("the model catalog", () => {
  it("covers at least 30 models across at least 10 tasks", () => {
    expect(models.length).toBeGreaterThanOrEqual(30);
    expect(new Set(models.map((m) => m.task)).size).toBeGreaterThanOrEqual(10);
    expect(tasks.length).toBeGreaterThanOrEqual(10);
  });

  it("marks the models retired on 2026-05-30 deprecated, with active replacements", () => {
    for (const id of ["@cf/meta/llama-3.1-8b-instruct", "@cf/mistral/mistral-7b-instruct-v0.1", "@cf/facebook/bart-large-cnn", "@cf/unum/uform-gen2-qwen-500m"]) {
      expect(getModel(id)?.deprecated?.date, id).toBe(RETIRED);
      expect(opsById.get(id)?.deprecated, id).toBe(true);
    }
    for (const m of models.filter((x) => x.deprecated)) {
      if (m.deprecated?.replacement) expect(getModel(m.deprecated.replacement)?.deprecated, m.id).toBeNull();
    }
    for (const m of models.filter((x) => !x.deprecated)) expect(opsById.get(m.id)?.deprecated, m.id).toBeUndefined();
  });

  it("declares the response media each model's capabilities imply", () => {
    for (const m of models) {
      const op = opsById.get(m.id)!;
      const content = op.responses["200"].content as Json;
      expect(Object.keys(content).includes("text/event-stream"), `${m.id} stream`).toBe(m.capabilities.streaming);
      expect(content[m.outputMedia], `${m.id} ${m.outputMedia}`).toBeDefined();
      if (m.outputMedia !== "application/json") expect(content[m.outputMedia].schema).toEqual({ type: "string", format: "binary" });
      const hasQueue = (op.parameters as Json[]).some((p) => resolveRef(p).name === "queueRequest");
      expect(hasQueue, `${m.id} queueRequest`).toBe(m.capabilities.asyncBatch);
      expect(Boolean(op.requestBody.content["application/octet-stream"]), `${m.id} octet-stream`).toBe(m.binaryInput);
    }
  });

  it("answers image bytes for the SDXL family and phoenix, JSON for flux", () => {
    expect(getModel("@cf/stabilityai/stable-diffusion-xl-base-1.0")?.outputMedia).toBe("image/png");
    expect(getModel("@cf/bytedance/stable-diffusion-xl-lightning")?.outputMedia).toBe("image/png");
    expect(getModel("@cf/lykon/dreamshaper-8-lcm")?.outputMedia).toBe("image/png");
    expect(getModel("@cf/leonardo/phoenix-1.0")?.outputMedia).toBe("image/jpeg");
    expect(getModel("@cf/black-forest-labs/flux-1-schnell")).toMatchObject({ outputMedia: "application/json", inputSchemaName: "FluxInput", responseSchemaName: "FluxResponse" });
  });

  it("uses only active catalogued model ids in examples", () => {
    const ids = new Set<string>();
    const scan = (v: unknown) => {
      if (typeof v === "string") for (const id of v.match(/@(cf|hf)\/[\w.-]+\/[\w.-]+/g) ?? []) ids.add(id);
      else if (Array.isArray(v)) v.forEach(scan);
      else if (v && typeof v === "object") Object.values(v).forEach(scan);
    };
    for (const c of allExamples()) scan(c.value);
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) {
      expect(getModel(id), id).toBeDefined();
      expect(getModel(id)?.deprecated, id).toBeNull();
    }
  });

  it("gives every model a task default or per-model rate limit and published prices only", () => {
    expect(getModel("@cf/meta/llama-3.1-8b-instruct-fast")?.rateLimitPerMinute).toBe(300);
    expect(getModel("@cf/baai/bge-large-en-v1.5")?.rateLimitPerMinute).toBe(1500);
    expect(getModel("@cf/baai/bge-base-en-v1.5")?.rateLimitPerMinute).toBe(3000);
    // The 400/min exception belongs to the @hf AWQ model (limits page), not the @cf one.
    expect(getModel("@hf/thebloke/mistral-7b-instruct-v0.1-awq")?.rateLimitPerMinute).toBe(400);
    expect(getModel("@cf/mistral/mistral-7b-instruct-v0.1")?.rateLimitPerMinute).toBe(300);
    expect(getModel("@cf/openai/gpt-oss-120b")?.prices).toEqual([
      { unit: "per M input tokens", price: 0.35, currency: "USD" },
      { unit: "per M output tokens", price: 0.75, currency: "USD" },
    ]);
    // Prices are exactly the upstream `price` property (0 where Cloudflare publishes 0).
    for (const m of models) {
      const upstream = JSON.parse(readFileSync(join(snapshotDir, `${m.id.slice(1)}.json`), "utf8")) as { properties: { price?: unknown } };
      expect(m.prices, m.id).toEqual(upstream.properties.price ?? []);
      for (const p of m.prices) expect(p.price, m.id).toBeGreaterThanOrEqual(0);
    }
  });
});
