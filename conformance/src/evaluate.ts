/**
 * Judges one run: the client's outcome plus the emulator's request log against the scenario's expectations.
 * Returns every mismatch as a sentence, so a failing scenario says all that is wrong at once.
 */
import type { KeyStats } from "./emulator-session.js";
import { minGapMs } from "./emulator-session.js";
import { runChecks } from "./json-checks.js";
import type { Outcome } from "./outcome.js";
import type { Scenario } from "./scenario.js";

function hex(bytes: Uint8Array, n: number): string {
  return Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, "0")).join("");
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.ok) return `a ${outcome.result.type} result`;
  const e = outcome.error;
  return `${e.typeName} (kind ${e.kind ?? "none"}, code ${e.code ?? "none"}, status ${e.status ?? "none"}): ${e.message}`;
}

/** Resolution of the emulator's request timestamps; a measured gap may be this much short of the true one. */
export const CLOCK_GRANULARITY_MS = 1;

/** Every way `outcome` and `stats` differ from `scenario.expect` (empty = the scenario passed). */
export function evaluate(scenario: Scenario, outcome: Outcome, stats: KeyStats): string[] {
  const failures: string[] = [];
  const { expect } = scenario;
  if (stats.count !== expect.attempts) failures.push(`attempts: the emulator saw ${stats.count}, expected ${expect.attempts}`);
  if (expect.minWaitMs !== undefined) {
    const gap = minGapMs(stats.timestamps);
    if (gap === undefined) failures.push(`minWaitMs: fewer than two attempts, cannot measure a wait of ${expect.minWaitMs} ms`);
    // The emulator stamps arrivals in whole milliseconds (Date.now), so a true gap of 14.9 ms can read as 14.
    else if (gap + CLOCK_GRANULARITY_MS < expect.minWaitMs) failures.push(`minWaitMs: attempts ${gap} ms apart, expected at least ${expect.minWaitMs} ms`);
  }

  if (expect.error) {
    if (outcome.ok) return [...failures, `expected error ${expect.error.kind}, got ${describeOutcome(outcome)}`];
    const e = outcome.error;
    if (e.kind !== expect.error.kind) failures.push(`error kind: expected ${expect.error.kind}, got ${describeOutcome(outcome)}`);
    else if (!e.matchesTableType) failures.push(`error type: ${e.typeName} is not the type error-kinds.json names for ${expect.error.kind}`);
    if (expect.error.code !== undefined && e.code !== expect.error.code) failures.push(`error code: expected ${expect.error.code}, got ${e.code ?? "none"}`);
    if (expect.error.status !== undefined && e.status !== expect.error.status) failures.push(`error status: expected ${expect.error.status}, got ${e.status ?? "none"}`);
    if (expect.error.afterChunks !== undefined && outcome.chunksBeforeError < expect.error.afterChunks) {
      failures.push(`stream error after ${outcome.chunksBeforeError} chunk(s), expected at least ${expect.error.afterChunks}`);
    }
    return failures;
  }

  const want = expect.result!;
  if (!outcome.ok) return [...failures, `expected a ${want.type} result, got ${describeOutcome(outcome)}`];
  const got = outcome.result;
  if (got.type !== want.type) return [...failures, `expected a ${want.type} result, got ${describeOutcome(outcome)}`];
  if (want.type === "json" && got.type === "json") {
    failures.push(...runChecks(got.value, want.checks ?? []).map((f) => `result ${f}`));
  } else if (want.type === "image" && got.type === "image") {
    if (!got.mediaType.startsWith(want.mediaType)) failures.push(`image media type: expected ${want.mediaType}, got ${got.mediaType}`);
    if (want.minBytes !== undefined && got.bytes.length < want.minBytes) failures.push(`image: ${got.bytes.length} bytes, expected at least ${want.minBytes}`);
    if (want.magicHex !== undefined && hex(got.bytes, want.magicHex.length / 2) !== want.magicHex) {
      failures.push(`image: starts with ${hex(got.bytes, want.magicHex.length / 2)}, expected ${want.magicHex}`);
    }
  } else if (want.type === "stream" && got.type === "stream") {
    const n = got.chunks.length;
    if (want.minChunks !== undefined && n < want.minChunks) failures.push(`stream: ${n} chunk(s), expected at least ${want.minChunks}`);
    if (want.maxChunks !== undefined && n > want.maxChunks) failures.push(`stream: ${n} chunk(s), expected at most ${want.maxChunks}`);
    const text = got.chunks.map((c) => c.text).join("");
    if (want.textMinLength !== undefined && text.length < want.textMinLength) failures.push(`stream text: ${text.length} characters, expected at least ${want.textMinLength}`);
    if (want.usage === true && !got.chunks.some((c) => c.hasUsage)) failures.push("stream: no chunk carried usage");
    if (want.toolCalls === true && !got.chunks.some((c) => c.hasToolCalls)) failures.push("stream: no chunk carried tool calls");
  }
  return failures;
}
