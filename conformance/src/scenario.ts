/**
 * Types of a conformance scenario, mirroring scenario.schema.json (the schema is the authority; these types only
 * give the TypeScript runner names for what the schema already validated).
 */
import type { Check } from "./json-checks.js";

/** Every error kind both clients share; the keys of error-kinds.json (both generated from openapi/errors.yaml). */
import type { ErrorKind } from "@edge-ai/client";
export type { ErrorKind };

/** Client settings a scenario may set; unset fields keep the client's defaults. */
export interface CallOptions {
  maxRetries?: number;
  retryInitialDelayMs?: number;
  retryMaxDelayMs?: number;
  timeoutMs?: number;
  abortAfterMs?: number;
}

/** What the client is asked to do. */
export interface Call {
  /** `run` (default): POST /ai/run/{model}; otherwise the OpenAI-compatible /ai/v1/chat/completions or /ai/v1/embeddings. */
  operation?: "run" | "chat-completions" | "embeddings";
  model: string;
  stream?: boolean;
  input: Record<string, unknown>;
  /** Set `input[key]` to `length` letters "a" before sending (oversized bodies). */
  fill?: { key: string; length: number };
  options?: CallOptions;
}

/** Expected result of a successful call. */
export type ResultExpectation =
  | { type: "json"; checks?: Check[] }
  | { type: "image"; mediaType: "image/png" | "image/jpeg"; minBytes?: number; magicHex?: string }
  | { type: "stream"; minChunks?: number; maxChunks?: number; textMinLength?: number; usage?: boolean; toolCalls?: boolean };

/** Expected error of a failing call. */
export interface ErrorExpectation {
  kind: ErrorKind;
  code?: number;
  status?: number;
  afterChunks?: number;
}

/** One scenario of a scenario file. */
export interface Scenario {
  id: string;
  title: string;
  covers?: string[];
  call: Call;
  emulator?: { faults?: string[] };
  expect: {
    result?: ResultExpectation;
    error?: ErrorExpectation;
    attempts: number;
    minWaitMs?: number;
  };
}

/** A scenario together with the file it came from (for messages). */
export interface LoadedScenario extends Scenario {
  file: string;
}
