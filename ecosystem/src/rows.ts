/**
 * The compatibility matrix: one row per thing a client's users do. Each test file implements exactly the rows of
 * its client (checked by `implementRows`), and `scripts/works-with-table.ts` renders this list into the root README,
 * so the table cannot claim a row that is not run.
 */

/** A third-party client, named as its package (or tool) is. */
export type ClientName =
  | "openai"
  | "@langchain/openai"
  | "@langchain/cloudflare"
  | "workers-ai-provider + ai"
  | "@ai-sdk/openai-compatible + ai"
  | "cloudflare"
  | "curl";

/** What happens, against the emulator and against Cloudflare alike. */
export type Outcome = "works" | "fails as on Cloudflare";

/** One check of the suite. */
export interface Row {
  /** Stable id, `<client-key>.<feature-key>`. */
  id: string;
  client: ClientName;
  /** What the user does, in their words. */
  feature: string;
  outcome: Outcome;
  /** For a failure: how it fails and where that behaviour of the real API is recorded. */
  note?: string;
}

const works = (id: string, client: ClientName, feature: string, note?: string): Row => ({ id, client, feature, outcome: "works", ...(note ? { note } : {}) });
const fails = (id: string, client: ClientName, feature: string, note: string): Row => ({ id, client, feature, outcome: "fails as on Cloudflare", note });

/** Every row, in table order. */
export const rows: readonly Row[] = [
  works("openai.chat", "openai", "chat.completions.create"),
  works("openai.stream", "openai", "streaming chat (stream: true, include_usage)"),
  works("openai.tools", "openai", "tool calls, then the tool result turn"),
  works("openai.structured", "openai", "structured output (response_format json_schema)"),
  fails("openai.structured-nameless", "openai", "json_schema without `name`", "400 BadRequestError; the real /ai/v1 requires `name` (docs/decisions/0244)"),
  works("openai.embeddings", "openai", "embeddings.create (SDK default base64)"),
  works("openai.responses", "openai", "responses.create on gpt-oss"),
  fails("openai.responses-stream", "openai", "responses.create with stream: true", "400 BadRequestError; /ai/v1/responses is non-streaming (cloudflare-docs PR #32116, docs/decisions/0243)"),
  fails("openai.null-content", "openai", "assistant turn with `content: null` (after tool calls)", "400 BadRequestError; Workers AI requires a string or parts (issue 14 run, workers-ai-api.md §2.1)"),
  works("openai.auth-error", "openai", "wrong token -> AuthenticationError (401)"),
  works("openai.retry-429", "openai", "429 with Retry-After, retried by the SDK"),
  works("langchain-openai.chat", "@langchain/openai", "ChatOpenAI.invoke"),
  works("langchain-openai.stream", "@langchain/openai", "ChatOpenAI.stream"),
  works("langchain-openai.tools", "@langchain/openai", "bindTools -> tool_calls"),
  works("langchain-openai.structured", "@langchain/openai", "withStructuredOutput(zod)"),
  works("langchain-openai.embeddings", "@langchain/openai", "OpenAIEmbeddings.embedDocuments"),
  works("langchain-cloudflare.chat", "@langchain/cloudflare", "ChatCloudflareWorkersAI.invoke"),
  works("langchain-cloudflare.stream", "@langchain/cloudflare", "ChatCloudflareWorkersAI.stream"),
  works("langchain-cloudflare.llm", "@langchain/cloudflare", "CloudflareWorkersAI (completion LLM)"),
  works("langchain-cloudflare.auth-error", "@langchain/cloudflare", "wrong token -> error naming status 401"),
  works("wap.generate", "workers-ai-provider + ai", "generateText"),
  works("wap.stream", "workers-ai-provider + ai", "streamText"),
  works("wap.tools", "workers-ai-provider + ai", "tools with execute (multi-step)"),
  fails("wap.tools-undescribed", "workers-ai-provider + ai", "tool parameter without `.describe()`", "400 Bad input: Cloudflare's schema requires `description` on every tool parameter (openapi/upstream/models/cf/meta/llama-3.3-70b-instruct-fp8-fast.json, docs/decisions/0201)"),
  works("wap.structured", "workers-ai-provider + ai", "generateObject (bare JSON schema on /ai/run, a model with `response_format`)"),
  works("wap.embeddings", "workers-ai-provider + ai", "embedMany"),
  works("wap.image", "workers-ai-provider + ai", "generateImage (flux-1-schnell, base64 JSON)"),
  works("wap.transcription", "workers-ai-provider + ai", "transcribe (whisper, JSON audio bytes)"),
  works("wap.retry-429", "workers-ai-provider + ai", "429 retried by the AI SDK"),
  works("compat.generate", "@ai-sdk/openai-compatible + ai", "generateText on /ai/v1"),
  works("compat.stream", "@ai-sdk/openai-compatible + ai", "streamText on /ai/v1"),
  works("compat.tools", "@ai-sdk/openai-compatible + ai", "tool calls (one step)"),
  fails("compat.tools-loop", "@ai-sdk/openai-compatible + ai", "tools with execute (multi-step)", "400: the provider sends the assistant turn as `content: null`, which Workers AI refuses (issue 14 run)"),
  works("compat.structured", "@ai-sdk/openai-compatible + ai", "generateObject (json_schema with name)"),
  works("compat.embeddings", "@ai-sdk/openai-compatible + ai", "embedMany on /ai/v1/embeddings"),
  works("cloudflare.models", "cloudflare", "ai.models.list (auto-paging)"),
  fails("cloudflare.run", "cloudflare", "ai.run as shipped", "400 / 7000: the SDK percent-encodes the slug's slashes (workers-ai-api.md §9 item 4, docs/decisions/0032)"),
  works("cloudflare.auth-error", "cloudflare", "wrong token -> AuthenticationError (401 / 10000)"),
  works("cloudflare.retry-429", "cloudflare", "429 retried by the SDK"),
  works("curl.chat", "curl", "`-d '{\"prompt\":…}'` (no Content-Type, as in the docs)"),
  works("curl.stream", "curl", "`\"stream\": true` -> SSE ending in `data: [DONE]`"),
  works("curl.whisper", "curl", "whisper `--data-binary \"@file.mp3\"` (docs/decisions/0242)"),
  works("curl.resnet", "curl", "resnet-50 `--data-binary \"@image.png\"`"),
  works("curl.image", "curl", "SDXL `-o out.png` (raw PNG bytes)"),
  works("curl.speech", "curl", "melotts `{\"prompt\":…}` -> base64 MP3 in `result.audio`"),
  fails("curl.token-as-account", "curl", "token pasted into the account slot", "400 / 7003 \"Could not route to …\" (docs/decisions/0240)"),
  fails("curl.get-on-run", "curl", "GET on a run URL (forgot `-d`)", "405 / 7001 (docs/decisions/0241)"),
];

/** The rows of one client, in table order. */
export function rowsOf(client: ClientName): Row[] {
  return rows.filter((r) => r.client === client);
}
