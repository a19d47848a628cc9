/**
 * Builds a value that follows a (bare) JSON Schema, for JSON mode and tool-call arguments. Covers
 * the keywords LLM schemas use (type, properties, required, items, enum, const, anyOf/oneOf,
 * min/max); anything else falls back to a string.
 */
import type { Rng } from "../seed.js";
import { sentence } from "../words.js";

type Schema = Record<string, unknown>;

const MAX_DEPTH = 6;
// Caller-supplied schemas may ask for absurd sizes; answers stay small (and the server alive).
const MAX_ITEMS = 20;
const MAX_STRING = 10_000;

function firstType(schema: Schema): string | undefined {
  const type = schema["type"];
  if (Array.isArray(type)) return (type.find((t) => t !== "null") as string | undefined) ?? "null";
  if (typeof type === "string") return type;
  if (schema["properties"]) return "object";
  if (schema["items"]) return "array";
  return undefined;
}

/** A deterministic instance of `schema`; `name` hints at plausible strings ("email", "city", ...). */
export function valueFromSchema(schema: unknown, rng: Rng, name = "value", depth = 0): unknown {
  if (typeof schema !== "object" || schema === null) return sentence(rng, 3);
  const s = schema as Schema;
  if ("const" in s) return s["const"];
  if (Array.isArray(s["enum"]) && s["enum"].length > 0) return rng.pick(s["enum"] as unknown[]);
  const variants = (s["anyOf"] ?? s["oneOf"]) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return valueFromSchema(variants[0], rng, name, depth + 1);
  if (Array.isArray(s["allOf"]) && s["allOf"].length > 0) {
    return Object.assign({}, ...(s["allOf"] as unknown[]).map((part) => valueFromSchema(part, rng, name, depth + 1)));
  }
  switch (firstType(s)) {
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH) return out;
      const properties = (s["properties"] ?? {}) as Record<string, unknown>;
      for (const [key, sub] of Object.entries(properties)) out[key] = valueFromSchema(sub, rng, key, depth + 1);
      return out;
    }
    case "array": {
      if (depth >= MAX_DEPTH) return [];
      const min = Math.min(MAX_ITEMS, typeof s["minItems"] === "number" && s["minItems"] >= 0 ? s["minItems"] : 1);
      const max = Math.min(MAX_ITEMS, typeof s["maxItems"] === "number" ? s["maxItems"] : Math.max(min, 3));
      const count = rng.int(min, Math.max(min, Math.min(max, min + 2)));
      return Array.from({ length: count }, () => valueFromSchema(s["items"], rng, name, depth + 1));
    }
    case "integer":
    case "number": {
      const min = typeof s["minimum"] === "number" ? s["minimum"] : 0;
      const max = typeof s["maximum"] === "number" ? s["maximum"] : min + 100;
      const value = min + rng.next() * (max - min);
      return firstType(s) === "integer" ? Math.ceil(value) > max ? Math.floor(value) : Math.ceil(value) : Math.round(value * 100) / 100;
    }
    case "boolean":
      return rng.next() < 0.5;
    case "null":
      return null;
    default:
      return stringFor(s, name, rng);
  }
}

function stringFor(s: Schema, name: string, rng: Rng): string {
  const format = s["format"];
  if (format === "date-time") return new Date(Date.UTC(2026, rng.int(0, 11), rng.int(1, 28), rng.int(0, 23))).toISOString();
  if (format === "date") return `2026-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  if (format === "email" || /email/i.test(name)) return `user${rng.int(1, 999)}@example.com`;
  if (format === "uri" || /url|uri/i.test(name)) return `https://example.com/${rng.hex(6)}`;
  if (/city|location/i.test(name)) return rng.pick(["Lisbon", "Berlin", "Austin", "Osaka", "Nairobi"]);
  if (/name/i.test(name)) return rng.pick(["Ada", "Grace", "Linus", "Margaret", "Alan"]);
  const text = sentence(rng, rng.int(2, 6));
  const maxLength = typeof s["maxLength"] === "number" ? s["maxLength"] : undefined;
  const minLength = Math.min(MAX_STRING, typeof s["minLength"] === "number" ? s["minLength"] : 0);
  const out = maxLength !== undefined ? text.slice(0, maxLength) : text;
  return out.length < minLength ? out.padEnd(minLength, "x") : out;
}
