/**
 * The local Workers AI emulator: node:http on 127.0.0.1 serving the contract under `/client/v4`.
 * Requests go straight into the shared dispatch as plain objects (no Request/Response, no msw),
 * which keeps the hot path close to a bare node:http handler.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { dispatch } from "../dispatch.js";
import { dispatchGateway, GATEWAY_BASE, GatewayCache, gatewayTarget } from "../gateway.js";
import { failure, ErrorCode, noRoute } from "../envelope.js";
import type { MockRequest, MockResponse } from "../mock-response.js";
import { MockState, type MockOptions } from "../mock-state.js";
import { MAX_BODY_BYTES, tooLarge } from "../validate.js";
import { answerPreflight, CORS_HEADERS } from "./cors.js";
import { BodyBudget, MAX_BUFFERED_BODY_BYTES, readBody, type BodyResult } from "./read-body.js";
import { writeResponse } from "./write-response.js";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions extends MockOptions {
  /** TCP port; 0 (the default here) picks a free one. The CLI defaults to 8787. */
  port?: number;
  /** Interface to bind; 127.0.0.1 by default. */
  host?: string;
  /** Silence the per-request log line. */
  quiet?: boolean;
  /** Where log lines go (default: process.stdout). */
  log?: (line: string) => void;
  /**
   * Request-body bytes held at once across all connections (default 64 MiB). A body that would push the total
   * past it gets a 503 envelope with `Retry-After: 1` instead of being buffered (docs/decisions/0033).
   */
  maxBufferedBodyBytes?: number;
  /** Delay in ms between the last event of a `stream-cut` and the socket cut (default 0: at once). */
  streamCutGraceMs?: number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL to give clients, e.g. `http://127.0.0.1:53121/client/v4`. */
  url: string;
  port: number;
  /** Request-body bytes held in memory right now (bodies still being read), for tests and diagnostics. */
  bufferedBodyBytes(): number;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const BASE = "/client/v4";
const STATS = "/__emulator/requests";

/**
 * The MockRequest of one node:http request. A class, not an object literal with a `get query()`: V8 keeps accessor
 * functions in the hidden class, so a literal with a fresh getter closure got a new hidden class per request. That
 * made every property read in dispatch megamorphic and allocated maps in old space, which the scavenger then had to
 * promote (about a third of the emulator's CPU per request; docs/decisions/0350).
 */
class NodeRequest implements MockRequest {
  #query: URLSearchParams | undefined;
  readonly #headers: IncomingMessage["headers"];

  constructor(
    readonly method: string,
    readonly path: string,
    readonly search: string,
    headers: IncomingMessage["headers"],
    readonly body: Uint8Array,
  ) {
    this.#headers = headers;
  }

  get query(): URLSearchParams {
    return (this.#query ??= new URLSearchParams(this.search));
  }

  header(name: string): string | undefined {
    const value = this.#headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  }
}

function makeRequest(req: IncomingMessage, path: string, search: string, body: Uint8Array): MockRequest {
  return new NodeRequest(req.method ?? "GET", path, search, req.headers, body);
}

/** 503 for a body that does not fit the server's body budget; retryable once other uploads finish. */
function busy(): MockResponse {
  return failure(503, ErrorCode.internal, "Service temporarily unavailable: too many request bodies in flight, retry shortly", { "retry-after": "1" });
}

function json(status: number, body: unknown): MockResponse {
  return { status, headers: { "content-type": "application/json" }, body: body as object };
}

/** GET /__emulator/requests?key= (attempts + timestamps), DELETE resets. */
function stats(method: string | undefined, search: string, state: MockState): MockResponse {
  const key = new URLSearchParams(search).get("key");
  if (method === "DELETE") {
    state.faults.reset();
    return json(200, { reset: true });
  }
  if (method === "GET" && key) return json(200, state.faults.stats(key));
  return failure(400, undefined, "Bad input: GET /__emulator/requests needs ?key=<id>; DELETE resets");
}

/** Wraps a callback so it runs at most once (streams report both end and close). */
function once(fn: (() => void) | undefined): (() => void) | undefined {
  if (!fn) return undefined;
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}

/**
 * Starts the emulator.
 * @example
 * const emulator = await startEmulator({ port: 0, quiet: true });
 * const res = await fetch(`${emulator.url}/accounts/0123456789abcdef0123456789abcdef/ai/models/search`, { headers: { authorization: "Bearer t" } });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const state = new MockState({ ...options, rateLimits: options.rateLimits ?? true });
  const budget = new BodyBudget(options.maxBufferedBodyBytes ?? MAX_BUFFERED_BODY_BYTES);
  const log = options.quiet ? undefined : (options.log ?? ((line: string) => process.stdout.write(`${line}\n`)));
  const writeOptions = { cutGraceMs: options.streamCutGraceMs ?? 0 };
  const gatewayCache = new GatewayCache();

  /** Writes an answer, honouring transport faults; logs once the answer is done. */
  const send = (req: IncomingMessage, res: ServerResponse, path: string, started: number, response: MockResponse): void => {
    const done = log
      ? () => log(`${req.method} ${path} ${response.status} ${(performance.now() - started).toFixed(1)}ms`)
      : undefined;
    const transport = response.transport;
    if (transport === undefined) return writeResponse(res, response, once(done), writeOptions);
    if (transport.reset) {
      req.socket.destroy();
      return done?.();
    }
    const delay = transport.delayMs ?? 0;
    if (delay <= 0) return writeResponse(res, response, once(done), writeOptions);
    const timer = setTimeout(() => !res.destroyed && writeResponse(res, response, once(done), writeOptions), delay);
    res.on("close", () => clearTimeout(timer));
  };

  const answer = (req: IncomingMessage, res: ServerResponse, path: string, search: string, started: number, body: BodyResult): void => {
    if (body === "aborted") return; // the client is gone; nothing to answer
    if (body === "too-large" || body === "busy") {
      // Answered before dispatch, so count the attempt here: runners check attempts per fault key.
      const key = req.headers["x-emulator-fault-key"];
      if (typeof key === "string") state.faults.record(key);
      res.shouldKeepAlive = false; // the unread rest of the body must not be parsed as a request
      return send(req, res, path, started, body === "busy" ? busy() : tooLarge());
    }
    let response: MockResponse;
    try {
      const gateway = gatewayTarget(path); // AI Gateway form: same dispatch behind the gateway's cache (../gateway.ts)
      response = gateway
        ? dispatchGateway(makeRequest(req, path, search, body), gateway, gatewayCache, (r) => dispatch(r, state), (key) => state.faults.record(key))
        : dispatch(makeRequest(req, path.slice(BASE.length), search, body), state);
    } catch (error) {
      response = failure(500, ErrorCode.internal, `Internal emulator error: ${(error as Error).message}`);
    }
    send(req, res, path, started, response);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = log ? performance.now() : 0;
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q === -1 ? rawUrl : rawUrl.slice(0, q);
    const search = q === -1 ? "" : rawUrl.slice(q + 1);
    if (req.method === "OPTIONS") return answerPreflight(req, res);
    if (path === STATS) return send(req, res, path, started, stats(req.method, search, state));
    if (!path.startsWith(`${BASE}/`) && !path.startsWith(GATEWAY_BASE)) return send(req, res, path, started, noRoute(404));
    readBody(req, (body) => answer(req, res, path, search, started, body), MAX_BODY_BYTES, budget);
  };

  const server = createServer({ keepAliveTimeout: 5_000, requestTimeout: 60_000, headersTimeout: 20_000 }, (req, res) => {
    try {
      handle(req, res);
    } catch {
      res.destroy(); // never take the process down for one request
    }
  });
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    // `Expect: 100-continue` (curl, for bodies over 1 kB): refuse an oversized upload before it is sent.
    if (!(Number(req.headers["content-length"]) > MAX_BODY_BYTES)) res.writeContinue();
    server.emit("request", req, res);
  });
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // Malformed requests (bad framing, oversize headers) get a plain answer; only that socket closes.
    if (!socket.writable) return socket.destroy();
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    const cors = Object.entries(CORS_HEADERS).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    socket.end(`HTTP/1.1 ${status}\r\n${cors}connection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${BASE}`,
    port,
    bufferedBodyBytes: () => budget.used,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
