/**
 * The client in-process against the msw handlers: through the mocks' undici Dispatcher bridge (no socket), and
 * through the `fetch` option with msw's setupServer patching global fetch. Same handlers, two transports.
 */
import { createUndiciBridge } from "@edge-ai/mocks";
import { setupMockServer } from "@edge-ai/mocks/msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ClientOptions, EdgeAIStream, QuotaExhaustedError, RateLimitError, UnknownModelError } from "../src/index.js";
import { testClient } from "./support/client.js";

// Any origin works: the handlers match "*/accounts/...", and nothing listens on this port.
const baseUrl = "http://edge-ai.test/client/v4";
const msw = setupMockServer();
beforeAll(() => msw.listen({ onUnhandledRequest: "error" }));
afterAll(() => msw.close());

let key = 0;
const fault = (steps: string) => ({ headers: { "x-emulator-fault": steps, "x-emulator-fault-key": `bridge-${++key}` } });

const variants: [string, () => Partial<ClientOptions>][] = [
  ["undici bridge dispatcher", () => ({ dispatcher: createUndiciBridge() })],
  // Resolved per call, so msw's patch of globalThis.fetch is seen even if it happens after construction.
  ["fetch + msw setupServer", () => ({ fetch: (url, init) => globalThis.fetch(url, init) })],
];

for (const [name, options] of variants) {
  describe(`in-process mocks via ${name}`, () => {
    it("runs text generation, embeddings and images", async () => {
      const ai = testClient(baseUrl, options());
      const text = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
      expect(typeof text.response).toBe("string");
      const emb = await ai.run("@cf/baai/bge-small-en-v1.5", { text: ["a", "b", "c"] });
      expect(emb.data).toHaveLength(3);
      const img = await ai.run("@cf/leonardo/phoenix-1.0", { prompt: "x" });
      expect(img.contentType).toBe("image/jpeg");
    });

    it("streams to [DONE]", async () => {
      const ai = testClient(baseUrl, options());
      const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi", stream: true });
      expect(stream).toBeInstanceOf(EdgeAIStream);
      expect((await stream.text()).length).toBeGreaterThan(0);
    });

    it("maps faults and retries them", async () => {
      const ai = testClient(baseUrl, { ...options(), maxRetries: 0 });
      await expect(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }, fault("rate-limit:1"))).rejects.toBeInstanceOf(RateLimitError);
      await expect(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }, fault("quota"))).rejects.toBeInstanceOf(QuotaExhaustedError);
      const retrying = testClient(baseUrl, { ...options(), maxRetries: 2 });
      const ok = await retrying.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" }, fault("capacity,server-error"));
      expect(typeof ok.response).toBe("string");
    });

    it("reports an unknown model as UnknownModelError", async () => {
      const ai = testClient(baseUrl, { ...options(), maxRetries: 0 });
      await expect(ai.runUnknown("@cf/acme/does-not-exist", { prompt: "Hi" })).rejects.toBeInstanceOf(UnknownModelError);
    });

    it("serves discovery, chat and batch", async () => {
      const ai = testClient(baseUrl, options());
      const first = await ai.models.search({ per_page: 5 }).toArray();
      expect(first.length).toBeGreaterThan(5);
      const chat = await ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }] });
      expect(chat.choices.length).toBeGreaterThan(0);
      const job = await ai.batch.submit("@cf/baai/bge-base-en-v1.5", [{ text: ["a"] }, { text: ["b"] }]);
      const done = await ai.batch.wait("@cf/baai/bge-base-en-v1.5", job.request_id, { intervalMs: 5 });
      expect(done.responses.map((r) => r.id)).toEqual([0, 1]);
    });
  });
}
