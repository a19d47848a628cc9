/**
 * `pnpm run docs` end to end as a user types it: through the root script and pnpm's argument forwarding to
 * the CLI, with ephemeral ports so parallel runs never collide.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/index.js";

let child: ChildProcess | undefined;

afterEach(() => {
  // pnpm -> pnpm --filter -> tsx -> node: stop the whole process group this test started.
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  child = undefined;
});

/** Starts `pnpm run docs <args>` and resolves with the lines printed once the page URL appears. */
function runDocs(args: string[]): Promise<{ lines: string[]; url: string }> {
  child = spawn("pnpm", ["run", "--silent", "docs", ...args], { cwd: REPO_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s; stdout: ${out} stderr: ${err}`)), 30_000);
    child!.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child!.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split("\n");
      const url = /edge-ai docs listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1];
      if (url && lines.some((l) => l.startsWith("edge-ai docs: "))) {
        clearTimeout(timer);
        resolve({ lines, url });
      }
    });
    child!.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`pnpm run docs exited with ${code}; stdout: ${out} stderr: ${err}`));
    });
  });
}

describe("pnpm run docs", () => {
  it("forwards --port and --no-emulator to the server", async () => {
    const { lines, url } = await runDocs(["--port", "0", "--no-emulator"]);
    expect(url).not.toContain(":8788/");
    expect(lines).toContain("edge-ai docs: emulator not started; the page lists http://127.0.0.1:8787/client/v4 (start it with `pnpm mock`)");
    const html = await (await fetch(url)).text();
    expect(html).toContain('<h1 id="edge-ai-title">');
  });

  it("starts the emulator on --emulator-port and serves specs whose first server answers", async () => {
    const { lines, url } = await runDocs(["--port=0", "--emulator-port", "0", "--quiet"]);
    const emulatorUrl = /calls the emulator at (http:\/\/127\.0\.0\.1:\d+\/client\/v4)/.exec(lines.join("\n"))?.[1];
    expect(emulatorUrl).toBeDefined();
    const spec = (await (await fetch(new URL("specs/edge-ai.openapi.json", url))).json()) as { servers: Array<{ url: string }> };
    expect(spec.servers[0]?.url).toBe(emulatorUrl);
    const models = await fetch(`${emulatorUrl}/accounts/023e105f4ecef8ad9ca31a8372d0c353/ai/models/search`, {
      headers: { authorization: "Bearer docs-cli-test" },
    });
    expect(models.status).toBe(200);
  });

  it("rejects an unknown flag with exit code 2 and the usage text", async () => {
    child = spawn("pnpm", ["run", "--silent", "docs", "--prot", "1"], { cwd: REPO_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child!.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(err).toContain('edge-ai docs: unknown argument "--prot"');
    expect(err).toContain("Usage: pnpm run docs");
  });
});
