/**
 * @edge-ai/contract: everything generated from the OpenAPI contract in `openapi/`, plus two small lookups.
 * Per-model schemas are reached through `schemas[name]` (built on first use); the hand-written components
 * (envelopes, discovery, OpenAI shapes) are also exported as `z<Name>`.
 *
 * @example
 * import { schemas, getModel, type ModelMap } from "@edge-ai/contract";
 * const model = getModel("@cf/meta/llama-3.1-8b-instruct-fast");
 * schemas[model!.inputSchemaName as "TextGenerationInput"].parse({ prompt: "Hello" });
 */
export type { paths, components, operations } from "./generated/openapi.js";
export {
  schemas,
  type SchemaName,
  zAuthor,
  zAuthorSearchResponse,
  zBatchPollInput,
  zBatchRequestItem,
  zBatchResponseItem,
  zBatchResult,
  zBatchStatus,
  zBatchSubmitInput,
  zBoundingBox,
  zChatCompletion,
  zChatCompletionChoice,
  zChatCompletionChunk,
  zChatCompletionChunkChoice,
  zChatCompletionMessage,
  zChatCompletionRequest,
  zChatCompletionToolCallDelta,
  zChatMessage,
  zContentPart,
  zDetectedObject,
  zDiscoveryNotFound,
  zEmbedding,
  zEmbeddingList,
  zEmbeddingsRequest,
  zErrorEnvelope,
  zFlatTool,
  zFlatToolCall,
  zImageBytes,
  zImageUrlContentPart,
  zLabelScore,
  zModel,
  zModelProperty,
  zModelSchema,
  zModelSchemaResponse,
  zModelSearchResponse,
  zModelTask,
  zOpenAITool,
  zOpenAIToolCall,
  zReasoningOptions,
  zResponseFormat,
  zResponseInfo,
  zResponsesRequest,
  zResponsesResult,
  zResultInfo,
  zRunModelInput,
  zRunModelResponse,
  zRunOptions,
  zTask,
  zTaskSearchResponse,
  zTextContentPart,
  zTextGenerationMessagesInput,
  zTextGenerationOutput,
  zTextGenerationPromptInput,
  zTextGenerationResponsesInput,
  zTextGenerationSseEvent,
  zTextGenerationStreamEvent,
  zTool,
  zToolCall,
  zToolParameters,
  zUsage,
} from "./generated/zod.js";
export {
  models,
  tasks,
  type ModelId,
  type TaskId,
  type ModelMap,
  type CatalogModel,
  type CatalogTask,
  type Capabilities,
  type Price,
  type OutputMedia,
} from "./generated/catalog.js";
export {
  errorCodes,
  errorKinds,
  statusFallbacks,
  type ErrorKind,
  type ErrorCode,
  type ErrorCodeInfo,
  type StatusFallback,
} from "./generated/errors.js";
export { getModel, isModelId } from "./model-lookup.js";
export { classifyError, type ErrorClassification } from "./error-classification.js";
