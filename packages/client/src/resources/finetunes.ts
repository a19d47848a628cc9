/**
 * Fine-tunes: `ai.finetunes.list()`, `.create({model, name})`, `.listPublic()` and `.uploadAsset(id, file)`
 * (multipart `file` + `file_name`). Requests are checked against the contract before anything is sent.
 */
import type { zFinetune, zFinetuneAsset, zFinetuneCreateRequest } from "@edge-ai/contract";
import type { z } from "zod";
import type { RequestOptions } from "../internal/core.js";
import { encodeMultipart, fileBytes, type UploadFile } from "../internal/multipart.js";
import { queryString } from "../internal/paths.js";
import type { RunContext } from "../run.js";
import { ValidationError } from "../errors.js";
import { validateRequest, validateResponse } from "../validation.js";

/** A fine-tune (LoRA adapter) of the account or a public one. */
export type Finetune = z.output<typeof zFinetune>;
/** What `create` takes: the LoRA base model, a unique name, optional description and visibility. */
export type FinetuneCreateParams = z.input<typeof zFinetuneCreateRequest>;
/** A stored fine-tune asset. */
export type FinetuneAsset = z.output<typeof zFinetuneAsset>;
/** Paging of the public list. */
export interface PublicFinetuneParams {
  limit?: number;
  offset?: number;
  orderBy?: string;
}

/** The `ai.finetunes` namespace. */
export class Finetunes {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  async #get<T>(path: string, schemaName: string, options?: RequestOptions): Promise<T> {
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "GET", path, streaming: false, options });
    await validateResponse(schemaName, result, ctx);
    return result as T;
  }

  /**
   * The account's fine-tunes.
   * @example for (const f of await ai.finetunes.list()) console.log(f.name, f.model);
   */
  async list(options?: RequestOptions): Promise<Finetune[]> {
    return (await this.#get<Finetune[] | null>("/ai/finetunes", "Finetune[]", options)) ?? [];
  }

  /**
   * Fine-tunes Cloudflare publishes for everyone.
   * @example const adapters = await ai.finetunes.listPublic({ limit: 10 });
   */
  async listPublic(params: PublicFinetuneParams = {}, options?: RequestOptions): Promise<Finetune[]> {
    return (await this.#get<Finetune[] | null>(`/ai/finetunes/public${queryString({ ...params })}`, "Finetune[]", options)) ?? [];
  }

  /**
   * Creates a fine-tune; upload its `adapter_config.json` and `adapter_model.safetensors` next.
   * @example const f = await ai.finetunes.create({ model: "@cf/mistral/mistral-7b-instruct-v0.2-lora", name: "my-adapter" });
   */
  async create(params: FinetuneCreateParams, options?: RequestOptions): Promise<Finetune> {
    const ctx = this.#ctx;
    await validateRequest("FinetuneCreateRequest", params, "strict");
    const { result } = await ctx.core.json({ method: "POST", path: "/ai/finetunes", body: params, streaming: false, options });
    await validateResponse("Finetune", result, ctx);
    return result as Finetune;
  }

  /**
   * Uploads one asset of a fine-tune (multipart `file` + `file_name`).
   * @example await ai.finetunes.uploadAsset(f.id, { name: "adapter_config.json", data: configJson });
   */
  async uploadAsset(finetuneId: string, file: UploadFile, options?: RequestOptions): Promise<FinetuneAsset> {
    if (typeof finetuneId !== "string" || finetuneId === "") {
      throw new ValidationError("request", "FinetuneAssetUpload", [{ path: "finetune_id", rule: "required", message: "a fine-tune id is required" }]);
    }
    if (!file || typeof file.name !== "string" || file.name === "") {
      throw new ValidationError("request", "FinetuneAssetUpload", [{ path: "file_name", rule: "required", message: "the file needs a name" }]);
    }
    const { body, contentType } = encodeMultipart([
      ["file", { filename: file.name, data: await fileBytes(file), contentType: file.type }],
      ["file_name", file.name],
    ]);
    const ctx = this.#ctx;
    const path = `/ai/finetunes/${encodeURIComponent(finetuneId)}/finetune-assets`;
    const { result } = await ctx.core.json({ method: "POST", path, body, contentType, streaming: false, options });
    await validateResponse("FinetuneAsset", result, ctx);
    return result as FinetuneAsset;
  }
}
