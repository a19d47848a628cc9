/**
 * Starts the real emulator CLI (`@edge-ai/mocks` src/cli.ts, the same entry as `pnpm mock`) in a child process on
 * port 0. Rate limits are always off: the benchmark sends far more than 300 requests a minute on purpose.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ChildServer, spawnServer } from "./child-server.js";

const require = createRequire(import.meta.url);

/** Path of the emulator CLI source, found through the @edge-ai/mocks package. */
export function emulatorCliPath(): string {
  return join(dirname(require.resolve("@edge-ai/mocks/package.json")), "src", "cli.ts");
}

/** Extra emulator settings for one benchmark. */
export interface EmulatorProcessOptions {
  /** Milliseconds between SSE events (`--pacing-ms`). */
  pacingMs?: number;
  nodeFlags?: string[];
}

/** Starts `edge-ai-emulator --port 0 --quiet --no-rate-limits` in a child process. */
export function startEmulatorProcess(options: EmulatorProcessOptions = {}): Promise<ChildServer> {
  const args = ["--port", "0", "--quiet", "--no-rate-limits"];
  if (options.pacingMs !== undefined) args.push("--pacing-ms", String(options.pacingMs));
  return spawnServer({ entry: emulatorCliPath(), args, nodeFlags: options.nodeFlags ?? [] });
}

/** The account id and token the benchmarks send; the emulator accepts any non-empty token by default. */
export const ACCOUNT_ID = "0123456789abcdef0123456789abcdef";
export const API_TOKEN = "bench-token";
