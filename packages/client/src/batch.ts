/**
 * Async batch (`?queueRequest=true`): submit many inputs for one model, poll by request id, or wait. The API may
 * return responses out of order and sometimes nests `result` twice; `poll` and `wait` put results back in
 * request order and unwrap the extra level.
 */
import { AbortError, TimeoutError } from "./errors.js";
import type { RequestOptions } from "./internal/core.js";
import { modelPath } from "./internal/paths.js";
import { sleep } from "./retry.js";
import type { RunContext } from "./run.js";
import type { KnownModel, ModelInput, ModelAnswer } from "./run-types.js";
import type { APIPromise } from "./api-promise.js";
import { apiCall } from "./internal/call-meta.js";
import { validateRequest, validateResponse } from "./validation.js";

/** A queued or running job. */
export interface BatchPending {
  status: "queued" | "running";
  request_id: string;
  model?: string;
}

/** One finished item, at the index of its request. */
export interface BatchItem<R> {
  id: number;
  success: boolean;
  result: R | undefined;
  external_reference: string | null;
}

/** A finished job: `responses[i]` answers `requests[i]`. */
export interface BatchDone<R> {
  status: "done";
  request_id: string;
  responses: BatchItem<R>[];
  usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number } | undefined;
}

/** Polling cadence of `wait`. */
export interface BatchWaitOptions extends RequestOptions {
  /** First delay between polls (default 1 s); grows 1.5x up to `maxIntervalMs`. */
  intervalMs?: number;
  /** Longest delay between polls (default 15 s). */
  maxIntervalMs?: number;
  /** Give up after this long (default: no limit; use `signal` to cancel). */
  deadlineMs?: number;
}

/** One batch request: the model's normal input plus an optional reference echoed back. */
export type BatchRequest<M extends string> = ModelInput<M> & { external_reference?: string };

/** The `ai.batch` namespace. */
export class Batch {
  readonly #ctx: RunContext;
  constructor(ctx: RunContext) {
    this.#ctx = ctx;
  }

  /**
   * Queues `requests` for `model`; resolves with the job's request id.
   * @example const job = await ai.batch.submit("@cf/baai/bge-base-en-v1.5", [{ text: ["a"] }, { text: ["b"] }]);
   */
  submit<M extends KnownModel | (string & {})>(model: M, requests: BatchRequest<M>[], options?: RequestOptions): APIPromise<BatchPending> {
    return apiCall(options, (o) => this.#submit(model, requests, o));
  }

  async #submit(model: string, requests: unknown[], options: RequestOptions): Promise<BatchPending> {
    const ctx = this.#ctx;
    const body = { requests };
    await validateRequest("BatchSubmitInput", body, ctx.validation);
    const { result: status } = await ctx.core.json({ method: "POST", path: `/ai/run/${modelPath(model)}?queueRequest=true`, body, streaming: false, options });
    await validateResponse("BatchStatus", status, ctx);
    return status as BatchPending;
  }

  /** Asks once for the job's state; finished jobs come back with responses in request order. */
  poll<M extends KnownModel | (string & {})>(model: M, requestId: string, options?: RequestOptions): APIPromise<BatchPending | BatchDone<ModelAnswer<M>>> {
    return apiCall(options, (o) => this.#poll<M>(model, requestId, o));
  }

  async #poll<M extends string>(model: string, requestId: string, options: RequestOptions | undefined): Promise<BatchPending | BatchDone<ModelAnswer<M>>> {
    const ctx = this.#ctx;
    const { result: polled } = await ctx.core.json({
      method: "POST",
      path: `/ai/run/${modelPath(model)}?queueRequest=true`,
      body: { request_id: requestId },
      streaming: false,
      options,
    });
    const result = polled as Record<string, unknown> | null;
    if (result && Array.isArray(result.responses)) {
      await validateResponse("BatchResult", result, ctx);
      return toDone<ModelAnswer<M>>(requestId, result);
    }
    await validateResponse("BatchStatus", result, ctx);
    return result as unknown as BatchPending;
  }

  /**
   * Polls until the job is done, with growing intervals.
   * @example const { responses } = await ai.batch.wait(model, job.request_id, { signal });
   */
  wait<M extends KnownModel | (string & {})>(model: M, requestId: string, options: BatchWaitOptions = {}): APIPromise<BatchDone<ModelAnswer<M>>> {
    return apiCall(options, (o) => this.#wait<M>(model, requestId, o));
  }

  async #wait<M extends string>(model: string, requestId: string, options: BatchWaitOptions): Promise<BatchDone<ModelAnswer<M>>> {
    const { intervalMs = 1000, maxIntervalMs = 15_000, deadlineMs, ...requestOptions } = options;
    const started = Date.now();
    let delay = intervalMs;
    for (;;) {
      const state = await this.#poll<M>(model, requestId, requestOptions);
      if (state.status === "done") return state;
      if (deadlineMs !== undefined && Date.now() - started + delay > deadlineMs) {
        throw new TimeoutError("total", deadlineMs, { retryable: false });
      }
      try {
        await sleep(delay, options.signal);
      } catch (cause) {
        throw new AbortError({ cause });
      }
      delay = Math.min(delay * 1.5, maxIntervalMs);
    }
  }
}

function toDone<R>(requestId: string, result: Record<string, unknown>): BatchDone<R> {
  const items = (result.responses as Record<string, unknown>[]).map((r, position) => {
    let value = r.result as Record<string, unknown> | undefined;
    // Seen live: `result.result.response`; unwrap one accidental level of nesting.
    if (value && typeof value === "object" && "result" in value && Object.keys(value).length <= 3) value = value.result as Record<string, unknown>;
    return {
      id: typeof r.id === "number" ? r.id : position,
      success: r.success !== false,
      result: value as R | undefined,
      external_reference: typeof r.external_reference === "string" ? r.external_reference : null,
    };
  });
  items.sort((a, b) => a.id - b.id);
  return { status: "done", request_id: requestId, responses: items, usage: result.usage as BatchDone<R>["usage"] };
}
