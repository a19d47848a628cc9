/**
 * The contract's catalog, normalised for the mocks (model-info.ts). Reading happens in one place
 * so a change in the generated catalog's field names touches only this file.
 */
import * as contract from "@edge-ai/contract";
import type { ImageFormat, ModelInfo } from "./model-info.js";

type Entry = Record<string, unknown>;

function field(entry: Entry, ...names: string[]): unknown {
  for (const name of names) if (entry[name] !== undefined) return entry[name];
  return undefined;
}

function asRecord(value: unknown): Entry {
  return typeof value === "object" && value !== null ? (value as Entry) : {};
}

function list(value: unknown): Entry[] {
  if (Array.isArray(value)) return value as Entry[];
  return Object.entries(asRecord(value)).map(([id, v]) => ({ id, ...asRecord(v) }));
}

/** A task of the catalog. */
export interface TaskInfo {
  id: string;
  name: string;
  description: string;
  inputSchema: string | undefined;
  outputSchema: string | undefined;
  rateLimitPerMinute: number;
}

const tasksById = new Map<string, TaskInfo>();
for (const t of list((contract as Entry)["tasks"])) {
  const id = String(field(t, "id", "slug"));
  tasksById.set(id, {
    id,
    name: String(field(t, "name", "displayName") ?? id),
    description: String(field(t, "description") ?? ""),
    inputSchema: field(t, "inputSchemaName", "input") as string | undefined,
    outputSchema: (field(t, "outputSchemaName", "output") as string | null | undefined) ?? undefined,
    rateLimitPerMinute: Number(field(t, "rateLimitPerMinute", "rate_limit_per_minute") ?? 300),
  });
}

function imageFormat(media: unknown, outputSchema: string | undefined): ImageFormat | undefined {
  const text = Array.isArray(media) ? media.join(",") : String(media ?? "");
  if (text.includes("image/jpeg")) return "jpeg";
  if (text.includes("image/png")) return "png";
  // A JSON text-to-image answer is `{image: base64}` (flux, lucid-origin, ...).
  if (outputSchema) return "base64";
  return undefined;
}

function normalise(m: Entry): ModelInfo {
  const id = String(m["id"]);
  const taskId = String(field(m, "task", "taskId"));
  const task = tasksById.get(taskId);
  const caps = asRecord(field(m, "capabilities"));
  const flags = (field(m, "flags") as string[] | undefined) ?? [];
  const outputSchema = (field(m, "outputSchemaName", "output") as string | undefined) ?? task?.outputSchema;
  const capability = (...names: string[]): boolean => names.some((n) => caps[n] === true);
  const streaming = capability("streaming");
  const method = String(field(m, "method") ?? "");
  return {
    id,
    task: taskId,
    taskName: task?.name ?? taskId,
    description: String(field(m, "description") ?? ""),
    operationId: String(field(m, "operationId") ?? `run${method}`),
    inputSchema: (field(m, "inputSchemaName", "input") as string | undefined) ?? task?.inputSchema,
    outputSchema,
    imageFormat: taskId === "text-to-image" ? imageFormat(field(m, "media", "outputMedia", "output_media"), outputSchema) : undefined,
    outputMedia: String(field(m, "outputMedia", "output_media") ?? "application/json"),
    dimensions: field(m, "embeddingDimensions", "dimensions") as number | undefined,
    // Newer reasoning models answer chat.completion-shaped results even on /ai/run (workers-ai-api.md §2.1); the
    // chat-completions models (whose result schema only accepts a chat.completion) too, see responders/fit.ts.
    openAiShape: /gpt-oss|kimi/.test(id),
    // Models without the streaming capability answer JSON to `stream: true` (gpt-oss, Kimi, llama-guard).
    ignoresStream: taskId === "text-generation" && !streaming,
    streaming,
    binaryInput: field(m, "binaryInput", "binary_input") === true,
    asyncQueue: capability("async_batch", "asyncBatch"),
    functionCalling: capability("function_calling", "functionCalling"),
    rateLimitPerMinute: Number(field(m, "rateLimitPerMinute", "rate_limit_per_minute") ?? task?.rateLimitPerMinute ?? 300),
    deprecated: Boolean(field(m, "deprecated")),
    beta: flags.includes("beta") || caps["beta"] === true,
    raw: m,
  };
}

/** Every catalogued model, in catalog order. */
export const catalogModels: readonly ModelInfo[] = list((contract as Entry)["models"]).map(normalise);

const modelsById = new Map(catalogModels.map((m) => [m.id, m]));

/** The model with this id, or undefined (the caller answers 5007). */
export function findModel(id: string): ModelInfo | undefined {
  return modelsById.get(id);
}

/** Every task, in catalog order. */
export const catalogTasks: readonly TaskInfo[] = [...tasksById.values()];

type ComponentSchema = { safeParse(value: unknown): { success: boolean; error?: unknown } };
const componentSchemas = new Map<string, ComponentSchema | undefined>();

/** The zod schema of a component by name (from the contract's `schemas` map), looked up once per name. */
export function componentSchema(name: string | undefined): ComponentSchema | undefined {
  if (!name) return undefined;
  if (componentSchemas.has(name)) return componentSchemas.get(name);
  const schema = asRecord((contract as Entry)["schemas"])[name] as ComponentSchema | undefined;
  componentSchemas.set(name, schema);
  return schema;
}
