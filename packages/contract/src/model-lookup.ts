import { models, type CatalogModel, type ModelId } from "./generated/catalog.js";

const byId: ReadonlyMap<string, CatalogModel> = new Map(models.map((m) => [m.id, m]));

/**
 * Finds a catalogued model by slug. Returns undefined for models outside the catalog, which the client then runs
 * through the generic `runModel` operation with an untyped result.
 *
 * @example getModel("@cf/meta/llama-3.1-8b-instruct-fast")?.capabilities.streaming // true
 */
export function getModel(id: string): CatalogModel | undefined {
  return byId.get(id);
}

/** Narrows a string to a catalogued model id, so `ModelMap[id]` types apply. */
export function isModelId(id: string): id is ModelId {
  return byId.has(id);
}
