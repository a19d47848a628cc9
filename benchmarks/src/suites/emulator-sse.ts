/**
 * Many SSE streams held open at once against the emulator (issue 3, item 6), with the emulator process's
 * resident memory before, at peak and after. The emulator runs with `--pacing-ms` so every stream stays open for
 * its whole token sequence; all streams are requested at the same moment over one connection each, and the
 * number simultaneously open (headers received, `[DONE]` not yet) is tracked to show they really overlapped.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { Pool } from "undici";
import type { ChildServer } from "../child-server.js";
import type { BenchConfig } from "../config.js";
import { ACCOUNT_ID, API_TOKEN, startEmulatorProcess } from "../emulator-process.js";
import { describeError } from "../load.js";

/** The suite's output; times in milliseconds, memory in bytes. */
export interface EmulatorSSEResult {
  model: string;
  streams: number;
  pacingMs: number;
  completed: number;
  failed: number;
  firstError?: string;
  /** Most streams open at the same moment. */
  peakOpen: number;
  /** SSE events (`data:` lines) per stream, and total bytes received. */
  eventsPerStream: number;
  bytes: number;
  /** From the first request until every stream had its headers / had ended. */
  allOpenMs: number | null;
  totalMs: number;
  rss: { before: number; peak: number; after: number };
}

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";
const RSS_SAMPLE_MS = 20;
const SETTLE_MS = 1_000;

/**
 * Opens `streams` SSE streams at once against a fresh emulator process and reads them to the end.
 * @example
 * const r = await runEmulatorSSE({ streams: 1000, streamPacingMs: 25 });
 * console.log(r.peakOpen, r.rss.peak);
 */
export async function runEmulatorSSE(config: Pick<BenchConfig, "streams" | "streamPacingMs">, log: (line: string) => void = () => {}): Promise<EmulatorSSEResult> {
  let emulator: ChildServer | undefined;
  let pool: Pool | undefined;
  try {
    emulator = await startEmulatorProcess({ pacingMs: config.streamPacingMs });
    const url = new URL(emulator.url);
    const path = `${url.pathname}/accounts/${ACCOUNT_ID}/ai/run/${MODEL}`;
    const headers = { authorization: `Bearer ${API_TOKEN}`, "content-type": "application/json", accept: "text/event-stream" };
    const body = JSON.stringify({ messages: [{ role: "user", content: "Tell me about lighthouses." }], stream: true });
    pool = new Pool(url.origin, { connections: config.streams, pipelining: 1 });

    // One stream first: warms the emulator's code paths so "before" is an idle, started server, not a cold one.
    const warm = await pool.request({ method: "POST", path, headers, body });
    const warmText = await warm.body.text();
    if (warm.statusCode !== 200 || !warmText.includes("data: [DONE]")) throw new Error(`warm-up stream failed: ${warm.statusCode} ${warmText.slice(0, 200)}`);
    const eventsPerStream = (warmText.match(/^data:/gm) ?? []).length;
    await sleep(300);
    const before = emulator.rss();

    let peak = before;
    const sampler = setInterval(() => {
      const rss = emulator!.rss();
      if (rss > peak) peak = rss;
    }, RSS_SAMPLE_MS);

    let open = 0;
    let peakOpen = 0;
    let withHeaders = 0;
    let allOpenAt: number | null = null;
    let bytes = 0;
    let completed = 0;
    let failed = 0;
    let firstError: string | undefined;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: config.streams }, async () => {
        let counted = false;
        try {
          const res = await pool!.request({ method: "POST", path, headers, body });
          if (res.statusCode !== 200) {
            await res.body.dump();
            throw new Error(`status ${res.statusCode}`);
          }
          open++;
          counted = true;
          peakOpen = Math.max(peakOpen, open);
          if (++withHeaders === config.streams) allOpenAt = performance.now() - t0;
          let tail = "";
          for await (const chunk of res.body) {
            bytes += (chunk as Buffer).length;
            tail = (tail + (chunk as Buffer).toString("latin1")).slice(-32);
          }
          if (!tail.includes("data: [DONE]")) throw new Error("stream ended without data: [DONE]");
          completed++;
        } catch (err) {
          failed++;
          firstError ??= describeError(err);
        } finally {
          if (counted) open--;
        }
      }),
    );
    const totalMs = performance.now() - t0;
    clearInterval(sampler);
    await pool.close();
    pool = undefined;
    await sleep(SETTLE_MS);
    const after = emulator.rss();
    const result: EmulatorSSEResult = {
      model: MODEL,
      streams: config.streams,
      pacingMs: config.streamPacingMs,
      completed,
      failed,
      peakOpen,
      eventsPerStream,
      bytes,
      allOpenMs: allOpenAt,
      totalMs,
      rss: { before, peak, after },
    };
    if (firstError !== undefined) result.firstError = firstError;
    log(
      `emulator-sse: ${completed}/${config.streams} streams completed, peak ${peakOpen} open at once, ${eventsPerStream} events each, ` +
        `RSS ${mib(before)} -> ${mib(peak)} -> ${mib(after)} MiB in ${totalMs.toFixed(0)} ms`,
    );
    return result;
  } finally {
    await pool?.destroy();
    await emulator?.close();
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}
