/**
 * Starts the Workers AI emulator in a child process and talks to it over IPC: its URL, its memory on demand
 * (optionally after a forced GC), a clean close, and whether it crashed. The reasons for a separate process are
 * in emulator-child-main.ts.
 */
import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Emulator options that cross the process boundary (JSON only). */
export interface EmulatorProcessOptions {
  rateLimits?: boolean;
  tokens?: string[];
  neuronBudget?: number;
  faultRate?: number;
  faults?: string;
  pacingMs?: number;
  seed?: number;
}

/** A running emulator child. */
export interface EmulatorProcess {
  /** Base URL, e.g. http://127.0.0.1:40123/client/v4. */
  url: string;
  port: number;
  pid: number;
  /** The child's `process.memoryUsage()`; with `gc`, measured after a full collection. */
  memory(gc?: boolean): Promise<NodeJS.MemoryUsage>;
  /** Changes to built-in prototypes inside the emulator since it started (pollution through request bodies). */
  prototypeChanges(): Promise<string[]>;
  /** Messages of crashes (uncaught exceptions, unhandled rejections) the child reported; empty when healthy. */
  crashes: string[];
  /** Whether the child is still running. */
  alive(): boolean;
  /** Closes the server and waits for the process to exit. */
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");

/** Forks the emulator with `options`; resolves once it listens on 127.0.0.1. */
export async function startEmulatorProcess(options: EmulatorProcessOptions = {}): Promise<EmulatorProcess> {
  const child: ChildProcess = fork(join(here, "emulator-child-main.ts"), [], {
    // cwd = this package so `--import tsx` resolves our own tsx devDependency.
    cwd: packageDir,
    execArgv: ["--import", "tsx", "--conditions=@edge-ai/source", "--expose-gc"],
    env: { ...process.env, RELIABILITY_EMULATOR_OPTIONS: JSON.stringify(options) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const crashes: string[] = [];
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => {
    exited = true;
    resolve();
  }));
  const waiters: { type: string; resolve: (m: Record<string, unknown>) => void }[] = [];
  child.on("message", (m: Record<string, unknown>) => {
    if (m.type === "crash") crashes.push(String(m.message));
    const i = waiters.findIndex((w) => w.type === m.type);
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m);
  });
  const next = (type: string, timeoutMs = 15_000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`emulator child: no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
      const onExit = () => {
        clearTimeout(timer);
        reject(new Error(`emulator child exited while waiting for "${type}": ${crashes.join("; ")}`));
      };
      void exit.then(onExit);
      waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  const ready = await next("ready", 30_000);
  return {
    url: String(ready.url),
    port: Number(ready.port),
    pid: child.pid ?? -1,
    crashes,
    alive: () => !exited,
    async memory(gc = false) {
      const reply = next("memory");
      child.send({ type: "memory", gc });
      return (await reply).usage as NodeJS.MemoryUsage;
    },
    async prototypeChanges() {
      const reply = next("memory");
      child.send({ type: "memory", gc: false });
      return (await reply).prototypeChanges as string[];
    },
    async close() {
      if (exited) return;
      child.send({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
