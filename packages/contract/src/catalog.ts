/**
 * `@edge-ai/contract/catalog`: the model catalog and its lookups without the zod schemas. Code that must not
 * load zod when it is imported (the client, decision 0340) takes the catalog from here; a bundler splitting
 * the client would otherwise put the schemas beside the catalog, since the package index re-exports both.
 */
export {
  models,
  tasks,
  type ModelId,
  type TaskId,
  type ModelMap,
  type CatalogModel,
  type CatalogTask,
  type Capabilities,
  type Price,
  type OutputMedia,
} from "./generated/catalog.js";
export { getModel, isModelId } from "./model-lookup.js";
