import { describe, expect, it } from "vitest";
import { StreamError } from "./errors.js";
import { EdgeAIStream } from "./stream.js";
import { toTextGenerationChunk } from "./stream-chunks.js";

function source(parts: string[]) {
  const state = { finished: 0, pulled: 0 };
  const chunks = (async function* () {
    for (const p of parts) {
      state.pulled++;
      yield new TextEncoder().encode(p);
    }
  })();
  return { state, src: { chunks, finish: () => void state.finished++ } };
}

async function collect<T>(s: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of s) out.push(x);
  return out;
}

describe("EdgeAIStream over native events", () => {
  it("yields response deltas, drops the p padding, keeps the last usage and ends at [DONE]", async () => {
    const { src, state } = source([
      'data: {"response":"Hel","p":"abcdef"}\n\n',
      'data: {"response":"lo","p":"x","usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}\n\ndata: {"response":"","usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5},"finish_reason":"stop"}\n\n',
      "data: [DONE]\n\n",
    ]);
    const stream = new EdgeAIStream(src, toTextGenerationChunk);
    const chunks = await collect(stream);
    expect(chunks.map((c) => c.response)).toEqual(["Hel", "lo", ""]);
    expect(chunks[0]).not.toHaveProperty("p");
    expect(stream.usage).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
    expect(stream.finishReason).toBe("stop");
    expect(state.finished).toBe(1);
  });

  it("passes native tool calls through", async () => {
    const { src } = source(['data: {"response":"","tool_calls":[{"name":"weather","arguments":{"city":"Paris"}}]}\n\ndata: [DONE]\n\n']);
    const [chunk] = await collect(new EdgeAIStream(src, toTextGenerationChunk));
    expect(chunk?.tool_calls).toEqual([{ name: "weather", arguments: { city: "Paris" } }]);
  });

  it("throws a truncated StreamError when the body ends without [DONE]", async () => {
    const { src, state } = source(['data: {"response":"par"}\n\n']);
    const seen: string[] = [];
    const err = await (async () => {
      for await (const c of new EdgeAIStream(src, toTextGenerationChunk)) seen.push(c.response);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["par"]);
    expect(err).toBeInstanceOf(StreamError);
    expect((err as StreamError).reason).toBe("truncated");
    expect((err as StreamError).kind).toBe("stream");
    expect(state.finished).toBe(1);
  });

  it("throws a malformed StreamError on an event that is not JSON", async () => {
    const { src } = source(["data: {oops\n\n"]);
    await expect(collect(new EdgeAIStream(src, toTextGenerationChunk))).rejects.toMatchObject({ reason: "malformed" });
  });

  it("reports an error event sent mid-stream", async () => {
    const { src } = source(['data: {"response":"a"}\n\ndata: {"success":false,"errors":[{"code":3040,"message":"capacity"}]}\n\n']);
    await expect(collect(new EdgeAIStream(src, toTextGenerationChunk))).rejects.toMatchObject({ reason: "upstream" });
  });

  it("stops reading and releases the body when the consumer breaks early", async () => {
    const { src, state } = source(['data: {"response":"a"}\n\n', 'data: {"response":"b"}\n\n', "data: [DONE]\n\n"]);
    for await (const _ of new EdgeAIStream(src, toTextGenerationChunk)) break;
    expect(state.pulled).toBe(1);
    expect(state.finished).toBe(1);
  });

  it("can be iterated only once", async () => {
    const { src } = source(["data: [DONE]\n\n"]);
    const s = new EdgeAIStream(src, toTextGenerationChunk);
    await collect(s);
    expect(() => s[Symbol.asyncIterator]()).toThrow(/once/);
  });
});

describe("EdgeAIStream over OpenAI chunks", () => {
  it("maps choices[0].delta to response/reasoning/tool_calls and tolerates a final chunk with no choices", async () => {
    const ev = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
    const base = { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m" };
    const { src } = source([
      ev({ ...base, choices: [{ index: 0, delta: { reasoning_content: "think" }, finish_reason: null }] }),
      ev({ ...base, choices: [{ index: 0, delta: { content: "Hi" }, finish_reason: null }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }),
      ev({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: "c1", type: "function", function: { name: "f", arguments: "{" } }] }, finish_reason: "tool_calls" }] }),
      ev({ ...base, choices: [], usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 } }),
      "data: [DONE]\n\n",
    ]);
    const stream = new EdgeAIStream(src, toTextGenerationChunk);
    const chunks = await collect(stream);
    expect(chunks[0]).toEqual({ response: "", reasoning: "think" });
    expect(chunks[1]?.response).toBe("Hi");
    expect(chunks[2]?.tool_calls).toHaveLength(1);
    expect(chunks[2]?.finish_reason).toBe("tool_calls");
    expect(stream.usage?.total_tokens).toBe(4);
    expect(stream.finishReason).toBe("tool_calls");
  });
});

describe("stream helpers", () => {
  it("text() joins every delta", async () => {
    const { src } = source(['data: {"response":"a"}\n\ndata: {"response":"b"}\n\ndata: [DONE]\n\n']);
    expect(await new EdgeAIStream(src, toTextGenerationChunk).text()).toBe("ab");
  });

  it("toReadableStream() yields the same chunks as a web stream", async () => {
    const { src } = source(['data: {"response":"a"}\n\ndata: [DONE]\n\n']);
    const rs = new EdgeAIStream(src, toTextGenerationChunk).toReadableStream();
    const reader = rs.getReader();
    expect((await reader.read()).value).toEqual({ response: "a" });
    expect((await reader.read()).done).toBe(true);
  });

  it("fromValues() turns a JSON answer into a one-chunk stream", async () => {
    const s = EdgeAIStream.fromValues([{ response: "whole", usage: { total_tokens: 9 } }], toTextGenerationChunk);
    expect(await collect(s)).toEqual([{ response: "whole", usage: { total_tokens: 9 } }]);
    expect(s.usage).toEqual({ total_tokens: 9 });
  });
});
