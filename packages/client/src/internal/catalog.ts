/**
 * The client's view of the generated catalog: per model id, the names of its input and result schemas, resolved
 * once and cached, so a call costs one Map lookup. The schemas themselves are loaded with the first check
 * (validation.ts), so the catalog costs no zod at import.
 */
import { type CatalogModel, getModel } from "@edge-ai/contract/catalog";

/** What `run` needs to know about a catalogued model. */
export interface ModelInfo {
  model: CatalogModel;
  inputSchemaName: string;
  /** Undefined for binary outputs (images), which have no JSON schema. */
  outputSchemaName: string | undefined;
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
          outputSchemaName: model.outputSchemaName ?? undefined,
          deprecated: model.deprecated,
        }
      : null;
    cache.set(id, hit);
  }
  return hit ?? undefined;
}
