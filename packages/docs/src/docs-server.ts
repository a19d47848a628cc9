/**
 * The docs page server: node:http on 127.0.0.1 only. Routes: `/` (the page), `/specs/<id>.json` (the served
 * copy of a spec, servers patched for this run) and the allow-listed static assets. Everything else is 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { contentSecurityPolicy, renderIndexPage } from "./index-page.js";
import { servedSpec, type EmulatorTarget } from "./served-spec.js";
import { loadSpec, loadSpecs, type SpecSource } from "./spec-sources.js";
import { staticAssets } from "./static-assets.js";

/** Options of {@link startDocsServer}. */
export interface DocsServerOptions {
  /** Port on 127.0.0.1; 0 picks a free one (what tests use). */
  port: number;
  /** The specs offered by the selector, the default one first. */
  sources: readonly SpecSource[];
  /** The emulator the served specs point "Try it out" at. */
  emulator: EmulatorTarget;
}

/** A listening docs server. */
export interface DocsServer {
  /** Page URL, e.g. `http://127.0.0.1:8788/`. */
  url: string;
  port: number;
  /** Stops accepting connections and closes idle keep-alive sockets. */
  close(): Promise<void>;
}

/** Thrown when the port cannot be bound; the message says which port and what to do. */
export class DocsServerError extends Error {
  override readonly name = "DocsServerError";
}

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-cache", ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

function sendJsonError(res: ServerResponse, status: number, message: string): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify({ error: message }));
}

async function handle(req: IncomingMessage, res: ServerResponse, options: DocsServerOptions, assets: ReturnType<typeof staticAssets>): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJsonError(res, 405, `method ${req.method ?? "?"} not allowed: the docs server is read-only`);
    return;
  }
  const { pathname } = new URL(req.url ?? "/", "http://127.0.0.1");

  if (pathname === "/" || pathname === "/index.html") {
    const specs = await loadSpecs(options.sources);
    const html = renderIndexPage({ specs, emulatorUrl: options.emulator.url, emulatorRunning: options.emulator.running });
    send(res, 200, "text/html; charset=utf-8", req.method === "HEAD" ? "" : html, {
      "content-security-policy": contentSecurityPolicy(specs),
    });
    return;
  }

  const specMatch = /^\/specs\/([A-Za-z0-9._-]+)\.json$/.exec(pathname);
  if (specMatch) {
    const source = options.sources.find((s) => s.id === specMatch[1]);
    if (!source) return sendJsonError(res, 404, `no spec named "${specMatch[1]}"`);
    const loaded = await loadSpec(source);
    if (loaded.status === "missing") {
      return sendJsonError(res, 404, `${source.file} does not exist yet: run \`${source.producedBy}\``);
    }
    if (loaded.status === "invalid") return sendJsonError(res, 500, loaded.reason);
    const body = JSON.stringify(servedSpec(loaded.document, options.emulator));
    send(res, 200, "application/json; charset=utf-8", req.method === "HEAD" ? "" : body);
    return;
  }

  const asset = assets.get(pathname);
  if (!asset) return sendJsonError(res, 404, `not found: ${pathname}`);
  const info = await stat(asset.file);
  res.writeHead(200, {
    "content-type": asset.contentType,
    "content-length": String(info.size),
    "cache-control": "public, max-age=3600",
    ...SECURITY_HEADERS,
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(asset.file)
    .on("error", (error) => res.destroy(error))
    .pipe(res);
}

/**
 * Starts the page server on 127.0.0.1.
 *
 * @example
 * const docs = await startDocsServer({ port: 0, sources: defaultSpecSources(),
 *   emulator: { url: "http://127.0.0.1:8787/client/v4", running: false } });
 * console.log(docs.url); await docs.close();
 */
export async function startDocsServer(options: DocsServerOptions): Promise<DocsServer> {
  const assets = staticAssets();
  const server = createServer((req, res) => {
    handle(req, res, options, assets).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJsonError(res, 500, `docs server error: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new DocsServerError(`port ${options.port} on 127.0.0.1 is already in use: pass --port N (0 picks a free port)`)
          : new DocsServerError(`cannot listen on 127.0.0.1:${options.port}: ${error.message}`),
      );
    });
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
