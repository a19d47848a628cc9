/**
 * The mismatches the 0.1 contract had against Cloudflare's own model data (issue 11), one test each. Every fact
 * here is read by the generator from openapi/upstream; a regression to hand-written defaults fails here.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getModel, schemas } from "../src/index.js";
import { ajvErrors, zodErrors } from "./contract-document.js";

const input = (id: string) => getModel(id)!.inputSchemaName;
const request = (id: string) => getModel(id)!.requestSchemaName!;
const accepts = (component: string, body: unknown) => ajvErrors(component, body) === null && zodErrors(component, body) === null;
const refuses = (component: string, body: unknown) => ajvErrors(component, body) !== null && zodErrors(component, body) !== null;

describe("facts from upstream, per model", () => {
  it("aura-2 takes `text` (+ speaker, encoding, container, sample_rate, bit_rate) and answers audio/mpeg bytes", () => {
    const aura = getModel("@cf/deepgram/aura-2-en")!;
    expect(aura.outputMedia).toBe("audio/mpeg");
    expect(aura.outputSchemaName).toBeNull();
    expect(accepts(request(aura.id), { text: "Hello", speaker: "luna", encoding: "mp3", container: "none", sample_rate: 24000, bit_rate: 48000 })).toBe(true);
    expect(refuses(input(aura.id), { text: "Hello", speaker: "nobody" })).toBe(true);
  });

  it("qwen3-embedding takes queries/documents/instruction with at most 32 items", () => {
    const id = "@cf/qwen/qwen3-embedding-0.6b";
    expect(accepts(request(id), { queries: ["q"], documents: ["a", "b"], instruction: "Find" })).toBe(true);
    expect(refuses(input(id), { queries: Array.from({ length: 33 }, () => "q") })).toBe(true);
  });

  it("bge-m3 has its query+contexts mode and truncate_inputs, and no pooling", () => {
    const id = "@cf/baai/bge-m3";
    expect(accepts(request(id), { query: "q", contexts: [{ text: "a" }], truncate_inputs: true })).toBe(true);
    expect(accepts(request(id), { text: ["a"], truncate_inputs: false })).toBe(true);
    expect(JSON.stringify(ajvSchema(input(id)))).not.toContain("pooling");
  });

  it("embeddinggemma has no pooling option: its input is just text", () => {
    const id = "@cf/google/embeddinggemma-300m";
    expect(accepts(request(id), { text: ["a", "b"] })).toBe(true);
    expect(JSON.stringify(ajvSchema(input(id)))).not.toContain("pooling");
    expect(schemas.TextEmbeddingsInput).toBeDefined();
  });

  it("phoenix takes num_steps 1..50 and guidance 2..10 (21..50 steps are valid)", () => {
    const id = "@cf/leonardo/phoenix-1.0";
    expect(accepts(request(id), { prompt: "a dog", num_steps: 50, guidance: 10 })).toBe(true);
    expect(accepts(request(id), { prompt: "a dog", num_steps: 21 })).toBe(true);
    expect(refuses(input(id), { prompt: "a dog", num_steps: 51 })).toBe(true);
    expect(refuses(input(id), { prompt: "a dog", guidance: 1.5 })).toBe(true);
  });

  it("keeps each model's own sampling ranges: penalties 0..2 on llama-3.1-8b-fast, -2..2 on llama-3.3", () => {
    expect(refuses(input("@cf/meta/llama-3.1-8b-instruct-fast"), { prompt: "x", frequency_penalty: -1 })).toBe(true);
    expect(accepts(request("@cf/meta/llama-3.3-70b-instruct-fp8-fast"), { prompt: "x", frequency_penalty: -1 })).toBe(true);
    expect(refuses(input("@cf/meta/llama-3.3-70b-instruct-fp8-fast"), { prompt: "x", top_p: 0 })).toBe(true);
  });

  it("invents no constraints: empty arrays and long strings pass where upstream has no bound", () => {
    expect(accepts(request("@cf/baai/bge-base-en-v1.5"), { text: [] })).toBe(true);
    expect(accepts(request("@cf/meta/llama-3.3-70b-instruct-fp8-fast"), { messages: [] })).toBe(true);
  });

  it("takes capability flags from upstream properties", () => {
    for (const id of ["@cf/qwen/qwen3-30b-a3b-fp8", "@cf/zai-org/glm-4.7-flash", "@cf/nvidia/nemotron-3-120b-a12b", "@cf/moonshotai/kimi-k2.6"]) {
      expect(getModel(id)?.capabilities.functionCalling, id).toBe(true);
    }
    expect(getModel("@cf/moonshotai/kimi-k2.6")?.capabilities.vision).toBe(true);
    for (const id of ["@cf/mistralai/mistral-small-3.1-24b-instruct", "@cf/qwen/qwq-32b"]) expect(getModel(id)?.capabilities.lora, id).toBe(true);
    for (const id of ["@cf/qwen/qwen3-30b-a3b-fp8", "@cf/google/gemma-4-26b-a4b-it", "@cf/moonshotai/kimi-k2.6", "@cf/deepgram/aura-2-en"]) {
      expect(getModel(id)?.capabilities.asyncBatch, id).toBe(true);
    }
    expect(getModel("@cf/openai/gpt-oss-120b")?.capabilities.streaming).toBe(true);
    expect(getModel("@cf/qwen/qwen3-30b-a3b-fp8")?.capabilities.reasoning).toBe(true);
  });

  it("takes context windows and prices from upstream properties", () => {
    expect(getModel("@cf/qwen/qwen3-30b-a3b-fp8")?.contextWindow).toBe(32768);
    expect(getModel("@cf/moonshotai/kimi-k2.6")?.contextWindow).toBe(262144);
    expect(getModel("@cf/deepgram/aura-2-en")?.prices).toEqual([{ unit: "per 1k characters", price: 0.03, currency: "USD" }]);
  });

  it("keeps per-model defaults: temperature 0.15 on mistral-small, max_tokens 2000 on qwen3", () => {
    const text = (id: string) => JSON.stringify(ajvSchema(input(id)));
    expect(text("@cf/mistralai/mistral-small-3.1-24b-instruct")).toContain('"temperature":{"type":"number","default":0.15');
    expect(text("@cf/qwen/qwen3-30b-a3b-fp8")).toContain('"max_tokens":{"type":"integer","default":2000}');
  });

  it("puts source_lang/target_lang on translation inputs only; whisper takes audio", () => {
    expect(accepts(request("@cf/meta/m2m100-1.2b"), { text: "Hello", source_lang: "en", target_lang: "fr" })).toBe(true);
    expect(JSON.stringify(ajvSchema(input("@cf/openai/whisper")))).not.toContain("source_lang");
    expect(accepts(request("@cf/openai/whisper"), { audio: [1, 2, 3] })).toBe(true);
  });

  it("marks retired models deprecated with a date and an active replacement", () => {
    const m = getModel("@cf/moonshotai/kimi-k2.5")!;
    expect(m.deprecated).toMatchObject({ date: "2026-05-30", replacement: "@cf/moonshotai/kimi-k2.6" });
    expect(getModel("@cf/qwen/qwen1.5-7b-chat-awq")?.deprecated?.date).toBe("2025-10-01");
  });
});

const doc = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "openapi", "dist", "edge-ai.openapi.json"), "utf8")) as {
  components: { schemas: Record<string, unknown> };
};
/** A component of the bundled contract, as JSON Schema. */
function ajvSchema(name: string): unknown {
  return doc.components.schemas[name];
}
