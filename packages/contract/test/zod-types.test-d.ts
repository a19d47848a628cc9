import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { components, ModelMap } from "../src/index.js";
import type * as contract from "../src/index.js";

type Schemas = components["schemas"];
/** True when each type is assignable to the other (zod adds index signatures and `| undefined` on optionals). */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<N extends keyof Schemas & contract.SchemaName> = Mutual<z.infer<(typeof contract.schemas)[N]>, Schemas[N]>;

describe("zod schemas and openapi-typescript types agree", () => {
  it("for the main inputs", () => {
    expectTypeOf<Agrees<"TextGenerationInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ChatMessage">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ContentPart">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"Tool">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextEmbeddingsInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"RerankInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextToImageInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"FluxInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"WhisperInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"WhisperTurboInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextToSpeechInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TranslationInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"SummarizationInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextClassificationInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ImageClassificationInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ObjectDetectionInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ImageToTextInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"BatchSubmitInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextGenerationJsonModeBatchableInput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ChatCompletionRequest">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"EmbeddingsRequest">>().toEqualTypeOf<true>();
  });

  it("for the main outputs and envelopes", () => {
    expectTypeOf<Agrees<"TextGenerationResult">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextGenerationResponse">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextGenerationJsonModeBatchableResponse">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextGenerationSseEvent">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ChatCompletion">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ChatCompletionChunk">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextEmbeddingsOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"RerankOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"FluxResponse">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"WhisperOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"WhisperTurboOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextToSpeechOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TranslationOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"SummarizationOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"TextClassificationOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ObjectDetectionOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ImageToTextOutput">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ErrorEnvelope">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"BatchStatus">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"BatchResult">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ModelSearchResponse">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"ModelSchemaResponse">>().toEqualTypeOf<true>();
    expectTypeOf<Agrees<"EmbeddingList">>().toEqualTypeOf<true>();
  });

  it("for every component (a union of per-component verdicts has no false)", () => {
    type All = { [N in keyof Schemas & contract.SchemaName]: Agrees<N> }[keyof Schemas & contract.SchemaName];
    expectTypeOf<All>().toEqualTypeOf<true>();
  });

  it("ties ModelMap entries to the component types and media", () => {
    expectTypeOf<ModelMap["@cf/meta/llama-3.1-8b-instruct-fast"]["input"]>().toEqualTypeOf<Schemas["TextGenerationInput"]>();
    expectTypeOf<ModelMap["@cf/meta/llama-3.1-8b-instruct-fast"]["output"]>().toEqualTypeOf<Schemas["TextGenerationNoUsageOutput"]>();
    expectTypeOf<ModelMap["@cf/openai/gpt-oss-20b"]["output"]>().toEqualTypeOf<Schemas["TextGenerationResult"]>();
    expectTypeOf<ModelMap["@cf/meta/llama-3.1-8b-instruct-fast"]["streaming"]>().toEqualTypeOf<true>();
    expectTypeOf<ModelMap["@cf/black-forest-labs/flux-1-schnell"]["input"]>().toEqualTypeOf<Schemas["FluxInput"]>();
    expectTypeOf<ModelMap["@cf/stabilityai/stable-diffusion-xl-base-1.0"]["output"]>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<ModelMap["@cf/leonardo/phoenix-1.0"]["media"]>().toEqualTypeOf<"image/jpeg">();
    expectTypeOf<keyof ModelMap>().toEqualTypeOf<contract.ModelId>();
  });
});
