/**
 * OpenAPI 3.1 (JSON Schema 2020-12) → OpenAPI 3.0.3 schemas that NSwag 14 turns into clean C#
 * (checklist rules 2, 3, 4, 6, 7, 10, 11, 16, 18). Every inline object is hoisted into a named component so
 * NSwag never invents `Anonymous`/`Response2` names.
 */
import { enumNames, pascalCase, uniqueName } from "./naming.js";
import type { Report } from "./report.js";
import { canonicalUnion, isNullSchema, kindOf, type Schema } from "./union-merge.js";

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const REF = "#/components/schemas/";

/** Keywords copied unchanged: they mean the same in 3.0 and 3.1 and NSwag understands them. */
const KEEP = [
  "title", "description", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems",
  "maxItems", "uniqueItems", "multipleOf", "readOnly", "writeOnly", "deprecated", "minProperties", "maxProperties",
];
/** 3.1-only keywords NSwag cannot read; dropped with a report line. */
const DROP = [
  "$schema", "$id", "$anchor", "$defs", "contentMediaType", "contentEncoding", "prefixItems", "unevaluatedProperties",
  "unevaluatedItems", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties",
  "propertyNames", "contains", "minContains", "maxContains", "not", "$dynamicRef", "$dynamicAnchor",
];

/** Converts all component schemas of a 3.1 document; hoisted inline objects are added to the result. */
export class SchemaConverter {
  readonly out: Record<string, Schema> = {};

  constructor(
    private readonly source: Record<string, Schema>,
    private readonly report: Report,
  ) {}

  /** Source schema behind a `#/components/schemas/X` reference. */
  deref = (ref: string): Schema => {
    const s = this.source[ref.slice(REF.length)];
    if (!s) throw new Error(`unresolved reference ${ref}`);
    return s;
  };

  /** Converts every source component (sorted, so hoisted names are stable) into `out`. */
  convertAll(): void {
    for (const name of Object.keys(this.source).sort()) {
      this.out[name] = this.convert(this.source[name] as Schema, `${REF}${name}`, name, true);
    }
  }

  /**
   * Registers `schema` as a shared component (reused when an identical one exists), so inline enums of
   * parameters repeated on many operations become one C# enum instead of `QueueRequest2…8`.
   */
  share(wanted: string, schema: Schema): Schema {
    const text = JSON.stringify(schema);
    const existing = Object.keys(this.out).find((k) => k.startsWith(pascalCase(wanted)) && JSON.stringify(this.out[k]) === text);
    const name = existing ?? this.newName(wanted);
    this.out[name] = schema;
    return { $ref: `${REF}${name}` };
  }

  /** A name for an invented component that collides with neither source nor already-hoisted components. */
  newName(wanted: string): string {
    return uniqueName(pascalCase(wanted), (n) => n in this.source || n in this.out);
  }

  /**
   * Converts one schema. Inline objects below `where` are hoisted under names derived from `hint`;
   * `top` means the result IS the component named `hint` (so it is not hoisted again).
   */
  convert(src: Schema | boolean, where: string, hint: string, top = false): Schema {
    if (src === true || (isObj(src) && Object.keys(src).length === 0)) return { "x-edge-ai-any": true };
    if (src === false || !isObj(src)) return { "x-edge-ai-any": true };
    if (typeof src.$ref === "string") return this.ref(src, where);
    const union = (src.oneOf ?? src.anyOf) as Schema[] | undefined;
    if (Array.isArray(union)) return this.union(src, union, where, hint, top);

    const out: Schema = {};
    for (const k of KEEP) if (k in src) out[k] = src[k];
    for (const [k, v] of Object.entries(src)) if (k.startsWith("x-")) out[k] = v;
    for (const k of DROP) if (k in src) this.report.add(1, where, `dropped 3.1-only keyword "${k}"`);
    if (typeof out.title === "string" && !/^[A-Za-z0-9_]*$/.test(out.title)) delete out.title;

    let nullable = false;
    let type = src.type;
    if (Array.isArray(type)) {
      const nonNull = (type as string[]).filter((t) => t !== "null");
      nullable = nonNull.length < type.length;
      if (nonNull.length === 1) type = nonNull[0];
      else {
        this.report.add(2, where, `type array [${(type as string[]).join(", ")}] exported as untyped`);
        type = undefined;
      }
      if (nullable) this.report.add(2, where, "type array with null exported as nullable: true");
    }
    if ("const" in src) {
      out.enum = [src.const];
      this.report.add(3, where, "const exported as a one-value enum");
    }
    if (Array.isArray(src.enum)) {
      out.enum = src.enum.filter((v) => v !== null);
      if ((out.enum as unknown[]).length < src.enum.length) nullable = true;
    }
    if (Array.isArray(src.examples) && src.examples.length > 0) {
      out.example = src.examples[0];
      this.report.add(3, where, "examples[] exported as example (first item)");
    } else if ("example" in src) out.example = src.example;
    if (typeof src.exclusiveMinimum === "number") {
      out.minimum = src.exclusiveMinimum;
      out.exclusiveMinimum = true;
    }
    if (typeof src.exclusiveMaximum === "number") {
      out.maximum = src.exclusiveMaximum;
      out.exclusiveMaximum = true;
    }
    if (type === undefined) {
      const k = kindOf({ ...src, type: undefined });
      if (k !== "any") type = k;
    }
    if (typeof type === "string") out.type = type;
    if (type === "null") {
      delete out.type;
      out["x-edge-ai-any"] = true;
      nullable = true;
    }
    if (type === undefined && !src.allOf) out["x-edge-ai-any"] = true;
    if (nullable) out.nullable = true;

    if (type === "integer" && out.format === undefined) out.format = fitsInt32(src) ? "int32" : "int64";
    if (type === "number" && out.format === undefined) out.format = "double";
    if (type === "string" && Array.isArray(out.enum) && out.enum.length > 0) {
      // A plain string on the wire (decision 0260): NSwag's default System.Text.Json output writes an enum's
      // PascalCase member name ("Mean" for "mean"). The values live on in x-edge-ai-enum, from which
      // generate-csharp.ts restores real enums for the shipped client (whose STJ settings write the wire value).
      const values = out.enum as unknown[];
      out["x-edge-ai-enum"] = values;
      out["x-edge-ai-enum-names"] = enumNames(values);
      delete out.enum;
      this.report.add(11, where, "string enum exported as a plain string (values kept in x-edge-ai-enum)");
    }
    if ("default" in src) {
      // Not exported as `default` (decision 0260): NSwag turns defaults into property initialisers that are then
      // sent, overriding per-model server defaults. The value stays readable in the description.
      const d = coerceDefault(src.default, type);
      if (d.ok && d.value !== null) out.description = appendSentence(out.description, `Default: \`${JSON.stringify(d.value)}\`.`);
      this.report.add(18, where, `default ${JSON.stringify(src.default)} moved into the description (NSwag would send it)`);
    }
    if (Array.isArray(src.allOf)) {
      out.allOf = (src.allOf as Schema[]).map((m, i) => this.child(m, `${where}/allOf/${i}`, `${hint}Part${i + 1}`));
    }
    if (type === "array") {
      out.items = isObj(src.items) ? this.child(src.items, `${where}/items`, `${hint}Item`) : { "x-edge-ai-any": true };
    }
    if (type === "object") this.objectBody(src, out, where, hint);
    if (!top && out.type === "object" && out.properties) return this.hoist(out, where, hint);
    if (!top && Array.isArray(out["x-edge-ai-enum"])) {
      // A named enum reads better in C# than NSwag's `ParentProperty_name` for inline enums.
      const { nullable: n, description, ...rest } = out;
      const ref = this.share(hint, { ...rest, description: oneOf(rest["x-edge-ai-enum"] as unknown[]) });
      return n ? { allOf: [ref], nullable: true, ...(description ? { description } : {}) } : { ...ref };
    }
    if (Array.isArray(out["x-edge-ai-enum"])) out.description = appendSentence(out.description, oneOf(out["x-edge-ai-enum"] as unknown[]));
    return out;
  }

  private objectBody(src: Schema, out: Schema, where: string, hint: string): void {
    const props = (src.properties ?? {}) as Record<string, Schema>;
    const names = Object.keys(props);
    if (names.length > 0) {
      const req = ((src.required ?? []) as string[]).filter((r) => names.includes(r));
      // Optional means nullable in the export (decision 0260): NSwag's defaults then give `int?`/`string` with
      // Newtonsoft's NullValueHandling.Ignore, so an unset property is not sent (a plain `int` would go out as 0)
      // and a key that arrives as null (`"result": null` on errors) deserialises.
      out.properties = Object.fromEntries(
        names.map((p) => {
          const c = this.child(props[p] as Schema, `${where}/properties/${p}`, `${hint}${pascalCase(p)}`);
          return [p, req.includes(p) ? c : nullableOf(c)];
        }),
      );
      if (req.length) out.required = req;
      if (src.additionalProperties === true || isObj(src.additionalProperties)) {
        // Deliberately open (for example a batch item carrying any model input): NSwag adds an
        // AdditionalProperties dictionary ([JsonExtensionData]), which is exactly what such a shape needs.
        out.additionalProperties = isObj(src.additionalProperties) && Object.keys(src.additionalProperties).length
          ? this.child(src.additionalProperties, `${where}/additionalProperties`, `${hint}Value`)
          : { "x-edge-ai-any": true };
        this.report.add(10, where, "explicitly open object kept open (C# AdditionalProperties dictionary)");
      } else {
        if (src.additionalProperties === undefined) {
          this.report.add(10, where, "open-by-default object closed (additionalProperties: false); unknown keys are ignored when reading");
        }
        out.additionalProperties = false;
      }
    } else if (isObj(src.additionalProperties) && Object.keys(src.additionalProperties).length > 0) {
      out.additionalProperties = this.child(src.additionalProperties, `${where}/additionalProperties`, `${hint}Value`);
    } else if (src.additionalProperties === false) {
      out.additionalProperties = false;
    } else {
      // A free-form object: a string-keyed map of anything (C# IDictionary<string, object>).
      out.additionalProperties = { "x-edge-ai-any": true };
    }
  }

  /** Converts a nested schema; inline objects come back as references to hoisted components. */
  private child(src: Schema, where: string, hint: string): Schema {
    return this.convert(src, where, hint, false);
  }

  private hoist(schema: Schema, where: string, hint: string): Schema {
    const { nullable, ...rest } = schema;
    const name = this.newName(hint);
    this.out[name] = rest;
    this.report.add(7, where, `inline object hoisted into component ${name}`);
    const ref = { $ref: `${REF}${name}` };
    return nullable ? { allOf: [ref], nullable: true } : ref;
  }

  private ref(src: Schema, where: string): Schema {
    const extra = Object.keys(src).filter((k) => k !== "$ref" && k !== "description" && k !== "summary");
    if (extra.length) this.report.add(2, where, `$ref siblings dropped (${extra.join(", ")})`);
    return { $ref: src.$ref };
  }

  private union(src: Schema, members: Schema[], where: string, hint: string, top: boolean): Schema {
    const nullable = members.some(isNullSchema) || (Array.isArray(src.type) && src.type.includes("null"));
    const nonNull = members.filter((m) => !isNullSchema(m));
    if (nonNull.length === 1 && typeof (nonNull[0] as Schema).$ref === "string") {
      const ref = this.ref(nonNull[0] as Schema, where);
      if (!nullable) return ref;
      this.report.add(2, where, "nullable $ref exported as allOf [$ref] + nullable: true");
      return { allOf: [ref], nullable: true, ...(src.description ? { description: src.description } : {}) };
    }
    if (src.discriminator) this.report.add(5, where, "discriminator dropped (members merged, no polymorphism)");
    const canonical = canonicalUnion(members, this.deref, where, this.report);
    const { oneOf: _o, anyOf: _a, discriminator: _d, ...outer } = src;
    const merged: Schema = { ...canonical, ...outer, ...(canonical.properties ? { type: "object" } : {}) };
    if (canonical.type === undefined && canonical.properties === undefined) delete merged.type;
    if (nullable) merged.type = merged.type ?? canonical.type;
    const converted = this.convert(merged, where, hint, top);
    if (nullable) {
      if (typeof converted.$ref === "string") return { allOf: [converted], nullable: true };
      converted.nullable = true;
    }
    return converted;
  }
}

/** `schema` that also accepts null: `nullable: true`, or `allOf: [$ref] + nullable` for a reference (rule 2). */
function nullableOf(schema: Schema): Schema {
  if (schema.nullable === true) return schema;
  if (typeof schema.$ref === "string") return { allOf: [{ $ref: schema.$ref }], nullable: true };
  return { ...schema, nullable: true };
}

function oneOf(values: unknown[]): string {
  return `One of: ${values.map((v) => `\`${String(v)}\``).join(", ")}.`;
}

function appendSentence(text: unknown, sentence: string): string {
  return typeof text === "string" && text.trim() ? `${text.trim().replace(/([^.!?])$/, "$1.")} ${sentence}` : sentence;
}

function fitsInt32(s: Schema): boolean {
  const lim = 2 ** 31;
  const lo = typeof s.minimum === "number" ? s.minimum : undefined;
  const hi = typeof s.maximum === "number" ? s.maximum : undefined;
  return (lo === undefined || lo >= -lim) && (hi === undefined || hi < lim) && s.format !== "int64";
}

/** `default` must match the type (rule 18): "1" on an integer is coerced, anything unparseable dropped. */
function coerceDefault(v: unknown, type: unknown): { ok: boolean; value?: unknown } {
  if (v === null) return { ok: true, value: null };
  if (type === "integer" || type === "number") {
    const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
    if (!Number.isFinite(n) || (type === "integer" && !Number.isInteger(n))) return { ok: false };
    return { ok: true, value: n };
  }
  if (type === "boolean") {
    if (typeof v === "boolean") return { ok: true, value: v };
    if (v === "true" || v === "false") return { ok: true, value: v === "true" };
    return { ok: false };
  }
  if (type === "string") return typeof v === "string" ? { ok: true, value: v } : { ok: false };
  return { ok: true, value: v };
}
