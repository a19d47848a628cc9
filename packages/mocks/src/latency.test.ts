import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseCliOptions } from "./cli-options.js";
import { dispatch } from "./dispatch.js";
import { writeResponse } from "./emulator/write-response.js";
import { answerDelayMs, eventSchedule, latencyProfile, modelSizeB } from "./latency.js";
import { isSse, type MockRequest, type SseEvents } from "./mock-response.js";
import { MockState } from "./mock-state.js";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const post = (model: string, body: unknown): MockRequest => ({
  method: "POST",
  path: `/accounts/${ACCOUNT}/ai/run/${model}`,
  query: new URLSearchParams(),
  header: (n) => (n === "authorization" ? "Bearer t" : undefined),
  body: new TextEncoder().encode(JSON.stringify(body)),
});

describe("realistic latency", () => {
  it("reads the size from the model id and slows bigger models down", () => {
    expect(modelSizeB("@cf/meta/llama-3.2-1b-instruct")).toBe(1);
    expect(modelSizeB("@cf/openai/gpt-oss-120b")).toBe(120);
    expect(modelSizeB("@cf/qwen/qwen3-30b-a3b-fp8")).toBe(30);
    expect(modelSizeB("@cf/baai/bge-base-en-v1.5")).toBeUndefined();
    const small = latencyProfile("realistic", "@cf/meta/llama-3.2-1b-instruct")!;
    const big = latencyProfile("realistic", "@cf/meta/llama-3.3-70b-instruct-fp8")!;
    expect(small.firstTokenMs).toBeLessThan(big.firstTokenMs);
    expect(small.tokensPerSecond).toBeGreaterThan(big.tokensPerSecond);
    expect(latencyProfile("realistic", "@cf/meta/llama-3.1-8b-instruct-fast")!.firstTokenMs).toBeLessThan(latencyProfile("realistic", "@cf/meta/llama-3.1-8b-instruct")!.firstTokenMs);
    expect(latencyProfile("instant", "@cf/meta/llama-3.1-8b-instruct")).toBeUndefined();
    expect(latencyProfile({ firstTokenMs: 10, tokensPerSecond: 100 }, "x")).toEqual({ firstTokenMs: 10, tokensPerSecond: 100 });
  });

  it("schedules the first token after the delay, then one event per 1/rate seconds", () => {
    expect(eventSchedule({ firstTokenMs: 250, tokensPerSecond: 80 }, 4)).toEqual([250, 263, 275, 288]);
    expect(answerDelayMs({ firstTokenMs: 250, tokensPerSecond: 50 }, 100)).toBe(2250);
  });

  it("attaches the schedule to streams and a delay to JSON text answers only when asked", () => {
    const realistic = new MockState({ latency: "realistic" });
    const streamed = dispatch(post("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi", stream: true }), realistic);
    expect(isSse(streamed.body)).toBe(true);
    const sse = streamed.body as SseEvents;
    expect(sse.schedule).toEqual(eventSchedule(latencyProfile("realistic", "@cf/meta/llama-3.1-8b-instruct")!, sse.events.length));
    const json = dispatch(post("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi" }), realistic);
    expect(json.transport?.delayMs).toBeGreaterThan(250);
    const embeddings = dispatch(post("@cf/baai/bge-small-en-v1.5", { text: ["a"] }), realistic);
    expect(embeddings.transport).toBeUndefined();
    const instant = dispatch(post("@cf/meta/llama-3.1-8b-instruct", { prompt: "hi", stream: true }), new MockState());
    expect((instant.body as SseEvents).schedule).toBeUndefined();
  });

  it("parses --latency and refuses other values", () => {
    expect(parseCliOptions(["--latency", "realistic"], {}).latency).toBe("realistic");
    expect(parseCliOptions([], { EDGE_AI_EMULATOR_LATENCY: "instant" }).latency).toBe("instant");
    expect(parseCliOptions([], {}).latency).toBeUndefined();
    expect(() => parseCliOptions(["--latency", "slow"], {})).toThrow(/--latency/);
  });
});

describe("the emulator's SSE writer under a schedule (fake timers, no wall clock)", () => {
  afterEach(() => vi.useRealTimers());

  it("writes each event at its offset and [DONE] after the last", () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const res = Object.assign(new EventEmitter(), {
      destroyed: false,
      writeHead: () => res,
      flushHeaders: () => undefined,
      write: (chunk: string) => written.push(chunk),
      end: (chunk: string) => written.push(chunk),
      destroy: () => undefined,
    });
    writeResponse(res as unknown as ServerResponse, { status: 200, headers: {}, body: { kind: "sse", events: ["a", "b", "c"], schedule: [100, 150, 200] } });
    expect(written).toEqual([]);
    vi.advanceTimersByTime(99);
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(["data: a\n\n"]);
    vi.advanceTimersByTime(50);
    expect(written).toEqual(["data: a\n\n", "data: b\n\n"]);
    vi.advanceTimersByTime(50);
    expect(written).toEqual(["data: a\n\n", "data: b\n\n", "data: c\n\n", "data: [DONE]\n\n"]);
  });
});
