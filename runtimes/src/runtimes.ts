/**
 * How each runtime of the matrix is started. Every binary comes from an npm package's platform dependency
 * (`@deno/linux-x64-glibc`, `@oven/bun-linux-x64`, `@cloudflare/workerd-linux-64` through miniflare), located by
 * module resolution rather than by the packages' postinstall scripts (which pnpm does not run here), so nothing
 * is downloaded at test time.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { CheckResult } from "./checks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** What one runtime reported. */
export interface RuntimeReport {
  /** The file `@edge-ai/client` resolved to in that runtime (the build its export condition picked). */
  resolved: string | undefined;
  results: CheckResult[];
}

/** The platform package that carries a binary, resolved from the package that depends on it. */
function platformBinary(pkg: string, platformPkg: string, file: string): string {
  const from = createRequire(require.resolve(`${pkg}/package.json`));
  const path = join(dirname(from.resolve(`${platformPkg}/package.json`)), file);
  if (!existsSync(path)) throw new Error(`${platformPkg} ships no ${file} (this platform: ${process.platform}-${process.arch})`);
  return path;
}

/** Deno from the `deno` npm package (linux x64 glibc). */
export const denoBinary = (): string => platformBinary("deno", `@deno/${process.platform}-${process.arch}-glibc`, "deno");
/** Bun from the `bun` npm package. */
export const bunBinary = (): string => platformBinary("bun", `@oven/bun-${process.platform}-${process.arch}`, "bin/bun");

function parseReport(stdout: string): RuntimeReport {
  const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`no RESULT line in the output:\n${stdout.slice(0, 2000)}`);
  return JSON.parse(line.slice("RESULT ".length)) as RuntimeReport;
}

/** Runs src/cli-main.mjs with a command line runtime; resolves with its report. */
export function runCli(command: string, args: string[], origin: string, env: Record<string, string> = {}): Promise<RuntimeReport> {
  return new Promise((resolve, reject) => {
    execFile(command, [...args, join(here, "cli-main.mjs"), origin], { cwd: join(here, ".."), env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${command} failed: ${error.message}\n${stderr.slice(0, 2000)}`));
      try {
        resolve(parseReport(stdout));
      } catch (e) {
        reject(new Error(`${(e as Error).message}\nstderr: ${stderr.slice(0, 2000)}`));
      }
    });
  });
}

/** Bundles src/worker.mjs the way wrangler does for workerd (conditions workerd, worker, browser). */
export async function bundleWorker(entry = join(here, "worker.mjs")): Promise<{ code: string; inputs: string[] }> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return { code: out.outputFiles[0]!.text, inputs: Object.keys(out.metafile.inputs) };
}

/** Runs the bundled worker in workerd through Miniflare and returns its report. */
export async function runWorkerd(origin: string): Promise<RuntimeReport & { hasProcess: boolean }> {
  const { Miniflare } = await import("miniflare");
  const { code, inputs } = await bundleWorker();
  const mf = new Miniflare({ modules: true, script: code, compatibilityDate: "2025-01-01", bindings: { EMULATOR: origin } });
  try {
    const res = await mf.dispatchFetch("http://localhost/");
    const body = (await res.json()) as { results: CheckResult[]; hasProcess: boolean };
    return { resolved: inputs.find((f) => f.includes("packages/client/")), ...body };
  } finally {
    await mf.dispose();
  }
}
