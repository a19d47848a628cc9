/**
 * Discovery: `ai.models.search` (auto-paginating), `ai.models.schema`, `ai.tasks.list`, `ai.authors.list`.
 * Results are typed from the contract's components, which the official SDK leaves as `unknown`.
 */
import type { zAuthor, zModel, zModelSchema, zTask } from "@edge-ai/contract";
import type { z } from "zod";
import type { RequestOptions } from "../internal/core.js";
import { queryString } from "../internal/paths.js";
import { PageIterator, type ResultInfo } from "../pagination.js";
import type { RunContext } from "../run.js";
import type { APIPromise } from "../api-promise.js";
import { apiCall, describeResponse } from "../internal/call-meta.js";
import { validateResponse } from "../validation.js";

/** A model as `models/search` describes it. */
export type Model = z.output<typeof zModel>;
/** The `{input, output}` JSON Schemas of a model. */
export type ModelSchema = z.output<typeof zModelSchema>;
/** A task as `tasks/search` describes it. */
export type Task = z.output<typeof zTask>;
/** An author as `authors/search` describes it. */
export type Author = z.output<typeof zAuthor>;

/** Filters of `models/search`; `task` takes the display name ("Text Generation"). */
export interface ModelSearchParams {
  task?: string;
  author?: string;
  search?: string;
  source?: number;
  hide_experimental?: boolean;
  include_deprecated?: boolean;
  /** Page size (the API default applies when omitted). */
  per_page?: number;
  /** First page to fetch (1-based). */
  page?: number;
}

/** The `ai.models` namespace. */
export class Models {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  /**
   * Iterates over every matching model, fetching pages as needed.
   * @example for await (const model of ai.models.search({ task: "Text Generation" })) console.log(model.name);
   */
  search(params: ModelSearchParams = {}, options?: RequestOptions): PageIterator<Model> {
    const ctx = this.#ctx;
    const { page: first, ...filters } = params;
    return new PageIterator<Model>(
      async (page) => {
        const path = `/ai/models/search${queryString({ ...filters, page })}`;
        const { body, result: items, response } = await ctx.core.json({ method: "GET", path, streaming: false, options });
        await validateResponse("Model[]", items, ctx);
        return { items: (items as Model[] | null) ?? [], resultInfo: (body as { result_info?: ResultInfo }).result_info, response: describeResponse(response) };
      },
      first ?? 1,
      params.per_page,
    );
  }

  /**
   * The input and output JSON Schemas of one model.
   * @example const { input } = await ai.models.schema("@cf/baai/bge-base-en-v1.5");
   */
  schema(model: string, options?: RequestOptions): APIPromise<ModelSchema> {
    return apiCall(options, (o) => this.#schema(model, o));
  }

  async #schema(model: string, options: RequestOptions): Promise<ModelSchema> {
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "GET", path: `/ai/models/schema${queryString({ model })}`, streaming: false, options });
    await validateResponse("ModelSchema", result, ctx);
    return result as ModelSchema;
  }
}

/** The `ai.tasks` namespace. */
export class Tasks {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }
  /** Every task Workers AI offers. */
  list(options?: RequestOptions): APIPromise<Task[]> {
    return apiCall(options, (o) => this.#list(o));
  }

  async #list(options: RequestOptions): Promise<Task[]> {
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "GET", path: "/ai/tasks/search", streaming: false, options });
    await validateResponse("Task[]", result, ctx);
    return (result as Task[] | null) ?? [];
  }
}

/** The `ai.authors` namespace. */
export class Authors {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }
  /** Every model author. */
  list(options?: RequestOptions): APIPromise<Author[]> {
    return apiCall(options, (o) => this.#list(o));
  }

  async #list(options: RequestOptions): Promise<Author[]> {
    const ctx = this.#ctx;
    const { result } = await ctx.core.json({ method: "GET", path: "/ai/authors/search", streaming: false, options });
    await validateResponse("Author[]", result, ctx);
    return (result as Author[] | null) ?? [];
  }
}
