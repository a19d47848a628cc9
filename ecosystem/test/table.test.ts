import { describe, expect, it } from "vitest";
import { rows } from "../src/rows.js";
import { readPackageFile, renderTable, withTable } from "../src/table.js";

describe("the README's works-with table", () => {
  it("is exactly what ecosystem/scripts/works-with-table.ts renders from the rows (run it after changing a row or a pin)", () => {
    const readme = readPackageFile("../README.md");
    expect(withTable(readme, renderTable(readPackageFile("package.json")))).toBe(readme);
  });

  it("gives every failing row its reason and source, and has unique ids", () => {
    for (const row of rows) if (row.outcome !== "works") expect(row.note, row.id).toMatch(/\S/);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
