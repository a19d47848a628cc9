/**
 * Every ```ts block of every README.md in the repository must compile as written against the PACKED packages
 * (the tarballs users install, not the workspace sources), and every block that creates a client runs against
 * the emulator. This keeps the first-try experience honest: a README example that needs an unstated import,
 * an undefined variable or a placeholder fails here.
 *
 * How: build and `pnpm pack` @edge-ai/client and @edge-ai/mocks into a temp dir outside the workspace, unpack
 * them as node_modules/@edge-ai/*, link their runtime dependencies (undici, zod, msw) and TypeScript's Node types
 * from the workspace (no registry access), write each block as its own module, type-check all of them in one
 * `tsc` run (strict, NodeNext, the packages' published .d.ts), then run the blocks that call `new EdgeAI(`
 * with CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN and EDGE_AI_BASE_URL pointing at an emulator started from the
 * packed @edge-ai/mocks on 127.0.0.1.
 *
 * Usage: `tsx scripts/check-readme-blocks.ts [--no-build]` (exit 1 on any failure).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packed = ["client", "mocks"] as const;

interface Block {
  readme: string;
  /** 1-based line of the first code line in the README. */
  line: number;
  file: string;
  code: string;
}

function readmes(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".") || entry.name === "bin" || entry.name === "obj") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readmes(path, out);
    else if (entry.name === "README.md") out.push(path);
  }
  return out;
}

function extract(readme: string): Block[] {
  const lines = readFileSync(readme, "utf8").split("\n");
  const blocks: Block[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (start < 0 && /^```ts\s*$/.test(line)) start = i + 1;
    else if (start >= 0 && /^```\s*$/.test(line)) {
      const rel = relative(root, readme);
      const file = `${rel.replace(/[^A-Za-z0-9]+/g, "_")}_L${start + 1}.ts`;
      blocks.push({ readme: rel, line: start + 1, file, code: `${lines.slice(start, i).join("\n")}\nexport {};\n` });
      start = -1;
    }
  }
  return blocks;
}

const sh = (cmd: string, args: string[], cwd = root) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

function link(target: string, path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  symlinkSync(realpathSync(target), path, "dir");
}

/** Every file path named anywhere in an `exports` map. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports === null || typeof exports !== "object") return [];
  return Object.values(exports).flatMap(exportTargets);
}

/** Packs and unpacks each package into `work/node_modules`, linking its runtime dependencies from the workspace. */
function install(work: string): void {
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs, { recursive: true });
  const linked = new Set<string>();
  for (const name of packed) {
    const pkgDir = join(root, "packages", name);
    const before = new Set(readdirSync(tarballs));
    sh("pnpm", ["pack", "--pack-destination", tarballs], pkgDir);
    const tarball = readdirSync(tarballs).find((f) => !before.has(f) && f.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    const dest = join(work, "node_modules", "@edge-ai", name);
    mkdirSync(dest, { recursive: true });
    sh("tar", ["-xzf", join(tarballs, tarball), "-C", dest, "--strip-components=1"]);
    const manifest = JSON.parse(readFileSync(join(dest, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      exports?: unknown;
    };
    // Every file an export condition names must be in the tarball (a workspace-only condition must not ship).
    for (const target of exportTargets(manifest.exports)) {
      if (!existsSync(join(dest, target))) throw new Error(`${name}: package.json exports ${target}, which the tarball does not contain`);
    }
    // publishConfig.exports replaces exports in the tarball: the edge build must survive that swap.
    if (name === "client" && !JSON.stringify(manifest.exports).includes('"workerd"')) {
      throw new Error("client: the packed package.json lost the edge-runtime export conditions (workerd, deno, bun, ...)");
    }
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (dep.startsWith("@edge-ai/") || linked.has(dep)) continue;
      link(join(pkgDir, "node_modules", dep), join(work, "node_modules", dep));
      linked.add(dep);
    }
  }
  link(join(root, "node_modules", "@types", "node"), join(work, "node_modules", "@types", "node"));
}

function typecheck(work: string, blocks: Block[]): string[] {
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "readme-blocks", private: true, type: "module" }));
  writeFileSync(
    join(work, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, types: ["node"], outDir: "out", rootDir: "blocks", skipLibCheck: true },
      include: ["blocks"],
    }),
  );
  mkdirSync(join(work, "blocks"), { recursive: true });
  for (const b of blocks) writeFileSync(join(work, "blocks", b.file), b.code);
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    sh(process.execPath, [tsc, "-p", "tsconfig.json"], work);
    return [];
  } catch (err) {
    const output = String((err as { stdout?: string }).stdout ?? err);
    // blocks/<file>(line,col): error ... -> README.md:line: error ...
    return output
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => {
        const m = /^blocks\/([^(]+)\((\d+),(\d+)\): (.*)$/.exec(l);
        const b = m ? blocks.find((x) => x.file === m[1]) : undefined;
        return m && b ? `${b.readme}:${b.line + Number(m[2]) - 1}:${m[3]}: ${m[4]}` : l;
      });
  }
}

async function runBlocks(work: string, blocks: Block[]): Promise<string[]> {
  const mocks = (await import(pathToFileURL(join(work, "node_modules", "@edge-ai", "mocks", "dist", "index.js")).href)) as {
    startEmulator(o: { port: number; quiet: boolean }): Promise<{ url: string; close(): Promise<void> }>;
  };
  const emulator = await mocks.startEmulator({ port: 0, quiet: true });
  const failures: string[] = [];
  try {
    for (const b of blocks.filter((x) => x.code.includes("new EdgeAI("))) {
      const env = { ...process.env, CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_API_TOKEN: "readme-block-token", EDGE_AI_BASE_URL: emulator.url, EDGE_AI_GATEWAY_URL: emulator.url.replace(/\/client\/v4$/, "/v1"), EDGE_AI_LOG: "error" };
      const js = join(work, "out", b.file.replace(/\.ts$/, ".js"));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [js], { cwd: work, env, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
        child.on("exit", (code) => {
          clearTimeout(timer);
          resolve({ code, stderr });
        });
      });
      if (result.code === 0) console.log(`check-readme-blocks: ran ${b.readme}:${b.line}`);
      else failures.push(`${b.readme}:${b.line}: exited ${result.code}\n${result.stderr.trim()}`);
    }
  } finally {
    await emulator.close();
  }
  return failures;
}

async function main(): Promise<void> {
  const blocks = readmes(root).flatMap(extract);
  if (!process.argv.includes("--no-build")) for (const name of packed) sh("pnpm", ["--filter", `@edge-ai/${name}`, "run", "build"]);
  const work = mkdtempSync(join(tmpdir(), "edge-ai-readme-"));
  try {
    install(work);
    const errors = typecheck(work, blocks);
    if (errors.length > 0) {
      console.error(`check-readme-blocks: ${blocks.length} blocks, type errors:\n${errors.join("\n")}`);
      process.exitCode = 1;
      return;
    }
    console.log(`check-readme-blocks: ${blocks.length} blocks type-check against the packed packages`);
    const failures = await runBlocks(work, blocks);
    if (failures.length > 0) {
      console.error(`check-readme-blocks: blocks failed against the emulator:\n${failures.join("\n")}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
