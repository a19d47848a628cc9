/**
 * Reads a response body into our own queue, so that chunks which arrived before a socket error reach the consumer
 * before the error. A Node Readable (undici's body): Node's async iterator reads
 * `stream.destroyed ? null : stream.read()`, so when undici destroys the body on a socket error, chunks that had
 * arrived but were not read yet are dropped; with `data` events every chunk lands here first. A web
 * ReadableStream (fetch): erroring a stream empties its queue, so a reader that is busy elsewhere loses what was
 * queued; a pump that keeps one read pending takes every chunk out as it arrives.
 */
import type { Readable } from "node:stream";

/** Chunks held before the body is paused (backpressure for a slow consumer). */
const HIGH_WATER = 64;

/** The body closed without `end` and without an error (destroyed by us or by the transport). */
export class BodyClosedError extends Error {
  readonly code = "UND_ERR_SOCKET";
  constructor() {
    super("the response body closed before it ended");
  }
  override get name(): string {
    return "BodyClosedError";
  }
}

/** Told when the reader starts and stops waiting for data (the idle limit runs only while it waits). */
export interface WaitWatcher {
  waitStarted(): void;
  waitEnded(): void;
}

/**
 * The queue both readers share: the transport side pushes chunks, ends or fails it; {@link ChunkQueue.drain}
 * yields what is queued before it reports the end or the failure.
 */
class ChunkQueue {
  private readonly items: Uint8Array[] = [];
  private head = 0;
  private wake: (() => void) | undefined;
  ended = false;
  failure: unknown;

  /** Chunks queued and not yet taken. */
  get size(): number {
    return this.items.length - this.head;
  }

  push(chunk: Uint8Array): void {
    this.items.push(chunk);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  fail(err: unknown): void {
    this.failure ??= err;
    this.notify();
  }

  notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * Yields every queued chunk, then ends or throws `mapError(failure)`. `refill` runs after each chunk taken and
   * before each wait, so the transport side can resume reading.
   */
  async *drain(mapError: (err: unknown) => Error, refill: () => void, watcher?: WaitWatcher): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (this.head < this.items.length) {
        const chunk = this.items[this.head] as Uint8Array;
        this.items[this.head++] = undefined as unknown as Uint8Array;
        if (this.head === this.items.length) {
          this.items.length = 0;
          this.head = 0;
        }
        refill();
        yield chunk;
        continue;
      }
      if (this.ended) return;
      if (this.failure !== undefined) throw mapError(this.failure);
      refill();
      watcher?.waitStarted();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      watcher?.waitEnded();
    }
  }
}

/** Yields every chunk that arrives, then ends or throws `mapError(error)`; destroys the body if left early. */
export async function* queuedChunks(body: Readable, mapError: (err: unknown) => Error, watcher?: WaitWatcher): AsyncGenerator<Uint8Array> {
  const queue = new ChunkQueue();
  queue.ended = body.readableEnded;
  if (!queue.ended && body.destroyed) queue.failure = body.errored ?? new BodyClosedError();
  const onData = (chunk: Uint8Array): void => {
    queue.push(chunk);
    if (queue.size >= HIGH_WATER) body.pause();
  };
  const onEnd = (): void => queue.end();
  const onError = (err: unknown): void => queue.fail(err);
  const onClose = (): void => {
    if (!queue.ended) queue.failure ??= body.errored ?? new BodyClosedError();
    queue.notify();
  };
  if (!queue.ended && queue.failure === undefined) {
    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onError);
    body.on("close", onClose);
  }
  // Resume only once the consumer has taken everything, so a slow consumer holds at most HIGH_WATER chunks.
  const refill = (): void => {
    if (queue.size === 0 && body.isPaused() && !queue.ended) body.resume();
  };
  try {
    yield* queue.drain(mapError, refill, watcher);
  } finally {
    body.off("data", onData);
    body.off("end", onEnd);
    body.off("error", onError);
    body.off("close", onClose);
    // The consumer may stop early (break, cancel); free the socket instead of leaving a half-read body.
    if (!body.readableEnded && !body.destroyed) body.destroy();
  }
}

/**
 * Like {@link queuedChunks}, for a web stream's reader: a pump keeps one read pending (up to HIGH_WATER chunks
 * ahead of the consumer), so a stream errored by a socket cut has nothing left in its own queue to drop.
 * Cancels the reader if left early.
 */
export async function* queuedReads(reader: ReadableStreamDefaultReader<Uint8Array>, mapError: (err: unknown) => Error, watcher?: WaitWatcher): AsyncGenerator<Uint8Array> {
  const queue = new ChunkQueue();
  let pumping = false;
  let stopped = false;
  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (!stopped && queue.size < HIGH_WATER) {
        const { done, value } = await reader.read();
        if (done) {
          queue.ended = true;
          break;
        }
        queue.push(value);
      }
    } catch (err) {
      queue.failure ??= err;
    }
    pumping = false;
    queue.notify();
  };
  const refill = (): void => {
    if (!pumping && !queue.ended && queue.failure === undefined) void pump();
  };
  void pump();
  try {
    yield* queue.drain(mapError, refill, watcher);
  } finally {
    stopped = true;
    if (!queue.ended) reader.cancel().catch(() => undefined);
  }
}
