#!/usr/bin/env node
/**
 * `edge-ai-emulator` / `pnpm mock`: runs the local Workers AI emulator until interrupted.
 * The first stdout line is exactly `edge-ai emulator listening on <url>` (the C# tests parse it).
 */
import { parseCliOptions, USAGE } from "./cli-options.js";
import { startEmulator } from "./emulator/server.js";

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliOptions>;
  try {
    options = parseCliOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`edge-ai-emulator: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(options);
  process.stdout.write(`edge-ai emulator listening on ${emulator.url}\n`);
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`edge-ai-emulator: ${(error as Error).message}\n`);
  process.exit(1);
});
