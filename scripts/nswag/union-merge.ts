/**
 * Canonical shapes for `oneOf`/`anyOf` (checklist rule 6). NSwag keeps only the first member of a union, so the
 * export replaces each union by one shape that every member fits:
 * - object members are merged into one object (all properties, `required` = the keys every member requires);
 * - `X | X[]` becomes `X[]` (a one-element array is what a scalar means to the API);
 * - a value | its encoded string form (`contentEncoding`) becomes the value;
 * - anything else (string | object, number | string…) becomes an explicit "any" schema (`x-edge-ai-any`),
 *   which NSwag maps to `object` (System.Text.Json: `JsonElement` when reading, the runtime type when writing).
 * Works on SOURCE (3.1) schemas; the caller converts the result.
 */
import type { Report } from "./report.js";

/** A JSON Schema node as found in the source document. */
export type Schema = Record<string, unknown>;

/** Resolves a `#/components/schemas/Name` reference against the source components. */
export type Deref = (ref: string) => Schema;

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);

/** True for members that only say "null" (`type: null`, `type: ["null"]`, `const: null`, `enum: [null]`). */
export function isNullSchema(s: Schema): boolean {
  if (s.type === "null") return true;
  if (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null") return true;
  if ("const" in s && s.const === null) return true;
  return Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null;
}

/** Follows `$ref` chains and flattens nested unions, so classification sees concrete members. */
export function flattenMembers(members: Schema[], deref: Deref, depth = 0): Schema[] {
  const out: Schema[] = [];
  for (const m of members) {
    const r = typeof m.$ref === "string" ? deref(m.$ref) : m;
    const nested = (r.oneOf ?? r.anyOf) as Schema[] | undefined;
    if (Array.isArray(nested) && depth < 8) out.push(...flattenMembers(nested, deref, depth + 1));
    else out.push(r);
  }
  return out;
}

/** The JSON type a member stands for, inferred like NJsonSchema does when `type` is missing. */
export function kindOf(s: Schema): string {
  if (typeof s.type === "string") return s.type;
  if (Array.isArray(s.type)) return (s.type as string[]).filter((t) => t !== "null").join("|") || "null";
  if (isObj(s.properties) || s.additionalProperties !== undefined) return "object";
  if (s.items !== undefined) return "array";
  if ("const" in s) return typeof s.const === "number" ? "number" : typeof s.const;
  if (Array.isArray(s.enum) && s.enum.every((v) => typeof v === "string")) return "string";
  return "any";
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Values a string property may take in a member (`const` or `enum`); undefined when it is open. */
function literalValues(s: Schema): unknown[] | undefined {
  if ("const" in s) return [s.const];
  return Array.isArray(s.enum) ? s.enum : undefined;
}

/** Merges two property schemas seen in different members into one that accepts both. */
function mergeProperty(a: Schema, b: Schema, deref: Deref): Schema | undefined {
  if (same(a, b)) return a;
  // `X` and `X | null` merge into `X | null`.
  const strip = (s: Schema) => {
    const u = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    const rest = Array.isArray(u) ? u.filter((m) => !isNullSchema(m)) : undefined;
    return rest && rest.length === 1 && rest.length < (u as Schema[]).length ? (rest[0] as Schema) : undefined;
  };
  if (same(strip(a), b)) return a;
  if (same(strip(b), a)) return b;
  const la = literalValues(a);
  const lb = literalValues(b);
  if (la && lb && kindOf(a) === kindOf(b)) {
    const { const: _c, ...rest } = a;
    return { ...rest, type: kindOf(a), enum: [...new Set([...la, ...lb])] };
  }
  const ra = typeof a.$ref === "string" ? deref(a.$ref) : a;
  const rb = typeof b.$ref === "string" ? deref(b.$ref) : b;
  if (ra.type === "array" && isObj(ra.items) && same(ra.items, b)) return a;
  if (rb.type === "array" && isObj(rb.items) && same(rb.items, a)) return b;
  if (kindOf(ra) === kindOf(rb) && kindOf(ra) !== "object" && kindOf(ra) !== "array") {
    return { ...a, description: (a.description ?? b.description) as string | undefined };
  }
  return undefined;
}

/** The canonical shape of a union; `where` and the report record what was given up. */
export function canonicalUnion(members: Schema[], deref: Deref, where: string, report: Report): Schema {
  const flat = flattenMembers(members, deref).filter((m) => !isNullSchema(m));
  const kinds = flat.map(kindOf);
  if (flat.length === 0) return { "x-edge-ai-any": true };
  if (flat.length === 1) return flat[0] as Schema;
  if (kinds.every((k) => k === "object")) return mergeObjects(flat, deref, where, report);
  // An encoded string form of the same value (`contentEncoding`, e.g. base64 embeddings) exports as the decoded
  // form: that is what the client asks for by default, and a typed member beats an untyped one.
  const encoded = flat.findIndex((m) => kindOf(m) === "string" && typeof m.contentEncoding === "string");
  if (flat.length === 2 && encoded !== -1) {
    report.add(6, where, `"${String(flat[encoded]?.contentEncoding)}" string alternative dropped; the decoded ${kindOf(flat[1 - encoded] as Schema)} form is exported`);
    return flat[1 - encoded] as Schema;
  }
  if (flat.length === 2 && kinds.includes("array")) {
    const arr = flat[kinds.indexOf("array")] as Schema;
    const other = flat[1 - kinds.indexOf("array")] as Schema;
    const items = isObj(arr.items) ? arr.items : {};
    const itemsResolved = typeof items.$ref === "string" ? deref(items.$ref) : items;
    if (kindOf(itemsResolved) === kindOf(other) && kindOf(other) !== "object") {
      report.add(6, where, `"${kindOf(other)} | ${kindOf(other)}[]" exported as the array form only`);
      return arr;
    }
  }
  if (kinds.every((k) => k === kinds[0]) && kinds[0] !== "array") {
    report.add(6, where, `union of ${flat.length} ${kinds[0]} members exported as one ${kinds[0]}`);
    return { type: kinds[0], description: members.map((m) => m.description).find((d) => d) };
  }
  report.add(6, where, `union of ${kinds.join(" | ")} exported as an untyped value (C# object / JsonElement)`);
  // The member kinds stay readable, so the shipped C# client can type `string | object` answers as text (0261).
  return { "x-edge-ai-any": true, "x-edge-ai-union": [...new Set(kinds)].sort() };
}

/** Merges object members: properties united, conflicting property types become "any", `required` intersected. */
function mergeObjects(members: Schema[], deref: Deref, where: string, report: Report): Schema {
  const props = new Map<string, Schema>();
  const conflicts = new Set<string>();
  for (const m of members) {
    for (const [k, v] of Object.entries((m.properties ?? {}) as Record<string, Schema>)) {
      const prev = props.get(k);
      if (prev === undefined) props.set(k, v);
      else if (!conflicts.has(k)) {
        const merged = mergeProperty(prev, v, deref);
        if (merged) props.set(k, merged);
        else {
          conflicts.add(k);
          props.set(k, { "x-edge-ai-any": true, description: (prev.description ?? v.description) as string | undefined });
        }
      }
    }
  }
  const requiredSets = members.map((m) => new Set((m.required ?? []) as string[]));
  const required = [...props.keys()].filter((k) => requiredSets.every((s) => s.has(k)));
  const open = members.some((m) => m.additionalProperties !== false);
  report.add(
    6,
    where,
    `${members.length} object members merged into one object (${props.size} properties, ${required.length} required)` +
      (conflicts.size ? `; untyped after conflicting member types: ${[...conflicts].sort().join(", ")}` : ""),
  );
  const out: Schema = { type: "object", properties: Object.fromEntries(props) };
  if (required.length) out.required = required;
  if (!open) out.additionalProperties = false;
  return out;
}
