/**
 * The OpenAI-compatible endpoints (/ai/v1/chat/completions, /ai/v1/embeddings): no envelope on
 * success, the same reply plans and vectors as /ai/run.
 */
import type { MockResponse } from "../mock-response.js";
import type { ModelInfo } from "../model-info.js";
import { embed } from "./embeddings.js";
import { chatCompletion, chunkStreamEvents, planReply, responsesObject, type TextGenerationRequest } from "./text-generation.js";
import { estimateTokens } from "../words.js";

const JSON_HEADERS = { "content-type": "application/json" };

/** POST /ai/v1/chat/completions (JSON or `stream: true` chunks). */
export function chatCompletions(model: ModelInfo, input: TextGenerationRequest & { stream_options?: { include_usage?: boolean } }, seed: number, pacingMs: number, forceJson = false): MockResponse {
  const reply = planReply(input, seed);
  if (input.stream === true && !forceJson) {
    return {
      status: 200,
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
      body: { kind: "sse", events: chunkStreamEvents(reply, model.id, seed), pacingMs },
    };
  }
  return { status: 200, headers: JSON_HEADERS, body: chatCompletion(reply, model.id, seed) };
}

/** POST /ai/v1/embeddings; honours `encoding_format: "base64"` (the openai SDK's default). */
export function embeddings(model: ModelInfo, input: { input: string | string[]; encoding_format?: string }): MockResponse {
  const texts = Array.isArray(input.input) ? input.input : [input.input];
  const dimensions = model.dimensions ?? 768;
  const data = texts.map((text, index) => {
    const vector = embed(text, dimensions);
    const embedding = input.encoding_format === "base64" ? Buffer.from(Float32Array.from(vector).buffer).toString("base64") : vector;
    return { object: "embedding", index, embedding };
  });
  const tokens = texts.reduce((n, t) => n + estimateTokens(t), 0);
  return {
    status: 200,
    headers: JSON_HEADERS,
    body: { object: "list", data, model: model.id, usage: { prompt_tokens: tokens, total_tokens: tokens } },
  };
}

/** POST /ai/v1/responses (gpt-oss only, non-streaming). */
export function responses(model: ModelInfo, input: TextGenerationRequest, seed: number): MockResponse {
  return { status: 200, headers: JSON_HEADERS, body: responsesObject(planReply(input, seed), model.id, seed) };
}
