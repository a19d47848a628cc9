/**
 * Test helpers over the bundled contract: the dist JSON, an independent validator (ajv, JSON Schema 2020-12,
 * which OpenAPI 3.1 schemas are) and the generated zod schemas, so every check runs through both.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { schemas, type SchemaName } from "../src/index.js";

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw document

export const distPath = fileURLToPath(new URL("../../../openapi/dist/edge-ai.openapi.json", import.meta.url));
export const doc = JSON.parse(readFileSync(distPath, "utf8")) as Json;

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped once.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
ajv.addFormat("binary", true); // OpenAPI's marker for raw bytes; nothing to check in JSON
ajv.addSchema(doc, "edge-ai");

/** Validates a value against a component with ajv; returns the error text, or null when valid. */
export function ajvErrors(name: string, value: unknown): string | null {
  const validate = ajv.getSchema(`edge-ai#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component ${name}`);
  return validate(value) ? null : ajv.errorsText(validate.errors);
}

/** Validates a value against a component with the generated zod schema; returns the issues, or null. */
export function zodErrors(name: string, value: unknown): string | null {
  const schema = schemas[name as SchemaName];
  if (!schema) throw new Error(`no zod schema ${name}`);
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
}

/** Follows a local `$ref` in the document. */
export function resolveRef(node: Json): Json {
  if (typeof node?.$ref !== "string") return node;
  return (node.$ref as string)
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<Json>((n, k) => n[k], doc);
}

/** The component name a schema points to, or undefined for an inline schema. */
export const componentOf = (schema: Json): string | undefined =>
  typeof schema?.$ref === "string" ? (schema.$ref as string).replace("#/components/schemas/", "") : undefined;

export interface ExampleCase {
  where: string;
  mediaType: string;
  schema: Json;
  value: unknown;
}

/** Every example of every request body and response in the document (operations and shared responses). */
export function allExamples(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const collect = (where: string, content: Json | undefined) => {
    for (const [mediaType, media] of Object.entries(content ?? {})) {
      for (const [name, ex] of Object.entries((media as Json).examples ?? {})) {
        cases.push({ where: `${where} ${mediaType} #${name}`, mediaType, schema: (media as Json).schema, value: resolveRef(ex as Json).value });
      }
    }
  };
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      collect(`${method.toUpperCase()} ${path} request`, resolveRef((op as Json).requestBody ?? {}).content);
      for (const [status, response] of Object.entries((op as Json).responses as Json)) {
        collect(`${method.toUpperCase()} ${path} ${status}`, resolveRef(response as Json).content);
      }
    }
  }
  for (const [name, response] of Object.entries(doc.components.responses as Json)) {
    collect(`components.responses.${name}`, (response as Json).content);
  }
  return cases;
}

/** Every operation with its path and method. */
export function allOperations(): { path: string; method: string; op: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })),
  );
}
