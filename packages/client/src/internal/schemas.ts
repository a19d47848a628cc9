/**
 * The contract's zod schemas by name, and the only module of the client that loads zod at run time. It is
 * reached through `import()` in validation.ts, so importing the client does not load zod (about as costly as
 * importing the whole openai SDK): the schemas are loaded on the first call that validates (decision 0340).
 */
import { schemas } from "@edge-ai/contract";
import { z } from "zod";

export { strictSchema } from "./strict-schema.js";

const cache = new Map<string, z.ZodType | null>();

/**
 * The schema of contract component `name`; `Name[]` is an array of that component. Undefined for names the
 * contract does not have (models newer than the catalog are run without a schema).
 */
export function schemaNamed(name: string): z.ZodType | undefined {
  let hit = cache.get(name);
  if (hit === undefined) {
    const list = name.endsWith("[]");
    const component = (schemas as Record<string, z.ZodType | undefined>)[list ? name.slice(0, -2) : name];
    hit = component === undefined ? null : list ? z.array(component) : component;
    cache.set(name, hit);
  }
  return hit ?? undefined;
}
