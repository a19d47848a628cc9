/**
 * Optional debug logging. Off unless asked for (`logLevel` option or the `EDGE_AI_LOG` environment variable),
 * because request logs are only useful when debugging and cost time on the hot path. Every line passes through
 * the token scrubber, and headers are logged redacted.
 */

/** Severity threshold; "off" disables logging. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Anything with console-like methods; `console` works, as do pino and winston loggers. */
export interface Logger {
  error(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  info(message: string, data?: unknown): void;
  debug(message: string, data?: unknown): void;
}

const rank: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A level-filtered, scrubbing wrapper around a Logger; `enabled()` lets callers skip building log data. */
export class Log {
  private readonly threshold: number;
  constructor(
    private readonly sink: Logger,
    level: LogLevel,
    private readonly scrub: (text: string) => string,
  ) {
    this.threshold = rank[level] ?? 0;
  }

  /** Whether messages at `level` are written (check before building expensive data). */
  enabled(level: Exclude<LogLevel, "off">): boolean {
    return rank[level] <= this.threshold;
  }

  /** Writes `message` and `data` (both scrubbed) if `level` passes the threshold. */
  write(level: Exclude<LogLevel, "off">, message: string, data?: Record<string, unknown>): void {
    if (!this.enabled(level)) return;
    const text = `[edge-ai] ${this.scrub(message)}`;
    if (data === undefined) this.sink[level](text);
    else this.sink[level](text, JSON.parse(this.scrub(JSON.stringify(data))) as unknown);
  }
}

/** Resolves the level from the option, then `EDGE_AI_LOG`, defaulting to "warn". */
export function resolveLogLevel(option: LogLevel | undefined, env: Record<string, string | undefined> = process.env): LogLevel {
  if (option) return option;
  const fromEnv = env.EDGE_AI_LOG?.toLowerCase();
  return fromEnv && fromEnv in rank ? (fromEnv as LogLevel) : "warn";
}
