/**
 * `pnpm bench`: runs the suites in order, prints progress and the final tables, and writes
 * benchmarks/results/latest.json + latest.md. Exits 1 when a suite failed (its error is in the report), 2 on bad flags.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchConfig, parseConfig, USAGE } from "./config.js";
import { runSuites } from "./run-suites.js";
import { renderMarkdown } from "./report.js";

const DEFAULT_OUT = fileURLToPath(new URL("../results/", import.meta.url));

async function main(): Promise<number> {
  let config: BenchConfig & { help: boolean };
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const results = await runSuites(config, (line) => process.stdout.write(`  ${line}\n`));
  const md = renderMarkdown(results);
  const outDir = config.outDir ?? DEFAULT_OUT;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(outDir, "latest.md"), md);
  process.stdout.write(`\n${md}\nwrote ${join(outDir, "latest.json")} and latest.md\n`);
  return results.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
