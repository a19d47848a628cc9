/**
 * Measured figures (counts, RSS, durations) of each suite. Tests always return them to their assertions; when
 * RELIABILITY_FIGURES is set (the long run does), they are also appended as JSON lines to that file, which
 * scripts/soak-long.sh turns into the table in RESULTS.md.
 */
import { appendFileSync } from "node:fs";

/** Appends `{suite, at, ...figures}` to $RELIABILITY_FIGURES if set; no-op otherwise. */
export function recordFigures(suite: string, figures: Record<string, unknown>): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ suite, at: new Date().toISOString(), ...figures })}\n`);
}

/** Bytes to MiB with one decimal, for reports. */
export function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
