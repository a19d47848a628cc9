/**
 * The copy of a spec the page receives. The files in `openapi/dist/` stay untouched; only the served copy gets
 * a `servers` list that matches this run, so "Try it out" goes to the emulator that is actually listening.
 */
import type { OpenApiDocument } from "./spec-sources.js";

/** Where the local emulator is and whether this process started it. */
export interface EmulatorTarget {
  /** Base URL including `/client/v4`, e.g. `http://127.0.0.1:8787/client/v4`. */
  url: string;
  /** True when the docs command started it; false when it is only expected (`--no-emulator`). */
  running: boolean;
}

type Server = NonNullable<OpenApiDocument["servers"]>[number];

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** True for servers on this machine, i.e. the emulator entries the contract ships with. */
export function isLoopbackServer(server: Server): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(server.url).hostname);
  } catch {
    // Relative or templated URLs ("{scheme}://...") cannot be the emulator.
    return false;
  }
}

/**
 * Returns a copy of `document` whose `servers` list the emulator of this run and the remote (Cloudflare)
 * servers of the file. The loopback entries of the file are dropped: they name the emulator's default port,
 * which may not be the one in use. A running emulator comes first (Swagger UI preselects the first server);
 * with `--no-emulator` Cloudflare stays first and the emulator is listed second.
 *
 * @example servedSpec(doc, { url: "http://127.0.0.1:40123/client/v4", running: true }).servers[0].url
 */
export function servedSpec(document: OpenApiDocument, emulator: EmulatorTarget): OpenApiDocument {
  const copy = structuredClone(document);
  const remote = (document.servers ?? []).filter((server) => !isLoopbackServer(server));
  const local: Server = {
    url: emulator.url,
    description: emulator.running
      ? "Local emulator started by `pnpm run docs` (any bearer token works)"
      : "Local emulator (not started by the docs page: run `pnpm mock`)",
  };
  copy.servers = emulator.running ? [local, ...remote] : [...remote, local];
  return copy;
}

/** One operation of a document, as the page and its test need it. */
export interface ListedOperation {
  method: string;
  path: string;
  operationId?: string;
  tags: string[];
  deprecated: boolean;
}

/** Lists operations (HTTP methods under `paths`); Swagger UI renders one block per operation and tag. */
export function listOperations(document: OpenApiDocument): ListedOperation[] {
  const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
  const result: ListedOperation[] = [];
  for (const [route, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (!methods.has(method) || typeof operation !== "object" || operation === null) continue;
      const op = operation as { operationId?: unknown; tags?: unknown; deprecated?: unknown };
      result.push({
        method,
        path: route,
        ...(typeof op.operationId === "string" ? { operationId: op.operationId } : {}),
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
        deprecated: op.deprecated === true,
      });
    }
  }
  return result;
}
