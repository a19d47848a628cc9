/**
 * Bundles the hand-written OpenAPI 3.1 source in `openapi/` into `openapi/dist/edge-ai.openapi.json`.
 *
 * Inputs: openapi/openapi.yaml (root), openapi/schemas/*.yaml (components), openapi/tasks.yaml,
 * openapi/models.yaml (catalog), openapi/errors.yaml, openapi/examples.yaml.
 * One operation per catalogued model is expanded from its task (see bundle-model-operations.ts), so the `/`
 * of a model slug stays literal in every generator. The output is deterministic: same input, same bytes.
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
  type CatalogSource,
  type TaskSource,
  type NamedExamples,
} from "./bundle-model-operations.ts";

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
function addDerivedSchemas(schemas: Record<string, Json>, catalog: CatalogSource, tasks: Record<string, TaskSource>) {
  const add = (name: string, schema: Json) => {
    if (schemas[name]) fail(`derived component ${name} collides with a hand-written one`);
    schemas[name] = schema;
  };
  const seen = new Set<string>();
  for (const model of catalog.models) {
    const task = tasks[model.task] ?? fail(`model ${model.id}: unknown task ${model.task}`);
    const input = model.input ?? task.input;
    const output = model.output ?? task.output;
    if (!schemas[input]) fail(`model ${model.id}: input component ${input} does not exist`);
    if (model.output_media !== "application/json") continue;
    if (!output || !schemas[output]) fail(`model ${model.id}: output component ${output} does not exist`);
    const env = envelopeName(output);
    if (!seen.has(env)) {
      seen.add(env);
      add(env, envelope(`Envelope of a successful run whose result is \`${output}\`.`, { anyOf: [ref(output), { type: "null" }] }));
    }
    if (!model.capabilities.async_batch) continue;
    const bIn = batchableInputName(input);
    const bOut = batchableResponseName(output);
    if (!seen.has(bIn)) {
      seen.add(bIn);
      add(bIn, {
        description: `A normal \`${input}\`, an async batch submission (with ?queueRequest=true) or a batch poll.`,
        oneOf: [ref(input), ref("BatchSubmitInput"), ref("BatchPollInput")],
      });
    }
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

export function bundle(): Json {
  const base = readYaml<Json>(join(openapiDir, "openapi.yaml"));
  const tasks = readYaml<Record<string, TaskSource>>(join(openapiDir, "tasks.yaml"));
  const catalog = readYaml<CatalogSource>(join(openapiDir, "models.yaml"));
  const errors = readYaml<Json>(join(openapiDir, "errors.yaml"));
  const extraExamples = readYaml<Record<string, NamedExamples>>(join(openapiDir, "examples.yaml"));

  const schemas = loadSchemas();
  addDerivedSchemas(schemas, catalog, tasks);

  // Examples by component name: task defaults from tasks.yaml, overrides from examples.yaml.
  const examples: Record<string, NamedExamples> = { ...extraExamples };
  for (const task of Object.values(tasks)) {
    if (task.examples?.requests) examples[task.input] = { ...task.examples.requests, ...examples[task.input] };
    if (task.output && task.examples?.results) examples[task.output] = { ...task.examples.results, ...examples[task.output] };
  }

  const ids = new Set<string>();
  const methods = new Set<string>();
  const modelPaths: Record<string, Json> = {};
  for (const model of catalog.models) {
    if (ids.has(model.id)) fail(`model ${model.id} is listed twice`);
    if (methods.has(model.method)) fail(`method ${model.method} is used twice`);
    ids.add(model.id);
    methods.add(model.method);
    const task = tasks[model.task] ?? fail(`model ${model.id}: unknown task ${model.task}`);
    modelPaths[`/accounts/{account_id}/ai/run/${model.id}`] = { post: buildModelOperation(model, task, examples) };
  }
  for (const model of catalog.models) {
    const repl = model.deprecated?.replacement;
    if (repl && !ids.has(repl)) fail(`model ${model.id}: replacement ${repl} is not in the catalog`);
    if (repl && catalog.models.find((m) => m.id === repl)?.deprecated) fail(`model ${model.id}: replacement ${repl} is deprecated too`);
  }
  if (catalog.models.length < 30) fail(`the catalog has ${catalog.models.length} models; at least 30 are required`);

  const baseTags = (base.tags as Json[]) ?? [];
  const taskTags = Object.values(tasks).map((t) => ({ name: t.name, description: t.description }));
  const components = base.components as Json;

  const doc: Json = {
    openapi: base.openapi,
    info: {
      ...(base.info as Json),
      "x-generated-by":
        "GENERATED by scripts/bundle-openapi.ts from openapi/openapi.yaml, openapi/schemas/*.yaml, openapi/tasks.yaml, openapi/models.yaml, openapi/errors.yaml, openapi/examples.yaml. Do not edit.",
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
      input: t.input,
      output: t.output ?? null,
      rate_limit_per_minute: t.rate_limit_per_minute,
    })),
    "x-edge-ai-error-codes": errors,
  };
  checkRefs(doc);
  return doc;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = bundle();
  mkdirSync(dirname(distPath), { recursive: true });
  writeFileSync(distPath, `${JSON.stringify(doc, null, 2)}\n`);
  const ops = Object.values(doc.paths as Json).length;
  console.log(`bundle-openapi: wrote ${distPath} (${ops} paths)`);
}
