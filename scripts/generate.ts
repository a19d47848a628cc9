/**
 * `pnpm generate`: regenerates every generated file, in dependency order. Each step is its own tsx process so
 * one generator's imports or globals never leak into the next. Steps owned by other areas run only if their
 * script exists, so the pipeline works while those areas are still being built.
 *
 * Usage: `tsx scripts/generate.ts`
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

/** Generators in order: the bundle first, everything else reads openapi/dist/edge-ai.openapi.json. */
export const steps: readonly { script: string; required: boolean }[] = [
  { script: "scripts/bundle-openapi.ts", required: true },
  { script: "scripts/generate-types.ts", required: true },
  { script: "scripts/generate-zod.ts", required: true },
  { script: "scripts/generate-catalog.ts", required: true },
  { script: "scripts/generate-errors.ts", required: true },
  { script: "scripts/generate-mocks.ts", required: false },
  { script: "scripts/export-nswag.ts", required: false },
  { script: "scripts/generate-csharp.ts", required: false },
];

export function generate(): void {
  for (const { script, required } of steps) {
    const path = join(root, script);
    if (!existsSync(path)) {
      if (required) throw new Error(`generate: missing ${script}`);
      console.log(`generate: skip ${script} (not present)`);
      continue;
    }
    const run = spawnSync(process.execPath, [tsxCli, "--conditions=@edge-ai/source", path], {
      cwd: root,
      stdio: "inherit",
    });
    if (run.status !== 0) throw new Error(`generate: ${script} failed with exit code ${run.status ?? run.signal}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    generate();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
