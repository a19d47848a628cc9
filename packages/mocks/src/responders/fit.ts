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

function jsonSchemaOf(name: string): unknown {
  let hit = jsonSchemas.get(name);
  if (hit === undefined) {
    hit = z.toJSONSchema(componentSchema(name) as unknown as z.ZodType, { unrepresentable: "any", io: "output" });
    jsonSchemas.set(name, hit);
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
