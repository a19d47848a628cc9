/** One valid input per contract input schema, so integration tests can run every catalogued model. */
const png1x1 = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export const inputsBySchema: Record<string, Record<string, unknown>> = {
  TextGenerationInput: { messages: [{ role: "user", content: "Hello there" }], max_tokens: 32 },
  GptOssInput: { messages: [{ role: "user", content: "Hello there" }] },
  TextEmbeddingsInput: { text: ["first text", "second text"] },
  RerankInput: { query: "lighthouse", contexts: [{ text: "a lighthouse on a cliff" }, { text: "a cat" }] },
  TextClassificationInput: { text: "I love this" },
  TextToImageInput: { prompt: "a lighthouse at dusk" },
  FluxInput: { prompt: "a lighthouse at dusk", steps: 4 },
  WhisperInput: { audio: [0, 1, 2, 3, 4, 5, 6, 7] },
  WhisperTurboInput: { audio: "AAECAwQFBgc=" },
  TextToSpeechInput: { prompt: "Hello" },
  TranslationInput: { text: "Hello", target_lang: "fr" },
  SummarizationInput: { input_text: "A long text about lighthouses and the sea. ".repeat(5) },
  ImageClassificationInput: { image: png1x1 },
  ObjectDetectionInput: { image: png1x1 },
  ImageToTextInput: { image: png1x1, prompt: "Describe" },
};

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

type Doc = { paths: Record<string, { post?: { requestBody?: { content?: Record<string, { examples?: Record<string, { value: unknown }> }> } } }> };
let doc: Doc | undefined;

/** The request example the contract samples from a model's own upstream input schema (JSON or form fields). */
export function sampledInput(modelId: string): Record<string, unknown> | undefined {
  doc ??= JSON.parse(readFileSync(fileURLToPath(new URL("../../../../openapi/dist/edge-ai.openapi.json", import.meta.url)), "utf8")) as Doc;
  const content = doc.paths[`/accounts/{account_id}/ai/run/${modelId}`]?.post?.requestBody?.content ?? {};
  const media = content["application/json"] ?? content["multipart/form-data"];
  return media?.examples?.["sample"]?.value as Record<string, unknown> | undefined ?? (media?.examples?.["form"]?.value as Record<string, unknown> | undefined);
}
