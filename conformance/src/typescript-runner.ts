/**
 * Makes a scenario's call through @edge-ai/client the way an application would: a client built with the
 * scenario's retry and timeout settings, then `ai.run` (or `ai.chat.completions.create` / `ai.embeddings.create`), consuming streams to the
 * end. The only additions are the emulator's fault headers, sent on every attempt as default headers.
 */
import * as client from "@edge-ai/client";
import { EdgeAI } from "@edge-ai/client";
import type { ErrorKindRow } from "./error-kinds.js";
import { ACCOUNT_ID, API_TOKEN } from "./emulator-session.js";
import { gatewayClientOptions } from "./gateway.js";
import type { ObservedChunk, ObservedError, ObservedResult, Outcome } from "./outcome.js";
import type { ErrorKind, Scenario } from "./scenario.js";

function clientFor(scenario: Scenario, baseUrl: string, faultKey: string): EdgeAI {
  const o = scenario.call.options ?? {};
  const headers: Record<string, string> = { "x-emulator-fault-key": faultKey };
  if (scenario.emulator?.faults) headers["x-emulator-fault"] = scenario.emulator.faults.join(",");
  const retry: Partial<client.RetryPolicy> = {};
  if (o.retryInitialDelayMs !== undefined) retry.initialDelayMs = o.retryInitialDelayMs;
  if (o.retryMaxDelayMs !== undefined) retry.maxDelayMs = o.retryMaxDelayMs;
  return new EdgeAI({
    accountId: ACCOUNT_ID,
    apiToken: API_TOKEN,
    baseUrl,
    defaultHeaders: headers,
    retry,
    ...(o.maxRetries === undefined ? {} : { maxRetries: o.maxRetries }),
    // timeoutMs is the per-attempt limit for the response headers: `timeout` for JSON calls, `firstByte` for streams.
    ...(o.timeoutMs === undefined ? {} : { timeout: o.timeoutMs, streamTimeouts: { firstByte: o.timeoutMs } }),
    logLevel: "off",
    ...gatewayClientOptions(scenario, baseUrl, faultKey),
  });
}

/** The text delta of a chunk: native/normalised chunks carry `response`, OpenAI chunks `choices[0].delta.content`. */
function observeChunk(chunk: unknown): ObservedChunk {
  const c = (chunk ?? {}) as { response?: unknown; tool_calls?: unknown; choices?: Array<{ delta?: { content?: unknown; tool_calls?: unknown } }>; usage?: unknown };
  const delta = c.choices?.[0]?.delta;
  const text = typeof c.response === "string" ? c.response : typeof delta?.content === "string" ? delta.content : "";
  const toolCalls = Array.isArray(c.tool_calls) ? c.tool_calls : delta?.tool_calls;
  return { text, hasUsage: c.usage !== undefined && c.usage !== null, hasToolCalls: Array.isArray(toolCalls) && toolCalls.length > 0 };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

function observeError(error: unknown, expectedKind: ErrorKind | undefined, kinds: Record<ErrorKind, ErrorKindRow>): ObservedError {
  const e = error as { kind?: unknown; code?: unknown; status?: unknown; name?: unknown; message?: unknown };
  const row = expectedKind ? kinds[expectedKind] : undefined;
  const tableClasses = row ? [row.typescript, ...(row.typescriptAlso ?? [])].map((name) => (client as unknown as Record<string, unknown>)[name]) : [];
  return {
    kind: typeof e?.kind === "string" ? e.kind : undefined,
    code: typeof e?.code === "number" ? e.code : undefined,
    status: typeof e?.status === "number" ? e.status : undefined,
    typeName: typeof e?.name === "string" ? e.name : typeof error,
    matchesTableType: tableClasses.some((c) => typeof c === "function" && error instanceof (c as new (...a: never[]) => unknown)),
    message: typeof e?.message === "string" ? e.message : String(error),
  };
}

/** Runs one scenario's call; never throws for client errors (they become the outcome). */
export async function runWithTypeScriptClient(
  scenario: Scenario,
  baseUrl: string,
  faultKey: string,
  kinds: Record<ErrorKind, ErrorKindRow>,
): Promise<Outcome> {
  const { call } = scenario;
  const ai = clientFor(scenario, baseUrl, faultKey);
  const input: Record<string, unknown> = structuredClone(call.input);
  if (call.fill) input[call.fill.key] = "a".repeat(call.fill.length);
  if (call.stream) input["stream"] = true;
  const signal = call.options?.abortAfterMs === undefined ? undefined : AbortSignal.timeout(call.options.abortAfterMs);
  const options = signal ? { signal } : {};
  const chunks: ObservedChunk[] = [];
  try {
    const value: unknown =
      call.operation === "chat-completions"
        ? await ai.chat.completions.create({ ...input, model: call.model } as unknown as client.ChatCompletionCreateParams, options)
        : call.operation === "embeddings"
          ? await ai.embeddings.create({ ...input, model: call.model } as unknown as client.EmbeddingsCreateParams, options)
          : await ai.run(call.model as "@cf/meta/llama-3.1-8b-instruct-fast", input as never, options);
    let result: ObservedResult;
    if (call.stream && isAsyncIterable(value)) {
      for await (const chunk of value) chunks.push(observeChunk(chunk));
      result = { type: "stream", chunks };
    } else if (typeof value === "object" && value !== null && (value as { bytes?: unknown }).bytes instanceof Uint8Array) {
      const binary = value as client.BinaryResult;
      result = { type: "image", mediaType: binary.contentType, bytes: binary.bytes };
    } else {
      // A plain JSON round trip: the runner judges what the client hands the caller, as data.
      result = { type: "json", value: JSON.parse(JSON.stringify(value ?? null)) as unknown };
    }
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: observeError(error, scenario.expect.error?.kind, kinds), chunksBeforeError: chunks.length };
  } finally {
    await ai.close();
  }
}
