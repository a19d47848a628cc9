/**
 * `pnpm bench`: runs the suites in order, prints progress and the final tables, and writes
 * benchmarks/results/latest.json + latest.md. Exits 1 when a suite failed (its error is in the report), 2 on bad flags.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchConfig, parseConfig, USAGE } from "./config.js";
import { runSuites } from "./run-suites.js";
import { type BenchResults, renderMarkdown } from "./report.js";

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
  const outDir = config.outDir ?? DEFAULT_OUT;
  const previousFile = join(outDir, "latest.json");
  if (config.merge && existsSync(previousFile)) {
    const previous = JSON.parse(readFileSync(previousFile, "utf8")) as BenchResults;
    const kept = Object.keys(previous.suites).filter((name) => !(name in results.suites));
    results.suites = { ...previous.suites, ...results.suites };
    if (kept.length > 0) results.mergedFrom = { generatedAt: previous.mergedFrom?.generatedAt ?? previous.generatedAt, suites: kept };
  }
  const md = renderMarkdown(results);
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
