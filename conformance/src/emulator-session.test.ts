import { describe, expect, it } from "vitest";
import { minGapMs } from "./emulator-session.js";

describe("minGapMs", () => {
  it("returns the smallest gap between consecutive attempts", () => {
    expect(minGapMs([100, 1150, 1300])).toBe(150);
  });

  it("is undefined for fewer than two attempts", () => {
    expect(minGapMs([100])).toBeUndefined();
    expect(minGapMs([])).toBeUndefined();
  });
});
