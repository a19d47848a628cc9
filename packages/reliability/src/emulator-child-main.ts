/**
 * Entry point of the emulator child process (see emulator-process.ts). Running the emulator in its own process
 * keeps its sockets, timers and memory apart from the client under test: the soak's handle count and the abuse
 * suite's memory figures then measure one side each, and a crash of the emulator cannot take the test runner down.
 */
import { startEmulator } from "@edge-ai/mocks";
import { prototypeChanges, snapshotPrototypes } from "./prototype-guard.js";

type Request = { type: "memory"; gc?: boolean } | { type: "close" };

const options = JSON.parse(process.env.RELIABILITY_EMULATOR_OPTIONS ?? "{}") as Parameters<typeof startEmulator>[0];
const send = (message: unknown): void => {
  process.send?.(message);
};

process.on("uncaughtException", (error) => {
  send({ type: "crash", message: String(error?.stack ?? error) });
  process.exit(70);
});
process.on("unhandledRejection", (reason) => {
  send({ type: "crash", message: `unhandled rejection: ${String((reason as Error)?.stack ?? reason)}` });
  process.exit(70);
});
// The parent owns this process: if it goes away, so do we.
process.on("disconnect", () => process.exit(0));

const prototypes = snapshotPrototypes();
const emulator = await startEmulator({ ...options, port: 0, quiet: true });
process.on("message", (raw: Request) => {
  if (raw.type === "memory") {
    if (raw.gc) (globalThis as { gc?: () => void }).gc?.();
    send({ type: "memory", usage: process.memoryUsage(), prototypeChanges: prototypeChanges(prototypes) });
  } else if (raw.type === "close") {
    void emulator.close().then(() => {
      send({ type: "closed" });
      process.disconnect();
    });
  }
});
send({ type: "ready", url: emulator.url, port: emulator.port });
