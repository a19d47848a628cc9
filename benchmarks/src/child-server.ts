/**
 * Servers under test run in their own process, so the load generator and the server never share an event loop
 * or a core (the machine has two). Each server entry prints one line `... listening on <url>`; this module waits
 * for it, reads the child's resident set size from /proc for the memory figures, and tears the child down.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** A server running in a child process. */
export interface ChildServer {
  /** The URL printed by the child (for the emulator: `http://127.0.0.1:PORT/client/v4`). */
  url: string;
  pid: number;
  /** Resident set size of the child in bytes (Linux /proc; falls back to NaN elsewhere). */
  rss(): number;
  /** Stops the child (SIGTERM, then SIGKILL after a grace period). */
  close(): Promise<void>;
}

/** How to start one child server. */
export interface SpawnServerOptions {
  /** TypeScript or JavaScript entry, run through tsx with the `@edge-ai/source` condition. */
  entry: string;
  args?: string[];
  /** Extra node flags, e.g. `--expose-gc`. */
  nodeFlags?: string[];
  env?: Record<string, string>;
  /** How long to wait for the listening line. */
  startTimeoutMs?: number;
}

const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
const LISTENING = /listening on (https?:\/\/\S+)/;

/** Absolute path of a server entry in `src/servers/`. */
export function serverEntry(name: string): string {
  return fileURLToPath(new URL(`./servers/${name}`, import.meta.url));
}

/**
 * Starts a server entry in a child node process and resolves once it printed its URL.
 * @example
 * const bare = await spawnServer({ entry: serverEntry("bare-server.ts"), args: [recordingFile] });
 * try { await runLoad(...) } finally { await bare.close(); }
 */
export async function spawnServer(options: SpawnServerOptions): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    ["--conditions=@edge-ai/source", "--import", "tsx", ...(options.nodeFlags ?? []), options.entry, ...(options.args ?? [])],
    // cwd = this package, so `--import tsx` resolves to our own tsx whoever runs the benchmark.
    { stdio: ["ignore", "pipe", "pipe"], cwd: PACKAGE_ROOT, env: { ...process.env, ...options.env } },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (d: string) => {
    if (stderr.length < 8_000) stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${options.entry} did not print its URL within ${options.startTimeoutMs ?? 20_000} ms\n${stderr}`));
    }, options.startTimeoutMs ?? 20_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      const m = LISTENING.exec(line);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.entry} exited (${code ?? signal}) before listening\n${stderr}`));
    });
  });
  // Keep draining stdout so a chatty child never blocks on a full pipe.
  child.stdout?.resume();
  const pid = child.pid!;
  return { url, pid, rss: () => readRss(pid), close: () => stopChild(child) };
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS). NaN when unavailable. */
export function readRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m?.[1] !== undefined ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
