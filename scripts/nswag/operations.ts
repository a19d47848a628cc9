/**
 * Paths and operations of the NSwag export (checklist rules 9, 12, 13, 14, 15). Client and method names come
 * from `{Client}_{Method}` operationIds, so this module decides every public name of the generated C# client.
 */
import { pascalCase } from "./naming.js";
import type { Report } from "./report.js";
import type { SchemaConverter } from "./schema-down-convert.js";
import type { Schema } from "./union-merge.js";

const isObj = (v: unknown): v is Schema => typeof v === "object" && v !== null && !Array.isArray(v);
const METHODS = ["get", "put", "post", "delete", "patch"] as const;
/** The account segment moves into the server URL, so no generated method needs an `accountId` argument. */
export const ACCOUNT_PREFIX = "/accounts/{account_id}";
const BINARY = { type: "string", format: "binary" };
/** Template for the per-task streaming operations: a distinct path that still yields the real run URL. */
const RUN_STREAM_PATH = "/ai/run/@cf/{author}/{model}";

/**
 * A catalog method name without underscores (per-model operations also lose their `run` prefix, the client
 * name already says it) (exactly one `_` is allowed in an operationId): an underscore
 * between digits becomes `x` so versions stay readable (`Llama31_8bInstruct` → `Llama31x8bInstruct`).
 */
export function methodName(raw: string, perModel = false): string {
  const noPrefix = perModel ? raw.replace(/^run(?=[A-Z0-9_])/, "") : raw;
  return pascalCase(noPrefix.replace(/(\d)_(?=\d)/g, "$1x").replace(/_/g, " "));
}

interface OpContext {
  doc: Schema;
  conv: SchemaConverter;
  report: Report;
}

/** Resolves `$ref`s into `components.parameters|responses|requestBodies` (NSwag reads them, but inline is simpler). */
function resolveComponent(doc: Schema, v: Schema): Schema {
  if (typeof v.$ref !== "string" || v.$ref.startsWith("#/components/schemas/")) return v;
  const [, , kind, name] = v.$ref.split("/");
  const target = ((doc.components as Schema)?.[kind as string] as Schema)?.[name as string];
  if (!isObj(target)) throw new Error(`unresolved reference ${v.$ref}`);
  return resolveComponent(doc, target);
}

/** Converts all paths; returns the 3.0.3 `paths` object and the client (tag) names in use. */
export function convertPaths(ctx: OpContext): { paths: Record<string, Schema>; clients: string[] } {
  const out: Record<string, Schema> = {};
  const clients = new Set<string>();
  const ids = new Set<string>();
  const streamPathOwner = new Map<string, string>();
  /** Per client, the body of a streaming operation whose input is the task's published `{Client}Input`. */
  const namedStreamBody = new Map<string, Schema>();
  const src = (ctx.doc.paths ?? {}) as Record<string, Schema>;
  for (const path of Object.keys(src).sort()) {
    const item = resolveComponent(ctx.doc, src[path] as Schema);
    const newPath = path.startsWith(ACCOUNT_PREFIX) ? path.slice(ACCOUNT_PREFIX.length) || "/" : path;
    const shared = ((item.parameters ?? []) as Schema[]).map((p) => resolveComponent(ctx.doc, p));
    for (const m of METHODS) {
      const op = item[m];
      if (!isObj(op)) continue;
      const where = `paths.${path}.${m}`;
      const client = pascalCase(((op.tags as string[] | undefined)?.[0] ?? "Default").toString());
      const method = methodName(String(op.operationId ?? `${m} ${newPath}`), "x-edge-ai-model" in op);
      const id = `${client}_${method}`;
      if (ids.has(id)) throw new Error(`duplicate operationId ${id} at ${where}`);
      ids.add(id);
      if (op.operationId !== id) ctx.report.add(9, where, `operationId ${String(op.operationId)} → ${id}`);
      clients.add(client);
      const params = convertParams(ctx, [...shared, ...((op.parameters ?? []) as Schema[])], where);
      const body = convertBody(ctx, op.requestBody, where, `${client}${method}Request`);
      const { success, stream, sseEvent } = convertResponses(ctx, op.responses as Schema, where, `${client}${method}`);
      const base: Schema = { operationId: id, tags: [client] };
      if (op.summary) base.summary = op.summary;
      if (op.description) base.description = op.description;
      if (op.deprecated) base.deprecated = true;
      for (const [k, v] of Object.entries(op)) if (k.startsWith("x-")) base[k] = v;
      const jsonOp: Schema = { ...base, ...(params.length ? { parameters: params } : {}), ...(body ? { requestBody: body } : {}), responses: success };
      (out[newPath] ??= {})[m] = jsonOp;
      if (!stream) continue;
      if (body && refName(body) === `${client}Input`) namedStreamBody.set(client, body);
      // Streaming gets an operation of its own (rule 15): one per client, on a distinct path template.
      const streamId = `${client}_Stream`;
      if (ids.has(streamId)) continue;
      const streamPath = newPath.startsWith("/ai/run/") ? RUN_STREAM_PATH : newPath.replace(/^\/ai\/v1\//, "/ai/{api_version}/");
      if (streamPathOwner.has(streamPath) || streamPath === newPath) {
        ctx.report.add(15, where, `text/event-stream dropped: path template ${streamPath} is taken by ${streamPathOwner.get(streamPath) ?? id}`);
        continue;
      }
      streamPathOwner.set(streamPath, streamId);
      ids.add(streamId);
      const streamParams = streamPath === RUN_STREAM_PATH
        ? [pathParam("author", "Model author segment, e.g. `meta` in `@cf/meta/llama-3.1-8b-instruct-fast`."), pathParam("model", "Model name segment, e.g. `llama-3.1-8b-instruct-fast`."), ...params.filter((p) => p.in === "header")]
        : [pathParam("api_version", "Always `v1`.", "v1"), ...params.filter((p) => p.in !== "path")];
      const { "x-edge-ai-model": _model, ...streamBase } = base;
      (out[streamPath] ??= {}).post = {
        ...streamBase,
        operationId: streamId,
        summary: `Streams the answer as server-sent events (send \`"stream": true\` in the body).`,
        description: `Server-sent events: \`data: <json>\` lines ending with \`data: [DONE]\`. Event schema: ${sseEvent ?? "see the source contract"}.`,
        parameters: streamParams,
        ...(body ? { requestBody: body } : {}),
        responses: {
          "200": { description: "An SSE stream.", content: { "text/event-stream": { schema: { ...BINARY } } }, ...(sseEvent ? { "x-edge-ai-sse-event": sseEvent } : {}) },
          default: success.default,
        },
      };
      ctx.report.add(15, where, `text/event-stream split into ${streamId} on ${streamPath} (binary 200; itemSchema/x-sse-event kept only as x-edge-ai-sse-event)`);
    }
  }
  // A task's streaming operation serves every model of the task, so its body is the task's published input
  // (`TextGenerationInput`) where a streaming model uses it, not whichever model's input came first.
  for (const [client, body] of namedStreamBody) {
    const owned = [...streamPathOwner].find(([, id]) => id === `${client}_Stream`);
    const op = owned ? ((out[owned[0]] as Schema).post as Schema) : undefined;
    if (op?.requestBody && refName(op.requestBody as Schema) !== refName(body)) {
      ctx.report.add(15, `paths.${owned?.[0]}.post`, `${client}_Stream takes ${refName(body)}, the task's published input`);
      op.requestBody = body;
    }
  }
  return { paths: out, clients: [...clients].sort() };
}

/** The component a JSON request body refers to (`#/components/schemas/X` → `X`). */
function refName(body: Schema): string | undefined {
  const schema = (((body.content as Schema | undefined)?.["application/json"] as Schema | undefined)?.schema as Schema | undefined);
  return typeof schema?.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : undefined;
}

function pathParam(name: string, description: string, dflt?: string): Schema {
  return { name, in: "path", required: true, description, schema: { type: "string", ...(dflt ? { default: dflt } : {}) } };
}

function convertParams(ctx: OpContext, params: Schema[], where: string): Schema[] {
  const out: Schema[] = [];
  for (const raw of params) {
    const p = resolveComponent(ctx.doc, raw);
    if (p.in === "path" && p.name === "account_id") continue;
    const { schema, examples, content, ...rest } = p;
    const q: Schema = { ...rest };
    // Inline enums come back as shared named components, so one C# enum serves every operation.
    q.schema = ctx.conv.convert((schema ?? { type: "string" }) as Schema, `${where}.parameters.${String(p.name)}`, pascalCase(String(p.name)));
    if (examples || content) ctx.report.add(13, `${where}.parameters.${String(p.name)}`, "parameter examples/content dropped");
    out.push(q);
  }
  return out;
}

function pickMedia(content: Schema, where: string, report: Report): [string, Schema] | undefined {
  const types = Object.keys(content);
  if (types.length === 0) return undefined;
  const json = types.find((t) => /json/.test(t));
  const chosen = json ?? (types[0] as string);
  for (const t of types) if (t !== chosen) report.add(13, where, `media type ${t} dropped (kept ${chosen})`);
  return [chosen, content[chosen] as Schema];
}

function convertBody(ctx: OpContext, raw: unknown, where: string, hint: string): Schema | undefined {
  if (!isObj(raw)) return undefined;
  const body = resolveComponent(ctx.doc, raw);
  const picked = pickMedia((body.content ?? {}) as Schema, `${where}.requestBody`, ctx.report);
  if (!picked) return undefined;
  const [type, media] = picked;
  const schema = /json/.test(type)
    ? ctx.conv.convert((media.schema ?? {}) as Schema, `${where}.requestBody`, hint)
    : { ...BINARY };
  return { required: body.required ?? true, ...(body.description ? { description: body.description } : {}), content: { [type]: { schema } } };
}

/** One success status + one shared `default` error response; SSE reported back for the split. */
function convertResponses(ctx: OpContext, raw: Schema, where: string, hint: string) {
  const statuses = Object.keys(raw ?? {});
  const ok = statuses.includes("200") ? "200" : statuses.find((s) => /^2/.test(s));
  const success: Record<string, Schema> = {};
  let stream = false;
  let sseEvent: string | undefined;
  for (const s of statuses) if (/^2/.test(s) && s !== ok) ctx.report.add(12, `${where}.responses`, `success status ${s} dropped (kept ${ok})`);
  if (ok) {
    const r = resolveComponent(ctx.doc, raw[ok] as Schema);
    const content = { ...((r.content ?? {}) as Schema) };
    if (content["text/event-stream"]) {
      const ev = (content["text/event-stream"] as Schema)["x-sse-event"] ?? r["x-sse-event"];
      const ref = isObj(ev) ? ev.$ref : ev;
      sseEvent = typeof ref === "string" ? ref.replace("#/components/schemas/", "") : undefined;
      stream = true;
      if (Object.keys(content).length > 1) delete content["text/event-stream"];
    }
    const types = Object.keys(content);
    const binary = types.filter((t) => !/json/.test(t));
    let out: Schema = { description: r.description ?? "OK" };
    if (types.some((t) => /json/.test(t))) {
      const [t, media] = pickMedia(content, `${where}.responses.${ok}`, ctx.report) as [string, Schema];
      out = { ...out, content: { [t]: { schema: ctx.conv.convert((media.schema ?? {}) as Schema, `${where}.responses.${ok}`, `${hint}Response`) } } };
    } else if (binary.length > 0) {
      for (const t of binary.slice(1)) ctx.report.add(14, `${where}.responses.${ok}`, `binary media type ${t} dropped (kept ${binary[0]})`);
      out = { ...out, content: { [binary[0] as string]: { schema: { ...BINARY } } } };
      if (binary[0] === "text/event-stream") stream = false;
    }
    if (!/json/.test(types.join(" ")) && types.length && sseEvent) out["x-edge-ai-sse-event"] = sseEvent;
    success[ok] = out;
  }
  const errors = statuses.filter((s) => !/^2/.test(s));
  const errSchemas = new Set<string>();
  for (const s of errors) {
    const r = resolveComponent(ctx.doc, raw[s] as Schema);
    const media = Object.values((r.content ?? {}) as Schema)[0] as Schema | undefined;
    if (media?.schema) errSchemas.add(JSON.stringify(media.schema));
  }
  if (errors.length) {
    const envelope = { $ref: "#/components/schemas/ErrorEnvelope" };
    if (errors.some((s) => s !== "default") ) ctx.report.add(12, `${where}.responses`, `error statuses ${errors.join(", ")} merged into one default response (ErrorEnvelope)`);
    if ([...errSchemas].some((s) => s !== JSON.stringify(envelope))) ctx.report.add(12, `${where}.responses`, "a non-ErrorEnvelope error schema was replaced by ErrorEnvelope");
    success.default = { description: "Error envelope (any 4xx/5xx).", content: { "application/json": { schema: envelope } } };
  }
  return { success, stream, sseEvent };
}
