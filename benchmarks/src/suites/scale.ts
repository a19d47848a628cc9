/**
 * What the contract's size (112 models) costs a user, side by side with the official SDKs in one run: the size of
 * the bundled contract and of the published `.d.ts`, the quickstart's type-check (packed client vs openai in a
 * fresh temp project), the whole-process cold import of the packed client vs openai vs cloudflare, and how long the
 * emulator takes to print its URL. Builds and packs @edge-ai/client first, so it measures what npm would install.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorCliPath } from "../emulator-process.js";
import { median } from "../stats.js";
import { type TypecheckCost, createConsumerProject, packClient, packageDir, typecheckCost } from "../typecheck-cost.js";

/** One SDK's cold import: median whole-process wall time (spawn to exit) in milliseconds. */
export interface ScaleImportRow {
  name: string;
  wallMs: number;
  runs: number;
}

/** The suite's output. */
export interface ScaleResult {
  models: number;
  bundleBytes: number;
  clientDtsBytes: number;
  typecheck: { edgeAI: TypecheckCost; openai: TypecheckCost };
  coldImport: { baselineWallMs: number; rows: ScaleImportRow[] };
  emulatorStartMs: number;
  emulatorEntry: string;
}

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const BUNDLE = join(REPO, "openapi", "dist", "edge-ai.openapi.json");

function wallOfProcess(args: string[], cwd: string, until?: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let seenAt: number | undefined;
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      if (seenAt === undefined && until?.test(out)) {
        seenAt = performance.now() - started;
        child.kill("SIGTERM");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d.slice(0, 2000)));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (seenAt !== undefined) return resolve(seenAt);
      if (until) return reject(new Error(`${args.join(" ")} exited (${code}) before printing ${until}: ${err}`));
      if (code !== 0) return reject(new Error(`${args.join(" ")} failed (exit ${code}): ${err}`));
      resolve(performance.now() - started);
    });
  });
}

/**
 * Builds and packs the client, then measures everything in one temp project.
 * @example
 * const r = await runScale({ importRuns: 5 });
 */
export async function runScale(config: { importRuns: number }, log: (line: string) => void = () => {}): Promise<ScaleResult> {
  execFileSync("pnpm", ["--filter", "@edge-ai/client", "run", "build"], { cwd: REPO, stdio: "ignore" });
  const packDir = mkdtempSync(join(tmpdir(), "edge-ai-pack-"));
  const project = createConsumerProject(packClient(packDir));
  try {
    symlinkSync(packageDir("cloudflare"), join(project.dir, "node_modules", "cloudflare"), "dir");
    const edgeAI = typecheckCost(project, "edge-ai");
    const openai = typecheckCost(project, "openai");
    log(`scale typecheck: @edge-ai/client ${edgeAI.instantiations} instantiations ${edgeAI.checkSeconds} s check; openai ${openai.instantiations} / ${openai.checkSeconds} s`);

    const sdks = ["@edge-ai/client", "openai", "cloudflare"];
    const samples = new Map<string, number[]>(sdks.map((s) => [s, []]));
    const baseline: number[] = [];
    const importArgs = (s: string) => ["--input-type=module", "-e", `await import(${JSON.stringify(s)})`];
    for (const s of sdks) await wallOfProcess(importArgs(s), project.dir); // warms the OS file cache
    for (let run = 0; run < config.importRuns; run++) {
      baseline.push(await wallOfProcess(["-e", ""], project.dir));
      for (const s of sdks) samples.get(s)!.push(await wallOfProcess(importArgs(s), project.dir));
    }
    const rows = sdks.map((name) => ({ name, wallMs: round1(median(samples.get(name)!)), runs: config.importRuns }));
    log(`scale cold import: ${rows.map((r) => `${r.name} ${r.wallMs} ms`).join(", ")}`);

    const dist = join(REPO, "packages", "mocks", "dist", "cli.js");
    const entry = existsSync(dist) ? [dist] : ["--conditions=@edge-ai/source", "--import", "tsx", emulatorCliPath()];
    const starts: number[] = [];
    for (let run = 0; run < config.importRuns; run++) {
      starts.push(await wallOfProcess([...entry, "--port", "0", "--quiet"], fileURLToPath(new URL("../../", import.meta.url)), /listening on/));
    }
    const emulatorStartMs = round1(median(starts));
    log(`scale emulator start: ${emulatorStartMs} ms`);

    const paths = (JSON.parse(readFileSync(BUNDLE, "utf8")) as { paths: Record<string, { post?: { "x-edge-ai-model"?: unknown } }> }).paths;
    return {
      models: Object.values(paths).filter((p) => p.post?.["x-edge-ai-model"] !== undefined).length,
      bundleBytes: statSync(BUNDLE).size,
      clientDtsBytes: project.clientDtsBytes,
      typecheck: { edgeAI, openai },
      coldImport: { baselineWallMs: round1(median(baseline)), rows },
      emulatorStartMs,
      emulatorEntry: existsSync(dist) ? "packages/mocks/dist/cli.js" : "packages/mocks/src/cli.ts through tsx (as `pnpm mock`)",
    };
  } finally {
    project.cleanup();
    rmSync(packDir, { recursive: true, force: true });
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
