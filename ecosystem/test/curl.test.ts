// curl exactly as Cloudflare's docs write it: no Content-Type with -d / --data-binary (so curl sends
// application/x-www-form-urlencoded), the token in a Bearer header.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect } from "vitest";
import { ACCOUNT, env, implementRows, TOKEN } from "../src/harness.js";

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "edge-ai-curl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs curl; returns the HTTP status (from -w) and the body. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await exec("curl", ["-sS", "-w", "\n%{http_code}", "-H", `Authorization: Bearer ${TOKEN}`, ...args], { maxBuffer: 16 * 1024 * 1024 });
  const cut = stdout.lastIndexOf("\n");
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

const run = (model: string, account = ACCOUNT): string => `${env.base}/accounts/${account}/ai/run/${model}`;

implementRows("curl", {
  "curl.chat": async () => {
    const { status, body } = await curl([run("@cf/meta/llama-3.1-8b-instruct"), "-d", '{"prompt":"Where did the phrase Hello World come from"}']);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ success: true, result: { response: expect.any(String) } });
  },
  "curl.stream": async () => {
    const { status, body } = await curl([run("@cf/meta/llama-3.1-8b-instruct"), "-d", '{"prompt":"Hello","stream":true}']);
    expect(status).toBe(200);
    const events = body.split("\n\n").filter(Boolean);
    expect(events.length).toBeGreaterThan(2);
    expect(events.at(-1)).toBe("data: [DONE]");
  },
  "curl.whisper": async () => {
    const file = join(dir, "talking-llama.mp3");
    writeFileSync(file, Uint8Array.from([0x49, 0x44, 0x33, 0x04, ...Array.from({ length: 4000 }, (_, i) => (i * 13) % 256)]));
    const { status, body } = await curl([run("@cf/openai/whisper"), "-X", "POST", "--data-binary", `@${file}`]);
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({ success: true, result: { text: expect.any(String) } });
  },
  "curl.resnet": async () => {
    const png = join(dir, "cat.png");
    // A real PNG: the emulator's own SDXL answer.
    await curl([run("@cf/stabilityai/stable-diffusion-xl-base-1.0"), "-d", '{"prompt":"a cat"}', "-o", png]);
    const { status, body } = await curl([run("@cf/microsoft/resnet-50"), "--data-binary", `@${png}`]);
    expect(status).toBe(200);
    expect(JSON.parse(body).result[0]).toMatchObject({ label: expect.any(String), score: expect.any(Number) });
  },
  "curl.image": async () => {
    const out = join(dir, "lighthouse.png");
    const { status } = await curl([run("@cf/stabilityai/stable-diffusion-xl-base-1.0"), "-d", '{"prompt":"a lighthouse"}', "-o", out]);
    expect(status).toBe(200);
    expect([...readFileSync(out).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  },
  "curl.token-as-account": async () => {
    const { status, body } = await curl([run("@cf/meta/llama-3.1-8b-instruct", TOKEN), "-d", '{"prompt":"hi"}']);
    expect(status).toBe(400);
    expect(JSON.parse(body).errors.map((e: { code: number }) => e.code)).toEqual([7003, 7000]);
  },
  "curl.get-on-run": async () => {
    const { status, body } = await curl([run("@cf/meta/llama-3.1-8b-instruct")]);
    expect(status).toBe(405);
    expect(JSON.parse(body).errors[0].code).toBe(7001);
  },
});
