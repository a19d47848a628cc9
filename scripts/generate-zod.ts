/**
 * Generates packages/contract/src/generated/zod.ts from openapi/dist/edge-ai.openapi.json: `schemas`, a map from
 * component name to zod 4 schema (static types by inference). Nothing is built at import: each schema is built on
 * first access and cached, so 112 models cost nothing until one is used. The hand-written components (envelopes,
 * discovery, OpenAI shapes) are also exported as `z<Name>` (built lazily too, behind the same cache, see `lazy`).
 *
 * Our own generator instead of a third-party one because the contract uses a small JSON Schema subset and the
 * output must agree exactly with openapi-typescript's types (checked by a type test) and with ajv on the
 * examples (checked by the contract tests). Mapping:
 * - objects with properties are open (`z.looseObject`) unless `additionalProperties: false` (`z.strictObject`);
 *   free-form objects are `z.record(z.string(), z.unknown())`;
 * - `oneOf` is a union that also rejects values matching more than one branch (as JSON Schema does);
 *   with a `discriminator` it is a `z.discriminatedUnion`; `anyOf` is a plain union;
 * - ranges, lengths, item counts, patterns, enums and `required` are enforced; `default` is not applied, so a
 *   validated request is sent exactly as the caller wrote it.
 *
 * Usage: `tsx scripts/generate-zod.ts`
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type Schema = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const input = join(root, "openapi", "dist", "edge-ai.openapi.json");
const output = join(root, "packages", "contract", "src", "generated", "zod.ts");

const doc = JSON.parse(readFileSync(input, "utf8")) as { components: { schemas: Record<string, Schema> } };
const components = doc.components.schemas;

const REF_PREFIX = "#/components/schemas/";
const refName = (ref: string) => {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`generate-zod: unsupported $ref ${ref}`);
  return ref.slice(REF_PREFIX.length);
};
const ident = (name: string) => `z${name}`;
const key = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
const lit = (v: unknown) => JSON.stringify(v);

/** Keywords the generator enforces, and annotations it may ignore. Anything else fails generation. */
const ENFORCED = new Set([
  "type", "properties", "required", "additionalProperties", "items", "enum", "const", "oneOf", "anyOf", "allOf",
  "discriminator", "$ref", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
  "pattern", "minItems", "maxItems", "minProperties", "maxProperties", "format", "contentEncoding",
]);
/** Annotations: no effect on validation (`default` is documented, never applied: requests go out as written). */
const ANNOTATIONS = new Set(["description", "title", "default", "examples", "example", "deprecated", "readOnly", "writeOnly"]);
const FORMATS = new Set(["binary"]);
const ENCODINGS = new Set(["base64"]);

/** Fails on any keyword or keyword value the generator would otherwise drop. */
function checkKeywords(node: unknown, at: string): void {
  if (Array.isArray(node)) return node.forEach((n, i) => checkKeywords(n, `${at}/${i}`));
  if (!node || typeof node !== "object") return;
  for (const [k, v] of Object.entries(node as Schema)) {
    if (k.startsWith("x-") || ANNOTATIONS.has(k)) continue;
    if (!ENFORCED.has(k)) throw new Error(`generate-zod: unsupported keyword "${k}" at ${at}; handle it in scripts/generate-zod.ts`);
    if (k === "format" && !FORMATS.has(v as string)) throw new Error(`generate-zod: unsupported format "${String(v)}" at ${at}`);
    if (k === "contentEncoding" && !ENCODINGS.has(v as string)) throw new Error(`generate-zod: unsupported contentEncoding "${String(v)}" at ${at}`);
    if (k === "properties") {
      for (const [p, sub] of Object.entries(v as Schema)) checkKeywords(sub, `${at}/properties/${p}`);
    } else if (k === "discriminator" || k === "enum" || k === "const" || k === "required") continue;
    else if (typeof v === "object") checkKeywords(v, `${at}/${k}`);
  }
}

/** Pushes `type`/`properties`/`required`/`additionalProperties` beside a `oneOf`/`anyOf` into each branch. */
function pushDown(s: Schema, key: "oneOf" | "anyOf"): Schema[] {
  const { [key]: branches, description: _d, title: _t, default: _f, ...siblings } = s;
  const allowed = new Set(["type", "properties", "required", "additionalProperties"]);
  for (const k of Object.keys(siblings)) {
    if (!allowed.has(k) && !k.startsWith("x-")) throw new Error(`generate-zod: keyword "${k}" beside ${key} is not supported`);
  }
  if (Object.keys(siblings).length === 0) return branches as Schema[];
  return (branches as Schema[]).map((b) => {
    if (typeof b.$ref === "string") return { allOf: [siblings, b] };
    const props = { ...(siblings.properties as Schema), ...(b.properties as Schema) };
    for (const k of Object.keys((siblings.properties as Schema) ?? {})) {
      if (b.properties && k in (b.properties as Schema)) throw new Error(`generate-zod: property ${k} declared beside and inside ${key}`);
    }
    const required = [...new Set([...((siblings.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
    const merged: Schema = { ...siblings, ...b, properties: props };
    if (required.length) merged.required = required;
    if (!b.type && siblings.type) merged.type = siblings.type;
    if (Object.keys(props).length === 0) delete merged.properties;
    return merged;
  });
}

function numberChecks(s: Schema): string {
  let out = "";
  if (typeof s.minimum === "number") out += `.min(${s.minimum})`;
  if (typeof s.maximum === "number") out += `.max(${s.maximum})`;
  if (typeof s.exclusiveMinimum === "number") out += `.gt(${s.exclusiveMinimum})`;
  if (typeof s.exclusiveMaximum === "number") out += `.lt(${s.exclusiveMaximum})`;
  return out;
}

function enumExpr(values: unknown[]): string {
  const nonNull = values.filter((v) => v !== null);
  const nullable = nonNull.length !== values.length;
  let expr: string;
  if (nonNull.every((v) => typeof v === "string")) {
    expr = nonNull.length === 1 ? `z.literal(${lit(nonNull[0])})` : `z.enum(${lit(nonNull)})`;
  } else {
    expr = nonNull.length === 1 ? `z.literal(${lit(nonNull[0])})` : `z.union([${nonNull.map((v) => `z.literal(${lit(v)})`).join(", ")}])`;
  }
  return nullable ? `${expr}.nullable()` : expr;
}

function propertyCount(s: Schema, out: string): string {
  if (typeof s.minProperties === "number") out += `.refine((o) => Object.keys(o).length >= ${s.minProperties}, { message: "at least ${s.minProperties} properties" })`;
  if (typeof s.maxProperties === "number") out += `.refine((o) => Object.keys(o).length <= ${s.maxProperties}, { message: "at most ${s.maxProperties} properties" })`;
  return out;
}

function objectExpr(s: Schema): string {
  const props = { ...((s.properties ?? {}) as Record<string, Schema>) };
  const required = new Set((s.required as string[] | undefined) ?? []);
  // A required key without a property schema (upstream does this) is required with any value.
  for (const r of required) if (!(r in props)) props[r] = {};
  const entries = Object.entries(props);
  const additional = s.additionalProperties;
  if (entries.length === 0) {
    if (additional === false) return "z.strictObject({})";
    const value = additional && typeof additional === "object" ? expr(additional as Schema) : "z.unknown()";
    return propertyCount(s, `z.record(z.string(), ${value})`);
  }
  const shape = entries
    .map(([k, v]) => {
      const e = expr(v);
      // z.unknown() is already optional in zod 4; a required key of any value must be present.
      if (required.has(k)) return e === "z.unknown()" ? `${key(k)}: z.custom<unknown>((v) => v !== undefined, { message: "required" })` : `${key(k)}: ${e}`;
      return `${key(k)}: ${e}.optional()`;
    })
    .join(", ");
  if (additional === false) return propertyCount(s, `z.strictObject({ ${shape} })`);
  if (additional && typeof additional === "object") return propertyCount(s, `z.object({ ${shape} }).catchall(${expr(additional as Schema)})`);
  return propertyCount(s, `open({ ${shape} })`);
}

function typeExpr(type: string, s: Schema): string {
  switch (type) {
    case "string": {
      // z.instanceof would type it Uint8Array<ArrayBuffer>; bytes of any buffer are fine.
      if (s.format === "binary") return 'z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: "expected bytes (Uint8Array)" })';
      let out = s.contentEncoding === "base64" ? "z.base64()" : "z.string()";
      if (typeof s.minLength === "number") out += `.min(${s.minLength})`;
      if (typeof s.maxLength === "number") out += `.max(${s.maxLength})`;
      if (typeof s.pattern === "string") out += `.regex(new RegExp(${lit(s.pattern)}, "u"))`;
      return out;
    }
    case "integer":
      return `z.int()${numberChecks(s)}`;
    case "number":
      return `z.number()${numberChecks(s)}`;
    case "boolean":
      return "z.boolean()";
    case "null":
      return "z.null()";
    case "array": {
      let out = `z.array(${s.items ? expr(s.items as Schema) : "z.unknown()"})`;
      if (typeof s.minItems === "number") out += `.min(${s.minItems})`;
      if (typeof s.maxItems === "number") out += `.max(${s.maxItems})`;
      return out;
    }
    case "object":
      return objectExpr(s);
    default:
      throw new Error(`generate-zod: unsupported type ${type}`);
  }
}

function expr(s: Schema): string {
  if (typeof s.$ref === "string") return `${builder(refName(s.$ref))}()`;
  if (Array.isArray(s.enum)) return enumExpr(s.enum);
  if ("const" in s) return `z.literal(${lit(s.const)})`;
  if (Array.isArray(s.oneOf)) {
    const disc = s.discriminator as { propertyName: string } | undefined;
    const options = (disc ? (s.oneOf as Schema[]) : pushDown(s, "oneOf")).map(expr);
    if (disc) return `z.discriminatedUnion(${lit(disc.propertyName)}, [${options.join(", ")}])`;
    return options.length === 1 ? options[0]! : `exactlyOne([${options.join(", ")}])`;
  }
  if (Array.isArray(s.anyOf)) {
    const options = pushDown(s, "anyOf").map(expr);
    return options.length === 1 ? options[0]! : `z.union([${options.join(", ")}])`;
  }
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).map(expr).reduce((a, b) => `z.intersection(${a}, ${b})`);
  if (Array.isArray(s.type)) {
    const types = s.type as string[];
    const nonNull = types.filter((t) => t !== "null");
    const base = nonNull.length === 1 ? typeExpr(nonNull[0]!, s) : `z.union([${nonNull.map((t) => typeExpr(t, s)).join(", ")}])`;
    return nonNull.length === types.length ? base : `${base}.nullable()`;
  }
  if (typeof s.type === "string") return typeExpr(s.type, s);
  if (s.properties || s.required || s.additionalProperties !== undefined) return typeExpr("object", s);
  if (s.items) return typeExpr("array", s);
  return "z.unknown()";
}

/** Component names a schema refers to, for ordering the declarations. */
function refsOf(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refsOf(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.add(refName(v));
      else refsOf(v, out);
    }
  }
  return out;
}

function topoOrder(): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`generate-zod: recursive components are not supported: ${[...path, name].join(" -> ")}`);
    if (!components[name]) throw new Error(`generate-zod: unknown component ${name}`);
    state.set(name, "visiting");
    for (const dep of [...refsOf(components[name])].sort()) visit(dep, [...path, name]);
    state.set(name, "done");
    order.push(name);
  };
  for (const name of Object.keys(components).sort()) visit(name, []);
  return order;
}

function docComment(name: string, s: Schema): string {
  const text = typeof s.description === "string" ? s.description : `The \`${name}\` component of the contract.`;
  const safe = text.replace(/\*\//g, "*\\/").split("\n").filter((l) => l.trim() !== "");
  return `/** ${safe.join(" ")} */`;
}

const builder = (name: string) => `build${name}`;
for (const [name, schema] of Object.entries(components)) checkKeywords(schema, `#/components/schemas/${name}`);
const names = topoOrder();
const lines = [
  "// GENERATED by scripts/generate-zod.ts from openapi/dist/edge-ai.openapi.json.",
  "// Do not edit: change openapi/ and run `pnpm generate`.",
  'import { z } from "zod";',
  "",
  "/** A union that, like JSON Schema `oneOf`, rejects a value matching more than one branch. */",
  "function exactlyOne<const T extends readonly [z.ZodType, z.ZodType, ...z.ZodType[]]>(options: T) {",
  "  return z.union(options).superRefine((value, ctx) => {",
  "    const matches = options.filter((option) => option.safeParse(value).success).length;",
  "    if (matches > 1) {",
  "      ctx.addIssue({ code: \"custom\", message: `Value matches ${matches} oneOf branches; exactly one is allowed` });",
  "    }",
  "  });",
  "}",
  "",
  "/**",
  " * An object that lets unknown keys through untouched at run time (the server has the final word and a request is",
  " * sent as written) but is typed without an index signature, so a misspelled key is a compile error.",
  " */",
  "function open<const S extends z.ZodRawShape>(shape: S): z.ZodObject<S, z.core.$strip> {",
  "  return z.looseObject(shape) as unknown as z.ZodObject<S, z.core.$strip>;",
  "}",
  "",
  "/** A schema that is built on first use (any property access), so importing this module builds nothing. */",
  "function lazy<T extends object>(build: () => T): T {",
  "  return new Proxy({} as T, {",
  "    get(_target, key) {",
  "      const real = build();",
  "      const value = Reflect.get(real, key, real) as unknown;",
  "      return typeof value === \"function\" ? (value as (...a: unknown[]) => unknown).bind(real) : value;",
  "    },",
  "    has: (_target, key) => Reflect.has(build(), key),",
  "    getPrototypeOf: () => Reflect.getPrototypeOf(build()),",
  "    ownKeys: () => Reflect.ownKeys(build()),",
  "    getOwnPropertyDescriptor(_target, key) {",
  "      const found = Reflect.getOwnPropertyDescriptor(build(), key);",
  "      return found ? { ...found, configurable: true } : undefined;",
  "    },",
  "  });",
  "}",
  "",
  "const built = new Map<() => unknown, unknown>();",
  "/** Builds a schema on first use and caches it: nothing is built at import. */",
  "function once<T>(build: () => T): T {",
  "  let hit = built.get(build) as T | undefined;",
  "  if (hit === undefined) {",
  "    hit = build();",
  "    built.set(build, hit);",
  "  }",
  "  return hit;",
  "}",
  "",
];
for (const name of names) {
  lines.push(`const ${builder(name)} = () => once(${builder(name)}Now);`);
  lines.push(`function ${builder(name)}Now() {`);
  lines.push(`  return ${expr(components[name]!)};`);
  lines.push("}");
}
lines.push("");
lines.push("/** Every component schema by its OpenAPI component name, built on first access (see catalog inputSchemaName). */");
lines.push("export const schemas = {");
for (const name of Object.keys(components).sort()) lines.push(`  get ${name}() {\n    return ${builder(name)}();\n  },`);
lines.push("};");
lines.push("");
lines.push("/** The name of an OpenAPI component that has a zod schema. */");
lines.push("export type SchemaName = keyof typeof schemas;");
lines.push("");
const handWritten = new Set((doc as unknown as { "x-edge-ai-hand-written-components": string[] })["x-edge-ai-hand-written-components"] ?? []);
for (const name of names.filter((n) => handWritten.has(n))) {
  lines.push(docComment(name, components[name]!));
  lines.push(`export const ${ident(name)} = /* @__PURE__ */ lazy(${builder(name)});`);
}
lines.push("");

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, lines.join("\n"));
console.log(`generate-zod: wrote ${output} (${names.length} schemas, built lazily)`);
