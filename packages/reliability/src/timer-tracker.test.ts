import { describe, expect, it } from "vitest";
import { trackTimers } from "./timer-tracker.js";

describe("trackTimers", () => {
  it("reports an unref'd pending timer that getActiveResourcesInfo cannot see, and forgets it once cleared", async () => {
    const timeouts = () => process.getActiveResourcesInfo().filter((t) => t === "Timeout").length;
    const before = timeouts();
    const tracker = trackTimers();
    const timer = setTimeout(() => undefined, 60_000);
    timer.unref();
    expect(timeouts()).toBe(before);
    expect(tracker.pending().some((f) => f.includes("timer-tracker.test"))).toBe(true);
    clearTimeout(timer);
    await new Promise((r) => setImmediate(r));
    expect(tracker.pending().some((f) => f.includes("timer-tracker.test"))).toBe(false);
    tracker.stop();
  });
});
