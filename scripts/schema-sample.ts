/**
 * Deterministic sample values from a JSON Schema (the subset the upstream model schemas use): the bundler's examples,
 * the emulator's answers and the fidelity test's valid requests. `sample` builds a value the schema accepts;
 * `violations` builds values it refuses (out of range, wrong type, wrong enum, missing required).
 */
type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

function firstType(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return (s.type.find((t) => t !== "null") as string | undefined) ?? "null";
  if (typeof s.type === "string") return s.type;
  if (s.properties || s.required) return "object";
  if (s.items) return "array";
  return undefined;
}

/** A string built from simple patterns: anchors and `\\s*` dropped, first alternative, first char of a class (a `data` suffix is tried too). */
function fromPattern(pattern: string): string {
  return pattern
    .replace(/^\^|\$$/g, "")
    .replace(/\\s\*/g, "")
    .replace(/\\s\+/g, " ")
    .replace(/\(([^()|]*)(\|[^()]*)?\)/g, "$1")
    .replace(/\[(.)[^\]]*\]/g, "$1");
}

function sampleString(s: Schema, name: string): string {
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : Infinity;
  if (typeof s.pattern === "string") {
    const re = new RegExp(s.pattern, "u");
    for (const candidate of [fromPattern(s.pattern), `${fromPattern(s.pattern)}data`, "1", "16000", "a", "example", "en", "0.5", "true"]) if (re.test(candidate)) return candidate;
  }
  let text = name === "lang" || name.endsWith("_lang") ? "en" : name === "role" ? "user" : `example ${name}`;
  while (text.length < min) text += " x";
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
}

function sampleNumber(s: Schema, integer: boolean, name = ""): number {
  // A token budget of 1 would make every sampled answer a single word.
  if (/^max_(completion_)?tokens$/.test(name) && s.minimum === undefined && s.maximum === undefined) return 64;
  let min = typeof s.minimum === "number" ? s.minimum : undefined;
  let max = typeof s.maximum === "number" ? s.maximum : undefined;
  if (typeof s.exclusiveMinimum === "number") min = s.exclusiveMinimum + (integer ? 1 : 0.5);
  if (typeof s.exclusiveMaximum === "number") max = s.exclusiveMaximum - (integer ? 1 : 0.5);
  let value = min ?? (max !== undefined ? Math.min(max, 1) : 1);
  if (min !== undefined && max !== undefined) value = min + (max - min) / 2;
  if (integer) value = Math.ceil(value);
  if (max !== undefined && value > max) value = integer ? Math.floor(max) : max;
  return value;
}

/** A value `schema` accepts; `name` (the property name) shapes strings. Objects get every declared property. */
export function sample(schema: unknown, name = "value", depth = 0): unknown {
  if (!schema || typeof schema !== "object") return "example";
  const s = schema as Schema;
  if ("const" in s) return s.const;
  if ("default" in s && s.default !== null && depth > 0) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? s.enum[0];
  const variants = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) {
    const { oneOf: _o, anyOf: _a, ...rest } = s;
    return sample({ ...rest, ...variants[0], properties: { ...(rest.properties as Schema), ...(variants[0]!.properties as Schema) } }, name, depth);
  }
  if (Array.isArray(s.allOf)) {
    return Object.assign({}, ...(s.allOf as Schema[]).map((part) => sample(part, name, depth + 1)));
  }
  switch (firstType(s)) {
    case "object": {
      const out: Record<string, unknown> = {};
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      for (const [key, sub] of Object.entries(props)) {
        if (depth >= MAX_DEPTH && !required.has(key)) continue;
        // `stream: true` would change the answer's media; samples are the plain JSON call.
        if (key === "stream" && depth === 0) continue;
        out[key] = sample(sub, key, depth + 1);
      }
      const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : { type: "string" };
      for (let i = 1; typeof s.minProperties === "number" && Object.keys(out).length < s.minProperties; i++) {
        out[`key_${i}`] = sample(extra, `key_${i}`, depth + 1);
      }
      return out;
    }
    case "array": {
      const count = Math.max(typeof s.minItems === "number" ? s.minItems : 1, 1);
      const capped = typeof s.maxItems === "number" ? Math.min(count, s.maxItems) : count;
      return Array.from({ length: capped }, () => sample(s.items ?? {}, name, depth + 1));
    }
    case "integer":
      return sampleNumber(s, true, name);
    case "number":
      return sampleNumber(s, false, name);
    case "boolean":
      return false;
    case "null":
      return null;
    case "string":
      return sampleString(s, name);
    default:
      return "example";
  }
}

/** One invalid request derived from a valid one, with what makes it invalid. */
export interface Violation {
  why: string;
  value: unknown;
}

/**
 * Requests `schema` refuses, derived from `valid` (a `sample`): for each top-level property of the chosen branch,
 * a value below its minimum / above its maximum, of the wrong type, outside its enum; and each required property
 * removed. Only properties whose constraint the branch states are varied, so every result is refused by the schema.
 */
export function violations(schema: Schema, valid: Record<string, unknown>): Violation[] {
  const branches = ((schema.oneOf ?? schema.anyOf) as Schema[] | undefined) ?? [schema];
  const branch = branches[0]!;
  const props = { ...(schema.properties as Record<string, Schema>), ...(branch.properties as Record<string, Schema>) };
  const required = [...((schema.required as string[]) ?? []), ...((branch.required as string[]) ?? [])];
  const out: Violation[] = [];
  for (const [key, p] of Object.entries(props)) {
    if (!(key in valid) || !p || typeof p !== "object") continue;
    const type = firstType(p);
    const nullable = Array.isArray(p.type) && p.type.includes("null");
    if (typeof p.minimum === "number") out.push({ why: `${key} below minimum ${p.minimum}`, value: { ...valid, [key]: p.minimum - 1 } });
    if (typeof p.maximum === "number") out.push({ why: `${key} above maximum ${p.maximum}`, value: { ...valid, [key]: p.maximum + 1 } });
    if (Array.isArray(p.enum) && p.enum.every((v) => typeof v === "string")) {
      out.push({ why: `${key} not in enum`, value: { ...valid, [key]: "not-a-listed-value" } });
    }
    if (!nullable && !p.oneOf && !p.anyOf && (type === "integer" || type === "number" || type === "boolean")) {
      out.push({ why: `${key} of the wrong type`, value: { ...valid, [key]: "not-a-number-or-boolean" } });
    }
    if (!nullable && !p.oneOf && !p.anyOf && type === "string" && !("enum" in p)) {
      out.push({ why: `${key} of the wrong type`, value: { ...valid, [key]: 12345 } });
    }
  }
  for (const key of required) {
    const { [key]: _drop, ...rest } = valid;
    // Removing a required key of one branch may match another branch; only a single-branch schema proves it.
    if (branches.length === 1) out.push({ why: `required ${key} missing`, value: rest });
  }
  return out;
}
