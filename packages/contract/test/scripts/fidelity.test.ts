/**
 * Fidelity to Cloudflare's own model data: for every model of the committed upstream snapshot, requests sampled
 * from its upstream input schema are accepted by the contract, and requests upstream forbids (out of range, wrong
 * type, outside an enum, missing a required field) are refused, both by ajv on the bundle and by the client's zod.
 * Each forbidden request is first checked against the upstream schema itself, so the test cannot invent rules.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { sample, violations } from "../../../../scripts/schema-sample.ts";
import { getModel, models, schemas } from "../../src/index.js";

type Json = Record<string, unknown>;
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const doc = JSON.parse(readFileSync(join(root, "openapi", "dist", "edge-ai.openapi.json"), "utf8")) as Json;

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? listJson(join(dir, e)) : e.endsWith(".json") ? [join(dir, e)] : []));
}
const upstream = listJson(join(root, "openapi", "upstream", "models")).map(
  (p) => JSON.parse(readFileSync(p, "utf8")) as { id: string; schema: { input: Json; output: Json }; source: Json },
);

const ajv = new Ajv2020({ strict: false, allErrors: false }).addFormat("binary", true);
ajv.addSchema(doc, "doc");
const contractAccepts = (component: string, value: unknown) => ajv.validate(`doc#/components/schemas/${component}`, value);
const zodAccepts = (component: string, value: unknown) =>
  (schemas as unknown as Record<string, { safeParse(v: unknown): { success: boolean } }>)[component]!.safeParse(value).success;

const isBinary = (s: Json) => s.type === "string" && s.format === "binary";
const isBatch = (s: Json) => !!s.properties && Object.keys(s.properties as Json).every((k) => k === "requests");
/** The JSON request part of an upstream input: raw-bytes and inline-batch branches go to other media/wrappers. */
function jsonPart(input: Json): Json {
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = input[key] as Json[] | undefined;
    if (!branches) continue;
    const kept = branches.filter((b) => !isBinary(b) && !isBatch(b));
    if (kept.length === 1) {
      const { [key]: _drop, ...rest } = input;
      return { ...rest, ...kept[0] };
    }
    return { ...input, [key]: kept };
  }
  return input;
}

const multipartOnly = new Set<string>(models.filter((m) => m.requestSchemaName === null).map((m) => m.id));

describe("the contract is as strict as upstream, per model", () => {
  it("has one operation per upstream model and nothing else", () => {
    expect(models.map((m) => m.id).sort()).toEqual(upstream.map((u) => u.id).sort());
    expect(upstream.length).toBeGreaterThanOrEqual(112);
  });

  for (const u of upstream) {
    it(`${u.id}: sampled upstream requests pass, forbidden ones are refused (ajv and zod)`, () => {
      const model = getModel(u.id)!;
      if (multipartOnly.has(u.id)) {
        // Over REST these take a multipart form (overlay); the binding's JSON shape is not a REST body.
        expect(model.requestMedia).toContain("multipart/form-data");
        return;
      }
      const schema = jsonPart(u.schema.input);
      if (isBinary(schema)) return;
      const upstreamAccepts = ajv.compile(schema);
      const valid = sample(schema) as Json;
      expect(upstreamAccepts(valid), `sample valid upstream: ${JSON.stringify(upstreamAccepts.errors)}`).toBe(true);
      expect(contractAccepts(model.requestSchemaName!, valid), `ajv ${JSON.stringify(ajv.errors)}`).toBe(true);
      expect(zodAccepts(model.inputSchemaName, valid), "zod").toBe(true);
      const forbidden = violations(schema, valid).filter((v) => !upstreamAccepts(v.value));
      for (const v of forbidden) {
        expect(contractAccepts(model.inputSchemaName, v.value), `ajv accepts: ${v.why}`).toBe(false);
        expect(zodAccepts(model.inputSchemaName, v.value), `zod accepts: ${v.why}`).toBe(false);
      }
    });
  }

  it("checks out-of-range, wrong-type and enum violations across the catalog (the test is not vacuous)", () => {
    let count = 0;
    for (const u of upstream) {
      if (multipartOnly.has(u.id)) continue;
      const schema = jsonPart(u.schema.input);
      if (isBinary(schema)) continue;
      const check = ajv.compile(schema);
      count += violations(schema, sample(schema) as Json).filter((v) => !check(v.value)).length;
    }
    expect(count).toBeGreaterThan(300);
  });
});
