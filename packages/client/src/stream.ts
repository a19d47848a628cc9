/**
 * The async-iterable stream returned for `stream: true`. It owns the response body: iterating parses SSE,
 * maps each event to a chunk, remembers the last usage, and insists on `data: [DONE]` (a body that just stops
 * is a truncation, reported as StreamError rather than a silently short answer).
 */
import { AbortError, ConnectionError, EdgeAIError, StreamError, TimeoutError } from "./errors.js";
import type { StreamHandle } from "./internal/core.js";
import { createParser } from "eventsource-parser";
import { scrubAndCut } from "./redact.js";

/** Token counts as Workers AI reports them (native and OpenAI shapes share these names). */
export interface StreamUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
  [key: string]: unknown;
}

/** Maps one decoded event to a chunk; returning undefined skips it (keep-alives, empty deltas). */
export type EventMapper<T> = (event: unknown) => T | undefined;

/** Where a stream's bytes come from; `finish` runs exactly once when iteration ends for any reason. */
export interface StreamSource {
  chunks: AsyncIterable<Uint8Array>;
  finish: () => void;
  /** Releases the connection early; `releasedBy` says who did (the reader, or `EdgeAI.close()`). */
  handle?: StreamHandle | undefined;
}

/**
 * An SSE response as an async iterable of typed chunks.
 * A stream holds its connection until it is read to the end, `cancel()`led (also `await using`), or the client
 * is closed.
 * @example
 * const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages, stream: true });
 * for await (const chunk of stream) process.stdout.write(chunk.response ?? "");
 * console.log(stream.usage);
 */
export class EdgeAIStream<T> implements AsyncIterable<T> {
  /** The last `usage` object seen in the stream (Workers AI repeats it cumulatively). */
  usage: StreamUsage | undefined = undefined;
  /** The last `finish_reason` seen, if the model sent one. */
  finishReason: string | undefined = undefined;
  private started = false;
  private cancelled = false;

  constructor(
    private readonly source: StreamSource | (() => AsyncIterable<unknown>),
    private readonly mapEvent: EventMapper<T>,
    /** Removes the token from server text kept in error messages. */
    private readonly scrub: (text: string) => string = (t) => t,
  ) {}

  /** Builds a one-chunk stream from an already decoded JSON answer (models that ignore `stream: true`). */
  static fromValues<T>(values: unknown[], mapEvent: EventMapper<T>, scrub?: (text: string) => string): EdgeAIStream<T> {
    return new EdgeAIStream<T>(
      async function* () {
        yield* values;
      },
      mapEvent,
      scrub,
    );
  }

  /**
   * Releases the connection without reading the rest; iterating afterwards ends at once. Safe to call at any
   * time, also while a loop is reading (that loop then ends quietly) or after the end.
   */
  async cancel(): Promise<void> {
    if (typeof this.source === "function") return;
    this.cancelled = true;
    if (this.source.handle) await this.source.handle.release("cancel");
    else this.source.finish();
  }

  /** `await using stream = await ai.run(...)` releases the connection when the block ends. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.cancel();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.started) throw new EdgeAIError("stream", "A stream can only be iterated once");
    this.started = true;
    return this.iterate();
  }

  private async *iterate(): AsyncGenerator<T> {
    if (typeof this.source === "function") {
      for await (const event of this.source()) {
        const chunk = this.observe(event);
        if (chunk !== undefined) yield chunk;
      }
      return;
    }
    const { chunks, finish, handle } = this.source;
    if (this.cancelled || handle?.releasedBy !== undefined) {
      finish();
      if (handle?.releasedBy === "close") throw new AbortError({ cause: new Error("the client was closed") });
      return;
    }
    const ready: unknown[] = [];
    let done = false;
    let ending = false;
    let failure: unknown;
    // eventsource-parser, not our SSEParser: the streams read only `data`, and ours was no faster (decision 0341).
    const decoder = new TextDecoder();
    const parser = createParser({
      onEvent: ({ data }) => {
        if (done || failure !== undefined) return;
        if (data === "[DONE]") {
          done = true;
          return;
        }
        // At the end of the body only a final `data: [DONE]` whose blank line never came counts; anything else
        // left unterminated is a truncated answer, not an event.
        if (ending) return;
        try {
          ready.push(JSON.parse(data));
        } catch (cause) {
          failure = new StreamError("malformed", `Stream event is not JSON: ${scrubAndCut(data, this.scrub, 80)}`);
        }
      },
    });
    try {
      for await (const bytes of chunks) {
        parser.feed(decoder.decode(bytes, { stream: true }));
        for (let i = 0; i < ready.length; i++) {
          const chunk = this.observe(ready[i]);
          if (chunk !== undefined) yield chunk;
        }
        ready.length = 0;
        if (failure !== undefined) throw failure;
        if (done) return;
      }
      ending = true;
      // Ends the last line and the last event, so that the one exception above can be dispatched.
      parser.feed(`${decoder.decode()}\n\n`);
      for (const event of ready) {
        const chunk = this.observe(event);
        if (chunk !== undefined) yield chunk;
      }
      if (failure !== undefined) throw failure;
      if (!done) throw new StreamError("truncated", "The stream ended without data: [DONE]; the answer is incomplete");
    } catch (err) {
      // Released on purpose: by the reader (end quietly) or by EdgeAI.close() (the reader did not ask for it).
      if (handle?.releasedBy === "close") throw new AbortError({ cause: new Error("the client was closed") });
      if (this.cancelled || handle?.releasedBy === "cancel") return;
      // A socket closed mid-stream is a truncated answer, not a connection problem the caller could retry blindly.
      if (err instanceof ConnectionError) throw new StreamError("truncated", `The connection closed mid-stream: ${err.message}`, { cause: err });
      // Part of the answer was already handed out: replaying the request is the caller's call, not a retry.
      if (err instanceof TimeoutError && err.retryable) throw new TimeoutError(err.phase, err.timeoutMs, { cause: err.cause, retryable: false });
      throw err;
    } finally {
      finish();
    }
  }

  private observe(event: unknown): T | undefined {
    if (typeof event === "object" && event !== null) {
      const e = event as Record<string, unknown>;
      if (e.usage !== undefined && e.usage !== null) this.usage = e.usage as StreamUsage;
      const fr = e.finish_reason ?? (e.choices as { finish_reason?: unknown }[] | undefined)?.[0]?.finish_reason;
      if (typeof fr === "string") this.finishReason = fr;
      throwIfErrorEvent(e, this.scrub);
    }
    return this.mapEvent(event);
  }

  /** Reads the whole stream and joins the text of every chunk (`response` deltas). */
  async text(): Promise<string> {
    let out = "";
    for await (const chunk of this) {
      const c = chunk as { response?: unknown; choices?: { delta?: { content?: unknown } }[] };
      const piece = typeof c.response === "string" ? c.response : c.choices?.[0]?.delta?.content;
      if (typeof piece === "string") out += piece;
    }
    return out;
  }

  /** A web ReadableStream of the same chunks, for frameworks that take one (Response bodies, pipes). */
  toReadableStream(): ReadableStream<T> {
    const iterator = this[Symbol.asyncIterator]();
    return new ReadableStream<T>({
      async pull(controller) {
        try {
          const { done, value } = await iterator.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    });
  }
}

/** An error object sent as an event after the stream started (`{errors:[...]}` or `{error: ...}`). */
function throwIfErrorEvent(e: Record<string, unknown>, scrub: (text: string) => string): void {
  const errors = e.errors;
  const hasErrors = Array.isArray(errors) && errors.length > 0 && e.success === false;
  if (!hasErrors && (e.error === undefined || e.error === null)) return;
  const first = hasErrors ? (errors[0] as { message?: unknown }) : e.error;
  const msg = typeof first === "string" ? first : typeof (first as { message?: unknown })?.message === "string" ? (first as { message: string }).message : JSON.stringify(first);
  throw new StreamError("upstream", `The server reported an error mid-stream: ${scrubAndCut(String(msg), scrub, 2048)}`);
}
