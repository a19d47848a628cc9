/**
 * Maps a validated /ai/run request to the task's responder. Pure: (model, input, seed) → MockResponse.
 */
import { success } from "../envelope.js";
import type { MockResponse } from "../mock-response.js";
import type { ModelInfo } from "../model-info.js";
import { embeddingsOutput, rerankOutput } from "./embeddings.js";
import { summarizationOutput, textClassificationOutput, translationOutput } from "./language.js";
import { fluxOutput, textToImageJpeg, textToImagePng, textToSpeechOutput, whisperOutput, whisperTurboOutput } from "./media.js";
import { chatCompletion, chunkStreamEvents, nativeOutput, nativeStreamEvents, planReply, responsesObject, type TextGenerationRequest } from "./text-generation.js";
import { imageClassificationOutput, imageToTextOutput, objectDetectionOutput } from "./vision.js";

/** Everything a responder may read. */
export interface RunContext {
  model: ModelInfo;
  /** Parsed JSON input, or raw bytes for binary-input models. */
  input: unknown;
  seed: number;
  /** Pacing between SSE events. */
  pacingMs: number;
  /** Answer JSON even if `stream: true` (fault `json-for-stream`). */
  forceJson?: boolean;
}

type Json = Record<string, unknown>;

/** Bytes of an audio/image input: a raw body, `number[]`, or a base64 string. */
export function inputBytes(input: unknown, field: string): number {
  if (input instanceof Uint8Array) return input.length;
  const value = (input as Json | undefined)?.[field];
  if (Array.isArray(value)) return value.length;
  if (typeof value === "string") return Math.floor((value.length * 3) / 4);
  return 0;
}

function sse(events: string[], pacingMs: number): MockResponse {
  return {
    status: 200,
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
    body: { kind: "sse", events, pacingMs },
  };
}

function binary(bytes: Uint8Array, type: string): MockResponse {
  return { status: 200, headers: { "content-type": type }, body: bytes };
}

function textGeneration(ctx: RunContext): MockResponse {
  const input = ctx.input as TextGenerationRequest;
  const reply = planReply(input, ctx.seed);
  const wantsStream = input.stream === true && !ctx.forceJson && !ctx.model.ignoresStream;
  if (wantsStream) {
    return sse(ctx.model.openAiShape ? chunkStreamEvents(reply, ctx.model.id, ctx.seed) : nativeStreamEvents(reply, ctx.seed), ctx.pacingMs);
  }
  if (input.input !== undefined && input.prompt === undefined && input.messages === undefined) {
    return success(responsesObject(reply, ctx.model.id, ctx.seed)); // gpt-oss Responses input
  }
  return success(ctx.model.openAiShape ? chatCompletion(reply, ctx.model.id, ctx.seed) : nativeOutput(reply));
}

/** The answer of a single (non-batch) run request. */
export function respondToRun(ctx: RunContext): MockResponse {
  const { model, seed } = ctx;
  const input = ctx.input as Json;
  switch (model.task) {
    case "text-generation":
      return textGeneration(ctx);
    case "text-embeddings":
      return success(embeddingsOutput(input as { text: string | string[] }, model.dimensions ?? 768));
    case "text-classification":
      if (model.inputSchema === "RerankInput" || Array.isArray(input["contexts"])) {
        return success(rerankOutput(input as Parameters<typeof rerankOutput>[0]));
      }
      return success(textClassificationOutput(input as { text: string }, seed));
    case "text-to-image":
      if (model.imageFormat === "base64") return success(fluxOutput(input, seed));
      if (model.imageFormat === "jpeg") return binary(textToImageJpeg(input, seed), "image/jpeg");
      return binary(textToImagePng(input, seed), "image/png");
    case "automatic-speech-recognition":
      if (model.outputSchema === "WhisperTurboOutput") {
        return success(whisperTurboOutput(inputBytes(input, "audio"), seed, (input["language"] as string | undefined) ?? "en"));
      }
      return success(whisperOutput(inputBytes(input, "audio"), seed));
    case "text-to-speech":
      return success(textToSpeechOutput(input));
    case "translation":
      return success(translationOutput(input as { text: string; target_lang: string }));
    case "summarization":
      return success(summarizationOutput(input as { input_text: string }));
    case "image-classification":
      return success(imageClassificationOutput(seed));
    case "object-detection":
      return success(objectDetectionOutput(seed));
    case "image-to-text":
      return success(imageToTextOutput(seed));
    default:
      return success({});
  }
}
