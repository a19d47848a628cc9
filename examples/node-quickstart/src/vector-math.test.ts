import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "./vector-math.js";

describe("cosineSimilarity", () => {
  it("is 1 for parallel vectors, 0 for orthogonal ones and -1 for opposite ones", () => {
    expect(cosineSimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 5])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12);
    expect(cosineSimilarity([1, 0], [1, 1])).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("returns 0 for a zero vector and rejects vectors of different lengths", () => {
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(RangeError);
  });
});
