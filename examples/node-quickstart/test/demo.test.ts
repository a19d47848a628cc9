/**
 * Runs `pnpm demo`'s entry in a child process against the emulator (Cloudflare credentials removed from the
 * environment) and checks the tour's output, the image it wrote, and that it exits 0 on its own, which proves the
 * client and the emulator were closed (an open socket or server would keep the process alive until the timeout).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runDemo(outDir: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DEMO_OUT_DIR: outDir, NO_COLOR: "1" };
  delete env["CLOUDFLARE_ACCOUNT_ID"];
  delete env["CLOUDFLARE_API_TOKEN"];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=@edge-ai/source", "--import", "tsx", MAIN], { cwd: PACKAGE_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 80_000);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("pnpm demo against the emulator", () => {
  const outDir = mkdtempSync(join(tmpdir(), "quickstart-demo-"));
  let run: Run;
  beforeAll(async () => {
    run = await runDemo(outDir);
  }, 90_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  function section(n: number): string {
    const start = run.stdout.indexOf(`\n== ${n}. `);
    expect(start, `section ${n} missing:\n${run.stdout}`).toBeGreaterThan(-1);
    const end = run.stdout.indexOf("\n== ", start + 1);
    return run.stdout.slice(start, end === -1 ? undefined : end);
  }

  it("exits 0 on its own after saying it used the local emulator and closed everything", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/using the local emulator at http:\/\/127\.0\.0\.1:\d+\/client\/v4/);
    expect(run.stdout.trimEnd().endsWith("Done: every step ran; client and emulator closed.")).toBe(true);
  });

  it("runs the nine steps in order", () => {
    const headers = [...run.stdout.matchAll(/^== (\d)\. (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headers).toEqual([
      "1 Chat",
      "2 Streaming",
      "3 JSON mode",
      "4 Tool call",
      "5 Embeddings + cosine similarity",
      "6 Image",
      "7 Translation",
      "8 Model list",
      "9 Batch",
    ]);
  });

  it("prints a chat answer with usage and a streamed answer made of several chunks", () => {
    expect(section(1)).toMatch(/assistant: \S+.*\nusage: \d+ prompt \+ \d+ completion tokens/);
    const streamed = /\((\d+) chunks streamed\)/.exec(section(2));
    expect(Number(streamed?.[1])).toBeGreaterThan(1);
  });

  it("prints a JSON-mode object that follows the requested schema and a tool call with JSON arguments", () => {
    const json = JSON.parse(/json: (.+)/.exec(section(3))![1]!) as Record<string, unknown>;
    expect(typeof json["name"]).toBe("string");
    expect(typeof json["height_m"]).toBe("number");
    expect(typeof json["active"]).toBe("boolean");
    const call = /tool call: get_weather\((.+)\)/.exec(section(4));
    expect(call).not.toBeNull();
    expect(JSON.parse(call![1]!)).toHaveProperty("city");
  });

  it("prints 768-dimension embeddings and cosine similarities within [-1, 1]", () => {
    const s = section(5);
    expect(s).toContain("embeddings: 3 vectors of 768 dimensions");
    const values = [...s.matchAll(/= (-?\d\.\d{3})/g)].map((m) => Number(m[1]));
    expect(values).toHaveLength(2);
    for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it("writes a real JPEG or PNG image into the output directory", () => {
    const m = /image: (\d+) bytes written to (.+)/.exec(section(6));
    expect(m).not.toBeNull();
    const file = m![2]!.trim();
    expect(file.startsWith(outDir)).toBe(true);
    expect(readdirSync(outDir)).toHaveLength(1);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(Number(m![1]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes.at(-2) === 0xff && bytes.at(-1) === 0xd9;
    const png = bytes.subarray(1, 4).toString("latin1") === "PNG";
    expect(jpeg || png).toBe(true);
  });

  it("prints a translation, the model list and every batch result in request order", () => {
    expect(section(7)).toMatch(/translation \(en -> fr\): \S+/);
    const models = /models: (\d+) text-generation models, e\.g\. (@cf\/\S+)/.exec(section(8));
    expect(Number(models?.[1])).toBeGreaterThan(1);
    const batch = section(9);
    expect(batch).toMatch(/batch: submitted 3 requests as \S+ \(queued\)/);
    expect([...batch.matchAll(/^batch\[(\d)\] (q\d) ok: /gm)].map((x) => `${x[1]}:${x[2]}`)).toEqual(["0:q1", "1:q2", "2:q3"]);
  });
});
