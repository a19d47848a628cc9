/**
 * Derives, once per schema, a copy in which every object rejects keys the contract does not name. Used only by
 * the "strict" response mode. Object shapes become getters so recursive schemas convert lazily without looping.
 */
import { z } from "zod";

type AnySchema = z.ZodType;
type Def = Record<string, unknown> & { type: string };

const cache = new WeakMap<AnySchema, AnySchema>();

/** The strict twin of `schema` (memoised). Catch-alls with a concrete type (maps) stay as they are. */
export function strictSchema(schema: AnySchema): AnySchema {
  const hit = cache.get(schema);
  if (hit) return hit;
  const out = convert(schema);
  cache.set(schema, out);
  return out;
}

function convert(schema: AnySchema): AnySchema {
  const def = schema._zod.def as unknown as Def;
  const clone = (patch: Record<string, unknown>) => (schema as unknown as { clone(d: unknown): AnySchema }).clone({ ...def, ...patch });
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, AnySchema>;
      const lazyShape: Record<string, AnySchema> = {};
      for (const key of Object.keys(shape)) {
        Object.defineProperty(lazyShape, key, { enumerable: true, get: () => strictSchema(shape[key] as AnySchema) });
      }
      const catchall = def.catchall as AnySchema | undefined;
      const open = catchall === undefined || catchall._zod.def.type === "unknown" || catchall._zod.def.type === "any";
      return clone({ shape: lazyShape, catchall: open ? z.never() : catchall });
    }
    case "array":
      return clone({ element: strictSchema(def.element as AnySchema) });
    case "union":
      return clone({ options: (def.options as AnySchema[]).map(strictSchema) });
    case "lazy": {
      const getter = def.getter as () => AnySchema;
      return z.lazy(() => strictSchema(getter()));
    }
    case "record":
      return clone({ valueType: strictSchema(def.valueType as AnySchema) });
    default:
      if (def.innerType !== undefined) return clone({ innerType: strictSchema(def.innerType as AnySchema) });
      return schema;
  }
}
