/**
 * The README quickstart, unchanged apart from the client options, against the emulator over a real socket.
 * tsc checks this file too, so the quickstart's types are part of the test.
 */
import { startEmulator, type RunningEmulator } from "@edge-ai/mocks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EdgeAI } from "../src/index.js";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true, rateLimits: false });
});
afterAll(async () => {
  await emulator.close();
});

describe("README quickstart against the emulator", () => {
  it("runs every line and gets the promised shapes", async () => {
    const ai = new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "test-token-0123456789", baseUrl: emulator.url });
    const messages = [{ role: "user", content: "Tell me about lighthouses" }];
    const model = "@cf/meta/llama-3.1-8b-instruct-fast";

    const { response, usage } = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
    expect(typeof response).toBe("string");
    expect(usage?.total_tokens).toBeGreaterThan(0);

    let streamed = "";
    for await (const chunk of await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: true })) streamed += chunk.response ?? "";
    expect(streamed.length).toBeGreaterThan(0);

    const { data, shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
    expect(data).toHaveLength(2);
    expect(shape?.[0]).toBe(2);

    const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
    expect(image.contentType).toBe("image/png");
    expect([...image.bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const names: string[] = [];
    for await (const m of ai.models.search({ task: "Text Generation" })) names.push(m.name);
    expect(names).toContain("@cf/meta/llama-3.1-8b-instruct-fast");

    const chat = await ai.chat.completions.create({ model, messages });
    expect(chat.choices[0]?.message.content).toBeTruthy();
    await ai.close();
  });
});
