/**
 * Picks the one branch of an object union that an input can belong to, so request validation parses once.
 * The generated `oneOf` unions (prompt vs messages input) check every branch twice to prove exactly one
 * matches: four parses and two thrown-away ZodErrors per call, 9-29 µs, most of the client's overhead.
 * When the input's keys select exactly one branch (it has all of that branch's required keys and not all
 * of any other's), validating that branch alone gives the same verdict; otherwise the full union runs, so
 * ambiguous inputs still get the union's own error.
 */
import type { z } from "zod";

type AnySchema = z.ZodType;
interface Branch {
  schema: AnySchema;
  required: string[];
}

const cache = new WeakMap<AnySchema, Branch[] | null>();

/** The schema to validate `input` with: a single branch when the keys decide, else `schema` itself. */
export function selectBranch(schema: AnySchema, input: unknown): AnySchema {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return schema;
  const branches = branchesOf(schema);
  if (!branches) return schema;
  let chosen: Branch | undefined;
  for (const b of branches) {
    if (b.required.every((k) => (input as Record<string, unknown>)[k] !== undefined)) {
      if (chosen) return schema; // ambiguous: let the union report it
      chosen = b;
    }
  }
  return chosen ? selectBranch(chosen.schema, input) : schema;
}

function branchesOf(schema: AnySchema): Branch[] | null {
  let hit = cache.get(schema);
  if (hit !== undefined) return hit;
  const def = schema._zod.def as unknown as { type: string; options?: AnySchema[] };
  hit = null;
  if (def.type === "union" && def.options) {
    const list: Branch[] = [];
    for (const option of def.options) {
      const required = requiredKeys(option);
      // A branch with no required keys could match anything, so keys cannot rule it out: use the full union.
      if (required === null || required.length === 0) {
        list.length = 0;
        break;
      }
      list.push({ schema: option, required });
    }
    if (list.length > 0) hit = list;
  }
  cache.set(schema, hit);
  return hit;
}

/** Required keys of an object schema; for a nested union, the keys all of its branches require. */
function requiredKeys(schema: AnySchema): string[] | null {
  const def = schema._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
  if (def.type === "object" && def.shape) {
    return Object.keys(def.shape).filter((k) => (def.shape?.[k] as AnySchema)._zod.optin !== "optional");
  }
  const nested = branchesOf(schema);
  if (!nested) return null;
  // A branch that is itself a union needs the keys all of its own branches require (often none, which
  // disables selection for the outer union).
  return intersect(nested.map((b) => b.required));
}

function intersect(lists: string[][]): string[] {
  const [first = [], ...rest] = lists;
  return first.filter((k) => rest.every((l) => l.includes(k)));
}
