/**
 * Behaviour of the NSwag export and its linter on small 3.1 documents (node:test; run by scripts/test-dotnet.sh:
 * `node --import tsx --test scripts/nswag/export-nswag.test.ts`).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { exportNswag } from "../export-nswag.js";
import { lintDocument } from "../lint-nswag.js";
import type { Schema } from "./union-merge.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const envelope = { "4XX": { description: "e", content: { "application/json": { schema: ref("ErrorEnvelope") } } } };

/** A tiny contract with the constructs NSwag mishandles. */
function contract(): Schema {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.test/client/v4" }],
    paths: {
      "/accounts/{account_id}/ai/run/@cf/meta/llama-3.1-8b-instruct": {
        post: {
          operationId: "runLlama31_8bInstruct",
          tags: ["Text Generation"],
          "x-edge-ai-model": { id: "@cf/meta/llama-3.1-8b-instruct" },
          parameters: [{ name: "account_id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { content: { "application/json": { schema: ref("Input") } } },
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: ref("Output") }, "text/event-stream": { schema: { type: "string" }, "x-sse-event": ref("Output") } },
            },
            ...envelope,
          },
        },
      },
      "/accounts/{account_id}/ai/run/@cf/stabilityai/sdxl": {
        post: {
          operationId: "runSdxl",
          tags: ["Text-to-Image"],
          "x-edge-ai-model": { id: "@cf/stabilityai/sdxl" },
          requestBody: { content: { "application/json": { schema: ref("Input") }, "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: { "200": { description: "png", content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } }, "image/jpeg": { schema: { type: "string" } } } }, ...envelope },
        },
      },
    },
    components: {
      schemas: {
        ErrorEnvelope: { type: "object", properties: { errors: { type: "array", items: { type: "object", properties: { code: { type: "integer" } } } } } },
        Input: { oneOf: [ref("PromptInput"), ref("MessagesInput")] },
        PromptInput: { type: "object", required: ["prompt"], properties: { prompt: { type: "string" }, mode: { const: "fast" } } },
        MessagesInput: { type: "object", required: ["messages"], properties: { messages: { type: "array", items: { type: "object", properties: { role: { type: "string" } } } } } },
        Output: {
          type: "object",
          properties: {
            response: { anyOf: [{ type: "string" }, { type: "object" }] },
            text: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
            finish: { type: ["string", "null"], enum: ["stop", "length", null] },
            task: { anyOf: [ref("Task"), { type: "null" }] },
            count: { type: "integer", default: "3" },
          },
        },
        Task: { type: "object", properties: { id: { type: "string" } } },
      },
    },
  };
}

test("the export is a 3.0.3 document that passes every checklist rule", () => {
  const { doc } = exportNswag(contract());
  assert.equal(doc.openapi, "3.0.3");
  assert.deepEqual(lintDocument(doc), []);
});

test("the source contract itself breaks the checklist, so the linter can fail", () => {
  const rules = new Set(lintDocument(contract()).map((v) => v.rule));
  for (const rule of [1, 2, 3, 6, 9, 10, 13]) assert.ok(rules.has(rule), `rule ${rule} not reported`);
});

test("operations get {Client}_{Method} ids without the account segment, and streaming an operation of its own", () => {
  const { doc } = exportNswag(contract());
  const paths = doc.paths as Record<string, Schema>;
  const chat = (paths["/ai/run/@cf/meta/llama-3.1-8b-instruct"] as Schema).post as Schema;
  assert.equal(chat.operationId, "TextGeneration_Llama31x8bInstruct");
  assert.deepEqual(Object.keys(((chat.responses as Schema)["200"] as Schema).content as Schema), ["application/json"]);
  const stream = (paths["/ai/run/@cf/{author}/{model}"] as Schema).post as Schema;
  assert.equal(stream.operationId, "TextGeneration_Stream");
  assert.deepEqual(((stream.responses as Schema)["200"] as Schema).content, { "text/event-stream": { schema: { type: "string", format: "binary" } } });
  assert.match(String((doc.servers as Schema[])[0]?.url), /\/accounts\/\{account_id\}$/);
});

test("a task's streaming operation takes the task's published input, not the first model's", () => {
  const doc = contract();
  const paths = doc.paths as Record<string, Schema>;
  const llama = paths["/accounts/{account_id}/ai/run/@cf/meta/llama-3.1-8b-instruct"] as Schema;
  // An earlier model (sorted first) with an input of its own; a later one with the task's TextGenerationInput.
  const first = structuredClone(llama);
  ((first.post as Schema).requestBody as Schema).content = { "application/json": { schema: ref("MessagesInput") } };
  (first.post as Schema).operationId = "runAaaChat";
  paths["/accounts/{account_id}/ai/run/@cf/aaa/chat"] = first;
  ((llama.post as Schema).requestBody as Schema).content = { "application/json": { schema: ref("TextGenerationInput") } };
  (doc.components as { schemas: Schema }).schemas.TextGenerationInput = ref("PromptInput");

  const { doc: out } = exportNswag(doc);
  const stream = ((out.paths as Record<string, Schema>)["/ai/run/@cf/{author}/{model}"] as Schema).post as Schema;
  assert.deepEqual(((stream.requestBody as Schema).content as Schema)["application/json"], { schema: ref("TextGenerationInput") });
});

test("binary answers keep one binary media type", () => {
  const { doc } = exportNswag(contract());
  const sdxl = ((doc.paths as Record<string, Schema>)["/ai/run/@cf/stabilityai/sdxl"] as Schema).post as Schema;
  assert.deepEqual(((sdxl.responses as Schema)["200"] as Schema).content, { "image/png": { schema: { type: "string", format: "binary" } } });
  assert.ok("default" in (sdxl.responses as Schema));
});

test("unions become one canonical shape and every change is reported", () => {
  const { doc, report } = exportNswag(contract());
  const schemas = (doc.components as Schema).schemas as Record<string, Schema>;
  const input = schemas.Input as Schema;
  assert.deepEqual(Object.keys(input.properties as Schema).sort(), ["messages", "mode", "prompt"]);
  assert.equal(input.required, undefined);
  const out = (schemas.Output as Schema).properties as Record<string, Schema>;
  assert.equal(out.response?.["x-edge-ai-any"], true);
  assert.equal(out.text?.type, "array");
  assert.deepEqual(out.task, { allOf: [ref("TaskInfo")], nullable: true });
  assert.equal(out.count?.default, undefined, "NSwag would send a default; it lives in the description");
  assert.match(String(out.count?.description), /Default: `3`/);
  assert.equal(out.count?.nullable, true, "optional properties are nullable, so Newtonsoft omits them when unset");
  assert.equal((input.properties as Record<string, Schema>).prompt?.nullable, true);
  assert.ok(schemas.TaskInfo && !schemas.Task, "Task renamed so it cannot hide System.Threading.Tasks.Task");
  const rules = new Set(report.entries.map((e) => e.rule));
  for (const rule of [1, 2, 3, 6, 7, 8, 9, 10, 12, 13, 14, 15, 18]) assert.ok(rules.has(rule), `rule ${rule} missing from the report`);
});

test("inline objects and string enums become named components; enums stay plain strings on the wire", () => {
  const { doc } = exportNswag(contract());
  const schemas = (doc.components as Schema).schemas as Record<string, Schema>;
  assert.ok(schemas.MessagesInputMessagesItem, "array item object hoisted");
  const finish = ((schemas.Output as Schema).properties as Record<string, Schema>).finish as Schema;
  assert.equal(finish.nullable, true);
  const enumName = String(((finish.allOf as Schema[])[0] as Schema).$ref).split("/").pop() as string;
  const shared = schemas[enumName] as Schema;
  assert.equal(shared.type, "string");
  assert.equal(shared.enum, undefined, "NSwag's default STJ output would write the member name (Stop), not stop");
  assert.deepEqual(shared["x-edge-ai-enum"], ["stop", "length"]);
  assert.deepEqual(shared["x-edge-ai-enum-names"], ["Stop", "Length"]);
  assert.deepEqual((schemas.PromptInput as Schema).additionalProperties, false);
});
