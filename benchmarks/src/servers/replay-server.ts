/**
 * The client benchmark's server: it answers from recordings of the emulator. The first time it sees a request
 * (method, URL and body) it forwards it to the emulator and records the answer; afterwards it replays the
 * recorded bytes. The warm-up fills the recordings, so the measured window costs the server almost nothing and
 * the figures show client overhead instead of the emulator's synthesis work (which would flatten every ratio).
 * Usage: replay-server.ts <upstream origin>   prints `replay server listening on http://127.0.0.1:PORT/client/v4`
 * GET /__replay/stats answers {"hits":N,"misses":N} so the harness can check the window was all replays.
 */
import { createServer } from "node:http";
import { request } from "undici";
import { replayableHeaders } from "../recorded-response.js";

const upstream = process.argv[2];
if (upstream === undefined) throw new Error("usage: replay-server.ts <upstream origin>");
const upstreamOrigin = new URL(upstream).origin;

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
const recordings = new Map<string, Entry>();
let hits = 0;
let misses = 0;

async function record(method: string, url: string, headers: Record<string, string | string[] | undefined>, body: Buffer): Promise<Entry> {
  const forward: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || k === "host" || k === "connection" || k === "content-length" || k === "transfer-encoding") continue;
    forward[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  const res = await request(`${upstreamOrigin}${url}`, {
    method: method as "GET",
    headers: forward,
    body: method === "GET" || method === "HEAD" ? null : body,
  });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const h = replayableHeaders(res.headers);
  h["content-length"] = String(bytes.length);
  return { status: res.statusCode, headers: h, body: bytes };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    if (req.url === "/__replay/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ hits, misses, recordings: recordings.size }));
      return;
    }
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const key = `${req.method} ${req.url}\n${body.toString("latin1")}`;
    const hit = recordings.get(key);
    if (hit !== undefined) {
      hits++;
      res.writeHead(hit.status, hit.headers);
      res.end(hit.body);
      return;
    }
    misses++;
    record(req.method ?? "GET", req.url ?? "/", req.headers, body).then(
      (entry) => {
        recordings.set(key, entry);
        res.writeHead(entry.status, entry.headers);
        res.end(entry.body);
      },
      (err: unknown) => {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ success: false, errors: [{ code: 502, message: `replay upstream failed: ${String(err)}` }] }));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("no TCP address");
  console.log(`replay server listening on http://127.0.0.1:${addr.port}/client/v4`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
