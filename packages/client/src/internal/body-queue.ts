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

/** Yields every chunk that arrives, then ends or throws `mapError(error)`; destroys the body if left early. */
export async function* queuedChunks(body: Readable, mapError: (err: unknown) => Error, watcher?: WaitWatcher): AsyncGenerator<Uint8Array> {
  const queue: Uint8Array[] = [];
  let head = 0;
  let ended = body.readableEnded;
  let failure: unknown = !ended && body.destroyed ? (body.errored ?? new BodyClosedError()) : undefined;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const onData = (chunk: Uint8Array): void => {
    queue.push(chunk);
    if (queue.length - head >= HIGH_WATER) body.pause();
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (err: unknown): void => {
    failure ??= err;
    notify();
  };
  const onClose = (): void => {
    if (!ended) failure ??= body.errored ?? new BodyClosedError();
    notify();
  };
  if (!ended && failure === undefined) {
    body.on("data", onData);
    body.on("end", onEnd);
    body.on("error", onError);
    body.on("close", onClose);
  }
  try {
    for (;;) {
      if (head < queue.length) {
        const chunk = queue[head] as Uint8Array;
        queue[head++] = undefined as unknown as Uint8Array;
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
          if (body.isPaused() && !ended) body.resume();
        }
        yield chunk;
        continue;
      }
      if (ended) return;
      if (failure !== undefined) throw mapError(failure);
      watcher?.waitStarted();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      watcher?.waitEnded();
    }
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
  const queue: Uint8Array[] = [];
  let head = 0;
  let ended = false;
  let failure: unknown;
  let pumping = false;
  let stopped = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const pump = async (): Promise<void> => {
    pumping = true;
    try {
      while (!stopped && queue.length - head < HIGH_WATER) {
        const { done, value } = await reader.read();
        if (done) {
          ended = true;
          break;
        }
        queue.push(value);
        notify();
      }
    } catch (err) {
      failure ??= err;
    }
    pumping = false;
    notify();
  };
  void pump();
  try {
    for (;;) {
      if (head < queue.length) {
        const chunk = queue[head] as Uint8Array;
        queue[head++] = undefined as unknown as Uint8Array;
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
        }
        if (!pumping && !ended && failure === undefined) void pump();
        yield chunk;
        continue;
      }
      if (ended) return;
      if (failure !== undefined) throw mapError(failure);
      if (!pumping) void pump();
      watcher?.waitStarted();
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      watcher?.waitEnded();
    }
  } finally {
    stopped = true;
    if (!ended) reader.cancel().catch(() => undefined);
  }
}
