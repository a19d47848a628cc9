/**
 * The API descriptions the page offers, read from `openapi/dist/` on every request so a regenerated contract
 * shows up on reload without restarting the server. A missing file is a normal state (the generators may not
 * have run yet), not an error: it is reported as absent and the page says how to produce it.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

/** One description the selector can switch to. */
export interface SpecSource {
  /** URL-safe id, used in `/specs/<id>.json`. */
  id: string;
  /** Label in the Swagger UI selector; also the value of `?urls.primaryName=`. */
  name: string;
  /** Absolute path of the JSON file. */
  file: string;
  /** Command that produces the file, shown when it is missing. */
  producedBy: string;
}

/** A JSON OpenAPI document, kept loose: the page only reads `info`, `servers` and `paths`. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi?: string;
  swagger?: string;
  info?: { title?: string; summary?: string; description?: string; version?: string };
  servers?: Array<Record<string, unknown> & { url: string; description?: string }>;
  paths?: Record<string, Record<string, unknown>>;
};

/** Result of reading one source: the document, or why there is none. */
export type LoadedSpec =
  | { source: SpecSource; status: "ok"; document: OpenApiDocument }
  | { source: SpecSource; status: "missing" }
  | { source: SpecSource; status: "invalid"; reason: string };


/** Repository root, derived from this file's place in `packages/docs/src/`. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The contract first (it is the default selection), then the NSwag export.
 *
 * @example defaultSpecSources() // sources under <repo>/openapi/dist
 */
export function defaultSpecSources(distDir = path.join(REPO_ROOT, "openapi", "dist")): SpecSource[] {
  return [
    {
      id: "edge-ai.openapi",
      name: "Contract (OpenAPI 3.1)",
      file: path.join(distDir, "edge-ai.openapi.json"),
      producedBy: "pnpm generate",
    },
    {
      id: "edge-ai.nswag",
      name: "NSwag export (OpenAPI 3.0.3)",
      file: path.join(distDir, "edge-ai.nswag.json"),
      producedBy: "pnpm export:nswag",
    },
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads and checks one source; never throws for a missing or malformed file. */
export async function loadSpec(source: SpecSource): Promise<LoadedSpec> {
  let text: string;
  try {
    text = await readFile(source.file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { source, status: "missing" };
    return { source, status: "invalid", reason: `cannot read ${source.file}: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { source, status: "invalid", reason: `${source.file} is not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(parsed) || (typeof parsed.openapi !== "string" && typeof parsed.swagger !== "string")) {
    return { source, status: "invalid", reason: `${source.file} has no "openapi" version field` };
  }
  if (!isRecord(parsed.paths)) {
    return { source, status: "invalid", reason: `${source.file} has no "paths" object` };
  }
  return { source, status: "ok", document: parsed as OpenApiDocument };
}

/** Loads every source, in order. */
export function loadSpecs(sources: readonly SpecSource[]): Promise<LoadedSpec[]> {
  return Promise.all(sources.map((source) => loadSpec(source)));
}
