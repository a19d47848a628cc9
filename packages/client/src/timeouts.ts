/**
 * Time limits per attempt. Three limits exist because one total timeout either kills long healthy streams or
 * waits forever on a stalled one (openai-node#419): `total` bounds a non-streaming call, `firstByte` bounds the
 * wait for response headers of a stream, `idle` bounds the gap between stream chunks. On the undici transport
 * all three become undici's own per-request `headersTimeout`/`bodyTimeout` (a non-streaming call uses `total`
 * for both: time to headers, then any gap while reading the body), so undici's silent 300 s defaults never
 * apply (openai-node#2153) and no JS timer runs per request. undici checks them on a ~1 s clock. The fetch
 * transport has no such knobs and runs JS timers instead.
 */
import { AbortError, TimeoutError, type TimeoutPhase } from "./errors.js";

/** Resolved limits in ms; 0 disables a limit. */
export interface TimeoutSettings {
  total: number;
  firstByte: number;
  idle: number;
}

/** 2 min per non-streaming attempt; streams: 60 s to the first byte, 30 s between chunks. */
export const defaultTimeouts: Readonly<TimeoutSettings> = Object.freeze({ total: 120_000, firstByte: 60_000, idle: 30_000 });

/** What undici should enforce for this request (0 = off): headers wait, and gap between body chunks. */
export function undiciTimeouts(t: TimeoutSettings, streaming: boolean): { headersTimeout: number; bodyTimeout: number } {
  return streaming ? { headersTimeout: t.firstByte, bodyTimeout: t.idle } : { headersTimeout: t.total, bodyTimeout: t.total };
}

/**
 * One attempt's cancellation: combines the caller's signal with the total timeout into one AbortSignal, and
 * remembers which of them fired so the error is an AbortError or a TimeoutError, never a bare DOMException.
 * Allocates nothing when there is neither a caller signal nor a timeout.
 */
export class AttemptSignal {
  readonly signal: AbortSignal | undefined;
  private readonly controller: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly user: AbortSignal | undefined;
  private readonly onUserAbort: (() => void) | undefined;

  /**
   * `totalMs` > 0 arms a JS timer for the whole attempt; `needTimers` forces a controller for transports that
   * arm timers later (fetch). Without either, the caller's signal is passed through untouched: undici enforces
   * the limits itself, and an AbortController plus timer per request cost about a fifth of the throughput.
   */
  constructor(user: AbortSignal | undefined, totalMs: number, needTimers = false) {
    this.user = user;
    if (totalMs <= 0 && !needTimers) {
      this.signal = user;
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

  /**
   * (Re)starts the timer that aborts with a TimeoutError for `phase`; the fetch transport uses it for the
   * first-byte and idle limits. The error is only built when the timer fires (no per-chunk allocation).
   */
  arm(phase: TimeoutPhase, ms: number): void {
    if (!this.controller || ms <= 0) return;
    if (this.timer) clearTimeout(this.timer);
    const controller = this.controller;
    this.timer = setTimeout(() => controller.abort(new TimeoutError(phase, ms)), ms);
    // A pending timer must not keep a CLI process alive after the caller stopped caring.
    this.timer.unref?.();
  }

  /** Stops the timer, e.g. once a stream has started and only the idle limit should apply. */
  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The typed error to throw if this attempt's signal fired, otherwise undefined. */
  abortedError(): AbortError | TimeoutError | undefined {
    if (this.user?.aborted) return new AbortError({ cause: this.user.reason });
    const reason: unknown = this.signal?.aborted ? this.signal.reason : undefined;
    return reason instanceof TimeoutError || reason instanceof AbortError ? reason : undefined;
  }

  /** Releases the timer and the listener on the caller's signal. */
  dispose(): void {
    this.disarm();
    if (this.onUserAbort) this.user?.removeEventListener("abort", this.onUserAbort);
  }
}
