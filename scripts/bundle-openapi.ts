/**
 * Bundles the hand-written OpenAPI 3.1 source in `openapi/` into `openapi/dist/edge-ai.openapi.json`.
 *
 * Inputs: openapi/upstream/models/**.json (Cloudflare's per-model data, committed), openapi/models.yaml (the
 * overlay: what upstream lacks or gets wrong), openapi/openapi.yaml (root), openapi/schemas/*.yaml (hand-written
 * components: envelopes, discovery, OpenAI-compatible shapes, SSE events), openapi/tasks.yaml, openapi/errors.yaml.
 * One operation per upstream model (see bundle-upstream.ts, bundle-model-operations.ts), so the `/` of a model
 * slug stays literal in every generator. Every override applied is printed. The output is deterministic: same input, same bytes.
 *
 * Usage: `tsx scripts/bundle-openapi.ts`
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import {
  buildModelOperation,
  envelopeName,
  batchableInputName,
  batchableResponseName,
  type TaskSource,
} from "./bundle-model-operations.ts";
import { readOverlay, readUpstream, resolveCatalog, type ResolvedModel } from "./bundle-upstream.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const openapiDir = join(root, "openapi");
export const distPath = join(openapiDir, "dist", "edge-ai.openapi.json");

type Json = Record<string, unknown>;

function readYaml<T>(path: string): T {
  // merge: true lets schema files share property blocks through YAML merge keys (`<<: *sampling`).
  return parse(readFileSync(path, "utf8"), { merge: true }) as T;
}

function fail(message: string): never {
  throw new Error(`bundle-openapi: ${message}`);
}

function loadSchemas(): Record<string, Json> {
  const dir = join(openapiDir, "schemas");
  const schemas: Record<string, Json> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const map = readYaml<Record<string, Json>>(join(dir, file));
    for (const [name, schema] of Object.entries(map)) {
      if (name.startsWith("x-")) continue; // YAML anchor holders, not components
      if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) fail(`component name ${name} (${file}) is not PascalCase without dots`);
      if (schemas[name]) fail(`component ${name} is defined twice (${file})`);
      schemas[name] = schema;
    }
  }
  return schemas;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function envelope(description: string, result: Json): Json {
  return {
    type: "object",
    description,
    required: ["result", "success"],
    properties: {
      result,
      success: { type: "boolean" },
      errors: { type: "array", items: ref("ResponseInfo") },
      messages: { type: "array", items: ref("ResponseInfo") },
    },
  };
}

/** Adds `<X>Response` envelopes and the batch-capable request/response unions the model operations use. */
function addDerivedSchemas(schemas: Record<string, Json>, models: ResolvedModel[]) {
  const add = (name: string, schema: Json) => {
    if (schemas[name]) fail(`derived component ${name} collides with another component`);
    schemas[name] = schema;
  };
  const seen = new Set<string>();
  for (const model of models) {
    const { input, output } = model;
    const json = model.outputMedia[0] === "application/json" && output !== null;
    if (json) {
      const env = envelopeName(output);
      if (!seen.has(env)) {
        seen.add(env);
        add(env, envelope(`Envelope of a successful run whose result is \`${output}\`.`, { anyOf: [ref(output), { type: "null" }] }));
      }
    }
    if (!model.capabilities.async_batch || !model.jsonRequest) continue;
    const bIn = batchableInputName(input);
    if (!seen.has(bIn)) {
      seen.add(bIn);
      add(bIn, {
        description: `A normal \`${input}\`, an async batch submission (with ?queueRequest=true) or a batch poll.`,
        anyOf: [ref(input), ref("BatchSubmitInput"), ref("BatchPollInput")],
      });
    }
    if (!json) continue;
    const bOut = batchableResponseName(output);
    if (!seen.has(bOut)) {
      seen.add(bOut);
      add(
        bOut,
        envelope(`Envelope whose result is \`${output}\`, or a batch status / final batch result.`, {
          anyOf: [ref(output), ref("BatchStatus"), ref("BatchResult"), { type: "null" }],
        }),
      );
    }
  }
}

/** Fails on any `$ref` that points nowhere, so a typo never reaches the generators. */
function checkRefs(doc: Json) {
  const resolve = (pointer: string) =>
    pointer
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);
  const walk = (node: unknown, at: string) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
    if (!node || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && resolve(v) === undefined) fail(`unresolved $ref ${v} at ${at}`);
      walk(v, `${at}/${k}`);
    }
  };
  walk(doc, "#");
}

function sortedObject<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Prints every override the overlay or a normalisation rule applied (set EDGE_AI_QUIET_OVERRIDES=1 to silence). */
export let appliedOverrides: string[] = [];

export function bundle(): Json {
  const base = readYaml<Json>(join(openapiDir, "openapi.yaml"));
  const tasks = readYaml<Record<string, TaskSource>>(join(openapiDir, "tasks.yaml"));
  const overlay = readOverlay(join(openapiDir, "models.yaml"));
  const errors = readYaml<Json>(join(openapiDir, "errors.yaml"));
  const upstream = readUpstream(join(openapiDir, "upstream", "models"));
  const catalog = resolveCatalog(upstream, overlay, new Set(Object.keys(tasks)));
  appliedOverrides = catalog.overrides;

  const schemas = loadSchemas();
  const handWritten = Object.keys(schemas).sort();
  for (const [name, schema] of Object.entries(catalog.components)) {
    if (schemas[name]) fail(`generated component ${name} collides with a hand-written one in openapi/schemas`);
    schemas[name] = schema;
  }
  addDerivedSchemas(schemas, catalog.models);

  const modelPaths: Record<string, Json> = {};
  for (const model of catalog.models) {
    const task = tasks[model.task] ?? fail(`model ${model.id}: unknown task ${model.task}`);
    modelPaths[`/accounts/{account_id}/ai/run/${model.id}`] = { post: buildModelOperation(model, task, schemas) };
  }
  for (const model of catalog.models) {
    const repl = model.deprecated?.replacement;
    if (repl && catalog.models.find((m) => m.id === repl)?.deprecated) fail(`model ${model.id}: replacement ${repl} is deprecated too`);
  }
  const firstOf = (task: string) => catalog.models.find((m) => m.task === task && !m.deprecated) ?? catalog.models.find((m) => m.task === task);

  const baseTags = (base.tags as Json[]) ?? [];
  const taskTags = Object.values(tasks).map((t) => ({ name: t.name, description: t.description }));
  const components = base.components as Json;

  const doc: Json = {
    openapi: base.openapi,
    info: {
      ...(base.info as Json),
      "x-generated-by":
        "GENERATED by scripts/bundle-openapi.ts from openapi/upstream/models/**.json (the upstream snapshot), openapi/models.yaml (overlay), openapi/openapi.yaml, openapi/schemas/*.yaml, openapi/tasks.yaml, openapi/errors.yaml. Do not edit.",
    },
    servers: base.servers,
    security: base.security,
    tags: [...baseTags, ...taskTags],
    paths: { ...(base.paths as Json), ...modelPaths },
    components: {
      securitySchemes: components.securitySchemes,
      parameters: components.parameters,
      responses: components.responses,
      examples: components.examples,
      schemas: sortedObject(schemas),
    },
    "x-edge-ai-tasks": Object.entries(tasks).map(([id, t]) => ({
      id,
      name: t.name,
      description: t.description,
      input: firstOf(id)?.input ?? null,
      output: firstOf(id)?.output ?? null,
      rate_limit_per_minute: t.rate_limit_per_minute,
    })),
    "x-edge-ai-hand-written-components": handWritten,
    "x-edge-ai-shared-components": Object.fromEntries(Object.entries(catalog.shared).filter(([, ids]) => ids.length > 1)),
    "x-edge-ai-error-codes": errors,
  };
  checkRefs(doc);
  return doc;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = bundle();
  mkdirSync(dirname(distPath), { recursive: true });
  writeFileSync(distPath, `${JSON.stringify(doc, null, 2)}\n`);
  for (const line of appliedOverrides) console.log(`bundle-openapi: override ${line}`);
  const ops = Object.values(doc.paths as Json).length;
  console.log(`bundle-openapi: wrote ${distPath} (${ops} paths, ${appliedOverrides.length} overrides applied)`);
}
