/**
 * The error-kind table (error-kinds.json): for every kind both clients share, the TypeScript error class and the
 * C# exception type that must carry it. Runners check the thrown error against this table, not against names
 * hard-coded in each runner, so the mapping is reviewed in one place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { conformanceRoot } from "./load-scenarios.js";
import type { ErrorKind } from "./scenario.js";

/** One row of the table. */
export interface ErrorKindRow {
  description: string;
  /** Name of the error class exported by @edge-ai/client. */
  typescript: string;
  /** Further @edge-ai/client classes that report this kind (timeout: the client's TimeoutError and the server's 408 ServerTimeoutError). */
  typescriptAlso?: string[];
  /** Full name of the exception type in EdgeAi.Client. */
  csharp: string;
  /** Whether the default retry policy of both clients retries this kind. */
  retried: boolean;
}

/** Reads error-kinds.json. */
export function loadErrorKinds(): Record<ErrorKind, ErrorKindRow> {
  const data = JSON.parse(readFileSync(join(conformanceRoot, "error-kinds.json"), "utf8")) as { kinds: Record<ErrorKind, ErrorKindRow> };
  return data.kinds;
}
