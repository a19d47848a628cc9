/**
 * Turns the committed upstream snapshot (`openapi/upstream/models/**.json`) plus the overlay (`openapi/models.yaml`)
 * into the catalog the bundler expands (used by bundle-openapi.ts): per model its facts from upstream properties,
 * its request/result JSON Schemas and the media it speaks, and the components those schemas become.
 *
 * Identical schemas share one component (structural hash of the normalised schema); a group is named after the
 * first model in id order (`<Method>Input` / `<Method>Output`) unless the overlay names it (published SDK names).
 * Every override the overlay or a normalisation rule applies is reported in `overrides` and printed by the bundler.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

type Json = Record<string, unknown>;

/** One upstream snapshot file (see scripts/sync-models.ts). */
export interface UpstreamFile {
  id: string;
  task: string;
  properties: Record<string, unknown>;
  schema: { input: Json; output: Json } | null;
  source: Json;
  schema_source?: Json;
}

/** A fact the overlay sets: value, why and where it comes from. */
interface Sourced {
  reason: string;
  source: string;
}

/** One overlay entry of `openapi/models.yaml`. */
export interface OverlayModel {
  method?: Sourced & { name: string };
  deprecated?: Sourced & { date: string; replacement: string | null };
  rate_limit_per_minute?: Sourced & { value: number };
  flags?: Sourced & { add: string[] };
  request_media?: Sourced & { media: string; schema?: Json };
  binary_input?: Sourced & { value: boolean };
  dimensions?: Sourced & { value: number };
  /** Use another model's upstream output schema (same family, this one's upstream schema is empty). */
  output_from?: Sourced & { model: string };
}

export interface Overlay {
  component_names: Record<string, Sourced & { input_of?: string; output_of?: string }>;
  models: Record<string, OverlayModel>;
}

export interface Capabilities {
  streaming: boolean;
  json_mode: boolean;
  function_calling: boolean;
  async_batch: boolean;
  vision: boolean;
  lora: boolean;
  reasoning: boolean;
}

/** A model ready for expansion into its operation. */
export interface ResolvedModel {
  id: string;
  method: string;
  task: string;
  taskName: string;
  capabilities: Capabilities;
  /** Media of a successful non-streaming answer, primary first (`application/json` when there is a JSON form). */
  outputMedia: string[];
  /** Media the request body may use besides `application/json` (raw bytes or a multipart form). */
  requestMedia: { media: string; schema: Json }[];
  /** False when the request is not JSON at all (multipart-only models). */
  jsonRequest: boolean;
  input: string;
  output: string | null;
  contextWindow: number | null;
  dimensions: number | null;
  rateLimitPerMinute: number | null;
  prices: { unit: string; price: number; currency: string }[];
  flags: string[];
  deprecated: { date: string; replacement: string | null; source: string } | null;
  properties: Record<string, unknown>;
  source: Json;
  schemaSource: Json | null;
}

export interface UpstreamCatalog {
  models: ResolvedModel[];
  /** Generated components by name. */
  components: Record<string, Json>;
  /** Models per shared component, for the report. */
  shared: Record<string, string[]>;
  /** One line per override or normalisation applied. */
  overrides: string[];
}

/** `Text Generation` → `text-generation`. */
export const taskId = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** `@cf/meta/llama-3.1-8b-instruct` → `Llama31_8bInstruct` (digits of adjacent segments split by `_`). */
export function methodName(id: string): string {
  let out = "";
  for (const raw of id.split("/").pop()!.split(/[-_]/)) {
    const seg = raw.replace(/\./g, "");
    const cap = seg.charAt(0).toUpperCase() + seg.slice(1);
    if (/\d$/.test(out) && /^\d/.test(cap)) out += "_";
    out += cap;
  }
  return out.replace(/[^A-Za-z0-9_]/g, "");
}

function listJson(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out = out.concat(listJson(path));
    else if (entry.endsWith(".json")) out.push(path);
  }
  return out;
}

export function readUpstream(dir: string): UpstreamFile[] {
  return listJson(dir).map((p) => JSON.parse(readFileSync(p, "utf8")) as UpstreamFile);
}

export function readOverlay(path: string): Overlay {
  const overlay = parse(readFileSync(path, "utf8"), { merge: true }) as Overlay;
  return { component_names: overlay.component_names ?? {}, models: overlay.models ?? {} };
}

/** Stable JSON (sorted keys) for hashing. */
export function canonical(node: unknown): string {
  if (Array.isArray(node)) return `[${node.map(canonical).join(",")}]`;
  if (node && typeof node === "object") {
    return `{${Object.keys(node)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((node as Json)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(node);
}
const hash = (node: unknown) => createHash("sha256").update(canonical(node)).digest("hex").slice(0, 16);

const isBinaryString = (s: Json) => s.type === "string" && s.format === "binary";
const DATA = new Set(["default", "enum", "const", "examples"]);

/** Applies `fn` to every sub-schema (not inside data keywords), bottom-up. */
function mapSchema(node: unknown, fn: (s: Json) => Json): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSchema(n, fn));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (DATA.has(k)) out[k] = v;
    else if (k === "properties" && v && typeof v === "object") {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, mapSchema(s, fn)]));
    } else out[k] = mapSchema(v, fn);
  }
  return fn(out);
}

/** Upstream bug: a `required` array written inside `properties` (flux-2) is moved to where it belongs. */
function fixMisplacedRequired(id: string, schema: Json, report: (line: string) => void): Json {
  return mapSchema(schema, (s) => {
    const props = s.properties as Json | undefined;
    if (!props || !Array.isArray(props.required)) return s;
    const { required, ...rest } = props;
    report(`${id}: upstream bug: \`required\` inside \`properties\` moved to the object's \`required\``);
    return { ...s, properties: rest, required: [...new Set([...((s.required as string[]) ?? []), ...(required as string[])])] };
  }) as Json;
}

/** True when any branch of the (top-level) input declares `name`. */
function hasProperty(schema: Json, name: string): boolean {
  const props = schema.properties as Json | undefined;
  if (props && name in props) return true;
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    const branches = schema[key] as Json[] | undefined;
    if (branches?.some((b) => hasProperty(b, name))) return true;
  }
  return false;
}

const isBatchBranch = (b: Json) => {
  const props = b.properties as Json | undefined;
  return !!props && "requests" in props && Object.keys(props).every((k) => k === "requests");
};

interface SplitInput {
  json: Json | null;
  binary: boolean;
}

/** Separates the JSON request from a raw-bytes branch and drops the inline async-batch branch. */
function splitInput(id: string, input: Json, report: (line: string) => void): SplitInput {
  let binary = false;
  let schema: Json = input;
  if (isBinaryString(schema)) return { json: null, binary: true };
  for (const key of ["oneOf", "anyOf"] as const) {
    const branches = schema[key] as Json[] | undefined;
    if (!branches) continue;
    let kept = branches;
    if (kept.some(isBinaryString)) {
      binary = true;
      kept = kept.filter((b) => !isBinaryString(b));
      report(`${id}: raw-bytes input branch → application/octet-stream request body`);
    }
    if (kept.some(isBatchBranch)) {
      kept = kept.filter((b) => !isBatchBranch(b));
      report(`${id}: inline {requests} branch dropped from the input (async batch is the BatchSubmitInput wrapper)`);
    }
    if (kept.length === 1) {
      const { [key]: _drop, ...rest } = schema;
      schema = { ...rest, ...kept[0] };
      if (rest.type && kept[0]!.type && rest.type !== kept[0]!.type) throw new Error(`${id}: conflicting input types`);
    } else schema = { ...schema, [key]: kept };
  }
  // A JSON body cannot carry raw bytes: `format: binary` strings inside it are byte arrays' string alternative.
  let stripped = false;
  schema = mapSchema(schema, (s) => {
    if (!isBinaryString(s)) return s;
    stripped = true;
    const { format: _f, ...rest } = s;
    return rest;
  }) as Json;
  if (stripped) report(`${id}: format:binary strings inside the JSON request typed as plain strings (Workers-binding only)`);
  return { json: schema, binary };
}

interface SplitOutput {
  json: Json | null;
  media: string[];
  sse: boolean;
}

const contentTypeOf = (s: Json) => (typeof s.contentType === "string" ? s.contentType : null);

/** Splits the output by media: JSON result(s), an SSE branch, binary media (audio/mpeg, image/png, ...). */
function splitOutput(output: Json): SplitOutput {
  const union = Array.isArray(output.oneOf) ? output.oneOf : Array.isArray(output.anyOf) ? output.anyOf : null;
  // A `type` beside the union holds for every branch.
  const branches = (union ? (union as Json[]).map((b) => (b.type || !output.type ? b : { type: output.type, ...b })) : [output]) as Json[];
  const json: Json[] = [];
  const media: string[] = [];
  let sse = false;
  for (const b of branches) {
    const ct = contentTypeOf(b);
    if (ct === "text/event-stream" || (!ct && isBinaryString(b))) sse = true;
    else if (ct && ct !== "application/json") media.push(ct);
    else {
      const props = b.properties as Json | undefined;
      // `{request_id}` alone is the async-queue acknowledgement, modelled by BatchStatus.
      if (props && Object.keys(props).length === 1 && "request_id" in props) continue;
      json.push(b);
    }
  }
  const clean = (s: Json) => mapSchema(s, ({ contentType: _c, ...rest }) => rest) as Json;
  let result: Json | null = null;
  if (json.length === 1) result = clean(json[0]!);
  else if (json.length > 1) result = { anyOf: json.map(clean) };
  if (result) media.unshift("application/json");
  return { json: result, media, sse };
}

/** Results are tolerant: `oneOf` becomes `anyOf` (overlapping shapes), nested `required` and bounds are dropped. */
function tolerant(schema: Json): Json {
  const top = new Set((schema.required as string[] | undefined) ?? []);
  const out = mapSchema(schema, (s) => {
    const { oneOf, allOf, required: _r, minimum: _a, maximum: _b, minLength: _c, maxLength: _d, minItems: _e, maxItems: _f, pattern: _g, ...rest } = s;
    // allOf in a result comes from TypeScript `A[] & B[]` (ai.d.ts): either form may arrive.
    const union = oneOf ?? allOf;
    return union ? { ...rest, anyOf: union } : rest;
  }) as Json;
  if (top.size > 0 && !out.anyOf) out.required = [...top];
  return out;
}

/**
 * Upstream declares `response: string`, but in JSON mode (`response_format` / `guided_json`) the API answers the
 * parsed object there. Models that take a JSON-mode field get `response: string | object` (decision 0203).
 */
function jsonModeResponse(id: string, output: Json, input: Json, report: (line: string) => void): Json {
  if (!hasProperty(input, "response_format") && !hasProperty(input, "guided_json")) return output;
  const fix = (s: Json): Json => {
    const props = s.properties as Record<string, Json> | undefined;
    if (props?.response?.type !== "string") return s;
    return { ...s, properties: { ...props, response: { anyOf: [{ type: "string" }, { type: "object" }] } } };
  };
  const fixed = Array.isArray(output.anyOf) ? { ...output, anyOf: (output.anyOf as Json[]).map(fix) } : fix(output);
  if (canonical(fixed) !== canonical(output)) report(`${id}: JSON mode answers an object in \`response\` (upstream says string); response: string | object`);
  return fixed;
}

const truthy = (v: unknown) => v === true || v === "true";
const num = (v: unknown) => (v === undefined || v === null || v === "" || Number.isNaN(Number(v)) ? null : Number(v));

/** Resolves every snapshot model against the overlay. Throws on anything inconsistent. */
export function resolveCatalog(files: UpstreamFile[], overlay: Overlay, taskNames: Set<string>): UpstreamCatalog {
  const overrides: string[] = [];
  const report = (line: string) => overrides.push(line);
  const ids = new Set(files.map((f) => f.id));
  for (const id of Object.keys(overlay.models)) if (!ids.has(id)) throw new Error(`overlay: ${id} is not in the upstream snapshot`);

  interface Draft {
    model: Omit<ResolvedModel, "input" | "output">;
    input: Json;
    output: Json | null;
  }
  const drafts: Draft[] = [];
  const methods = new Map<string, string>();
  for (const file of [...files].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const o = overlay.models[file.id] ?? {};
    if (!file.schema) throw new Error(`upstream: ${file.id} has no schema (fill it, see openapi/upstream/README.md)`);
    const p = file.properties;
    const task = taskId(file.task);
    if (!taskNames.has(task)) throw new Error(`upstream: ${file.id} has task ${file.task}, not in openapi/tasks.yaml`);
    let method = methodName(file.id);
    if (o.method) {
      report(`${file.id}: method ${o.method.name} (${o.method.reason}; ${o.method.source})`);
      method = o.method.name;
    }
    if (methods.has(method)) throw new Error(`method ${method} of ${file.id} is also derived for ${methods.get(method)}; set method in the overlay`);
    methods.set(method, file.id);

    const split = splitInput(file.id, fixMisplacedRequired(file.id, file.schema.input, report), report);
    let outputSchema = file.schema.output;
    if (o.output_from) {
      const other = files.find((f) => f.id === o.output_from!.model)?.schema?.output;
      if (!other) throw new Error(`overlay: ${file.id} output_from ${o.output_from.model} has no upstream output`);
      outputSchema = other;
      report(`${file.id}: output schema of ${o.output_from.model} (${o.output_from.reason}; ${o.output_from.source})`);
    }
    const out = splitOutput(fixMisplacedRequired(file.id, outputSchema, report));
    const requestMedia: { media: string; schema: Json }[] = [];
    let binary = split.binary;
    if (o.binary_input) {
      binary = o.binary_input.value;
      report(`${file.id}: binary_input ${binary} (${o.binary_input.reason}; ${o.binary_input.source})`);
    }
    if (binary) requestMedia.push({ media: "application/octet-stream", schema: { type: "string", format: "binary" } });
    let jsonRequest = split.json !== null;
    if (o.request_media) {
      report(`${file.id}: request body ${o.request_media.media} (${o.request_media.reason}; ${o.request_media.source})`);
      requestMedia.push({ media: o.request_media.media, schema: o.request_media.schema ?? { type: "object" } });
      jsonRequest = false;
    }
    // Multipart-only models: the typed input is the REST form (overlay), not the Workers binding's shape.
    const inputSchema = o.request_media?.schema ?? split.json ?? { type: "object" };
    const streaming = out.sse || hasProperty(inputSchema, "stream");
    if (!out.sse && streaming) report(`${file.id}: input has \`stream\` but the output declares no text/event-stream; SSE added`);

    let deprecated: ResolvedModel["deprecated"] = null;
    if (typeof p.planned_deprecation_date === "string") {
      deprecated = { date: p.planned_deprecation_date, replacement: null, source: "upstream property planned_deprecation_date" };
    }
    if (o.deprecated) {
      report(`${file.id}: deprecated ${o.deprecated.date} → ${o.deprecated.replacement ?? "(no replacement)"} (${o.deprecated.reason}; ${o.deprecated.source})`);
      deprecated = { date: o.deprecated.date, replacement: o.deprecated.replacement, source: o.deprecated.source };
    }
    const flags: string[] = [];
    for (const key of ["beta", "partner", "realtime", "require_workers_paid"]) if (truthy(p[key])) flags.push(key);
    if (typeof p.terms === "string") flags.push("terms");
    if (o.flags) {
      report(`${file.id}: flags +${o.flags.add.join(",")} (${o.flags.reason}; ${o.flags.source})`);
      flags.push(...o.flags.add);
    }
    let rate: number | null = null;
    if (o.rate_limit_per_minute) {
      rate = o.rate_limit_per_minute.value;
      report(`${file.id}: rate limit ${rate}/min (${o.rate_limit_per_minute.reason}; ${o.rate_limit_per_minute.source})`);
    }
    let dimensions = num(p.output_dimensions);
    if (o.dimensions) {
      dimensions = o.dimensions.value;
      report(`${file.id}: dimensions ${dimensions} (${o.dimensions.reason}; ${o.dimensions.source})`);
    }
    drafts.push({
      model: {
        id: file.id,
        method,
        task,
        taskName: file.task,
        capabilities: {
          streaming,
          json_mode: hasProperty(inputSchema, "response_format") || hasProperty(inputSchema, "guided_json"),
          function_calling: truthy(p.function_calling),
          async_batch: truthy(p.async_queue),
          vision: truthy(p.vision),
          lora: truthy(p.lora),
          reasoning: truthy(p.reasoning),
        },
        outputMedia: out.media.length > 0 ? out.media : ["application/json"],
        requestMedia,
        jsonRequest,
        contextWindow: num(p.context_window),
        dimensions,
        rateLimitPerMinute: rate,
        prices: Array.isArray(p.price) ? (p.price as ResolvedModel["prices"]) : [],
        flags,
        deprecated,
        properties: p,
        source: file.source,
        schemaSource: file.schema_source ?? null,
      },
      input: inputSchema,
      output: out.json ? jsonModeResponse(file.id, tolerant(out.json), inputSchema, report) : null,
    });
  }
  for (const d of drafts) {
    const repl = d.model.deprecated?.replacement;
    if (repl && !ids.has(repl)) throw new Error(`overlay: ${d.model.id} replacement ${repl} is not in the snapshot`);
  }

  // Group identical schemas; name groups (overlay names first, else the first model's method).
  const named = new Map<string, string>(); // "in:<hash>" / "out:<hash>" → name
  const byId = new Map(drafts.map((d) => [d.model.id, d]));
  for (const [name, spec] of Object.entries(overlay.component_names)) {
    const of = spec.input_of ?? spec.output_of;
    const d = of ? byId.get(of) : undefined;
    if (!d) throw new Error(`overlay: component ${name} names the schema of ${of}, which is not in the snapshot`);
    const schema = spec.input_of ? d.input : d.output;
    if (!schema) throw new Error(`overlay: component ${name}: ${of} has no JSON ${spec.input_of ? "input" : "output"}`);
    const key = `${spec.input_of ? "in" : "out"}:${hash(schema)}`;
    if (named.has(key)) throw new Error(`overlay: ${name} and ${named.get(key)} name the same schema`);
    named.set(key, name);
    report(`component ${name}: the ${spec.input_of ? "input" : "output"} group of ${of} (${spec.reason})`);
  }
  const components: Record<string, Json> = {};
  const shared: Record<string, string[]> = {};
  const assign = (kind: "in" | "out", schema: Json, method: string, id: string): string => {
    const key = `${kind}:${hash(schema)}`;
    let name = named.get(key);
    if (!name) {
      // Component names are letters and digits only (NSwag rule 8); `_` between digits becomes `x`, as in C# method names.
      name = `${method.replace(/_/g, "x")}${kind === "in" ? "Input" : "Output"}`;
      named.set(key, name);
    }
    if (!components[name]) components[name] = schema;
    else if (canonical(components[name]) !== canonical(schema)) {
      throw new Error(`component ${name} (of ${id}) would name two different schemas; set a method for ${id} in the overlay`);
    }
    (shared[name] ??= []).push(id);
    return name;
  };
  const models: ResolvedModel[] = drafts.map((d) => ({
    ...d.model,
    input: assign("in", d.input, d.model.method, d.model.id),
    output: d.output ? assign("out", d.output, d.model.method, d.model.id) : null,
  }));
  return { models, components, shared, overrides };
}
