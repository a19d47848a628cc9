/**
 * `ai.embeddings.create`: the OpenAI-compatible embeddings endpoint (`/ai/v1/embeddings`), for code that expects
 * OpenAI's `{object: "list", data: [{embedding}]}` shape. `ai.run(embeddingModel, { text })` gives the native shape.
 */
import type { zEmbeddingList, zEmbeddingsRequest } from "@edge-ai/contract";
import type { z } from "zod";
import type { RequestOptions } from "../internal/core.js";
import type { RunContext } from "../run.js";
import type { APIPromise } from "../api-promise.js";
import { apiCall } from "../internal/call-meta.js";
import { validateRequest, validateResponse } from "../validation.js";

/** Request body of `embeddings.create`. */
export type EmbeddingsCreateParams = z.input<typeof zEmbeddingsRequest>;
/** OpenAI-shaped list of embeddings. */
export type EmbeddingList = z.output<typeof zEmbeddingList>;

/** The `ai.embeddings` namespace. */
export class Embeddings {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  /**
   * Embeds one text or a list of texts.
   * @example const { data } = await ai.embeddings.create({ model: "@cf/baai/bge-base-en-v1.5", input: ["a", "b"] });
   */
  create(params: EmbeddingsCreateParams, options?: RequestOptions): APIPromise<EmbeddingList> {
    return apiCall(options, (o) => this.#create(params, o));
  }

  async #create(params: EmbeddingsCreateParams, options: RequestOptions): Promise<EmbeddingList> {
    const ctx = this.#ctx;
    await validateRequest("EmbeddingsRequest", params, ctx.validation);
    const { result: list } = await ctx.core.json({ method: "POST", path: "/ai/v1/embeddings", body: params, streaming: false, options });
    await validateResponse("EmbeddingList", list, ctx);
    return list as EmbeddingList;
  }
}
