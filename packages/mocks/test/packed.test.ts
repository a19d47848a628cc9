/**
 * The packed tarballs in a fresh project outside the workspace: @edge-ai/mocks (+ @edge-ai/client) unpacked into
 * node_modules as npm would, their dependencies linked from this workspace's store (no registry, no network). Proves
 * the subpath exports, that the core runs without msw installed, and the one-line vitest setup against a
 * default-constructed client.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const mocksDir = join(here, "..");
const clientDir = join(here, "../../client");
const requireFromMocks = createRequire(join(mocksDir, "package.json"));
const requireFromClient = createRequire(join(clientDir, "package.json"));
const work = mkdtempSync(join(tmpdir(), "edge-ai-mocks-app-"));
const modules = join(work, "node_modules");

const sh = (cmd: string, args: string[], cwd = work): string =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "", NODE_PATH: "" } }); // pnpm's NODE_PATH would leak the workspace's hoisted packages

/** Packs a workspace package (building it first if dist is missing) and unpacks it into node_modules/<name>. */
function install(pkgDir: string, name: string): void {
  if (!existsSync(join(pkgDir, "dist/index.js"))) sh("pnpm", ["run", "build"], pkgDir);
  const out = mkdtempSync(join(work, "pack-"));
  sh("pnpm", ["pack", "--pack-destination", out], pkgDir);
  const tarball = readdirSync(out).find((f) => f.endsWith(".tgz"))!;
  const target = join(modules, name);
  mkdirSync(target, { recursive: true });
  sh("tar", ["-xzf", join(out, tarball), "-C", target, "--strip-components=1"]);
}

/** Links a dependency from the workspace store into the app, as a flat npm install would place it. */
function link(name: string, from = requireFromMocks): void {
  const source = dirname(from.resolve(`${name}/package.json`));
  mkdirSync(dirname(join(modules, name)), { recursive: true });
  symlinkSync(source, join(modules, name), "dir");
}

const node = (file: string): string => sh(process.execPath, [file]).trim();

beforeAll(() => {
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "fresh-app", private: true, type: "module" }));
  install(mocksDir, "@edge-ai/mocks");
  install(clientDir, "@edge-ai/client");
  for (const dep of ["undici", "zod"]) link(dep);
  link("eventsource-parser", requireFromClient); // the client's own dependency; the mocks do not use it
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed @edge-ai/mocks in a fresh app", () => {
  it("runs the core, /emulator and /undici without msw installed, from ESM and CJS", () => {
    writeFileSync(
      join(work, "core.mjs"),
      `import { mock, ok, createUndiciBridge } from "@edge-ai/mocks";
import { startEmulator } from "@edge-ai/mocks/emulator";
import { interceptUndici } from "@edge-ai/mocks/undici";
import { request } from "undici";
mock.run("@cf/meta/llama-3.1-8b-instruct-fast", (input) => ok({ response: "bridged " + input.prompt }));
const viaBridge = await request("http://edge-ai.test/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast", { method: "POST", body: JSON.stringify({ prompt: "hi" }), headers: { authorization: "Bearer t" }, dispatcher: createUndiciBridge() });
const emulator = await startEmulator({ port: 0, quiet: true });
const viaSocket = await fetch(emulator.url + "/accounts/0123456789abcdef0123456789abcdef/ai/models/search?per_page=1", { headers: { authorization: "Bearer t" } });
await emulator.close();
const interception = interceptUndici();
const refused = await fetch("https://example.com/").then(() => "sent", (e) => String(e.cause?.message ?? e.message));
interception.restore();
console.log(JSON.stringify({ bridged: (await viaBridge.body.json()).result.response, socket: viaSocket.status, refused }));
`,
    );
    const esm = JSON.parse(node("core.mjs")) as { bridged: string; socket: number; refused: string };
    expect(esm).toEqual({ bridged: "bridged hi", socket: 200, refused: expect.stringContaining("unhandled request GET https://example.com/") });
    writeFileSync(join(work, "core.cjs"), `const m = require("@edge-ai/mocks"); const e = require("@edge-ai/mocks/emulator"); const u = require("@edge-ai/mocks/undici"); console.log([typeof m.ok, typeof e.startEmulator, typeof u.interceptUndici, u.mock === m.mock].join(","));`);
    expect(node("core.cjs")).toBe("function,function,function,true");
    expect(() => sh(process.execPath, ["-e", `require("@edge-ai/mocks/msw")`])).toThrow(/msw/); // the peer is really optional
  }, 60_000);

  it("serves /msw once msw is installed next to it", () => {
    link("msw");
    writeFileSync(
      join(work, "msw.mjs"),
      `import { setupMockServer, scenarios, ok } from "@edge-ai/mocks/msw";
const server = setupMockServer();
server.listen({ onUnhandledRequest: "error" });
server.use(...scenarios.override("runLlama31_8bInstructFast", () => ok({ response: "from msw" }), { once: true }));
const url = "https://api.cloudflare.com/client/v4/accounts/0123456789abcdef0123456789abcdef/ai/run/@cf/meta/llama-3.1-8b-instruct-fast";
const call = () => fetch(url, { method: "POST", headers: { authorization: "Bearer t" }, body: JSON.stringify({ prompt: "x" }) }).then((r) => r.json());
const [first, second] = [await call(), await call()];
server.close();
console.log(JSON.stringify([first.result.response, typeof second.result.response, second.result.response !== "from msw"]));
`,
    );
    expect(JSON.parse(node("msw.mjs"))).toEqual(["from msw", "string", true]);
  }, 60_000);

  it("answers a default-constructed client from one setup line in vitest, and refuses other hosts", () => {
    link("vitest");
    writeFileSync(join(work, "vitest.setup.ts"), `import "@edge-ai/mocks/vitest";\n`);
    writeFileSync(join(work, "vitest.config.mjs"), `export default { test: { setupFiles: ["./vitest.setup.ts"], include: ["app*.test.ts"] } };\n`);
    writeFileSync(
      join(work, "app2.test.ts"),
      `import { EdgeAI } from "@edge-ai/client";
import { mock } from "@edge-ai/mocks";
import { expect, it } from "vitest";
it("starts with a clean mock in another file, also when files share a worker", async () => {
  expect(mock.calls).toHaveLength(0);
  const ai = new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "test-token", maxRetries: 0 });
  expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" })).response).not.toBe("mocked: hi");
  await expect(fetch("https://example.com/")).rejects.toThrow();
});
`,
    );
    writeFileSync(
      join(work, "app.test.ts"),
      `import { EdgeAI } from "@edge-ai/client";
import { mock, ok, error } from "@edge-ai/mocks";
import { expect, it } from "vitest";
const ai = new EdgeAI({ accountId: "0123456789abcdef0123456789abcdef", apiToken: "test-token", maxRetries: 0 });
it("answers from the contract by default", async () => {
  const { data } = await ai.run("@cf/baai/bge-small-en-v1.5", { text: ["a", "b"] });
  expect(data).toHaveLength(2);
});
it("takes a typed override", async () => {
  mock.run("@cf/meta/llama-3.1-8b-instruct-fast", (input) => ok({ response: "mocked: " + ("prompt" in input ? input.prompt : "") }));
  expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" })).response).toBe("mocked: hi");
  expect(mock.calls.at(-1)?.model).toBe("@cf/meta/llama-3.1-8b-instruct-fast");
});
it("resets overrides between tests and maps error() answers to typed errors", async () => {
  expect((await ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" })).response).not.toBe("mocked: hi");
  mock.run("@cf/meta/llama-3.1-8b-instruct-fast", () => error(429, 3040, "Capacity temporarily exceeded"));
  await expect(ai.run("@cf/meta/llama-3.1-8b-instruct-fast", { prompt: "hi" })).rejects.toMatchObject({ status: 429 });
});
it("refuses a request to any other host instead of sending it", async () => {
  await expect(fetch("https://example.com/")).rejects.toThrow();
});
`,
    );
    // Default isolation, then one worker for both files (the setup import is evaluated once there).
    for (const extra of [[], ["--no-isolate", "--maxWorkers=1"]]) {
      const out = sh(process.execPath, [join(modules, "vitest/vitest.mjs"), "run", "--root", work, "--reporter=json", ...extra]);
      const report = JSON.parse(out.slice(out.indexOf("{"))) as { numPassedTests: number; numFailedTests: number };
      expect(report, extra.join(" ")).toMatchObject({ numPassedTests: 5, numFailedTests: 0 });
    }
  }, 180_000);
});
