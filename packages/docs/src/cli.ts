/**
 * Entry point of `pnpm run docs`: parses the flags, starts the emulator and the page, prints both URLs and stops
 * cleanly on Ctrl-C.
 *
 * @example pnpm run docs --port 9000 --emulator-port 0
 */
import { DOCS_USAGE, DocsUsageError, parseDocsArgs } from "./cli-args.js";
import { startDocs } from "./start-docs.js";

async function main(): Promise<void> {
  let options;
  try {
    options = parseDocsArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof DocsUsageError) {
      console.error(`edge-ai docs: ${error.message}\n\n${DOCS_USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    console.log(DOCS_USAGE);
    return;
  }
  const docs = await startDocs(options);
  console.log(`edge-ai docs listening on ${docs.url}`);
  console.log(
    docs.emulatorRunning
      ? `edge-ai docs: "Try it out" calls the emulator at ${docs.emulatorUrl}`
      : `edge-ai docs: emulator not started; the page lists ${docs.emulatorUrl} (start it with \`pnpm mock\`)`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    docs.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`edge-ai docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
