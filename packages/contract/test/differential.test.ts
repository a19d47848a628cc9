import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ajvErrors, allExamples, componentOf, zodErrors } from "./contract-document.js";

/**
 * Differential test of the zod generator: random mutations of every JSON example (a field replaced by a value of
 * another type or out of range, a field removed, an unknown field added) must get the same verdict from ajv (an
 * independent JSON Schema 2020-12 validator over the dist JSON) and from the generated zod schema.
 */
type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (depth > 3 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k], depth + 1)]);
}

function mutate(value: unknown, path: Path, replacement: unknown, op: "set" | "delete" | "add"): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (op === "delete" && !Array.isArray(node)) delete node[last];
  else if (op === "add" && node && typeof node === "object" && !Array.isArray(node)) node.zz_extra = replacement;
  else node[last] = replacement;
  return copy;
}

// Values around the documented boundaries and of every JSON type; integers stay within the safe range (JSON
// numbers beyond it are not integers a client could send exactly).
const replacement = fc.oneof(
  fc.constantFrom(0, 1, -1, 5, 5.5, 8, 9, 20, 21, 50, 51, 100, 101, 255, 256, 2048, 2049, 9_999_999_999, 10_000_000_000, 0.0005),
  fc.integer({ min: -300, max: 300 }),
  fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 4 }),
  fc.constantFrom("", "text", "image_url", "function", "json_object", "json_schema", "queued", "mean", "cls", "low", "@cf/meta/llama-3.1-8b-instruct-fast"),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -1, max: 256 }), { maxLength: 3 }),
  fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }),
  fc.constant({}),
  fc.record({ type: fc.constantFrom("text", "image_url", "function"), text: fc.string({ maxLength: 3 }) }),
);

const seeds = allExamples()
  .filter((c) => c.mediaType === "application/json" && componentOf(c.schema))
  .map((c) => ({ component: componentOf(c.schema)!, value: c.value, where: c.where }));
// One seed per component and example value is enough; the operations repeat the task examples.
const unique = [...new Map(seeds.map((s) => [`${s.component} ${JSON.stringify(s.value)}`, s])).values()];

describe("zod and ajv agree on mutated examples", () => {
  it("has seeds for the main components", () => {
    const components = new Set(unique.map((s) => s.component));
    for (const name of ["TextGenerationInput", "TextGenerationJsonModeBatchableInput", "FluxInput", "TextEmbeddingsBatchableInput", "ChatCompletionRequest", "ErrorEnvelope"]) {
      expect(components, name).toContain(name);
    }
  });

  it.each(unique.map((s) => [s.where, s] as const))("%s", (_where, seed) => {
    const all = paths(seed.value);
    if (all.length === 0) return;
    fc.assert(
      fc.property(fc.constantFrom(...all), replacement, fc.constantFrom("set", "delete", "add") as fc.Arbitrary<"set" | "delete" | "add">, (path, value, op) => {
        const mutated = mutate(seed.value, path, value, op);
        const ajvOk = ajvErrors(seed.component, mutated) === null;
        const zodOk = zodErrors(seed.component, mutated) === null;
        if (ajvOk !== zodOk) throw new Error(`ajv ${ajvOk ? "accepts" : "rejects"} but zod ${zodOk ? "accepts" : "rejects"}: ${JSON.stringify(mutated).slice(0, 400)}`);
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
