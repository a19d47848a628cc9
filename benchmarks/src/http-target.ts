/**
 * A benchmark target that sends one fixed request through an undici Pool sized to the concurrency (one
 * keep-alive connection per in-flight request) and reads the whole body. Used for the emulator, the bare
 * handler and the raw-undici client baseline alike, so all three pay the same client cost.
 */
import { Pool } from "undici";
import type { BenchTarget } from "./compare.js";

/** A request sent unchanged on every call. */
export interface FixedRequest {
  method: "GET" | "POST";
  /** Path and query, e.g. `/client/v4/accounts/x/ai/run/@cf/...`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Builds a target that fails a call unless the status is `expectStatus`. With `bodyFor`, the n-th call sends
 * `bodyFor(n)` instead of `req.body` (every request different: no server-side answer memo can help).
 */
export function poolTarget(name: string, description: string, origin: string, req: FixedRequest, expectStatus = 200, bodyFor?: (n: number) => string): BenchTarget {
  return {
    name,
    description,
    async open(concurrency) {
      const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
      let n = 0;
      return {
        call: async () => {
          const body = bodyFor ? bodyFor(n++) : (req.body ?? null);
          const res = await pool.request({ method: req.method, path: req.path, headers: req.headers, body });
          await res.body.arrayBuffer();
          if (res.statusCode !== expectStatus) throw new Error(`${name}: status ${res.statusCode}, expected ${expectStatus}`);
        },
        close: () => pool.close(),
      };
    },
  };
}
