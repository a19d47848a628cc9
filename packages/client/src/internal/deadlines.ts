/**
 * Whole-attempt time limits without a timer per request. A non-streaming call is the hot path (thousands per
 * second): one AbortController, one setTimeout/clearTimeout and undici's listener on a real AbortSignal cost
 * measurably more than the request's own work. Instead, one shared 10 ms ticker checks the deadlines of the
 * attempts in flight, and the attempt hands undici a minimal signal object (undici only needs `aborted`,
 * `reason` and add/removeEventListener). 10 ms granularity keeps every limit well within 100 ms of its value.
 */

/** How often deadlines are checked. */
export const TICK_MS = 10;

/** One registered deadline; `fire` runs at most once, on the first tick at or after `at`. */
export interface Deadline {
  at: number;
  fire: () => void;
}

const pending = new Set<Deadline>();
let ticker: NodeJS.Timeout | undefined;

function tick(): void {
  const now = performance.now();
  for (const d of pending) {
    if (d.at <= now) {
      pending.delete(d);
      d.fire();
    }
  }
  if (pending.size === 0 && ticker !== undefined) {
    clearInterval(ticker);
    ticker = undefined;
  }
}

/** Registers `fire` to run once `ms` have passed; returns the handle to cancel with {@link cancelDeadline}. */
export function addDeadline(ms: number, fire: () => void): Deadline {
  const d: Deadline = { at: performance.now() + ms, fire };
  pending.add(d);
  if (ticker === undefined) {
    ticker = setInterval(tick, TICK_MS);
    // Pending deadlines must not keep a CLI process alive after the caller stopped caring.
    ticker.unref?.();
  }
  return d;
}

/** Forgets a deadline (the attempt finished first). */
export function cancelDeadline(d: Deadline): void {
  pending.delete(d);
}

type Listener = () => void;

/**
 * The smallest object undici's `request({ signal })` accepts: it reads `aborted` and `reason` and adds one
 * `abort` listener. Cheaper than an AbortController for the common case where nothing ever aborts.
 */
export class LightSignal {
  aborted = false;
  reason: unknown = undefined;
  #listeners: Listener[] | undefined;

  addEventListener(_type: "abort", listener: Listener): void {
    (this.#listeners ??= []).push(listener);
  }

  removeEventListener(_type: "abort", listener: Listener): void {
    const list = this.#listeners;
    if (!list) return;
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
  }

  /** Marks the signal aborted with `reason` and calls the listeners once. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const list = this.#listeners;
    this.#listeners = undefined;
    if (list) for (const l of list) l();
  }
}
