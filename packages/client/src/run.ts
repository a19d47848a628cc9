/**
 * `ai.run(model, input)`: validates the input against the model's contract schema, posts it to
 * `/ai/run/<slug>`, and decodes the answer by its Content-Type, not by the model: a JSON envelope becomes the
 * unwrapped `result`, `text/event-stream` an {@link EdgeAIStream}, and image/audio bytes `{ contentType, bytes }`.
 */
import { modelInfo } from "./internal/catalog.js";
import { unwrapEnvelope } from "./internal/envelope.js";
import { type ClientCore, parseJSON, type RequestOptions, type SentResponse } from "./internal/core.js";
import { modelPath } from "./internal/paths.js";
import { EdgeAIStream } from "./stream.js";
import { type TextGenerationChunk, toTextGenerationChunk } from "./stream-chunks.js";
import { fitResponse, normaliseTextGeneration, type TextMode, textMode } from "./text-response.js";
import { type ValidationMode, validateRequest, validateResponse } from "./validation.js";

/** Per-call options of `run`. */
export interface RunOptions extends RequestOptions {
  /** Queue the request as an async batch job (`?queueRequest=true`); prefer `ai.batch.submit`. */
  queueRequest?: boolean;
}

/** A binary model answer (SDXL-family images, some speech models). */
export interface BinaryResult {
  /** The response Content-Type, e.g. "image/png". */
  contentType: string;
  bytes: Uint8Array;
}

/** Shared context of run-like calls. */
export interface RunContext {
  core: ClientCore;
  validation: ValidationMode;
  /** Warns once per deprecated model id. */
  warned: Set<string>;
}

/** Implementation behind `EdgeAI.run`; typing lives in client.ts. */
export async function runModel(ctx: RunContext, model: string, input: unknown, options: RunOptions | undefined): Promise<unknown> {
  const info = modelInfo(model);
  const raw = input instanceof Uint8Array;
  if (!raw) {
    // A queued request carries `{requests: [...]}`, not the model's own input.
    await validateRequest(options?.queueRequest ? "BatchSubmitInput" : info?.inputSchemaName, input, ctx.validation);
  }
  if (info?.deprecated && !ctx.warned.has(model)) {
    ctx.warned.add(model);
    ctx.core.log.write("warn", `${model} is deprecated${info.deprecated.replacement ? `; use ${info.deprecated.replacement}` : ""}`);
  }
  const streaming = !raw && (input as { stream?: unknown } | null)?.stream === true;
  const path = `/ai/run/${modelPath(model)}${options?.queueRequest ? "?queueRequest=true" : ""}`;
  const sent = await ctx.core.send({
    method: "POST",
    path,
    body: input,
    ...(raw ? { contentType: "application/octet-stream" } : {}),
    streaming,
    options,
  });
  // A catalogued text model's `response` is made to match its type (run-types.ts `TextResult`); a queued
  // request answers a batch receipt, and a model outside the catalog is returned as decoded.
  const mode = info?.model.task === "text-generation" && !options?.queueRequest ? textMode(input) : undefined;
  return decodeRunResponse(ctx, sent, streaming, options?.queueRequest ? undefined : info?.outputSchemaName, mode);
}

/** Dispatches on Content-Type; see the module comment. */
export async function decodeRunResponse(
  ctx: RunContext,
  sent: SentResponse,
  streaming: boolean,
  /** The contract component the result should match; undefined skips the check. */
  outputSchemaName: string | undefined,
  mode?: TextMode,
): Promise<unknown> {
  const { response, done } = sent;
  const contentType = response.header("content-type") ?? "";
  if (contentType.startsWith("text/event-stream")) {
    return new EdgeAIStream<TextGenerationChunk>({ chunks: response.chunks(), finish: done, handle: sent.handle }, toTextGenerationChunk, ctx.core.scrub);
  }
  try {
    if (contentType.includes("json") || contentType === "") {
      const body = parseJSON(await response.text(), ctx.core.scrub);
      const result = unwrapEnvelope(ctx.core.scrub, response.status, () => response.headerRecord(), body);
      await validateResponse(outputSchemaName, result, ctx);
      let normalised = normaliseTextGeneration(result);
      if (mode) normalised = fitResponse(normalised, mode, outputSchemaName ?? "result", ctx);
      // Some models (gpt-oss) answer a stream request with JSON; callers still get something to iterate.
      return streaming ? EdgeAIStream.fromValues([normalised], toTextGenerationChunk, ctx.core.scrub) : normalised;
    }
    return { contentType, bytes: await response.bytes() } satisfies BinaryResult;
  } finally {
    done();
  }
}
