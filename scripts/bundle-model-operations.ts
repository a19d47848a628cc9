/**
 * Expands one OpenAPI operation per catalogued model from its task template (used by bundle-openapi.ts).
 *
 * Each operation sits on the literal path `/accounts/{account_id}/ai/run/@cf/<author>/<model>` with operationId
 * `run<Method>`, the task's display name as tag and the catalog data in `x-edge-ai-model`.
 */

type Json = Record<string, unknown>;

/** One named example: `{summary, value}` as in an OpenAPI Example Object. */
export interface NamedExample {
  summary: string;
  value: unknown;
}
export type NamedExamples = Record<string, NamedExample>;

export interface TaskSource {
  name: string;
  description: string;
  input: string;
  output: string | null;
  rate_limit_per_minute: number;
  examples?: { requests?: NamedExamples; results?: NamedExamples };
}

export interface Capabilities {
  streaming: boolean;
  json_mode: boolean;
  function_calling: boolean;
  async_batch: boolean;
  vision: boolean;
  lora: boolean;
}

export interface ModelSource {
  id: string;
  method: string;
  task: string;
  description: string;
  capabilities: Capabilities;
  output_media: "application/json" | "image/png" | "image/jpeg";
  context_window: number | null;
  dimensions?: number;
  input?: string;
  output?: string;
  binary_input?: boolean;
  rate_limit_per_minute?: number;
  prices?: { unit: string; price: number; currency: string }[];
  flags?: string[];
  deprecated?: { date: string; replacement: string | null };
}

export interface CatalogSource {
  models: ModelSource[];
}

const base = (name: string, suffix: RegExp) => name.replace(suffix, "");
/** `TextGenerationResult` → `TextGenerationResponse`, `FluxOutput` → `FluxResponse`. */
export const envelopeName = (output: string) => `${base(output, /(Output|Result)$/)}Response`;
export const batchableInputName = (input: string) => `${base(input, /Input$/)}BatchableInput`;
export const batchableResponseName = (output: string) => `${base(output, /(Output|Result)$/)}BatchableResponse`;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const binary = { type: "string", format: "binary" };

// Tiny real files, base64 for display (binary media have no JSON form).
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const JPEG_HEAD = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";

const NATIVE_STREAM =
  'data: {"response":"The capital","p":"abcdefgh"}\n\n' +
  'data: {"response":" of France is Paris.","p":"ab"}\n\n' +
  'data: {"response":"","usage":{"prompt_tokens":24,"completion_tokens":8,"total_tokens":32}}\n\n' +
  "data: [DONE]\n\n";
const OPENAI_STREAM =
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764201600,"model":"@cf/zai-org/glm-4.7-flash","choices":[{"index":0,"delta":{"role":"assistant","content":"Paris"},"finish_reason":null}]}\n\n' +
  'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764201600,"model":"@cf/zai-org/glm-4.7-flash","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":1,"total_tokens":13}}\n\n' +
  "data: [DONE]\n\n";

function need(examples: Record<string, NamedExamples>, component: string, model: string): NamedExamples {
  const found = examples[component];
  if (!found || Object.keys(found).length === 0) {
    throw new Error(`bundle-openapi: no examples for ${component} (used by ${model}); add them to tasks.yaml or examples.yaml`);
  }
  return found;
}

function envelopeExamples(results: NamedExamples): NamedExamples {
  return Object.fromEntries(
    Object.entries(results).map(([key, ex]) => [
      key,
      { summary: ex.summary, value: { result: ex.value, success: true, errors: [], messages: [] } },
    ]),
  );
}

function describe(model: ModelSource, task: TaskSource): string {
  const caps = Object.entries(model.capabilities)
    .filter(([, on]) => on)
    .map(([name]) => name);
  const lines = [
    model.description,
    "",
    `Task: ${task.name}. Output: \`${model.output_media}\`. Capabilities: ${caps.length ? caps.join(", ") : "none"}.`,
  ];
  if (model.deprecated) {
    const repl = model.deprecated.replacement ? ` Use \`${model.deprecated.replacement}\` instead.` : "";
    lines.push(`Deprecated on ${model.deprecated.date}.${repl}`);
  }
  return lines.join("\n");
}

/** Builds the POST operation of one catalogued model. */
export function buildModelOperation(model: ModelSource, task: TaskSource, examples: Record<string, NamedExamples>): Json {
  const input = model.input ?? task.input;
  const output = model.output ?? task.output;
  const batch = model.capabilities.async_batch;
  const json = model.output_media === "application/json";

  const requestExamples: NamedExamples = { ...need(examples, input, model.id) };
  if (batch) {
    const first = Object.values(requestExamples)[0]!.value as Json;
    requestExamples.batchSubmit = {
      summary: "Async batch submission (send with ?queueRequest=true)",
      value: { requests: [{ ...first, external_reference: "req-1" }, { ...first, external_reference: "req-2" }] },
    };
    requestExamples.batchPoll = {
      summary: "Poll an async batch",
      value: { request_id: "3f1c0a2e-8b7d-4c5e-9f6a-1b2c3d4e5f60" },
    };
  }
  const requestContent: Json = {
    "application/json": { schema: ref(batch ? batchableInputName(input) : input), examples: requestExamples },
  };
  if (model.binary_input) {
    requestContent["application/octet-stream"] = {
      schema: binary,
      examples: { bytes: { summary: "Raw file bytes (shown base64 for display)", value: PNG_1X1 } },
    };
  }

  const content: Json = {};
  if (json) {
    const resultExamples = envelopeExamples(need(examples, output!, model.id));
    if (batch) {
      resultExamples.batchQueued = {
        summary: "Async batch accepted",
        value: {
          result: { status: "queued", request_id: "3f1c0a2e-8b7d-4c5e-9f6a-1b2c3d4e5f60", model: model.id },
          success: true,
          errors: [],
          messages: [],
        },
      };
      const firstResult = Object.values(need(examples, output!, model.id))[0]!.value;
      resultExamples.batchDone = {
        summary: "Async batch finished (responses may be out of order)",
        value: {
          result: {
            responses: [
              { id: 1, result: firstResult, success: true, external_reference: "req-2" },
              { id: 0, result: firstResult, success: true, external_reference: "req-1" },
            ],
            usage: { prompt_tokens: 48, completion_tokens: 16, total_tokens: 64 },
          },
          success: true,
          errors: [],
          messages: [],
        },
      };
    }
    content["application/json"] = {
      schema: ref(batch ? batchableResponseName(output!) : envelopeName(output!)),
      examples: resultExamples,
    };
  } else {
    const jpeg = model.output_media === "image/jpeg";
    content[model.output_media] = {
      schema: binary,
      examples: {
        image: {
          summary: `${jpeg ? "JPEG" : "PNG"} bytes (shown base64 for display; no envelope)`,
          value: jpeg ? JPEG_HEAD : PNG_1X1,
        },
      },
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
    description: describe(model, task),
    tags: [task.name],
  };
  if (model.deprecated) op.deprecated = true;
  Object.assign(op, {
    parameters,
    requestBody: { required: true, content: requestContent },
    responses: {
      "200": { description: json ? "The model's result in the Cloudflare envelope." : "The image bytes (no envelope).", content },
      "4XX": { $ref: "#/components/responses/Error" },
      "5XX": { $ref: "#/components/responses/Error" },
    },
    "x-edge-ai-model": {
      id: model.id,
      method: model.method,
      task: model.task,
      task_name: task.name,
      description: model.description,
      capabilities: model.capabilities,
      output_media: model.output_media,
      binary_input: model.binary_input ?? false,
      input_schema: input,
      output_schema: output ?? null,
      context_window: model.context_window,
      dimensions: model.dimensions ?? null,
      rate_limit_per_minute: model.rate_limit_per_minute ?? task.rate_limit_per_minute,
      prices: model.prices ?? [],
      flags: model.flags ?? [],
      deprecated: model.deprecated ?? null,
    },
  });
  return op;
}
