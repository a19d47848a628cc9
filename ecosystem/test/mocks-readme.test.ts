/**
 * Every `ts` block of packages/mocks/README.md type-checks and runs. Blocks tagged `file=vitest.setup.ts` and
 * `file=*.test.ts` form a vitest project run in a child process (that is how users run them); the other blocks are
 * scripts run with tsx. Snippets live in a scratch folder inside this package so the workspace packages resolve.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, "../../packages/mocks/README.md"), "utf8");
const scratch = join(here, "../.readme-snippets");
const require = createRequire(import.meta.url);

interface Block {
  file: string | undefined;
  code: string;
  line: number;
}

const blocks: Block[] = [];
for (const m of readme.matchAll(/^```ts([^\n]*)\n([\s\S]*?)^```$/gm)) {
  blocks.push({ file: /file=(\S+)/.exec(m[1]!)?.[1], code: m[2]!, line: readme.slice(0, m.index).split("\n").length });
}
const scripts = blocks.filter((b) => b.file === undefined);
const vitestFiles = blocks.filter((b) => b.file !== undefined);

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
scripts.forEach((b, i) => writeFileSync(join(scratch, `snippet-${i + 1}.ts`), `${b.code}\nexport {};\n`));
for (const b of vitestFiles) writeFileSync(join(scratch, b.file!), b.code);

const run = (args: string[]): string =>
  execFileSync(process.execPath, args, { cwd: scratch, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });

describe("packages/mocks/README.md snippets", () => {
  it("has runnable blocks: a vitest setup, a test file and scripts", () => {
    expect(vitestFiles.map((b) => b.file)).toEqual(expect.arrayContaining(["vitest.setup.ts", expect.stringMatching(/\.test\.ts$/)]));
    expect(scripts.length).toBeGreaterThanOrEqual(2);
  });

  it("type-check (strict, the settings of this workspace)", () => {
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ extends: "../tsconfig.json", compilerOptions: { rootDir: "." }, include: ["*.ts"] }));
    const tsc = require.resolve("typescript/bin/tsc");
    expect(() => run([tsc, "-p", "tsconfig.json", "--noEmit"])).not.toThrow();
  }, 180_000);

  for (const [i, block] of scripts.entries()) {
    it(`runs the script at README line ${block.line}`, () => {
      const tsx = require.resolve("tsx/cli");
      expect(() => run([tsx, "--conditions=@edge-ai/source", `snippet-${i + 1}.ts`])).not.toThrow();
    }, 120_000);
  }

  it("passes the README's vitest test file with the one-line setup", () => {
    writeFileSync(
      join(scratch, "vitest.config.mjs"),
      `export default { resolve: { conditions: ["@edge-ai/source"] }, ssr: { resolve: { conditions: ["@edge-ai/source"] } }, test: { setupFiles: ["./vitest.setup.ts"], include: ["*.test.ts"] } };\n`,
    );
    const vitest = join(dirname(require.resolve("vitest/package.json")), "vitest.mjs");
    const out = run([vitest, "run", "--root", scratch, "--config", join(scratch, "vitest.config.mjs"), "--reporter=json"]);
    const report = JSON.parse(out.slice(out.indexOf("{"))) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBe(report.numTotalTests);
    expect(report.numTotalTests).toBeGreaterThan(0);
  }, 120_000);
});
