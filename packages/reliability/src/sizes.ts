/**
 * Suite sizes. CI runs every suite small enough to finish in well under a minute each; the long run
 * (scripts/soak-long.sh) raises them through environment variables. One place, so RESULTS.md can name the knobs.
 */

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/** Sizes resolved from the environment; read once per test file. */
export interface SuiteSizes {
  /** Calls of the fault-injection soak (RELIABILITY_SOAK_CALLS). */
  soakCalls: number;
  /** Concurrent calls in flight during the soak (RELIABILITY_SOAK_CONCURRENCY). */
  soakConcurrency: number;
  /** fast-check runs per fuzz property (RELIABILITY_FUZZ_RUNS). */
  fuzzRuns: number;
  /** Concurrent streams opened against the emulator (RELIABILITY_ABUSE_STREAMS). */
  abuseStreams: number;
  /** Abusive connections per kind (malformed, slowloris, disconnects) (RELIABILITY_ABUSE_CONNECTIONS). */
  abuseConnections: number;
}

/** CI defaults: ~2,000 soak calls, a few thousand fuzz cases in all, 200 concurrent streams. */
export function suiteSizes(): SuiteSizes {
  return {
    soakCalls: intFromEnv("RELIABILITY_SOAK_CALLS", 2_000),
    soakConcurrency: intFromEnv("RELIABILITY_SOAK_CONCURRENCY", 64),
    fuzzRuns: intFromEnv("RELIABILITY_FUZZ_RUNS", 400),
    abuseStreams: intFromEnv("RELIABILITY_ABUSE_STREAMS", 200),
    abuseConnections: intFromEnv("RELIABILITY_ABUSE_CONNECTIONS", 50),
  };
}
