/**
 * The client's view of the generated catalog: per model id, the zod schemas of its input and result, resolved
 * once and cached, so a call costs one Map lookup.
 */
import { type CatalogModel, getModel, type SchemaName, schemas } from "@edge-ai/contract";
import type { z } from "zod";

/** What `run` needs to know about a catalogued model. */
export interface ModelInfo {
  model: CatalogModel;
  inputSchemaName: string;
  inputSchema: z.ZodType | undefined;
  outputSchemaName: string;
  /** Undefined for binary outputs (images), which have no JSON schema. */
  outputSchema: z.ZodType | undefined;
  deprecated: CatalogModel["deprecated"];
}

const cache = new Map<string, ModelInfo | null>();

/** Catalog facts for `id`, or undefined for a model outside the catalog (run with loose types). */
export function modelInfo(id: string): ModelInfo | undefined {
  let hit = cache.get(id);
  if (hit === undefined) {
    const model = getModel(id);
    hit = model
      ? {
          model,
          inputSchemaName: model.inputSchemaName,
          inputSchema: schemaByName(model.inputSchemaName),
          outputSchemaName: model.outputSchemaName ?? "binary",
          outputSchema: model.outputSchemaName ? schemaByName(model.outputSchemaName) : undefined,
          deprecated: model.deprecated,
        }
      : null;
    cache.set(id, hit);
  }
  return hit ?? undefined;
}

/** The zod schema of a contract component, if it has one. */
export function schemaByName(name: string): z.ZodType | undefined {
  return (schemas as Record<string, z.ZodType>)[name as SchemaName];
}
