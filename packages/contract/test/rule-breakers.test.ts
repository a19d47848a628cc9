import { describe, expect, it } from "vitest";
import { ajvErrors, zodErrors } from "./contract-document.js";

/** Bodies that break a documented rule; both validators must reject each one. */
const breakers: [string, string, unknown][] = [
  ["temperature above 5", "TextGenerationInput", { prompt: "Hi", temperature: 9 }],
  ["negative temperature", "TextGenerationInput", { prompt: "Hi", temperature: -0.1 }],
  ["top_k above 50", "TextGenerationInput", { prompt: "Hi", top_k: 51 }],
  ["seed 0", "TextGenerationInput", { prompt: "Hi", seed: 0 }],
  ["seed above 9999999999", "TextGenerationInput", { prompt: "Hi", seed: 10_000_000_000 }],
  ["fractional max_tokens", "TextGenerationInput", { prompt: "Hi", max_tokens: 1.5 }],
  ["repetition_penalty above 2", "TextGenerationInput", { prompt: "Hi", repetition_penalty: 2.5 }],
  ["empty prompt", "TextGenerationInput", { prompt: "" }],
  ["prompt of the wrong type", "TextGenerationInput", { prompt: 42 }],
  ["prompt over 131072 characters", "TextGenerationInput", { prompt: "a".repeat(131_073) }],
  ["neither prompt nor messages", "TextGenerationInput", { max_tokens: 10 }],
  ["both prompt and messages", "TextGenerationInput", { prompt: "Hi", messages: [{ role: "user", content: "Hi" }] }],
  ["message without content", "TextGenerationInput", { messages: [{ role: "user" }] }],
  ["unknown content part", "TextGenerationInput", { messages: [{ role: "user", content: [{ type: "audio", data: "x" }] }] }],
  ["image_url part without url", "TextGenerationInput", { messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }] }],
  ["stream as a string", "TextGenerationInput", { prompt: "Hi", stream: "yes" }],
  ["tool without a name", "TextGenerationInput", { messages: [{ role: "user", content: "Hi" }], tools: [{ description: "x" }] }],
  ["flat tool without parameters", "TextGenerationInput", { messages: [{ role: "user", content: "Hi" }], tools: [{ name: "f", description: "d" }] }],
  ["OpenAI tool of another type", "OpenAITool", { type: "retrieval", function: { name: "f" } }],
  ["flux steps 50", "FluxInput", { prompt: "A cat", steps: 50 }],
  ["flux unknown field (closed object)", "FluxInput", { prompt: "A cat", num_steps: 4 }],
  ["flux prompt over 2048 characters", "FluxInput", { prompt: "a".repeat(2049) }],
  ["flux without prompt", "FluxInput", { steps: 4 }],
  ["SDXL num_steps 21", "TextToImageInput", { prompt: "A cat", num_steps: 21 }],
  ["SDXL width 100", "TextToImageInput", { prompt: "A cat", width: 100 }],
  ["SDXL height 4096", "TextToImageInput", { prompt: "A cat", height: 4096 }],
  ["SDXL empty prompt", "TextToImageInput", { prompt: "" }],
  ["translation without target_lang", "TranslationInput", { text: "Hello" }],
  ["translation without text", "TranslationInput", { target_lang: "es" }],
  ["translation with an empty text", "TranslationInput", { text: "", target_lang: "es" }],
  ["embeddings with 101 texts", "TextEmbeddingsInput", { text: Array.from({ length: 101 }, (_, i) => `t${i}`) }],
  ["embeddings with an empty text", "TextEmbeddingsInput", { text: ["ok", ""] }],
  ["embeddings with unknown pooling", "TextEmbeddingsInput", { text: "Hi", pooling: "max" }],
  ["embeddings text of the wrong type", "TextEmbeddingsInput", { text: 7 }],
  ["rerank without contexts", "RerankInput", { query: "q" }],
  ["whisper audio as a string", "WhisperInput", { audio: "UklGRg==" }],
  ["text-to-speech without prompt", "TextToSpeechInput", { lang: "en" }],
  ["summarization without input_text", "SummarizationInput", { max_length: 10 }],
  ["text classification without text", "TextClassificationInput", {}],
  ["image classification image as a string", "ImageClassificationInput", { image: "abc" }],
  ["image-to-text without image", "ImageToTextInput", { prompt: "Describe" }],
  ["batch with no requests", "BatchSubmitInput", { requests: [] }],
  ["batch-capable input that is none of the shapes", "TextGenerationJsonModeBatchableInput", { foo: 1 }],
  ["batch poll with an empty id", "BatchPollInput", { request_id: "" }],
  ["chat completion with a non-slug model", "ChatCompletionRequest", { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }],
  ["chat completion without messages", "ChatCompletionRequest", { model: "@cf/meta/llama-3.1-8b-instruct-fast" }],
  ["chat completion temperature 9", "ChatCompletionRequest", { model: "@cf/meta/llama-3.1-8b-instruct-fast", messages: [{ role: "user", content: "Hi" }], temperature: 9 }],
  ["OpenAI embeddings with 101 inputs", "EmbeddingsRequest", { model: "@cf/baai/bge-base-en-v1.5", input: Array.from({ length: 101 }, () => "x") }],
  ["gpt-oss with an unknown reasoning effort", "GptOssInput", { input: "Hi", reasoning: { effort: "max" } }],
  ["gpt-oss with both input and prompt", "GptOssInput", { input: "Hi", prompt: "Hi" }],
  ["Responses API for a non-gpt-oss model", "ResponsesRequest", { model: "@cf/meta/llama-3.1-8b-instruct-fast", input: "Hi" }],
  ["error envelope without success", "ErrorEnvelope", { errors: [] }],
  ["error code as a string", "ErrorEnvelope", { success: false, errors: [{ code: "3040", message: "x" }] }],
  ["error entry without message", "ErrorEnvelope", { success: false, errors: [{ code: 3040 }] }],
  ["batch status of an unknown state", "BatchStatus", { status: "done", request_id: "r" }],
  ["classification result that is not an array", "TextClassificationResponse", { result: { label: "POSITIVE", score: 1 }, success: true }],
];

/**
 * Bodies the 0.1 contract refused with rules Cloudflare's own schemas do not have (invented minItems, ranges,
 * required result fields). Requests are now exactly as strict as upstream, results tolerant: both validators accept.
 */
const upstreamAllows: [string, string, unknown][] = [
  ["empty messages", "TextGenerationInput", { messages: [] }],
  ["message with an empty role", "TextGenerationInput", { messages: [{ role: "", content: "Hi" }] }],
  ["unknown response_format type", "TextGenerationInput", { prompt: "Hi", response_format: { type: "xml" } }],
  ["unknown reasoning_effort", "TextGenerationInput", { prompt: "Hi", reasoning_effort: "max" }],
  ["flux steps 0", "FluxInput", { prompt: "A cat", steps: 0 }],
  ["SDXL strength above 1", "TextToImageInput", { prompt: "A cat", strength: 1.5 }],
  ["embeddings with no texts", "TextEmbeddingsInput", { text: [] }],
  ["rerank with empty contexts", "RerankInput", { query: "q", contexts: [] }],
  ["whisper byte above 255", "WhisperInput", { audio: [0, 256] }],
  ["whisper negative byte", "WhisperInput", { audio: [-1] }],
  ["whisper empty audio", "WhisperInput", { audio: [] }],
  ["whisper turbo empty audio", "WhisperTurboInput", { audio: "" }],
  ["whisper turbo unknown task", "WhisperTurboInput", { audio: "UklGRg==", task: "summarize" }],
  ["summarization max_length 0", "SummarizationInput", { input_text: "x", max_length: 0 }],
  ["object detection byte above 255", "ObjectDetectionInput", { image: [300] }],
  ["image-to-text temperature 9", "ImageToTextInput", { image: [1, 2], temperature: 9 }],
  ["gpt-oss with an empty input", "GptOssInput", { input: "" }],
  ["flux result without image", "FluxResponse", { result: {}, success: true }],
];

describe("documented-rule breakers", () => {
  it.each(breakers)("rejects %s (%s) with ajv and zod", (_title, component, body) => {
    expect(ajvErrors(component, body)).not.toBeNull();
    expect(zodErrors(component, body)).not.toBeNull();
  });

  it.each(upstreamAllows)("accepts %s (%s): upstream has no such rule", (_title, component, body) => {
    expect(ajvErrors(component, body)).toBeNull();
    expect(zodErrors(component, body)).toBeNull();
  });
});
