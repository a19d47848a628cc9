/**
 * What type-checking a quickstart costs a user: the packed `@edge-ai/client` (what npm would install) and `openai`
 * each installed into a fresh temp project outside the workspace, then `tsc --noEmit --extendedDiagnostics` on a
 * quickstart file. Dependencies (zod, undici, @types/node, openai) are symlinked from this package's install so no
 * registry is reached; the client itself is the tarball's contents, so its `.d.ts` is the published one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCH_DIR = fileURLToPath(new URL("../", import.meta.url));
const CLIENT_DIR = fileURLToPath(new URL("../../packages/client/", import.meta.url));

/** The README's Node quickstart, reduced to what type-checks without a server: a chat run, a stream, an embedding, an image. */
export const EDGE_AI_QUICKSTART = `import { EdgeAI } from "@edge-ai/client";
const ai = new EdgeAI();
const { response, usage } = await ai.run("@cf/meta/llama-3.3-70b-instruct-fp8-fast", {
  messages: [{ role: "user", content: "Hi" }],
});
console.log(response, usage);
const stream = await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { messages: [{ role: "user", content: "Hi" }], stream: true });
for await (const chunk of stream) process.stdout.write(chunk.response ?? "");
const { data, shape } = await ai.run("@cf/baai/bge-base-en-v1.5", { text: ["a", "b"] });
const image = await ai.run("@cf/stabilityai/stable-diffusion-xl-base-1.0", { prompt: "a lighthouse" });
console.log(data?.length, shape, image.contentType);
`;

/** openai's README quickstart doing the same things (chat, stream, embedding, image). */
export const OPENAI_QUICKSTART = `import OpenAI from "openai";
const client = new OpenAI();
const completion = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] });
console.log(completion.choices[0]?.message.content, completion.usage);
const stream = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], stream: true });
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
const embedding = await client.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] });
const image = await client.images.generate({ model: "gpt-image-1", prompt: "a lighthouse" });
console.log(embedding.data.length, image.data?.[0]?.b64_json);
`;

/** Figures of one `tsc --extendedDiagnostics` run. */
export interface TypecheckCost {
  instantiations: number;
  types: number;
  checkSeconds: number;
  totalSeconds: number;
  memoryKB: number;
}

/** Reads the figures out of `tsc --extendedDiagnostics` output; throws if one is missing. */
export function parseDiagnostics(output: string): TypecheckCost {
  const read = (label: string): number => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, "m").exec(output);
    if (!match) throw new Error(`tsc --extendedDiagnostics output has no "${label}" line`);
    return Number(match[1]);
  };
  return {
    instantiations: read("Instantiations"),
    types: read("Types"),
    checkSeconds: read("Check time"),
    totalSeconds: read("Total time"),
    memoryKB: read("Memory used"),
  };
}

/** The installed directory of one of this package's dependencies (read from node_modules: some hide package.json). */
export function packageDir(name: string): string {
  return realpathSync(join(BENCH_DIR, "node_modules", name));
}

/** Packs `@edge-ai/client` (its `dist/` must be built) with pnpm, so `publishConfig` applies; returns the tarball. */
export function packClient(destination: string): string {
  mkdirSync(destination, { recursive: true });
  execFileSync("pnpm", ["pack", "--pack-destination", destination], { cwd: CLIENT_DIR, stdio: "ignore" });
  const tarball = readdirSync(destination).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${destination}`);
  return join(destination, tarball);
}

/** A temp project (outside the workspace) with the packed client and openai installed; remove with `cleanup`. */
export interface ConsumerProject {
  dir: string;
  /** Size in bytes of the installed client's `dist/index.d.ts`. */
  clientDtsBytes: number;
  cleanup(): void;
}

/** Creates the consumer project from a client tarball. */
export function createConsumerProject(tarball: string): ConsumerProject {
  const dir = mkdtempSync(join(tmpdir(), "edge-ai-scale-"));
  const modules = join(dir, "node_modules");
  const client = join(modules, "@edge-ai", "client");
  mkdirSync(client, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", client, "--strip-components=1"]);
  mkdirSync(join(modules, "@types"), { recursive: true });
  for (const name of ["zod", "undici", "eventsource-parser", "openai", "@types/node"]) symlinkSync(packageDir(name), join(modules, name), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "scale-consumer", private: true, type: "module" }));
  writeFileSync(join(dir, "edge-ai.ts"), EDGE_AI_QUICKSTART);
  writeFileSync(join(dir, "openai.ts"), OPENAI_QUICKSTART);
  // What `tsc --init` gives a Node project, one config per file so neither SDK's types load in the other's check.
  for (const name of ["edge-ai", "openai"]) {
    const compilerOptions = { target: "es2022", module: "nodenext", strict: true, skipLibCheck: true, noEmit: true, types: ["node"] };
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions, files: [`${name}.ts`] }));
  }
  return { dir, clientDtsBytes: statSync(join(client, "dist", "index.d.ts")).size, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `tsc --noEmit --extendedDiagnostics` on one quickstart of the project; a type error fails the measurement. */
export function typecheckCost(project: ConsumerProject, sdk: "edge-ai" | "openai"): TypecheckCost {
  const tsc = join(packageDir("typescript"), "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", `tsconfig.${sdk}.json`, "--extendedDiagnostics"], { cwd: project.dir, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tsc on the ${sdk} quickstart failed (exit ${run.status}):\n${run.stdout.slice(0, 2000)}${run.stderr.slice(0, 500)}`);
  return parseDiagnostics(run.stdout);
}
