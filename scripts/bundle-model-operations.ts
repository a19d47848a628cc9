/**
 * Expands one OpenAPI operation per model of the upstream snapshot (used by bundle-openapi.ts).
 *
 * Each operation sits on the literal path `/accounts/{account_id}/ai/run/@cf/<author>/<model>` with operationId
 * `run<Method>`, the task's display name as tag, the model's own input/output components and the catalog facts in
 * `x-edge-ai-model`. Examples are sampled from the schemas (scripts/schema-sample.ts), so they always validate.
 */
import type { ResolvedModel } from "./bundle-upstream.ts";
import { sample } from "./schema-sample.ts";

type Json = Record<string, unknown>;

export interface TaskSource {
  name: string;
  description: string;
  rate_limit_per_minute: number;
}

const base = (name: string, suffix: RegExp) => name.replace(suffix, "");
/** `TextGenerationResult` → `TextGenerationResponse`, `FluxOutput` → `FluxResponse`. */
export const envelopeName = (output: string) => `${base(output, /(Output|Result)$/)}Response`;
export const batchableInputName = (input: string) => `${base(input, /Input$/)}BatchableInput`;
export const batchableResponseName = (output: string) => `${base(output, /(Output|Result)$/)}BatchableResponse`;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const binary = { type: "string", format: "binary" };

// Tiny real files, base64 for display (binary media have no JSON form).
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAAElFTkSuQmCC";
const JPEG_HEAD = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";
const MP3_HEAD = "SUQzBAAAAAAAI1RTU0UAAAAPAAADTGF2ZjU4Ljc2LjEwMAAAAAAAAAAAAAAA";
const MEDIA_EXAMPLE: Record<string, string> = { "image/png": PNG_1X1, "image/jpeg": JPEG_HEAD, "audio/mpeg": MP3_HEAD };

const NATIVE_STREAM =
  'data: {"response":"The capital","p":"abcdefgh"}\n\n' +
  'data: {"response":" of France is Paris.","p":"ab"}\n\n' +
  'data: {"response":"","usage":{"prompt_tokens":24,"completion_tokens":8,"total_tokens":32}}\n\n' +
  "data: [DONE]\n\n";
const OPENAI_STREAM =
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764201600,"model":"@cf/zai-org/glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","content":"Paris"},"finish_reason":null}]}\n\n' +
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764201600,"model":"@cf/zai-org/glm-4.7-flash","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}\n\n' +
  "data: [DONE]\n\n";

function describe(model: ResolvedModel): string {
  const caps = Object.entries(model.capabilities)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const lines = [
    `${model.id} (${model.taskName}). Output: \`${model.outputMedia.join("` or `")}\`. Capabilities: ${caps.length ? caps.join(", ") : "none"}.`,
  ];
  if (model.deprecated) {
    const repl = model.deprecated.replacement ? ` Use \`${model.deprecated.replacement}\` instead.` : "";
    lines.push(`Deprecated on ${model.deprecated.date}.${repl}`);
  }
  return lines.join("\n");
}

/** Builds the POST operation of one model. `schemas` holds every component (for sampling examples). */
export function buildModelOperation(model: ResolvedModel, task: TaskSource, schemas: Record<string, Json>): Json {
  const input = model.input;
  const output = model.output;
  const batch = model.capabilities.async_batch && model.jsonRequest;
  const json = model.outputMedia[0] === "application/json" && output !== null;

  const requestContent: Json = {};
  if (model.jsonRequest) {
    const first = sample(schemas[input]) as Json;
    // The example is a plain call: no tools, functions or JSON mode (each changes the answer's kind).
    for (const key of ["tools", "functions", "tool_choice", "response_format", "guided_json"]) delete first[key];
    const requestExamples: Json = { sample: { summary: "Sampled from the model's upstream input schema", value: first } };
    if (batch) {
      requestExamples.batchSubmit = {
        summary: "Async batch submission (send with ?queueRequest=true)",
        value: { requests: [{ ...first, external_reference: "req-1" }, { ...first, external_reference: "req-2" }] },
      };
      requestExamples.batchPoll = { summary: "Poll an async batch", value: { request_id: "3f1c0a2e-8b7d-4c5e-9f6a-1b2c3d4e5f60" } };
    }
    requestContent["application/json"] = { schema: ref(batch ? batchableInputName(input) : input), examples: requestExamples };
  }
  for (const { media, schema } of model.requestMedia) {
    requestContent[media] =
      media === "application/octet-stream"
        ? { schema: binary, examples: { bytes: { summary: "Raw file bytes (shown base64 for display)", value: PNG_1X1 } } }
        : { schema, examples: { form: { summary: "Form fields (sent as multipart/form-data)", value: sample(schema) } } };
  }

  const content: Json = {};
  if (json) {
    const result = sample(schemas[output]);
    const resultExamples: Json = {
      sample: { summary: "Sampled from the model's upstream output schema", value: { result, success: true, errors: [], messages: [] } },
    };
    if (batch) {
      resultExamples.batchQueued = {
        summary: "Async batch accepted",
        value: { result: { status: "queued", request_id: "3f1c0a2e-8b7d-4c5e-9f6a-1b2c3d4e5f60", model: model.id }, success: true, errors: [], messages: [] },
      };
      resultExamples.batchDone = {
        summary: "Async batch finished (responses may be out of order)",
        value: {
          result: {
            responses: [
              { id: 1, result, success: true, external_reference: "req-2" },
              { id: 0, result, success: true, external_reference: "req-1" },
            ],
            usage: { prompt_tokens: 48, completion_tokens: 16, total_tokens: 64 },
          },
          success: true,
          errors: [],
          messages: [],
        },
      };
    }
    content["application/json"] = { schema: ref(batch ? batchableResponseName(output) : envelopeName(output)), examples: resultExamples };
  }
  for (const media of model.outputMedia) {
    if (media === "application/json") continue;
    content[media] = {
      schema: binary,
      examples: { bytes: { summary: `${media} bytes (shown base64 for display; no envelope)`, value: MEDIA_EXAMPLE[media] ?? PNG_1X1 } },
    };
  }
  if (model.capabilities.streaming) {
    content["text/event-stream"] = {
      schema: { type: "string" },
      "x-sse-event": ref("TextGenerationSseEvent"),
      examples: {
        native: { summary: "Native events ending in [DONE]", value: NATIVE_STREAM },
        openai: { summary: "OpenAI chunk events (newer models) ending in [DONE]", value: OPENAI_STREAM },
      },
    };
  }

  const parameters: Json[] = [{ $ref: "#/components/parameters/AccountId" }];
  if (batch) parameters.push({ $ref: "#/components/parameters/QueueRequest" });
  if (model.task === "text-generation") parameters.push({ $ref: "#/components/parameters/SessionAffinity" });

  const op: Json = {
    operationId: `run${model.method}`,
    summary: `Run ${model.id}`,
    description: describe(model),
    tags: [task.name],
  };
  if (model.deprecated) op.deprecated = true;
  const primary = model.outputMedia[0]!;
  Object.assign(op, {
    parameters,
    requestBody: { required: true, content: requestContent },
    responses: {
      "200": {
        description: json ? "The model's result in the Cloudflare envelope." : `The ${primary} bytes (no envelope).`,
        content,
      },
      "4XX": { $ref: "#/components/responses/Error" },
      "5XX": { $ref: "#/components/responses/Error" },
    },
    "x-edge-ai-model": {
      id: model.id,
      method: model.method,
      task: model.task,
      task_name: model.taskName,
      capabilities: model.capabilities,
      output_media: primary,
      output_media_all: model.outputMedia,
      request_media: model.requestMedia.map((m) => m.media),
      binary_input: model.requestMedia.some((m) => m.media === "application/octet-stream"),
      input_schema: input,
      output_schema: json ? output : null,
      context_window: model.contextWindow,
      dimensions: model.dimensions,
      rate_limit_per_minute: model.rateLimitPerMinute ?? task.rate_limit_per_minute,
      prices: model.prices,
      flags: model.flags,
      deprecated: model.deprecated,
      upstream: { source: model.source, schema_source: model.schemaSource },
    },
  });
  return op;
}
