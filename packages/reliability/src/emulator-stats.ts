/**
 * Reads the emulator's per-key attempt log (`GET /__emulator/requests?key=`) for many keys over a small private
 * keep-alive pool, destroyed afterwards so the reads leave no sockets behind.
 */
import { Agent, get } from "node:http";
import type { KeyStats } from "./soak.js";

/** Fetches stats for every key in `keys` (at most `concurrency` requests in flight). */
export async function fetchKeyStats(emulatorUrl: string, keys: string[], concurrency = 16): Promise<Map<string, KeyStats>> {
  const origin = new URL(emulatorUrl).origin;
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const out = new Map<string, KeyStats>();
  const one = (key: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = get(`${origin}/__emulator/requests?key=${encodeURIComponent(key)}`, { agent }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          try {
            const body = JSON.parse(text) as { count: number; timestamps: number[] };
            out.set(key, { count: body.count, timestamps: body.timestamps });
            resolve();
          } catch (e) {
            reject(new Error(`stats for ${key}: ${res.statusCode} ${text.slice(0, 200)}`, { cause: e }));
          }
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error(`stats for ${key}: no answer`)));
      req.on("error", reject);
    });
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < keys.length) await one(keys[next++] as string);
      }),
    );
  } finally {
    agent.destroy();
  }
  return out;
}
