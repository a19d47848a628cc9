/**
 * Tracks timers created while it is on, including unref'd ones that `process.getActiveResourcesInfo()` does not
 * list: a pending unref'd timer still holds its closure (a request, a response) until it fires, so "no leaked
 * timers" needs both views. Uses an async_hooks init/destroy hook, so it costs a little per async resource: on only
 * for the duration of a soak.
 */
import { createHook } from "node:async_hooks";

/** A running tracker. */
export interface TimerTracker {
  /** Timers created since `start` that have neither fired nor been cleared, by creation stack's first frame. */
  pending(): string[];
  stop(): void;
}

/** Starts tracking `Timeout` resources created from now on. */
export function trackTimers(): TimerTracker {
  const live = new Map<number, string>();
  const hook = createHook({
    init(id, type) {
      if (type !== "Timeout") return;
      // The first stack frame outside node internals says who created it (only built for timers).
      const frame = new Error().stack?.split("\n").slice(2).find((l) => !l.includes("node:") && !l.includes("/timer-tracker.ts")) ?? "unknown";
      live.set(id, frame.trim());
    },
    destroy(id) {
      live.delete(id);
    },
  });
  hook.enable();
  return {
    pending: () => [...live.values()],
    stop: () => hook.disable(),
  };
}
