/**
 * `pnpm run docs` as a function: the local emulator (unless told not to) plus the page server, started and
 * stopped together, so "Try it out" has something to call without a Cloudflare account.
 */
import { startDocsServer } from "./docs-server.js";
import { defaultSpecSources, type SpecSource } from "./spec-sources.js";

/** Options of {@link startDocs}; the CLI fills them from its flags. */
export interface StartDocsOptions {
  /** Page port on 127.0.0.1 (0 = free port). */
  port: number;
  /** Emulator port (0 = free port); with `startEmulator: false` it is only the port the page lists. */
  emulatorPort: number;
  /** Start `@edge-ai/mocks`' emulator in this process. */
  startEmulator: boolean;
  /** Silence the emulator's request log. */
  quiet?: boolean;
  /** Specs to offer; defaults to the contract and the NSwag export in `openapi/dist/`. */
  sources?: readonly SpecSource[];
  /** Starts the emulator; defaults to `startEmulator` from `@edge-ai/mocks` (replaceable for embedding). */
  emulatorStarter?: EmulatorStarter;
}

/** A running docs page (and emulator, if started). */
export interface RunningDocs {
  /** Page URL, e.g. `http://127.0.0.1:8788/`. */
  url: string;
  /** Emulator base URL (`.../client/v4`), running or only listed. */
  emulatorUrl: string;
  emulatorRunning: boolean;
  /** Stops the page and the emulator. */
  close(): Promise<void>;
}

/** Thrown when the emulator cannot be loaded or started; the message suggests `--no-emulator`. */
export class DocsStartError extends Error {
  override readonly name = "DocsStartError";
}

/** The part of `@edge-ai/mocks`' emulator handle the docs use. */
export interface EmulatorHandle {
  url: string;
  close(): Promise<void>;
}
/** Signature of `startEmulator` from `@edge-ai/mocks`, as far as the docs call it. */
export type EmulatorStarter = (options: { port: number; quiet: boolean }) => Promise<EmulatorHandle>;

// The module name is a variable so this package typechecks and serves even while @edge-ai/mocks has no
// emulator yet (or a broken one): the failure then surfaces here, as a message, only when the emulator is asked for.
const MOCKS_MODULE = "@edge-ai/mocks";

async function loadEmulatorStarter(): Promise<EmulatorStarter> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(MOCKS_MODULE)) as Record<string, unknown>;
  } catch (error) {
    throw new DocsStartError(
      `cannot load the emulator from ${MOCKS_MODULE} (${(error as Error).message}); run with --no-emulator to serve the docs alone`,
    );
  }
  if (typeof mod.startEmulator !== "function") {
    throw new DocsStartError(`${MOCKS_MODULE} does not export startEmulator; run with --no-emulator to serve the docs alone`);
  }
  return mod.startEmulator as EmulatorStarter;
}

/**
 * Starts the emulator (if asked) and then the page. If the page cannot start, the emulator is stopped again,
 * so a failed start leaves nothing listening.
 *
 * @example
 * const docs = await startDocs({ port: 0, emulatorPort: 0, startEmulator: true, quiet: true });
 * console.log(docs.url, docs.emulatorUrl);
 * await docs.close();
 */
export async function startDocs(options: StartDocsOptions): Promise<RunningDocs> {
  let emulator: EmulatorHandle | undefined;
  if (options.startEmulator) {
    const start = options.emulatorStarter ?? (await loadEmulatorStarter());
    try {
      emulator = await start({ port: options.emulatorPort, quiet: options.quiet ?? false });
    } catch (error) {
      throw new DocsStartError(
        `the emulator did not start on 127.0.0.1:${options.emulatorPort} (${(error as Error).message}); pass --emulator-port N or --no-emulator`,
      );
    }
  }
  const emulatorUrl = emulator?.url ?? `http://127.0.0.1:${options.emulatorPort}/client/v4`;
  let page;
  try {
    page = await startDocsServer({
      port: options.port,
      sources: options.sources ?? defaultSpecSources(),
      emulator: { url: emulatorUrl, running: emulator !== undefined },
    });
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  return {
    url: page.url,
    emulatorUrl,
    emulatorRunning: emulator !== undefined,
    close: async () => {
      await Promise.all([page.close(), emulator?.close()]);
    },
  };
}
