/**
 * Type-level mapping from a model id to its input, result and return kind, read from the generated `ModelMap`
 * (a plain interface: model id -> named component types). One property lookup per call instead of searching the
 * `as const` catalog and inferring zod schemas keeps a quickstart's type-check small (docs/decisions/0300).
 * The component types keep fields with a default optional (the generator sets `defaultNonNullable: false`), so
 * `stream` or `max_tokens` are not mandatory in a request.
 */
import type { ModelMap, components } from "@edge-ai/contract";
import type { BinaryResult } from "./run.js";
import type { EdgeAIStream } from "./stream.js";
import type { TextGenerationChunk } from "./stream-chunks.js";

type Schemas = components["schemas"];

/** Every catalogued model id (`run` accepts only these; `runUnknown` takes any id). */
export type KnownModel = keyof ModelMap;

/** A contract component type by name, e.g. `Schema<"ChatMessage">`. */
export type Schema<N extends keyof Schemas> = Schemas[N];

/** Input of a model outside the catalog: any JSON object, or raw bytes. */
export type LooseInput = Record<string, unknown> | Uint8Array;

/**
 * Result of a model outside the catalog. Deliberately `any`: the SDK cannot know the shape, and forcing
 * `unknown` would make every such call site cast.
 */
// biome-ignore lint/suspicious/noExplicitAny: documented escape hatch for uncatalogued models
export type LooseResult = any;

/**
 * A text-generation answer as the API sends it (and as finished batch items carry it, since those are not
 * normalised): `response` is text, the parsed object in JSON mode, or absent/`null` beside tool calls; newer models
 * answer in the OpenAI `chat.completion` shape instead.
 */
export type TextGenerationAnswer = Schema<"TextGenerationOutput"> & Partial<Schema<"ChatCompletion">>;

/**
 * Result of a plain non-streaming text-generation call (no `response_format`, `guided_json`, `tools` or
 * `functions`): `response` is the generated text, `""` when the model generated none. The client derives it from
 * OpenAI-shaped answers too (`choices[0].message.content`), whose fields stay in place (docs/decisions/0330).
 */
export interface TextGenerationRunResult extends Partial<Schema<"ChatCompletion">> {
  /** The generated text. */
  response: string;
  tool_calls?: Schema<"ToolCall">[];
  usage?: Schema<"Usage">;
}

/**
 * Result of a JSON-mode call (`response_format` of type `json_object`/`json_schema`, or `guided_json`): `response`
 * is the parsed JSON object. It is not checked against the schema you sent; parse it with your own validator to
 * get a typed value (e.g. `Invoice.parse(result.response)` with zod). An answer that is not a JSON object is a
 * response `ValidationError` whose `rawBody` keeps what was received.
 */
export interface TextGenerationJsonResult extends Partial<Schema<"ChatCompletion">> {
  /** The parsed JSON object the model produced. */
  response: Record<string, unknown>;
  tool_calls?: Schema<"ToolCall">[];
  usage?: Schema<"Usage">;
}

/**
 * Result of a call that offers `tools` (or embedded `functions`): the model may answer with tool calls and no
 * text, so `response` is absent then (the API's `null` is dropped, nothing is made up); otherwise it is the text.
 */
export interface TextGenerationToolsResult extends Partial<Schema<"ChatCompletion">> {
  /** The generated text; absent when the model answered only with tool calls. */
  response?: string;
  tool_calls?: Schema<"ToolCall">[];
  usage?: Schema<"Usage">;
}

/** A JSON-mode call that also offers tools: the object, or nothing beside tool calls. */
interface TextGenerationJsonToolsResult extends Omit<TextGenerationJsonResult, "response"> {
  response?: Record<string, unknown>;
}

/** A call whose JSON mode is only known at run time (`response_format` may be undefined): either shape. */
interface TextGenerationMaybeJsonResult extends Omit<TextGenerationJsonResult, "response"> {
  response: string | Record<string, unknown>;
}

/** Input keys that switch on JSON mode, and those that offer tools. */
type JsonModeKey = "response_format" | "guided_json";
type ToolsKey = "tools" | "functions";

/** An input that certainly asks for JSON mode (the same rule as run.ts's `textMode`). */
type JsonModeInput = { response_format: { type: "json_object" | "json_schema" } } | { guided_json: object };

/**
 * The text-generation result for input `I`, read from its keys only (no search over models): plain text unless
 * the input asks for JSON mode or offers tools.
 */
export type TextResult<I> = [keyof I & (JsonModeKey | ToolsKey)] extends [never] ? TextGenerationRunResult : ModalTextResult<I>;

/** {@link TextResult} for an input that names a JSON-mode or tools key (kept apart so a plain call checks one thing). */
type ModalTextResult<I> = [keyof I & JsonModeKey] extends [never]
  ? TextGenerationToolsResult
  : [I] extends [JsonModeInput]
    ? [keyof I & ToolsKey] extends [never]
      ? TextGenerationJsonResult
      : TextGenerationJsonToolsResult
    : [keyof I & ToolsKey] extends [never]
      ? TextGenerationMaybeJsonResult
      : TextGenerationMaybeJsonResult | TextGenerationToolsResult;

/** Raw bytes when model `M` also takes them as its body. Not distributive, so it stays cheap for a generic `M`. */
type BinaryInput<M extends KnownModel> = ModelMap[M]["binaryInput"] extends true ? Uint8Array : never;

/**
 * What `run(model, input)` accepts for a catalogued model: one lookup in `ModelMap`. `run` constrains its input with
 * this rather than `ModelInput`, whose distributive check would be expanded over all ids while `M` is being
 * inferred (about 1,300 type instantiations per call instead of a few dozen; docs/decisions/0300).
 */
export type RunInput<M extends KnownModel> = ModelMap[M]["input"] | BinaryInput<M>;

/** What `run(model, input)` accepts for model `M`; any JSON object or bytes for a model outside the catalog. */
export type ModelInput<M extends string> = M extends KnownModel ? RunInput<M> : LooseInput;

/**
 * What `run(model, input)` resolves to for model `M` without streaming; for text generation it depends on the
 * input `I` (see {@link TextResult}), a plain call when `I` is not given.
 */
export type ModelOutput<M extends string, I = Record<never, never>> = M extends KnownModel
  ? ModelMap[M]["media"] extends "application/json"
    ? ModelMap[M]["task"] extends "text-generation"
      ? TextResult<I>
      : ModelMap[M]["output"]
    : BinaryResult
  : LooseResult;

/** Model `M`'s answer as the API sends it, without the client's normalisation (finished batch items). */
export type ModelAnswer<M extends string> = M extends KnownModel
  ? ModelMap[M]["media"] extends "application/json"
    ? ModelMap[M]["task"] extends "text-generation"
      ? TextGenerationAnswer
      : ModelMap[M]["output"]
    : BinaryResult
  : LooseResult;

/** The `stream` flag of an input as a type: `true`, `false`, `boolean` (not known statically) or `undefined`. */
type StreamFlag<I> = I extends Uint8Array ? undefined : "stream" extends keyof I ? I[Extract<"stream", keyof I>] : undefined;

/**
 * The return kind follows the input: `stream: true` gives a stream, no flag or `false` the model's result, and
 * a flag only known at run time (`boolean`) either of the two.
 */
export type RunResult<M extends string, I> = [StreamFlag<I>] extends [true]
  ? EdgeAIStream<TextGenerationChunk>
  : true extends StreamFlag<I>
    ? EdgeAIStream<TextGenerationChunk> | ModelOutput<M, I>
    : ModelOutput<M, I>;
