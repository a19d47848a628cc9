/**
 * The checks every runtime of the matrix runs against the emulator, written once in plain JavaScript so Node, Deno,
 * Bun and workerd execute the very same file: the README quickstart, streaming (including a cut stream), the error
 * kinds (authentication, retried capacity, unknown model, validation before sending, timeout, abort), token hygiene
 * and an AI Gateway cache hit. `@edge-ai/client` resolves through the package's conditional exports, so each
 * runtime gets the build its condition selects (the edge build everywhere but Node).
 */
import {
  AbortError,
  AuthenticationError,
  EdgeAI,
  StreamError,
  TimeoutError,
  UnknownModelError,
  ValidationError,
} from "@edge-ai/client";

const ACCOUNT = "0123456789abcdef0123456789abcdef";
const TOKEN = "runtime-matrix-token-0123456789";

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function expectError(promise, type, kind) {
  try {
    await promise;
  } catch (error) {
    assert(error instanceof type, `expected ${type.name}, got ${error?.name}: ${error?.message}`);
    assert(error.kind === kind, `expected kind ${kind}, got ${error.kind}`);
    return error;
  }
  throw new Error(`expected ${type.name}, got a result`);
}

/** The names of the checks, in order; the test runner lists one test per name and runtime. */
export const CHECK_NAMES = [
  "quickstart: text, stream, embeddings, image, models, chat",
  "streaming: usage, web stream, cut stream is a StreamError after its chunks",
  "errors: authentication, retried capacity, unknown model, validation before sending",
  "timeouts and cancellation: TimeoutError(total), AbortError",
  "token hygiene: the token is in no error, JSON or string form",
  "AI Gateway: MISS then HIT through the gateway form",
];

/** Runs every check; never throws, each result says ok or what failed. */
export async function runChecks({ baseUrl, gatewayUrl }) {
  const client = (extra = {}) => new EdgeAI({ accountId: ACCOUNT, apiToken: TOKEN, baseUrl, logLevel: "off", ...extra });
  const key = () => `matrix-${Math.random().toString(36).slice(2)}`;
  const checks = {
    async "quickstart: text, stream, embeddings, image, models, chat"() {
      const ai = client();
      const messages = [{ role: "user", content: "Tell me about lighthouses" }];
      const { response, usage } = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", { messages: [{ role: "user", content: "Hi" }] });
      assert(typeof response === "string" && usage.total_tokens > 0, "text generation");
      let streamed = "";
      for await (const chunk of await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: true })) streamed += chunk.response ?? "";
      assert(streamed.length > 0, "stream text");
      const { data, shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
      assert(data.length === 2 && shape[0] === 2, "embeddings");
      const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
      assert(image.contentType === "image/png" && image.bytes[0] === 0x89 && image.bytes[1] === 0x50, "png bytes");
      let models = 0;
      for await (const m of ai.models.search({ task: "Text Generation" })) if (typeof m.name === "string") models++;
      assert(models > 0, "models.search");
      const chat = await ai.chat.completions.create({ model: "@cf/meta/llama-3.1-8b-instruct-fast", messages });
      assert(chat.object === "chat.completion", "chat completion");
      await ai.close();
    },
    async "streaming: usage, web stream, cut stream is a StreamError after its chunks"() {
      const ai = client({ maxRetries: 0 });
      const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "count", stream: true });
      const text = await stream.text();
      assert(text.length > 0 && stream.usage?.total_tokens > 0, "stream usage");
      const web = (await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "web", stream: true })).toReadableStream();
      const reader = web.getReader();
      const first = await reader.read();
      assert(!first.done, "web stream chunk");
      await reader.cancel();
      let chunks = 0;
      const cut = (async () => {
        const s = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "cut", stream: true }, { headers: { "x-emulator-fault": "stream-cut:2", "x-emulator-fault-key": key() } });
        for await (const _ of s) chunks++;
      })();
      const error = await expectError(cut, StreamError, "stream");
      assert(chunks === 2 && error.reason === "truncated", `cut after ${chunks} chunks (${error.reason})`);
      await ai.close();
    },
    async "errors: authentication, retried capacity, unknown model, validation before sending"() {
      const ai = client({ maxRetries: 2, retry: { initialDelayMs: 5, maxDelayMs: 10 } });
      const auth = await expectError(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }, { headers: { "x-emulator-fault": "unauthorized", "x-emulator-fault-key": key() } }), AuthenticationError, "authentication");
      assert(auth.status === 401 && auth.code === 10000, "401 / 10000");
      const retried = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }, { headers: { "x-emulator-fault": "capacity,capacity", "x-emulator-fault-key": key() } });
      assert(typeof retried.response === "string", "capacity retried to success");
      await expectError(ai.run("@cf/nobody/no-such-model", { prompt: "x" }), UnknownModelError, "not_found");
      const invalid = await expectError(ai.run("@cf/baai/bge-base-en-v1.5", { text: 42 }), ValidationError, "validation");
      assert(invalid.issues.length > 0, "validation issues");
      await ai.close();
    },
    async "timeouts and cancellation: TimeoutError(total), AbortError"() {
      const ai = client({ maxRetries: 0, timeout: 200 });
      const timeout = await expectError(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "slow" }, { headers: { "x-emulator-fault": "slow-first-byte:3000", "x-emulator-fault-key": key() } }), TimeoutError, "timeout");
      assert(timeout.phase === "total", `phase ${timeout.phase}`);
      const controller = new AbortController();
      const pending = ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "abort" }, { signal: controller.signal, headers: { "x-emulator-fault": "slow-first-byte:3000", "x-emulator-fault-key": key() } });
      controller.abort();
      await expectError(pending, AbortError, "abort");
      await ai.close();
    },
    async "token hygiene: the token is in no error, JSON or string form"() {
      const ai = client({ maxRetries: 0 });
      const error = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "x" }, { headers: { "x-emulator-fault": "server-error", "x-emulator-fault-key": key() } }).catch((e) => e);
      const seen = [String(error), error.message, error.stack ?? "", JSON.stringify(error), JSON.stringify(ai), String(ai)].join("\n");
      assert(!seen.includes(TOKEN), "token leaked");
      assert(JSON.stringify(ai).includes("[REDACTED]"), "toJSON redacts");
      await ai.close();
    },
    async "AI Gateway: MISS then HIT through the gateway form"() {
      const statuses = [];
      const ai = client({ gateway: { id: "runtime-matrix", baseUrl: gatewayUrl, onResponse: (i) => statuses.push(i.cacheStatus) } });
      const input = { text: [`gateway ${Math.random()}`] };
      const a = await ai.run("@cf/baai/bge-base-en-v1.5", input);
      const b = await ai.run("@cf/baai/bge-base-en-v1.5", input);
      assert(JSON.stringify(a) === JSON.stringify(b), "same answer");
      assert(statuses.join(",") === "MISS,HIT", `statuses ${statuses.join(",")}`);
      await ai.close();
    },
  };
  if (Object.keys(checks).join("\n") !== CHECK_NAMES.join("\n")) throw new Error("CHECK_NAMES is out of date");
  const results = [];
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, detail: `${error?.name}: ${error?.message}` });
    }
  }
  return results;
}
