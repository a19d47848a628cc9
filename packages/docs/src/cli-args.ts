/**
 * Command-line flags of `pnpm run docs`. Parsing is separate from the server so bad flags fail before anything
 * binds a port, with an error that names the flag.
 */

/** What `pnpm run docs` was asked to do. */
export interface DocsCliOptions {
  /** Port of the docs page on 127.0.0.1 (0 picks a free one). */
  port: number;
  /** Port of the emulator started next to the page (0 picks a free one). */
  emulatorPort: number;
  /** Start the emulator in-process; false lists it as a server only (run `pnpm mock` yourself). */
  startEmulator: boolean;
  /** Silence the emulator's per-request log lines. */
  quiet: boolean;
  /** Print usage and exit. */
  help: boolean;
}

/** Default page port: next to the emulator's 8787 so both are easy to remember. */
export const DEFAULT_DOCS_PORT = 8788;
/** The emulator's conventional port (the contract lists `http://127.0.0.1:8787/client/v4`). */
export const DEFAULT_EMULATOR_PORT = 8787;

/** Thrown for an unknown flag or a bad value; the message names the flag and what was wrong. */
export class DocsUsageError extends Error {
  override readonly name = "DocsUsageError";
}

/** Usage text printed by `--help` and after a usage error. */
export const DOCS_USAGE = `Usage: pnpm run docs [--port N] [--emulator-port N] [--no-emulator] [--quiet]

  --port N            port of the docs page on 127.0.0.1 (default ${DEFAULT_DOCS_PORT}; 0 = any free port)
  --emulator-port N   port of the local emulator (default ${DEFAULT_EMULATOR_PORT}; 0 = any free port)
  --no-emulator       do not start the emulator; the page still lists it (start it with \`pnpm mock\`)
  --quiet             no per-request log lines from the emulator
  --help              this text`;

function parsePort(flag: string, raw: string | undefined): number {
  if (raw === undefined || raw === "" || raw.startsWith("--")) {
    throw new DocsUsageError(`${flag} needs a port number (0-65535)`);
  }
  if (!/^\d+$/.test(raw)) throw new DocsUsageError(`${flag} must be an integer 0-65535, got "${raw}"`);
  const port = Number(raw);
  if (port > 65535) throw new DocsUsageError(`${flag} must be an integer 0-65535, got ${port}`);
  return port;
}

/**
 * Parses the flags after `pnpm run docs`. Accepts `--flag value` and `--flag=value`; a bare `--` (which some pnpm
 * versions insert before forwarded arguments) is ignored.
 *
 * @example parseDocsArgs(["--port", "9000", "--no-emulator"]) // { port: 9000, startEmulator: false, ... }
 */
export function parseDocsArgs(argv: readonly string[]): DocsCliOptions {
  const options: DocsCliOptions = {
    port: DEFAULT_DOCS_PORT,
    emulatorPort: DEFAULT_EMULATOR_PORT,
    startEmulator: true,
    quiet: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case "--port":
        options.port = parsePort(flag, value());
        break;
      case "--emulator-port":
        options.emulatorPort = parsePort(flag, value());
        break;
      case "--no-emulator":
        options.startEmulator = false;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new DocsUsageError(`unknown argument "${arg}"`);
    }
    if (inline !== undefined && (flag === "--no-emulator" || flag === "--quiet" || flag === "--help")) {
      throw new DocsUsageError(`${flag} takes no value`);
    }
  }
  return options;
}
