/**
 * Counts what keeps the event loop alive (`process.getActiveResourcesInfo()`: sockets, servers, ref'd timers...)
 * so a suite can prove a closed client left nothing behind. Counts by type, because the same types also belong to
 * the test runner; only the difference to a baseline taken before the client existed is meaningful.
 */

/** Active resources by type, e.g. `{ TCPSocketWrap: 3, Timeout: 1 }`. */
export type ResourceCounts = Record<string, number>;

/** Counts the currently active resources by type. */
export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Types whose count grew since `baseline`, with the growth; empty when nothing leaked. */
export function resourceGrowth(baseline: ResourceCounts, now: ResourceCounts = activeResources()): ResourceCounts {
  const growth: ResourceCounts = {};
  for (const [type, n] of Object.entries(now)) {
    const d = n - (baseline[type] ?? 0);
    if (d > 0) growth[type] = d;
  }
  return growth;
}

/**
 * Polls until no resource type exceeds `baseline` or `withinMs` passes; returns the final growth. Sockets need a
 * few event-loop turns to report closed after `close()` resolves, so one immediate look would be a false alarm.
 */
export async function settleResources(baseline: ResourceCounts, withinMs = 3_000): Promise<ResourceCounts> {
  const until = Date.now() + withinMs;
  for (;;) {
    const growth = resourceGrowth(baseline);
    if (Object.keys(growth).length === 0 || Date.now() >= until) return growth;
    await new Promise<void>((r) => setTimeout(r, 25));
  }
}
