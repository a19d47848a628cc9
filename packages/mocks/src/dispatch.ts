/**
 * The single behaviour behind both adapters: faults, auth, routing and the responders. Synchronous
 * and free of Request/Response objects, so the emulator can call it straight from node:http.
 */
import { findModel } from "./catalog.js";
import { badIdentifier, failure, methodNotAllowed, noRoute, unauthorized, unknownModel } from "./envelope.js";
import { FaultSyntaxError, terminalFaultResponse, type FaultStep } from "./faults.js";
import { isSse, type MockRequest, type MockResponse } from "./mock-response.js";
import type { MockState } from "./mock-state.js";
import { admit, runModel, unsupportedTools } from "./run-model.js";
import { modelSchema, searchAuthors, searchModels, searchTasks } from "./responders/discovery.js";
import { createFinetune, listFinetunes, listPublicFinetunes, uploadFinetuneAsset } from "./responders/finetunes.js";
import { convertToMarkdown, supportedMarkdownFormats } from "./responders/tomarkdown.js";
import { chatCompletions, embeddings, responses } from "./responders/openai-compat.js";
import { answerDelayMs, eventSchedule, latencyProfile } from "./latency.js";
import { hashSeed } from "./seed.js";
import { decodeBody, validateAgainst } from "./validate.js";

const ACCOUNT_PREFIX = /^\/accounts\/([^/]+)\/ai\/(.*)$/;
/** Cloudflare object identifiers (account ids) are 32 hex digits; anything else is not routed (7003). */
const ACCOUNT_ID = /^[0-9a-f]{32}$/i;

/** The method each fixed route takes; another method on it is 405 / 7001, not 404. */
const ROUTE_METHODS: Record<string, string> = {
  "models/search": "GET",
  "models/schema": "GET",
  "tasks/search": "GET",
  "authors/search": "GET",
  "v1/chat/completions": "POST",
  "v1/embeddings": "POST",
  "v1/responses": "POST",
  tomarkdown: "POST",
  "tomarkdown/supported": "GET",
  finetunes: "GET, POST",
  "finetunes/public": "GET",
};

const BEARER = /^bearer\s+/i;

function authorised(req: MockRequest, state: MockState): boolean {
  const header = req.header("authorization");
  let token: string | undefined;
  const bearer = header ? BEARER.exec(header) : null;
  if (bearer) token = header!.slice(bearer[0].length).trim();
  else if (req.header("x-auth-email") && req.header("x-auth-key")) token = req.header("x-auth-key");
  if (!token) return false;
  return state.tokens ? state.tokens.has(token) : true;
}

/** Answers one request below `/client/v4`. Never throws for bad input. */
export function dispatch(req: MockRequest, state: MockState): MockResponse {
  let step: FaultStep | undefined;
  try {
    step = state.faults.stepFor(req.header("x-emulator-fault"), req.header("x-emulator-fault-key"));
  } catch (error) {
    if (error instanceof FaultSyntaxError) return failure(400, undefined, `Bad x-emulator-fault header: ${error.message}`);
    throw error;
  }
  if (!authorised(req, state)) return unauthorized();
  if (step) {
    const terminal = terminalFaultResponse(step);
    if (terminal) return terminal;
  }
  const routed = route(req, state, step?.name === "json-for-stream");
  const response = state.latency === undefined ? routed : paced(req, routed, state);
  if (!step) return response;
  if (step.name === "stream-cut" && isSse(response.body)) {
    return { ...response, body: { ...response.body, cutAfter: step.arg ?? 3 } };
  }
  if (step.name === "slow-first-byte") {
    return { ...response, transport: { ...response.transport, delayMs: step.arg ?? 1000 } };
  }
  return response;
}

const RUN_MODEL = /^\/accounts\/[^/]+\/ai\/run\/(.+)$/;

/** The model a request names: the run path's slug, or the `model` field of an /ai/v1 body. */
function requestedModel(req: MockRequest): string | undefined {
  const run = RUN_MODEL.exec(req.path);
  if (run) return run[1];
  const match = /"model"\s*:\s*"([^"]+)"/.exec(new TextDecoder().decode(req.body.subarray(0, 4096)));
  return match?.[1];
}

/**
 * `latency` on: streams get a per-event schedule (first token, then the model's rate); a text-generation JSON answer
 * waits as long as generating its tokens would. Errors and other answers stay instant.
 */
function paced(req: MockRequest, response: MockResponse, state: MockState): MockResponse {
  if (response.status !== 200) return response;
  const modelId = requestedModel(req);
  const profile = modelId === undefined ? undefined : latencyProfile(state.latency, modelId);
  if (!profile) return response;
  if (isSse(response.body)) return { ...response, body: { ...response.body, schedule: eventSchedule(profile, response.body.events.length) } };
  const model = findModel(modelId!);
  if (model?.task !== "text-generation") return response;
  const usage = (response.body as { result?: { usage?: { completion_tokens?: number } }; usage?: { completion_tokens?: number } } | null);
  const tokens = usage?.result?.usage?.completion_tokens ?? usage?.usage?.completion_tokens ?? 50;
  return { ...response, transport: { ...response.transport, delayMs: answerDelayMs(profile, tokens) } };
}

function route(req: MockRequest, state: MockState, forceJson: boolean): MockResponse {
  const match = ACCOUNT_PREFIX.exec(req.path);
  if (!match) return noRoute(404);
  if (!ACCOUNT_ID.test(match[1]!)) return badIdentifier(`/client/v4${req.path}`);
  const rest = match[2]!;
  const seed = hashSeed(req.method, req.path, req.body);
  if (rest.startsWith("run/")) {
    // The real front door does not decode %2F in the slug: such a URL matches no route (7000).
    if (/%2f/i.test(rest)) return noRoute(400);
    if (req.method !== "POST") return methodNotAllowed("POST");
    let slug: string;
    try {
      slug = decodeURIComponent(rest.slice(4));
    } catch {
      return noRoute(400);
    }
    return runModel(req, slug, seed, state, forceJson);
  }
  const key = `${req.method} ${rest}`;
  switch (key) {
    case "GET models/search":
      return searchModels(req.query);
    case "GET models/schema":
      return modelSchema(req.query, findModel);
    case "GET tasks/search":
      return searchTasks();
    case "GET authors/search":
      return searchAuthors();
    case "POST v1/chat/completions":
    case "POST v1/embeddings":
    case "POST v1/responses":
      return openAiRoute(req, state, rest, seed, forceJson);
    case "POST tomarkdown":
      return convertToMarkdown(req);
    case "GET tomarkdown/supported":
      return supportedMarkdownFormats();
    case "GET finetunes":
      return listFinetunes(state);
    case "GET finetunes/public":
      return listPublicFinetunes(req.query);
    case "POST finetunes": {
      const decoded = decodeBody(req, false);
      if (decoded.kind === "error") return decoded.response;
      if (decoded.kind !== "json") return noRoute(400);
      const invalid = validateAgainst("FinetuneCreateRequest", decoded.value);
      return invalid ?? createFinetune(state, decoded.value as Record<string, unknown>, (id) => findModel(id) !== undefined);
    }
    default: {
      const asset = /^finetunes\/([^/]+)\/finetune-assets$/.exec(rest);
      if (asset && req.method === "POST") return uploadFinetuneAsset(state, req, decodeURIComponent(asset[1]!));
      if (asset) return methodNotAllowed("POST");
      const allowed = ROUTE_METHODS[rest];
      return allowed ? methodNotAllowed(allowed) : noRoute(404);
    }
  }
}

/**
 * `/ai/v1/responses` is documented as non-streaming (cloudflare-docs PR #32116). A JSON 200 to `stream: true`
 * would read as a stream of zero events in the openai SDK, so the request is refused like any other unsupported
 * input: 400, no code (docs/decisions/0243).
 */
function responsesStreamRefused(): MockResponse {
  return failure(400, undefined, "AiError: Bad input: ResponsesRequest: stream: streaming is not supported on /ai/v1/responses; send stream: false (or omit it)");
}

function openAiRoute(req: MockRequest, state: MockState, rest: string, seed: number, forceJson: boolean): MockResponse {
  const decoded = decodeBody(req, false);
  if (decoded.kind === "error") return decoded.response;
  if (decoded.kind !== "json") return noRoute(400);
  const chat = rest === "v1/chat/completions";
  const responsesApi = rest === "v1/responses";
  const body = decoded.value as Record<string, unknown>;
  if (responsesApi && body !== null && typeof body === "object" && body["stream"] === true) return responsesStreamRefused();
  const invalid = validateAgainst(chat ? "ChatCompletionRequest" : responsesApi ? "ResponsesRequest" : "EmbeddingsRequest", body);
  if (invalid) return invalid;
  const model = findModel(String(body["model"]));
  if (!model) return unknownModel(String(body["model"]));
  const wanted = chat || responsesApi ? "text-generation" : "text-embeddings";
  if (model.task !== wanted) return failure(400, undefined, `AiError: Bad input: ${model.id} is a ${model.taskName} model, not ${chat ? "a chat" : "an embeddings"} model`);
  const unsupported = unsupportedTools(model, body);
  if (unsupported) return unsupported;
  const admitted = admit(model, req, state);
  if ("status" in admitted && typeof admitted.status === "number") return admitted as MockResponse;
  const answer = chat
    ? chatCompletions(model, body as Parameters<typeof chatCompletions>[1], seed, state.pacingMs, forceJson)
    : responsesApi
      ? responses(model, body as Parameters<typeof responses>[1], seed)
      : embeddings(model, body as Parameters<typeof embeddings>[1]);
  return { ...answer, headers: { ...answer.headers, ...(admitted as Record<string, string>) } };
}
