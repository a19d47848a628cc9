/**
 * Reads a Node Readable (undici's response body) into our own queue. Node's async iterator reads
 * `stream.destroyed ? null : stream.read()`, so when undici destroys the body on a socket error, chunks that had
 * arrived but were not read yet are dropped; with `data` events every chunk lands here first, and the consumer
 * gets all of them before the error.
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
