/**
 * `pnpm check`: regenerates everything and fails when a generated file differs from what is committed, or when
 * a generator created a file git does not know yet. CI runs it, so a contract edit without `pnpm generate`
 * cannot land.
 *
 * Usage: `tsx scripts/check-generated.ts`
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Paths that only generators write. */
const GENERATED = [
  "openapi/dist",
  "packages/contract/src/generated",
  "packages/mocks/src/generated",
  "packages/client/src/generated",
  "conformance/error-kinds.json",
  "conformance/scenario.schema.json",
  "packages/dotnet",
];

function porcelain(): string[] {
  const out = execFileSync("git", ["status", "--porcelain", "--untracked-files=all", "--", ...GENERATED], {
    cwd: root,
    encoding: "utf8",
  });
  return out.split("\n").filter((line) => line.trim() !== "");
}

/** Keeps only lines about generated output (for packages/dotnet: files under a Generated/ folder). */
function generatedOnly(lines: string[]): string[] {
  return lines.filter((line) => {
    const path = line.slice(3);
    return !path.startsWith("packages/dotnet/") || /(^|\/)Generated\//.test(path) || path.endsWith(".nswag.json");
  });
}

generate();
// Anything git reports under a generated path after regenerating (modified, deleted or untracked) is drift.
const drift = generatedOnly(porcelain());

if (drift.length > 0) {
  console.error("check: generated files differ from the committed ones; run `pnpm generate` and commit:");
  for (const line of drift) console.error(`  ${line}`);
  process.exit(1);
}
console.log("check: generated files are up to date");
