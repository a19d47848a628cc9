/**
 * @edge-ai/client: a typed SDK for the Cloudflare Workers AI REST API on undici.
 * The public API is this list; everything else (src/internal/*) may change without notice.
 *
 * @example
 * import { EdgeAI } from "@edge-ai/client";
 * const ai = new EdgeAI({ accountId: process.env.CLOUDFLARE_ACCOUNT_ID!, apiToken: process.env.CLOUDFLARE_API_TOKEN! });
 * const { response } = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "Hi" });
 */

// Client
export { EdgeAI, type ClientOptions, type RequestOptions } from "./client.js";
export type { RunOptions, BinaryResult } from "./run.js";
export { APIPromise, type ResponseInfo, type WithResponse } from "./api-promise.js";
export type { KnownModel, ModelInput, RunInput, ModelOutput, ModelAnswer, RunResult, Schema, LooseInput, LooseResult, TextResult, TextGenerationAnswer, TextGenerationRunResult, TextGenerationJsonResult, TextGenerationToolsResult } from "./run-types.js";

// Streaming
export { EdgeAIStream, type StreamUsage } from "./stream.js";
export type { TextGenerationChunk } from "./stream-chunks.js";
// A WHATWG-exact event-stream parser for reading streams by hand; the client's streams do not use it (decision 0341).
export { SSEParser, type SSEEventHandler } from "./sse-parser.js";

// Resources
export type { ChatCompletions, Chat, ChatCompletion, ChatCompletionChunk, ChatCompletionCreateParams } from "./resources/chat.js";
export type { Embeddings, EmbeddingList, EmbeddingsCreateParams } from "./resources/embeddings.js";
export type { Models, Tasks, Authors, Model, ModelSchema, ModelSearchParams, Task, Author } from "./resources/models.js";
export type { Documents, MarkdownDocument, MarkdownFormat, UploadFile } from "./resources/documents.js";
export type { Finetunes, Finetune, FinetuneAsset, FinetuneCreateParams, PublicFinetuneParams } from "./resources/finetunes.js";
export type { Batch, BatchDone, BatchItem, BatchPending, BatchRequest, BatchWaitOptions } from "./batch.js";
export { PageIterator, type Page, type ResultInfo } from "./pagination.js";

// AI Gateway
export { gatewayHeaders, gatewayInfo, DEFAULT_GATEWAY_URL, type GatewayOptions, type GatewayRequestSettings, type GatewayResponseInfo } from "./gateway.js";

// Workers AI binding
export type { AiBinding, BindingClientOptions } from "./binding.js";

// Cost
export { estimateCost, USD_PER_1000_NEURONS, FREE_NEURONS_PER_DAY, type CostEstimate, type CostLine, type CostUsage } from "./cost.js";

// Errors
export {
  APIError,
  AuthenticationError,
  PermissionError,
  LicenceRequiredError,
  PaidPlanRequiredError,
  NotFoundError,
  UnknownModelError,
  TooLargeError,
  RateLimitError,
  CapacityError,
  QuotaExhaustedError,
  ServerTimeoutError,
  BadRequestError,
  ServerError,
  type APIErrorDetail,
  type RateLimitInfo,
} from "./api-errors.js";
export {
  EdgeAIError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  StreamError,
  type ErrorKind,
  type TimeoutPhase,
  type ValidationIssue,
  type StreamFailure,
} from "./errors.js";

// Policies and options
export { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
export { defaultTimeouts, type TimeoutSettings } from "./timeouts.js";
export type { ValidationMode } from "./validation.js";
export type { Logger, LogLevel } from "./logger.js";
export type { FetchLike, DispatcherLike, DispatcherRequest, DispatcherResponse } from "./transport.js";
export { VERSION } from "./version.js";
