/**
 * What responders need to know about a model, normalised from the contract's catalog (see
 * catalog.ts), so responders do not depend on the generated catalog's exact field names.
 */

/** Response media a model answers with on /ai/run (besides errors). */
export type ImageFormat = "png" | "jpeg" | "base64";

/** A catalogued model as the mocks see it. */
export interface ModelInfo {
  id: string;
  /** Task slug, e.g. `text-generation`, `text-embeddings`. */
  task: string;
  /** Task display name, e.g. `Text Generation`. */
  taskName: string;
  description: string;
  /** Operation id in the contract (`run<Method>`). */
  operationId: string;
  inputSchema: string | undefined;
  outputSchema: string | undefined;
  /** Text-to-image output format. */
  imageFormat?: ImageFormat;
  /** Primary success media (`application/json`, `image/png`, `image/jpeg`, `audio/mpeg`). */
  outputMedia: string;
  /** Embedding vector length. */
  dimensions?: number;
  /** Answers `stream: true` with server-sent events. */
  streaming: boolean;
  /** Text generation answers in the OpenAI chat.completion shape (newer models). */
  openAiShape: boolean;
  /** Ignores `stream: true` on /ai/run and answers JSON (no streaming capability: gpt-oss, Kimi, ...). */
  ignoresStream: boolean;
  /** Accepts a raw binary body (`application/octet-stream`, `audio/*`, `image/*`). */
  binaryInput: boolean;
  /** Supports `?queueRequest=true` batches. */
  asyncQueue: boolean;
  functionCalling: boolean;
  rateLimitPerMinute: number;
  deprecated: boolean;
  beta: boolean;
  /** Raw catalog entry, for discovery answers. */
  raw: Record<string, unknown>;
}
