/**
 * Text generation: one reply plan per request (plain text, a JSON-mode object or tool calls),
 * rendered as the native Workers AI shape, the OpenAI chat.completion shape, or either stream.
 * The OpenAI-compatible /ai/v1 endpoint renders the same plans.
 */
import { createRng, type Rng } from "../seed.js";
import { estimateTokens, sentencePieces, tokensForLength } from "../words.js";
import { valueFromSchema } from "./json-from-schema.js";

/** The loose view of TextGenerationInput / ChatCompletionRequest the planner reads. */
export interface TextGenerationRequest {
  prompt?: string;
  /** Responses-API input (gpt-oss): a string or a list of input items. */
  input?: unknown;
  instructions?: string;
  max_output_tokens?: number;
  messages?: Array<{ role?: string; content?: unknown; tool_call_id?: string }>;
  max_tokens?: number;
  stream?: boolean;
  tools?: unknown[];
  tool_choice?: unknown;
  response_format?: { type?: string; json_schema?: unknown };
  /** Workers AI's older JSON mode: a bare JSON Schema the answer follows (gemma-3, llama-4-scout, ...). */
  guided_json?: unknown;
}

/** A tool call in neutral form; `arguments` is the parsed object. */
export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** What the model "decided" to answer. */
export type ReplyPlan =
  | { kind: "text"; pieces: string[]; text: string; truncated: boolean }
  | { kind: "json"; value: unknown; text: string }
  | { kind: "tools"; calls: PlannedToolCall[] };

/** A plan plus token usage. */
export interface Reply {
  plan: ReplyPlan;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

function promptText(input: TextGenerationRequest): string {
  if (typeof input.prompt === "string") return input.prompt;
  if (input.input !== undefined) return `${input.instructions ?? ""}${typeof input.input === "string" ? input.input : JSON.stringify(input.input)}`;
  return (input.messages ?? [])
    .map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? "")))
    .join("\n");
}

/** `promptText(input).length` without building the text (the common chat case runs once per request). */
function promptLength(input: TextGenerationRequest): number {
  if (typeof input.prompt === "string" || input.input !== undefined) return promptText(input).length;
  const messages = input.messages;
  if (messages === undefined || messages.length === 0) return 0;
  let length = messages.length - 1; // the "\n" separators
  for (const m of messages) length += typeof m.content === "string" ? m.content.length : JSON.stringify(m.content ?? "").length;
  return length;
}

function toolSpec(tool: unknown): { name: string; parameters: unknown } | undefined {
  if (typeof tool !== "object" || tool === null) return undefined;
  const t = tool as Record<string, unknown>;
  const fn = (t["function"] as Record<string, unknown> | undefined) ?? t;
  return typeof fn["name"] === "string" ? { name: fn["name"], parameters: fn["parameters"] } : undefined;
}

/** The bare JSON Schema of a response_format (accepts Workers AI's bare schema and OpenAI's wrapper). */
function requestedSchema(format: TextGenerationRequest["response_format"]): unknown {
  const js = format?.json_schema;
  if (js && typeof js === "object" && "schema" in js && ("name" in js || "strict" in js)) return (js as { schema: unknown }).schema;
  return js;
}

function usageOf(promptTokens: number, completion: number): Reply["usage"] {
  return { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion };
}

/** Decides the reply for a request; deterministic for a seed. */
export function planReply(input: TextGenerationRequest, seed: number): Reply {
  const rng = createRng(seed);
  const promptTokens = tokensForLength(promptLength(input));
  const lastRole = input.messages?.at(-1)?.role;
  const tools = input.tools !== undefined && input.tools.length > 0 ? input.tools.map(toolSpec).filter((t) => t !== undefined) : [];
  if (tools.length > 0 && lastRole !== "tool" && input.tool_choice !== "none") {
    const forced = typeof input.tool_choice === "object" && input.tool_choice !== null
      ? toolSpec(input.tool_choice)?.name
      : undefined;
    const tool = tools.find((t) => t.name === forced) ?? rng.pick(tools);
    const args = valueFromSchema(tool.parameters ?? { type: "object" }, rng, tool.name);
    const call = { id: `chatcmpl-tool-${rng.hex(24)}`, name: tool.name, arguments: (args ?? {}) as Record<string, unknown> };
    return { plan: { kind: "tools", calls: [call] }, usage: usageOf(promptTokens, estimateTokens(JSON.stringify(call.arguments)) + 5) };
  }
  const format = input.response_format?.type;
  const guided = input.guided_json && typeof input.guided_json === "object" ? input.guided_json : undefined;
  if (format === "json_object" || format === "json_schema" || guided) {
    const schema = guided ?? requestedSchema(input.response_format) ?? {
      type: "object",
      properties: { answer: { type: "string" }, confidence: { type: "number", minimum: 0, maximum: 1 } },
    };
    const value = valueFromSchema(schema, rng, "answer");
    const text = JSON.stringify(value);
    return { plan: { kind: "json", value, text }, usage: usageOf(promptTokens, estimateTokens(text)) };
  }
  const limit = input.max_tokens ?? input.max_output_tokens ?? 256;
  const wanted = rng.int(12, 48);
  const count = Math.max(1, Math.min(limit, wanted));
  const pieces = sentencePieces(rng, count);
  return { plan: { kind: "text", pieces, text: pieces.join(""), truncated: count < wanted }, usage: usageOf(promptTokens, count) };
}

/** The native `/ai/run` result: `{response, tool_calls?, usage}`. */
export function nativeOutput(reply: Reply): Record<string, unknown> {
  const { plan, usage } = reply;
  if (plan.kind === "tools") {
    return { response: "", tool_calls: plan.calls.map((c) => ({ name: c.name, arguments: c.arguments })), usage };
  }
  return { response: plan.kind === "json" ? plan.value : plan.text, usage };
}

function finishReason(plan: ReplyPlan): string {
  if (plan.kind === "tools") return "tool_calls";
  return plan.kind === "text" && plan.truncated ? "length" : "stop";
}

function openAiToolCalls(plan: ReplyPlan): unknown[] | undefined {
  if (plan.kind !== "tools") return undefined;
  return plan.calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.arguments) } }));
}

/** The OpenAI `chat.completion` object (newer models on /ai/run, and /ai/v1/chat/completions). */
export function chatCompletion(reply: Reply, model: string, seed: number, created = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  const { plan } = reply;
  const toolCalls = openAiToolCalls(plan);
  const message: Record<string, unknown> = { role: "assistant", content: plan.kind === "tools" ? null : plan.text };
  if (toolCalls) message["tool_calls"] = toolCalls;
  return {
    id: `chatcmpl-${createRng(seed).hex(24)}`,
    object: "chat.completion",
    created,
    model,
    choices: [{ index: 0, message, finish_reason: finishReason(plan) }],
    usage: reply.usage,
  };
}

function padding(rng: Rng): string {
  return "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, rng.int(2, 24));
}

/** Native SSE payloads: `{response, p}` per token, tool calls in one event, a final usage event. */
export function nativeStreamEvents(reply: Reply, seed: number): string[] {
  const rng = createRng(seed ^ 0x5e5e);
  const { plan } = reply;
  const events: string[] = [];
  if (plan.kind === "tools") {
    events.push(JSON.stringify({ response: "", tool_calls: plan.calls.map((c) => ({ name: c.name, arguments: c.arguments })) }));
  } else {
    const pieces = plan.kind === "text" ? plan.pieces : chunkText(plan.text);
    for (const piece of pieces) events.push(JSON.stringify({ response: piece, p: padding(rng) }));
  }
  events.push(JSON.stringify({ response: "", usage: reply.usage }));
  return events;
}

/** OpenAI `chat.completion.chunk` payloads, the last one carrying finish_reason and usage. */
export function chunkStreamEvents(reply: Reply, model: string, seed: number, created = Math.floor(Date.now() / 1000)): string[] {
  const id = `chatcmpl-${createRng(seed).hex(24)}`;
  const chunk = (delta: object, finish: string | null, usage?: object): string =>
    JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) });
  const { plan } = reply;
  const events = [chunk({ role: "assistant", content: "" }, null)];
  if (plan.kind === "tools") {
    plan.calls.forEach((c, index) => {
      events.push(chunk({ tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] }, null));
      events.push(chunk({ tool_calls: [{ index, function: { arguments: JSON.stringify(c.arguments) } }] }, null));
    });
  } else {
    const pieces = plan.kind === "text" ? plan.pieces : chunkText(plan.text);
    for (const piece of pieces) events.push(chunk({ content: piece }, null));
  }
  events.push(chunk({}, finishReason(plan), reply.usage));
  return events;
}

function chunkText(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 8) out.push(text.slice(i, i + 8));
  return out;
}

/** The OpenAI Responses API object (gpt-oss: /ai/v1/responses, and Responses input on /ai/run). */
export function responsesObject(reply: Reply, model: string, seed: number, created = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  const rng = createRng(seed);
  const { plan, usage } = reply;
  const output: Array<Record<string, unknown>> = [
    { type: "reasoning", id: `rs_${rng.hex(24)}`, summary: [], content: [{ type: "reasoning_text", text: "The user asked a question; answer briefly." }] },
  ];
  let text = "";
  if (plan.kind === "tools") {
    for (const call of plan.calls) {
      output.push({ type: "function_call", id: `fc_${rng.hex(24)}`, call_id: call.id, name: call.name, arguments: JSON.stringify(call.arguments), status: "completed" });
    }
  } else {
    text = plan.text;
    output.push({
      type: "message",
      id: `msg_${rng.hex(24)}`,
      role: "assistant",
      status: "completed",
      content: [{ type: "output_text", text, annotations: [] }],
    });
  }
  return {
    id: `resp_${rng.hex(24)}`,
    object: "response",
    created_at: created,
    model,
    status: "completed",
    output,
    output_text: text,
    usage: { input_tokens: usage.prompt_tokens, output_tokens: usage.completion_tokens, total_tokens: usage.total_tokens },
  };
}
