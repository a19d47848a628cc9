/**
 * `EdgeAI.fromBinding(env.AI)` with a stand-in for the Workers AI binding: the binding's contract as workerd
 * implements it (run(model, inputs, options) resolving to the unwrapped result, a ReadableStream of SSE bytes for
 * `stream: true`, a ReadableStream of image bytes for SDXL; errors thrown with the code in the message).
 */
import { describe, expect, it } from "vitest";
import { type AiBinding, CapacityError, EdgeAI as NodeEdgeAI, NotFoundError, UnknownModelError, ValidationError } from "../src/index.js";
import { EdgeAI } from "../src/edge.js";

interface Call {
  model: string;
  inputs: Record<string, unknown>;
  options: Record<string, unknown> | undefined;
}

function sse(events: unknown[]): ReadableStream<Uint8Array> {
  const text = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("") + "data: [DONE]\n\n";
  return new Response(text).body!;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function standIn(failures: Error[] = []): AiBinding & { calls: Call[]; aiGatewayLogId: string | null } {
  const calls: Call[] = [];
  return {
    calls,
    aiGatewayLogId: null,
    async run(model, inputs, options) {
      calls.push({ model, inputs: inputs as Record<string, unknown>, options });
      const failure = failures.shift();
      if (failure) throw failure;
      if ((options?.["gateway"] as { id?: string } | undefined)?.id) this.aiGatewayLogId = `log-${calls.length}`;
      const i = inputs as { stream?: boolean; text?: string[]; prompt?: string };
      if (model.startsWith("@cf/stabilityai/")) return new Response(PNG).body;
      if (model === "@cf/baai/bge-base-en-v1.5") return { shape: [i.text!.length, 768], data: i.text!.map(() => new Array(768).fill(0.5)) };
      if (i.stream) return sse([{ response: "Hel" }, { response: "lo" }, { response: "", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }]);
      return { response: `echo: ${i.prompt}`, usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } };
    },
  };
}

describe("EdgeAI.fromBinding", () => {
  it("runs models through binding.run with the same typed results: JSON, a stream, image bytes", async () => {
    const binding = standIn();
    const ai = EdgeAI.fromBinding(binding);
    const { response, usage } = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" });
    expect(response).toBe("echo: hi");
    expect(usage?.total_tokens).toBe(5);
    const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi", stream: true });
    expect(await stream.text()).toBe("Hello");
    const { shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
    expect(shape).toEqual([2, 768]);
    const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
    expect(image.contentType).toBe("image/png");
    expect([...image.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(binding.calls.map((c) => c.model)).toEqual([
      "@cf/meta/llama-3.1-8b-instruct-fast",
      "@cf/meta/llama-3.1-8b-instruct-fast",
      "@cf/baai/bge-base-en-v1.5",
      "@cf/stabilityai/stable-diffusion-xl-base-1.0",
    ]);
    expect(binding.calls[1]!.inputs).toEqual({ prompt: "hi", stream: true });
  });

  it("is on the Node build too, and refuses invalid input before the binding is called", async () => {
    const binding = standIn();
    const ai = NodeEdgeAI.fromBinding(binding);
    await expect(ai.run("@cf/baai/bge-base-en-v1.5", { text: 42 } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(binding.calls).toHaveLength(0);
  });

  it("maps binding errors by the code in their message and retries the retryable ones", async () => {
    const binding = standIn([new Error("3040: Capacity temporarily exceeded, please try again."), new Error("3040: Capacity temporarily exceeded, please try again.")]);
    const ai = EdgeAI.fromBinding(binding, { maxRetries: 1, retry: { initialDelayMs: 1, maxDelayMs: 1 } });
    const error = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CapacityError);
    expect(binding.calls).toHaveLength(2);
    const missing = EdgeAI.fromBinding(standIn([new Error("5007: No such model @cf/nobody/none or task")]), { maxRetries: 0 });
    await expect(missing.runUnknown("@cf/nobody/none", { prompt: "x" })).rejects.toBeInstanceOf(UnknownModelError);
  });

  it("passes the gateway option to the binding and reports its log id", async () => {
    const binding = standIn();
    const seen: (string | undefined)[] = [];
    const ai = EdgeAI.fromBinding(binding, { gateway: { id: "my-gw", skipCache: true, cacheTtl: 120, metadata: { user: "u1" }, onResponse: (i) => seen.push(i.logId) } });
    await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" });
    expect(binding.calls[0]!.options).toEqual({ gateway: { id: "my-gw", skipCache: true, cacheTtl: 120, metadata: { user: "u1" } } });
    expect(seen).toEqual(["log-1"]);
  });

  it("answers REST-only resources with a NotFoundError naming the binding, and rejects a non-binding", async () => {
    const ai = EdgeAI.fromBinding(standIn(), { maxRetries: 0 });
    const error = await ai.models.search({}).toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/binding/);
    expect(() => EdgeAI.fromBinding({} as AiBinding)).toThrow(/env\.AI/);
    expect(() => EdgeAI.fromBinding(standIn(), { gateway: { id: "gw", maxAttempts: 9 } })).toThrow(ValidationError);
  });

  it("cancels a slow binding call with the caller's signal", async () => {
    const slow: AiBinding = { run: () => new Promise(() => undefined) };
    const ai = EdgeAI.fromBinding(slow, { maxRetries: 0 });
    const controller = new AbortController();
    const pending = ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: "abort" });
  });
});
