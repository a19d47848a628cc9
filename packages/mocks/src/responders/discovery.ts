/**
 * Discovery endpoints over the catalog: models/search (filters + paging), models/schema (JSON
 * Schemas derived from the contract's zod components), tasks/search and authors/search.
 */
import { z } from "zod";
import { catalogModels, catalogTasks, componentSchema } from "../catalog.js";
import { failure, success, unknownModel } from "../envelope.js";
import type { MockResponse } from "../mock-response.js";
import type { ModelInfo } from "../model-info.js";
import { hashSeed, seededUuid } from "../seed.js";

function taskObject(model: ModelInfo): Record<string, unknown> {
  const task = catalogTasks.find((t) => t.id === model.task);
  return { id: seededUuid(hashSeed("task", model.task)), name: model.taskName, description: task?.description ?? "" };
}

function properties(model: ModelInfo): Array<{ property_id: string; value: unknown }> {
  const raw = model.raw;
  const out: Array<{ property_id: string; value: unknown }> = [];
  if (model.beta) out.push({ property_id: "beta", value: "true" });
  if (model.asyncQueue) out.push({ property_id: "async_queue", value: "true" });
  if (model.functionCalling) out.push({ property_id: "function_calling", value: "true" });
  const contextWindow = raw["contextWindow"] ?? raw["context_window"];
  if (typeof contextWindow === "number") out.push({ property_id: "context_window", value: String(contextWindow) });
  if (model.dimensions) out.push({ property_id: "output_dimensions", value: String(model.dimensions) });
  // The rest of the upstream facts the catalog carries (openapi/upstream → x-edge-ai-model → catalog).
  const caps = (raw["capabilities"] ?? {}) as Record<string, unknown>;
  if (caps["lora"] === true) out.push({ property_id: "lora", value: "true" });
  if (caps["vision"] === true) out.push({ property_id: "vision", value: "true" });
  if (caps["reasoning"] === true) out.push({ property_id: "reasoning", value: "true" });
  const flags = (raw["flags"] ?? []) as string[];
  for (const flag of ["partner", "realtime", "require_workers_paid"]) if (flags.includes(flag)) out.push({ property_id: flag, value: "true" });
  const prices = raw["prices"];
  if (Array.isArray(prices) && prices.length > 0) out.push({ property_id: "price", value: prices });
  const deprecated = raw["deprecated"];
  if (deprecated && typeof deprecated === "object" && "date" in deprecated) {
    out.push({ property_id: "planned_deprecation_date", value: String((deprecated as { date: unknown }).date) });
  }
  return out;
}

const modelObjects = new Map<string, Record<string, unknown>>();

/** The Model object of models/search for a catalogued model (built once; the catalog is static). */
export function modelObject(model: ModelInfo): Record<string, unknown> {
  let object = modelObjects.get(model.id);
  if (!object) modelObjects.set(model.id, (object = buildModelObject(model)));
  return object;
}

function buildModelObject(model: ModelInfo): Record<string, unknown> {
  return {
    id: seededUuid(hashSeed("model", model.id)),
    source: 1,
    name: model.id,
    description: model.description,
    task: taskObject(model),
    created_at: "2025-01-15 12:00:00.000",
    tags: [],
    properties: properties(model),
  };
}

function positiveInt(query: URLSearchParams, name: string, fallback: number): number | MockResponse {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) return failure(400, undefined, `Bad input: query parameter ${name} must be an integer >= 1, got "${raw}"`);
  return value;
}

const truthy = (v: string | null): boolean => v === "true" || v === "1";

/** GET models/search: `search`, `task`, `author`, `hide_experimental`, `include_deprecated`, paging. */
export function searchModels(query: URLSearchParams): MockResponse {
  const page = positiveInt(query, "page", 1);
  if (typeof page !== "number") return page;
  const perPage = positiveInt(query, "per_page", 20);
  if (typeof perPage !== "number") return perPage;
  const search = query.get("search")?.toLowerCase();
  const task = query.get("task")?.toLowerCase();
  const author = query.get("author")?.toLowerCase();
  const matches = catalogModels.filter((m) => {
    if (m.deprecated && !truthy(query.get("include_deprecated"))) return false;
    if (m.beta && truthy(query.get("hide_experimental"))) return false;
    if (search && !m.id.toLowerCase().includes(search) && !m.description.toLowerCase().includes(search)) return false;
    if (task && m.task !== task && m.taskName.toLowerCase() !== task) return false;
    if (author && m.id.split("/")[1]?.toLowerCase() !== author) return false;
    return true;
  });
  const slice = matches.slice((page - 1) * perPage, page * perPage).map(modelObject);
  return success(slice, {
    resultInfo: { page, per_page: perPage, count: slice.length, total_count: matches.length, total_pages: Math.ceil(matches.length / perPage) },
  });
}

const jsonSchemaCache = new Map<string, unknown>();

function jsonSchemaOf(name: string | undefined, model: ModelInfo): unknown {
  if (!name) {
    const media = model.imageFormat === "jpeg" ? "image/jpeg" : "image/png";
    return { type: "string", format: "binary", contentMediaType: media };
  }
  let schema = jsonSchemaCache.get(name);
  if (schema === undefined) {
    try {
      schema = z.toJSONSchema(componentSchema(name) as z.ZodType, { unrepresentable: "any", io: "input" });
    } catch {
      schema = { type: "object", description: name };
    }
    jsonSchemaCache.set(name, schema);
  }
  return schema;
}

/** GET models/schema?model=: the model's input and output JSON Schemas. */
export function modelSchema(query: URLSearchParams, find: (id: string) => ModelInfo | undefined): MockResponse {
  const id = query.get("model");
  if (!id) return failure(400, undefined, "Bad input: query parameter model is required");
  const model = find(id);
  if (!model) return unknownModel(id);
  return success({ input: jsonSchemaOf(model.inputSchema, model), output: jsonSchemaOf(model.outputSchema, model) });
}

let taskList: unknown[] | undefined;
let authorList: unknown[] | undefined;

/** GET tasks/search. */
export function searchTasks(): MockResponse {
  taskList ??= catalogTasks.map((t) => ({ id: seededUuid(hashSeed("task", t.id)), name: t.name, description: t.description }));
  return success(taskList);
}

/** GET authors/search: the authors behind the catalogued model ids. */
export function searchAuthors(): MockResponse {
  authorList ??= [...new Set(catalogModels.map((m) => m.id.split("/")[1]!))]
    .sort()
    .map((name) => ({ id: seededUuid(hashSeed("author", name)), name, description: `Models published by ${name}` }));
  return success(authorList);
}
