/**
 * `ai.chat.completions.create`: the OpenAI-compatible endpoint (`/ai/v1/chat/completions`). Answers are plain
 * OpenAI shapes with no Cloudflare envelope; streams yield `chat.completion.chunk` objects unchanged so code
 * written for the openai SDK keeps working.
 */
import type { zChatCompletion, zChatCompletionRequest } from "@edge-ai/contract";
import type { z } from "zod";
import { parseJSON, type RequestOptions } from "../internal/core.js";
import type { RunContext } from "../run.js";
import { unwrapEnvelope } from "../internal/envelope.js";
import type { APIPromise } from "../api-promise.js";
import { apiCall } from "../internal/call-meta.js";
import { EdgeAIStream } from "../stream.js";
import { validateRequest, validateResponse } from "../validation.js";

/** Request body of `chat.completions.create`. */
export type ChatCompletionCreateParams = z.input<typeof zChatCompletionRequest>;
/** A non-streamed chat completion. */
export type ChatCompletion = z.output<typeof zChatCompletion>;
/** One streamed chunk (`object: "chat.completion.chunk"`). */
export type ChatCompletionChunk = {
  id?: string;
  object?: string;
  created?: number;
  model?: string;
  choices: { index?: number; delta?: { role?: string; content?: string | null; reasoning_content?: string | null; tool_calls?: unknown[] }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | null;
  [key: string]: unknown;
};

const identity = (e: unknown) => (typeof e === "object" && e !== null ? (e as ChatCompletionChunk) : undefined);

/** A completion answered as JSON to a stream request, re-expressed as one chunk. */
function completionAsChunk(e: unknown): ChatCompletionChunk | undefined {
  const c = e as ChatCompletion;
  if (!Array.isArray(c?.choices)) return identity(e);
  return { ...c, object: "chat.completion.chunk", choices: c.choices.map((ch) => ({ index: ch.index, delta: ch.message as ChatCompletionChunk["choices"][0]["delta"], finish_reason: ch.finish_reason })) };
}

/** The `ai.chat.completions` namespace. */
export class ChatCompletions {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  /**
   * Creates a chat completion; with `stream: true` resolves to an async iterable of chunks.
   * @example const chat = await ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages });
   */
  create(params: ChatCompletionCreateParams & { stream: true }, options?: RequestOptions): APIPromise<EdgeAIStream<ChatCompletionChunk>>;
  create(params: ChatCompletionCreateParams & { stream?: false | undefined }, options?: RequestOptions): APIPromise<ChatCompletion>;
  create(params: ChatCompletionCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | EdgeAIStream<ChatCompletionChunk>>;
  create(params: ChatCompletionCreateParams, options?: RequestOptions): APIPromise<ChatCompletion | EdgeAIStream<ChatCompletionChunk>> {
    return apiCall(options, (o) => this.#create(params, o));
  }

  async #create(params: ChatCompletionCreateParams, options: RequestOptions): Promise<ChatCompletion | EdgeAIStream<ChatCompletionChunk>> {
    const ctx = this.#ctx;
    await validateRequest("ChatCompletionRequest", params, ctx.validation);
    const streaming = params.stream === true;
    const { response, done, handle } = await ctx.core.send({ method: "POST", path: "/ai/v1/chat/completions", body: params, streaming, options });
    if (response.header("content-type")?.startsWith("text/event-stream")) {
      return new EdgeAIStream<ChatCompletionChunk>({ chunks: response.chunks(), finish: done, handle }, identity, ctx.core.scrub);
    }
    try {
      const body = unwrapEnvelope(ctx.core.scrub, response.status, () => response.headerRecord(), parseJSON(await response.text(), ctx.core.scrub));
      await validateResponse("ChatCompletion", body, ctx);
      return streaming ? EdgeAIStream.fromValues([body], completionAsChunk, ctx.core.scrub) : (body as ChatCompletion);
    } finally {
      done();
    }
  }
}

/** The `ai.chat` namespace. */
export class Chat {
  readonly completions: ChatCompletions;
  constructor(ctx: RunContext) {
    this.completions = new ChatCompletions(ctx);
  }
}
