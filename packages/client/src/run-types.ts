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
 * Result of a non-streaming text-generation call. Native fields are always filled in (the client derives
 * `response`/`tool_calls` from OpenAI-shaped answers); the OpenAI fields are present when the model used that shape.
 */
export type TextGenerationRunResult = Schema<"TextGenerationOutput"> & Partial<Schema<"ChatCompletion">>;

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

/** What `run(model, input)` resolves to for model `M` without streaming. */
export type ModelOutput<M extends string> = M extends KnownModel
  ? ModelMap[M]["media"] extends "application/json"
    ? ModelMap[M]["task"] extends "text-generation"
      ? TextGenerationRunResult
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
    ? EdgeAIStream<TextGenerationChunk> | ModelOutput<M>
    : ModelOutput<M>;
