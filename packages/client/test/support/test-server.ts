/**
 * A tiny node:http server on 127.0.0.1, port 0, recording every request with its raw path, for tests that must
 * see exactly what went over the wire (literal slashes in slugs, headers, retried bodies).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** The raw request target, exactly as sent (no normalisation). */
  rawPath: string;
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** Handles one request; `n` counts requests from 0. */
export type TestHandler = (req: SeenRequest, res: ServerResponse, n: number) => void | Promise<void>;

/** A running test server. */
export interface TestServer {
  origin: string;
  /** `origin` + "/client/v4", shaped like the real base URL. */
  baseUrl: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a server on an ephemeral port. */
export async function startTestServer(handler: TestHandler): Promise<TestServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const seen: SeenRequest = { method: req.method ?? "", rawPath: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      const n = requests.length;
      requests.push(seen);
      Promise.resolve(handler(seen, res, n)).catch((err: unknown) => {
        res.destroy(err as Error);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/client/v4`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes a JSON answer. */
export function sendJSON(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A Cloudflare success envelope around `result`. */
export function envelope(result: unknown): unknown {
  return { result, success: true, errors: [], messages: [] };
}

/** A Cloudflare failure envelope with one error. */
export function failure(code: number | undefined, message: string): unknown {
  return { result: null, success: false, errors: [code === undefined ? { message } : { code, message }], messages: [] };
}
