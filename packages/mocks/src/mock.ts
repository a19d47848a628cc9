/**
 * A programmable mock of the API: the contract's normal answers (the shared dispatch) plus overrides registered per
 * model id, typed with that model's own input and output from the catalog. Adapters (undici interception, msw, the
 * emulator) only translate requests into `handle()`.
 */
import type { ModelId, ModelMap } from "@edge-ai/contract";
import { isAnswer, ok } from "./answers.js";
import { dispatch } from "./dispatch.js";
import type { MockRequest, MockResponse } from "./mock-response.js";
import { MockState, type MockOptions } from "./mock-state.js";

type Awaitable<T> = T | Promise<T>;

/** The input a model's override receives: its contract input type (raw bytes for binary uploads). */
export type ModelInput<M extends ModelId> = ModelMap[M]["input"];
/** What an override may return for a model: its result type (wrapped in the success envelope), or a helper answer. */
export type ModelResult<M extends ModelId> = ModelMap[M]["output"] | Uint8Array | MockResponse;

/** An override for one model. */
export type RunResolver<M extends ModelId> = (input: ModelInput<M>, request: MockRequest) => Awaitable<ModelResult<M>>;
/** An override for any request below `/client/v4`; `undefined` falls through to the next override or the default. */
export type RequestResolver = (request: MockRequest) => Awaitable<MockResponse | undefined>;

/** One request the mock answered, for assertions. */
export interface MockCall {
  method: string;
  /** Path below `/client/v4`. */
  path: string;
  /** The model id for `/ai/run` calls. */
  model: string | undefined;
  /** Parsed JSON body, raw bytes, or undefined for GET. */
  body: unknown;
  status: number;
}

interface Override {
  resolve: RequestResolver;
  once: boolean;
}

const RUN_PATH = /^\/accounts\/[^/]+\/ai\/run\/(.+)$/;

function parseBody(req: MockRequest): unknown {
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(req.body));
  } catch {
    return req.body;
  }
}

function modelOf(path: string): string | undefined {
  const m = RUN_PATH.exec(path);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}

/** A plain `{response}` answered to a `stream: true` request becomes the stream the real API would send. */
function asStream(result: Record<string, unknown>): MockResponse {
  const text = String(result["response"] ?? "");
  const pieces = text.match(/\S+\s*|\s+/g) ?? [text];
  const events = pieces.map((p) => JSON.stringify({ response: p }));
  if (result["usage"]) events.push(JSON.stringify({ response: "", usage: result["usage"] }));
  return { status: 200, headers: { "content-type": "text/event-stream", "cache-control": "no-cache" }, body: { kind: "sse", events } };
}

function toResponse(result: unknown, body: unknown, model: string): MockResponse {
  if (isAnswer(result)) return result;
  if (result instanceof Uint8Array) {
    return { status: 200, headers: { "content-type": /aura|melotts|speech/i.test(model) ? "audio/mpeg" : "image/png" }, body: result };
  }
  const wantsStream = typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true;
  if (wantsStream && typeof result === "object" && result !== null && typeof (result as { response?: unknown }).response === "string") {
    return asStream(result as Record<string, unknown>);
  }
  return ok(result);
}

/** Behaviour of a {@link Mock}: the options of the shared state (tokens, rate limits, faults, pacing). */
export type CreateMockOptions = MockOptions;

/**
 * The contract's answers plus your overrides. Overrides registered later win; `once` ones are used up by one call.
 * Requests an override answers still pass authentication and input validation first, so an invalid request fails
 * as it would against Cloudflare.
 */
export class Mock {
  #overrides: Override[] = [];
  #options: CreateMockOptions;
  /** State behind the default answers (fault counters, rate limits, batches). */
  state: MockState;
  /** Every request answered since the last {@link reset}, oldest first. */
  readonly calls: MockCall[] = [];

  constructor(options: CreateMockOptions = {}) {
    this.#options = { rateLimits: false, ...options };
    this.state = new MockState(this.#options);
  }

  /**
   * Answers `/ai/run/<model>` with your resolver, typed by the model id.
   * @example mock.run("@cf/meta/llama-3.1-8b-instruct-fast", (input) => ({ response: `echo: ${input.prompt ?? ""}` }));
   */
  run<M extends ModelId>(model: M, resolver: RunResolver<M>, options: { once?: boolean } = {}): this {
    this.#overrides.unshift({
      once: options.once ?? false,
      resolve: async (req) => {
        if (modelOf(req.path) !== model) return undefined;
        const normal = dispatch(req, this.state);
        if (normal.status !== 200) return normal; // auth, validation, rate limits and faults still apply
        const body = parseBody(req);
        return toResponse(await resolver(body as ModelInput<M>, req), body, model);
      },
    });
    return this;
  }

  /**
   * Answers any request your resolver returns something for (`undefined` passes it on).
   * @example mock.use((req) => (req.path.endsWith("/models/search") ? error(500, 7000, "down") : undefined));
   */
  use(resolver: RequestResolver, options: { once?: boolean } = {}): this {
    this.#overrides.unshift({ resolve: resolver, once: options.once ?? false });
    return this;
  }

  /** Drops every override, the recorded calls and the state (fault counters, batches). */
  reset(): void {
    this.#overrides = [];
    this.calls.length = 0;
    this.state = new MockState(this.#options);
  }

  /** The answer to one request: the newest matching override, else the contract's default answer. */
  async handle(req: MockRequest): Promise<MockResponse> {
    let response: MockResponse | undefined;
    for (const override of [...this.#overrides]) {
      response = await override.resolve(req);
      if (response === undefined) continue;
      if (override.once) this.#overrides.splice(this.#overrides.indexOf(override), 1);
      break;
    }
    response ??= dispatch(req, this.state);
    this.calls.push({ method: req.method, path: req.path, model: modelOf(req.path), body: parseBody(req), status: response.status });
    return response;
  }
}

/**
 * A fresh mock with its own overrides and state.
 * @example
 * const mock = createMock();
 * mock.run("@cf/baai/bge-base-en-v1.5", (input) => ({ shape: [1, 3], data: [[0.1, 0.2, 0.3]] }));
 */
export function createMock(options: CreateMockOptions = {}): Mock {
  return new Mock(options);
}

const DEFAULT = Symbol.for("@edge-ai/mocks.default-mock");

/**
 * The process-wide mock that `@edge-ai/mocks/vitest` installs; shared across the package's entry points (ESM and
 * CJS builds alike), so the instance a test configures is the one that answers.
 */
export function defaultMock(): Mock {
  const holder = globalThis as { [DEFAULT]?: Mock };
  return (holder[DEFAULT] ??= new Mock());
}
