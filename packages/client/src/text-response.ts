/**
 * The `response` of a non-streaming text-generation answer, made to match its type in run-types.ts
 * (docs/decisions/0330): the text for a plain call, the parsed object in JSON mode, absent beside tool calls
 * when the call offered tools. The mode is read from the input by the same rule as the types (`TextResult`).
 */
import { ValidationError } from "./errors.js";
import { scrubValue } from "./redact.js";
import type { ResponseCheckContext } from "./validation.js";

/** What kind of `response` a text-generation call was promised, from its input. */
export interface TextMode {
  /** `response_format` of type json_object/json_schema, or `guided_json`: the answer is a JSON object. */
  json: boolean;
  /** `tools` or `functions` given: the answer may be tool calls and no text. */
  tools: boolean;
}

/** Reads the mode from a request body (anything but a plain object is a plain call). */
export function textMode(input: unknown): TextMode {
  if (typeof input !== "object" || input === null || input instanceof Uint8Array) return { json: false, tools: false };
  const i = input as { response_format?: { type?: unknown } | null; guided_json?: unknown; tools?: unknown; functions?: unknown };
  const format = i.response_format?.type;
  const json = format === "json_object" || format === "json_schema" || (typeof i.guided_json === "object" && i.guided_json !== null);
  return { json, tools: i.tools != null || i.functions != null };
}

/**
 * Newer models answer text generation in the OpenAI `chat.completion` shape even on /ai/run. Adding the native
 * fields (`response`, `tool_calls`) lets one code path read both; the OpenAI fields stay in place. `response` is
 * taken from `choices[0].message.content` only when that is text; what is missing is settled by {@link fitResponse}.
 */
export function normaliseTextGeneration(result: unknown): unknown {
  if (typeof result !== "object" || result === null || !Array.isArray((result as { choices?: unknown }).choices)) return result;
  const r = result as Record<string, unknown> & { choices: { message?: { content?: unknown; tool_calls?: unknown } }[] };
  if (r.response !== undefined) return result;
  const message = r.choices[0]?.message;
  if (message?.content !== undefined && message.content !== null) r.response = message.content;
  if (r.tool_calls === undefined && Array.isArray(message?.tool_calls)) r.tool_calls = message.tool_calls;
  return result;
}

const isJsonObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Makes `result.response` what the call's type says, in place:
 * - plain call: a string; absent or `null` becomes `""` (no text was generated); an object (the model answered
 *   JSON unasked) becomes its JSON text, with a logged warning;
 * - tools offered: a string, or absent (`null` dropped) when the answer carries tool calls;
 * - JSON mode: an object; JSON text is parsed. Anything else is a response ValidationError carrying the answer
 *   in `rawBody` (the type cannot hold it, and dropping a billed answer silently would be worse).
 */
export function fitResponse(result: unknown, mode: TextMode, schemaName: string, ctx: ResponseCheckContext): unknown {
  if (!isJsonObject(result)) return result;
  const value = result.response;
  const toolCallsOnly = mode.tools && (value === undefined || value === null) && Array.isArray(result.tool_calls);
  if (toolCallsOnly) {
    delete result.response;
    return result;
  }
  if (mode.json) {
    if (isJsonObject(value)) return result;
    const parsed = typeof value === "string" ? parseObject(value) : undefined;
    if (parsed !== undefined) {
      result.response = parsed;
      return result;
    }
    const got = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    throw new ValidationError(
      "response",
      schemaName,
      [{ path: "response", rule: "json_mode", message: `JSON mode was requested but the answer's response is ${got === "string" ? "text that is not a JSON object" : `${got}, not a JSON object`}` }],
      scrubValue(result, ctx.core.scrub),
    );
  }
  if (typeof value === "string") return result;
  if (value === undefined || value === null) {
    result.response = "";
  } else {
    result.response = JSON.stringify(value);
    ctx.core.log.write("warn", `${schemaName}: the answer's response is ${Array.isArray(value) ? "an array" : typeof value} although JSON mode was not requested; returned as its JSON text`);
  }
  return result;
}

/** A JSON object parsed from `text`, or undefined when it is not one. */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
