import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./support/emulator.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ rateLimits: false });
});
afterAll(async () => {
  await emu.close();
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]));
}

function childEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/**
 * Runs scripts/sync-models.ts against the emulator (it answers models/search and models/schema from the catalog).
 * Asynchronous: the emulator runs in this process and must keep answering.
 */
function sync(out: string, env: Record<string, string | undefined>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsxCli, join(root, "scripts", "sync-models.ts"), "--base-url", emu.url, "--out", out], { cwd: root, env: childEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("pnpm sync:models against the emulator", { timeout: 60_000 }, () => {
  it("pages models/search (deprecated included), asks models/schema per model and writes one file per model", async () => {
    const out = mkdtempSync(join(tmpdir(), "sync-emu-"));
    const run = await sync(out, { CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_API_TOKEN: "test-token" });
    expect(run.status, run.stderr).toBe(0);
    const written = files(out).map((p) => JSON.parse(readFileSync(p, "utf8")) as { id: string; schema: { input: unknown; output: unknown } | null; properties: Record<string, unknown> });
    const committed = files(join(root, "openapi", "upstream", "models")).length;
    expect(written).toHaveLength(committed);
    expect(written.every((m) => m.schema && m.schema.input && m.schema.output)).toBe(true);
    const kimi = written.find((m) => m.id === "@cf/moonshotai/kimi-k2.5")!;
    expect(kimi.properties["planned_deprecation_date"]).toBe("2026-05-30");
    expect(run.stdout).toMatch(new RegExp(`sync-models: ${committed} models`));
    // A second run against the same server changes nothing.
    const again = await sync(out, { CLOUDFLARE_ACCOUNT_ID: "0123456789abcdef0123456789abcdef", CLOUDFLARE_API_TOKEN: "test-token" });
    expect(again.stdout).toContain(`${committed} models, 0 change(s)`);
  });

  it("names the missing credentials instead of calling anything", async () => {
    const run = await sync(mkdtempSync(join(tmpdir(), "sync-emu-")), { CLOUDFLARE_ACCOUNT_ID: undefined, CLOUDFLARE_API_TOKEN: undefined });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN");
  });
});
