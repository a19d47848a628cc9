import { describe, expect, expectTypeOf, it } from "vitest";
import { error, image, ok, stream } from "./answers.js";
import { createMock, defaultMock } from "./mock.js";
import type { MockRequest, MockResponse } from "./mock-response.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";

function post(path: string, body: unknown, token = "t"): MockRequest {
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return { method: "POST", path: `/accounts/${ACCOUNT}/ai/${path}`, query: new URLSearchParams(), header: (n) => (n === "authorization" ? `Bearer ${token}` : undefined), body: bytes };
}

describe("createMock", () => {
  it("answers from the contract when nothing is overridden", async () => {
    const res = await createMock().handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }));
    expect(res.status).toBe(200);
    expect((res.body as { result: { response: string } }).result.response).toEqual(expect.any(String));
  });

  it("wraps a bare result in the success envelope and passes the parsed input", async () => {
    const mock = createMock().run("@cf/meta/llama-3.1-8b-instruct-fast", (input) => ({ response: `echo ${"prompt" in input ? input.prompt : ""}` }));
    const res = await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" }));
    expect(res.body).toEqual({ result: { response: "echo hi" }, success: true, errors: [], messages: [] });
    expect(mock.calls).toEqual([{ method: "POST", path: `/accounts/${ACCOUNT}/ai/run/@cf/meta/llama-3.1-8b-instruct-fast`, model: "@cf/meta/llama-3.1-8b-instruct-fast", body: { prompt: "hi" }, status: 200 }]);
  });

  it("still refuses invalid input and missing tokens before an override runs", async () => {
    let called = 0;
    const mock = createMock({ tokens: ["good"] }).run("@cf/baai/bge-small-en-v1.5", () => {
      called++;
      return { shape: [1, 1], data: [[1]] };
    });
    expect((await mock.handle(post("run/@cf/baai/bge-small-en-v1.5", { text: ["a"] }, "bad"))).status).toBe(401);
    expect((await mock.handle(post("run/@cf/baai/bge-small-en-v1.5", { wrong: 1 }, "good"))).status).toBe(400);
    expect(called).toBe(0);
  });

  it("uses the newest override first and drops once-overrides after one answer", async () => {
    const mock = createMock()
      .run("@cf/meta/llama-3.1-8b-instruct-fast", () => ok({ response: "old" }))
      .run("@cf/meta/llama-3.1-8b-instruct-fast", () => error(429, 3040, "Capacity temporarily exceeded"), { once: true });
    const first = await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }));
    const second = await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }));
    expect(first.status).toBe(429);
    expect((first.body as { errors: unknown[] }).errors).toEqual([{ code: 3040, message: "Capacity temporarily exceeded" }]);
    expect((second.body as { result: unknown }).result).toEqual({ response: "old" });
    mock.reset();
    expect(((await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }))).body as { result: { response: string } }).result.response).not.toBe("old");
  });

  it("streams a plain {response} when the request asked for a stream, and passes stream() and image() through", async () => {
    const mock = createMock().run("@cf/meta/llama-3.1-8b-instruct-fast", () => ({ response: "one two three" }));
    const streamed = await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x", stream: true }));
    expect(streamed.body).toMatchObject({ kind: "sse", events: ['{"response":"one "}', '{"response":"two "}', '{"response":"three"}'] });
    mock.run("@cf/meta/llama-3.1-8b-instruct-fast", () => stream([{ response: "a" }, "raw"]));
    expect((await mock.handle(post("run/@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x", stream: true }))).body).toMatchObject({ events: ['{"response":"a"}', "raw"] });
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47);
    mock.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", () => image(png));
    const img: MockResponse = await mock.handle(post("run/@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "x" }));
    expect(img.headers["content-type"]).toBe("image/png");
    expect(img.body).toBe(png);
  });

  it("answers any route through use(), falling through on undefined", async () => {
    const mock = createMock().use((req) => (req.path.endsWith("/models/search") ? error(500, undefined, "down") : undefined));
    const get = (path: string): MockRequest => ({ method: "GET", path: `/accounts/${ACCOUNT}/ai/${path}`, query: new URLSearchParams(), header: (n) => (n === "authorization" ? "Bearer t" : undefined), body: new Uint8Array(0) });
    expect((await mock.handle(get("models/search"))).status).toBe(500);
    expect((await mock.handle(get("tasks/search"))).status).toBe(200);
  });

  it("types overrides by model id", () => {
    const mock = createMock();
    mock.run("@cf/baai/bge-base-en-v1.5", (input) => {
      expectTypeOf(input).toHaveProperty("text");
      return { shape: [1, 2], data: [[0.1, 0.2]] };
    });
    // @ts-expect-error: an embeddings model's result has no `response`
    mock.run("@cf/baai/bge-base-en-v1.5", () => ({ response: "text" }));
    // @ts-expect-error: not a catalogued model id
    mock.run("@cf/nobody/nothing", () => ({}));
  });

  it("keeps one process-wide default mock", () => {
    expect(defaultMock()).toBe(defaultMock());
  });
});
