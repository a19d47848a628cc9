/**
 * Makes every model answer with its OWN result shape (its upstream output schema in the contract): the task
 * responder's answer when the model's schema accepts it (meaningful values), else a deterministic value sampled
 * from that schema. Schemas are converted and checked on first use per model, never at import.
 */
import { z } from "zod";
import { componentSchema } from "../catalog.js";
import type { ModelInfo } from "../model-info.js";
import { createRng } from "../seed.js";
import { valueFromSchema } from "./json-from-schema.js";

type Parser = { safeParse(value: unknown): { success: boolean } };

const jsonSchemas = new Map<string, unknown>();

function jsonSchemaOf(name: string, io: "input" | "output" = "output"): unknown {
  const key = `${io}:${name}`;
  let hit = jsonSchemas.get(key);
  if (hit === undefined) {
    hit = z.toJSONSchema(componentSchema(name) as unknown as z.ZodType, { unrepresentable: "any", io });
    jsonSchemas.set(key, hit);
  }
  return hit;
}

type JsonSchema = { properties?: Record<string, unknown>; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[]; $ref?: string; $defs?: Record<string, unknown> };

/** True when `schema` (or one of its branches) names `field` as a top-level property. */
function namesField(schema: unknown, field: string, root: JsonSchema, seen: Set<unknown>): boolean {
  if (!schema || typeof schema !== "object" || seen.has(schema)) return false;
  seen.add(schema);
  const s = schema as JsonSchema;
  if (s.properties && Object.hasOwn(s.properties, field)) return true;
  const ref = s.$ref?.startsWith("#/$defs/") ? root.$defs?.[s.$ref.slice("#/$defs/".length)] : undefined;
  return [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ref].some((b) => namesField(b, field, root, seen));
}

const inputFields = new Map<string, boolean>();
/**
 * True when the model's input schema has a property `field` (in any of its variants). A real model ignores a
 * field its schema does not name, so the emulator honours e.g. `response_format` only where it exists.
 */
export function acceptsInputField(model: ModelInfo, field: string): boolean {
  if (!model.inputSchema) return false;
  const key = `${model.inputSchema}:${field}`;
  let hit = inputFields.get(key);
  if (hit === undefined) {
    const root = jsonSchemaOf(model.inputSchema, "input") as JsonSchema;
    hit = namesField(root, field, root, new Set());
    inputFields.set(key, hit);
  }
  return hit;
}

/** True when the model's result schema accepts `value` (or the model has no JSON result schema). */
export function fitsModel(model: ModelInfo, value: unknown): boolean {
  const schema = componentSchema(model.outputSchema) as Parser | undefined;
  return !schema || schema.safeParse(value).success;
}

/** A value sampled from the model's result schema, seeded; the first of a few tries the schema accepts. */
export function sampledResult(model: ModelInfo, seed: number): unknown {
  if (!model.outputSchema) return {};
  const json = jsonSchemaOf(model.outputSchema);
  let value: unknown = {};
  for (let attempt = 0; attempt < 5; attempt++) {
    value = valueFromSchema(json, createRng(seed + attempt));
    if (fitsModel(model, value)) return value;
  }
  return value;
}

/** `result` if the model's schema accepts it, else a sampled result of the model's own shape. */
export function fitResult(model: ModelInfo, result: unknown, seed: number): unknown {
  return fitsModel(model, result) ? result : sampledResult(model, seed);
}
