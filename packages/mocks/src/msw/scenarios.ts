/**
 * Ready-made msw overrides for tests: faults answered exactly like the emulator's fault steps
 * (same module), and `override` for any single operation. Use with `server.use(...)`; pass
 * `{ once: true }` for a single failure followed by normal answers.
 */
import { http, type HttpHandler, type HttpResponseResolver } from "msw";
import { operations, type OperationId } from "../generated/handlers.js";
import { terminalFaultResponse, type FaultStep } from "../faults.js";
import { MockState } from "../mock-state.js";
import { dispatch } from "../dispatch.js";
import { isSse } from "../mock-response.js";
import { toFetchResponse, toMockRequest } from "./convert.js";
import { isAnswer } from "../answers.js";

/** Where a scenario applies: one operation (default: every operation) and whether only once. */
export interface ScenarioOptions {
  operationId?: OperationId;
  once?: boolean;
}

type Resolver = HttpResponseResolver;

function targets(options: ScenarioOptions): Array<{ method: string; pattern: string }> {
  if (!options.operationId) return [{ method: "all", pattern: "*/accounts/:account_id/ai/*" }];
  const op = operations.find((o) => o.operationId === options.operationId);
  if (!op) throw new RangeError(`unknown operationId "${options.operationId}"`);
  return [{ method: op.method, pattern: op.pattern }];
}

function build(options: ScenarioOptions, resolver: Resolver): HttpHandler[] {
  return targets(options).map(({ method, pattern }) =>
    (http as unknown as Record<string, (p: string, r: Resolver, o?: { once?: boolean }) => HttpHandler>)[method]!(pattern, resolver, { once: options.once ?? false }),
  );
}

function terminal(step: FaultStep, options: ScenarioOptions): HttpHandler[] {
  const response = terminalFaultResponse(step)!;
  return build(options, () => toFetchResponse(response));
}

const state = new MockState();

/** Normal answers, modified by a modifier step (slow first byte, stream cut). */
function modified(step: FaultStep, options: ScenarioOptions): HttpHandler[] {
  return build(options, async ({ request }) => {
    const answer = dispatch(await toMockRequest(request), state);
    if (step.name === "slow-first-byte") return toFetchResponse({ ...answer, transport: { delayMs: step.arg ?? 1000 } });
    if (step.name === "stream-cut" && isSse(answer.body)) {
      return toFetchResponse({ ...answer, body: { ...answer.body, cutAfter: step.arg ?? 3 } });
    }
    return toFetchResponse(answer);
  });
}

/** Fault scenarios and operation overrides for msw `server.use(...)`. */
export const scenarios = {
  /** 429 with Retry-After (default 1 s) and Ratelimit/Ratelimit-Policy headers. */
  rateLimited: (options: ScenarioOptions & { retryAfterSeconds?: number } = {}) =>
    terminal({ name: "rate-limit", arg: options.retryAfterSeconds ?? 1 }, options),
  /** 429 / 3036: daily neuron allocation used up (not retryable). */
  quotaExhausted: (options: ScenarioOptions = {}) => terminal({ name: "quota" }, options),
  /** 429 / 3040: out of capacity (retryable). */
  capacity: (options: ScenarioOptions = {}) => terminal({ name: "capacity" }, options),
  /** 401 / 10000. */
  unauthorized: (options: ScenarioOptions = {}) => terminal({ name: "unauthorized" }, options),
  /** 403 / 10000. */
  forbidden: (options: ScenarioOptions = {}) => terminal({ name: "forbidden" }, options),
  /** A 5xx envelope (default 500). */
  serverError: (options: ScenarioOptions & { status?: number } = {}) =>
    terminal(options.status === undefined ? { name: "server-error" } : { name: "server-error", arg: options.status }, options),
  /** A proxy-style 502 with an HTML body. */
  badGatewayHtml: (options: ScenarioOptions = {}) => terminal({ name: "html-502" }, options),
  /** The normal answer after `ms` milliseconds. */
  slowFirstByte: (ms: number, options: ScenarioOptions = {}) => modified({ name: "slow-first-byte", arg: ms }, options),
  /** Streams end after `afterChunks` events with a network error and no `[DONE]`. */
  streamCut: (options: ScenarioOptions & { afterChunks?: number } = {}) =>
    modified({ name: "stream-cut", arg: options.afterChunks ?? 3 }, options),
  /** A network error before any response (fetch rejects). */
  connectionReset: (options: ScenarioOptions = {}) => terminal({ name: "reset" }, options),
  /** Replaces one operation's answer with your own resolver. */
  override: (operationId: OperationId, resolver: Resolver | ((info: Parameters<Resolver>[0]) => unknown), options: { once?: boolean } = {}) =>
    build({ operationId, ...options }, async (info) => {
      // Answers built with ok() / error() / stream() / image() need no msw HttpResponse.
      const result = await (resolver as (i: typeof info) => unknown)(info);
      return (isAnswer(result) ? toFetchResponse(result) : result) as Awaited<ReturnType<Resolver>>;
    }),
};
