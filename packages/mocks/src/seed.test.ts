import { describe, expect, it } from "vitest";
import { createRng, hashSeed, seededUuid } from "./seed.js";

describe("seed", () => {
  it("hashes equal inputs equally and separates part boundaries", () => {
    expect(hashSeed("POST", "/a", new Uint8Array([1, 2]))).toBe(hashSeed("POST", "/a", new Uint8Array([1, 2])));
    expect(hashSeed("ab", "c")).not.toBe(hashSeed("a", "bc"));
  });

  it("replays the same sequence for the same seed", () => {
    const a = createRng(99);
    const b = createRng(99);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("keeps int() within bounds", () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const v = rng.int(3, 7);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(7);
    }
  });

  it("makes UUID-shaped ids", () => {
    expect(seededUuid(5)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
