import { describe, expect, it } from "vitest";
import { fmtMiB, fmtMs, fmtRatio, fmtRps, mdTable } from "./format.js";

describe("format", () => {
  it("formats rates, latencies and memory, with n/a for missing values", () => {
    expect(fmtRps(12345.6)).toBe("12,346");
    expect(fmtRps(Number.NaN)).toBe("n/a");
    expect(fmtMs(1.234)).toBe("1.23");
    expect(fmtMs(12.34)).toBe("12.3");
    expect(fmtMs(null)).toBe("n/a");
    expect(fmtMiB(3 * 2 ** 20)).toBe("3.0 MiB");
  });

  it("marks a ratio against its goal", () => {
    expect(fmtRatio(0.62, 0.5)).toBe("0.62x ✓ (goal ≥ 0.5x)");
    expect(fmtRatio(0.4, 0.5)).toBe("0.40x ✗ (goal ≥ 0.5x)");
    expect(fmtRatio(null, 1)).toBe("n/a");
  });

  it("renders a markdown table and escapes pipes in cells", () => {
    expect(mdTable(["a", "b"], [["1", "x|y"]])).toBe("| a | b |\n| --- | --- |\n| 1 | x\\|y |");
  });
});
