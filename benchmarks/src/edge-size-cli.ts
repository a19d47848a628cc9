/**
 * `pnpm --filter @edge-ai/benchmarks run size`: measures the edge bundle variants and writes
 * results/edge-size.md and results/edge-size.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatEdgeSize, measureEdgeSize } from "./edge-size.js";

const results = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
const rows = await measureEdgeSize();
const markdown = formatEdgeSize(rows);
mkdirSync(results, { recursive: true });
writeFileSync(join(results, "edge-size.md"), markdown);
writeFileSync(join(results, "edge-size.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2)}\n`);
process.stdout.write(markdown);
