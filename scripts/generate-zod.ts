/**
 * Generates packages/contract/src/generated/zod.ts from openapi/dist/edge-ai.openapi.json: one `z<Name>` per
 * component (zod 4, static types by inference) and `schemas`, a map from component name to schema.
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

function objectExpr(s: Schema): string {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const entries = Object.entries(props);
  const additional = s.additionalProperties;
  if (entries.length === 0) {
    if (additional === false) return "z.strictObject({})";
    const value = additional && typeof additional === "object" ? expr(additional as Schema) : "z.unknown()";
    return `z.record(z.string(), ${value})`;
  }
  const shape = entries
    .map(([k, v]) => `${key(k)}: ${expr(v)}${required.has(k) ? "" : ".optional()"}`)
    .join(", ");
  for (const r of required) if (!(r in props)) throw new Error(`generate-zod: required ${r} has no property schema`);
  if (additional === false) return `z.strictObject({ ${shape} })`;
  if (additional && typeof additional === "object") return `z.object({ ${shape} }).catchall(${expr(additional as Schema)})`;
  return `z.looseObject({ ${shape} })`;
}

function typeExpr(type: string, s: Schema): string {
  switch (type) {
    case "string": {
      if (s.format === "binary") return "z.instanceof(Uint8Array)";
      let out = "z.string()";
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
  if (typeof s.$ref === "string") return ident(refName(s.$ref));
  if (Array.isArray(s.enum)) return enumExpr(s.enum);
  if ("const" in s) return `z.literal(${lit(s.const)})`;
  if (Array.isArray(s.oneOf)) {
    const options = (s.oneOf as Schema[]).map(expr);
    const disc = s.discriminator as { propertyName: string } | undefined;
    if (disc) return `z.discriminatedUnion(${lit(disc.propertyName)}, [${options.join(", ")}])`;
    return `exactlyOne([${options.join(", ")}])`;
  }
  if (Array.isArray(s.anyOf)) {
    const options = (s.anyOf as Schema[]).map(expr);
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
];
for (const name of names) {
  lines.push(docComment(name, components[name]!));
  lines.push(`export const ${ident(name)} = ${expr(components[name]!)};`);
  lines.push("");
}
lines.push("/** Every component schema by its OpenAPI component name, for runtime lookup (see catalog inputSchemaName). */");
lines.push("export const schemas = {");
for (const name of Object.keys(components).sort()) lines.push(`  ${name}: ${ident(name)},`);
lines.push("} as const;");
lines.push("");
lines.push("/** The name of an OpenAPI component that has a zod schema. */");
lines.push("export type SchemaName = keyof typeof schemas;");
lines.push("");

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, lines.join("\n"));
console.log(`generate-zod: wrote ${output} (${names.length} schemas)`);
