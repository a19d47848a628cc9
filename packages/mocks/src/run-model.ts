/**
 * POST /accounts/{id}/ai/run/{model}: catalog lookup (5007), rate limit and neuron budget, body
 * decoding and validation, batch submit/poll, then the task's responder.
 */
import { catalogTasks, findModel } from "./catalog.js";
import { failure, success, unknownModel } from "./envelope.js";
import { quotaExhausted, rateLimited } from "./faults.js";
import type { MockRequest, MockResponse } from "./mock-response.js";
import type { MockState } from "./mock-state.js";
import type { ModelInfo } from "./model-info.js";
import { neuronCost } from "./neuron-budget.js";
import { respondToRun } from "./responders/run.js";
import { decodeBody, validateAgainst } from "./validate.js";

const taskLimits = new Map(catalogTasks.map((t) => [t.id, t.rateLimitPerMinute]));

function taskLimit(task: string): number | undefined {
  return taskLimits.get(task);
}

const BINARY_TASKS = new Set(["automatic-speech-recognition", "image-classification", "object-detection", "image-to-text"]);

/** Rate limit + budget admission shared by /ai/run and /ai/v1; returns a refusal or the headers to add. */
export function admit(model: ModelInfo, req: MockRequest, state: MockState): MockResponse | Record<string, string> {
  let headers: Record<string, string> = {};
  if (state.limiter) {
    // A task shares one window; a model with its own limit (a per-model exception) has its own.
    const key = model.rateLimitPerMinute === taskLimit(model.task) ? model.task : model.id;
    const decision = state.limiter.check(key, model.rateLimitPerMinute);
    if (!decision.allowed) return rateLimited(decision.resetSeconds, decision.headers);
    headers = decision.headers;
  }
  if (state.budget) {
    if (!state.budget.available()) return quotaExhausted();
    // Tokens are estimated from the body (4 bytes per token) plus a typical 50-token answer.
    state.budget.charge(neuronCost(model.task, Math.ceil(req.body.length / 4) + 50));
  }
  return headers;
}

function hasKeys(record: Record<string, string>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function withHeaders(response: MockResponse, headers: Record<string, string>): MockResponse {
  // No rate-limit headers to add (limits off): answers are never mutated after they are built, so no copy is needed.
  if (!hasKeys(headers)) return response;
  return { ...response, headers: { ...response.headers, ...headers } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Handles one run request for the (already unescaped) model slug. */
export function runModel(req: MockRequest, slug: string, seed: number, state: MockState, forceJson = false): MockResponse {
  const model = findModel(slug);
  if (!model) return unknownModel(slug);
  const admitted = admit(model, req, state);
  if ("status" in admitted && typeof admitted.status === "number") return admitted as MockResponse;
  const headers = admitted as Record<string, string>;
  // Repeats of a pure request are served from the memo (see answer-cache.ts); faults that change
  // the answer (json-for-stream) bypass it.
  const search = req.search ?? req.query.toString();
  if (!forceJson) {
    const cached = state.answers.get(seed, req.path, search, req.header("content-type"), req.body);
    if (cached) return withHeaders(cached, headers);
  }
  const decoded = decodeBody(req, model.binaryInput || BINARY_TASKS.has(model.task));
  if (decoded.kind === "error") return withHeaders(decoded.response, headers);
  if (decoded.kind === "binary") {
    return withHeaders(respondToRun({ model, input: decoded.bytes, seed, pacingMs: state.pacingMs, forceJson }), headers);
  }
  const input = decoded.value;
  if (isRecord(input) && typeof input["request_id"] === "string" && input["requests"] === undefined) {
    const invalid = validateAgainst("BatchPollInput", input);
    if (invalid) return withHeaders(invalid, headers);
    const status = state.batches.poll(input["request_id"]);
    return withHeaders(status ? success(status) : failure(404, undefined, `No batch request with id ${input["request_id"]}`), headers);
  }
  const queued = req.query.get("queueRequest") === "true" || (isRecord(input) && Array.isArray(input["requests"]));
  if (queued) return withHeaders(submitBatch(model, input, seed, state), headers);
  const invalid = validateAgainst(model.inputSchema, input) ?? unsupportedTools(model, input);
  if (invalid) return withHeaders(invalid, headers);
  const answer = respondToRun({ model, input, seed, pacingMs: state.pacingMs, forceJson });
  return withHeaders(forceJson ? answer : state.answers.put(seed, req.path, search, req.header("content-type"), req.body, answer), headers);
}

/**
 * Tools on a model without function calling: the real API answers 400 (workers-ai-api.md §2.1), so
 * code that forgets to check the capability fails here rather than in production.
 */
export function unsupportedTools(model: ModelInfo, input: unknown): MockResponse | undefined {
  if (model.task !== "text-generation" || model.functionCalling) return undefined;
  const tools = isRecord(input) ? input["tools"] : undefined;
  if (!Array.isArray(tools) || tools.length === 0) return undefined;
  return failure(400, undefined, `AiError: Bad input: ${model.id} does not support function calling; remove "tools" or use a model with the function_calling property`);
}

function submitBatch(model: ModelInfo, input: unknown, seed: number, state: MockState): MockResponse {
  if (!model.asyncQueue) return failure(400, undefined, `AiError: Bad input: ${model.id} does not support async batch requests (queueRequest)`);
  const invalid = validateAgainst("BatchSubmitInput", input);
  if (invalid) return invalid;
  const requests = (isRecord(input) && Array.isArray(input["requests"]) ? input["requests"] : []) as Array<Record<string, unknown>>;
  if (requests.length === 0) return failure(400, undefined, "AiError: Bad input: BatchSubmitInput: requests: too_small: at least one request is required");
  const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  const results = [];
  for (let i = 0; i < requests.length; i++) {
    const { external_reference: ref, ...single } = requests[i]!;
    const invalidItem = validateAgainst(model.inputSchema, single);
    if (invalidItem) {
      const message = (invalidItem.body as { errors: Array<{ message: string }> }).errors[0]!.message;
      return failure(400, undefined, `${message} (requests.${i})`);
    }
    const answer = respondToRun({ model, input: { ...single, stream: false }, seed: seed + i + 1, pacingMs: 0, forceJson: true });
    const result = (answer.body as { result?: Record<string, unknown> }).result ?? {};
    const u = result["usage"] as typeof usage | undefined;
    if (u) {
      usage.prompt_tokens += u.prompt_tokens;
      usage.completion_tokens += u.completion_tokens;
      usage.total_tokens += u.total_tokens;
    }
    results.push({ id: i, result, success: true, external_reference: typeof ref === "string" ? ref : null });
  }
  return success(state.batches.submit(model.id, seed, results, usage));
}
