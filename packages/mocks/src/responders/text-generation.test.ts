import { describe, expect, it } from "vitest";
import { chatCompletion, chunkStreamEvents, nativeOutput, nativeStreamEvents, planReply, responsesObject } from "./text-generation.js";

describe("planReply", () => {
  it("answers text within max_tokens, with usage adding up", () => {
    const reply = planReply({ prompt: "Tell me something", max_tokens: 5 }, 1);
    expect(reply.plan.kind).toBe("text");
    expect(reply.usage.completion_tokens).toBeLessThanOrEqual(5);
    expect(reply.usage.total_tokens).toBe(reply.usage.prompt_tokens + reply.usage.completion_tokens);
  });

  it("calls the forced tool (OpenAI tool_choice) with schema-shaped arguments", () => {
    const tools = [
      { type: "function", function: { name: "a", parameters: { type: "object", properties: { x: { type: "integer" } } } } },
      { type: "function", function: { name: "b", parameters: { type: "object", properties: { y: { type: "string" } } } } },
    ];
    const reply = planReply({ messages: [{ role: "user", content: "go" }], tools, tool_choice: { type: "function", function: { name: "b" } } }, 3);
    expect(reply.plan.kind === "tools" && reply.plan.calls[0]!.name).toBe("b");
    expect(reply.plan.kind === "tools" && typeof reply.plan.calls[0]!.arguments["y"]).toBe("string");
  });

  it("answers in text once the last message is a tool result, so tool loops end", () => {
    const tools = [{ name: "a", parameters: { type: "object", properties: {} } }];
    const reply = planReply({ messages: [{ role: "user", content: "go" }, { role: "tool", content: "{\"ok\":true}" }], tools }, 4);
    expect(reply.plan.kind).toBe("text");
  });

  it("counts prompt tokens over the messages joined by newlines, non-string content as JSON", () => {
    const content = [{ type: "text", text: "hi" }];
    const joined = `be brief\n${JSON.stringify(content)}\nlast`;
    const reply = planReply({ messages: [{ role: "system", content: "be brief" }, { role: "user", content }, { role: "user", content: "last" }] }, 2);
    expect(reply.usage.prompt_tokens).toBe(Math.ceil(joined.length / 4));
    expect(planReply({ messages: [] }, 2).usage.prompt_tokens).toBe(1);
  });

  it("follows an OpenAI-wrapped json_schema as well as a bare one", () => {
    const schema = { type: "object", properties: { k: { type: "boolean" } }, required: ["k"] };
    for (const json_schema of [schema, { name: "x", strict: true, schema }]) {
      const reply = planReply({ prompt: "json", response_format: { type: "json_schema", json_schema } }, 5);
      expect(reply.plan.kind === "json" && typeof (reply.plan.value as { k: unknown }).k).toBe("boolean");
    }
  });
});

describe("renderings", () => {
  const reply = planReply({ prompt: "hello there", max_tokens: 8 }, 7);

  it("renders the native result, chat.completion and Responses shapes from one plan", () => {
    const text = (nativeOutput(reply) as { response: string }).response;
    const completion = chatCompletion(reply, "m", 7, 100) as { choices: Array<{ message: { content: string } }>; created: number };
    expect(completion.choices[0]!.message.content).toBe(text);
    expect(completion.created).toBe(100);
    expect((responsesObject(reply, "m", 7) as { output_text: string }).output_text).toBe(text);
  });

  it("streams one event per token and reassembles to the same text", () => {
    const native = nativeStreamEvents(reply, 7).map((e) => JSON.parse(e) as { response: string; usage?: unknown });
    expect(native.map((e) => e.response).join("")).toBe((nativeOutput(reply) as { response: string }).response);
    expect(native.at(-1)!.usage).toEqual(reply.usage);
    const chunks = chunkStreamEvents(reply, "m", 7).map((e) => JSON.parse(e) as { choices: Array<{ delta: { content?: string }; finish_reason: string | null }> });
    expect(chunks.map((c) => c.choices[0]!.delta.content ?? "").join("")).toBe((nativeOutput(reply) as { response: string }).response);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).not.toBeNull();
  });
});
