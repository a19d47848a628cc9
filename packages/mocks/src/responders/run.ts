/**
 * Maps a validated /ai/run request to the task's responder. Pure: (model, input, seed) → MockResponse.
 */
import { success } from "../envelope.js";
import type { MockResponse } from "../mock-response.js";
import type { ModelInfo } from "../model-info.js";
import { embeddingsOutput, rerankOutput } from "./embeddings.js";
import { summarizationOutput, textClassificationOutput, translationOutput } from "./language.js";
import { acceptsInputField, fitResult, fitsModel, sampledResult } from "./fit.js";
import { fluxOutput, speechMp3, textToImageJpeg, textToImagePng, textToSpeechOutput, whisperOutput, whisperTurboOutput } from "./media.js";
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
const inputOf = (ctx: RunContext): Json => (ctx.input && typeof ctx.input === "object" ? (ctx.input as Json) : {});

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

const chatShaped = new Map<string, boolean>();
/**
 * OpenAI-shaped answers: gpt-oss/Kimi by observation, and models whose result schema refuses the native shape.
 * Decided once per model from the same plain-text reply, so the shape never depends on which request came first
 * (a JSON-mode or tool-call reply may fit neither shape and must not decide it for later plain calls).
 */
function openAiShape(model: ModelInfo): boolean {
  if (model.openAiShape) return true;
  let hit = chatShaped.get(model.id);
  if (hit === undefined) {
    const plain = planReply({ prompt: "Hello" }, 0);
    hit = !fitsModel(model, nativeOutput(plain)) && fitsModel(model, chatCompletion(plain, model.id, 0, 0));
    chatShaped.set(model.id, hit);
  }
  return hit;
}

/** The request as the model reads it: JSON-mode fields its input schema does not name are ignored, like upstream. */
function honoured(model: ModelInfo, input: TextGenerationRequest): TextGenerationRequest {
  const dropFormat = input.response_format !== undefined && !acceptsInputField(model, "response_format");
  const dropGuided = input.guided_json !== undefined && !acceptsInputField(model, "guided_json");
  if (!dropFormat && !dropGuided) return input; // nothing to ignore: no copy (the planner only reads the request)
  const out = { ...input };
  if (dropFormat) delete out.response_format;
  if (dropGuided) delete out.guided_json;
  return out;
}

function textGeneration(ctx: RunContext): MockResponse {
  const input = honoured(ctx.model, ctx.input as TextGenerationRequest);
  const reply = planReply(input, ctx.seed);
  const openAi = openAiShape(ctx.model);
  const wantsStream = input.stream === true && !ctx.forceJson && !ctx.model.ignoresStream;
  if (wantsStream) {
    return sse(openAi ? chunkStreamEvents(reply, ctx.model.id, ctx.seed) : nativeStreamEvents(reply, ctx.seed), ctx.pacingMs);
  }
  if (input.input !== undefined && input.prompt === undefined && input.messages === undefined) {
    return success(responsesObject(reply, ctx.model.id, ctx.seed)); // gpt-oss Responses input
  }
  return success(fitResult(ctx.model, openAi ? chatCompletion(reply, ctx.model.id, ctx.seed) : nativeOutput(reply), ctx.seed));
}

/** The answer of a single (non-batch) run request, in the model's own result shape. */
export function respondToRun(ctx: RunContext): MockResponse {
  const streaming = inputOf(ctx)["stream"] === true && ctx.model.streaming && !ctx.forceJson;
  // A streaming model of another task (moondream) streams its text like a text model.
  if (streaming && ctx.model.task !== "text-generation") return textGeneration(ctx);
  let answer: MockResponse;
  try {
    answer = respondByTask(ctx);
  } catch {
    // The task responder expects the task's usual input; a model with its own input shape still gets its own result.
    return success(fitResult(ctx.model, undefined, ctx.seed));
  }
  const body = answer.body as unknown;
  if (answer.status !== 200 || ctx.model.task === "text-generation" || !body || typeof body !== "object" || !("result" in body)) return answer;
  return success(fitResult(ctx.model, (body as { result: unknown }).result, ctx.seed));
}

function respondByTask(ctx: RunContext): MockResponse {
  const { model, seed } = ctx;
  if (model.outputMedia === "audio/mpeg") {
    // aura-1/aura-2 answer raw MP3 bytes (upstream output: contentType audio/mpeg).
    return binary(speechMp3(String(inputOf(ctx)["text"] ?? inputOf(ctx)["prompt"] ?? "")), "audio/mpeg");
  }
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
      // Tasks without a hand-written responder (voice activity detection, ...) answer a sample of their schema.
      return success(sampledResult(model, seed));
  }
}
