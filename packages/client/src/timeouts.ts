/**
 * Time limits per attempt. Three limits exist because one total timeout either kills long healthy streams or
 * waits forever on a stalled one (openai-node#419): `total` bounds a whole non-streaming attempt (headers and
 * body), `firstByte` bounds the wait for a stream's response headers, `idle` bounds how long the reader waits for
 * the next chunk. All three run on the client's own timers on both transports: undici checks its
 * headersTimeout/bodyTimeout on a ~1 s clock, so a 300 ms limit fired after up to a second. undici's knobs stay
 * set a second above each limit as a backstop, so its silent 300 s defaults never apply (openai-node#2153).
 * The idle limit is armed each time the reader has to wait (the queue of received chunks is empty), which is
 * once per network read, not once per event.
 */
import { AbortError, TimeoutError, type TimeoutPhase } from "./errors.js";
import { addDeadline, cancelDeadline, type Deadline, LightSignal } from "./internal/deadlines.js";

/** Resolved limits in ms; 0 disables a limit. */
export interface TimeoutSettings {
  total: number;
  firstByte: number;
  idle: number;
}

/** 2 min per non-streaming attempt; streams: 60 s to the first byte, 30 s between chunks. */
export const defaultTimeouts: Readonly<TimeoutSettings> = Object.freeze({ total: 120_000, firstByte: 60_000, idle: 30_000 });

/** What undici should enforce for this request (0 = off): a backstop one second above the client's own timers. */
export function undiciTimeouts(t: TimeoutSettings, streaming: boolean): { headersTimeout: number; bodyTimeout: number } {
  const backstop = (ms: number) => (ms > 0 ? ms + 1000 : 0);
  return streaming ? { headersTimeout: backstop(t.firstByte), bodyTimeout: backstop(t.idle) } : { headersTimeout: backstop(t.total), bodyTimeout: backstop(t.total) };
}

/**
 * One attempt's cancellation: combines the caller's signal with the time limits into one AbortSignal, and
 * remembers which of them fired so the error is an AbortError or a TimeoutError, never a bare DOMException.
 * Allocates nothing when there is neither a caller signal nor a limit.
 */
export class AttemptSignal {
  /** What the transport passes on: the caller's signal, an AbortSignal, or (undici, non-streaming) a LightSignal. */
  readonly signal: AbortSignal | LightSignal | undefined;
  private readonly controller: AbortController | undefined;
  private deadline: Deadline | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly user: AbortSignal | undefined;
  private readonly onUserAbort: (() => void) | undefined;
  private idleMs = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  /**
   * `totalMs` > 0 arms the whole-attempt limit; `needTimers` makes a controller for limits armed later (streams);
   * `light` (undici, non-streaming) uses a LightSignal and the shared deadline ticker instead of a controller and a
   * timer of its own, because fetch needs a real AbortSignal but undici does not.
   */
  constructor(user: AbortSignal | undefined, totalMs: number, needTimers = false, light = false) {
    this.user = user;
    if (totalMs <= 0 && !needTimers) {
      this.signal = user;
      return;
    }
    if (light && !needTimers) {
      const signal = new LightSignal();
      this.signal = signal;
      if (user) {
        if (user.aborted) signal.abort(new AbortError({ cause: user.reason }));
        else {
          this.onUserAbort = () => signal.abort(new AbortError({ cause: user.reason }));
          user.addEventListener("abort", this.onUserAbort, { once: true });
        }
      }
      this.deadline = addDeadline(totalMs, () => signal.abort(new TimeoutError("total", totalMs)));
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.signal = controller.signal;
    if (user) {
      if (user.aborted) controller.abort(new AbortError({ cause: user.reason }));
      else {
        this.onUserAbort = () => controller.abort(new AbortError({ cause: user.reason }));
        user.addEventListener("abort", this.onUserAbort, { once: true });
      }
    }
    if (totalMs > 0) this.arm("total", totalMs);
  }

  /** (Re)starts the timer that aborts with a TimeoutError for `phase` (total, or a stream's first byte). */
  arm(phase: TimeoutPhase, ms: number): void {
    if (!this.controller || ms <= 0) return;
    if (this.timer) clearTimeout(this.timer);
    const controller = this.controller;
    this.timer = setTimeout(() => controller.abort(new TimeoutError(phase, ms)), ms);
    // A pending timer must not keep a CLI process alive after the caller stopped caring.
    this.timer.unref?.();
  }

  /** Stops the total/first-byte timer, e.g. once a stream's headers arrived. */
  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Sets the idle limit for the reads that follow (0 = none). */
  watchIdle(ms: number): void {
    this.idleMs = this.controller ? ms : 0;
  }

  /** The reader starts waiting for a chunk: the idle limit counts from here. */
  waitStarted(): void {
    if (this.idleMs <= 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const { controller, idleMs } = this;
    this.idleTimer = setTimeout(() => controller?.abort(new TimeoutError("idle", idleMs)), idleMs);
    this.idleTimer.unref?.();
  }

  /** A chunk arrived (or the reader stopped waiting). */
  waitEnded(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** The typed error to throw if this attempt's signal fired, otherwise undefined. */
  abortedError(): AbortError | TimeoutError | undefined {
    if (this.user?.aborted) return new AbortError({ cause: this.user.reason });
    const reason: unknown = this.signal?.aborted ? this.signal.reason : undefined;
    return reason instanceof TimeoutError || reason instanceof AbortError ? reason : undefined;
  }

  /** Releases the timers and the listener on the caller's signal. */
  dispose(): void {
    if (this.deadline) cancelDeadline(this.deadline);
    this.deadline = undefined;
    this.disarm();
    this.waitEnded();
    if (this.onUserAbort) this.user?.removeEventListener("abort", this.onUserAbort);
  }
}
