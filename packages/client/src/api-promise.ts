/**
 * The promise every API call returns: await it for the data, or call `.withResponse()` for the data together
 * with the HTTP answer's facts (status, headers, `cf-ray` request id, parsed `Ratelimit`), as openai-node does.
 */
import type { RateLimitInfo } from "./api-errors.js";

/** The HTTP answer behind a result. */
export interface ResponseInfo {
  status: number;
  /** Response headers, lower-cased. */
  headers: Record<string, string>;
  /** The `cf-ray` header, which Cloudflare support asks for. */
  requestId: string | undefined;
  /** The parsed `Ratelimit` / `Ratelimit-Policy` headers, when the answer had them. */
  rateLimit: RateLimitInfo | undefined;
}

/** What `.withResponse()` resolves to. */
export interface WithResponse<T> {
  data: T;
  response: ResponseInfo;
}

/**
 * A Promise of the call's data with `.withResponse()`.
 * @example
 * const { data, response } = await ai.run(model, { prompt: "Hi" }).withResponse();
 * console.log(response.requestId, response.rateLimit?.remaining);
 */
export class APIPromise<T> extends Promise<T> {
  readonly #data: Promise<T>;
  readonly #response: () => ResponseInfo;

  /** Built by the client: `data` settles like the call; `response` describes its answer once `data` has settled. */
  constructor(data: Promise<T>, response: () => ResponseInfo) {
    super((resolve) => resolve(undefined as T));
    this.#data = data;
    this.#response = response;
  }

  // `then` on this class returns a plain Promise, not another APIPromise.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** Resolves with `{ data, response }`; rejects like the call itself. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#data.then((data) => ({ data, response: this.#response() }));
  }

  #value(): Promise<T> {
    return this.#data;
  }

  override then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#value().then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#value().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#value().finally(onfinally);
  }
}
