import { describe, expect, it } from "vitest";
import { getModel, models } from "../src/index.js";
import { ajvErrors, zodErrors } from "./contract-document.js";

/**
 * Requests and results shaped as the Workers AI docs and model pages show them (workers-ai-api.md §2-§5),
 * keyed by component. Each must validate with both validators.
 */
const bytes = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13];
const docsShaped: Record<string, [string, unknown][]> = {
  TextGenerationInput: [
    ["prompt", { prompt: "Tell me a joke about Cloudflare" }],
    ["messages", { messages: [{ role: "system", content: "You are a friendly assistant" }, { role: "user", content: "Why is pizza so good" }] }],
    ["streaming with sampling", { prompt: "Hi", stream: true, max_tokens: 512, temperature: 0.6, top_p: 0.9, top_k: 40, seed: 9_999_999_999, repetition_penalty: 1.1, frequency_penalty: 1, presence_penalty: 2 }],
    ["raw prompt with a LoRA", { prompt: "### Instruction: write a haiku", raw: true, lora: "cf-public-magicoder" }],
  ],
  // Per model (its own operation's request schema): the docs example of that model.
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast": [
    ["flat tools", {
      messages: [{ role: "user", content: "What is the weather in Austin?" }],
      tools: [{ name: "getWeather", description: "Return the weather for a latitude and longitude", parameters: { type: "object", properties: { latitude: { type: "string", description: "The latitude" }, longitude: { type: "string", description: "The longitude" } }, required: ["latitude", "longitude"] } }],
    }],
    ["JSON mode with a bare schema", { messages: [{ role: "user", content: "List two cities" }], response_format: { type: "json_schema", json_schema: { type: "object", properties: { cities: { type: "array", items: { type: "string" } } }, required: ["cities"] } } }],
    ["penalties -2..2 (this model's range)", { prompt: "Hi", frequency_penalty: -2, presence_penalty: -1.5, top_p: 0.001 }],
  ],
  "@cf/zai-org/glm-4.7-flash": [
    ["OpenAI tools with tool_choice", {
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [{ type: "function", function: { name: "get_weather", description: "Weather for a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }],
      tool_choice: "auto",
    }],
    ["tool result turn", {
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: "", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
        { role: "tool", content: '{"temp":21}', tool_call_id: "call_1" },
      ],
    }],
    ["reasoning effort and rejectIfBusy", { messages: [{ role: "user", content: "Prove it" }], reasoning_effort: "high", options: { rejectIfBusy: true } }],
    ["OpenAI fields", { messages: [{ role: "user", content: "Hi" }], max_completion_tokens: 64, n: 1, stop: ["\n"], logprobs: true, top_logprobs: 2, parallel_tool_calls: false, response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" }, strict: true } } }],
  ],
  "@cf/moonshotai/kimi-k2.6": [
    ["vision content parts", { messages: [{ role: "user", content: [{ type: "text", text: "What is in this image?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] }] }],
  ],
  "@cf/meta/llama-3.2-11b-vision-instruct": [
    ["llama-3.2 vision image bytes", { prompt: "Describe the image", image: bytes }],
  ],
  GptOssInput: [
    ["Responses input with reasoning", { input: "What are the benefits of open-source models?", instructions: "Be concise.", reasoning: { effort: "high", summary: "auto" } }],
    ["Responses input items", { input: [{ role: "user", content: "Hi" }] }],
    ["chat messages", { messages: [{ role: "user", content: "Hi" }], reasoning_effort: "low" }],
  ],
  ResponsesRequest: [["gpt-oss via /ai/v1/responses", { model: "@cf/openai/gpt-oss-20b", input: "Hello", reasoning: { effort: "medium" } }]],
  "@cf/meta/llama-3.3-70b-instruct-fp8-fast#batch": [
    ["batch submission", { requests: [{ prompt: "Tell me a joke", external_reference: "r1" }, { messages: [{ role: "user", content: "Hi" }] }] }],
    ["batch poll", { request_id: "000-000-000" }],
  ],
  TextEmbeddingsInput: [
    ["texts", { text: ["This is a story about an orange cloud", "This is a story about a llama"] }],
    ["one text with cls pooling", { text: "Hello", pooling: "cls" }],
    ["100 texts", { text: Array.from({ length: 100 }, (_, i) => `text ${i}`) }],
  ],
  TextEmbeddingsBatchableInput: [["batch submission", { requests: [{ text: "a" }, { text: ["b", "c"] }] }]],
  RerankInput: [["query and contexts", { query: "Which one is about cats?", contexts: [{ text: "Cats purr." }, { text: "Dogs bark." }] }]],
  TextToImageInput: [
    ["prompt", { prompt: "cyberpunk cat" }],
    ["img2img", { prompt: "a watercolor", image: bytes, strength: 0.5, num_steps: 20, guidance: 7.5, width: 2048, height: 256, seed: 42 }],
  ],
  FluxInput: [["prompt with steps", { prompt: "a cyberpunk lizard", steps: 8 }]],
  WhisperInput: [["audio bytes", { audio: bytes }]],
  WhisperTurboInput: [["base64 audio", { audio: "UklGRiQAAABXQVZF", task: "translate", language: "de", vad_filter: true, initial_prompt: "Names: Ada", prefix: "Hi" }]],
  TextToSpeechInput: [["prompt with lang", { prompt: "Hello world", lang: "en" }]],
  TranslationInput: [["docs example", { text: "I'll have an order of the moule frites", source_lang: "english", target_lang: "french" }]],
  SummarizationInput: [["input_text", { input_text: "A long article ...", max_length: 1024 }]],
  TextClassificationInput: [["text", { text: "I'll have an order of the moule frites" }]],
  ImageClassificationInput: [["image bytes", { image: bytes }]],
  ObjectDetectionInput: [["image bytes", { image: bytes }]],
  ImageToTextInput: [
    ["image bytes with a prompt", { image: bytes, prompt: "Generate a caption for this image", max_tokens: 512 }],
    ["base64 image", { image: "iVBORw0KGgo=", prompt: "What is this?" }],
  ],
  ChatCompletionRequest: [["OpenAI SDK body", { model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }], stream: true, stream_options: { include_usage: true } }]],
  EmbeddingsRequest: [["OpenAI SDK body", { model: "@cf/baai/bge-base-en-v1.5", input: "Hello" }]],
  // Results and envelopes as the API returns them.
  TextGenerationResponse: [
    ["native result", { result: { response: "Hi!", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }, success: true, errors: [], messages: [] }],
    ["flat tool calls", { result: { response: "", tool_calls: [{ name: "getWeather", arguments: { latitude: "30.2", longitude: "-97.7" } }] }, success: true }],
    ["OpenAI-shaped result", { result: { id: "chatcmpl-1", object: "chat.completion", created: 1, model: "@cf/openai/gpt-oss-120b", choices: [{ index: 0, message: { role: "assistant", content: null, reasoning_content: "thinking", tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }] }, finish_reason: "tool_calls" }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2, prompt_tokens_details: { cached_tokens: 1 } } }, success: true }],
    ["unknown extra keys", { result: { response: "x", extra: 1 }, success: true, errors: [], messages: [], extra: true }],
  ],
  "response:@cf/meta/llama-3.3-70b-instruct-fp8-fast": [
    ["queued", { result: { status: "queued", request_id: "abc", model: "@cf/meta/llama-3.3-70b-instruct-fp8-fast" }, success: true, errors: [], messages: [] }],
    ["running", { result: { status: "running", request_id: "abc" }, success: true }],
    ["done, out of order and nested twice", { result: { responses: [{ id: 1, result: { result: { response: "b" } }, success: true, external_reference: null }, { id: 0, result: { response: "a" }, success: true, external_reference: "r1" }], usage: { prompt_tokens: 2, completion_tokens: 2, total_tokens: 4 } }, success: true }],
  ],
  TextClassificationResponse: [["top-level array", { result: [{ label: "POSITIVE", score: 0.99 }, { label: "NEGATIVE", score: 0.01 }], success: true, errors: [], messages: [] }]],
  ObjectDetectionResponse: [["top-level array", { result: [{ score: 0.9, label: "cat", box: { xmin: 1, ymin: 2, xmax: 3, ymax: 4 } }], success: true }]],
  FluxResponse: [["base64 image", { result: { image: "/9j/4AAQ" }, success: true, errors: [], messages: [] }]],
  ErrorEnvelope: [
    ["capacity", { result: null, success: false, errors: [{ code: 3040, message: "Capacity temporarily exceeded" }], messages: [] }],
    ["no code, result {}", { result: {}, success: false, errors: [{ message: "AiError: AiError: bad input" }], messages: [] }],
    ["routing failure", { success: false, errors: [{ code: 7000, message: "No route for that URI" }], messages: [], result: null }],
  ],
  ModelSearchResponse: [["page with mixed property values", { result: [{ id: "u", source: 1, name: "@cf/meta/llama-3.1-8b-instruct-fast", description: "d", task: { id: "t", name: "Text Generation", description: "x" }, created_at: "2024-07-23 12:00:00.000", tags: [], properties: [{ property_id: "context_window", value: "128000" }, { property_id: "price", value: [{ unit: "per M input tokens", price: 0.045, currency: "USD" }] }, { property_id: "reasoning_effort", value: { default: "medium" } }] }], success: true, errors: [], messages: [], result_info: { page: 1, per_page: 20, count: 1, total_count: 1 } }]],
  ChatCompletionChunk: [["last chunk with usage and no choices", { id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }]],
  TextGenerationStreamEvent: [
    ["native delta with padding", { response: "Hel", p: "abcdef" }],
    ["tool-call partial", { response: "", tool_calls: [{ index: 0, id: "call_1", function: { name: "f", arguments: '{"a":' } }] }],
    ["finish with usage", { response: "", finish_reason: "stop", usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }],
  ],
};

/** A key is a component name or a model id (then: that model's request component). */
const schemaOf = (key: string): string => {
  if (key.startsWith("response:")) return getModel(key.slice(9))?.responseSchemaName ?? `no model ${key}`;
  if (key.startsWith("@")) return getModel(key.replace(/#.*$/, ""))?.requestSchemaName ?? `no model ${key}`;
  return key;
};

describe("requests and results shaped as the Workers AI docs show them", () => {
  const rows = Object.entries(docsShaped).flatMap(([component, list]) => list.map(([title, body]) => [component, title, body] as const));
  it.each(rows)("%s accepts %s (ajv and zod)", (key, _title, body) => {
    const component = schemaOf(key);
    expect(ajvErrors(component, body)).toBeNull();
    expect(zodErrors(component, body)).toBeNull();
  });

  it("names only catalogued models (every model's own requests are sampled by the fidelity test)", () => {
    const keys = Object.keys(docsShaped).filter((k) => k.includes("@"));
    expect(keys.filter((k) => schemaOf(k).startsWith("no model"))).toEqual([]);
  });

  it("validates each task's docs-shaped input against every model operation of that task", () => {
    for (const model of models) {
      for (const [, body] of docsShaped[model.inputSchemaName] ?? []) {
        expect(ajvErrors(model.requestSchemaName ?? model.inputSchemaName, body), model.id).toBeNull();
        expect(zodErrors(model.requestSchemaName ?? model.inputSchemaName, body), model.id).toBeNull();
      }
    }
  });
});
