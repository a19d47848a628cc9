/**
 * Reads the emulator's per-key attempt log (`GET /__emulator/requests?key=`) over a small private keep-alive
 * pool, closed afterwards so the reads leave no sockets behind. The emulator keeps only the newest 10,000 keys, so
 * a long soak reads each call's key as soon as the call settles rather than all at the end.
 */
import { Agent, get } from "node:http";
import type { KeyStats } from "./soak.js";

/** A reader of per-key stats; `close()` destroys its sockets. */
export interface StatsReader {
  read(key: string): Promise<KeyStats>;
  close(): void;
}

/** Opens a reader against the emulator whose API root is `emulatorUrl`. */
export function createStatsReader(emulatorUrl: string, maxSockets = 8): StatsReader {
  const origin = new URL(emulatorUrl).origin;
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    read: (key) =>
      new Promise((resolve, reject) => {
        const req = get(`${origin}/__emulator/requests?key=${encodeURIComponent(key)}`, { agent }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => {
            try {
              const body = JSON.parse(text) as { count: number; timestamps: number[] };
              resolve({ count: body.count, timestamps: body.timestamps });
            } catch (e) {
              reject(new Error(`stats for ${key}: ${res.statusCode} ${text.slice(0, 200)}`, { cause: e }));
            }
          });
        });
        req.setTimeout(10_000, () => req.destroy(new Error(`stats for ${key}: no answer`)));
        req.on("error", reject);
      }),
    close: () => agent.destroy(),
  };
}

/** Fetches stats for every key in `keys` (at most `concurrency` requests in flight). */
export async function fetchKeyStats(emulatorUrl: string, keys: string[], concurrency = 16): Promise<Map<string, KeyStats>> {
  const reader = createStatsReader(emulatorUrl, concurrency);
  const out = new Map<string, KeyStats>();
  try {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < keys.length) {
          const key = keys[next++] as string;
          out.set(key, await reader.read(key));
        }
      }),
    );
  } finally {
    reader.close();
  }
  return out;
}
