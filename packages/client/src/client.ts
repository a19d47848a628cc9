/**
 * `EdgeAI`, the entry point: validates options, builds the transport (an undici Agent by default), and wires
 * the resources. Credentials stay in private fields; `util.inspect`/`JSON.stringify` show only safe facts.
 */
import { inspect } from "node:util";
import type { APIPromise } from "./api-promise.js";
import { Batch } from "./batch.js";
import { apiCall } from "./internal/call-meta.js";
import { ValidationError, type ValidationIssue } from "./errors.js";
import { checkNumericOptions } from "./internal/check-options.js";
import { ClientCore, type RequestOptions } from "./internal/core.js";
import { splitBaseUrl } from "./internal/paths.js";
import { Log, type Logger, type LogLevel, resolveLogLevel } from "./logger.js";
import { createScrubber } from "./redact.js";
import { Authors, Models, Tasks } from "./resources/models.js";
import { Chat } from "./resources/chat.js";
import { Embeddings } from "./resources/embeddings.js";
import { type AiBinding, type BindingClientOptions, bindingClientOptions } from "./binding.js";
import { runtimeTag } from "./runtime.js";
import { checkGatewayOptions, GatewayTransport, type GatewayOptions, scrubGatewayToken } from "./gateway.js";
import { Documents, type MarkdownDocument, type UploadFile } from "./resources/documents.js";
import { Finetunes } from "./resources/finetunes.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry.js";
import { type RunContext, type RunOptions, runModel } from "./run.js";
import type { KnownModel, LooseInput, RunInput, RunResult } from "./run-types.js";
import { defaultTimeouts } from "./timeouts.js";
import { type DispatcherLike, type FetchLike, FetchTransport, UndiciTransport } from "./transport.js";
import type { ValidationMode } from "./validation.js";
import { VERSION } from "./version.js";

/**
 * Options of `new EdgeAI(...)`. `accountId` and `apiToken` are required, either here or from the environment
 * (`CLOUDFLARE_ACCOUNT_ID`, `CLOUDFLARE_API_TOKEN`); an option given here wins over the environment.
 */
export interface ClientOptions {
  /** The Cloudflare account id (32 hex characters). Default: `CLOUDFLARE_ACCOUNT_ID`. */
  accountId?: string;
  /** An API token with Workers AI Read and Edit permissions. Never logged, never shown. Default: `CLOUDFLARE_API_TOKEN`. */
  apiToken?: string;
  /**
   * Default: `EDGE_AI_BASE_URL`, else https://api.cloudflare.com/client/v4; the emulator is
   * http://127.0.0.1:<port>/client/v4.
   */
  baseUrl?: string;
  /**
   * An undici Dispatcher (Agent, Pool, MockAgent, the mocks' bridge), from undici 6 or 7. Default: a keep-alive
   * Agent owned by the client.
   */
  dispatcher?: DispatcherLike;
  /** A fetch implementation, for runtimes without undici or for msw's patched global fetch; replaces the dispatcher. */
  fetch?: FetchLike;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Fine-tuning of backoff; `maxRetries` above wins over `retry.maxRetries`. */
  retry?: Partial<RetryPolicy>;
  /** Total time limit per attempt of a non-streaming call, in ms (default 120 000; 0 = none). */
  timeout?: number;
  /** Streaming limits in ms: wait for the first byte (default 60 000) and gap between chunks (default 30 000). */
  streamTimeouts?: { firstByte?: number; idle?: number };
  /** Headers sent with every request (for example AI Gateway's `cf-aig-*`). */
  defaultHeaders?: Record<string, string>;
  /** Route model calls through Cloudflare AI Gateway (`gateway.ai.cloudflare.com/v1/{account}/{id}/workers-ai/...`). */
  gateway?: GatewayOptions;
  /** Response checking: "tolerant" (default) returns a non-matching answer with a logged warning listing its issues, "strict" throws (unknown fields too), "off" none. */
  validation?: ValidationMode;
  /** Where log lines go (default: console). */
  logger?: Logger;
  /** Log threshold (default: `EDGE_AI_LOG` or "warn"). */
  logLevel?: LogLevel;
}

const DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

/**
 * The Workers AI client.
 * @example
 * const ai = new EdgeAI(); // CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN (and EDGE_AI_BASE_URL) from the environment
 * const { response, usage } = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
 */
export class EdgeAI {
  /** The OpenAI-compatible chat endpoint. */
  readonly chat: Chat;
  /** The OpenAI-compatible embeddings endpoint. */
  readonly embeddings: Embeddings;
  /** Model discovery. */
  readonly models: Models;
  /** Task discovery. */
  readonly tasks: Tasks;
  /** Author discovery. */
  readonly authors: Authors;
  /** Async batch jobs. */
  readonly batch: Batch;
  /** Markdown conversion (tomarkdown) and its supported formats. */
  readonly documents: Documents;
  /** LoRA fine-tunes and their assets. */
  readonly finetunes: Finetunes;
  readonly #ctx: RunContext;
  readonly #core: ClientCore;
  readonly #summary: { accountId: string; baseUrl: string };

  constructor(given: ClientOptions = {}) {
    const options = withEnvironment(given);
    checkOptions(options);
    const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    const { origin, basePath } = splitBaseUrl(baseUrl);
    const scrub = scrubGatewayToken(createScrubber(options.apiToken), options.gateway);
    const log = new Log(options.logger ?? console, resolveLogLevel(options.logLevel), scrub);
    const makeTransport = (o: string) => (options.fetch ? new FetchTransport(o, options.fetch) : new UndiciTransport(o, options.dispatcher));
    const accountPath = `${basePath}/accounts/${encodeURIComponent(options.accountId)}`;
    const transport = options.gateway ? new GatewayTransport(options.gateway, options.accountId, accountPath, makeTransport(origin), makeTransport) : makeTransport(origin);
    this.#core = new ClientCore({
      accountPath,
      transport,
      log,
      retry: { ...defaultRetryPolicy, ...options.retry, ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }) },
      timeouts: {
        total: options.timeout ?? defaultTimeouts.total,
        firstByte: options.streamTimeouts?.firstByte ?? defaultTimeouts.firstByte,
        idle: options.streamTimeouts?.idle ?? defaultTimeouts.idle,
      },
      scrub,
      authorization: `Bearer ${options.apiToken}`,
      userAgent: `edge-ai-client/${VERSION} ${runtimeTag()}`,
      defaultHeaders: lowerKeys(options.defaultHeaders ?? {}),
    });
    this.#ctx = { core: this.#core, validation: options.validation ?? "tolerant", warned: new Set() };
    this.#summary = { accountId: options.accountId, baseUrl };
    this.chat = new Chat(this.#ctx);
    this.embeddings = new Embeddings(this.#ctx);
    this.models = new Models(this.#ctx);
    this.tasks = new Tasks(this.#ctx);
    this.authors = new Authors(this.#ctx);
    this.batch = new Batch(this.#ctx);
    this.documents = new Documents(this.#ctx);
    this.finetunes = new Finetunes(this.#ctx);
  }

  /**
   * Converts documents (PDF, HTML, images, office files, ...) to markdown, one document per file.
   * @example const [doc] = await ai.toMarkdown([{ name: "page.html", data: "<h1>Hi</h1>", type: "text/html" }]);
   */
  toMarkdown(files: UploadFile[], options?: RequestOptions): Promise<MarkdownDocument[]> {
    return this.documents.toMarkdown(files, options);
  }

  /**
   * The same typed client inside a Worker, over the Workers AI binding (no token, no HTTP): `EdgeAI.fromBinding(env.AI)`.
   * Model calls (`run`, streams, images) go to `binding.run`; REST-only resources answer a NotFoundError.
   */
  static fromBinding(binding: AiBinding, options?: BindingClientOptions): EdgeAI {
    return new EdgeAI(bindingClientOptions(binding, options));
  }

  /**
   * Runs a catalogued model. Input and result types follow the model id (a misspelled id does not compile);
   * `stream: true` returns an async-iterable stream; binary image models return `{ contentType, bytes }`.
   * For a model newer than this SDK's catalog, use {@link EdgeAI.runUnknown}.
   * @example const { data, shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
   */
  run<M extends KnownModel, I extends RunInput<M>>(model: M, input: I, options?: RunOptions): APIPromise<RunResult<M, I>> {
    return apiCall(options, (o) => runModel(this.#ctx, model, input, o) as Promise<RunResult<M, I>>);
  }

  /**
   * The one escape hatch for models the catalog does not know yet: any model id, any JSON input (or raw bytes),
   * no input check, and a result typed by the caller (`unknown` by default). The answer is decoded like `run`'s:
   * an envelope's `result`, a stream for `stream: true` (`EdgeAIStream<TextGenerationChunk>`), or
   * `{ contentType, bytes }` for binary answers.
   * @example const out = await ai.runUnknown<{ response: string }>("@cf/acme/brand-new-model", { prompt: "Hi" });
   */
  runUnknown<T = unknown>(model: string, input: LooseInput, options?: RunOptions): APIPromise<T> {
    return apiCall(options, (o) => runModel(this.#ctx, model, input, o) as Promise<T>);
  }

  /** Closes the connection pool the client created (a passed-in dispatcher is left to its owner). */
  close(): Promise<void> {
    return this.#core.close();
  }

  [inspect.custom](): string {
    return `EdgeAI { accountId: ${JSON.stringify(this.#summary.accountId)}, baseUrl: ${JSON.stringify(this.#summary.baseUrl)}, apiToken: [REDACTED] }`;
  }

  toJSON(): { accountId: string; baseUrl: string; apiToken: string } {
    return { ...this.#summary, apiToken: "[REDACTED]" };
  }
}

export type { RequestOptions };

/** Options with `accountId`, `apiToken` and `baseUrl` filled from the environment where not given. */
type ResolvedOptions = ClientOptions & { accountId: string; apiToken: string };

function withEnvironment(options: ClientOptions): ResolvedOptions {
  if (options === null || typeof options !== "object") return options as ResolvedOptions;
  const env: Record<string, string | undefined> = globalThis.process?.env ?? {};
  const fromEnv = (name: string) => (env[name] === "" ? undefined : env[name]);
  const out = { ...options } as ResolvedOptions;
  out.accountId ??= fromEnv("CLOUDFLARE_ACCOUNT_ID") as string;
  out.apiToken ??= fromEnv("CLOUDFLARE_API_TOKEN") as string;
  const baseUrl = options.baseUrl ?? fromEnv("EDGE_AI_BASE_URL");
  if (baseUrl !== undefined) out.baseUrl = baseUrl;
  // The gateway's own address follows the same rule, so code written for AI Gateway runs against the emulator's
  // gateway form (http://127.0.0.1:8787/v1) without edits.
  const gatewayUrl = fromEnv("EDGE_AI_GATEWAY_URL");
  if (options.gateway && typeof options.gateway === "object" && options.gateway.baseUrl === undefined && gatewayUrl !== undefined) {
    out.gateway = { ...options.gateway, baseUrl: gatewayUrl };
  }
  return out;
}

function checkOptions(options: ResolvedOptions): void {
  const issues: ValidationIssue[] = [];
  if (typeof options?.accountId !== "string" || options.accountId.trim() === "" || options.accountId.includes("/")) {
    issues.push({ path: "accountId", rule: "required", message: "a non-empty account id without slashes is required: pass { accountId } or set CLOUDFLARE_ACCOUNT_ID" });
  }
  // Only presence is reported: the value itself must never reach a message.
  if (typeof options?.apiToken !== "string" || options.apiToken.trim() === "") {
    issues.push({ path: "apiToken", rule: "required", message: "an API token is required: pass { apiToken } or set CLOUDFLARE_API_TOKEN" });
  }
  if (options?.validation !== undefined && !["strict", "tolerant", "off"].includes(options.validation)) {
    issues.push({ path: "validation", rule: "enum", message: 'must be "strict", "tolerant" or "off"' });
  }
  if (options !== null && typeof options === "object") {
    const { maxRetries, timeout, streamTimeouts, retry, defaultHeaders } = options;
    checkNumericOptions({ maxRetries, timeout, streamTimeouts, retry: retry as Record<string, unknown> | undefined, headers: defaultHeaders }, issues, "defaultHeaders");
    checkGatewayOptions(options.gateway, issues);
  }
  if (issues.length > 0) throw new ValidationError("request", "ClientOptions", issues);
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}
