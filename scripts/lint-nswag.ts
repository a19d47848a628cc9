/**
 * `pnpm lint:nswag`: enforces the 20-rule NSwag checklist (Part 3.3 of sdk-anchors.md) on
 * openapi/dist/edge-ai.nswag.json, the pinned packages/dotnet/nswag.json and the CI wiring. Prints one line per
 * violation and exits 1 on any, so CI fails before NSwag ever produces `Anonymous` types or broken C#.
 *
 * Usage: tsx scripts/lint-nswag.ts [--input openapi/dist/edge-ai.nswag.json]
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { exportNswag } from "./export-nswag.js";
import { reservedTypeNames, shadowingTypeNames } from "./nswag/naming.js";
import type { Schema } from "./nswag/union-merge.js";

const root = resolve(import.meta.dirname, "..");
const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const ONLY_31 = ["const", "examples", "$defs", "$schema", "$id", "contentMediaType", "contentEncoding", "prefixItems",
  "unevaluatedProperties", "unevaluatedItems", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties", "propertyNames"];
const SCHEMA_ONLY = new Set(["description", "x-edge-ai-any", "example", "readOnly", "writeOnly", "deprecated", "title", "nullable", "default", "x-edge-ai-union"]);

/** One checklist violation. */
export interface Violation {
  rule: number;
  where: string;
  message: string;
}

/** Lints an exported document (pure; the CLI adds the nswag.json and CI checks). */
export function lintDocument(doc: Schema): Violation[] {
  const out: Violation[] = [];
  const v = (rule: number, where: string, message: string) => out.push({ rule, where, message });
  if (doc.openapi !== "3.0.3") v(1, "openapi", `must be 3.0.3, is ${String(doc.openapi)}`);
  for (const k of ["webhooks", "jsonSchemaDialect"]) if (k in doc) v(1, k, "3.1-only keyword");
  const schemas = ((doc.components as Schema)?.schemas ?? {}) as Record<string, Schema>;
  const clients = new Set<string>();
  const ids = new Set<string>();

  // Operations: names (9), responses (12-15), bodies (7, 13, 14).
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!isObj(op) || !["get", "put", "post", "delete", "patch"].includes(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = String(op.operationId ?? "");
      const m = /^([A-Z][A-Za-z0-9]*)_([A-Z][A-Za-z0-9]*)$/.exec(id);
      if (!m) v(9, where, `operationId "${id}" is not {Client}_{Method} with exactly one underscore`);
      else {
        clients.add(m[1] as string);
        if ((op.tags as string[] | undefined)?.[0] !== m[1]) v(9, where, `first tag must be the client name ${m[1]}`);
      }
      if (ids.has(id)) v(9, where, `duplicate operationId ${id}`);
      ids.add(id);
      const responses = (op.responses ?? {}) as Record<string, Schema>;
      const ok = Object.keys(responses).filter((s) => /^2/.test(s));
      if (ok.length !== 1) v(12, where, `needs exactly one success status, has ${ok.join(", ") || "none"}`);
      const errorRefs = new Set<string>();
      for (const [status, r] of Object.entries(responses)) {
        const content = (r.content ?? {}) as Record<string, Schema>;
        const types = Object.keys(content);
        if (types.length > 1) v(13, `${where} ${status}`, `${types.length} media types (${types.join(", ")})`);
        for (const [t, media] of Object.entries(content)) mediaChecks(v, `${where} ${status} ${t}`, t, media.schema as Schema);
        if (!/^2/.test(status)) {
          if (!["default", "4XX", "5XX"].includes(status)) v(12, `${where} ${status}`, "errors belong on default/4XX/5XX");
          errorRefs.add(JSON.stringify(Object.values(content)[0]?.schema ?? null));
        }
        if (types.includes("text/event-stream") && !(m?.[2] ?? "").endsWith("Stream")) v(15, where, "SSE answer on an operation not named …Stream");
      }
      if (errorRefs.size > 1) v(12, where, "error responses use different schemas");
      const body = op.requestBody as Schema | undefined;
      if (body) {
        const content = (body.content ?? {}) as Record<string, Schema>;
        if (Object.keys(content).length !== 1) v(13, `${where} requestBody`, `${Object.keys(content).length} media types`);
        for (const [t, media] of Object.entries(content)) mediaChecks(v, `${where} requestBody ${t}`, t, media.schema as Schema);
      }
      for (const p of (op.parameters ?? []) as Schema[]) {
        walk(p.schema as Schema, `${where} parameter ${String(p.name)}`, v, false);
        if (/^model(_name)?$/.test(String(p.name)) && isObj(p.schema) && "enum" in p.schema) v(11, `${where} ${String(p.name)}`, "model ids are an open set: no enum");
      }
    }
  }

  // Components: names (8) and every schema rule.
  for (const [name, s] of Object.entries(schemas)) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) v(8, name, "component key must be PascalCase letters and digits");
    if (reservedTypeNames.has(name) || name in shadowingTypeNames) v(8, name, "clashes with a generated or .NET type name");
    if (name.endsWith("Client") && clients.has(name.slice(0, -"Client".length))) v(8, name, "clashes with a client class");
    walk(s, `#/components/schemas/${name}`, v, true);
  }
  return out;
}

function mediaChecks(v: (r: number, w: string, m: string) => void, where: string, type: string, schema: Schema | undefined): void {
  const json = /json/.test(type);
  if (!schema) return v(json ? 7 : 14, where, "media type without schema");
  if (json && !schema.$ref && !(schema.type === "array" && isObj(schema.items) && schema.items.$ref)) {
    if (!(schema.type === "object" && !schema.properties)) v(7, where, "JSON body must be a $ref to a named component");
  }
  if (!json && !(schema.type === "string" && schema.format === "binary")) v(type === "text/event-stream" ? 15 : 14, where, "non-JSON media must be {type: string, format: binary}");
}

/** Checks one schema node and everything below it. `top` = a component's root (inline objects allowed there). */
function walk(s: unknown, where: string, v: (r: number, w: string, m: string) => void, top: boolean): void {
  if (!isObj(s)) return;
  for (const k of ONLY_31) if (k in s) v(k === "const" || k === "examples" ? 3 : 1, where, `3.1-only keyword "${k}"`);
  if (Array.isArray(s.type)) v(2, where, "type array (use nullable)");
  if ("oneOf" in s || "anyOf" in s) v(6, where, "oneOf/anyOf (use one canonical shape)");
  if (s.discriminator) {
    const d = s.discriminator as Schema;
    const prop = ((s.properties ?? {}) as Schema)[String(d.propertyName)] as Schema | undefined;
    if (!d.mapping || !prop || prop.type !== "string" || !((s.required ?? []) as string[]).includes(String(d.propertyName))) {
      v(5, where, "discriminator needs a required string property and a complete mapping on the base schema");
    }
  }
  if (typeof s.$ref === "string") {
    const extra = Object.keys(s).filter((k) => k !== "$ref");
    if (extra.length) v(2, where, `$ref with siblings (${extra.join(", ")}); wrap as allOf + nullable`);
    return;
  }
  const isWrapper = Array.isArray(s.allOf);
  const isAny = s["x-edge-ai-any"] === true;
  if (!isWrapper && !isAny && typeof s.type !== "string") v(4, where, "schema without type (mark deliberate any-values with x-edge-ai-any)");
  if (isAny && Object.keys(s).some((k) => !SCHEMA_ONLY.has(k))) v(4, where, "x-edge-ai-any schema with type keywords");
  if (s.type === "integer" && s.format !== "int32" && s.format !== "int64") v(4, where, "integer without format int32/int64");
  if (s.type === "number" && s.format !== "double" && s.format !== "float") v(4, where, "number without format double/float");
  if (s.type === "string" && Array.isArray(s.enum)) {
    // NSwag's default System.Text.Json output writes the PascalCase member name, not the value (decision 0260).
    v(11, where, "string enum (export it as a plain string with x-edge-ai-enum)");
  }
  if (Array.isArray(s["x-edge-ai-enum"])) {
    const names = s["x-edge-ai-enum-names"];
    if (s.type !== "string" || !Array.isArray(names) || names.length !== (s["x-edge-ai-enum"] as unknown[]).length) {
      v(11, where, "x-edge-ai-enum needs type string and matching x-edge-ai-enum-names");
    }
  }
  if (s.format === "date") v(17, where, "format date needs a dateType decision; use date-time");
  // NSwag's default generateDefaultValues turns a DTO default into an initialiser that is then sent (decision 0260);
  // a parameter default only documents the argument.
  if ("default" in s && !where.includes(" parameter ")) v(18, where, "default on a schema (NSwag would send it; keep it in the description)");
  if (s.type === "object") {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    if (Object.keys(props).length > 0) {
      if (!top) v(7, where, "inline object with properties (hoist into a named component)");
      if (s.additionalProperties === undefined || s.additionalProperties === true) v(10, where, "object with properties must set additionalProperties (false when closed)");
    }
    for (const r of (s.required ?? []) as string[]) if (!(r in props)) v(16, where, `required "${r}" is not a property`);
    // Optional = nullable, so NSwag's default Newtonsoft output omits it when unset and reads an explicit null.
    for (const [k, p] of Object.entries(props)) {
      if (!((s.required ?? []) as string[]).includes(k) && isObj(p) && p.nullable !== true) v(16, `${where}/properties/${k}`, "optional property is not nullable");
    }
    for (const [k, p] of Object.entries(props)) walk(p, `${where}/properties/${k}`, v, false);
    if (isObj(s.additionalProperties)) walk(s.additionalProperties, `${where}/additionalProperties`, v, false);
  }
  if (s.type === "array") walk(s.items, `${where}/items`, v, false);
  for (const [i, m] of ((s.allOf ?? []) as Schema[]).entries()) walk(m, `${where}/allOf/${i}`, v, false);
}

/** Rules 19 and 20: the pinned generator settings and the CI wiring. */
export function lintSetup(): Violation[] {
  const out: Violation[] = [];
  const v = (rule: number, where: string, message: string) => out.push({ rule, where, message });
  const nswagPath = resolve(root, "packages/dotnet/nswag.json");
  if (!existsSync(nswagPath)) v(19, "packages/dotnet/nswag.json", "missing");
  else {
    const g = JSON.parse(readFileSync(nswagPath, "utf8")).codeGenerators?.openApiToCSharpClient ?? {};
    if (g.jsonLibrary !== "SystemTextJson") v(19, "nswag.json", "jsonLibrary must be SystemTextJson");
    if (!(Number(g.jsonLibraryVersion) >= 9)) v(19, "nswag.json", "jsonLibraryVersion must be >= 9.0");
    if (g.generateNullableReferenceTypes !== true) v(19, "nswag.json", "generateNullableReferenceTypes must be true");
    if (g.generateOptionalPropertiesAsNullable !== true) v(19, "nswag.json", "generateOptionalPropertiesAsNullable must be true");
    if (g.operationGenerationMode !== "MultipleClientsFromOperationId") v(19, "nswag.json", "operationGenerationMode must be MultipleClientsFromOperationId");
    if (!g.exceptionClass) v(19, "nswag.json", "exceptionClass must be set");
  }
  const tools = resolve(root, ".config/dotnet-tools.json");
  const pin = existsSync(tools) ? JSON.parse(readFileSync(tools, "utf8")).tools?.["nswag.consolecore"] : undefined;
  if (pin?.version !== "14.7.1" || pin?.rollForward !== false) v(20, ".config/dotnet-tools.json", "nswag.consolecore must be pinned to 14.7.1 without roll-forward");
  const ci = resolve(root, "scripts/test-dotnet.sh");
  if (!existsSync(ci) || !/generate-csharp\.ts --check/.test(readFileSync(ci, "utf8")) || !/dotnet build/.test(readFileSync(ci, "utf8"))) {
    v(20, "scripts/test-dotnet.sh", "CI must regenerate the C# client (drift check) and build it");
  }
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const input = args.includes("--input") ? (args[args.indexOf("--input") + 1] as string) : "openapi/dist/edge-ai.nswag.json";
  const path = resolve(root, input);
  if (!existsSync(path)) {
    console.error(`lint-nswag: ${input} not found; run pnpm export:nswag`);
    process.exit(1);
  }
  const doc = JSON.parse(readFileSync(path, "utf8")) as Schema;
  const violations = [...lintDocument(doc), ...lintSetup()];
  const source = resolve(root, "openapi/dist/edge-ai.openapi.json");
  if (existsSync(source)) {
    const fresh = `${JSON.stringify(exportNswag(JSON.parse(readFileSync(source, "utf8")) as Schema).doc, null, 2)}\n`;
    if (fresh !== readFileSync(path, "utf8")) violations.push({ rule: 20, where: input, message: "stale: differs from a fresh export of the contract (run pnpm export:nswag)" });
  }
  for (const x of violations) console.log(`rule ${String(x.rule).padStart(2)}  ${x.where}: ${x.message}`);
  const ops = Object.values((doc.paths ?? {}) as Record<string, Schema>).reduce((n, i) => n + Object.keys(i).length, 0);
  console.log(`lint-nswag: ${violations.length} violation(s) in ${input} (${ops} operations, ${Object.keys(((doc.components as Schema)?.schemas ?? {}) as Schema).length} schemas)`);
  process.exit(violations.length ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
