/**
 * `pnpm sync:models`: writes the committed upstream snapshot `openapi/upstream/models/**.json` (one file per model:
 * id, task, properties, input/output JSON Schema, source) and prints what changed against the committed files.
 *
 * Two sources, same file shape:
 *   --from-dir DIR   per-model JSON files as in cloudflare-docs `src/content/workers-ai-models/` (flattened
 *                    properties, `schema: {input, output}`, `source: {repo, path, commit}`), e.g.
 *                    /work/shared/upstream/workers-ai-models (seeding).
 *   (default)        the live API: every page of GET /accounts/{id}/ai/models/search?include_deprecated=true,
 *                    then GET /accounts/{id}/ai/models/schema?model=<id> per model. Needs CLOUDFLARE_ACCOUNT_ID and
 *                    CLOUDFLARE_API_TOKEN; --base-url URL (or CLOUDFLARE_API_BASE_URL) points it elsewhere (the
 *                    emulator in tests).
 *   --dry-run        print the diff only, write nothing.
 *
 * Facts only: every `description`/`title` keyword is removed from the schemas (property *names* stay). When a
 * source has no schema for a model, the schema already in the snapshot is kept with its own `schema_source`
 * (those were filled once from cloudflare/workerd `types/defines/ai.d.ts`, see openapi/upstream/README.md).
 * Generation (`pnpm generate`, `pnpm check`) reads only the committed snapshot, never this script's sources.
 *
 * Usage: `tsx scripts/sync-models.ts [--from-dir DIR] [--base-url URL] [--out DIR] [--dry-run]`
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

type Json = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const defaultSnapshotDir = join(root, "openapi", "upstream", "models");

/** One snapshot file. */
export interface UpstreamModel {
  id: string;
  task: string;
  task_id?: string;
  created_at?: string;
  tags?: string[];
  properties: Record<string, unknown>;
  schema: { input: Json; output: Json } | null;
  source: Json;
  /** Where `schema` came from when the model's own source had none. */
  schema_source?: Json;
}

// Keywords whose values are data, not sub-schemas: nothing inside them is stripped.
const DATA_KEYWORDS = new Set(["default", "enum", "const", "examples", "example"]);

/** Removes `description` and `title` keywords (string-valued) everywhere except inside data keywords. */
export function stripProse(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripProse);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    if ((key === "description" || key === "title") && typeof value === "string") continue;
    out[key] = DATA_KEYWORDS.has(key) ? value : stripProse(value);
  }
  return out;
}

/** `@cf/meta/llama-3.1-8b-instruct` → `cf/meta/llama-3.1-8b-instruct.json` (the id, minus `@`, as a path). */
export function fileFor(id: string): string {
  if (!/^@[a-z]+\/[^/]+\/[^/]+$/.test(id)) throw new Error(`sync-models: unexpected model id ${JSON.stringify(id)}`);
  return `${id.slice(1)}.json`;
}

function flattenProperties(props: unknown): Record<string, unknown> {
  if (!Array.isArray(props)) return (props as Record<string, unknown>) ?? {};
  const out: Record<string, unknown> = {};
  for (const p of props as { property_id: string; value: unknown }[]) out[p.property_id] = p.value;
  return out;
}

function sortKeys<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function normalise(raw: Json, source: Json): UpstreamModel {
  const schema = raw.schema as Json | null | undefined;
  const hasSchema = !!schema && typeof schema === "object" && "input" in schema && "output" in schema;
  const task = raw.task as string | Json;
  const model: UpstreamModel = {
    id: raw.id as string,
    task: typeof task === "string" ? task : (task.name as string),
    properties: sortKeys(flattenProperties(raw.properties)),
    schema: hasSchema ? (stripProse({ input: schema.input, output: schema.output }) as UpstreamModel["schema"]) : null,
    source,
  };
  const taskId = raw.task_id ?? (typeof task === "object" ? task.id : undefined);
  if (typeof taskId === "string") model.task_id = taskId;
  if (typeof raw.created_at === "string") model.created_at = raw.created_at;
  if (Array.isArray(raw.tags)) model.tags = raw.tags as string[];
  return model;
}

/** Reads docs-style per-model files. Two files with one id: the one from the newer `created_at`/file name wins. */
export function readFromDir(dir: string): UpstreamModel[] {
  const byId = new Map<string, UpstreamModel>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "index.json").sort()) {
    const raw = JSON.parse(readFileSync(join(dir, file), "utf8")) as Json;
    const model = normalise(raw, (raw.source as Json) ?? { file });
    const seen = byId.get(model.id);
    // Duplicates (qwen.json and qwen1.5-0.5b-chat.json): keep the one whose file is named after the id.
    if (seen && !file.endsWith(`${model.id.split("/").pop()}.json`)) continue;
    byId.set(model.id, model);
  }
  return [...byId.values()];
}

async function getJson(url: string, token: string): Promise<Json> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    throw new Error(`sync-models: ${url.replace(/\?.*$/, "")} answered ${res.status} with a non-JSON body`);
  }
  if (!res.ok || body.success === false) {
    const errors = JSON.stringify(body.errors ?? body.error ?? null);
    throw new Error(`sync-models: ${url.replace(/\?.*$/, "")} answered ${res.status}: ${errors}`);
  }
  return body;
}

/** Pages models/search (deprecated included) until a page comes back short, then asks models/schema per model. */
export async function readFromApi(baseUrl: string, accountId: string, token: string): Promise<UpstreamModel[]> {
  const base = `${baseUrl.replace(/\/+$/, "")}/accounts/${encodeURIComponent(accountId)}/ai`;
  const perPage = 100;
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const body = await getJson(`${base}/models/search?include_deprecated=true&per_page=${perPage}&page=${page}`, token);
    const result = (body.result as Json[]) ?? [];
    items.push(...result);
    if (result.length < perPage) break;
    if (page > 100) throw new Error("sync-models: models/search did not stop paging after 100 pages");
  }
  const models: UpstreamModel[] = [];
  for (const item of items) {
    const id = (item.name as string) ?? (item.id as string);
    const schemaBody = await getJson(`${base}/models/schema?model=${encodeURIComponent(id)}`, token);
    const raw: Json = { ...item, id, schema: schemaBody.result ?? null };
    models.push(normalise(raw, { kind: "api", endpoint: "GET /ai/models/search + GET /ai/models/schema" }));
  }
  return models;
}

function listFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out = out.concat(listFiles(path));
    else if (entry.endsWith(".json")) out.push(path);
  }
  return out;
}

/** The committed snapshot, by id. */
export function readSnapshot(dir: string = defaultSnapshotDir): Map<string, UpstreamModel> {
  const map = new Map<string, UpstreamModel>();
  for (const path of listFiles(dir).sort()) {
    const model = JSON.parse(readFileSync(path, "utf8")) as UpstreamModel;
    map.set(model.id, model);
  }
  return map;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Human-readable differences between two snapshots (models added/removed, fields changed). */
export function diffSnapshots(before: Map<string, UpstreamModel>, after: Map<string, UpstreamModel>): string[] {
  const lines: string[] = [];
  for (const id of [...after.keys()].sort()) if (!before.has(id)) lines.push(`+ ${id} (added)`);
  for (const id of [...before.keys()].sort()) if (!after.has(id)) lines.push(`- ${id} (removed)`);
  for (const id of [...after.keys()].sort()) {
    const a = before.get(id);
    const b = after.get(id)!;
    if (!a) continue;
    if (a.task !== b.task) lines.push(`~ ${id}: task ${a.task} → ${b.task}`);
    const keys = new Set([...Object.keys(a.properties), ...Object.keys(b.properties)]);
    for (const key of [...keys].sort()) {
      if (!same(a.properties[key], b.properties[key])) {
        lines.push(`~ ${id}: property ${key} ${JSON.stringify(a.properties[key]) ?? "(none)"} → ${JSON.stringify(b.properties[key]) ?? "(none)"}`);
      }
    }
    for (const part of ["input", "output"] as const) {
      if (!same(a.schema?.[part], b.schema?.[part])) lines.push(`~ ${id}: ${part} schema changed`);
    }
  }
  return lines;
}

/** Keeps a schema filled from another source when the new source still has none. */
export function carryFills(next: UpstreamModel[], before: Map<string, UpstreamModel>): UpstreamModel[] {
  return next.map((model) => {
    const old = before.get(model.id);
    if (model.schema || !old?.schema || !old.schema_source) return model;
    return { ...model, schema: old.schema, schema_source: old.schema_source };
  });
}

/** Writes one file per model and removes files of models no longer listed. */
export function writeSnapshot(models: UpstreamModel[], dir: string = defaultSnapshotDir): void {
  const keep = new Set<string>();
  for (const model of [...models].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const path = join(dir, fileFor(model.id));
    keep.add(path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
  }
  for (const path of listFiles(dir)) if (!keep.has(path)) rmSync(path);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const out = arg("--out") ?? defaultSnapshotDir;
  const fromDir = arg("--from-dir");
  const before = readSnapshot(out);
  let next: UpstreamModel[];
  if (fromDir) {
    next = readFromDir(fromDir);
  } else {
    const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
    const token = process.env.CLOUDFLARE_API_TOKEN;
    const missing = [!accountId && "CLOUDFLARE_ACCOUNT_ID", !token && "CLOUDFLARE_API_TOKEN"].filter(Boolean);
    if (missing.length > 0) throw new Error(`sync-models: set ${missing.join(" and ")} (or pass --from-dir DIR)`);
    const baseUrl = arg("--base-url") ?? process.env.CLOUDFLARE_API_BASE_URL ?? "https://api.cloudflare.com/client/v4";
    next = await readFromApi(baseUrl, accountId!, token!);
  }
  next = carryFills(next, before);
  const after = new Map(next.map((m) => [m.id, m]));
  const lines = diffSnapshots(before, after);
  for (const line of lines) console.log(line);
  console.log(`sync-models: ${next.length} models, ${lines.length} change(s)${process.argv.includes("--dry-run") ? " (dry run)" : ""}`);
  if (!process.argv.includes("--dry-run")) {
    writeSnapshot(next, out);
    console.log(`sync-models: wrote ${relative(root, out)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
