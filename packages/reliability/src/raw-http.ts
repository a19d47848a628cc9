/**
 * HTTP at the socket level, for abusing the emulator: raw bytes that no HTTP client would send, requests left
 * half-written, streams read and then dropped. Every helper has a hard time limit and destroys its socket, so a
 * misbehaving server makes a helper report "no answer", never hang a test.
 */
import { request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";

/** What came back on a raw connection. */
export interface RawAnswer {
  /** HTTP status of the first response, if a status line arrived. */
  status: number | undefined;
  /** The server closed the connection (as opposed to our timeout closing it). */
  closedByServer: boolean;
  received: number;
  head: string;
}

/** Connects to 127.0.0.1:`port`, writes `payload`, and collects the answer until close or `timeoutMs`. */
export function rawExchange(port: number, payload: string | Uint8Array, timeoutMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const finish = (closedByServer: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const head = Buffer.concat(chunks).subarray(0, 512).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: m ? Number(m[1]) : undefined, closedByServer, received, head });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on("data", (c: Buffer) => {
      if (received < 4096) chunks.push(c);
      received += c.length;
    });
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    socket.on("error", () => finish(true));
    socket.write(payload);
  });
}

/**
 * Opens a connection and dribbles `payload` one slice at a time, `intervalMs` apart, never finishing unless the
 * payload runs out (slowloris). Returns the socket so the caller decides when to let go.
 */
export function slowWriter(port: number, payload: string, sliceBytes: number, intervalMs: number): { socket: Socket; stop: () => void } {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  let offset = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || offset >= payload.length) return clearInterval(timer);
    socket.write(payload.slice(offset, offset + sliceBytes));
    offset += sliceBytes;
  }, intervalMs);
  return {
    socket,
    stop: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

/** A JSON request with a fresh connection (no keep-alive pool shared with anything else). */
export function postJson(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Result of reading (or abandoning) one SSE stream. */
export interface StreamRead {
  status: number;
  chunks: number;
  sawDone: boolean;
  abandoned: boolean;
  /** performance.now() when the response headers arrived and when the stream ended or was dropped. */
  openedAt?: number;
  closedAt?: number;
}

/** The largest number of streams open at the same moment, from their open/close times. */
export function peakConcurrency(reads: StreamRead[]): number {
  const edges: [number, number][] = [];
  for (const r of reads) {
    if (r.openedAt === undefined || r.closedAt === undefined) continue;
    edges.push([r.openedAt, 1], [r.closedAt, -1]);
  }
  // Closes before opens at the same instant, so touching intervals do not count as overlapping.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, d] of edges) peak = Math.max(peak, (open += d));
  return peak;
}

/** Opens a streaming run; reads to the end, or destroys the connection after `dropAfterChunks` chunks. */
export function readStream(url: string, body: string, headers: Record<string, string>, dropAfterChunks?: number, timeoutMs = 60_000): Promise<StreamRead> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent: false, headers: { "content-type": "application/json", ...headers } }, (res) => {
      const openedAt = performance.now();
      let chunks = 0;
      let tail = "";
      res.on("data", (c: Buffer) => {
        chunks++;
        tail = (tail + c.toString("utf8")).slice(-64);
        if (dropAfterChunks !== undefined && chunks >= dropAfterChunks) {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, chunks, sawDone: false, abandoned: true, openedAt, closedAt: performance.now() });
        }
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, chunks, sawDone: tail.includes("data: [DONE]"), abandoned: false, openedAt, closedAt: performance.now() }),
      );
      res.on("error", (e) => (dropAfterChunks !== undefined ? undefined : reject(e)));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`stream did not finish within ${timeoutMs} ms`)));
    // After a deliberate drop the socket error is expected; before it, it means the stream never started.
    req.on("error", (e) => (dropAfterChunks !== undefined ? resolve({ status: 0, chunks: 0, sawDone: false, abandoned: true }) : reject(e)));
    req.end(body);
  });
}
