import { describe, expect, it } from "vitest";
import { EDGE_GZIP_GOAL_BYTES, formatEdgeSize, measureEdgeSize } from "./edge-size.js";

describe("edge bundle size", () => {
  it("bundles the edge entry without undici or node: imports, and keeps the client without its catalog under the gzip goal", async () => {
    const rows = await measureEdgeSize();
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.imports.filter((i) => i.startsWith("node:") || i === "undici" || i === "util")).toEqual([]);
      expect(r.imports).toEqual(r.zod === "external" ? ["zod"] : []);
      expect(r.gzipBytes).toBeLessThan(r.minifiedBytes);
    }
    const [bare, bareZod, full, fullZod] = rows;
    expect(bare!.gzipBytes).toBeLessThan(full!.gzipBytes);
    expect(bareZod!.gzipBytes).toBeLessThan(fullZod!.gzipBytes);
    expect(bare!.gzipBytes).toBeLessThan(EDGE_GZIP_GOAL_BYTES);
    expect(formatEdgeSize(rows)).toContain("client without catalog, zod external");
  });
});
