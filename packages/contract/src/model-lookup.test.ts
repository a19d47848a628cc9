import { describe, expect, it } from "vitest";
import { getModel, isModelId } from "./model-lookup.js";

describe("getModel / isModelId", () => {
  it("finds a catalogued model with its schema names and capabilities", () => {
    const m = getModel("@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(m).toMatchObject({
      method: "Llama33_70bInstructFp8Fast",
      operationId: "runLlama33_70bInstructFp8Fast",
      task: "text-generation",
      // Its own upstream input; its output is shared (by structure) with the models that answer the same shape.
      inputSchemaName: "TextGenerationJsonModeInput",
      outputSchemaName: "TextGenerationJsonModeOutput",
      requestSchemaName: "TextGenerationJsonModeBatchableInput",
      responseSchemaName: "TextGenerationJsonModeBatchableResponse",
    });
    expect(m?.capabilities).toMatchObject({ streaming: true, jsonMode: true, functionCalling: true, asyncBatch: true });
  });

  it("returns undefined for slugs outside the catalog or percent-encoded ones", () => {
    expect(getModel("@cf/acme/unknown")).toBeUndefined();
    expect(getModel("@cf%2Fmeta%2Fllama-3.1-8b-instruct-fast")).toBeUndefined();
    expect(isModelId("@cf/acme/unknown")).toBe(false);
    expect(isModelId("@cf/openai/whisper")).toBe(true);
  });

  it("has no response envelope for image-bytes models", () => {
    expect(getModel("@cf/leonardo/phoenix-1.0")).toMatchObject({ outputMedia: "image/jpeg", responseSchemaName: null, outputSchemaName: null });
  });
});
